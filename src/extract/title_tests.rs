//! Tests of `title.rs`, kept apart so the module reads in one sitting.

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
    let t = title("<meta property='og:title' content='Hội thi nấu cơm'><h2>Tin tức</h2><p>x</p>");
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

#[test]
fn a_blog_platform_title_with_at_names_the_post() {
    // "Post @ Blog :: Platform ::", the platform's logo as the first <h1>.
    let t = title(
        "<title>Mùa lúa chín ở Phù Cừ (2) @ Nhật ký làng quê :: Blog Việt ::</title>\
         <h1>Blog Việt</h1><h1>Nhật ký làng quê</h1>\
         <h2>Mùa lúa chín ở Phù Cừ (2)</h2><p>Văn bản.</p>",
    );
    assert_eq!(t.text.as_deref(), Some("Mùa lúa chín ở Phù Cừ (2)"));
}
