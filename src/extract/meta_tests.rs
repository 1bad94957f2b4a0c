//! Tests of `meta.rs`, kept apart so the module reads in one sitting.

use super::*;

fn line(s: &str) -> Visible {
    let mut v = Visible::default();
    assert!(read_line(s, &mut v), "not a meta line: {s}");
    v
}

#[test]
fn pipe_line_with_bare_author() {
    let v = line("Đăng ngày: 03/09/2022 - 10:15:00 AM | Lượt xem: 2.417 | Vũ Thị Thu");
    assert_eq!(
        v.published.unwrap().to_rfc3339(),
        "2022-09-03T10:15:00+07:00"
    );
    assert_eq!(v.views, Some(2417));
    assert_eq!(v.author.as_deref(), Some("Vũ Thị Thu"));
}

#[test]
fn a_comment_link_after_the_byline_is_not_the_author() {
    let v = line("Posted on April 5, 2015 by Marc Huber | Leave a comment");
    assert_eq!(v.author.as_deref(), Some("Marc Huber"));
    let v = line("Đăng ngày: 03/09/2022 | Vũ Thị Thu | Bình luận (3) | Chia sẻ");
    assert_eq!(v.author.as_deref(), Some("Vũ Thị Thu"));
    // A quoted title is not a name; a bracket the line was cut in is not part of one.
    let v = line("Đăng ngày: 03/09/2022 | sách „Đất rừng phương Nam“");
    assert_eq!(v.author, None);
    let v = line("(last edited 2020-05-05 by MatsWichmann)");
    assert_eq!(v.author.as_deref(), Some("MatsWichmann"));
}

#[test]
fn labels_without_pipes() {
    let v = line("Ngày đăng: 08:47 07/03/2026 Lượt xem: 58 Tác giả: Lê Minh");
    assert_eq!(
        v.published.unwrap().to_rfc3339(),
        "2026-03-07T08:47:00+07:00"
    );
    assert_eq!(v.views, Some(58));
    assert_eq!(v.author.as_deref(), Some("Lê Minh"));
}

#[test]
fn foreign_labels() {
    let mut v = Visible::default();
    assert!(read_line("Veröffentlicht am 03.02.2022", &mut v));
    assert!(read_line("Mis à jour le 05/02/2022", &mut v));
    assert_eq!(v.published.unwrap().format("%F").to_string(), "2022-02-03");
    assert_eq!(v.updated.unwrap().format("%F").to_string(), "2022-02-05");
}

#[test]
fn source_is_not_author_and_update_is_kept_apart() {
    let v = line("Cập nhật: 11-05-2024 | Nguồn: Báo Nhân Dân");
    assert_eq!(v.author, None);
    assert_eq!(v.published, None);
    assert_eq!(v.updated.unwrap().to_rfc3339(), "2024-05-11T00:00:00+07:00");
}

#[test]
fn a_word_leading_into_a_label_is_not_the_author() {
    assert_eq!(line("Page last updated: 11 March 2026").author, None);
    let v = line("Lượt xem: 58 | Thu Hằng Cập nhật: 11-05-2024");
    assert_eq!(v.author.as_deref(), Some("Thu Hằng"));
}

#[test]
fn a_menu_link_is_not_a_meta_line() {
    let doc = scraper::Html::parse_document(
        "<nav><ul><li><a href='/vung'>By Wine Region</a></li></ul></nav>\
         <p>By Thu Hằng | Đăng ngày: 03/09/2022</p>",
    );
    let v = scan(&super::super::blocks::flatten(&doc));
    assert_eq!(v.author.as_deref(), Some("Thu Hằng"));
}

#[test]
fn foreign_author_labels() {
    assert_eq!(
        line("Auteur: Anna Kubišta").author.as_deref(),
        Some("Anna Kubišta")
    );
    assert_eq!(
        line("von Klaus Stanjek").author.as_deref(),
        Some("Klaus Stanjek")
    );
    let mut v = Visible::default();
    read_line("Von der Leyen besucht Kiew", &mut v);
    read_line(
        "By Monday the market in the old town square had closed for the season",
        &mut v,
    );
    assert_eq!(v.author, None);
    let v = line("Autoren Jelko Djuren und Jutta Klaukien");
    assert_eq!(v.author.as_deref(), Some("Jelko Djuren und Jutta Klaukien"));
}

