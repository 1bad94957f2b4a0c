//! A portal's own JSON API as a source, read through its `[source.json]` mapping: the URL
//! with `{page}` replaced by 1, 2, …, the item array, and where each field sits in an item.

use super::api::{parse_json, ApiListing, ApiPage};
use super::api_item::{to_article, Body, RawItem};
use super::http::Page;
use super::jsonpath::JsonPath;
use super::{SourceJob, SyncEvent, Syncer};
use crate::config::json_source::JsonMapping;
use crate::model::vietnam_offset;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use serde_json::Value;
use std::sync::mpsc::SyncSender;
use url::Url;

/// The placeholder of the page number in the API URL.
const PAGE: &str = "{page}";

pub(super) struct JsonApi {
    url: String,
    items: Option<JsonPath>,
    items_text: String,
    fields: Fields,
}

/// The compiled paths of one item's fields.
struct Fields {
    id: Option<JsonPath>,
    url: JsonPath,
    title: JsonPath,
    published: Option<JsonPath>,
    date_format: Option<String>,
    author: Option<JsonPath>,
    category: Option<JsonPath>,
    summary: Option<JsonPath>,
    body: Option<JsonPath>,
    body_is_html: bool,
    related: Option<JsonPath>,
    related_title: JsonPath,
    related_url: JsonPath,
}

impl JsonApi {
    /// Compiles the mapping; the config checked it already, so an error here is a SourceJob
    /// built by hand, and still a message rather than a panic.
    pub(super) fn new(url: &str, m: &JsonMapping) -> Result<JsonApi, String> {
        let path = |p: &str| JsonPath::parse(p).map_err(|e| format!("[source.json]: {e}"));
        let opt = |p: &Option<String>| p.as_deref().map(path).transpose();
        let fields = Fields {
            id: opt(&m.id)?,
            url: path(&m.url)?,
            title: path(&m.title)?,
            published: opt(&m.published)?,
            date_format: m.date_format.clone(),
            author: opt(&m.author)?,
            category: opt(&m.category)?,
            summary: opt(&m.summary)?,
            body: opt(&m.body)?,
            body_is_html: m.body_is_html,
            related: opt(&m.related)?,
            related_title: path(&m.related_title)?,
            related_url: path(&m.related_url)?,
        };
        Ok(JsonApi {
            url: url.to_string(),
            items: opt(&m.items)?,
            items_text: m.items.clone().unwrap_or_else(|| "the response".into()),
            fields,
        })
    }
}

impl ApiListing for JsonApi {
    fn page_url(&self, n: u32) -> Option<String> {
        if self.url.contains(PAGE) {
            Some(self.url.replace(PAGE, &n.to_string()))
        } else {
            (n == 1).then(|| self.url.clone())
        }
    }

    fn read_page(
        &mut self,
        _syncer: &Syncer,
        _job: &SourceJob,
        page: &Page,
        _events: &SyncSender<SyncEvent>,
    ) -> Result<ApiPage, String> {
        let root = parse_json(page)?;
        let found = match &self.items {
            Some(path) => path.get(&root),
            None => Some(&root),
        };
        let Some(Value::Array(items)) = found else {
            return Err(format!("no array of items at `{}`", self.items_text));
        };
        let base = Url::parse(&page.url).map_err(|e| e.to_string())?;
        let articles = items
            .iter()
            .filter_map(|item| to_article(self.fields.raw_item(item), &base))
            .collect();
        Ok(ApiPage {
            items: articles,
            last: items.is_empty(),
        })
    }
}

impl Fields {
    fn raw_item(&self, item: &Value) -> RawItem {
        let text = |p: &Option<JsonPath>| p.as_ref().and_then(|p| p.text(item));
        let body = text(&self.body).filter(|b| !b.trim().is_empty());
        RawItem {
            id: text(&self.id),
            url: self.url.text(item),
            title: self.title.text(item),
            published: text(&self.published)
                .and_then(|d| parse_published(&d, self.date_format.as_deref())),
            author: text(&self.author),
            category: text(&self.category),
            summary: text(&self.summary),
            body: body.map(|b| match self.body_is_html {
                true => Body::Html(b),
                false => Body::Text(b),
            }),
            related: self.related(item),
        }
    }

    fn related(&self, item: &Value) -> Vec<(String, String)> {
        let Some(Value::Array(list)) = self.related.as_ref().and_then(|p| p.get(item)) else {
            return Vec::new();
        };
        list.iter()
            .filter_map(|r| Some((self.related_title.text(r)?, self.related_url.text(r)?)))
            .collect()
    }
}

/// A date in the mapping's format (Vietnam time when it has no offset); without a format,
/// RFC 3339, RFC 2822, the Vietnamese forms pages print, or Unix seconds/milliseconds.
/// Shown in Vietnam time, like feed dates.
fn parse_published(s: &str, format: Option<&str>) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    let vn = vietnam_offset();
    let found = match format {
        None => match s.parse::<i64>() {
            // Past 10^11 seconds is year 5138: such a number counts milliseconds.
            Ok(n) if n > 100_000_000_000 => {
                DateTime::from_timestamp_millis(n).map(|t| t.fixed_offset())
            }
            Ok(n) => DateTime::from_timestamp(n, 0).map(|t| t.fixed_offset()),
            Err(_) => crate::extract::parse_date(s),
        },
        Some(format) => DateTime::parse_from_str(s, format).ok().or_else(|| {
            let naive = NaiveDateTime::parse_from_str(s, format).ok().or_else(|| {
                NaiveDate::parse_from_str(s, format)
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })?;
            vn.from_local_datetime(&naive).single()
        }),
    };
    found.map(|t| t.with_timezone(&vn))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_a_format_or_the_known_forms() {
        let at = |s, f| parse_published(s, f).map(|t| t.to_rfc3339());
        let vn = Some("2024-05-01T08:30:00+07:00".to_string());
        assert_eq!(at("01/05/2024 08:30", Some("%d/%m/%Y %H:%M")), vn);
        assert_eq!(
            at("01-05-2024", Some("%d-%m-%Y")).unwrap(),
            "2024-05-01T00:00:00+07:00"
        );
        assert_eq!(at("2024-05-01T01:30:00Z", None), vn);
        assert_eq!(at("1714527000", None), vn);
        assert_eq!(at("1714527000000", None), vn);
        assert_eq!(at("01/05/2024 - 8:30:00 AM", None), vn);
        assert_eq!(at("hôm qua", Some("%d/%m/%Y")), None);
    }

    #[test]
    fn one_page_without_the_placeholder() {
        let m: JsonMapping = toml::from_str("url = \"link\"\ntitle = \"t\"").unwrap();
        let api = JsonApi::new("https://p.vn/api/tin", &m).unwrap();
        assert_eq!(api.page_url(1).as_deref(), Some("https://p.vn/api/tin"));
        assert_eq!(api.page_url(2), None);
        let paged = JsonApi::new("https://p.vn/api?trang={page}", &m).unwrap();
        assert_eq!(
            paged.page_url(3).as_deref(),
            Some("https://p.vn/api?trang=3")
        );
    }
}
