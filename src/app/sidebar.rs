//! The related sidebar: first the page's own related list (as the site printed it), then
//! "Cùng chủ đề", cached articles similar to the open one, without repeating an entry.

use super::AppState;
use crate::model::ArticleId;
use chrono::{DateTime, FixedOffset};

/// One row of the sidebar; digits 1–9 open the rows in this order.
#[derive(Debug, Clone, PartialEq)]
pub struct SidebarEntry<'a> {
    pub title: &'a str,
    pub url: &'a str,
    /// The cached article, or `None` when only its URL is known (shown dimmed).
    pub id: Option<ArticleId>,
    pub published: Option<DateTime<FixedOffset>>,
    /// From the page's own related list (else from similarity over the cache).
    pub from_page: bool,
}

pub fn sidebar(state: &AppState) -> Vec<SidebarEntry<'_>> {
    let Some(open) = &state.open else {
        return Vec::new();
    };
    let mut entries: Vec<SidebarEntry> = open
        .related
        .iter()
        .map(|r| SidebarEntry {
            title: &r.title,
            url: &r.url,
            id: r.id,
            published: r.published,
            from_page: true,
        })
        .collect();
    for a in &state.similar {
        let listed = a.id == open.id || entries.iter().any(|e| e.id == Some(a.id));
        if !listed {
            entries.push(SidebarEntry {
                title: &a.title,
                url: &a.url,
                id: Some(a.id),
                published: a.published,
                from_page: false,
            });
        }
    }
    entries
}