#[test]
fn vietnamese_text_and_photo_credits() {
    assert_eq!(
        line("Bài và ảnh: Thu Hằng").author.as_deref(),
        Some("Thu Hằng")
    );
    let v = line("Bài: Thu Hằng - Ảnh: Minh Trí");
    assert_eq!(v.author.as_deref(), Some("Thu Hằng"));
    let mut v = Visible::default();
    read_line("Bài học từ mùa lũ năm ngoái", &mut v);
    assert_eq!(v.author, None);
    // A caption that opens with "Ảnh:" stays in the text.
    assert!(!read_line("Ảnh: Các đại biểu cắt băng khánh thành", &mut v));
}

#[test]
fn several_authors_under_a_plural_label() {
    let v = line("Authors: Kim Lan and Hoa Lê");
    assert_eq!(v.author.as_deref(), Some("Kim Lan and Hoa Lê"));
}

#[test]
fn a_comment_count_is_not_the_author() {
    let v = line("Đăng ngày: 03/09/2022 | 5 bình luận");
    assert_eq!(v.author, None);
    let v = line("Lượt xem: 58 | 12 Comments | Thu Hằng");
    assert_eq!(v.author.as_deref(), Some("Thu Hằng"));
}

#[test]
fn a_menu_sorting_by_topic_is_not_a_byline() {
    let mut v = Visible::default();
    read_line("By Topic", &mut v);
    read_line("By Type", &mut v);
    assert_eq!(v.author, None);
    read_line("By the time we arrived, the market was closed", &mut v);
    assert_eq!(v.author, None);
    assert_eq!(line("By Thu Hằng").author.as_deref(), Some("Thu Hằng"));
    assert_eq!(line("By: Hằng").author.as_deref(), Some("Hằng"));
}

#[test]
fn plain_lines_are_not_meta() {
    let mut v = Visible::default();
    assert!(!read_line(
        "Thứ Hai, ngày 2 tháng 1 năm 2023 - 6:00:00 PM",
        &mut v
    ));
    assert!(!read_line("Bà con cập nhật giá lúa mỗi ngày", &mut v));
    assert!(v.published.is_none());
}

#[test]
fn a_date_after_the_author_ends_the_name() {
    let v = line("Tác giả: Hoàng Lan 12/05/2024");
    assert_eq!(v.author.as_deref(), Some("Hoàng Lan"));
    let v = line("Posted by Konstantin 21.10.2019");
    assert_eq!(v.author.as_deref(), Some("Konstantin"));
    let v = line("Tác giả: Trần Văn Lực 12/05/2024");
    assert_eq!(v.author.as_deref(), Some("Trần Văn Lực"));
    let v = line("Tác giả: Minh Le, 12/05/2024");
    assert_eq!(v.author.as_deref(), Some("Minh Le"));
    let v = line("Tác giả: Trần Bình ngày 03/02/2023, 13:36");
    assert_eq!(v.author.as_deref(), Some("Trần Bình"));
    assert_eq!(
        v.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2023-02-03T13:36:00+07:00")
    );
}

#[test]
fn a_label_alone_takes_the_name_on_the_next_line() {
    use scraper::Html;
    let doc = Html::parse_document(
        "<div><h5>Tác giả:</h5><p>Nguyễn Thu Trang</p><p>Một đoạn văn của bài viết, đủ dài để là nội dung.</p></div>",
    );
    let page = super::super::blocks::flatten(&doc);
    let v = scan(&page);
    assert_eq!(v.author.as_deref(), Some("Nguyễn Thu Trang"));
    let doc = Html::parse_document("<div>• Ngày đăng:<br>08:47 07/03/2026</div>");
    let page = super::super::blocks::flatten(&doc);
    let v = scan(&page);
    assert_eq!(
        v.published.map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-03-07T08:47:00+07:00")
    );
    // "By" alone is too short a word to be sure of.
    let doc = Html::parse_document("<div><p>By</p><p>Thu Trang</p></div>");
    let page = super::super::blocks::flatten(&doc);
    assert_eq!(scan(&page).author, None);
}

