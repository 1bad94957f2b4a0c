//! One small page per metadata form and related-list heading the issue
//! names (pages written for these tests), checked the way a reader sees
//! them: the field is filled, the heading's list is related, not body.

use super::*;
use crate::model::BlockKind;

fn base() -> Url {
    Url::parse("http://xa.example.vn/tin/bai-3.html").unwrap()
}

const TEXT: &str = "<p>Chiều qua, hội nông dân xã tổ chức tập huấn kỹ thuật chăm sóc cây ăn quả cho gần một trăm hội viên, chủ yếu là các hộ trồng nhãn và vải.</p>\
<p>Các kỹ sư hướng dẫn cách bón phân, tỉa cành và phòng trừ sâu bệnh theo hướng an toàn, giảm dùng thuốc hóa học, bảo vệ sức khỏe người làm vườn.</p>";

fn page(before: &str, after: &str) -> Extracted {
    let html = format!(
        "<html><head><title>Tập huấn chăm sóc cây ăn quả</title></head><body>\
         <h1>Tập huấn chăm sóc cây ăn quả</h1>{before}<div class='nd'>{TEXT}</div>{after}</body></html>"
    );
    extract(&html, &base())
}

fn published(e: &Extracted) -> String {
    e.published.map(|d| d.to_rfc3339()).unwrap_or_default()
}

#[test]
fn each_vietnamese_meta_form() {
    let cases = [
        (
            "<p>Đăng ngày: 15/01/2021 - 8:41:57 AM</p>",
            "2021-01-15T08:41:57+07:00",
        ),
        (
            "<p>Ngày đăng: 08:47 07/03/2026</p>",
            "2026-03-07T08:47:00+07:00",
        ),
        (
            "<p>Cập nhật: 22/06/2023 16:05</p>",
            "2023-06-22T16:05:00+07:00",
        ),
        (
            "<p>Thứ Năm, ngày 4 tháng 3 năm 2021</p>",
            "2021-03-04T00:00:00+07:00",
        ),
    ];
    for (line, want) in cases {
        let e = page(line, "");
        assert_eq!(published(&e), want, "{line}");
        let text = line.trim_start_matches("<p>").trim_end_matches("</p>");
        assert!(!e.body.contains(text), "{text} in body: {}", e.body);
    }
}

#[test]
fn views_author_and_source_lines() {
    let e = page("<p>Lượt xem: 3.051 | Tác giả: Nông Văn Dũng</p>", "");
    assert_eq!(
        (e.views, e.author.as_deref()),
        (Some(3051), Some("Nông Văn Dũng"))
    );
    let e = page("<p>Tác giả: Hà Thị Lan</p>", "<p>Nguồn: Báo Nông thôn</p>");
    assert_eq!(e.author.as_deref(), Some("Hà Thị Lan"));
    assert!(!e.body.contains("Hà Thị Lan"), "{}", e.body);
}

#[test]
fn machine_readable_metadata() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tập huấn chăm sóc cây ăn quả","datePublished":"2024-02-01T07:30:00+07:00","author":{"@type":"Person","name":"Lưu Quang Vinh"}}</script>"#;
    let e = page(ld, "");
    assert_eq!(published(&e), "2024-02-01T07:30:00+07:00");
    assert_eq!(e.author.as_deref(), Some("Lưu Quang Vinh"));
    let og = r#"<meta property="article:published_time" content="2024-02-02T09:00:00+07:00"><meta name="author" content="Trịnh Mai">"#;
    let e = page(og, "");
    assert_eq!(published(&e), "2024-02-02T09:00:00+07:00");
    assert_eq!(e.author.as_deref(), Some("Trịnh Mai"));
    let micro = r#"<span itemprop="author" itemscope><span itemprop="name">Đinh Bảo</span></span><time itemprop="datePublished" datetime="2024-02-03">3/2</time>"#;
    let e = page(micro, "");
    assert_eq!(published(&e), "2024-02-03T00:00:00+07:00");
    assert_eq!(e.author.as_deref(), Some("Đinh Bảo"));
}

#[test]
fn other_meta_names_and_citation_dates() {
    // A plain `published_on` counts, after the usual keys wherever it sits.
    let m = r#"<meta name="published_on" content="2024-02-04T10:00:00+07:00">"#;
    assert_eq!(published(&page(m, "")), "2024-02-04T10:00:00+07:00");
    let og = r#"<meta property="article:published_time" content="2024-02-05T09:00:00+07:00">"#;
    assert_eq!(
        published(&page(&format!("{m}{og}"), "")),
        "2024-02-05T09:00:00+07:00"
    );
    let c = r#"<meta name="citation_publication_date" content="2024 Feb 6">"#;
    assert_eq!(published(&page(c, "")), "2024-02-06T00:00:00+07:00");
}

