//! Hand-written date parsing for the forms Vietnamese portals print.
//!
//! Handles `15/01/2021 - 8:41:57 AM`, `15/01/2021 08:41`, `08:47 07/03/2026`,
//! `Thứ Năm, ngày 4 tháng 3 năm 2021`, `15-01-2021`, `15.01.2021` and ISO
//! 8601 / RFC 3339 (RFC 2822 too, for machine-readable attributes). A time
//! without an offset is Vietnam time, +07:00. Scanning works on folded chars
//! (one per input char) so the caller gets char positions back.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use super::months;
use super::norm::fold_char;

/// Vietnam's offset, used whenever a page gives none.
pub fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

/// A date found inside a line: the instant and its char span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub at: DateTime<FixedOffset>,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy)]
struct Time {
    h: u32,
    m: u32,
    s: u32,
}

/// Parses a machine-readable value (meta content, JSON-LD, `datetime=`).
pub fn parse_attr(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
        .or_else(|| year_first(s))
        .or_else(|| find_date(s).map(|f| f.at))
}

/// A value that starts with the year: `2023 Jan 7` or `2017/01/30`, the
/// forms of `citation_publication_date`. Only for attributes, where no
/// neighbouring text can make a year and a month out of other numbers.
fn year_first(s: &str) -> Option<DateTime<FixedOffset>> {
    let f: Vec<char> = s.chars().map(fold_char).collect();
    let slashed = || {
        let (y, a) = number(&f, 0).filter(|&(_, e)| e == 4)?;
        let (m, b) = expect(&f, a, '/').and_then(|p| number(&f, p))?;
        let (d, c) = expect(&f, b, '/').and_then(|p| number(&f, p))?;
        Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, c))
    };
    let (date, end) = months::year_first(&f, 0).or_else(slashed)?;
    (end == f.len()).then(|| make(date, None, None, 0, end).map(|x| x.at))?
}

