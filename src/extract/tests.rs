//! Whole-page tests: small Vietnamese pages written for these tests, each
//! shaped like a kind of portal page, checked for what a reader would see.

use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

use super::*;

fn base() -> Url {
    Url::parse("http://cong.example.vn/tin-tuc/bai-viet-9.html").unwrap()
}

fn run(html: &str) -> Extracted {
    extract(html, &base())
}

fn rfc(e: &Extracted) -> Option<String> {
    e.published.map(|d| d.to_rfc3339())
}

/// A portal page in the seed's shape: date line, menu, breadcrumb, meta
/// line, title, bold lead, photo with caption, body, signature, related
/// list, then sidebar poll, visitor counter and footer.
const PORTAL: &str = r#"<html><head><title>Xã Bình Minh khánh thành cầu treo mới</title></head>
<body><form id="form1" action="/tin">
<div class="top">Thứ Sáu, ngày 5 tháng 4 năm 2024 - 9:12:00 AM</div>
<div id="mainmenu"><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> | <a href="/tin">Tin tức</a> | <a href="/van-ban">Văn bản</a></div>
<table width="100%"><tr>
<td valign="top" width="70%">
  <div class="duongdan"><a href="/">Trang chủ</a> » <a href="/kinh-te">Kinh tế - Xã hội</a> » <a href="/kinh-te/giao-thong">Giao thông</a></div>
  <div class="ngaydang">Đăng ngày: 02/04/2024 - 3:20:45 PM | Lượt xem: 1.208 | Đỗ Thu Hằng</div>
  <h2 class="tieude">Xã Bình Minh khánh thành cầu treo mới</h2>
  <div class="noidung">
    <p><strong>Sáng 1/4, xã Bình Minh tổ chức lễ khánh thành cầu treo bắc qua suối Nậm, giúp hơn 300 hộ dân đi lại thuận tiện trong mùa mưa.</strong></p>
    <p style="text-align:center"><img src="/anh/cau-treo.jpg" alt=""></p>
    <p style="text-align:center"><em>Bà con đi trên cây cầu mới</em></p>
    <p>Cây cầu dài 80 mét, rộng 1,5 mét, được xây dựng từ nguồn vốn của tỉnh và sự đóng góp của người dân. Công trình khởi công từ tháng 10 năm trước và hoàn thành sớm hơn kế hoạch hai tuần.</p>
    <p>Trước đây, mỗi khi nước suối dâng cao, học sinh phải nghỉ học nhiều ngày liền; nay các em có thể đến trường an toàn quanh năm, phụ huynh cũng yên tâm hơn.</p>
    <p>Phát biểu tại buổi lễ, lãnh đạo huyện đề nghị xã giao cho thôn quản lý, bảo dưỡng cầu thường xuyên, đặt biển báo tải trọng và tuyên truyền để bà con cùng giữ gìn.</p>
    <p style="text-align:right"><b>Thu Hằng</b></p>
  </div>
  <div class="khac"><b>Bài viết khác:</b>
    <ul>
      <li><a href="/kinh-te/bai-8.html">Nâng cấp đường liên thôn Đồng Tâm</a></li>
      <li><a href="bai-7.html">Hội nghị bàn giải pháp chống ngập</a></li>
      <li><a href="http://cong.example.vn/kinh-te/bai-8.html">Nâng cấp đường liên thôn Đồng Tâm</a></li>
      <li><a href="mailto:bbt@cong.example.vn">Gửi thư</a></li>
    </ul>
  </div>
</td>
<td valign="top">
  <div class="box"><div class="box-title">Tin xem nhiều</div>
    <a href="/x1">Một tin rất được quan tâm trong tuần</a><br><a href="/x2">Một tin khác cũng nhiều người đọc</a></div>
  <div class="box"><div class="box-title">Thăm dò ý kiến</div>
    <p>Bạn đánh giá thế nào về giao diện cổng thông tin của xã chúng tôi hiện nay?</p>
    <p>Rất đẹp</p><p>Bình thường</p></div>
  <div>Đang truy cập: 17</div><div>Tổng lượt truy cập: 452.871</div>
</td></tr></table>
<div class="chan">
  <p>CỔNG THÔNG TIN ĐIỆN TỬ XÃ BÌNH MINH</p>
  <p>Giấy phép số: 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp</p>
  <p>Địa chỉ: Thôn Trung Tâm, xã Bình Minh</p>
  <p>Điện thoại: 0209 3 111 222</p>
  <p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>
