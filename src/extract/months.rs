//! Dates written with month names (`January 5, 2020`, `5 Jan 2020`,
//! `5. März 2020`) and dates in article URLs (`/2020/01/05/`). Vietnamese
//! portals use numbers, but pages in other languages reach the reader too.
//! Works on the folded chars of [`super::dates`], so positions line up.

use chrono::NaiveDate;
use url::Url;

/// Folded month words (English, German, French, Portuguese, Spanish),
/// longest first so that "june" is not read as "jun" + "e".
const MONTHS: &[(&str, u32)] = &[
    ("septiembre", 9),
    ("diciembre", 12),
    ("fevereiro", 2),
    ("noviembre", 11),
    ("setiembre", 9),
    ("dezembro", 12),
    ("novembro", 11),
    ("setembro", 9),
    ("janeiro", 1),
    ("febrero", 2),
    ("octubre", 10),
    ("outubro", 10),
    ("agosto", 8),
    ("junho", 6),
    ("julho", 7),
    ("junio", 6),
    ("julio", 7),
    ("enero", 1),
    ("marco", 3),
    ("marzo", 3),
    ("abril", 4),
    ("maio", 5),
    ("mayo", 5),
    ("september", 9),
    ("february", 2),
    ("dezember", 12),
    ("december", 12),
    ("november", 11),
    ("novembre", 11),
    ("decembre", 12),
    ("septembre", 9),
    ("october", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("january", 1),
    ("januar", 1),
    ("janvier", 1),
    ("februar", 2),
    ("fevrier", 2),
    ("august", 8),
    ("april", 4),
    ("avril", 4),
    ("march", 3),
    ("marz", 3),
    ("mars", 3),
    ("june", 6),
    ("juni", 6),
    ("juin", 6),
    ("july", 7),
    ("juli", 7),
    ("juillet", 7),
    ("aout", 8),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
];

fn word_end(f: &[char], i: usize, w: &str) -> Option<usize> {
    let n = w.len();
    let hit = i + n <= f.len()
        && f[i..i + n].iter().copied().eq(w.chars())
        && f.get(i + n).is_none_or(|c| !c.is_alphanumeric());
    hit.then_some(i + n)
}

/// A month word at `i`, with an optional abbreviation dot: (month, end).
fn month_at(f: &[char], i: usize) -> Option<(u32, usize)> {
    let (m, end) = MONTHS
        .iter()
        .find_map(|&(w, m)| word_end(f, i, w).map(|e| (m, e)))?;
    Some((
        m,
        if f.get(end) == Some(&'.') {
            end + 1
        } else {
            end
        },
    ))
}

fn number(f: &[char], i: usize, max_len: usize) -> Option<(u32, usize)> {
    let mut end = i;
    while f.get(end).is_some_and(char::is_ascii_digit) {
        end += 1;
    }
    if end == i || end - i > max_len {
        return None;
    }
    f[i..end]
        .iter()
        .collect::<String>()
        .parse()
        .ok()
        .map(|v| (v, end))
}

fn skip(f: &[char], mut i: usize, extra: &str) -> usize {
    while f
        .get(i)
        .is_some_and(|c| c.is_whitespace() || extra.contains(*c))
    {
        i += 1;
    }
    i
}

/// Past the Portuguese and Spanish joiner in `22 de janeiro de 2018`.
fn skip_de(f: &[char], i: usize) -> usize {
    ["de", "del"]
        .iter()
        .find_map(|w| word_end(f, i, w))
        .map_or(i, |end| skip(f, end, ""))
}

/// `January 5, 2020` / `Jan. 5th 2020` starting at a month word.
pub fn month_first(f: &[char], i: usize) -> Option<(NaiveDate, usize)> {
    let (m, a) = month_at(f, i)?;
    let (d, b) = number(f, skip(f, a, ""), 2)?;
    let b = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word_end(f, b, s))
        .unwrap_or(b);
    let (y, c) = number(f, skip(f, b, ","), 4).filter(|&(y, _)| y >= 1900)?;
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, c))
}

/// `5 January 2020` / `5. Januar 2020` / `22 de janeiro de 2018` starting
/// at the day.
pub fn day_first(f: &[char], i: usize) -> Option<(NaiveDate, usize)> {
    let (d, a) = number(f, i, 2)?;
    let (m, b) = month_at(f, skip_de(f, skip(f, a, ".")))?;
    let (y, c) = number(f, skip_de(f, skip(f, b, ",")), 4).filter(|&(y, _)| y >= 1900)?;
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, c))
}

