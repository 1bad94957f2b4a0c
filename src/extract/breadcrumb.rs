//! Breadcrumbs: `Trang chủ » Chuyên mục » Mục con`.
//!
//! A breadcrumb starts with a home item ("Trang chủ", "Home"); to tell it
//! from a site menu that also starts with "Trang chủ", it must either show
//! separators (», ›, >, →, " / ") between its items (one between each
//! pair: a menu's lone "Colunistas »" submenu marker is not a trail) or
//! sit in an element whose class/id says breadcrumb or path ("navigation"
//! is the site's menu as often as its trail). Items may be links, plain text,
//! or one `<li>` each (then the following blocks carry them).

use super::blocks::{is_home_word, Block, Page, CRUMB};
use super::norm::{clean, trim_decor};

/// Breadcrumb items after the home item, and the blocks it occupies.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Crumb {
    pub items: Vec<String>,
    pub blocks: Vec<usize>,
}

const MAX_ITEMS: usize = 8;
const MAX_ITEM_CHARS: usize = 150;

/// The first breadcrumb in page order.
pub fn find(page: &Page) -> Option<Crumb> {
    (0..page.blocks.len()).find_map(|i| at(page, i))
}

fn at(page: &Page, i: usize) -> Option<Crumb> {
    let b = &page.blocks[i];
    if b.chars > 400 {
        return None;
    }
    let (mut items, mut seps) = items_of(b);
    if !items.first().is_some_and(|f| is_home_word(f)) {
        return None;
    }
    let mut used = vec![i];
    let hint = page
        .ancestors(b.elem)
        .take(4)
        .filter(|&e| page.elems[e].hints & CRUMB != 0)
        .last(); // the list, not its `breadcrumb-item`
    if items.len() == 1 {
        // Inside a breadcrumb-classed element the trail ends with it: after
        // a lone "Home ›" there may come the header's search box.
        let end = hint.map_or(usize::MAX, |e| page.elems[e].end);
        for j in following(page, i).take_while(|&j| j < end) {
            let (more, s) = items_of(&page.blocks[j]);
            // A separator may be an `<li>` of its own.
            if (more.is_empty() && s == 0) || page.blocks[j].chars > MAX_ITEM_CHARS {
                break;
            }
            items.extend(more);
            seps += s;
            used.push(j);
        }
    }
    let hinted = hint.is_some();
    let sane = (2..=MAX_ITEMS + 1).contains(&items.len())
        && items.iter().all(|t| t.chars().count() <= MAX_ITEM_CHARS);
    let trail = seps + 1 >= items.len();
    (sane && (hinted || trail)).then(|| Crumb {
        items: items.split_off(1),
        blocks: used,
    })
}

/// Blocks after `i` inside the nearest ancestor that has any (a `<ul>` of
/// `<li>` items), at most [`MAX_ITEMS`].
fn following(page: &Page, i: usize) -> std::ops::Range<usize> {
    let end = page
        .ancestors(page.blocks[i].elem)
        .map(|e| page.elems[e].end)
        .find(|&end| end > i + 1)
        .unwrap_or(i + 1);
    i + 1..end.min(i + 1 + MAX_ITEMS)
}

/// Items of one block and how many separators were seen.
fn items_of(b: &Block) -> (Vec<String>, usize) {
    let mut items = Vec::new();
    let mut seps = 0;
    for p in &b.pieces {
        if p.href.is_some() {
            push_item(&mut items, &p.text);
            continue;
        }
        // A slash between items, spaced or standing alone in its own span.
        let text = match p.text.trim() {
            "/" => "»".to_string(),
            t => t.replace(" / ", " » "),
        };
        let parts: Vec<&str> = text.split(['»', '›', '>', '→', '«']).collect();
        seps += parts.len() - 1;
        for part in parts {
            push_item(&mut items, part);
        }
    }
    (items, seps)
}

fn push_item(items: &mut Vec<String>, raw: &str) {
    let t = clean(raw);
    let t = trim_decor(&t).trim_matches(|c: char| c == '/' || c.is_whitespace());
    if t.chars().any(char::is_alphanumeric) {
        items.push(t.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::*;
    use scraper::Html;

    fn crumb(html: &str) -> Option<Vec<String>> {
        find(&flatten(&Html::parse_document(html))).map(|c| c.items)
    }

    #[test]
    fn links_with_separators() {
        let html = "<div><a href=/>Trang chủ</a> » <a href=/kt>Kinh tế - Xã hội</a> » <a href=/nn>Nông nghiệp</a></div>";
        assert_eq!(crumb(html).unwrap(), ["Kinh tế - Xã hội", "Nông nghiệp"]);
    }

    #[test]
    fn plain_text_line() {
        assert_eq!(
            crumb("<p>Trang chủ &gt; Văn hóa &gt; Lễ hội</p>").unwrap(),
            ["Văn hóa", "Lễ hội"]
        );
    }

    #[test]
    fn list_items_need_a_hint() {
        let li = "<li><a href=/>Trang chủ</a></li><li><a href=/a>Giáo dục</a></li>";
        assert_eq!(
            crumb(&format!("<ul class='breadcrumbs'>{li}</ul>")).unwrap(),
            ["Giáo dục"]
        );
        assert_eq!(crumb(&format!("<ul class='main'>{li}</ul>")), None);
        // The site's main navigation starts with "Home" too.
        assert_eq!(
            crumb(&format!("<ul class='main-navigation'>{li}</ul>")),
            None
        );
    }

    #[test]
    fn a_menu_with_one_submenu_marker_is_not_a_trail() {
        let li = |t: &str| format!("<li><a href=/{}>{t}</a></li>", t.len());
        let menu = format!(
            "<nav class=menu><ul><li><a href=/>Trang chủ</a><ul>{}<li><a>Chuyên mục »</a><ul>{}{}{}</ul></li></ul></li></ul></nav>",
            li("Tất cả tin"),
            li("Nông nghiệp"),
            li("Giáo dục"),
            li("Y tế")
        );
        assert_eq!(crumb(&menu), None);
        let home_only = "<div class=breadcrumb><a href=/>Trang chủ</a> › </div><div><p>Tìm kiếm</p><p><a href=/tk>Tìm nâng cao</a></p></div>";
        assert_eq!(crumb(&format!("<div>{home_only}</div>")), None);
        let trail = "<div><a href=/>Trang chủ</a> » <a href=/a>Giáo dục</a> » Tuyển sinh</div>";
        assert_eq!(crumb(trail).unwrap(), ["Giáo dục", "Tuyển sinh"]);
    }

    #[test]
    fn slashes_in_their_own_spans_are_separators() {
        let html = "<div><a href=/>Home</a><span>/</span><a href=/tt>Thể thao</a><span>/</span><a href=/bd>/ Bóng đá</a></div>";
        assert_eq!(crumb(html).unwrap(), ["Thể thao", "Bóng đá"]);
        let li = "<ul class=breadcrumb><li><a href=/>Trang chủ</a></li><li>/</li><li><a href=/tt>Thể thao</a></li></ul>";
        assert_eq!(crumb(li).unwrap(), ["Thể thao"]);
    }

    #[test]
    fn icon_home_link() {
        let html =
            "<div class='path'><a href=/ title='Trang chủ'><i></i></a> › <a href=/y>Y tế</a></div>";
        assert_eq!(crumb(html).unwrap(), ["Y tế"]);
    }
}
