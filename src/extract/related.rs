//! The site's own list of related articles ("Bài viết khác:", "Tin liên
//! quan", …): a heading followed by blocks that are links. Collection stops
//! at the next heading, at a block of prose, or at the end of the box the
//! heading sits in. Links are resolved against the page URL and deduplicated.

use url::Url;

use super::blocks::{Block, Page, RELATED};
use super::dates::find_date;
use super::norm::{clean, fold, is_box_heading, is_related_heading, starts_with_word, trim_decor};
use super::Link;

/// The related links in page order and every block they (and their
/// headings) occupy, so the body can leave them out.
#[derive(Debug, Default, Clone)]
pub struct Related {
    pub links: Vec<Link>,
    pub blocks: Vec<usize>,
    /// For each link, the block its list starts at.
    pub origins: Vec<usize>,
}

impl Related {
    /// Keeps the links whose list starts at a block `keep` accepts.
    pub fn retain_from(&mut self, keep: impl Fn(usize) -> bool) {
        let pairs = std::mem::take(&mut self.links)
            .into_iter()
            .zip(std::mem::take(&mut self.origins));
        (self.links, self.origins) = pairs.filter(|&(_, o)| keep(o)).unzip();
    }
}

/// Headings that are also link texts of "read more" buttons: a heading
/// only when not a link itself.
const AMBIGUOUS: &[&str] = &["xem thêm", "đọc thêm", "read more", "related"];

const MAX_LINKS: usize = 60;
/// Chars (without spaces) of a teaser's summary: a sentence or two.
const SUMMARY_MAX: usize = 250;
/// Folded words that open a link to the full listing ("Xem tất cả câu
/// hỏi »", "View all posts", "Xem thêm video").
const MORE_OPENERS: &[&str] = &["xem tat ca", "xem them", "view all", "see all"];
/// Folded link texts that open the full listing, not an article.
const MORE_LINKS: &[&str] = &[
    "xem tiep",
    "xem them",
    "doc tiep",
    "doc them",
    "more",
    "read more",
    "see more",
];

pub fn find(page: &Page, base: &Url) -> Related {
    let mut out = Related::default();
    let mut i = 0;
    while i < page.blocks.len() {
        if is_inline_item(&page.blocks[i]) {
            out.blocks.push(i);
            add_links(&mut out, links_of(&page.blocks[i], base), i);
            i += 1;
            continue;
        }
        if let Some((links, used, next)) = super::series::at(page, i, base) {
            out.blocks.extend(used);
            add_links(&mut out, links, i);
            i = next;
            continue;
        }
        if let Some((links, used)) = headless_box(page, i, base) {
            out.blocks.extend(&used);
            add_links(&mut out, links, i);
            i = used.last().map_or(i, |&j| j) + 1;
            continue;
        }
        let heading = is_heading(&page.blocks[i]);
        let by_class = !heading && is_box_label(page, i);
        if !heading && !by_class {
            i += 1;
            continue;
        }
        let (mut links, used) = collect(page, i, base);
        if by_class {
            // A box known by its class alone also holds section links
            // ("News", "Climate"): an article's title has more words.
            links.retain(|l| words(l) >= TITLE_WORDS_MIN);
        }
        if links.is_empty() {
            i += 1;
            continue;
        }
        out.blocks.push(i);
        out.blocks.extend(&used);
        add_links(&mut out, links, i);
        i = used.last().map_or(i, |&j| j) + 1;
    }
    out
}

fn add_links(out: &mut Related, links: Vec<Link>, origin: usize) {
    for l in links {
        if out.links.len() < MAX_LINKS && !out.links.iter().any(|o| o.url == l.url) {
            out.links.push(l);
            out.origins.push(origin);
        }
    }
}

/// A one-line box inside the story: the label and the linked title
/// together ("Đọc thêm: <a>…</a>", "Tin liên quan <a>…</a>").
fn is_inline_item(b: &Block) -> bool {
    let Some((label, rest)) = b.pieces.split_first() else {
        return false;
    };
    let unlinked: usize = rest
        .iter()
        .filter(|p| p.href.is_none())
        .map(|p| p.text.trim().chars().count())
        .sum();
    label.href.is_none()
        && is_related_heading(&label.text)
        && rest
            .iter()
            .any(|p| p.href.is_some() && !p.text.trim().is_empty())
        && unlinked <= 3
}

fn is_heading(b: &Block) -> bool {
    if b.chars > 40 || !is_related_heading(&b.text) {
        return false;
    }
    let label = trim_decor(&b.text).to_lowercase();
    !(b.link_chars > 0 && AMBIGUOUS.contains(&label.as_str()))
}

/// Words of an article's title in a box known only by its class.
const TITLE_WORDS_MIN: usize = 3;

