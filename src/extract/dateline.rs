//! The published date from visible text when no label or metadata gives
//! it: the date line or byline nearest to the title, else a short line
//! whose element is classed as a date ("date", "time", "datum",
//! "published"). The page's "today" line far above the article is never
//! taken.

use chrono::{DateTime, FixedOffset};

use super::blocks::{Page, DATE};
use super::content::Pick;
use super::dates::find_date;

/// A date-classed line may carry a place or an author ("Bonn, 11.10.2021").
const HINTED_MAX: usize = 80;
/// How far around the title (or the text's start) a bare date may be.
const BEFORE: usize = 5;
const AFTER: usize = 10;
/// A byline next to the title may carry a date among an author, a section
/// or a place ("Von Anna Berg | 31.10.2023", "02.02.2022 • Presse").
const BYLINE_MAX: usize = 100;
/// A paragraph may open with its date, news-agency style
/// ("Bonn, 3. März 2022 – …", "(21. November 2022) …").
const OPENING_MAX: usize = 30;

pub fn find(page: &Page, pick: Pick, title: Option<usize>) -> Option<DateTime<FixedOffset>> {
    let el = &page.elems[pick.elem];
    let anchor = title.unwrap_or(el.start);
    let from = anchor.saturating_sub(BEFORE);
    let to = (anchor + 1 + AFTER).min(page.blocks.len());
    // The date line or byline nearest to the title: a related teaser's
    // date may also fall inside the window, further away.
    let nearest = (from..to)
        .filter(|&i| Some(i) != title && is_byline(&page.blocks[i].text))
        .min_by_key(|i| i.abs_diff(anchor));
    let i = nearest.or_else(|| hinted(page, anchor))?;
    find_date(&page.blocks[i].text).map(|f| f.at)
}

/// A short line with a date in it (a bare date line is one), or a
/// paragraph that opens with one.
fn is_byline(text: &str) -> bool {
    find_date(text).is_some_and(|f| text.chars().count() <= BYLINE_MAX || f.start <= OPENING_MAX)
}

/// A UTC timestamp from the metadata may fall on the day before or after
/// the one the page shows its readers (late evening or early morning in
/// the site's zone); the day the page shows is the publication day then.
pub fn local_day(
    meta: DateTime<FixedOffset>,
    shown: Option<DateTime<FixedOffset>>,
) -> DateTime<FixedOffset> {
    match shown {
        Some(s)
            if meta.offset().local_minus_utc() == 0
                && (s.date_naive() - meta.date_naive()).num_days().abs() == 1 =>
        {
            s
        }
        _ => meta,
    }
}

/// The date-classed short line nearest to `anchor`.
fn hinted(page: &Page, anchor: usize) -> Option<usize> {
    let ok = |i: &usize| {
        let b = &page.blocks[*i];
        b.hints & DATE != 0
            && b.chars <= HINTED_MAX
            && !b.tag_boiler
            && find_date(&b.text).is_some()
    };
    (0..page.blocks.len())
        .filter(ok)
        .min_by_key(|i| i.abs_diff(anchor))
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::super::content::{choose, furniture};
    use super::*;
    use scraper::Html;

    fn date(html: &str, title: Option<usize>) -> Option<String> {
        let page = flatten(&Html::parse_document(html));
        let skip = vec![false; page.blocks.len()];
        let pick = choose(&page, &skip, &furniture(&page));
        find(&page, pick, title).map(|d| d.format("%Y-%m-%d").to_string())
    }

    const PARA: &str =
        "<p>Người dân trong xã đã góp công, góp của để làm con đường mới, rộng và sạch.</p>";

    #[test]
    fn bare_date_just_above_the_title() {
        let html = format!("<h3>21.01.2022</h3><h1>Tiêu đề</h1><div>{PARA}{PARA}</div>");
        assert_eq!(date(&html, Some(1)).as_deref(), Some("2022-01-21"));
    }

    #[test]
    fn date_classed_line_with_a_place() {
        let html = format!(
            "<h1>Tiêu đề</h1><p>Một</p><p>Hai</p><p>Ba</p><p>Bốn</p><p>Năm</p><p>Sáu</p><p>Bảy</p>\
             <p>Tám</p><p>Chín</p><p>Mười</p><div><span class=meta-date>Hà Nội, 11.10.2021</span></div><div>{PARA}{PARA}</div>"
        );
        assert_eq!(date(&html, Some(0)).as_deref(), Some("2021-10-11"));
    }

    #[test]
    fn a_far_away_unclassed_date_is_not_taken() {
        let menu = "<p>Menu</p><p>Một</p><p>Hai</p><p>Ba</p><p>Bốn</p><p>Năm</p>";
        let html = format!("<p>01.01.2020</p>{menu}<h1>Tiêu đề</h1><div>{PARA}</div>");
        assert_eq!(date(&html, Some(7)), None);
    }

    #[test]
    fn a_date_split_from_its_reading_time_above_the_title() {
        let html = format!(
            "<p>Tin</p><div><span>12.03.2023</span><span>•</span><span>5</span>\
             <span>phút đọc</span></div><h1>Tiêu đề</h1><div>{PARA}{PARA}</div>"
        );
        assert_eq!(date(&html, Some(5)).as_deref(), Some("2023-03-12"));
    }

    #[test]
    fn byline_with_author_and_section_under_the_title() {
        let html =
            format!("<h1>Tiêu đề</h1><p>Lan Anh • 12.03.2023 • Xã hội</p><div>{PARA}{PARA}</div>");
        assert_eq!(date(&html, Some(0)).as_deref(), Some("2023-03-12"));
    }

    #[test]
    fn the_byline_nearest_the_title_beats_a_teaser_date() {
        let html = format!(
            "<p>Bài trước</p><p>01.02.2020</p><p>Chuyên mục</p><h1>Tiêu đề</h1>\
             <p>Lan Anh - 12.03.2023 - 5 phút đọc</p><div>{PARA}{PARA}</div>"
        );
        assert_eq!(date(&html, Some(3)).as_deref(), Some("2023-03-12"));
    }

    #[test]
    fn paragraph_opening_with_its_date() {
        let html = format!(
            "<h1>Tiêu đề</h1><div><p>Hà Nội, 05/06/2023 – Người dân trong xã đã góp công, góp \
             của để làm con đường mới, rộng và sạch, nối thôn Đông với thôn Đoài.</p>{PARA}</div>"
        );
        assert_eq!(date(&html, Some(0)).as_deref(), Some("2023-06-05"));
        // A date deep inside a long sentence is not the article's.
        let html = format!(
            "<h1>Tiêu đề</h1><div><p>Người dân trong xã đã góp công, góp của để làm con đường \
             mới, rộng và sạch, sẽ khánh thành vào ngày 05/06/2023 tới đây.</p>{PARA}</div>"
        );
        assert_eq!(date(&html, Some(0)), None);
    }

    #[test]
    fn shown_day_wins_over_a_utc_stamp_one_day_off() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let utc = at("2021-05-03T22:30:00+00:00");
        let shown = at("2021-05-04T00:00:00+07:00");
        assert_eq!(local_day(utc, Some(shown)), shown);
        // A stamp with its own offset, or a day far away, is kept.
        let local = at("2021-05-03T22:30:00+02:00");
        assert_eq!(local_day(local, Some(shown)), local);
        assert_eq!(local_day(utc, Some(at("2021-05-09T00:00:00+07:00"))), utc);
    }
}
