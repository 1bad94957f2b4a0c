//! `tintuc extract` on pages a user would try when adding a portal, and the
//! per-source `[source.selectors]` that correct what the generic guess misses.

mod common;
use common::*;

const BASE: &str = "http://cong.example.vn/tin-tuc/chi-tiet/1023/bai.html";

fn fixture(name: &str) -> String {
    fixture_dir().join(name).display().to_string()
}

#[test]
fn json_has_the_article_fields_of_the_portal_page() {
    let env = Env::new(&[], "");
    let a = env.json(&[
        "extract",
        &fixture("article-1.html"),
        "--url",
        BASE,
        "--json",
    ]);
    assert_eq!(a["id"], serde_json::Value::Null);
    assert_eq!(a["source"], "cong.example.vn");
    assert_eq!(a["url"], BASE);
    assert_eq!(
        a["title"],
        "Hội thảo bảo tồn nghề dệt chiếu cói ven sông Đào"
    );
    assert_eq!(a["published"], "2026-11-19T08:41:57+07:00");
    assert_eq!(a["author"], "Phạm Minh Khôi");
    assert_eq!(a["views"], 143);
    assert_eq!(
        a["category"],
        "Thông tin - Tuyên truyền » Tin tức hoạt động"
    );
    let lead = a["lead"].as_str().unwrap();
    assert!(
        lead.starts_with("Ngày 18/11/2026, tại Nhà văn hóa"),
        "{lead}"
    );
    let captions = a["captions"].as_array().unwrap();
    assert_eq!(captions.len(), 2, "{captions:?}");
    let body = a["body"].as_str().unwrap();
    assert!(body.ends_with("\n\nTN"), "signature kept at the end");
    assert!(!body.contains("[1]") && !body.contains("Bài viết khác"));
    let related = a["related"].as_array().unwrap();
    assert_eq!(related.len(), 8);
    assert_eq!(
        related[0]["url"],
        "http://cong.example.vn/tin-tuc/chi-tiet/1024/nong-dan-phu-van-thu-hoach-vu-lua-mua-dat-nang-suat-cao.html"
    );
    assert!(related[0]["id"].is_null());
}

#[test]
fn text_output_shows_fields_captions_and_related() {
    let env = Env::new(&[], "");
    let out = env.run(&["extract", &fixture("article-1.html"), "--url", BASE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("author     Phạm Minh Khôi"), "{text}");
    assert!(text.contains("views      143"), "{text}");
    assert!(text.contains("caption    "), "{text}");
    assert!(
        text.contains(" 1. Nông dân Phù Vân thu hoạch vụ lúa mùa"),
        "{text}"
    );
}

/// A page whose real title sits in a plain div and whose body is split
/// from a long "featured" box that the generic guess would prefer.
const ODD_PAGE: &str = r#"<html><head><title>Cổng thông tin xã</title></head><body>
<div class="dong-tieu-de">Người dân xã Yên Hà trồng lại rừng phòng hộ</div>
<div class="ngay-gio">Ngày đăng: 08:47 07/03/2026</div>
<div class="bai">
<p>Sáng nay, hơn hai trăm người dân và đoàn viên thanh niên xã Yên Hà đã trồng mới ba héc-ta rừng phòng hộ ven đê.</p>
<p>Cây giống do huyện hỗ trợ, mỗi hộ nhận chăm sóc một phần diện tích trong ba năm đầu.</p>
</div>
<div class="noi-bat">
<p>Giới thiệu về xã: xã có diện tích tự nhiên hơn hai nghìn héc-ta, dân số khoảng mười nghìn người, nằm bên bờ sông lớn, có truyền thống hiếu học, cần cù, sáng tạo trong lao động sản xuất, nhiều năm liền được công nhận là xã văn hóa, xã nông thôn mới kiểu mẫu của huyện, của tỉnh.</p>
<p>Xã có nhiều di tích lịch sử, văn hóa được xếp hạng cấp tỉnh, nhiều lễ hội truyền thống thu hút đông đảo du khách gần xa về tham dự mỗi dịp đầu xuân, tạo nên nét đẹp riêng của quê hương.</p>
</div>
<div class="lien-ket"><a href="/bai-1.html">Bài một</a> <a href="/bai-2.html">Bài hai</a></div>
</body></html>"#;

const SELECTORS: &str = r#"
[[source]]
name = "Yên Hà"
url = "https://yenha.example.vn/rss"
[source.selectors]
title = ".dong-tieu-de"
body = "div.bai"
meta = ".ngay-gio"
related = ".lien-ket"
links = "h3 a"
next = "a.trang-sau"
"#;

#[test]
fn source_selectors_override_the_generic_guess() {
    let env = Env::new(&[], SELECTORS);
    let page = env.dir.path().join("trang.html");
    std::fs::write(&page, ODD_PAGE).unwrap();
    let page = page.display().to_string();
    let base = "https://yenha.example.vn/tin/bai-9.html";
    let generic = env.json(&["extract", &page, "--url", base, "--json"]);
    assert!(generic["body"]
        .as_str()
        .unwrap()
        .contains("Giới thiệu về xã"));
    let a = env.json(&[
        "extract", &page, "--url", base, "--json", "--source", "Yên Hà",
    ]);
    assert_eq!(a["source"], "Yên Hà");
    assert_eq!(a["title"], "Người dân xã Yên Hà trồng lại rừng phòng hộ");
    assert_eq!(a["published"], "2026-03-07T08:47:00+07:00");
    let body = a["body"].as_str().unwrap();
    assert!(
        body.starts_with("Sáng nay, hơn hai trăm người dân"),
        "{body}"
    );
    assert!(!body.contains("Giới thiệu về xã"), "{body}");
    let urls: Vec<&str> = a["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://yenha.example.vn/bai-1.html",
            "https://yenha.example.vn/bai-2.html"
        ]
    );
}