</div>
</form></body></html>"#;

#[test]
fn portal_page_metadata() {
    let e = run(PORTAL);
    assert_eq!(
        e.title.as_deref(),
        Some("Xã Bình Minh khánh thành cầu treo mới")
    );
    assert_eq!(rfc(&e).as_deref(), Some("2024-04-02T15:20:45+07:00"));
    assert_eq!(e.author.as_deref(), Some("Đỗ Thu Hằng"));
    assert_eq!(e.views, Some(1208));
    assert_eq!(e.category.as_deref(), Some("Kinh tế - Xã hội » Giao thông"));
    assert!(e
        .summary
        .as_deref()
        .unwrap()
        .starts_with("Sáng 1/4, xã Bình Minh"));
}

#[test]
fn portal_page_body() {
    let e = run(PORTAL);
    assert!(
        e.body.starts_with("Sáng 1/4, xã Bình Minh tổ chức"),
        "{}",
        e.body
    );
    assert!(
        e.body.contains("\n\nBà con đi trên cây cầu mới\n\n"),
        "{}",
        e.body
    );
    assert!(e.body.contains("rộng 1,5 mét"));
    assert!(e.body.ends_with("\n\nThu Hằng"), "{}", e.body);
    for junk in [
        "Đăng ngày",
        "Trang chủ",
        "Giới thiệu",
        "Bài viết khác",
        "Nâng cấp đường",
        "Tin xem nhiều",
        "Thăm dò",
        "Rất đẹp",
        "Đang truy cập",
        "Tổng lượt",
        "Giấy phép",
        "Địa chỉ",
        "Ghi rõ nguồn",
        "Thứ Sáu",
        "khánh thành cầu treo mới",
    ] {
        assert!(!e.body.contains(junk), "body has {junk:?}:\n{}", e.body);
    }
    assert!(!e.body.contains("\n\n\n") && !e.body.contains("  "));
}

#[test]
fn portal_page_related() {
    let e = run(PORTAL);
    let got: Vec<(&str, &str)> = e
        .related
        .iter()
        .map(|l| (l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Nâng cấp đường liên thôn Đồng Tâm",
                "http://cong.example.vn/kinh-te/bai-8.html"
            ),
            (
                "Hội nghị bàn giải pháp chống ngập",
                "http://cong.example.vn/tin-tuc/bai-7.html"
            ),
        ]
    );
}

#[test]
fn layout_tables_with_br_paragraphs() {
    let html = r#"<table><tr><td class="left"><a href="/a">Mục A</a><br><a href="/b">Mục B</a><br><a href="/c">Mục C</a></td>
    <td><table><tr><td><h1>Nông dân thu hoạch vải sớm</h1></td></tr>
    <tr><td>Ngày đăng: 08:47 07/03/2026</td></tr>
    <tr><td>Vụ vải năm nay chín sớm, giá bán tại vườn ổn định, nông dân phấn khởi vì thu nhập khá.<br><br>
    Nhiều hợp tác xã đã ký hợp đồng tiêu thụ với doanh nghiệp, nên đầu ra của quả vải được bảo đảm.<br><br>
    Tác giả: Lương Văn Tú</td></tr></table></td></tr></table>"#;
    let e = run(html);
    assert_eq!(e.title.as_deref(), Some("Nông dân thu hoạch vải sớm"));
    assert_eq!(rfc(&e).as_deref(), Some("2026-03-07T08:47:00+07:00"));
    assert_eq!(e.author.as_deref(), Some("Lương Văn Tú"));
    let paras: Vec<&str> = e.body.split("\n\n").collect();
    assert_eq!(paras.len(), 2, "{}", e.body);
    assert!(paras[0].starts_with("Vụ vải năm nay") && paras[1].ends_with("được bảo đảm."));
    assert!(!e.body.contains("Mục A"));
}

