//! The parts of a page title: "Title - Site", "Site » Section » Title",
//! "Kicker: Title | Site". Which part is the article's title, and whether
//! a visible heading is one of the parts.

use super::norm::fold;

/// `<title>` without a site name at either end (" - Site", "Site | …").
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" - ", " | ", " – ", " — ", " :: ", " » "] {
            if let Some(t) = title.strip_suffix(&format!("{sep}{site}")) {
                return t.trim().to_string();
            }
            if let Some(t) = title.strip_prefix(&format!("{site}{sep}")) {
                return t.trim().to_string();
            }
        }
    }
    // Breadcrumb order ("Site » Blog » Title", "Title « Blog « Site"):
    // the arrows point at the title.
    if let Some((_, last)) = title.rsplit_once(" » ") {
        return last.trim().to_string();
    }
    if let Some((first, _)) = title.split_once(" « ") {
        return first.trim().to_string();
    }
    // Other lists of parts ("Title / Section / Home"): the longest part.
    for sep in [" · ", " / "] {
        if title.contains(sep) {
            let parts = title.split(sep).map(str::trim);
            let longest = parts.max_by_key(|p| p.chars().count()).unwrap_or(title);
            return longest.to_string();
        }
    }
    // Without a known site name, drop the last segment when it is the
    // shorter side: titles themselves often contain " - ".
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(p) = title.rfind(sep) {
            let (head, tail) = (&title[..p], &title[p + sep.len()..]);
            if tail.chars().count() < head.chars().count() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A `<title>` with a separator after a space ("Site - Section", "Site |",
/// "Home » News", "Title « Site").
pub fn has_parts(title: &str) -> bool {
    [" -", " |", " –", " —", " »", " «", " ·", " :", " /"]
        .iter()
        .any(|p| title.contains(p))
}

/// How well a heading agrees with the references, best first: 0 the same
/// text, 1 a reference is this text plus a site part (" - Site", "Site »
/// "), 2 it stands between two separators ("Site - Section » Title": a
/// middle part is more often a section name than the title).
pub fn agreement(h: &str, refs: &[String]) -> Option<u8> {
    // `@` as in a blog platform's "Post @ Blog :: Platform".
    const SEPS: [char; 8] = ['-', '|', '–', '—', ':', '»', '›', '@'];
    let long = h.chars().count() >= 10;
    let rank = |r: &String| {
        if r == h {
            return Some(0);
        }
        let outer = r
            .strip_prefix(h)
            .is_some_and(|rest| rest.trim_start().starts_with(SEPS))
            || r.strip_suffix(h)
                .is_some_and(|rest| rest.trim_end().ends_with(SEPS));
        if !long {
            None
        } else if outer {
            Some(1)
        } else {
            is_middle_segment(r, h, &SEPS).then_some(2)
        }
    };
    refs.iter().filter_map(rank).min()
}

/// "Site » Title | Section": `h` stands between two separators of `r`.
fn is_middle_segment(r: &str, h: &str, seps: &[char]) -> bool {
    r.match_indices(h).any(|(at, _)| {
        let (before, after) = (r[..at].trim_end(), r[at + h.len()..].trim_start());
        before.ends_with(seps) && after.starts_with(seps)
    })
}

/// The end of `text` that equals a metadata title, when what precedes it
/// is a short kicker; None when the text is not "kicker + title".
pub fn after_kicker(text: &str, metas: &[Option<&str>]) -> Option<String> {
    let f = fold(text);
    metas.iter().flatten().find_map(|m| {
        let r = fold(m.trim());
        let (n, total) = (r.chars().count(), f.chars().count());
        let kicker = total.checked_sub(n)?;
        if n < 15 || !(2..=60).contains(&kicker) || !f.ends_with(&r) {
            return None;
        }
        let before = f.chars().nth(kicker - 1)?;
        (before.is_whitespace() || ":-|–—".contains(before)).then(|| {
            text.chars()
                .skip(kicker)
                .collect::<String>()
                .trim()
                .to_string()
        })
    })
}

/// The metadata title that `text` starts with, when what follows it is
/// another part after a separator ("Title | Other Site", "Title: A Guide").
pub fn before_suffix(text: &str, metas: &[Option<&str>]) -> Option<String> {
    let f = fold(text);
    metas.iter().flatten().find_map(|m| {
        let m = m.trim();
        let rest = f.strip_prefix(&fold(m))?;
        // "Title-like" goes on with the same word: not a separate part.
        let apart = rest.starts_with(char::is_whitespace) || rest.starts_with(':');
        let sep = rest
            .trim_start()
            .starts_with(['-', '|', '–', '—', ':', '»', '·']);
        (m.chars().count() >= 10 && apart && sep).then(|| m.to_string())
    })
}

/// The title without a leading numeric date ("23.01.2022 - Title",
/// "2022/01/23 | Title"): the date is a dateline printed into the heading.
pub fn without_date_prefix(title: &str) -> Option<&str> {
    let end = title.find(|c: char| !(c.is_ascii_digit() || "./-".contains(c)))?;
    let (date, rest) = title.split_at(end);
    let fields: Vec<&str> = date
        .split(['.', '/', '-'])
        .filter(|f| !f.is_empty())
        .collect();
    let numeric = fields.len() == 3 && fields.iter().all(|f| (1..=4).contains(&f.len()));
    let rest = rest
        .trim_start()
        .strip_prefix(['-', '|', '–', '—', ':'])?
        .trim_start();
    (numeric && rest.chars().count() >= 10).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_stripped_without_og() {
        assert_eq!(
            strip_site_name("Kinh tế - xã hội quý III | Báo X", None),
            "Kinh tế - xã hội quý III"
        );
        assert_eq!(strip_site_name("Một tiêu đề", None), "Một tiêu đề");
        assert_eq!(
            strip_site_name("Nhật ký » Lưu trữ » Mùa gặt ở bản Lác", None),
            "Mùa gặt ở bản Lác"
        );
    }

    #[test]
    fn breadcrumb_arrows_point_at_the_title() {
        assert_eq!(
            strip_site_name("Làng Nghề - Tin tức » Mùa gặt ở bản Lác", None),
            "Mùa gặt ở bản Lác"
        );
        assert_eq!(
            strip_site_name("Hoa ban nở « Nhật ký của Lan", None),
            "Hoa ban nở"
        );
    }

    #[test]
    fn an_outer_part_agrees_better_than_a_middle_one() {
        let refs = ["làng nghề - tin tức » mùa gặt ở bản lác | trang 2".to_string()];
        assert_eq!(
            agreement("làng nghề - tin tức » mùa gặt ở bản lác | trang 2", &refs),
            Some(0)
        );
        assert_eq!(agreement("làng nghề", &refs), None);
        assert_eq!(
            agreement("tin tức » mùa gặt ở bản lác | trang 2", &refs),
            Some(1)
        );
        assert_eq!(agreement("mùa gặt ở bản lác", &refs), Some(2));
    }

    #[test]
    fn a_date_before_the_title_is_not_the_title() {
        let t = "23.01.2022 - Lễ hội đền Gióng khai mạc";
        assert_eq!(without_date_prefix(t), Some("Lễ hội đền Gióng khai mạc"));
        assert_eq!(
            without_date_prefix("2022/01/23 | Lễ hội đền Gióng"),
            Some("Lễ hội đền Gióng")
        );
        assert_eq!(without_date_prefix("2022 - Một năm nhìn lại"), None);
        assert_eq!(without_date_prefix("Lễ hội 23.01.2022"), None);
    }

    #[test]
    fn kicker_before_the_title_is_dropped() {
        let og = [Some("Mở rộng đường vào bản Mường"), None];
        let t = after_kicker("Giao thông nông thôn Mở rộng đường vào bản Mường", &og);
        assert_eq!(t.as_deref(), Some("Mở rộng đường vào bản Mường"));
        assert_eq!(after_kicker("Mở rộng đường vào bản Mường", &og), None);
        // A word glued to the title is not a kicker.
        assert_eq!(after_kicker("XMở rộng đường vào bản Mường", &og), None);
    }
}