/// The first date (with its time when one is adjacent) in `s`.
pub fn find_date(s: &str) -> Option<Found> {
    let f: Vec<char> = s.chars().map(fold_char).collect();
    for i in 0..f.len() {
        // Inline elements flattened without a space glue a label to its
        // date ("Erstellt am09.02.2022"): a number may follow a letter.
        let boundary = i == 0
            || !f[i - 1].is_alphanumeric()
            || (f[i].is_ascii_digit() && f[i - 1].is_alphabetic());
        if !boundary {
            continue;
        }
        let found = if f[i].is_ascii_digit() {
            numeric_at(&f, i).or_else(|| named_at(&f, i, months::day_first))
        } else if word_at(&f, i, "ngay") {
            words_at(&f, i)
        } else if f[i].is_alphabetic() {
            named_at(&f, i, months::month_first)
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Reads a date at a position: (date, end).
type DateReader = fn(&[char], usize) -> Option<(NaiveDate, usize)>;

/// A month-name date (`January 5, 2020`, `5. März 2020`) and its time.
fn named_at(f: &[char], i: usize, read: DateReader) -> Option<Found> {
    let (date, end) = read(f, i)?;
    let (time, end) = time_after(f, end);
    make(date, time, None, i, end)
}

/// A run of ASCII digits at `i`: (value, end). At most 9 digits.
fn number(f: &[char], i: usize) -> Option<(u32, usize)> {
    let mut end = i;
    while end < f.len() && f[end].is_ascii_digit() && end - i < 9 {
        end += 1;
    }
    if end == i || f.get(end).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: String = f[i..end].iter().collect();
    v.parse().ok().map(|v| (v, end))
}

fn word_at(f: &[char], i: usize, w: &str) -> bool {
    let n = w.chars().count();
    i + n <= f.len()
        && f[i..i + n].iter().copied().eq(w.chars())
        && f.get(i + n).is_none_or(|c| !c.is_alphanumeric())
}

fn numeric_at(f: &[char], i: usize) -> Option<Found> {
    if let Some(found) = iso_at(f, i) {
        return Some(found);
    }
    if let Some((date, end)) = dmy_at(f, i) {
        let (time, end) = time_after(f, end);
        return make(date, time, None, i, end);
    }
    // Time first, then the date: "08:47 07/03/2026".
    let (time, t_end) = time_at(f, i)?;
    let j = skip_seps(f, t_end);
    let (date, end) = dmy_at(f, j).or_else(|| words_date(f, j))?;
    make(date, Some(time), None, i, end)
}

/// `yyyy-mm-dd[(T| )hh:mm[:ss[.frac]]][Z|±hh[:mm]]`.
fn iso_at(f: &[char], i: usize) -> Option<Found> {
    let (y, a) = number(f, i).filter(|&(_, e)| e - i == 4)?;
    let (m, b) = expect(f, a, '-').and_then(|p| number(f, p))?;
    let (d, c) = expect(f, b, '-').and_then(|p| number(f, p))?;
    let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
    let mut end = c;
    let mut time = None;
    let mut tz = None;
    if matches!(f.get(c), Some('t') | Some(' ')) {
        if let Some((t, e)) = time_at(f, c + 1) {
            time = Some(t);
            end = e;
            if let Some((off, e)) = offset_at(f, e) {
                tz = Some(off);
                end = e;
            }
        }
    }
    make(date, time, tz, i, end)
}

fn expect(f: &[char], i: usize, c: char) -> Option<usize> {
    (f.get(i) == Some(&c)).then_some(i + 1)
}

/// `dd/mm/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy` (same separator twice, or
/// month-first when the day-first month is impossible), and
/// the short `dd.mm.yy` of German and Vietnamese bylines (`31.10.23`): all
/// six digits written, so that a version number like `1.2.3` stays apart.
fn dmy_at(f: &[char], i: usize) -> Option<(NaiveDate, usize)> {
    let (d, a) = number(f, i).filter(|&(_, e)| e - i <= 2)?;
    let sep = *f.get(a).filter(|c| matches!(c, '/' | '-' | '.'))?;
    let (m, b) = number(f, a + 1).filter(|&(_, e)| e - a - 1 <= 2)?;
    let p = expect(f, b, sep)?;
    let (y, c) = number(f, p)?;
    let padded = a - i == 2 && b - a == 3 && sep != '-';
    // `28.09.19` and `12:44` in adjacent spans read "28.09.1912:44": a
    // four-digit "year" running into a colon is a short year and a time.
    let glued_time = f.get(c) == Some(&':') && number(f, c + 1).is_some();
    let (y, c) = match c - p {
        4 if padded && glued_time => (2000 + y / 100, p + 2),
        4 => (y, c),
        2 if padded
            && f.get(c)
                .is_none_or(|ch| *ch != '.' && !ch.is_alphanumeric()) =>
        {
            (2000 + y, c)
        }
        _ => return None,
    };
    if !(1900..=2200).contains(&y) {
        return None;
    }
    // An American `mm/dd/yyyy` reads as day-first only when it cannot be
    // one (`01/25/26`, `12.16.2025`): the month would be over 12.
    let (d, m) = if m > 12 { (m, d) } else { (d, m) };
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, c))
}

/// `ngày 4 tháng 3 năm 2021` (folded), then an optional time.
fn words_at(f: &[char], i: usize) -> Option<Found> {
    let (date, end) = words_date(f, i)?;
    let (time, end) = time_after(f, end);
    make(date, time, None, i, end)
}

fn words_date(f: &[char], i: usize) -> Option<(NaiveDate, usize)> {
    let mut p = i;
    if word_at(f, p, "ngay") {
        p = skip_spaces(f, p + 4);
    }
    let (d, a) = number(f, p)?;
    let (m, b) = keyword_number(f, a, "thang")?;
    let (y, c) = keyword_number(f, b, "nam")?;
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, c))
}

/// Spaces or a comma, the keyword, spaces, a number.
fn keyword_number(f: &[char], i: usize, kw: &str) -> Option<(u32, usize)> {
    let p = skip_spaces(f, i);
    let p = if f.get(p) == Some(&',') {
        skip_spaces(f, p + 1)
    } else {
        p
    };
    if !word_at(f, p, kw) {
        return None;
    }
    number(f, skip_spaces(f, p + kw.len()))
}

