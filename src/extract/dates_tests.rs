//! Tests of [`super`]: the date forms the parser reads and rejects.

use super::*;

fn rfc(s: &str) -> Option<String> {
    find_date(s).map(|f| f.at.to_rfc3339())
}

#[test]
fn slash_date_with_twelve_hour_time() {
    assert_eq!(
        rfc("22/02/2024 - 3:05:09 PM").as_deref(),
        Some("2024-02-22T15:05:09+07:00")
    );
    assert_eq!(
        rfc("01/12/2023 - 12:30:00 AM").as_deref(),
        Some("2023-12-01T00:30:00+07:00")
    );
}

#[test]
fn slash_date_with_24_hour_time_and_time_first() {
    assert_eq!(
        rfc("Cập nhật 09/10/2022 17:45").as_deref(),
        Some("2022-10-09T17:45:00+07:00")
    );
    assert_eq!(
        rfc("06:15 11/04/2025").as_deref(),
        Some("2025-04-11T06:15:00+07:00")
    );
    assert_eq!(
        rfc("lúc 06h15, 11-04-2025").as_deref(),
        Some("2025-04-11T06:15:00+07:00")
    );
}

#[test]
fn a_time_after_the_word_for_at_belongs_to_the_date() {
    assert_eq!(
        rfc("segunda-feira, 22 de janeiro de 2018 às 0:13").as_deref(),
        Some("2018-01-22T00:13:00+07:00")
    );
    assert_eq!(
        rfc("Monday, January 22, 2018 at 9:05 PM").as_deref(),
        Some("2018-01-22T21:05:00+07:00")
    );
    assert_eq!(
        rfc("am 5. März 2021 um 10:30 Uhr").as_deref(),
        Some("2021-03-05T10:30:00+07:00")
    );
    // A word with no time after it is not part of the date.
    let found = find_date("22 January 2018 at noon").unwrap();
    assert_eq!(
        (found.end, found.at.time().to_string().as_str()),
        (15, "00:00:00")
    );
}

#[test]
fn vietnamese_words_and_plain_dates() {
    assert_eq!(
        rfc("Chủ Nhật, ngày 7 tháng 9 năm 2025").as_deref(),
        Some("2025-09-07T00:00:00+07:00")
    );
    assert_eq!(
        rfc("NGÀY 30 THÁNG 4 NĂM 2020 - 9:00:00 AM").as_deref(),
        Some("2020-04-30T09:00:00+07:00")
    );
    assert_eq!(
        rfc("03-02-2019").as_deref(),
        Some("2019-02-03T00:00:00+07:00")
    );
    assert_eq!(
        rfc("3.2.2019").as_deref(),
        Some("2019-02-03T00:00:00+07:00")
    );
}

#[test]
fn short_years_only_fully_padded() {
    assert_eq!(
        rfc("Von: Lan | 31.10.23").as_deref(),
        Some("2023-10-31T00:00:00+07:00")
    );
    assert_eq!(
        rfc("15/01/21 08:30").as_deref(),
        Some("2021-01-15T08:30:00+07:00")
    );
    assert_eq!(rfc("bản 1.2.3"), None);
    assert_eq!(rfc("mã 12.03.24.5"), None);
    assert_eq!(rfc("số 31-10-23"), None);
}

#[test]
fn a_short_date_glued_to_its_time() {
    // `<span>15.01.21</span><span>08:41</span>`: the text has no space.
    assert_eq!(
        rfc("15.01.2108:41").as_deref(),
        Some("2021-01-15T08:41:00+07:00")
    );
    assert_eq!(
        rfc("15.01.2021 08:41").as_deref(),
        Some("2021-01-15T08:41:00+07:00")
    );
}

#[test]
fn a_date_glued_to_its_label() {
    assert_eq!(
        rfc("Ngày đăng03/09/2022 10:15").as_deref(),
        Some("2022-09-03T10:15:00+07:00")
    );
    // Digits inside a word are still no date.
    assert_eq!(rfc("mã12.03.20241"), None);
}

#[test]
fn iso_forms() {
    assert_eq!(
        rfc("2024-05-06T07:08:09Z").as_deref(),
        Some("2024-05-06T07:08:09+00:00")
    );
    assert_eq!(
        rfc("2024-05-06T07:08:09.123+0700").as_deref(),
        Some("2024-05-06T07:08:09+07:00")
    );
    assert_eq!(
        rfc("2024-05-06 07:08").as_deref(),
        Some("2024-05-06T07:08:00+07:00")
    );
    assert_eq!(
        rfc("2024-05-06").as_deref(),
        Some("2024-05-06T00:00:00+07:00")
    );
}

#[test]
fn attributes_accept_rfc_2822() {
    let d = parse_attr("Tue, 1 Jul 2003 10:52:37 +0200").unwrap();
    assert_eq!(d.to_rfc3339(), "2003-07-01T10:52:37+02:00");
}

#[test]
fn non_dates_are_ignored() {
    assert_eq!(rfc("Lượt xem: 1.234"), None);
    assert_eq!(rfc("Điện thoại: 0221 3 551 414"), None);
    assert_eq!(rfc("32/13/2020"), None);
    assert_eq!(rfc(""), None);
}

#[test]
fn span_is_reported_in_chars() {
    let s = "Ngày đăng: 05/06/2021 08:00 Hồng Nhung";
    let f = find_date(s).unwrap();
    let rest: String = s.chars().skip(f.end).collect();
    assert_eq!(rest.trim(), "Hồng Nhung");
}

#[test]
fn year_first_attributes() {
    let day = |s: &str| parse_attr(s).map(|d| d.format("%Y-%m-%d").to_string());
    assert_eq!(day("2023 Jan 7").as_deref(), Some("2023-01-07"));
    assert_eq!(day("2017/01/30").as_deref(), Some("2017-01-30"));
    // In a line of text the year-first form is not read.
    assert_eq!(find_date("Tập 2023 Jan 7"), None);
}

#[test]
fn month_first_when_the_day_first_month_is_impossible() {
    let day = |s: &str| find_date(s).map(|f| f.at.format("%Y-%m-%d").to_string());
    assert_eq!(day("Published on 01/25/26").as_deref(), Some("2026-01-25"));
    assert_eq!(day("12.16.2025").as_deref(), Some("2025-12-16"));
    // Day-first whenever it is possible.
    assert_eq!(day("03/04/2025").as_deref(), Some("2025-04-03"));
}

#[test]
fn a_time_in_words_after_a_date_in_words() {
    assert_eq!(
        rfc("Thứ Tư, ngày 15 tháng 4 năm 2026 lúc 9 giờ 30 phút").as_deref(),
        Some("2026-04-15T09:30:00+07:00")
    );
    assert_eq!(
        rfc("15/04/2026, 14 giờ").as_deref(),
        Some("2026-04-15T14:00:00+07:00")
    );
}