#[test]
fn a_count_before_its_label_and_the_read_counter_are_views() {
    assert_eq!(
        line("12/01/2026 - 18:30 · 5.812 lượt xem").views,
        Some(5812)
    );
    assert_eq!(line("Ngày 14/01/2026 - Số lần đọc: 1206").views, Some(1206));
    // A date before the label is no count.
    let mut v = Visible::default();
    read_line("Cập nhật 14/01/2026 lượt xem", &mut v);
    assert_eq!(v.views, None);
}

#[test]
fn a_reporter_label_names_the_writer_but_not_in_prose() {
    assert_eq!(
        line("Phóng viên: Trần Mai").author.as_deref(),
        Some("Trần Mai")
    );
    let mut v = Visible::default();
    read_line(
        "Phóng viên đã có cuộc trao đổi với ông Trần Văn Khải",
        &mut v,
    );
    assert_eq!(v.author, None);
}

#[test]
fn clock_words_after_a_date_are_not_a_name() {
    let v = line("Veröffentlicht am 19.10.19 um 14:34 Uhr");
    assert_eq!(v.author, None);
    assert!(v.published.is_some());
    let v = line("Published: 28 Apr, 2020 CET.");
    assert_eq!(v.author, None);
    let v = line("Cập nhật: 08:47 07/03/2026 (GMT+7) | Minh Anh");
    assert_eq!(v.author.as_deref(), Some("Minh Anh"));
}

#[test]
fn a_bracketed_plural_ending_belongs_to_the_label() {
    let v = line("Auteur(s) : Les Membres du Choeur");
    assert_eq!(v.author.as_deref(), Some("Les Membres du Choeur"));
    let v = line("Autor(in): Jana Berg");
    assert_eq!(v.author.as_deref(), Some("Jana Berg"));
    assert!(is_bare_label("Auteur(s) :"));
    // An elided article makes the label word a noun in a sentence.
    let mut v = Visible::default();
    read_line("Aidez l'auteur à atteindre la victoire :", &mut v);
    assert_eq!(v.author, None);
}

#[test]
fn a_count_after_a_labelled_date_is_the_views() {
    let v = line("Cập nhật: 16:05, 21/02/2026 2.341 lượt xem");
    assert_eq!(v.views, Some(2341));
    assert!(v.updated.is_some());
    // The year of the date is not a count.
    let v = line("Cập nhật: 21/02/2026 lượt xem: 12");
    assert_eq!(v.views, Some(12));
}

#[test]
fn a_bar_between_a_date_and_its_time_parts_nothing() {
    let v = line("Đăng ngày: 18/02/2026 | 16:05 | Tác giả: Ban Tuyên giáo");
    assert_eq!(
        v.published.unwrap().to_rfc3339(),
        "2026-02-18T16:05:00+07:00"
    );
    assert_eq!(v.author.as_deref(), Some("Ban Tuyên giáo"));
    // A views count before a bar is no date: the time stays its own field.
    let v = line("Lượt xem: 58 | 12:30 18/02/2026");
    assert_eq!(v.views, Some(58));
}

#[test]
fn a_semicolon_ends_the_author_before_the_source() {
    let v = line("Tác giả: Hồng Nhung; Nguồn: Sở Nông nghiệp và Môi trường");
    assert_eq!(v.author.as_deref(), Some("Hồng Nhung"));
}

#[test]
fn print_and_mail_links_on_the_date_line_are_no_author() {
    let v = line("Ngày ban hành: 10/02/2026 | Lượt xem: 87 | In | Gửi mail");
    assert_eq!(v.views, Some(87));
    assert_eq!(v.author, None);
}

#[test]
fn font_size_buttons_are_no_author() {
    let v = line("Lượt xem: 348 | In trang | Gửi email | A+ A-");
    assert_eq!(v.views, Some(348));
    assert_eq!(v.author, None);
}
