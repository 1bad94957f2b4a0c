//! WordPress sites as sources, through their REST API (`/wp-json/wp/v2/posts`): only the
//! fields tintuc stores (`_fields`), newest first, and on a re-sync only posts published after
//! the newest one cached (`after=`), so a sync with nothing new costs a few bytes.
//! Authors and categories come as ids; their names are asked once per source and cached.

use super::api::{parse_json, ApiListing, ApiPage};
use super::api_item::{to_article, Body, RawItem};
use super::http::{Fetched, Page};
use super::{SourceJob, SyncEvent, Syncer};
use crate::config::SyncConfig;
use crate::model::{vietnam_offset, Validators};
use crate::text::sanitize_line;
use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::sync::mpsc::SyncSender;
use url::Url;

/// The post fields read; everything else the API could send is left on the server.
const FIELDS: &str = "id,link,title,date,date_gmt,author,categories,excerpt,content";
/// WordPress refuses `per_page` above 100.
const MAX_PER_PAGE: usize = 100;

pub(super) struct WordPress {
    /// The API root as configured (`https://p.vn/wp-json/`, `https://p.vn/?rest_route=/`,
    /// or the site's address).
    root: Url,
    per_page: usize,
    after: Option<String>,
    names: HashMap<String, String>,
}

impl WordPress {
    pub(super) fn new(job: &SourceJob, config: &SyncConfig) -> Result<WordPress, String> {
        let root = Url::parse(&job.url).map_err(|e| format!("not a URL: {e}"))?;
        // Spread max_items over max_pages, so both limits mean what they say.
        let pages = config.max_pages.max(1) as usize;
        let per_page = config.max_items.div_ceil(pages).clamp(1, MAX_PER_PAGE);
        let after = job
            .api
            .newest
            .map(|t| t.with_timezone(&vietnam_offset()).to_rfc3339());
        Ok(WordPress {
            root,
            per_page,
            after,
            names: job.api.names.clone(),
        })
    }

    /// Names of the authors and categories these posts use that are not cached yet. A site
    /// that closes `/users` (many do) only costs the names: the posts still count.
    fn resolve_names(
        &mut self,
        syncer: &Syncer,
        job: &SourceJob,
        posts: &[Value],
        events: &SyncSender<SyncEvent>,
    ) {
        for (route, field) in [("users", "author"), ("categories", "categories")] {
            let missing: BTreeSet<String> = posts
                .iter()
                .flat_map(|p| ids(p.get(field)))
                .filter(|id| !self.names.contains_key(&name_key(route, id)))
                .collect();
            let missing: Vec<String> = missing.into_iter().collect();
            for chunk in missing.chunks(MAX_PER_PAGE) {
                let mut url = endpoint(&self.root, route);
                url.query_pairs_mut()
                    .append_pair("include", &chunk.join(","))
                    .append_pair("per_page", &MAX_PER_PAGE.to_string())
                    .append_pair("_fields", "id,name");
                let found = match syncer.fetch(url.as_str(), &Validators::default()) {
                    Ok(Fetched::Body(page)) => names_of(route, &page),
                    _ => continue,
                };
                self.names.extend(found.iter().cloned());
                if !found.is_empty() {
                    let _ = events.send(SyncEvent::Names {
                        source: job.name.clone(),
                        names: found,
                    });
                }
            }
        }
    }

    fn raw_item(&self, post: &Value) -> RawItem {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        let rendered = |field: &str| text(post.get(field).and_then(|f| f.get("rendered")));
        let name = |route: &str, field: &str| {
            let id = ids(post.get(field)).into_iter().next()?;
            self.names.get(&name_key(route, &id)).cloned()
        };
        RawItem {
            id: ids(post.get("id"))
                .into_iter()
                .next()
                .map(|id| format!("wp-post-{id}")),
            url: text(post.get("link")),
            title: rendered("title"),
            published: published(post),
            author: name("users", "author"),
            category: name("categories", "categories"),
            summary: rendered("excerpt"),
            // An empty `content` (a password-protected post) sends the article page's way.
            body: rendered("content")
                .filter(|c| !c.trim().is_empty())
                .map(Body::Html),
            related: Vec::new(),
        }
    }
}

