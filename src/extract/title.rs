//! Choosing the article title.
//!
//! A visible heading is best when it agrees with what the page says about
//! itself (`og:title`, JSON-LD `headline`, `<title>` minus the site name):
//! then we also know which block to drop from the body. Among agreeing
//! headings the one closest to the body wins (listing boxes repeat titles).
//! Otherwise explicit metadata beats guessing, and an `<h1>` near the body
//! beats a `<title>` whose site suffix we could only guess.

use super::banner;
use super::blocks::{Page, TITLE};
use super::head::Head;
use super::kicker;
use super::norm::fold;
use super::parts::{
    after_kicker, agreement, before_suffix, has_parts, strip_site_name, without_date_prefix,
};

/// The title and, when it is a visible block, that block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Title {
    pub text: Option<String>,
    pub block: Option<usize>,
}

/// The title, without a kicker printed before it in the same heading
/// ("Olympia 2024 Getränke per Schiff …" when the metadata says only
/// "Getränke per Schiff …").
pub fn choose(page: &Page, head: &Head, body_start: usize, skip: &[bool]) -> Title {
    let mut t = choose_raw(page, head, body_start, skip);
    if let Some(i) = t.block {
        if let Some(h) = kicker::headline(&head.kickers, &page.blocks[i].text) {
            t.text = Some(h.to_string());
        }
        let metas = [head.og_title.as_deref(), head.ld_headline.as_deref()];
        if let Some(tail) = (t.text.as_deref()).and_then(|x| after_kicker(x, &metas)) {
            t.text = Some(tail);
        }
        if let Some(m) = (t.text.as_deref()).and_then(|x| before_suffix(x, &metas)) {
            t.text = Some(m);
        }
        if let Some(rest) = t.text.as_deref().and_then(without_date_prefix) {
            t.text = Some(rest.to_string());
        }
    }
    t
}