/// Words of a title in such a box that has no heading either: a login or
/// section link ("Forgot your password?", "Science & Health") has fewer.
const CARD_TITLE_WORDS_MIN: usize = 5;

/// Chars (without spaces) of the label over a related box (often the
/// section's name: "Du lịch").
const BOX_LABEL_MAX: usize = 40;

/// The first line of a box its class names as related ("same-category"),
/// over linked items: its heading, whatever it says.
fn is_box_label(page: &Page, i: usize) -> bool {
    let b = &page.blocks[i];
    let next_item = page
        .blocks
        .get(i + 1)
        .is_some_and(|n| n.hints & RELATED != 0 && is_link_item(n));
    opens_related_box(page, i) && b.chars <= BOX_LABEL_MAX && next_item
}

/// Whether block `i` is the first of a box classed as related.
fn opens_related_box(page: &Page, i: usize) -> bool {
    page.blocks[i].hints & RELATED != 0 && (i == 0 || page.blocks[i - 1].hints & RELATED == 0)
}

fn words(l: &Link) -> usize {
    l.title.split_whitespace().count()
}

/// A box its class names as related that opens with a linked title, no
/// heading: an article's card set inside the story ("embed-article"), or a
/// bare list. Every block of it leaves the body, its summaries too.
fn headless_box(page: &Page, i: usize, base: &Url) -> Option<(Vec<Link>, Vec<usize>)> {
    let b = &page.blocks[i];
    if !opens_related_box(page, i) || !is_link_item(b) {
        return None;
    }
    let boxed = page
        .ancestors(b.elem)
        .take(3)
        .filter(|&e| page.elems[e].hints & RELATED != 0)
        .last()?;
    let used: Vec<usize> = (i..page.elems[boxed].end).collect();
    let links: Vec<Link> = used
        .iter()
        .map(|&j| &page.blocks[j])
        .filter(|b| is_link_item(b))
        .flat_map(|b| links_of(b, base))
        .filter(|l| words(l) >= CARD_TITLE_WORDS_MIN)
        .collect();
    (!links.is_empty()).then_some((links, used))
}

/// Links after heading `h`, and the blocks they came from.
fn collect(page: &Page, h: usize, base: &Url) -> (Vec<Link>, Vec<usize>) {
    let mut links = Vec::new();
    let mut used = Vec::new();
    for j in h + 1..box_end(page, h) {
        let b = &page.blocks[j];
        if (b.heading > 0 && !b.is_linky())
            || is_related_heading(&b.text)
            || is_box_heading(&fold(&b.text))
        {
            break;
        }
        if is_link_item(b) {
            links.extend(links_of(b, base));
            used.push(j);
        } else if (b.link_chars == 0 && b.chars <= 30 && is_decoration(&b.text))
            || is_teaser_summary(page, j, &used)
        {
            used.push(j);
        } else {
            break;
        }
    }
    // Trailing date/decoration blocks belong to the list only between links.
    while used.last().is_some_and(|&j| page.blocks[j].link_chars == 0) {
        used.pop();
    }
    (links, used)
}

/// A block that is a list item's link: mostly link text.
fn is_link_item(b: &Block) -> bool {
    b.link_chars > 0 && b.chars - b.link_chars <= 30.max(b.chars * 2 / 5)
}

/// A teaser's summary between two items of a list ("title, then a
/// sentence about it"): short, unlinked, right after an item, in the same
/// element as that item and not as the next one.
fn is_teaser_summary(page: &Page, j: usize, used: &[usize]) -> bool {
    let b = &page.blocks[j];
    let after_item = used.last() == Some(&(j - 1)) && page.blocks[j - 1].link_chars > 0;
    let next_item = page.blocks.get(j + 1).is_some_and(is_link_item);
    let teaser = page
        .ancestors(b.elem)
        .find(|&e| page.elems[e].start < j)
        .is_some_and(|e| page.elems[e].end <= j + 1);
    b.link_chars == 0
        && b.heading == 0
        && b.chars <= SUMMARY_MAX
        && after_item
        && next_item
        && teaser
}

/// A date or a bare symbol printed beside a list item.
fn is_decoration(text: &str) -> bool {
    find_date(text).is_some() || !text.chars().any(char::is_alphabetic)
}

/// End of the smallest element around the heading that holds more blocks.
pub(super) fn box_end(page: &Page, h: usize) -> usize {
    page.ancestors(page.blocks[h].elem)
        .map(|e| page.elems[e].end)
        .find(|&end| end > h + 1)
        .unwrap_or(h + 1)
}