#[test]
fn invalid_selector_is_a_config_error_with_file_and_line() {
    let env = Env::new(&[], &SELECTORS.replace("div.bai", "div..bai"));
    let out = env.run(&["extract", &fixture("article-1.html")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let file = env.config().display().to_string();
    assert!(err.contains(&format!("{file}:7:")), "{err}");
    assert!(err.contains("`body`") && err.contains("div..bai"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn unknown_source_and_missing_file_fail_clearly() {
    let env = Env::new(&[], "");
    let out = env.run(&[
        "extract",
        &fixture("article-1.html"),
        "--source",
        "Không có",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Không có"), "{}", stderr(&out));
    let out = env.run(&["extract", "/khong/co/trang.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/khong/co/trang.html"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn extract_fetches_a_url_from_the_portal() {
    let server = fixture_server();
    let env = Env::new(&[], "");
    let url = format!(
        "{}/tin-tuc/chi-tiet/1024/nong-dan-phu-van-thu-hoach-vu-lua-mua-dat-nang-suat-cao.html",
        server.base_url()
    );
    let a = env.json(&["extract", &url, "--json"]);
    assert_eq!(
        a["title"],
        "Nông dân Phù Vân thu hoạch vụ lúa mùa đạt năng suất cao"
    );
    assert_eq!(a["url"], url.as_str());
    assert_eq!(a["source"], "127.0.0.1");
    let out = env.run(&["--offline", "extract", &url]);
    assert_eq!(out.status.code(), Some(1), "--offline forbids fetching");
}

#[test]
fn synced_articles_keep_a_structured_body_for_the_reader() {
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(&[("Cổng Hà Lâm", &feed)], "");
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    let list = env.json(&["list", "--json"]);
    let url = format!(
        "{}/tin-tuc/chi-tiet/1023/hoi-thao-bao-ton-nghe-det-chieu-coi-ven-song-dao.html",
        server.base_url()
    );
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["url"] == url.as_str())
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let store = tintuc::store::Store::open(&env.data()).unwrap();
    let doc = store.article_doc(id).unwrap().expect("a structured body");
    use tintuc::model::BlockKind;
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds.first(), Some(&BlockKind::Lead));
    assert_eq!(kinds.last(), Some(&BlockKind::Signature));
    assert_eq!(
        kinds.iter().filter(|k| **k == BlockKind::Caption).count(),
        2
    );
    let read = env.json(&["read", &id.to_string(), "--format", "json"]);
    let plain: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        read["body"],
        plain.join("\n\n"),
        "plain body = the blocks' text"
    );
}

#[test]
fn gzipped_page_is_unpacked_and_binary_data_refused() {
    use std::io::Write;
    let env = Env::new(&[], "");
    let html = std::fs::read(fixture("article-1.html")).unwrap();
    let gz_path = env.data().join("bai.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&html).unwrap();
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::write(&gz_path, gz.finish().unwrap()).unwrap();
    let a = env.json(&["extract", gz_path.to_str().unwrap(), "--json"]);
    assert_eq!(
        a["title"],
        "Hội thảo bảo tồn nghề dệt chiếu cói ven sông Đào"
    );

    let bin_path = env.data().join("anh.jpg");
    std::fs::write(
        &bin_path,
        [0xffu8, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0],
    )
    .unwrap();
    let out = env.run(&["extract", bin_path.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("anh.jpg") && err.contains("binary data"),
        "{err}"
    );
}

/// An old portal that reads its UTF-8 as windows-1252 and writes it out again
/// ("Há»™i tháº£o") reads exactly like the page it meant to serve.
#[test]
fn a_page_encoded_twice_reads_like_the_page_it_meant() {
    let env = Env::new(&[], "");
    let html = std::fs::read_to_string(fixture("article-1.html")).unwrap();
    let twice = encoding_rs::WINDOWS_1252.decode(html.as_bytes()).0;
    assert!(twice.contains("Há»™i tháº£o"), "the page really is mangled");
    let page = env.data().join("hai-lan.html");
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::write(&page, twice.as_bytes()).unwrap();
    let mended = env.json(&["extract", page.to_str().unwrap(), "--url", BASE, "--json"]);
    let meant = env.json(&[
        "extract",
        &fixture("article-1.html"),
        "--url",
        BASE,
        "--json",
    ]);
    for field in ["title", "author", "published", "lead", "body", "related"] {
        assert_eq!(mended[field], meant[field], "{field}");
    }
}

#[test]
fn a_page_without_article_text_says_how_to_point_at_it() {
    let env = Env::new(&[], "");
    let page = env.data().join("trong.html");
    std::fs::create_dir_all(env.data()).unwrap();
    std::fs::write(
        &page,
        "<html><body><nav><a href='/'>Trang chủ</a></nav><div id='app'></div></body></html>",
    )
    .unwrap();
    let out = env.run(&["extract", page.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("trong.html") && err.contains("[source.selectors] body"),
        "{err}"
    );
    let a: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(a["body"], "");
}

/// `tintuc extract -` and a pipe path (`<(zcat page.gz)` hands over
/// `/dev/fd/N`, which has no canonical path) read the page from standard
/// input; `--url` still resolves its links.
#[test]
fn a_page_on_standard_input_or_a_pipe_is_read() {
    let env = Env::new(&[], "");
    let html = std::fs::read(fixture("article-1.html")).unwrap();
    for target in ["-", "/dev/stdin"] {
        let out = env.run_with_input(&["extract", target, "--url", BASE, "--json"], html.clone());
        assert!(out.status.success(), "{target}: {}", stderr(&out));
        let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            a["title"], "Hội thảo bảo tồn nghề dệt chiếu cói ven sông Đào",
            "{target}"
        );
        assert_eq!(a["source"], "cong.example.vn", "{target}");
    }
}

/// A saved page over `[sync] max_page_bytes` is refused by name, as sync
/// refuses one, instead of being read whole into memory.
#[test]
fn a_page_over_the_size_limit_is_refused_by_name() {
    let env = Env::new(&[], "[sync]\nmax_page_bytes = 20000\n");
    std::fs::create_dir_all(env.data()).unwrap();
    let big = env.data().join("trang-lon.html");
    let para = "<p>Một đoạn văn khá dài về mùa màng của bà con trong xã.</p>";
    std::fs::write(
        &big,
        format!("<html><body>{}</body></html>", para.repeat(1000)),
    )
    .unwrap();
    let out = env.run(&["extract", big.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("trang-lon.html") && err.contains("max_page_bytes"),
        "{err}"
    );
    let out = env.run_with_input(&["extract", "-"], std::fs::read(&big).unwrap());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("standard input"), "{}", stderr(&out));
}