#[test]
fn each_related_heading_keeps_its_list_out_of_the_body() {
    let headings = [
        "Bài viết khác",
        "Tin liên quan",
        "Tin cùng chuyên mục",
        "Các tin khác",
        "Tin khác",
        "Xem thêm",
        "Đọc thêm",
        "Related articles",
        "See also",
        "Read more",
        "Weitere Meldungen",
        "Notas relacionadas",
        "相关新闻",
    ];
    for h in headings {
        let list = format!(
            "<div><h3>{h}:</h3><ul><li><a href='/tin/bai-2.html'>Xã tổ chức hội thi nấu ăn</a></li>\
             <li><a href='/tin/bai-1.html'>Khai giảng lớp tin học cho người cao tuổi</a></li></ul></div>"
        );
        let e = page("", &list);
        let titles: Vec<&str> = e.related.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Xã tổ chức hội thi nấu ăn",
                "Khai giảng lớp tin học cho người cao tuổi"
            ],
            "{h}"
        );
        assert_eq!(e.related[0].url, "http://xa.example.vn/tin/bai-2.html");
        assert!(
            !e.body.contains("hội thi nấu ăn") && !e.body.contains(h),
            "{h}: {}",
            e.body
        );
    }
}

#[test]
fn lead_caption_signature_and_structure_are_marked() {
    let html = format!(
        "<html><body><h1>Tập huấn chăm sóc cây ăn quả</h1><div class='nd'>\
         <p><b>Hội nông dân xã vừa mở lớp tập huấn cho các hộ trồng nhãn, vải trên địa bàn.</b></p>\
         <figure><img src='/a.jpg'><figcaption>Kỹ sư hướng dẫn bà con tỉa cành</figcaption></figure>\
         {TEXT}<h2>Kết quả sau tập huấn</h2><ul><li>Giảm một nửa lượng thuốc trừ sâu đã dùng</li>\
         <li>Năng suất tăng rõ, xem <a href='/bao-cao.html'>báo cáo</a> của hội</li></ul>\
         <table><tr><th>Cây</th><th>Diện tích</th></tr><tr><td>Nhãn</td><td>12 ha</td></tr></table>\
         <p>Minh Tâm</p></div></body></html>"
    );
    let e = extract(&html, &base());
    let kinds: Vec<BlockKind> = e.doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[0], BlockKind::Lead);
    assert_eq!(
        e.texts(BlockKind::Caption),
        ["Kỹ sư hướng dẫn bà con tỉa cành"]
    );
    assert!(kinds.contains(&BlockKind::Heading(2)));
    assert_eq!(e.texts(BlockKind::ListItem).len(), 2);
    assert_eq!(
        e.texts(BlockKind::Table),
        ["Cây  | Diện tích\nNhãn | 12 ha"]
    );
    assert_eq!(kinds.last(), Some(&BlockKind::Signature));
    assert_eq!(e.doc.links, ["http://xa.example.vn/bao-cao.html"]);
    let rendered = doc::render(&e.doc);
    assert!(rendered.contains("báo cáo[1] của hội"), "{rendered}");
    assert!(
        rendered.ends_with("[1] http://xa.example.vn/bao-cao.html"),
        "{rendered}"
    );
    assert!(
        e.body.ends_with("Minh Tâm") && !e.body.contains("[1]"),
        "{}",
        e.body
    );
}

#[test]
fn print_and_permalink_buttons_are_not_body() {
    let html = format!(
        "<html><body><h1>Tập huấn chăm sóc cây ăn quả</h1><div class='nd'>{TEXT}\
         <p>Drucken</p><p>Permalink</p><p>Bild anzeigen</p>{TEXT}</div></body></html>"
    );
    let e = extract(&html, &base());
    for label in ["Drucken", "Permalink", "Bild anzeigen"] {
        assert!(!e.body.contains(label), "{label}: {}", e.body);
    }
    assert!(e.body.contains("tập huấn kỹ thuật"), "{}", e.body);
}

#[test]
fn an_about_the_author_box_is_not_body() {
    let bio = "<h4>Về tác giả</h4><p>Minh Thu viết về nông nghiệp và đời sống ở nông thôn đã hơn mười năm.</p>";
    let html = format!(
        "<html><body><h1>Tập huấn chăm sóc cây ăn quả</h1><div class='nd'>{TEXT}<div>{bio}</div></div></body></html>"
    );
    let e = extract(&html, &base());
    assert!(!e.body.contains("Minh Thu viết"), "{}", e.body);
    assert!(e.body.contains("tập huấn kỹ thuật"), "{}", e.body);
}