#[test]
fn metadata_only_from_og_and_json_ld() {
    let html = r#"<html><head><title>Trang chủ - Báo Miền Núi</title>
    <meta property="og:title" content="Lễ hội xuống đồng của người Tày">
    <meta property="og:description" content="Mở đầu mùa vụ mới, bản làng rộn ràng lễ hội.">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Lễ hội xuống đồng của người Tày",
      "datePublished":"2025-02-10T06:05:00+07:00","author":{"@type":"Person","name":"Hoàng Thị Lan"}}</script>
    </head><body><div class="article"><p>Từ sáng sớm, người dân các bản đã tề tựu về bãi đất rộng, mang theo lễ vật, trống chiêng và những bộ trang phục đẹp nhất.</p>
    <p>Nghi lễ cầu mùa do già làng chủ trì, cầu cho mưa thuận gió hòa, lúa tốt, người khỏe.</p></div></body></html>"#;
    let e = run(html);
    assert_eq!(e.title.as_deref(), Some("Lễ hội xuống đồng của người Tày"));
    assert_eq!(rfc(&e).as_deref(), Some("2025-02-10T06:05:00+07:00"));
    assert_eq!(e.author.as_deref(), Some("Hoàng Thị Lan"));
    assert_eq!(
        e.summary.as_deref(),
        Some("Mở đầu mùa vụ mới, bản làng rộn ràng lễ hội.")
    );
    assert!(e.body.starts_with("Từ sáng sớm"));
    assert_eq!(e.views, None);
    assert_eq!(e.category, None);
}

#[test]
fn vietnamese_word_date_in_meta_line() {
    let html = r#"<div class="tin"><h1>Trao quà cho học sinh nghèo vượt khó</h1>
    <div class="meta">Ngày đăng: Thứ Năm, ngày 4 tháng 3 năm 2021 | Nguồn: Hội Khuyến học</div>
    <p>Hội Khuyến học huyện vừa trao 120 suất quà, mỗi suất gồm sách vở, áo ấm và tiền mặt, cho học sinh có hoàn cảnh khó khăn.</p>
    <p>P.V</p></div>"#;
    let e = run(html);
    assert_eq!(rfc(&e).as_deref(), Some("2021-03-04T00:00:00+07:00"));
    // The source is not the author; the reporter's signature is.
    assert_eq!(e.author.as_deref(), Some("P.V"));
    assert!(e.body.ends_with("P.V"));
    assert!(!e.body.contains("Nguồn"));
}

#[test]
fn top_date_line_is_not_published_when_meta_exists() {
    let e = run(PORTAL);
    assert_ne!(rfc(&e).as_deref(), Some("2024-04-05T09:12:00+07:00"));
}

#[test]
fn nfd_input_comes_out_nfc() {
    let nfd: String = "<h1>Tiếng Việt đẹp</h1><p>Những câu thơ về quê hương, đất nước được các em đọc say sưa.</p>"
        .nfd()
        .collect();
    let e = run(&nfd);
    assert_eq!(e.title.as_deref(), Some("Tiếng Việt đẹp"));
    assert_eq!(
        e.body,
        "Những câu thơ về quê hương, đất nước được các em đọc say sưa."
    );
}

#[test]
fn deeply_nested_page_returns_quickly() {
    let html = format!(
        "{}<p>Sâu quá.</p>{}",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let t = Instant::now();
    let _ = run(&html);
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "took {:?}",
        t.elapsed()
    );
}

#[test]
fn empty_and_garbage_input() {
    assert_eq!(run(""), Extracted::default());
    let e = run("<<<>>> &amp; </div></p>");
    assert_eq!(e.title, None);
    assert!(e.related.is_empty());
}

