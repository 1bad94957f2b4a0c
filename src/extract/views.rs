//! A view counter shown without a word, only an icon: `<span
//! class="view"><i class="icon-eye"></i> 3.517</span>`. The class names
//! the number; a meta line's "Lượt xem: …" is read elsewhere and wins.

use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::meta::whole_count;

/// Class names of a view counter (whole class tokens, so "preview" or
/// "review" do not match).
const COUNTER_CSS: &str = ".view, .views, .view-count, .viewcount, .views-count, .post-views, \
     .count-view, .luot-xem, .luotxem, .luot_xem, .news-view, .article-views";

/// Past this a number is an id, not a count (ten digits).
const COUNT_MAX: u64 = 9_999_999_999;

/// The first counter element, outside comments, whose text is a count.
pub fn from_dom(doc: &Html) -> Option<u64> {
    static COUNTER: LazyLock<Option<Selector>> =
        LazyLock::new(|| Selector::parse(COUNTER_CSS).ok());
    doc.select(COUNTER.as_ref()?)
        .filter(|e| !super::author::in_comments(*e))
        .find_map(|e| whole_count(&e.text().collect::<String>()).filter(|&n| n <= COUNT_MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views(html: &str) -> Option<u64> {
        from_dom(&Html::parse_document(html))
    }

    #[test]
    fn a_counter_with_an_icon_only_gives_the_views() {
        let html = "<div class='info'><span class='time'>08/01/2026</span> - \
            <span class='view'><i class='icon-eye'></i> 3.517</span></div>";
        assert_eq!(views(html), Some(3517));
    }

    #[test]
    fn other_numbers_and_look_alike_classes_are_not_views() {
        assert_eq!(views("<span class='preview'>12</span>"), None);
        assert_eq!(views("<span class='view'>Xem ảnh</span>"), None);
        assert_eq!(views("<span class='views'>4.5 sao</span>"), None);
        let comment = "<div class='comment-list'><span class='view'>12</span></div>";
        assert_eq!(views(comment), None);
    }
}