fn choose_raw(page: &Page, head: &Head, body_start: usize, skip: &[bool]) -> Title {
    let stripped = head
        .title_tag
        .as_deref()
        .map(|t| strip_site_name(t, head.site_name.as_deref()));
    let refs: Vec<String> = [
        head.og_title.as_deref(),
        head.ld_headline.as_deref(),
        head.title_tag.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(stripped.as_deref())
    .map(fold)
    .collect();
    let cands = candidates(page, skip);
    let dist = |i: &usize| i.abs_diff(body_start);
    // In "Title - Site" both the title and the site's logo line agree:
    // the site name is the last choice. A heading equal to a whole
    // reference beats one equal to a part of it (a section name), an
    // outer part beats a middle one.
    let site = head.site_name.as_deref().map(fold);
    let agreeing = cands.iter().copied().filter_map(|i| {
        let text = &page.blocks[i].text;
        let h = fold(text);
        let is_site = site.as_ref() == Some(&h);
        // A kicker printed in the heading is not in the metadata.
        let hl = kicker::headline(&head.kickers, text).map(fold);
        let rank = agreement(&h, &refs);
        let rank = rank
            .into_iter()
            .chain(hl.and_then(|x| agreement(&x, &refs)))
            .min();
        rank.map(|r| (is_site, r, dist(&i), i))
    });
    if let Some((.., i)) = agreeing.min() {
        return visible(page, i);
    }
    // A linked heading (a blog's permalink title) only counts when it
    // agrees; otherwise it is more likely another article's link.
    let cands: Vec<usize> = cands
        .into_iter()
        .filter(|&i| !page.blocks[i].is_linky())
        .collect();
    let mut h1s = cands
        .iter()
        .copied()
        .filter(|&i| page.blocks[i].heading == 1);
    // The page's only `<h1>`, in the article's part of the page, is what
    // readers see as the title; `og:title` is often a rewording written for social sharing.
    if let (Some(i), None) = (h1s.next(), h1s.next()) {
        if within(i, body_start, SOLE_H1_BEFORE, SOLE_H1_AFTER) {
            return visible(page, i);
        }
    }
    if let Some(t) = meta_title(head) {
        return Title {
            text: Some(t),
            block: None,
        };
    }
    fallback(page, &cands, head, stripped, body_start)
}

/// `og:title` or the JSON-LD headline, without a site name when we can
/// tell it (or when it merely repeats the `<title>`).
fn meta_title(head: &Head) -> Option<String> {
    let (og, ld) = (head.og_title.as_deref(), head.ld_headline.as_deref());
    // "Title | Site" or "Kicker - Title" for sharing, "Title" in JSON-LD:
    // the part both give is the title.
    let ld_is_part = ld
        .zip(og)
        .is_some_and(|(l, o)| agreement(&fold(l), &[fold(o)]).is_some_and(|r| r > 0));
    if ld_is_part {
        return ld.map(str::to_string);
    }
    let t = og.or(ld)?;
    let site = head.site_name.as_deref();
    Some(if site.is_some() || head.title_tag.as_deref() == Some(t) {
        strip_site_name(t, site)
    } else {
        t.to_string()
    })
}

/// Without metadata: an `<h1>` near the body, the stripped `<title>`, or
/// any heading near the body. When the `<title>` is made of parts ("Site -
/// Section") or the page has a template's banner, its article part is only
/// a guess: a heading (or a line classed as a title) that opens the text is
/// then the better title.
fn fallback(
    page: &Page,
    cands: &[usize],
    head: &Head,
    stripped: Option<String>,
    body_start: usize,
) -> Title {
    let dist = |i: &usize| i.abs_diff(body_start);
    let near = |i: &usize| near_body(*i, body_start);
    let h1 = cands
        .iter()
        .copied()
        .filter(|i| page.blocks[*i].heading == 1 && near(i));
    if let Some(i) = h1.min_by_key(dist) {
        return visible(page, i);
    }
    let opening = cands
        .iter()
        .copied()
        .find(|&i| (body_start..=body_start + 1).contains(&i));
    // Under a template's banner ("Chi tiết tin tức") the `<title>` is
    // often the site's name on every page: the opening heading is the title.
    let guess = head.title_tag.as_deref().is_some_and(has_parts) || has_banner(page);
    if let Some(i) = opening.filter(|_| guess) {
        return visible(page, i);
    }
    if let Some(t) = stripped.filter(|t| !t.is_empty()) {
        return Title {
            text: Some(t),
            block: None,
        };
    }
    match cands.iter().copied().filter(near).min_by_key(dist) {
        Some(i) => visible(page, i),
        None => Title::default(),
    }
}

fn has_banner(page: &Page) -> bool {
    (page.blocks.iter()).any(|b| b.heading > 0 && banner::is_page_banner(&b.text))
}

/// How far from the text's start the page's only `<h1>` may be: a long
/// header (menus, an author box) may stand between them, or the chosen
/// container may start above it.
const SOLE_H1_BEFORE: usize = 40;
const SOLE_H1_AFTER: usize = 20;

/// A heading up to 20 blocks above the text, or a few blocks inside the
/// chosen container: the container often starts with a header block
/// (labels, share buttons) above the `<h1>`.
fn near_body(i: usize, body_start: usize) -> bool {
    within(i, body_start, 20, 10)
}

fn within(i: usize, body_start: usize, before: usize, after: usize) -> bool {
    i + before >= body_start && i <= body_start + after
}

fn visible(page: &Page, i: usize) -> Title {
    Title {
        text: Some(page.blocks[i].text.clone()),
        block: Some(i),
    }
}

/// Headings (h1–h3) and "title"-classed lines that could be a title; a
/// template's banner ("Chi tiết tin tức") is none.
fn candidates(page: &Page, skip: &[bool]) -> Vec<usize> {
    let ok = |i: usize| {
        let b = &page.blocks[i];
        let shaped = (1..=3).contains(&b.heading) || b.hints & TITLE != 0;
        let len = b.text.chars().count();
        shaped
            && (5..=300).contains(&len)
            && !b.tag_boiler
            && !skip[i]
            && !banner::is_page_banner(&b.text)
    };
    (0..page.blocks.len()).filter(|&i| ok(i)).collect()
}

#[cfg(test)]
#[path = "title_tests.rs"]
mod tests;