#[test]
fn modern_article_markup() {
    let html = r#"<body><header><nav><a href="/">Trang chủ</a><a href="/thoi-su">Thời sự</a></nav></header>
    <ul class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/the-thao">Thể thao</a></li><li>Đội tuyển xã vô địch giải bóng đá</li></ul>
    <main><article><header><h1>Đội tuyển xã vô địch giải bóng đá</h1>
      <time datetime="2024-09-02T16:00:00+07:00">2/9/2024</time>
      <p class="sapo">Sau 90 phút thi đấu hấp dẫn, đội bóng của xã đã giành chức vô địch giải bóng đá nông thôn mở rộng.</p></header>
      <p>Trận chung kết diễn ra trên sân vận động huyện, thu hút hàng nghìn cổ động viên, trong đó có nhiều người đi xe máy hàng chục cây số để cổ vũ.</p>
      <figure><img src="/a.jpg"><figcaption>Các cầu thủ nâng cúp</figcaption></figure>
      <p>Ban tổ chức đã trao cúp, huy chương và phần thưởng cho các đội, đồng thời khen thưởng cầu thủ xuất sắc nhất giải.</p>
      <p>Quang Huy</p>
      <section class="comments"><h3>Bình luận</h3><p>Một bình luận khá dài của bạn đọc về trận đấu, đáng lẽ không được lấy.</p></section>
    </article>
    <aside><h3>Tin liên quan</h3><ul><li><a href="/the-thao/1">Khai mạc giải cầu lông</a></li></ul></aside></main></body>"#;
    let e = run(html);
    assert_eq!(
        e.title.as_deref(),
        Some("Đội tuyển xã vô địch giải bóng đá")
    );
    assert_eq!(e.category.as_deref(), Some("Thể thao"));
    assert_eq!(rfc(&e).as_deref(), Some("2024-09-02T16:00:00+07:00"));
    assert!(e.body.starts_with("Sau 90 phút"), "{}", e.body);
    assert!(e.body.contains("\n\nCác cầu thủ nâng cúp\n\n"));
    assert!(e.body.ends_with("Quang Huy"), "{}", e.body);
    assert_eq!(e.related.len(), 1);
    assert_eq!(e.related[0].url, "http://cong.example.vn/the-thao/1");
}

#[test]
fn kicker_above_the_title_is_not_body() {
    let para = "Sáng nay, xã Hòa Bình khởi công con đường liên thôn dài ba cây số, rộng năm mét.";
    let para2 = "Con đường sẽ giúp bà con chở lúa, chở hàng ra chợ huyện nhanh hơn trước nhiều.";
    let html = format!(
        "<html><body><div class=bai><p>Thời sự</p><h1>Xã Hòa Bình mở đường mới</h1>\
         <p>{para}</p><p>{para2}</p><p>Hải Yến</p></div></body></html>"
    );
    let e = run(&html);
    assert_eq!(e.title.as_deref(), Some("Xã Hòa Bình mở đường mới"));
    assert_eq!(e.body, format!("{para}\n\n{para2}\n\nHải Yến"));
}

#[test]
fn a_signup_box_inside_the_story_is_left_out() {
    let para = "<p>Người dân trong xã đã góp công, góp của để làm con đường mới, rộng và sạch.</p>";
    let pitch = "Nhận tin nóng mỗi sáng qua thư điện tử, miễn phí và gọn gàng cho bạn đọc.";
    let html = format!(
        "<html><body><h1>Làng có đường mới</h1><div class=post>{para}{para}\
         <div id=emailSignup><p>{pitch}</p><form><input name=email></form></div>{para}{para}</div></body></html>"
    );
    let e = run(&html);
    assert!(e.body.contains("đường mới, rộng"));
    assert!(!e.body.contains("Nhận tin nóng"), "{}", e.body);
}

/// A commune portal's detail template: the same `<title>` on every page,
/// a "Chi tiết tin tức" banner as the only `<h1>`, the story's heading as
/// an `<h2>` at the top of the text.
#[test]
fn the_heading_under_a_template_banner_is_the_title() {
    let e = run(
        r#"<html><head><title>Cổng thông tin điện tử xã Tân Lập</title></head><body>
<div class="banner"><h1>Chi tiết tin tức</h1></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>
<div class="news-detail"><h2>Xã Tân Lập ra quân làm thủy lợi nội đồng</h2>
<p>Sáng 12/3, hơn 300 đoàn viên và người dân xã Tân Lập đã tham gia nạo vét kênh mương nội đồng, chuẩn bị nước cho vụ lúa xuân.</p>
<p>Trong một buổi sáng, các lực lượng đã khơi thông gần 4 km kênh tưới, thu gom hàng chục tấn bèo và rác thải.</p>
</div></body></html>"#,
    );
    assert_eq!(
        e.title.as_deref(),
        Some("Xã Tân Lập ra quân làm thủy lợi nội đồng")
    );
    assert!(e.body.starts_with("Sáng 12/3, hơn 300 đoàn viên"));
    assert!(!e.body.contains("Chi tiết tin tức"));
}