impl ApiListing for WordPress {
    fn page_url(&self, n: u32) -> Option<String> {
        let mut url = endpoint(&self.root, "posts");
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("_fields", FIELDS)
                .append_pair("per_page", &self.per_page.to_string())
                .append_pair("page", &n.to_string())
                .append_pair("orderby", "date")
                .append_pair("order", "desc");
            if let Some(after) = &self.after {
                q.append_pair("after", after);
            }
        }
        Some(url.to_string())
    }

    fn read_page(
        &mut self,
        syncer: &Syncer,
        job: &SourceJob,
        page: &Page,
        events: &SyncSender<SyncEvent>,
    ) -> Result<ApiPage, String> {
        let Value::Array(posts) = parse_json(page)? else {
            return Err("not a list of WordPress posts".into());
        };
        self.resolve_names(syncer, job, &posts, events);
        let base = Url::parse(&page.url).map_err(|e| e.to_string())?;
        let items = posts
            .iter()
            .filter_map(|p| to_article(self.raw_item(p), &base))
            .collect();
        Ok(ApiPage {
            items,
            last: posts.len() < self.per_page,
        })
    }
}

/// The URL of a `wp/v2` route under the configured root: `?rest_route=` sites keep that form,
/// an address under `/wp-json` is cut there, a site address gets `/wp-json` added.
pub fn endpoint(root: &Url, route: &str) -> Url {
    let mut url = root.clone();
    url.set_fragment(None);
    url.set_query(None);
    if root.query_pairs().any(|(k, _)| k == "rest_route") {
        url.query_pairs_mut()
            .append_pair("rest_route", &format!("/wp/v2/{route}"));
        return url;
    }
    let path = root.path();
    let site = match path.find("/wp-json") {
        Some(at) => &path[..at],
        None => path.trim_end_matches('/'),
    };
    url.set_path(&format!("{site}/wp-json/wp/v2/{route}"));
    url
}

fn name_key(route: &str, id: &str) -> String {
    format!("{route}/{id}")
}

/// Ids in a field that holds one number or a list of them.
fn ids(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Number(n)) => vec![n.to_string()],
        Some(Value::Array(a)) => a.iter().flat_map(|x| ids(Some(x))).collect(),
        _ => Vec::new(),
    }
}

/// `(key, name)` of every `{id, name}` in a users or categories answer.
fn names_of(route: &str, page: &Page) -> Vec<(String, String)> {
    let Ok(Value::Array(found)) = parse_json(page) else {
        return Vec::new();
    };
    found
        .iter()
        .filter_map(|v| {
            let id = ids(v.get("id")).into_iter().next()?;
            let name = super::feed::html_to_text(v.get("name")?.as_str()?);
            Some((name_key(route, &id), sanitize_line(&name)))
        })
        .filter(|(_, name)| !name.is_empty())
        .collect()
}

/// `date_gmt` (UTC without an offset) when given, else `date` (the site's time, taken as
/// Vietnam time); shown in Vietnam time like every other source.
fn published(post: &Value) -> Option<DateTime<FixedOffset>> {
    let naive = |field: &str| {
        let s = post.get(field)?.as_str()?;
        NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M:%S").ok()
    };
    let vn = vietnam_offset();
    match naive("date_gmt") {
        Some(t) => Some(Utc.from_utc_datetime(&t).with_timezone(&vn)),
        None => vn.from_local_datetime(&naive("date")?).single(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn endpoints_follow_the_configured_root() {
        let at = |root: &str| endpoint(&Url::parse(root).unwrap(), "posts").to_string();
        assert_eq!(at("https://p.vn"), "https://p.vn/wp-json/wp/v2/posts");
        assert_eq!(
            at("https://p.vn/tin/"),
            "https://p.vn/tin/wp-json/wp/v2/posts"
        );
        assert_eq!(
            at("https://p.vn/wp-json/"),
            "https://p.vn/wp-json/wp/v2/posts"
        );
        assert_eq!(
            at("https://p.vn/?rest_route=/"),
            "https://p.vn/?rest_route=%2Fwp%2Fv2%2Fposts"
        );
    }

    #[test]
    fn gmt_dates_are_shown_in_vietnam_time() {
        let post = json!({"date": "2024-05-01T10:00:00", "date_gmt": "2024-05-01T03:00:00"});
        assert_eq!(
            published(&post).unwrap().to_rfc3339(),
            "2024-05-01T10:00:00+07:00"
        );
        let local = json!({"date": "2024-05-01T10:00:00"});
        assert_eq!(
            published(&local).unwrap().to_rfc3339(),
            "2024-05-01T10:00:00+07:00"
        );
        assert_eq!(published(&json!({"date": "hôm qua"})), None);
    }
}
