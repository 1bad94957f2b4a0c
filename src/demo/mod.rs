//! The bundled demo portal: articles written for this project (`portal.toml`), rendered as
//! pages in the shape of a provincial portal (date line, breadcrumb, meta line, lead, captions,
//! signature, "Bài viết khác", menus, poll, counter, footer) plus an RSS feed.

pub mod server;

use chrono::NaiveDateTime;
use serde::Deserialize;
use server::Route;
use std::collections::HashMap;
use std::fmt::Write;

const PORTAL_TOML: &str = include_str!("portal.toml");
/// Where the demo portal serves its feed.
pub const FEED_PATH: &str = "/rss/tin-moi.rss";

#[derive(Debug, Deserialize)]
pub struct Portal {
    pub site: Site,
    #[serde(rename = "article")]
    pub articles: Vec<DemoArticle>,
}

#[derive(Debug, Deserialize)]
pub struct Site {
    pub name: String,
    pub description: String,
    pub publisher: String,
    pub footer: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoArticle {
    pub slug: String,
    pub category: Vec<String>,
    pub published: NaiveDateTime,
    pub views: u64,
    pub author: Option<String>,
    pub title: String,
    pub lead: String,
    pub body: Vec<String>,
    pub signature: Option<String>,
    pub related: Vec<String>,
}

impl DemoArticle {
    pub fn path(&self) -> String {
        format!("/tin-tuc/{}.html", self.slug)
    }
}

/// The demo portal's content.
pub fn portal() -> Portal {
    toml::from_str(PORTAL_TOML).expect("the bundled portal.toml is valid (checked by a test)")
}

/// Every page of the demo portal, bodies holding `{base}` for the server's origin.
pub fn routes() -> HashMap<String, Route> {
    let portal = portal();
    let mut routes = HashMap::new();
    let html = "text/html; charset=utf-8";
    for a in &portal.articles {
        routes.insert(a.path(), Route::new(html, article_page(&portal, a)));
    }
    routes.insert("/".into(), Route::new(html, home_page(&portal)));
    routes.insert(
        FEED_PATH.into(),
        Route::new("application/rss+xml; charset=utf-8", rss(&portal)),
    );
    routes
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// "15/01/2021 - 8:41:57 AM", the portal's meta-line form.
fn meta_time(t: &NaiveDateTime) -> String {
    t.format("%d/%m/%Y - %-I:%M:%S %p").to_string()
}

fn chrome_top(portal: &Portal, out: &mut String) {
    let menu = [
        "Trang chủ",
        "Giới thiệu",
        "Thông tin - Tuyên truyền",
        "Xây dựng Đảng",
        "Kinh tế - Xã hội",
        "Nông nghiệp - Nông thôn",
        "Văn hóa - Du lịch",
        "Văn bản",
        "Liên hệ",
    ];
    let _ = write!(
        out,
        "<div id=\"banner\"><a href=\"/\">{}</a></div><ul class=\"main-menu\">",
        esc(&portal.site.name)
    );
    for m in menu {
        let _ = write!(out, "<li><a href=\"/\">{}</a></li>", esc(m));
    }
    out.push_str("</ul><div class=\"today\">Thứ Tư, ngày 25 tháng 11 năm 2026</div>");
    out.push_str(
        "<form class=\"search\" action=\"/\"><input name=\"q\"><button>Tìm kiếm</button></form>",
    );
}

fn chrome_bottom(portal: &Portal, out: &mut String) {
    out.push_str("<div class=\"col-side\"><h3>Tin xem nhiều</h3><ul>");
    for a in portal.articles.iter().take(5) {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            a.path(),
            esc(&a.title)
        );
    }
    out.push_str("</ul><div class=\"poll\"><h3>Thăm dò ý kiến</h3><p>Bạn thường đọc tin vào lúc nào?</p>\
        <label><input type=\"radio\" name=\"p\">Buổi sáng</label><label><input type=\"radio\" name=\"p\">Buổi tối</label>\
        <button>Biểu quyết</button></div><div class=\"counter\">Đang truy cập: 12<br>Tổng lượt truy cập: 345.678</div></div>");
    let _ = write!(
        out,
        "<div class=\"footer\"><p><b>{}</b></p>",
        esc(&portal.site.publisher)
    );
    for line in &portal.site.footer {
        let _ = write!(out, "<p>{}</p>", esc(line));
    }
    out.push_str("</div>");
}

fn article_page(portal: &Portal, a: &DemoArticle) -> String {
    let mut out = String::new();
    let _ = write!(out, "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{} - {}</title>\
        <style>body{{font-family:sans-serif}}</style><script>var tracker = 1;</script></head><body>",
        esc(&a.title), esc(&portal.site.name));
    chrome_top(portal, &mut out);
    out.push_str("<div class=\"col-main\"><div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a>");
    for c in &a.category {
        let _ = write!(out, " » <a href=\"/\">{}</a>", esc(c));
    }
    let author = a
        .author
        .as_deref()
        .map(|x| format!(" | {}", esc(x)))
        .unwrap_or_default();
    let _ = write!(
        out,
        "</div><div class=\"meta\">Đăng ngày: {} | Lượt xem: {}{author}</div>\
        <h1 class=\"title\">{}</h1><div class=\"detail\"><p><strong>{}</strong></p>",
        meta_time(&a.published),
        a.views,
        esc(&a.title),
        esc(&a.lead)
    );
    for p in &a.body {
        match p.strip_prefix("[caption] ") {
            Some(c) => {
                let _ = write!(out, "<p style=\"text-align:center\"><img src=\"/anh/{}.jpg\" alt=\"\"></p><p class=\"caption\"><em>{}</em></p>", a.slug, esc(c));
            }
            None => {
                let _ = write!(out, "<p>{}</p>", esc(p));
            }
        }
    }
    if let Some(s) = &a.signature {
        let _ = write!(
            out,
            "<p style=\"text-align:right\"><strong>{}</strong></p>",
            esc(s)
        );
    }
    out.push_str("</div><div class=\"other-news\"><p><b>Bài viết khác:</b></p><ul>");
    for slug in &a.related {
        if let Some(r) = portal.articles.iter().find(|x| &x.slug == slug) {
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}</a></li>",
                r.path(),
                esc(&r.title)
            );
        }
    }
    out.push_str("</ul></div></div>");
    chrome_bottom(portal, &mut out);
    out.push_str("</body></html>");
    out
}

