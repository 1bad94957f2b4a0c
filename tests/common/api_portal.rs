//! Two API-shaped portals for tests: a WordPress REST API (`/wp-json/wp/v2/...`, honouring
//! `page`, `per_page` and `after` like WordPress) and a custom JSON API (`/api/tin?trang=N`).
//! Routes answer conditional GETs with 304 when the ETag matches.

use super::raw_server::{Reply, Request};
use serde_json::{json, Value};

/// The query pairs of a request path (decoded).
pub fn query(r: &Request) -> Vec<(String, String)> {
    let url = url::Url::parse(&format!("http://x{}", r.path)).unwrap();
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

pub fn param(r: &Request, key: &str) -> Option<String> {
    query(r).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

pub fn path_only(r: &Request) -> &str {
    r.path.split('?').next().unwrap()
}

/// 200 with an ETag, or 304 when the client already has this body.
pub fn etagged(r: &Request, content_type: &str, body: String) -> Reply {
    let etag = format!(
        "\"{:x}\"",
        body.bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31) ^ b as u64)
    );
    if r.headers.get("if-none-match") == Some(&etag) {
        return Reply::status(304, &[("ETag", &etag)]);
    }
    Reply::Full {
        status: 200,
        headers: vec![
            ("Content-Type".into(), content_type.into()),
            ("ETag".into(), etag),
        ],
        body: body.into_bytes(),
    }
}

/// An article page for the page fallback.
pub fn article_page(title: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <h1>{title}</h1><p>Đăng ngày: 03/05/2024 - 9:15:00 AM | Tác giả: Minh Anh</p>\
         <div class=\"noi-dung\"><p>Bài này chỉ có trên trang web, vì giao diện lập trình không gửi nội dung của nó.</p>\
         <p>Đoạn thứ hai kể tiếp, đủ dài để trình trích xuất nhận ra đây là thân bài của trang.</p></div></body></html>"
    )
}

/// One WordPress post; `day` of May 2024, published at 03:00 UTC (10:00 in Vietnam).
pub fn wp_post(id: u32, day: u32, title: &str, author: Option<u32>, content: &str) -> Value {
    let mut post = json!({
        "id": id,
        "link": format!("/2024/05/{day:02}/bai-{id}/"),
        "title": {"rendered": title},
        "date": format!("2024-05-{day:02}T10:00:00"),
        "date_gmt": format!("2024-05-{day:02}T03:00:00"),
        "excerpt": {"rendered": format!("<p>Tóm tắt bài {id} &hellip;</p>")},
        "content": {"rendered": content, "protected": content.is_empty()},
    });
    if let Some(a) = author {
        post["author"] = json!(a);
        post["categories"] = json!([7, 8]);
    }
    post
}

pub fn wp_body(n: u32) -> String {
    format!(
        "<p>Sáng nay, bài số {n} kể về công việc của xã, với nhiều chi tiết, con số và ý kiến của người dân.</p>\
         <p>Đoạn thứ hai của bài số {n} nói thêm về kế hoạch sắp tới, <a href=\"/lien-quan/{n}/\">đọc thêm</a>.</p>"
    )
}

/// `posts` newest first; answers like WordPress: `after` filters, pages past the end are 400.
pub fn wp_posts(r: &Request, posts: &[Value]) -> Reply {
    let after = param(r, "after").map(|a| chrono::DateTime::parse_from_rfc3339(&a).unwrap());
    let newer: Vec<&Value> = posts
        .iter()
        .filter(|p| {
            let gmt = format!("{}Z", p["date_gmt"].as_str().unwrap());
            let at = chrono::DateTime::parse_from_rfc3339(&gmt).unwrap();
            after.is_none_or(|a| at > a)
        })
        .collect();
    let per_page: usize = param(r, "per_page").map_or(10, |p| p.parse().unwrap());
    let page: usize = param(r, "page").map_or(1, |p| p.parse().unwrap());
    let start = (page - 1) * per_page;
    if start >= newer.len() && page > 1 {
        return Reply::Full {
            status: 400,
            headers: vec![],
            body: br#"{"code":"rest_post_invalid_page_number"}"#.to_vec(),
        };
    }
    let slice: Vec<&&Value> = newer.iter().skip(start).take(per_page).collect();
    etagged(
        r,
        "application/json; charset=UTF-8",
        serde_json::to_string(&slice).unwrap(),
    )
}

/// `users` / `categories` answers: the ids asked for in `include`.
pub fn wp_names(r: &Request, names: &[(u32, &str)]) -> Reply {
    let include = param(r, "include").unwrap_or_default();
    let wanted: Vec<&str> = include.split(',').collect();
    let found: Vec<Value> = names
        .iter()
        .filter(|(id, _)| wanted.contains(&id.to_string().as_str()))
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect();
    etagged(
        r,
        "application/json",
        serde_json::to_string(&found).unwrap(),
    )
}

/// One item of the custom JSON API (Vietnamese keys, nested author and category).
pub fn tin(ma: u32, title: &str, body: Option<&str>) -> Value {
    let mut item = json!({
        "ma": ma,
        "duong_dan": format!("/tin/{ma}.html"),
        "tieu_de": title,
        "ngay_dang": format!("{:02}/05/2024 08:30", ma),
        "tac_gia": [{"ten": "Lan Hương"}, {"ten": "Người thứ hai"}],
        "chuyen_muc": {"ten": "Kinh tế"},
        "tom_tat": format!("Tóm tắt tin {ma}"),
    });
    if let Some(b) = body {
        item["noi_dung"] = json!(b);
    }
    item
}

pub fn tin_page(items: &[Value]) -> String {
    json!({"status": "ok", "data": {"items": items}}).to_string()
}

/// The `[source.json]` config of the custom API at `base`.
pub fn json_source(name: &str, base: &str) -> String {
    format!(
        "[[source]]\nname = \"{name}\"\nurl = \"{base}/api/tin?trang={{page}}\"\nkind = \"json\"\n\
         [source.json]\nitems = \"data.items\"\nid = \"ma\"\nurl = \"duong_dan\"\ntitle = \"tieu_de\"\n\
         published = \"ngay_dang\"\ndate_format = \"%d/%m/%Y %H:%M\"\nauthor = \"tac_gia[0].ten\"\n\
         category = \"chuyen_muc.ten\"\nsummary = \"tom_tat\"\nbody = \"noi_dung\"\nbody_is_html = false\n\
         related = \"lien_quan\"\nrelated_title = \"tieu_de\"\nrelated_url = \"duong_dan\"\n"
    )
}
