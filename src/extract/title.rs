//! Choosing the article title.
//!
//! A visible heading is best when it agrees with what the page says about
//! itself (`og:title`, JSON-LD `headline`, `<title>` minus the site name):
//! then we also know which block to drop from the body. Among agreeing
//! headings the one closest to the body wins (listing boxes repeat titles).
//! Otherwise explicit metadata beats guessing, and an `<h1>` near the body
//! beats a `<title>` whose site suffix we could only guess.

use super::banner;
use super::blocks::{Page, TITLE};
use super::head::Head;
use super::kicker;
use super::norm::fold;
use super::parts::{
    after_kicker, agreement, before_suffix, has_parts, strip_site_name, without_date_prefix,
};

/// The title and, when it is a visible block, that block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Title {
    pub text: Option<String>,
    pub block: Option<usize>,
}

/// The title, without a kicker printed before it in the same heading
/// ("Olympia 2024 Getränke per Schiff …" when the metadata says only
/// "Getränke per Schiff …").
pub fn choose(page: &Page, head: &Head, body_start: usize, skip: &[bool]) -> Title {
    let mut t = choose_raw(page, head, body_start, skip);
    if let Some(i) = t.block {
        if let Some(h) = kicker::headline(&head.kickers, &page.blocks[i].text) {
            t.text = Some(h.to_string());
        }
        let metas = [head.og_title.as_deref(), head.ld_headline.as_deref()];
        if let Some(tail) = (t.text.as_deref()).and_then(|x| after_kicker(x, &metas)) {
            t.text = Some(tail);
        }
        if let Some(m) = (t.text.as_deref()).and_then(|x| before_suffix(x, &metas)) {
            t.text = Some(m);
        }
        if let Some(rest) = t.text.as_deref().and_then(without_date_prefix) {
            t.text = Some(rest.to_string());
        }
    }
    t
}

