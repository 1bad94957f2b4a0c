//! React's streaming render, read the way a browser shows it.
//!
//! A server that streams a React page sends the slow parts (often the whole
//! article) last, each in `<div hidden id="S:N">`, and leaves a placeholder
//! `<template id="B:N">` or `<template id="P:N">` where the part belongs;
//! a script then moves each part into place. Without scripts the text is in
//! hidden divs at the end of the page, far from its title. The walker reads
//! each part at its placeholder when the page has one with the same number
//! (the script that pairs them may be missing from a saved page), and in
//! place otherwise.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

#[derive(Default)]
pub struct Segments {
    /// Segments not yet read, by number, that have a placeholder.
    waiting: HashMap<String, NodeId>,
    /// Every segment that has a placeholder: skipped where it stands.
    placed: HashSet<NodeId>,
}

impl Segments {
    pub fn find(doc: &Html) -> Segments {
        let mut parts = HashMap::new();
        let mut holders = HashSet::new();
        for node in doc.tree.nodes() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let e = el.value();
            if let Some(n) = e.id().and_then(segment_number) {
                if e.attr("hidden").is_some() {
                    parts.insert(n.to_string(), node.id());
                }
            } else if e.name() == "template" {
                if let Some(n) = e.id().and_then(placeholder_number) {
                    holders.insert(n.to_string());
                }
            }
        }
        parts.retain(|n, _| holders.contains(n));
        Segments {
            placed: parts.values().copied().collect(),
            waiting: parts,
        }
    }

    /// The segment whose place `el` holds, once.
    pub fn take_for(&mut self, el: ElementRef) -> Option<NodeId> {
        if self.waiting.is_empty() || el.value().name() != "template" {
            return None;
        }
        let n = el.value().id().and_then(placeholder_number)?;
        self.waiting.remove(n)
    }

    /// True for a segment read at its placeholder instead.
    pub fn is_placed(&self, id: NodeId) -> bool {
        !self.placed.is_empty() && self.placed.contains(&id)
    }
}

/// True for `id="S:N"`: hidden only until a script shows it.
pub fn is_segment_id(id: Option<&str>) -> bool {
    id.and_then(segment_number).is_some()
}

fn segment_number(id: &str) -> Option<&str> {
    digits(id.strip_prefix("S:")?)
}

fn placeholder_number(id: &str) -> Option<&str> {
    digits(id.strip_prefix("B:").or_else(|| id.strip_prefix("P:"))?)
}

fn digits(n: &str) -> Option<&str> {
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(n)
}