/// A theme that never closes its `<header>`: the browser's tree then holds
/// `<main>` and the whole article inside the header.
#[test]
fn article_inside_an_unclosed_header_is_kept() {
    let html = r#"<html><body><header id="header"><div class="logo"><a href="/">Cổng thông tin</a></div>
<nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<main id="content"><article><h1>Huyện Tiên Lữ ra quân làm đường giao thông nông thôn</h1>
<p>Sáng 12/3, hơn 400 đoàn viên thanh niên và người dân các xã trong huyện đã ra quân làm mới gần 3 km đường bê tông nội đồng.</p>
<p>Kinh phí do ngân sách huyện hỗ trợ xi măng, nhân dân đóng góp ngày công và hiến đất, nên công trình hoàn thành chỉ sau một tuần thi công.</p>
<p>Theo kế hoạch, đến cuối năm huyện sẽ cứng hóa thêm 20 km đường nội đồng, tạo thuận lợi cho việc vận chuyển nông sản.</p>
</article></main></body></html>"#;
    let e = run(html);
    assert!(e.body.contains("hơn 400 đoàn viên"), "body: {:?}", e.body);
    assert!(
        e.body.contains("20 km đường nội đồng"),
        "body: {:?}",
        e.body
    );
    assert!(
        !e.body.contains("Trang chủ"),
        "the menu stays out: {:?}",
        e.body
    );
}

/// A theme that wraps the story itself in `<aside>`: with nothing outside
/// the furniture tags, the tags are wrong, not the story.
#[test]
fn story_wrapped_in_an_aside_is_still_read() {
    let html = r#"<html><body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<main><aside class="noi-dung"><header class="bai-viet">
<h1>Làng nghề mây tre đan đón đơn hàng cuối năm</h1>
<p>Những ngày này, các hộ làm nghề mây tre đan ở xã Quang Hưng tất bật hoàn thành hơn 20.000 sản phẩm giao cho khách nước ngoài.</p>
<p>Theo chủ nhiệm hợp tác xã, đơn hàng năm nay tăng gần một phần ba so với năm trước, chủ yếu là giỏ, khay và đèn trang trí.</p>
</header></aside></main>
<footer>Bản quyền thuộc về cổng thông tin.</footer></body></html>"#;
    let e = run(html);
    assert!(e.body.contains("hơn 20.000 sản phẩm"), "body: {:?}", e.body);
    assert!(e.body.contains("đèn trang trí"), "body: {:?}", e.body);
}

/// React's streaming render: the article arrives in `<div hidden id="S:0">`
/// for a script to move; other hidden text stays hidden.
#[test]
fn streamed_segment_is_read_and_other_hidden_text_is_not() {
    let html = r#"<html><body><div id="khung"><template id="P:0"></template></div>
<div hidden class="bay">Đoạn ẩn không phải nội dung bài viết, chỉ để đánh lừa máy đọc.</div>
<div hidden id="S:0"><article><h1>Tỉnh tổ chức hội chợ nông sản an toàn</h1>
<p>Hội chợ diễn ra trong ba ngày tại quảng trường trung tâm, với hơn 150 gian hàng của các hợp tác xã trong và ngoài tỉnh.</p>
<p>Ban tổ chức cho biết các sản phẩm tham gia đều có chứng nhận an toàn và mã truy xuất nguồn gốc.</p>
</article></div></body></html>"#;
    let e = run(html);
    assert!(e.body.contains("hơn 150 gian hàng"), "body: {:?}", e.body);
    assert!(!e.body.contains("đánh lừa"), "body: {:?}", e.body);
}

/// With the placeholder on the page, the streamed part is read where it
/// belongs: between the paragraphs around it, not after the footer.
#[test]
fn streamed_segment_is_read_at_its_placeholder() {
    let html = r#"<html><body><article><h1>Khánh thành nhà văn hóa thôn Đông</h1>
<p>Sáng nay, thôn Đông tổ chức lễ khánh thành nhà văn hóa mới, xây trên nền nhà kho hợp tác xã cũ.</p>
<template id="B:0"></template><div class="khung-cho">Đang tải…</div>
<p>Buổi lễ kết thúc bằng chương trình văn nghệ do các chi hội trong thôn tự dàn dựng.</p>
</article><footer>Liên hệ tòa soạn · Bản quyền thuộc về cổng thông tin.</footer>
<div hidden id="S:0"><p>Công trình có tổng kinh phí gần hai tỷ đồng, trong đó người dân đóng góp hơn một nửa bằng tiền và ngày công.</p></div>
</body></html>"#;
    let e = run(html);
    assert_eq!(
        e.title.as_deref(),
        Some("Khánh thành nhà văn hóa thôn Đông")
    );
    let (open, part, close) = (
        e.body.find("nhà kho hợp tác xã"),
        e.body.find("hơn một nửa"),
        e.body.find("chương trình văn nghệ"),
    );
    assert!(open < part && part < close, "order: {:?}", e.body);
    assert!(open.is_some(), "body: {:?}", e.body);
}