fn choose_raw(page: &Page, head: &Head, body_start: usize, skip: &[bool]) -> Title {
    let stripped = head
        .title_tag
        .as_deref()
        .map(|t| strip_site_name(t, head.site_name.as_deref()));
    let refs: Vec<String> = [
        head.og_title.as_deref(),
        head.ld_headline.as_deref(),
        head.title_tag.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(stripped.as_deref())
    .map(fold)
    .collect();
    let cands = candidates(page, skip);
    let dist = |i: &usize| i.abs_diff(body_start);
    // In "Title - Site" both the title and the site's logo line agree:
    // the site name is the last choice. A heading equal to a whole
    // reference beats one equal to a part of it (a section name), an
    // outer part beats a middle one.
    let site = head.site_name.as_deref().map(fold);
    let agreeing = cands.iter().copied().filter_map(|i| {
        let text = &page.blocks[i].text;
        let h = fold(text);
        let is_site = site.as_ref() == Some(&h);
        // A kicker printed in the heading is not in the metadata.
        let hl = kicker::headline(&head.kickers, text).map(fold);
        let rank = agreement(&h, &refs);
        let rank = rank
            .into_iter()
            .chain(hl.and_then(|x| agreement(&x, &refs)))
            .min();
        rank.map(|r| (is_site, r, dist(&i), i))
    });
    if let Some((.., i)) = agreeing.min() {
        return visible(page, i);
    }
    // A linked heading (a blog's permalink title) only counts when it
    // agrees; otherwise it is more likely another article's link.
    let cands: Vec<usize> = cands
        .into_iter()
        .filter(|&i| !page.blocks[i].is_linky())
        .collect();
    let mut h1s = cands
        .iter()
        .copied()
        .filter(|&i| page.blocks[i].heading == 1);
    // The page's only `<h1>`, in the article's part of the page, is what
    // readers see as the title; `og:title` is often a rewording written for social sharing.
    if let (Some(i), None) = (h1s.next(), h1s.next()) {
        if within(i, body_start, SOLE_H1_BEFORE, SOLE_H1_AFTER) {
            return visible(page, i);
        }
    }
    if let Some(t) = meta_title(head) {
        return Title {
            text: Some(t),
            block: None,
        };
    }
    fallback(page, &cands, head, stripped, body_start)
}

/// `og:title` or the JSON-LD headline, without a site name when we can
/// tell it (or when it merely repeats the `<title>`).
fn meta_title(head: &Head) -> Option<String> {
    let (og, ld) = (head.og_title.as_deref(), head.ld_headline.as_deref());
    // "Title | Site" or "Kicker - Title" for sharing, "Title" in JSON-LD:
    // the part both give is the title.
    let ld_is_part = ld
        .zip(og)
        .is_some_and(|(l, o)| agreement(&fold(l), &[fold(o)]).is_some_and(|r| r > 0));
    if ld_is_part {
        return ld.map(str::to_string);
    }
    let t = og.or(ld)?;
    let site = head.site_name.as_deref();
    Some(if site.is_some() || head.title_tag.as_deref() == Some(t) {
        strip_site_name(t, site)
    } else {
        t.to_string()
    })
}

/// Without metadata: an `<h1>` near the body, the stripped `<title>`, or
/// any heading near the body. When the `<title>` is made of parts ("Site -
/// Section") or the page has a template's banner, its article part is only
/// a guess: a heading (or a line classed as a title) that opens the text is
/// then the better title.
fn fallback(
    page: &Page,
    cands: &[usize],
    head: &Head,
    stripped: Option<String>,
    body_start: usize,
) -> Title {
    let dist = |i: &usize| i.abs_diff(body_start);
    let near = |i: &usize| near_body(*i, body_start);
    let h1 = cands
        .iter()
        .copied()
        .filter(|i| page.blocks[*i].heading == 1 && near(i));
    if let Some(i) = h1.min_by_key(dist) {
        return visible(page, i);
    }
    let opening = cands
        .iter()
        .copied()
        .find(|&i| (body_start..=body_start + 1).contains(&i));
    // Under a template's banner ("Chi tiết tin tức") the `<title>` is
    // often the site's name on every page: the opening heading is the title.
    let guess = head.title_tag.as_deref().is_some_and(has_parts) || has_banner(page);
    if let Some(i) = opening.filter(|_| guess) {
        return visible(page, i);
    }
    if let Some(t) = stripped.filter(|t| !t.is_empty()) {
        return Title {
            text: Some(t),
            block: None,
        };
    }
    match cands.iter().copied().filter(near).min_by_key(dist) {
        Some(i) => visible(page, i),
        None => Title::default(),
    }
}

fn has_banner(page: &Page) -> bool {
    (page.blocks.iter()).any(|b| b.heading > 0 && banner::is_page_banner(&b.text))
}

/// How far from the text's start the page's only `<h1>` may be: a long
/// header (menus, an author box) may stand between them, or the chosen
/// container may start above it.
const SOLE_H1_BEFORE: usize = 40;
const SOLE_H1_AFTER: usize = 20;

/// A heading up to 20 blocks above the text, or a few blocks inside the
/// chosen container: the container often starts with a header block
/// (labels, share buttons) above the `<h1>`.
fn near_body(i: usize, body_start: usize) -> bool {
    within(i, body_start, 20, 10)
}

fn within(i: usize, body_start: usize, before: usize, after: usize) -> bool {
    i + before >= body_start && i <= body_start + after
}

fn visible(page: &Page, i: usize) -> Title {
    Title {
        text: Some(page.blocks[i].text.clone()),
        block: Some(i),
    }
}

/// Headings (h1–h3) and "title"-classed lines that could be a title; a
/// template's banner ("Chi tiết tin tức") is none.
fn candidates(page: &Page, skip: &[bool]) -> Vec<usize> {
    let ok = |i: usize| {
        let b = &page.blocks[i];
        let shaped = (1..=3).contains(&b.heading) || b.hints & TITLE != 0;
        let len = b.text.chars().count();
        shaped
            && (5..=300).contains(&len)
            && !b.tag_boiler
            && !skip[i]
            && !banner::is_page_banner(&b.text)
    };
    (0..page.blocks.len()).filter(|&i| ok(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::super::head::scan;
    use super::*;
    use scraper::Html;

    fn title(html: &str) -> Title {
        let doc = Html::parse_document(html);
        let page = flatten(&doc);
        let last = page.blocks.len().saturating_sub(1);
        choose(&page, &scan(&doc), last, &vec![false; page.blocks.len()])
    }

    #[test]
    fn heading_matching_title_tag_wins_over_other_headings() {
        let t = title(
            "<title>Đón bằng di tích quốc gia - Cổng TTĐT huyện</title>\
             <h1>Cổng TTĐT huyện</h1><h2>Đón bằng di tích quốc gia</h2><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Đón bằng di tích quốc gia"));
        assert_eq!(t.block, Some(1));
    }

    #[test]
    fn the_site_name_line_agrees_too_but_loses() {
        let t = title(
            "<title>Lễ hội đền Gióng - Báo Làng Quê</title>\
             <meta property='og:site_name' content='Báo Làng Quê'>\
             <h1>Lễ hội đền Gióng</h1><p>Một</p><p>Hai</p>\
             <div class=title>Báo Làng Quê</div><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Lễ hội đền Gióng"));
    }

    #[test]
    fn a_whole_reference_beats_a_section_segment() {
        let t = title(
            "<title>Lễ hội đền Gióng | Văn hóa nghệ thuật | Báo X</title>\
             <meta property='og:title' content='Lễ hội đền Gióng'>\
             <h1>Lễ hội đền Gióng</h1><p>Một</p><h2>Văn hóa nghệ thuật</h2><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Lễ hội đền Gióng"));
    }

    #[test]
    fn og_title_when_no_heading_agrees() {
        let t =
            title("<meta property='og:title' content='Hội thi nấu cơm'><h2>Tin tức</h2><p>x</p>");
        assert_eq!(
            t,
            Title {
                text: Some("Hội thi nấu cơm".into()),
                block: None
            }
        );
    }

    #[test]
    fn linked_heading_in_the_middle_of_the_title_tag() {
        let t = title(
            "<title>Nhật ký » Blog » Mùa gặt ở bản Lác | Trang cá nhân</title>\
             <h2><a href=/p/1>Mùa gặt ở bản Lác</a></h2><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Mùa gặt ở bản Lác"));
    }

    #[test]
    fn the_only_h1_beats_a_reworded_og_title() {
        let t = title(
            "<meta property='og:title' content='Xem ngay: hội thi nấu cơm'>\
             <h1>Hội thi nấu cơm ở xã Tân Lập</h1><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Hội thi nấu cơm ở xã Tân Lập"));
    }

    #[test]
    fn the_only_h1_a_few_blocks_inside_the_text_container() {
        let html = "<meta property='og:title' content='Cẩm nang mùa mưa'>\
             <div><p>Chia sẻ</p><p>Lưu</p><p>In</p><p>Nghe</p><p>Gửi</p><p>Sức khỏe</p>\
             <h1>Năm việc cần làm trước mùa mưa bão</h1><p>Văn bản.</p></div>";
        let doc = Html::parse_document(html);
        let page = flatten(&doc);
        let skip = vec![false; page.blocks.len()];
        let t = choose(&page, &scan(&doc), 0, &skip);
        assert_eq!(
            t.text.as_deref(),
            Some("Năm việc cần làm trước mùa mưa bão")
        );
    }

    #[test]
    fn the_only_h1_above_a_long_author_box() {
        let box_lines = "<p>Tác giả</p>".repeat(30);
        let html = format!(
            "<meta property='og:title' content='Cẩm nang mùa mưa'>\
             <h1>Năm việc cần làm trước mùa mưa bão</h1>{box_lines}<p>Văn bản.</p>"
        );
        let t = title(&html);
        assert_eq!(
            t.text.as_deref(),
            Some("Năm việc cần làm trước mùa mưa bão")
        );
    }

    #[test]
    fn a_template_banner_is_not_the_title() {
        let t = title(
            "<meta property='og:title' content='Hội thi nấu cơm ở xã Tân Lập'>\
             <h1>Chi tiết tin tức</h1><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Hội thi nấu cơm ở xã Tân Lập"));
    }

    #[test]
    fn stripped_title_tag_as_last_resort() {
        let t = title("<title>Ra quân làm thủy lợi | UBND xã</title><p>Văn bản.</p>");
        assert_eq!(t.text.as_deref(), Some("Ra quân làm thủy lợi"));
    }

    #[test]
    fn a_title_part_beats_a_section_between_separators() {
        let t = title(
            "<title>Báo Làng - Tin tức trong ngày » Mùa gặt ở bản Lác | Trang 2</title>\
             <h1>Mùa gặt ở bản Lác</h1><p>Ảnh</p><h2>Tin tức trong ngày</h2><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Mùa gặt ở bản Lác"));
    }

    fn title_at(html: &str, body_start: usize) -> Option<String> {
        let doc = Html::parse_document(html);
        let page = flatten(&doc);
        let skip = vec![false; page.blocks.len()];
        choose(&page, &scan(&doc), body_start, &skip).text
    }

    #[test]
    fn a_heading_opening_the_text_beats_a_title_tag_in_parts() {
        let t = title_at(
            "<title>Cổng thông tin xã - Thông báo</title>\
             <p>Trang chủ</p><h2>Lịch tiêm chủng tháng Năm</h2><p>Văn bản.</p>",
            1,
        );
        assert_eq!(t.as_deref(), Some("Lịch tiêm chủng tháng Năm"));
        // A <title> in one piece stays the title.
        let t = title_at(
            "<title>Lịch tiêm chủng cho trẻ em</title>\
             <p>Trang chủ</p><h2>Thông báo mới</h2><p>Văn bản.</p>",
            1,
        );
        assert_eq!(t.as_deref(), Some("Lịch tiêm chủng cho trẻ em"));
    }

    #[test]
    fn a_suffix_after_the_metadata_title_is_dropped() {
        let t = title(
            "<meta property='og:title' content='Mùa nước nổi miền Tây'>\
             <h1>Mùa nước nổi miền Tây | Báo Bạn Đọc</h1><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Mùa nước nổi miền Tây"));
        let t = title(
            "<meta property='og:title' content='Mùa nước nổi miền Tây'>\
             <h1>Mùa nước nổi miền Tây: cẩm nang đi chơi</h1><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Mùa nước nổi miền Tây"));
        // A word that goes on is not a suffix.
        let og = [Some("Mùa nước nổi miền Tây"), None];
        assert_eq!(before_suffix("Mùa nước nổi miền Tây-Nam Bộ", &og), None);
    }

    #[test]
    fn a_headline_naming_the_site_is_not_the_title() {
        let t = title(
            "<meta property='og:site_name' content='Báo Làng |'>\
             <script type='application/ld+json'>{\"headline\": \"Báo Làng\"}</script>\
             <h1>Hội thi nấu cơm ở xã Tân Lập</h1><p>Văn bản.</p><div class=title>Báo Làng</div>",
        );
        assert_eq!(t.text.as_deref(), Some("Hội thi nấu cơm ở xã Tân Lập"));
    }

    #[test]
    fn the_json_ld_headline_when_og_title_adds_a_part_to_it() {
        let t = title(
            "<meta property='og:title' content='Chuyên mục - Mùa gặt ở bản Lác | Báo X'>\
             <script type='application/ld+json'>{\"headline\": \"Mùa gặt ở bản Lác\"}</script>\
             <h2>Tin khác</h2><p>Văn bản.</p>",
        );
        assert_eq!(t.text.as_deref(), Some("Mùa gặt ở bản Lác"));
    }

    #[test]
    fn a_title_classed_line_opening_the_text_beats_a_title_tag_in_parts() {
        let t = title_at(
            "<title>xaphuong.vn | Thông báo</title><p>Trang chủ</p>\
             <div class=title>Lịch tiêm chủng tháng Năm</div><p>Văn bản.</p>",
            1,
        );
        assert_eq!(t.as_deref(), Some("Lịch tiêm chủng tháng Năm"));
    }
}