fn home_page(portal: &Portal) -> String {
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{0}</title>\
         <link rel=\"alternate\" type=\"application/rss+xml\" href=\"{FEED_PATH}\"></head><body>",
        esc(&portal.site.name)
    );
    chrome_top(portal, &mut out);
    out.push_str("<div class=\"col-main\"><ul class=\"news-list\">");
    for a in &portal.articles {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            a.path(),
            esc(&a.title)
        );
    }
    out.push_str("</ul></div>");
    chrome_bottom(portal, &mut out);
    out.push_str("</body></html>");
    out
}

fn rss(portal: &Portal) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title>\
         <link>{{base}}/</link><description>{}</description>\n",
        esc(&portal.site.name),
        esc(&portal.site.description)
    );
    for a in &portal.articles {
        let time = a
            .published
            .and_local_timezone(crate::model::vietnam_offset())
            .single()
            .map(|t| t.to_rfc2822())
            .unwrap_or_default();
        let (title, path, lead) = (esc(&a.title), a.path(), esc(&a.lead));
        let _ = writeln!(
            out,
            "<item><title>{title}</title><link>{{base}}{path}</link><guid>{{base}}{path}</guid>\
            <description>{lead}</description><pubDate>{time}</pubDate></item>"
        );
    }
    out.push_str("</channel></rss>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_portal_is_complete_and_consistent() {
        let p = portal();
        assert!(p.articles.len() >= 10);
        for a in &p.articles {
            assert!(!a.related.is_empty(), "{} has no related list", a.slug);
            for r in &a.related {
                assert!(
                    p.articles.iter().any(|x| &x.slug == r),
                    "{}: unknown related {r}",
                    a.slug
                );
            }
        }
    }

    #[test]
    fn pages_have_the_portal_shape() {
        let p = portal();
        let page = article_page(&p, &p.articles[0]);
        assert!(page.contains("Đăng ngày: 24/11/2026 - 3:20:11 PM | Lượt xem: 212 | Minh Anh"));
        assert!(page.contains("Bài viết khác:"));
        assert!(page.contains("<a href=\"/\">Trang chủ</a> » "));
    }
}
