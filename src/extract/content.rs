//! Finding the article's container and reading its paragraphs.
//!
//! Like Readability, but simpler: every block gets a weight (prose is
//! positive and grows with punctuation; link lists, menus and footers are
//! negative; short plain lines such as captions and signatures count a
//! little), and the container is the element whose blocks weigh the most.
//! Because block ranges nest, this is a maximum-subtree sum, so a wrapper
//! wins over the text div only when what it adds (a bold lead, captions, a
//! signature) outweighs what it drags in (menus, sidebars).

use super::blocks::{Block, Page, Tag, CAPTION, LEAD};
use super::credits;
use super::dates::find_date;
use super::norm::{fold, is_box_heading, is_furniture, is_ui_label};
use super::{boxes, contacts, cta, notices, orphans, preamble, repeats, roundup};

/// Prose needs this many non-link chars to count as a paragraph.
const PROSE_MIN: usize = 25;

/// Hints are trusted while the best hinted container keeps at least
/// 1/HINT_TRUST of the weight found without them.
const HINT_TRUST: f64 = 5.0;

/// Which class/id evidence the container choice believed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trust {
    /// Furniture hints (menu, sidebar, share …).
    pub hints: bool,
    /// Comment sections: trusted even when the other hints are not,
    /// because comments are prose that often outweighs the article.
    pub comments: bool,
    /// `<nav>`, `<aside>`, `<footer>` and a page-level `<header>`.
    pub tags: bool,
}

/// The chosen container and the hints that were trusted.
#[derive(Debug, Clone, Copy)]
pub struct Pick {
    pub elem: usize,
    pub trust: Trust,
}

