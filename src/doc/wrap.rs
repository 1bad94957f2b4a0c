//! Greedy word wrapping of styled runs by display width (NFC or NFD text alike: combining marks
//! have width 0), with hanging indents for list items, tables, and numbered links.

use super::{Block, Doc, DocLine, Role, Run};
use unicode_width::UnicodeWidthStr;

pub struct Writer {
    width: usize,
    lines: Vec<DocLine>,
    links: Vec<String>,
}

/// A word and its role; `glue` is false when it continues the previous word without a space.
struct Word {
    text: String,
    role: Role,
    glue: bool,
}

impl Writer {
    pub fn new(width: usize) -> Writer {
        Writer {
            width,
            lines: Vec::new(),
            links: Vec::new(),
        }
    }

    pub fn blank(&mut self) {
        self.lines.push(Vec::new());
    }

    pub fn finish(self, width: u16) -> Doc {
        Doc {
            width,
            lines: self.lines,
            links: self.links,
        }
    }

    pub fn block(&mut self, block: &Block) {
        match block {
            Block::Lead(t) => self.text(t, Role::Lead, "", ""),
            Block::Paragraph(t) => self.text(t, Role::Body, "", ""),
            Block::Heading(t) => self.text(t, Role::Heading, "", ""),
            Block::Caption(t) => self.text(t, Role::Caption, "", ""),
            Block::Signature(t) => self.text(t, Role::Signature, "", ""),
            Block::List(items) => {
                for item in items {
                    self.text(item, Role::Body, "• ", "  ");
                }
            }
            Block::Table(rows) => self.table(rows),
            Block::Linked(text, spans) => self.linked(text, spans),
            Block::Links(links) => {
                for (text, url) in links {
                    let n = self.link(url);
                    let words = vec![
                        word(text, Role::Link, false),
                        word(&format!("[{n}]"), Role::LinkMark, false),
                    ];
                    self.words(words, "• ", "  ");
                }
            }
        }
    }

    /// Wraps prose; URLs in it get a number and a mark after them.
    fn text(&mut self, text: &str, role: Role, first: &str, rest: &str) {
        let mut words = Vec::new();
        for w in text.split_whitespace() {
            if w.starts_with("http://") || w.starts_with("https://") {
                let url = w.trim_end_matches(['.', ',', ';', ')']);
                let n = self.link(url);
                words.push(word(w, Role::Link, false));
                words.push(word(&format!("[{n}]"), Role::LinkMark, true));
            } else {
                words.push(word(w, role, false));
            }
        }
        self.words(words, first, rest);
    }

    /// Prose with linked spans: the words of a span are styled as a link and its number
    /// follows the span's last word, glued to it.
    fn linked(&mut self, text: &str, spans: &[(std::ops::Range<usize>, String)]) {
        let mut words = Vec::new();
        let mut numbers: Vec<Option<usize>> = vec![None; spans.len()];
        for (start, w) in word_offsets(text) {
            let end = start + w.len();
            let inside = spans
                .iter()
                .position(|(r, _)| start < r.end && end > r.start);
            let Some(i) = inside else {
                words.push(word(w, Role::Body, false));
                continue;
            };
            words.push(word(w, Role::Link, false));
            let last_word_of_span = word_offsets(&text[end..])
                .next()
                .is_none_or(|(next, _)| end + next >= spans[i].0.end);
            if last_word_of_span && numbers[i].is_none() {
                let n = self.link(&spans[i].1);
                numbers[i] = Some(n);
                words.push(word(&format!("[{n}]"), Role::LinkMark, true));
            }
        }
        self.words(words, "", "");
    }

    fn link(&mut self, url: &str) -> usize {
        self.links.push(url.to_string());
        self.links.len()
    }

    fn table(&mut self, rows: &[Vec<String>]) {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                rows.iter()
                    .filter_map(|r| r.get(c))
                    .map(|t| t.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let total = widths.iter().sum::<usize>() + 3 * columns.saturating_sub(1);
        for (i, row) in rows.iter().enumerate() {
            if total <= self.width {
                let cells: Vec<String> = row
                    .iter()
                    .zip(&widths)
                    .map(|(t, w)| format!("{t}{}", " ".repeat(w - t.width())))
                    .collect();
                let line = cells.join(" │ ").trim_end().to_string();
                self.lines.push(vec![run(line, Role::Table)]);
            } else {
                // Too wide to align: each row as a wrapped line, cells separated.
                self.text(&row.join(" │ "), Role::Table, "", "  ");
            }
            if i == 0 && rows.len() > 1 {
                self.lines
                    .push(vec![run("─".repeat(total.min(self.width)), Role::Table)]);
            }
        }
    }

    /// Greedy fill; a word wider than a whole line is cut by characters.
    fn words(&mut self, words: Vec<Word>, first: &str, rest: &str) {
        // No room for an indent: text first.
        let (first, rest) = if first.width() + 1 >= self.width {
            ("", "")
        } else {
            (first, rest)
        };
        let mut cur = Current::new(first);
        for w in words {
            let space = !cur.empty && !w.glue;
            if !cur.empty && cur.used + usize::from(space) + w.text.width() > self.width {
                self.push(cur.replace(rest));
            } else if space {
                cur.add(" ", w.role);
            }
            let mut text = w.text.as_str();
            loop {
                if cur.used + text.width() <= self.width {
                    cur.add(text, w.role);
                    break;
                }
                let room = self.width.saturating_sub(cur.used).max(1);
                let (head, tail) = split_at_width(text, room);
                cur.add(head, w.role);
                if tail.is_empty() {
                    break;
                }
                self.push(cur.replace(rest));
                text = tail;
            }
        }
        self.push(cur.runs);
    }

    fn push(&mut self, line: DocLine) {
        self.lines
            .push(line.into_iter().filter(|r| !r.text.is_empty()).collect());
    }
}

/// The line being filled.
struct Current {
    runs: DocLine,
    used: usize,
    empty: bool,
}

impl Current {
    fn new(indent: &str) -> Current {
        Current {
            runs: vec![run(indent.to_string(), Role::Bullet)],
            used: indent.width(),
            empty: true,
        }
    }

    fn replace(&mut self, indent: &str) -> DocLine {
        std::mem::replace(self, Current::new(indent)).runs
    }

    fn add(&mut self, text: &str, role: Role) {
        if text.is_empty() {
            return;
        }
        append(&mut self.runs, text, role);
        self.used += text.width();
        self.empty = false;
    }
}

/// The words of `text` with their byte offsets.
fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

fn word(text: &str, role: Role, glue: bool) -> Word {
    Word {
        text: text.to_string(),
        role,
        glue,
    }
}

fn run(text: String, role: Role) -> Run {
    Run { text, role }
}

/// Appends to the last run when the role is the same, so lines stay a few runs long.
fn append(line: &mut DocLine, text: &str, role: Role) {
    match line.last_mut() {
        Some(last) if last.role == role => last.text.push_str(text),
        _ => line.push(run(text.to_string(), role)),
    }
}

/// The longest prefix of `text` at most `width` columns wide (at least one character, so
/// cutting always progresses), and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && i > 0 {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}