fn skip_spaces(f: &[char], mut i: usize) -> usize {
    while f.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// Separators allowed between a date and its time: spaces, `-`, `,`, `|`,
/// and the words for "at" ("lúc", "vào", "at", "às", "à", "um", "alle",
/// "om", "kl."). A word is only skipped on the way to a time: when no time
/// follows, the date ends where it did.
fn skip_seps(f: &[char], mut i: usize) -> usize {
    loop {
        let before = i;
        while f
            .get(i)
            .is_some_and(|c| c.is_whitespace() || ",-–—|(".contains(*c))
        {
            i += 1;
        }
        for w in [
            "luc", "vao", "ngay", "at", "as", "a", "um", "alle", "om", "kl",
        ] {
            if word_at(f, i, w) {
                i += w.len();
                if f.get(i) == Some(&'.') {
                    i += 1;
                }
            }
        }
        if i == before {
            return i;
        }
    }
}

/// "9 giờ 30 phút", "14 giờ": the time in words (folded), as a date in
/// words may be followed by.
fn worded_time(f: &[char], i: usize) -> Option<(Time, usize)> {
    let (h, a) = number(f, i).filter(|&(_, e)| e - i <= 2)?;
    let p = skip_spaces(f, a);
    if !word_at(f, p, "gio") {
        return None;
    }
    let q = skip_spaces(f, p + 3);
    let (m, b) = number(f, q)
        .filter(|&(_, e)| e - q <= 2)
        .unwrap_or((0, p + 3));
    let r = skip_spaces(f, b);
    let end = if word_at(f, r, "phut") { r + 4 } else { b };
    (h < 24 && m < 60).then_some((Time { h, m, s: 0 }, end))
}

/// An optional time right after a date.
fn time_after(f: &[char], end: usize) -> (Option<Time>, usize) {
    match time_at(f, skip_seps(f, end)) {
        Some((t, e)) => (Some(t), e),
        None => (None, end),
    }
}

/// `h:mm[:ss[.frac]][ AM|PM|SA|CH]` or `08h41`.
fn time_at(f: &[char], i: usize) -> Option<(Time, usize)> {
    if let Some(worded) = worded_time(f, i) {
        return Some(worded);
    }
    let (mut h, a) = number(f, i).filter(|&(_, e)| e - i <= 2)?;
    let sep = *f.get(a).filter(|c| matches!(c, ':' | 'h'))?;
    let (m, mut end) = number(f, a + 1).filter(|&(_, e)| e - a - 1 == 2)?;
    let mut s = 0;
    if sep == ':' && f.get(end) == Some(&':') {
        let (sec, e) = number(f, end + 1).filter(|&(_, e)| e - end - 1 == 2)?;
        s = sec;
        end = e;
        if matches!(f.get(end), Some('.') | Some(','))
            && f.get(end + 1).is_some_and(char::is_ascii_digit)
        {
            end += 1;
            while f.get(end).is_some_and(char::is_ascii_digit) {
                end += 1;
            }
        }
    }
    let p = skip_spaces(f, end);
    for (w, pm) in [("am", false), ("sa", false), ("pm", true), ("ch", true)] {
        if word_at(f, p, w) && (1..=12).contains(&h) {
            h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            end = p + 2;
            break;
        }
    }
    (h < 24 && m < 60 && s < 60).then_some((Time { h, m, s }, end))
}

/// `Z`, `+07:00`, `+0700` or `+07`.
fn offset_at(f: &[char], i: usize) -> Option<(FixedOffset, usize)> {
    let c = *f.get(i)?;
    if c == 'z' {
        return Some((FixedOffset::east_opt(0)?, i + 1));
    }
    let sign = match c {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: Vec<u32> = f[i + 1..]
        .iter()
        .take(5)
        .filter(|c| **c != ':')
        .map_while(|c| c.to_digit(10))
        .collect();
    let (hh, mm, used) = match digits.len() {
        n if n >= 4 => (digits[0] * 10 + digits[1], digits[2] * 10 + digits[3], 4),
        2 | 3 => (digits[0] * 10 + digits[1], 0, 2),
        _ => return None,
    };
    let colon = usize::from(used == 4 && f.get(i + 3) == Some(&':'));
    let off = FixedOffset::east_opt(sign * (hh * 3600 + mm * 60) as i32)?;
    Some((off, i + 1 + used + colon))
}

fn make(
    date: NaiveDate,
    time: Option<Time>,
    tz: Option<FixedOffset>,
    start: usize,
    end: usize,
) -> Option<Found> {
    let t = time.unwrap_or(Time { h: 0, m: 0, s: 0 });
    let naive = date.and_hms_opt(t.h, t.m, t.s)?;
    let at = tz
        .unwrap_or_else(vietnam)
        .from_local_datetime(&naive)
        .single()?;
    Some(Found { at, start, end })
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