pub(super) fn links_of(b: &Block, base: &Url) -> Vec<Link> {
    b.pieces
        .iter()
        .filter_map(|p| {
            let title = clean(&p.text);
            let title =
                title.trim_start_matches(|c: char| c.is_whitespace() || "»›>•·-–*".contains(c));
            let title = without_leading_date(title);
            let url = resolve(p.href.as_deref()?, base)?;
            let label = fold(trim_decor(title));
            let label = label.trim_end_matches(['.', ' ']);
            let more = MORE_LINKS.contains(&label)
                || MORE_OPENERS.iter().any(|w| starts_with_word(label, w));
            // A thumbnail's overlay ("▶ 02:35") links the item too; its
            // title is the next link's.
            let words = title.chars().any(char::is_alphabetic);
            (words && !more).then(|| Link {
                title: title.trim().to_string(),
                url,
            })
        })
        .collect()
}

/// A title without the date a module prints before it ("2026-04-02 -
/// Quỳnh Lam thả …"); a date that opens the title itself stays.
fn without_leading_date(title: &str) -> &str {
    let Some(found) = find_date(title).filter(|f| f.start == 0) else {
        return title;
    };
    let rest: &str = title
        .char_indices()
        .nth(found.end)
        .map_or("", |(at, _)| &title[at..]);
    let after = rest.trim_start();
    // "30/4/1975 - 30/4/2026: …" is a range the title opens with.
    let range = |t: &str| find_date(t.trim_start()).is_some_and(|f| f.start == 0);
    match after.strip_prefix(['-', '–', '|']) {
        Some(t) if rest.starts_with(' ') && t.starts_with(' ') && !range(t) => t.trim_start(),
        _ => title,
    }
}

