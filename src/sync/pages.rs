//! Article pages: fetch each new one once, extract it, merge it into the feed's item;
//! prefetch the pages related lists point to so the sidebar works offline.

use super::http::Fetched;
use super::limits::parallel_map;
use super::{charset, SourceJob, SyncEvent, Syncer};
use crate::extract::{self, Extracted};
use crate::model::{NewArticle, Selectors, Validators};
use crate::text::{sanitize, sanitize_body, sanitize_line, sanitize_rows};
use std::collections::HashSet;
use std::sync::mpsc::SyncSender;

/// Pages fetched per worker before their articles are stored together.
const PAGES_PER_THREAD_PER_BATCH: usize = 4;

/// What fetching one article page gave.
enum PageResult {
    Fresh(Box<Extracted>, Validators),
    /// The cached copy is current (304 on a refresh).
    Unchanged,
}

impl Syncer {
    /// Fetches the page of every item not cached yet (or, with refresh, every page,
    /// conditionally), merges what it finds, and sends the articles in small batches as they
    /// are ready: a sync killed halfway keeps what it fetched. Returns all the articles.
    pub(super) fn complete(
        &self,
        job: &SourceJob,
        items: Vec<NewArticle>,
        events: &SyncSender<SyncEvent>,
    ) -> Vec<NewArticle> {
        if !self.config.full_text {
            self.send_batch(&job.name, items.clone(), events);
            return items;
        }
        let threads = self.config.per_host_concurrency;
        let mut done = Vec::with_capacity(items.len());
        for chunk in items.chunks(threads * PAGES_PER_THREAD_PER_BATCH) {
            let batch = parallel_map(chunk, threads, |item| self.complete_one(job, item, events));
            self.send_batch(&job.name, batch.clone(), events);
            done.extend(batch);
        }
        done
    }

    fn complete_one(
        &self,
        job: &SourceJob,
        item: &NewArticle,
        events: &SyncSender<SyncEvent>,
    ) -> NewArticle {
        let cached = self.cache.pages.get(&item.url);
        if cached.is_some() && !self.refresh {
            return item.clone();
        }
        let validators = cached.cloned().unwrap_or_default();
        match self.fetch_article(&item.url, &validators, &job.selectors) {
            Ok(PageResult::Fresh(page, v)) => merge(item.clone(), *page, v),
            Ok(PageResult::Unchanged) => item.clone(),
            Err(reason) => {
                let _ = events.send(SyncEvent::PageFailed {
                    source: job.name.clone(),
                    url: item.url.clone(),
                    reason,
                    prefetch: false,
                });
                item.clone()
            }
        }
    }

    /// With `related_depth` = n ≥ 1: the pages that related lists point to, n links deep, on the
    /// same site, that are neither cached nor in this batch.
    pub(super) fn related_pages(
        &self,
        job: &SourceJob,
        articles: &[NewArticle],
        events: &SyncSender<SyncEvent>,
    ) -> Vec<NewArticle> {
        if !self.config.full_text {
            return Vec::new();
        }
        let mut known: HashSet<String> = articles.iter().map(|a| a.url.clone()).collect();
        let mut frontier: Vec<NewArticle> = articles.to_vec();
        let mut out = Vec::new();
        for _ in 0..self.config.related_depth {
            let wanted = self.wanted_related(&frontier, &mut known);
            if wanted.is_empty() {
                break;
            }
            frontier = self.prefetch(job, &wanted, events);
            out.extend(frontier.iter().cloned());
        }
        out
    }

    fn wanted_related(&self, articles: &[NewArticle], known: &mut HashSet<String>) -> Vec<String> {
        let mut wanted = Vec::new();
        for a in articles.iter().filter(|a| a.full_text) {
            for (_, url) in &a.related {
                if same_host(url, &a.url)
                    && !self.cache.pages.contains_key(url)
                    && known.insert(url.clone())
                {
                    wanted.push(url.clone());
                }
            }
        }
        wanted
    }

    fn prefetch(
        &self,
        job: &SourceJob,
        urls: &[String],
        events: &SyncSender<SyncEvent>,
    ) -> Vec<NewArticle> {
        let fetched = parallel_map(urls, self.config.per_host_concurrency, |url| {
            self.fetch_article(url, &Validators::default(), &job.selectors)
        });
        let mut out = Vec::new();
        for (url, result) in urls.iter().zip(fetched) {
            match result {
                Ok(PageResult::Fresh(page, v)) => {
                    let stub = NewArticle {
                        guid: url.clone(),
                        url: url.clone(),
                        ..NewArticle::default()
                    };
                    out.push(merge(stub, *page, v));
                }
                Ok(PageResult::Unchanged) => {}
                Err(reason) => {
                    let _ = events.send(SyncEvent::PageFailed {
                        source: job.name.clone(),
                        url: url.clone(),
                        reason,
                        prefetch: true,
                    });
                }
            }
        }
        // A page with no title or text is not an article (an index, an error page).
        out.retain(|a| !a.title.is_empty() && a.full_text);
        out
    }