/// `2023 Jan 7` / `2023 January 07`, the year first (citation metadata).
pub fn year_first(f: &[char], i: usize) -> Option<(NaiveDate, usize)> {
    let (y, a) = number(f, i, 4).filter(|&(y, a)| a - i == 4 && y >= 1900)?;
    let (m, b) = month_at(f, skip(f, a, ""))?;
    let (d, c) = number(f, skip(f, b, ""), 2)?;
    Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, c))
}

/// `/2020/01/05/` or `/2020-01-05` in the article's URL path, else a
/// day-first `/23-01-2022-…` or `_22.04.2020_` (European slugs).
pub fn in_url(url: &Url) -> Option<NaiveDate> {
    let parts: Vec<&str> = url.path().split(['/', '-', '_']).collect();
    url_year_first(&parts).or_else(|| url_day_first(url.path()))
}

fn url_day_first(path: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 2 && w[1].len() == 2 && w[2].len() == 4;
        let (d, m, y) = (w[0].parse().ok()?, w[1].parse().ok()?, w[2].parse().ok()?);
        (ok && (1990..=2100).contains(&y))
            .then(|| NaiveDate::from_ymd_opt(y, m, d))
            .flatten()
    })
}

fn url_year_first(parts: &[&str]) -> Option<NaiveDate> {
    // `/2020/01/05/`, `/2017/7/12/` (CMSs that do not pad), `/2020/01/05slug`.
    parts.windows(3).find_map(|w| {
        let digits = w[2].len() - w[2].trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let ok = w[0].len() == 4 && (1..=2).contains(&w[1].len()) && (1..=2).contains(&digits);
        let (y, m) = (w[0].parse().ok()?, w[1].parse().ok()?);
        let d = w[2][..digits].parse().ok()?;
        (ok && (1990..=2100).contains(&y))
            .then(|| NaiveDate::from_ymd_opt(y, m, d))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::super::dates::find_date;
    use super::*;

    fn day(s: &str) -> Option<String> {
        find_date(s).map(|f| f.at.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn month_names_in_five_languages() {
        assert_eq!(
            day("Posted on January 5, 2020").as_deref(),
            Some("2020-01-05")
        );
        assert_eq!(day("Sept. 21st 2019, 10:30").as_deref(), Some("2019-09-21"));
        assert_eq!(day("am 5. März 2021").as_deref(), Some("2021-03-05"));
        assert_eq!(day("le 3 juillet 2018").as_deref(), Some("2018-07-03"));
        assert_eq!(
            day("segunda-feira, 22 de janeiro de 2018 às 0:13").as_deref(),
            Some("2018-01-22")
        );
        assert_eq!(
            day("Publicado el 5 de marzo del 2020").as_deref(),
            Some("2020-03-05")
        );
        assert_eq!(day("Marco 22 de 2018 fotos"), None);
        assert_eq!(day("May the force be with you 2020"), None);
    }

    #[test]
    fn url_dates() {
        let u = |s: &str| in_url(&Url::parse(s).unwrap()).map(|d| d.to_string());
        assert_eq!(
            u("https://a.de/2019/05/31/titel/").as_deref(),
            Some("2019-05-31")
        );
        assert_eq!(
            u("https://a.de/news/2021-11-02-titel").as_deref(),
            Some("2021-11-02")
        );
        assert_eq!(u("https://a.de/tin/1024/1025/bai.html"), None);
        assert_eq!(
            u("https://a.de/home/2017/7/2/x").as_deref(),
            Some("2017-07-02")
        );
        assert_eq!(u("https://a.de/tin/2017/07/123456.html"), None);
        // Day-first slugs, tried after the year-first forms.
        let day_first = [
            "http://x.vn/tin/23-01-2022-hoi",
            "http://x.vn/vom_22.04.2020_x",
        ];
        let got: Vec<_> = day_first.iter().filter_map(|s| u(s)).collect();
        assert_eq!(got, ["2022-01-23", "2020-04-22"]);
        assert_eq!(u("http://x.vn/tin/12-34-5678"), None);
    }
}