/// Absolute http(s) URL without fragment, or None for script/mail/anchors.
pub fn resolve(href: &str, base: &Url) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:") {
        return None;
    }
    let mut url = base.join(href).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::*;
    use scraper::Html;

    fn related(html: &str) -> Vec<(String, String)> {
        let base = Url::parse("https://tinh.example.vn/tin/bai-1.html").unwrap();
        let page = flatten(&Html::parse_document(html));
        find(&page, &base)
            .links
            .into_iter()
            .map(|l| (l.title, l.url))
            .collect()
    }

    #[test]
    fn heading_then_list_until_prose() {
        let html = "<div><b>Tin liên quan:</b><ul>\
            <li><a href='bai-2.html'>Mở lớp học bơi cho trẻ</a> (12/06/2024)</li>\
            <li><a href='/tin/bai-3.html#top'>Sửa đường liên xã</a></li>\
            <li><a href='javascript:void(0)'>In</a></li>\
            <li><a href='bai-2.html'>Mở lớp học bơi cho trẻ</a></li></ul>\
            <p>Một đoạn văn dài không phải là danh sách liên kết của trang web này.</p>\
            <a href='/khac'>Không lấy</a></div>";
        let r = related(html);
        assert_eq!(
            r,
            [
                (
                    "Mở lớp học bơi cho trẻ".into(),
                    "https://tinh.example.vn/tin/bai-2.html".into()
                ),
                (
                    "Sửa đường liên xã".into(),
                    "https://tinh.example.vn/tin/bai-3.html".into()
                ),
            ]
        );
    }

    #[test]
    fn read_more_link_is_not_a_heading() {
        let html = "<p><a href='/a'>Xem thêm</a></p><p><a href='/b'>Bài B</a></p>";
        assert!(related(html).is_empty());
    }

    #[test]
    fn stops_at_next_box_heading() {
        let html = "<h3>Các tin khác</h3><p><a href=/x>Tin X</a></p><h3>Tin xem nhiều</h3><p><a href=/y>Tin Y</a></p>";
        assert_eq!(related(html).len(), 1);
    }

    fn titles(html: &str) -> Vec<String> {
        related(html).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn a_teaser_grid_keeps_every_title_and_no_more_link() {
        // Newspapers print each related story as a linked title over a
        // one-line summary; old portals end the list with "Xem tiếp »".
        let html = "<section><h3>Xem thêm</h3>\
            <div><h4><a href='/a'>Khởi công kè bờ suối</a></h4><p>Công trình dài 1,8 km bảo vệ hơn 300 hộ dân ven suối.</p></div>\
            <div><h4><a href='/b'>Hỗ trợ cải tạo nhà ở vùng cao</a></h4><p>Mỗi hộ được hỗ trợ từ 40 đến 60 triệu đồng.</p></div>\
            <div><h4><a href='/c'>Vào vụ bóc vỏ quế</a></h4><p>Giá quế đầu vụ ổn định.</p></div>\
            <p><a href='/tin-tuc'>Xem tiếp »</a></p></section>\
            <p>Bản quyền thuộc về tòa soạn, ghi rõ nguồn khi phát hành lại thông tin.</p>";
        assert_eq!(
            titles(html),
            [
                "Khởi công kè bờ suối",
                "Hỗ trợ cải tạo nhà ở vùng cao",
                "Vào vụ bóc vỏ quế"
            ]
        );
    }

    #[test]
    fn a_summary_after_the_last_item_is_not_taken() {
        // Prose after the list's last link is the page going on.
        let html = "<div><b>Tin liên quan:</b><p><a href='/a'>Mở lớp học bơi</a></p>\
            <p>Một đoạn văn tiếp theo của bài, không thuộc danh sách.</p></div>";
        let page = flatten(&Html::parse_document(html));
        let base = Url::parse("https://tinh.example.vn/").unwrap();
        let r = find(&page, &base);
        assert_eq!(r.links.len(), 1);
        assert!(r
            .blocks
            .iter()
            .all(|&i| !page.blocks[i].text.contains("đoạn văn")));
    }

    #[test]
    fn a_read_more_line_inside_the_story_is_a_related_item() {
        let html = "<div><p>Đoạn mở đầu của bài viết về giao thông nông thôn miền núi.</p>\
            <div class='box'><span>Đọc thêm</span> <a href='/giai-ngan'><img src='t.jpg'><span>Đẩy nhanh giải ngân vốn đầu tư công</span></a></div>\
            <p>Xem thêm tại <a href='/trang'>trang của tỉnh</a> để biết chi tiết.</p></div>";
        assert_eq!(titles(html), ["Đẩy nhanh giải ngân vốn đầu tư công"]);
    }

    #[test]
    fn a_thumbnail_overlay_is_not_the_title() {
        let html =
            "<div><p>Bài viết đủ dài để là nội dung chính của trang, có nhiều chữ và dấu câu.</p>\
            <div><h2>Xem thêm</h2>\
            <div><a href='/v1'><img src='a.jpg'><span>▶</span><span>02:35</span></a>\
            <h3><a href='/v1'>Chợ hoa xuân khai mạc ngày 8/2</a></h3></div>\
            <div><a href='/v2'><img src='b.jpg'><span>▶</span><span>03:10</span></a>\
            <h3><a href='/v2'>Nông dân xuống giống hoa cúc</a></h3></div></div></div>";
        assert_eq!(
            titles(html),
            [
                "Chợ hoa xuân khai mạc ngày 8/2",
                "Nông dân xuống giống hoa cúc"
            ]
        );
    }

    #[test]
    fn a_box_classed_as_same_section_is_related_whatever_its_heading() {
        let html = "<p>Bài viết về du lịch của tỉnh trong quý I năm nay.</p>\
            <section class=same-category><h3><a href=/du-lich>Du lịch</a></h3>\
            <div><a href=/a1>Chợ đêm phố cổ mở cửa trở lại</a></div>\
            <div><a href=/a2>Làng gốm đón đoàn khách đầu tiên</a></div></section>\
            <div class=menu><h3>Du lịch</h3><div><a href=/x>Trang chủ</a></div></div>";
        assert_eq!(
            titles(html),
            [
                "Chợ đêm phố cổ mở cửa trở lại",
                "Làng gốm đón đoàn khách đầu tiên"
            ]
        );
    }

    #[test]
    fn an_article_card_inside_the_story_is_related_and_leaves_the_body() {
        let para = "<p>Công trình tưới tiết kiệm giúp nông dân giảm một nửa lượng nước.</p>";
        let html = format!(
            "{para}<div class=embed-article><a href=/a><img src=t.jpg></a><div>\
             <a href=/hoa-son>Xã Hòa Sơn tái canh 250 ha cà phê già cỗi</a>\
             <p>Sau ba năm tái canh, nhiều hộ đã có nguồn thu ổn định.</p></div></div>{para}\
             <div class=related><a href=/login>Forgot your password?</a></div>"
        );
        let page = flatten(&Html::parse_document(&html));
        let found = find(&page, &Url::parse("https://p.vn/").unwrap());
        let titles: Vec<&str> = found.links.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(titles, ["Xã Hòa Sơn tái canh 250 ha cà phê già cỗi"]);
        let gone: Vec<&str> = found
            .blocks
            .iter()
            .map(|&b| page.blocks[b].text.as_str())
            .collect();
        assert_eq!(
            gone,
            [
                "Xã Hòa Sơn tái canh 250 ha cà phê già cỗi",
                "Sau ba năm tái canh, nhiều hộ đã có nguồn thu ổn định."
            ]
        );
    }

    #[test]
    fn a_date_printed_before_a_title_is_not_part_of_it() {
        assert_eq!(
            without_leading_date("2026-04-02 - Quỳnh Lam thả giống thủy sản"),
            "Quỳnh Lam thả giống thủy sản"
        );
        assert_eq!(
            without_leading_date("30/4/1975 - 30/4/2026: 51 năm thống nhất"),
            "30/4/1975 - 30/4/2026: 51 năm thống nhất"
        );
        assert_eq!(
            without_leading_date("30/4: ngày hội non sông"),
            "30/4: ngày hội non sông"
        );
    }
}
