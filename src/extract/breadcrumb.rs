//! Breadcrumbs: `Trang chủ » Chuyên mục » Mục con`.
//!
//! A breadcrumb starts with a home item ("Trang chủ", "Home"); to tell it
//! from a site menu that also starts with "Trang chủ", it must either show
//! separators (», ›, >, →, " / ") between items or sit in an element whose
//! class/id says breadcrumb/path/navigation. Items may be links, plain text,
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
    if items.len() == 1 {
        for j in following(page, i) {
            let (more, s) = items_of(&page.blocks[j]);
            if more.is_empty() || page.blocks[j].chars > MAX_ITEM_CHARS {
                break;
            }
            items.extend(more);
            seps |= s;
            used.push(j);
        }
    }
    let hinted = page
        .ancestors(b.elem)
        .take(4)
        .any(|e| page.elems[e].hints & CRUMB != 0);
    let sane = (2..=MAX_ITEMS + 1).contains(&items.len())
        && items.iter().all(|t| t.chars().count() <= MAX_ITEM_CHARS);
    (sane && (hinted || seps)).then(|| Crumb {
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

/// Items of one block and whether a separator was seen between them.
fn items_of(b: &Block) -> (Vec<String>, bool) {
    let mut items = Vec::new();
    let mut seps = false;
    for p in &b.pieces {
        if p.href.is_some() {
            push_item(&mut items, &p.text);
            continue;
        }
        let text = p.text.replace(" / ", " » ");
        let parts: Vec<&str> = text.split(['»', '›', '>', '→', '«']).collect();
        seps |= parts.len() > 1;
        for part in parts {
            push_item(&mut items, part);
        }
    }
    (items, seps)
}

fn push_item(items: &mut Vec<String>, raw: &str) {
    let t = clean(raw);
    let t = trim_decor(&t);
    if !t.is_empty() {
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
    }

    #[test]
    fn icon_home_link() {
        let html =
            "<div class='path'><a href=/ title='Trang chủ'><i></i></a> › <a href=/y>Y tế</a></div>";
        assert_eq!(crumb(html).unwrap(), ["Y tế"]);
    }
}