/// A photo credit set in its own span inside the caption: without a line
/// break it would glue to the caption ("…ven đêẢnh: Minh Trí") and neither
/// could be told apart.
#[test]
fn a_credit_span_in_a_caption_is_split_off_and_dropped() {
    let para = "Vụ lúa năm nay được mùa, năng suất bình quân đạt hơn sáu tấn một héc-ta, cao nhất từ trước đến nay.";
    let html = format!(
        "<html><body><h1>Nông dân phấn khởi vào vụ gặt</h1><article><p>{para}</p>\
         <figure><img src=/lua.jpg><figcaption><span>Cánh đồng lúa chín vàng ở ven đê</span>\
         <span class=\"image-credit\">Ảnh: Minh Trí</span></figcaption></figure>\
         <p>{para}</p></article></body></html>"
    );
    let e = run(&html);
    assert!(
        e.body.contains("\n\nCánh đồng lúa chín vàng ở ven đê\n\n"),
        "{}",
        e.body
    );
    assert!(!e.body.contains("Minh Trí"), "{}", e.body);
}

/// A "trending" rail between the story and the footer is a list of other
/// pages, whatever its links say.
#[test]
fn a_trending_box_is_not_body() {
    let para = "Trạm y tế xã vừa được trang bị thêm máy siêu âm và máy xét nghiệm máu, người dân không phải lên huyện nữa.";
    let html = format!(
        "<html><body><h1>Trạm y tế xã có máy mới</h1><div class=story><p>{para}</p><p>{para}</p>\
         <div class=\"trending-box\"><p>Giá vàng hôm nay tăng mạnh sau nhiều ngày đi ngang, người mua đổ xô đi bán.</p>\
         <p>Thời tiết cuối tuần: miền Bắc đón đợt không khí lạnh mới, nhiệt độ giảm sâu về đêm.</p></div>\
         <p>{para}</p></div></body></html>"
    );
    let e = run(&html);
    assert!(e.body.contains("máy siêu âm"), "{}", e.body);
    assert!(!e.body.contains("Giá vàng"), "{}", e.body);
    assert!(!e.body.contains("Thời tiết cuối tuần"), "{}", e.body);
}

#[test]
fn a_box_classed_button_is_not_body() {
    // A CMS that prints a button component's settings as text.
    let para = "Lễ hội hoa xuân mở cửa từ mùng Hai Tết, có hơn năm mươi gian hàng hoa và cây cảnh của nông dân.";
    let html = format!(
        "<html><body><h1>Lễ hội hoa xuân</h1><div class=story><p>{para}</p>\
         <div class=button><div>class</div><div>btn-primary</div><div>Mua vé ngay</div></div>\
         <p>{para}</p><a class=btn href=/ve>Đặt chỗ trước</a><p>{para}</p></div></body></html>"
    );
    let e = run(&html);
    assert!(e.body.contains("Lễ hội hoa xuân mở cửa"), "{}", e.body);
    assert!(!e.body.contains("btn-primary"), "{}", e.body);
    assert!(!e.body.contains("Mua vé ngay"), "{}", e.body);
    assert!(!e.body.contains("Đặt chỗ trước"), "{}", e.body);
}

#[test]
fn a_trail_ending_in_the_title_leaves_it_out_of_the_category() {
    let cat = |last: &str, title: &str| {
        super::category(vec!["Thể thao".into(), last.into()], Some(title))
    };
    let title = "Đội tuyển xã vô địch giải bóng đá nông thôn";
    for last in [
        title,
        "Đội tuyển xã vô địch giải bóng…",
        "Đội tuyển xã vô địch giải",
        "Bóng đá: Đội tuyển xã vô địch giải bóng đá nông thôn",
    ] {
        assert_eq!(cat(last, title).as_deref(), Some("Thể thao"), "{last}");
    }
    // A section whose name opens the title is still a section.
    assert_eq!(
        cat("Bóng đá", "Bóng đá xã nhà thắng lớn").as_deref(),
        Some("Thể thao » Bóng đá")
    );
}
