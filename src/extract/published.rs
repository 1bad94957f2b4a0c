//! Choosing the published date among the places a page states one.
//!
//! The usual order of trust is: a labelled meta line (`Đăng ngày: …`), the
//! machine-readable metadata, a labelled update line, the date in the URL,
//! a date shown next to the title. Each of these is wrong now and then (a
//! stale `<meta name=date>`, a teaser's label, a "today" line), so a day
//! that two independent sources agree on wins over that order: the URL's
//! day first (the CMS wrote it when the article was created), then any two
//! of the label, the metadata and the shown date.

use chrono::{DateTime, FixedOffset, TimeZone, Timelike};
use url::Url;

use super::dateline::local_day;
use super::dates::vietnam;
use super::months;

type Stamp = DateTime<FixedOffset>;

/// Every date the page gives, before choosing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sources {
    /// From a visible line labelled as the publication date.
    pub labelled: Option<Stamp>,
    /// From `<meta>`, JSON-LD, microdata or `<time>`.
    pub meta: Option<Stamp>,
    /// From a visible line labelled as an update.
    pub updated: Option<Stamp>,
    /// A date line next to the title, without a label.
    pub shown: Option<Stamp>,
    pub url: Option<Stamp>,
}

pub fn choose(s: &Sources) -> Option<Stamp> {
    let s = &Sources {
        labelled: s.labelled.map(|v| zoned(v, s.meta)),
        updated: s.updated.map(|v| zoned(v, s.meta)),
        shown: s.shown.map(|v| zoned(v, s.meta)),
        ..*s
    };
    let day = |d: &Stamp| d.date_naive();
    let local_meta = s.meta.map(|m| local_day(m, s.shown));
    // An unlabelled date line is a guess; the URL's date is not.
    let usual = s
        .labelled
        .or(local_meta)
        .or(s.updated)
        .or(s.url)
        .or(s.shown);
    if let Some(u) = s.url {
        let witnesses = [s.labelled, local_meta, s.meta, s.shown];
        if let Some(d) = witnesses.into_iter().flatten().find(|d| day(d) == day(&u)) {
            return Some(d);
        }
    }
    // The update line is no witness of its own: shown under the title it
    // would vote twice.
    let witnesses = [s.labelled, local_meta, s.shown];
    let agreed = |d: &Stamp| {
        witnesses
            .iter()
            .flatten()
            .filter(|w| day(w) == day(d))
            .count()
            >= 2
    };
    if usual.is_some_and(|d| agreed(&d)) {
        return usual;
    }
    let chosen = witnesses.into_iter().flatten().find(agreed).or(usual);
    // The CMS writes the URL's date once, when the article is created; a
    // later date elsewhere is a re-publication or an edit.
    match (chosen, s.url) {
        (Some(c), Some(u)) if day(&u) < day(&c) => Some(u),
        _ => chosen,
    }
}

/// A visible time reads the page's own clock, which the page seldom
/// names (and +07:00 is assumed then). When the metadata gives the same
/// wall-clock minute with a zone ("14:34 Uhr" and `14:34+02:00`), that is
/// the zone the line was written in. A UTC stamp says nothing of the kind:
/// many CMSes print local time with a `Z`.
fn zoned(visible: Stamp, meta: Option<Stamp>) -> Stamp {
    match meta {
        Some(m)
            if m.offset().local_minus_utc() != 0
                && m.date_naive() == visible.date_naive()
                && (m.hour(), m.minute()) == (visible.hour(), visible.minute()) =>
        {
            let local = visible.naive_local();
            m.offset()
                .from_local_datetime(&local)
                .single()
                .unwrap_or(visible)
        }
        _ => visible,
    }
}

/// A date in the article's URL (`/2020/01/05/`), at midnight Vietnam time.
pub fn in_url(base: &Url) -> Option<Stamp> {
    let day = months::in_url(base)?.and_hms_opt(0, 0, 0)?;
    day.and_local_timezone(vietnam()).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<Stamp> {
        Some(DateTime::parse_from_rfc3339(s).expect("test date"))
    }

    fn day(s: &Sources) -> Option<String> {
        choose(s).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn usual_order_without_agreement() {
        let s = Sources {
            labelled: at("2024-03-05T08:00:00+07:00"),
            meta: at("2024-03-01T08:00:00+07:00"),
            ..Sources::default()
        };
        assert_eq!(day(&s).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn the_url_day_confirms_the_metadata_over_a_teaser_label() {
        let s = Sources {
            labelled: at("2019-02-01T00:00:00+07:00"),
            meta: at("2024-03-01T10:00:00+07:00"),
            url: at("2024-03-01T00:00:00+07:00"),
            ..Sources::default()
        };
        assert_eq!(choose(&s), at("2024-03-01T10:00:00+07:00"));
    }

    #[test]
    fn a_metadata_date_after_the_url_day_is_an_edit() {
        let s = Sources {
            meta: at("2019-06-17T18:28:00+07:00"),
            url: at("2017-07-12T00:00:00+07:00"),
            ..Sources::default()
        };
        assert_eq!(day(&s).as_deref(), Some("2017-07-12"));
    }

    #[test]
    fn the_url_date_beats_an_unlabelled_date_line() {
        let s = Sources {
            shown: at("2024-02-28T00:00:00+07:00"),
            url: at("2024-03-01T00:00:00+07:00"),
            ..Sources::default()
        };
        assert_eq!(day(&s).as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn two_agreeing_sources_outvote_the_first_choice() {
        let s = Sources {
            meta: at("2011-06-01T00:00:00+07:00"),
            shown: at("2024-03-05T00:00:00+07:00"),
            ..Sources::default()
        };
        // One witness each: the metadata stays first.
        assert_eq!(day(&s).as_deref(), Some("2011-06-01"));
        // A teaser's label loses to the metadata and the shown date.
        let s = Sources {
            labelled: at("2019-01-01T00:00:00+07:00"),
            meta: at("2024-03-05T09:00:00+07:00"),
            shown: at("2024-03-05T00:00:00+07:00"),
            ..Sources::default()
        };
        assert_eq!(day(&s).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn an_update_line_shown_under_the_title_votes_once() {
        let s = Sources {
            meta: at("2023-05-01T09:00:00+07:00"),
            updated: at("2024-03-05T00:00:00+07:00"),
            shown: at("2024-03-05T00:00:00+07:00"),
            ..Sources::default()
        };
        assert_eq!(day(&s).as_deref(), Some("2023-05-01"));
    }

    #[test]
    fn a_visible_time_takes_the_zone_of_metadata_with_the_same_clock() {
        // "Veröffentlicht am 19.10.19 um 14:34 Uhr" and `14:34+0200`.
        let s = Sources {
            labelled: at("2019-10-19T14:34:00+07:00"),
            meta: at("2019-10-19T14:34:00+02:00"),
            ..Sources::default()
        };
        assert_eq!(choose(&s), at("2019-10-19T14:34:00+02:00"));
        // Another minute: the line is not the metadata's, nothing changes.
        let s = Sources {
            meta: at("2019-10-19T12:30:00+02:00"),
            ..s
        };
        assert_eq!(choose(&s), at("2019-10-19T14:34:00+07:00"));
        // A `Z` stamp with the line's clock is local time written as UTC.
        let s = Sources {
            meta: at("2019-10-19T14:34:00Z"),
            ..s
        };
        assert_eq!(choose(&s), at("2019-10-19T14:34:00+07:00"));
    }
}