    fn fetch_article(
        &self,
        url: &str,
        validators: &Validators,
        selectors: &Selectors,
    ) -> Result<PageResult, String> {
        match self.fetch(url, validators).map_err(|e| e.to_string())? {
            Fetched::NotModified => Ok(PageResult::Unchanged),
            Fetched::Body(page) => {
                let text = charset::decode(&page.bytes, page.content_type.as_deref());
                let base = url::Url::parse(&page.url).map_err(|e| e.to_string())?;
                Ok(PageResult::Fresh(
                    Box::new(extract::extract_with(&text, &base, selectors)),
                    page.validators,
                ))
            }
        }
    }
}

/// The feed item completed by its page: the page wins where it knows more (exact time with
/// the meta line's offset, author, views, category, the full body, the related list).
/// Every field is sanitised here, so nothing from the page reaches the store raw.
pub fn merge(item: NewArticle, page: Extracted, validators: Validators) -> NewArticle {
    let line = |s: Option<String>| s.map(|s| sanitize_line(&s)).filter(|s| !s.is_empty());
    let body = sanitize_rows(&page.body);
    let title = if item.title.is_empty() {
        line(page.title).unwrap_or_default()
    } else {
        item.title
    };
    let related = page
        .related
        .into_iter()
        .filter_map(|l| Some((sanitize_line(&l.title), web_url(&l.url)?)))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    NewArticle {
        title,
        author: line(page.author).or(item.author),
        published: page.published.or(item.published),
        views: page.views.or(item.views),
        category: line(page.category).or(item.category),
        summary: line(page.summary).unwrap_or(item.summary),
        full_text: !body.is_empty(),
        doc: (!body.is_empty()).then(|| sanitize_doc(page.doc)),
        body: if body.is_empty() { item.body } else { body },
        related,
        page_validators: validators,
        ..item
    }
}

/// The structured body cleaned like the plain one; a block whose text changed loses its link
/// marks (their offsets would point into the wrong text). A table keeps its laid-out lines
/// and padding: only forbidden characters go.
fn sanitize_doc(mut doc: crate::model::Doc) -> crate::model::Doc {
    for b in &mut doc.blocks {
        let clean = if b.kind == crate::model::BlockKind::Table {
            sanitize(&b.text)
        } else {
            sanitize_body(&b.text)
        };
        if clean != b.text {
            b.text = clean;
            b.links.clear();
        }
    }
    doc
}

/// The URL in canonical form if it is http(s) or file (pages carried on a USB stick), else
/// `None` (javascript:, data:, …). Canonical form also percent-encodes any control character.
pub fn web_url(raw: &str) -> Option<String> {
    let u = url::Url::parse(raw.trim()).ok()?;
    matches!(u.scheme(), "http" | "https" | "file").then(|| u.to_string())
}

fn same_host(a: &str, b: &str) -> bool {
    let host = |u: &str| {
        url::Url::parse(u)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
    };
    host(a).is_some() && host(a) == host(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    #[test]
    fn a_synced_table_keeps_its_rows_in_body_and_reader() {
        let html = "<html><body><h1>Kết quả giải bóng đá thanh niên huyện</h1><article>\
            <p>Ban tổ chức công bố bảng xếp hạng chung cuộc sau vòng đấu cuối cùng của giải năm nay.</p>\
            <table><tr><th>Đội</th><th>Thắng</th><th>Hòa</th></tr>\
            <tr><td>Xã Đông</td><td>3</td><td>1</td></tr><tr><td>Xã Tây</td><td>2</td><td>2</td></tr></table>\
            </article></body></html>";
        let base = url::Url::parse("http://cong.example.vn/tin/bong-da.html").unwrap();
        let page = extract::extract(html, &base);
        let a = merge(NewArticle::default(), page, Validators::default());
        assert!(
            a.body
                .ends_with("Đội\tThắng\tHòa\nXã Đông\t3\t1\nXã Tây\t2\t2"),
            "{}",
            a.body
        );
        let doc = a.doc.expect("structured body");
        let table = doc.blocks.iter().find(|b| b.kind == BlockKind::Table);
        assert_eq!(
            table.map(|b| b.text.as_str()),
            Some("Đội     | Thắng | Hòa\nXã Đông | 3     | 1\nXã Tây  | 2     | 2")
        );
    }
}
