//! The parts of a series listed at the top or foot of each part ("Bài 1:
//! …" for this page, "Bài 2: …", "Bài 3: …" as links): the other parts are
//! related articles, and the box (with its series name above it) is no
//! part of the story.

use url::Url;

use super::blocks::{Block, Page};
use super::norm::fold;
use super::related::{box_end, links_of};
use super::Link;

/// Folded words that number a part: "Bài 2:", "Kỳ 3 -", "Phần 1.", "Part 2:".
const PART_WORDS: &[&str] = &["bai", "ky", "phan", "part"];
/// Chars of a part's line: a title, not a paragraph that starts "Bài 2:".
const PART_MAX: usize = 160;
/// Chars of the series' name above the list ("Ký sự: Dọc dải biên cương").
const NAME_MAX: usize = 80;

/// The series list starting at block `i`: the other parts' links, the
/// blocks the list and its name take, and the block after it.
pub fn at(page: &Page, i: usize, base: &Url) -> Option<(Vec<Link>, Vec<usize>, usize)> {
    let end = (i..page.blocks.len())
        .find(|&j| !is_part(&page.blocks[j]))
        .unwrap_or(page.blocks.len());
    let parts = i..end;
    let linked = parts.clone().filter(|&j| page.blocks[j].is_linky());
    let links: Vec<Link> = linked
        .flat_map(|j| links_of(&page.blocks[j], base))
        .collect();
    if parts.len() < 2 || links.is_empty() {
        return None;
    }
    let mut used: Vec<usize> = parts.collect();
    let name = i.checked_sub(1).filter(|&h| {
        let b = &page.blocks[h];
        b.link_chars == 0 && b.chars <= NAME_MAX && box_end(page, h) >= end
    });
    used.extend(name);
    used.sort_unstable();
    Some((links, used, end))
}

/// "Bài 2: Người giữ lửa ở bản xa": a part's number, then its title.
fn is_part(b: &Block) -> bool {
    let folded = fold(&b.text);
    b.chars <= PART_MAX
        && PART_WORDS.iter().any(|w| {
            let Some(rest) = folded.strip_prefix(w).and_then(|r| r.strip_prefix(' ')) else {
                return false;
            };
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let after = rest[digits..].trim_start();
            (1..=2).contains(&digits) && after.starts_with([':', '-', '–', '.'])
        })
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::super::related::find;
    use scraper::Html;
    use url::Url;

    #[test]
    fn the_other_parts_of_a_series_are_related_and_leave_the_story() {
        let html = "<div class=box><div>Ký sự: Dọc biên cương</div><ul>\
             <li>Bài 1: Cột mốc giữa mây</li>\
             <li><a href=/bai-2>Bài 2: Người giữ lửa</a></li>\
             <li><a href=/bai-3>Bài 3: Sáng đèn nơi biên giới</a></li></ul></div>\
             <p>Chiếc xe rời trung tâm xã khi sương còn phủ kín các sườn đồi.</p>";
        let page = flatten(&Html::parse_document(html));
        let found = find(&page, &Url::parse("https://bao.vn/bai-1").unwrap());
        let titles: Vec<&str> = found.links.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Bài 2: Người giữ lửa", "Bài 3: Sáng đèn nơi biên giới"]
        );
        let texts: Vec<&str> = found
            .blocks
            .iter()
            .map(|&b| page.blocks[b].text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Ký sự: Dọc biên cương",
                "Bài 1: Cột mốc giữa mây",
                "Bài 2: Người giữ lửa",
                "Bài 3: Sáng đèn nơi biên giới"
            ]
        );
    }

    #[test]
    fn one_part_or_unlinked_parts_are_the_story() {
        // A story that numbers its own sections, and a single link to a part.
        for html in [
            "<p>Bài 1: Nhận diện</p><p>Bài 2: Giải pháp</p>",
            "<p>Ký sự</p><p><a href=/b2>Bài 2: Người giữ lửa</a></p><p>Mở đầu bài viết.</p>",
        ] {
            let page = flatten(&Html::parse_document(html));
            let found = find(&page, &Url::parse("https://bao.vn/").unwrap());
            assert!(found.links.is_empty() && found.blocks.is_empty(), "{html}");
        }
    }
}