/// Blocks that are site furniture: footer lines, counters, and whole boxes
/// headed "Tin mới nhất", "Thăm dò ý kiến", ….
pub fn furniture(page: &Page) -> Vec<bool> {
    let mut out = vec![false; page.blocks.len()];
    for (i, b) in page.blocks.iter().enumerate() {
        let f = fold(&b.text);
        if is_furniture(&f) || credits::is_credit(&f, &b.text) {
            out[i] = true;
        } else if is_box_heading(&f) {
            let end = box_end(page, i, BOX_PROSE, usize::MAX);
            out[i..end].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

/// Prose a box under a site heading may hold ("Tin mới nhất").
const BOX_PROSE: usize = 300;

/// End of the largest element that starts with heading `i` and holds
/// little prose (so a box heading never swallows the article): at most
/// `prose` chars, none in a paragraph longer than `para`.
pub fn box_end(page: &Page, i: usize, prose: usize, para: usize) -> usize {
    let mut end = i + 1;
    for e in page.ancestors(page.blocks[i].elem) {
        let el = &page.elems[e];
        // The block cap keeps a hostile page from making this quadratic.
        if el.start != i || el.end - el.start > 400 {
            break;
        }
        let blocks = &page.blocks[el.start..el.end];
        let paras = blocks.iter().filter(|b| is_prose(b));
        let (count, long) = paras.fold((0, false), |(n, l), b| (n + 1, l || b.chars > para));
        // A teaser's summary comes with a link (its title, "read more").
        let links = blocks.iter().filter(|b| b.is_linky()).count();
        let unlinked = para != usize::MAX && count > links;
        if long || unlinked || prose_chars(page, el.start, el.end) > prose {
            break;
        }
        end = end.max(el.end);
    }
    end
}

pub fn prose_chars(page: &Page, start: usize, end: usize) -> usize {
    page.blocks[start..end]
        .iter()
        .filter(|b| is_prose(b))
        .map(|b| b.chars)
        .sum()
}

/// A paragraph of running text, not a list of links.
pub fn is_prose(b: &Block) -> bool {
    b.chars - b.link_chars >= PROSE_MIN && b.link_density() < 0.35 && b.heading == 0
}

/// Chooses the container; trusts class/id hints unless they hide everything.
pub fn choose(page: &Page, skip: &[bool], furn: &[bool]) -> Pick {
    // Each step trusts less, and is taken only when the one before finds
    // nothing positive: a comment word on a wrapper of the whole page hides the
    // article too, and some themes put the whole story in an `<aside>` or
    // a `<header>`: then the marks are wrong, not the story.
    let with = |comments, tags| choose_with(page, skip, furn, comments, tags);
    let positive = |(pick, score): (Pick, f64)| (score >= 50.0).then_some(pick);
    positive(with(true, true))
        .or_else(|| positive(with(false, true)))
        .unwrap_or_else(|| with(false, false).0)
}

fn choose_with(
    page: &Page,
    skip: &[bool],
    furn: &[bool],
    comments: bool,
    tags: bool,
) -> (Pick, f64) {
    let trust = |hints| Trust {
        hints,
        comments,
        tags,
    };
    let (elem, score) = best(page, skip, furn, trust(true));
    let (plain, plain_score) = best(page, skip, furn, trust(false));
    // Hints that hide most of the page's prose (a theme class such as
    // "penci_sidebar" on the article's wrapper) are wrong, not the prose.
    if score >= 50.0 && score * HINT_TRUST >= plain_score {
        let pick = Pick {
            elem,
            trust: trust(true),
        };
        return (pick, score);
    }
    let pick = Pick {
        elem: plain,
        trust: trust(false),
    };
    (pick, plain_score)
}

fn best(page: &Page, skip: &[bool], furn: &[bool], trust: Trust) -> (usize, f64) {
    let mut score = vec![0.0f64; page.elems.len()];
    for (i, b) in page.blocks.iter().enumerate() {
        let w = weight(b, skip[i], furn[i], trust);
        if w != 0.0 {
            page.ancestors(b.elem).for_each(|e| score[e] += w);
        }
    }
    // Highest score; on a tie the deeper (tighter) element.
    let key = |e: usize| (score[e], page.elems[e].depth);
    let elem = (0..score.len())
        .max_by(|&a, &b| {
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(0);
    let elem = first_of_many(page, &score, elem);
    (elem, score[elem])
}

/// When the winner holds several `<article>`s (an endless-scroll page,
/// a blog front page), the reader wants the first one that carries real
/// text, not all of them glued together.
fn first_of_many(page: &Page, score: &[f64], elem: usize) -> usize {
    // The arena is in document order, so descendants follow `elem` directly.
    let inside: Vec<usize> = (elem + 1..page.elems.len())
        .take_while(|&e| page.ancestors(e).any(|a| a == elem))
        .filter(|&e| page.elems[e].tag == Tag::Article)
        .collect();
    let Some(&first) = inside.iter().find(|&&e| score[e] >= score[elem] * 0.2) else {
        return elem;
    };
    let end = page.elems[first].end;
    let another = inside
        .iter()
        .any(|&e| page.elems[e].start >= end && score[e] >= score[elem] * 0.1);
    if another {
        first
    } else {
        elem
    }
}

fn weight(b: &Block, skip: bool, furn: bool, trust: Trust) -> f64 {
    let chars = b.chars as f64;
    // Comments weigh nothing rather than less: they often sit inside the
    // article's own wrapper, which must still win.
    if skip || (trust.comments && b.comment) {
        0.0
    } else if furn || is_boiler(b, trust) {
        // One for one: a share bar or an author box inside a short story's
        // wrapper must not push the choice down to a single paragraph.
        -chars
    } else if is_link_line(b) {
        // Links with words of their own ("Kiran Desai, <a>Audition</a>",
        // "NPR's <a>Books We Love</a> • …") are the story's references as
        // often as a teaser rail: they weigh nothing either way.
        if own_letters(b) >= OWN_LETTERS_MIN {
            0.0
        } else {
            -chars
        }
    } else if is_prose(b) || roundup::is_item(b) {
        let punct = b.text.chars().filter(|c| ",.;:!?…".contains(*c)).count();
        (b.chars - b.link_chars) as f64 + 5.0 * punct as f64
    } else if b.link_chars == 0 {
        3.0
    } else {
        0.0
    }
}

/// Letters a link line needs outside its links to weigh nothing.
const OWN_LETTERS_MIN: usize = 8;

/// Letters outside the block's links: an archive widget's "► 2019 (12)"
/// has none, a source list's "NPR's … • The New Yorker's …" has many.
fn own_letters(b: &Block) -> usize {
    (b.pieces.iter())
        .filter(|p| p.href.is_none())
        .map(|p| p.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum()
}

/// Mostly a link, and not a briefing item that goes on in its own words.
/// A link whose text is its address ("http://amzn.to/2iJFhRj") is printed
/// for the reader to see and copy, not a menu item or a teaser.
fn is_link_line(b: &Block) -> bool {
    b.is_linky() && !roundup::is_item(b) && !repeats::is_bare_url(&b.text)
}

pub fn is_boiler(b: &Block, trust: Trust) -> bool {
    (trust.tags && b.tag_boiler) || (trust.hints && b.hint_boiler) || (trust.comments && b.comment)
}

/// The container's blocks that a reader wants, in order.
pub fn assemble(page: &Page, pick: Pick, skip: &[bool], furn: &[bool]) -> Vec<usize> {
    let el = &page.elems[pick.elem];
    let first_prose = (el.start..el.end).find(|&i| {
        let b = &page.blocks[i];
        // A long written-out date ("Thứ Năm, ngày 4 tháng 3 năm 2021") is not prose.
        is_prose(b) && !skip[i] && !is_date_line(&b.text)
    });
    let boxes = boxes::inside(page, pick);
    let mut kept = Vec::new();
    for i in el.start..el.end {
        let b = &page.blocks[i];
        let link_line =
            is_link_line(b) && !roundup::is_linked_sentence(b) && !roundup::is_reference(b);
        if skip[i] || furn[i] || is_boiler(b, pick.trust) || link_line {
            continue;
        }
        if b.hint_boiler && boxes.contains(&b.hint_elem) {
            continue;
        }
        if is_ui_label(&fold(&b.text)) {
            continue;
        }
        // A bare date above the text is metadata, not article text.
        if first_prose.is_none_or(|p| i < p) && (is_date_line(&b.text) || is_meta_line(b)) {
            continue;
        }
        kept.push(i);
    }
    orphans::drop_orphans(page, &mut kept, el.end);
    repeats::drop_repeats(page, &mut kept);
    cta::drop_tail_calls(page, &mut kept);
    notices::drop_notices(page, &mut kept);
    cta::drop_pointer_headings(page, &mut kept);
    contacts::drop_contact_cards(page, &mut kept);
    preamble::drop_preamble(page, &mut kept);
    preamble::drop_counters(page, &mut kept);
    kept
}

/// Lines this short above the story that carry a date or a reading time
/// are its byline and stamps ("Publiziert: 3. Mai 2021 | Politik").
const META_MAX: usize = 60;

/// Reading-time labels (folded).
const READING_TIME: &[&str] = &[
    "min read",
    "minute read",
    "minutes read",
    "phut doc",
    "lesezeit",
    "minut czytania",
    "de lectura",
];

fn is_meta_line(b: &Block) -> bool {
    if b.chars > META_MAX || b.heading > 0 {
        return false;
    }
    let folded = fold(&b.text);
    find_date(&b.text).is_some() || READING_TIME.iter().any(|r| folded.contains(r))
}

/// A short line that is (almost) only a date.
pub fn is_date_line(text: &str) -> bool {
    let n = text.chars().count();
    n <= 70 && find_date(text).is_some_and(|f| (f.end - f.start) * 10 >= n * 5)
}

/// Chars (without spaces) of a lead-classed heading that is a paragraph.
const LEAD_HEADING_MIN: usize = 80;

/// The lead: a bold or "sapo"-classed paragraph opening the text, either
/// the first kept blocks or just before the container (after the title).
pub fn lead(page: &Page, kept: &[usize], pick: Pick, after: Option<usize>) -> Option<usize> {
    let is_lead = |i: usize| {
        let b = &page.blocks[i];
        let plain = b.chars - b.link_chars >= 30 && !b.after_img && b.hints & CAPTION == 0;
        // Some newspapers set the sapo in an <h2 class="…sapo">: a whole
        // paragraph, not a heading.
        let sapo_heading = b.hints & LEAD != 0 && b.chars >= LEAD_HEADING_MIN;
        plain && (b.heading == 0 || sapo_heading) && (b.is_bold() || b.hints & LEAD != 0)
    };
    for &i in kept.iter().take(3) {
        if is_lead(i) {
            return Some(i);
        }
        // A photo's caption may open the story before its sapo.
        let b = &page.blocks[i];
        if is_prose(b) && b.hints & CAPTION == 0 && !b.after_img {
            break;
        }
    }
    let start = page.elems[pick.elem].start;
    let from = after
        .map_or(start.saturating_sub(10), |t| t + 1)
        .max(start.saturating_sub(10));
    (from..start)
        .rev()
        .find(|&i| is_lead(i) && !is_boiler(&page.blocks[i], pick.trust))
}

/// The body texts of a test page: container choice and assembly only.
#[cfg(test)]
pub fn body_texts(html: &str) -> Vec<String> {
    let page = super::blocks::flatten(&scraper::Html::parse_document(html));
    let mut skip = vec![false; page.blocks.len()];
    super::teaser::rails(&page)
        .into_iter()
        .for_each(|i| skip[i] = true);
    let furn = furniture(&page);
    let pick = choose(&page, &skip, &furn);
    assemble(&page, pick, &skip, &furn)
        .into_iter()
        .map(|i| page.blocks[i].text.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::body_texts as body;

    const PARA: &str =
        "Người dân trong xã đã góp công, góp của để làm con đường mới, rộng và sạch.";

    #[test]
    fn container_beats_menu_and_sidebar() {
        let html = format!(
            "<div><ul><li><a href=/a>Giới thiệu</a></li><li><a href=/b>Tin tức chung</a></li></ul></div>\
             <div id=c><p>{PARA}</p><p>{PARA}</p><p>Minh Anh</p></div>\
             <div><div>Tin mới nhất</div><p>Một đoạn tóm tắt rất dài của bài khác, không thuộc bài này.</p></div>"
        );
        assert_eq!(body(&html), [PARA, PARA, "Minh Anh"]);
    }

    #[test]
    fn footer_lines_are_furniture() {
        let html = format!("<div><p>{PARA}</p><p>Địa chỉ: 1 đường Lớn</p><p>Ghi rõ nguồn khi phát hành lại</p></div>");
        assert_eq!(body(&html), [PARA]);
    }

    #[test]
    fn date_lines_before_text_are_dropped() {
        let html = format!("<div><p>12/12/2022 07:30</p><p>{PARA}</p><p>Ngày 12/12/2022</p></div>");
        assert_eq!(body(&html), [PARA, "Ngày 12/12/2022"]);
        // A weekday before it and a time after "at" are the same stamp.
        let html = format!("<div><p>Monday, 22 January 2018 at 0:13</p><p>{PARA}</p></div>");
        assert_eq!(body(&html), [PARA]);
    }

    #[test]
    fn a_sidebar_of_counted_links_does_not_join_the_story() {
        // Links whose own text is only counts and dates ("(1.234) [12/04/2020]")
        // are a widget's, however long that text is.
        let counted: String = (1..=30)
            .map(|i| format!("<li><a href=/t{i}>Lễ hội làng truyền thống của xã số {i}</a> (1.234) [12/04/2020]</li>"))
            .collect();
        let popular = "Bài được đọc nhiều: hội thi nấu cơm niêu của các chi hội phụ nữ trong xã, \
            thu hút đông đảo bà con đến cổ vũ.";
        let html = format!(
            "<div><div class=post><p>{PARA}</p><p>{PARA}</p></div>\
             <div><ul>{counted}</ul><p>{popular}</p><p>{popular}</p></div></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn comments_are_left_out_even_when_they_outweigh_the_article() {
        let reply =
            "Tôi đồng ý với tác giả, nhưng con đường ở xã tôi vẫn còn lầy lội, mong được sửa sớm.";
        let html = format!(
            "<div class=post><p>{PARA}</p><p>{PARA}</p>\
             <ol class=comment-list>{}</ol></div>",
            format!("<li class=comment><p>{reply}</p></li>").repeat(5)
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn a_comment_section_named_in_vietnamese_is_left_out() {
        let reply =
            "Tôi là tiểu thương ở chợ đã gần hai mươi năm, mong huyện hỗ trợ thêm cho hộ nhỏ.";
        let html = format!(
            "<div class=chitiet><p>{PARA}</p><p>{PARA}</p></div>\
             <div id=binhluan>{}</div>",
            format!("<div class=bl-item><p>{reply}</p></div>").repeat(6)
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn comment_state_class_on_the_wrapper_is_ignored() {
        let html = format!("<div class='post comments-open'><p>{PARA}</p><p>{PARA}</p></div>");
        assert_eq!(body(&html), [PARA, PARA]);
        let html = format!("<div id=comments-wrap><p>{PARA}</p><p>{PARA}</p></div>");
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn author_box_under_the_article_is_furniture() {
        let bio = "Lan Anh là phóng viên mảng nông nghiệp, đã viết về các vùng lúa hơn mười năm.";
        let html = format!(
            "<div class=post><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
             <div class=author-box><p>{bio}</p></div></div>"
        );
        assert_eq!(body(&html), [PARA; 4]);
    }

    #[test]
    fn stamps_above_the_story_are_dropped() {
        let html = format!(
            "<div><p>Cập nhật 08:15 ngày 3/5/2024 | Xã hội</p><p>5 phút đọc</p>\
             <p>{PARA}</p><p>Thứ Hai, 6/5/2024</p></div>"
        );
        assert_eq!(body(&html), [PARA, "Thứ Hai, 6/5/2024"]);
    }

    #[test]
    fn a_rail_under_a_related_heading_goes_but_not_the_story() {
        let sum = "Tóm tắt ngắn của một bài khác về chuyện đồng áng trong huyện.";
        let item = format!("<li><a href=/t>Một bài khác trên trang</a><p>{sum}</p></li>");
        let html = format!(
            "<div><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
             <div><h3>Có thể bạn quan tâm</h3><ul>{}</ul></div></div>",
            item.repeat(2)
        );
        assert_eq!(body(&html), [PARA; 3]);
        let html = format!("<div><b>Tin liên quan</b><p>{PARA}</p><p>{PARA}</p></div>");
        assert_eq!(body(&html), ["Tin liên quan", PARA, PARA]);
    }

    #[test]
    fn a_box_inside_a_short_story_does_not_split_it() {
        let bio = "Lan Anh là phóng viên mảng nông nghiệp, đã viết về các vùng lúa hơn mười năm.";
        let html = format!(
            "<div class=post><p>{PARA}</p><p>{PARA}</p>\
             <div class=author-box><p>{bio}</p></div></div>"
        );
        assert_eq!(body(&html), [PARA; 2]);
    }
}