#[test]
fn a_table_in_the_plain_body_keeps_its_rows_and_equal_cells() {
    let table = "<table><tr><th>Đội</th><th>Thắng</th><th>Hòa</th><th>Thua</th></tr>\
                 <tr><td>Xã Đông</td><td>3</td><td>1</td><td>1</td></tr>\
                 <tr><td>Xã Tây</td><td>2</td><td>2</td><td>1</td></tr></table>";
    let html = format!(
        "<html><body><h1>Tập huấn chăm sóc cây ăn quả</h1><div class='nd'>{TEXT}{table}</div></body></html>"
    );
    let e = extract(&html, &base());
    // A column of cells would read "3, 1" for "3, 1, 1": each row is one
    // line, its cells split by tabs, the table one paragraph.
    let rows = "Đội\tThắng\tHòa\tThua\nXã Đông\t3\t1\t1\nXã Tây\t2\t2\t1";
    assert!(e.body.ends_with(&format!("\n\n{rows}")), "{}", e.body);
    assert_eq!(
        e.texts(BlockKind::Table),
        ["Đội     | Thắng | Hòa | Thua\nXã Đông | 3     | 1   | 1\nXã Tây  | 2     | 2   | 1"]
    );
}

#[test]
fn a_bare_paywall_class_wraps_the_story_and_a_paywall_prompt_is_furniture() {
    let html = format!(
        "<html><body><h1>Tập huấn chăm sóc cây ăn quả</h1><article>\
         <p>Hội nông dân xã vừa mở lớp tập huấn cho các hộ trồng nhãn, vải trên địa bàn trong ba ngày.</p>\
         <div class='paywall'>{TEXT}</div>\
         <div class='paywall-prompt'><p>Đăng ký gói đọc báo để xem tiếp toàn bộ các bài viết chuyên sâu của chúng tôi mỗi ngày.</p></div>\
         </article></body></html>"
    );
    let e = extract(&html, &base());
    assert!(e.body.contains("tập huấn kỹ thuật"), "{}", e.body);
    assert!(e.body.contains("phòng trừ sâu bệnh"), "{}", e.body);
    assert!(!e.body.contains("Đăng ký gói"), "{}", e.body);
}

#[test]
fn print_only_notices_a_lone_by_and_reprint_buttons_are_not_body() {
    let html = format!(
        "<html><body><div class='print-header'><p>Bản in dành cho mục đích cá nhân, không thương mại. \
         Muốn đặt bản in để phân phát, xin liên hệ tòa soạn qua địa chỉ thư điện tử.</p></div>\
         <h1>Tập huấn chăm sóc cây ăn quả</h1><div class='nd'>\
         <p>By</p><p><a href='/tac-gia/minh-tam'>Minh Tâm</a></p><p>Order Reprints</p>{TEXT}</div>\
         <div class='print-footer'><p>Bản in dành cho mục đích cá nhân, không thương mại, mọi hình thức \
         sao chép lại cần có sự đồng ý bằng văn bản của tòa soạn.</p></div></body></html>"
    );
    let e = extract(&html, &base());
    assert!(e.body.starts_with("Chiều qua"), "{}", e.body);
    assert!(!e.body.contains("Bản in"), "{}", e.body);
    assert!(!e.body.contains("Order Reprints"), "{}", e.body);
}

#[test]
fn a_commune_portal_signature_names_the_writer_and_its_widgets_are_not_body() {
    // Commune portals sign the story on its last line and follow it with a
    // rating widget and a "news of the day" date picker.
    let after = "<p style='text-align:right'><b>Lê Thu Hà - Đài Truyền thanh xã</b></p>\
        <div class='rating'>Đánh giá bài viết: <span>★★★★☆</span> (12 lượt đánh giá)</div>\
        <div class='archive'>Các tin đã đưa ngày: <input value='12/03/2026'> <button>Xem</button></div>";
    let e = page("<div class='ngay'>Ngày đăng: 12/03/2026</div>", after);
    assert_eq!(e.author.as_deref(), Some("Lê Thu Hà - Đài Truyền thanh xã"));
    assert!(
        e.body.ends_with("Lê Thu Hà - Đài Truyền thanh xã"),
        "{}",
        e.body
    );
    assert!(!e.body.contains("Đánh giá") && !e.body.contains("tin đã đưa"));
}

#[test]
fn a_sapo_set_as_a_heading_is_the_lead_and_a_long_signature_still_signs() {
    let before = "<h2 class='detail__sapo'>Sáng 9/3, tỉnh tổ chức lễ thông xe tuyến đường liên xã dài 14,6 km, hoàn thành sớm hơn kế hoạch hai tháng.</h2>";
    let after = "<p style='text-align:right'><b>Nguyễn Minh (Trung tâm Văn hóa - Thông tin)</b></p>\
        <div class='ratings'>Bài viết có hữu ích với bạn? <a href='#'>Có</a> <a href='#'>Không</a></div>";
    let e = page(before, after);
    assert_eq!(
        e.texts(BlockKind::Lead),
        ["Sáng 9/3, tỉnh tổ chức lễ thông xe tuyến đường liên xã dài 14,6 km, hoàn thành sớm hơn kế hoạch hai tháng."]
    );
    assert!(e.body.starts_with("Sáng 9/3"), "{}", e.body);
    assert_eq!(
        e.author.as_deref(),
        Some("Nguyễn Minh (Trung tâm Văn hóa - Thông tin)")
    );
    assert!(!e.body.contains("hữu ích"));
}
