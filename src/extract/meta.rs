//! Visible meta lines: `Đăng ngày: … | Lượt xem: … | Tác giả`.
//!
//! A line is cut at `|` and at every known label; each labelled segment
//! fills its field. In a line that has a date or views label, an unlabelled
//! segment that is neither a date nor a number is the author (the last one
//! wins): portals print the author bare at the end. A date line without any
//! label (the page's "today" line at the top) is never taken here.

use chrono::{DateTime, FixedOffset};

use super::blocks::Page;
use super::dates::find_date;
use super::norm::{fold, is_ui_label, trim_decor};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Published,
    Updated,
    Views,
    Author,
    Source,
    /// A photo credit ("Ảnh:"): ends the author's name, but on its own does
    /// not make a line meta (a caption may start with it).
    Credit,
}

/// Folded labels; longer ones first so "ngay cap nhat" wins over "ngay".
const LABELS: &[(&str, Label)] = &[
    // Foreign sources: German, French, Spanish forms of the same labels.
    ("veroffentlicht am", Label::Published),
    ("aktualisiert am", Label::Updated),
    ("mis a jour le", Label::Updated),
    ("veroffentlicht", Label::Published),
    ("erschienen am", Label::Published),
    ("erstellt am", Label::Published),
    ("aktualisiert", Label::Updated),
    ("publicado el", Label::Published),
    ("actualizado", Label::Updated),
    ("publie le", Label::Published),
    ("publicado", Label::Published),
    ("ngay xuat ban", Label::Published),
    ("thoi gian dang", Label::Published),
    ("ngay cap nhat", Label::Updated),
    ("cap nhat luc", Label::Updated),
    ("last updated", Label::Updated),
    ("last modified", Label::Updated),
    ("last edited", Label::Updated),
    ("so luot xem", Label::Views),
    ("dang ngay", Label::Published),
    ("ngay dang", Label::Published),
    ("dang luc", Label::Published),
    ("published", Label::Published),
    ("posted on", Label::Published),
    ("cap nhat", Label::Updated),
    ("updated", Label::Updated),
    ("luot xem", Label::Views),
    ("luot doc", Label::Views),
    ("so lan doc", Label::Views),
    ("so lan xem", Label::Views),
    ("da xem", Label::Views),
    ("views", Label::Views),
    ("bai va anh", Label::Author),
    ("tac gia", Label::Author),
    ("phong vien", Label::Author),
    ("nguoi viet", Label::Author),
    ("but danh", Label::Author),
    ("authors", Label::Author),
    ("author", Label::Author),
    ("posted by", Label::Author),
    ("written by", Label::Author),
    ("escrito por", Label::Author),
    ("verfasser", Label::Author),
    ("autoren", Label::Author),
    ("autorin", Label::Author),
    ("autor", Label::Author),
    ("auteur", Label::Author),
    ("geschrieben von", Label::Author),
    ("verfasst von", Label::Author),
    ("erstellt von", Label::Author),
    ("text von", Label::Author),
    ("publie par", Label::Author),
    ("by", Label::Author),
    ("von", Label::Author),
    ("par", Label::Author),
    ("por", Label::Author),
    // "Bài: Thu Hằng - Ảnh: Minh Trí": the photographer is not the author.
    ("bai", Label::Author),
    ("anh", Label::Credit),
    ("nguon", Label::Source),
    ("source", Label::Source),
];

/// What the visible meta lines say, and which blocks they were.
#[derive(Debug, Default, Clone)]
pub struct Visible {
    pub published: Option<DateTime<FixedOffset>>,
    pub updated: Option<DateTime<FixedOffset>>,
    pub views: Option<u64>,
    pub author: Option<String>,
    pub lines: Vec<usize>,
}

impl Visible {
    /// Fills what `self` lacks from `other` (a source's meta selector
    /// first, then the generic scan).
    pub fn merge(&mut self, other: Visible) {
        set_once(&mut self.published, other.published);
        set_once(&mut self.updated, other.updated);
        set_once(&mut self.views, other.views);
        set_once(&mut self.author, other.author);
        self.lines.extend(other.lines);
    }
}

/// Scans short blocks for meta lines; the first value of each kind wins.
pub fn scan(page: &Page) -> Visible {
    let mut v = Visible::default();
    for (i, b) in page.blocks.iter().enumerate() {
        // A line that is one link is a menu item ("By Wine Region").
        if b.chars > 250 || b.heading == 1 || b.link_chars >= b.chars {
            continue;
        }
        if read_line(&b.text, &mut v) {
            v.lines.push(i);
        } else if is_bare_label(&b.text) {
            // "Tác giả:" or "Published:" in its own element, the value in
            // the next one: read the two as one line, but not marked as meta
            // lines: a byline outside the story weighs against the wrapper
            // around both, which the choice of the container relies on.
            if let Some(n) = page.blocks.get(i + 1).filter(|n| n.chars <= VALUE_MAX) {
                read_line(&format!("{} {}", b.text, n.text), &mut v);
            }
        }
    }
    v
}

/// A value on its own line (a name, a date) is at most this long.
const VALUE_MAX: usize = 60;

/// The whole line is one label ("Tác giả:", "Autor:", "(Re)Published:"),
/// a word of four letters or more: "By" alone is too short to be sure of.
fn is_bare_label(text: &str) -> bool {
    let f = fold(text);
    let bare = f.trim().trim_end_matches([':', '：']).trim_end();
    // "Auteur(s) :": the bracketed ending belongs to the label.
    let bare = match bare.strip_suffix(')').and_then(|b| b.rsplit_once('(')) {
        Some((word, ending)) if (1..=3).contains(&ending.len()) => word,
        _ => bare,
    };
    LABELS.iter().any(|&(w, l)| {
        let Some(before) = bare.strip_suffix(w) else {
            return false;
        };
        let kind = !matches!(l, Label::Source | Label::Credit);
        let cut = !before.ends_with(char::is_alphanumeric);
        kind && cut && w.len() > 3 && before.chars().count() <= 6
    })
}

/// Parses one line into `v`; true when a label in it yielded a value, so
/// a sentence that merely mentions "lượt xem" is not taken for a meta line.
pub fn read_line(text: &str, v: &mut Visible) -> bool {
    let segments = split(text);
    let mut found = false;
    let mut dated = false;
    let mut bare_author = None;
    for (k, (label, value, lead_in)) in segments.iter().enumerate() {
        let (ok, rest) = match label {
            Some(Label::Published) => take_date(value, &mut v.published),
            Some(Label::Updated) => take_date(value, &mut v.updated),
            // "5.812 lượt xem": the count may come before its label.
            Some(Label::Views) => match take_views(value, &mut v.views) {
                (false, _) if k > 0 => count_before(&segments[k - 1], &mut v.views),
                taken => taken,
            },
            Some(Label::Author) => {
                // "Author: X am 29.12.2010, 13:36": a dated byline gives both.
                let n = name(value).or_else(|| {
                    let (head, at) = dated_byline(value)?;
                    let n = name(&head)?;
                    set_once(&mut v.published, Some(at));
                    Some(n)
                });
                let ok = n.is_some();
                set_once(&mut v.author, n);
                (ok, String::new())
            }
            Some(Label::Source) => (true, String::new()),
            Some(Label::Credit) => (false, String::new()),
            None => (false, value.clone()),
        };
        found |= ok;
        dated |= ok
            && matches!(
                label,
                Some(Label::Published | Label::Updated | Label::Views)
            );
        // Text leading into a label ("Page last updated: …") is a name
        // only with a name's shape: two words or more.
        // Nor is a bare value with digits ("5 Comments", a time left over),
        // nor a portal's print link ("In").
        let named = (name(&rest))
            .filter(|n| !lead_in || n.split_whitespace().count() >= 2)
            .filter(|n| fold(n) != "in")
            .filter(|n| !n.chars().any(|c| c.is_ascii_digit()));
        if let Some(n) = named {
            bare_author = Some(n);
        }
    }
    if dated {
        set_once(&mut v.author, bare_author);
    }
    found
}

fn set_once<T>(slot: &mut Option<T>, val: Option<T>) {
    if slot.is_none() {
        *slot = val;
    }
}

/// Reads the date at the start of a value; returns what follows it.
fn take_date(value: &str, slot: &mut Option<DateTime<FixedOffset>>) -> (bool, String) {
    match find_date(value) {
        Some(f) if f.start <= 24 => {
            set_once(slot, Some(f.at));
            let rest: String = value.chars().skip(f.end).collect();
            (true, without_clock_words(&rest).to_string())
        }
        _ => (false, String::new()),
    }
}

/// Folded words that end a time rather than start a name: "14:34 Uhr",
/// "08:11 CET", "10:15 giờ", "9.30 h (GMT+7)".
const CLOCK_WORDS: &[&str] = &[
    "uhr", "gio", "cet", "cest", "mez", "mesz", "gmt", "utc", "ict", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "bst", "jst", "et", "pt",
];

/// `rest` without the clock and time-zone words a date left behind.
fn without_clock_words(rest: &str) -> &str {
    let mut t = rest;
    loop {
        let trimmed = t.trim_start_matches(|c: char| c.is_whitespace() || "().,".contains(c));
        let word_end = trimmed
            .find(|c: char| c.is_whitespace() || "().,".contains(c))
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_end];
        // "GMT+7", "UTC+07:00": the zone's name before its offset.
        let name = word.split(['+', '-']).next().unwrap_or("");
        if word.is_empty() || !CLOCK_WORDS.contains(&fold(name).as_str()) {
            return trimmed;
        }
        t = &trimmed[word_end..];
    }
}

/// `143`, `1.234` or `1,234` (grouping marks, not decimals).
fn take_views(value: &str, slot: &mut Option<u64>) -> (bool, String) {
    let v = value.trim_start();
    let len = v
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(v.len(), |(i, _)| i);
    let digits: String = v[..len].chars().filter(char::is_ascii_digit).collect();
    let n = digits.parse().ok();
    let ok = n.is_some();
    set_once(slot, n);
    (ok, v[len..].to_string())
}

/// A text that is a count and nothing else: "3.517", "1,204", "87".
pub fn whole_count(text: &str) -> Option<u64> {
    let t = text.trim();
    let mut n = None;
    let (ok, rest) = take_views(t, &mut n);
    let digit_first = t.starts_with(|c: char| c.is_ascii_digit());
    n.filter(|_| ok && rest.is_empty() && digit_first)
}

/// The count ending the unlabelled text that leads into a views label.
fn count_before(
    (label, text, lead_in): &(Option<Label>, String, bool),
    slot: &mut Option<u64>,
) -> (bool, String) {
    let last = text.split_whitespace().last().unwrap_or("");
    // "Cập nhật: 16:05, 21/02/2026 2.341 lượt xem": the count right after a
    // labelled date.
    let after_date = || {
        let f = find_date(text)?;
        let rest: String = text.chars().skip(f.end).collect();
        (rest.split_whitespace().count() == 1).then_some(())
    };
    let dated = matches!(label, Some(Label::Published | Label::Updated));
    let n = whole_count(last)
        .filter(|_| (label.is_none() && *lead_in) || (dated && after_date().is_some()));
    set_once(slot, n);
    (n.is_some(), String::new())
}

/// "Konstantin 21.10.2019" after "Posted by": the name before the date,
/// without the word that leads into it ("am", "on", "le", "ngày"), and
/// the date.
fn dated_byline(value: &str) -> Option<(String, DateTime<FixedOffset>)> {
    let f = find_date(value).filter(|f| f.start > 0)?;
    let head: String = value.chars().take(f.start).collect();
    let head = head.trim_end().trim_end_matches([',', '-', '–', '|']);
    let mut words: Vec<&str> = head.split_whitespace().collect();
    // Written in lowercase, as the word is and a name is not: "Lực" and
    // "Le" end names, "lúc" and "le" lead into the date.
    if words.len() > 1 && words.last().is_some_and(|w| DATE_LEAD_INS.contains(w)) {
        words.pop();
    }
    Some((words.join(" "), f.at))
}

/// Words between a byline's name and its date, as written.
const DATE_LEAD_INS: &[&str] = &["am", "on", "le", "el", "il", "ngày", "lúc", "vào"];

/// A plausible person or desk name, or None.
fn name(s: &str) -> Option<String> {
    let t = super::author::without_by(trim_decor(s));
    // "(by MatsWichmann)" cut at the label keeps the closing bracket.
    let t = if t.contains('(') {
        t
    } else {
        t.trim_end_matches(')')
    };
    let ok = !t.is_empty()
        && !t.contains(['„', '“', '”', '"', '«', '»'])
        // "A+ A-": a page's font size buttons.
        && !t.contains('+')
        && t.chars().count() <= 80
        && t.chars().any(char::is_alphabetic)
        && !t.contains(':')
        && find_date(t).is_none()
        && !is_link_label(&fold(t));
    ok.then(|| t.to_string())
}

/// Folded words of the comment and share links a byline line ends with
/// ("by marc | Leave a comment", "Bình luận (3)").
const LINK_WORDS: &[&str] = &[
    "comment",
    "kommentar",
    "reply",
    "antworten",
    "binh luan",
    "commentaire",
    "comentario",
];

/// `text` with a bar between a date and its time ("18/02/2026 | 16:05")
/// made a space: that bar parts one stamp, not two fields.
fn date_and_time_joined(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let joins = |at: usize| {
        let before = text[..at].trim_end();
        let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let after = text[at + 1..].trim_start().as_bytes();
        let clock = after.iter().take_while(|b| b.is_ascii_digit()).count();
        find_date(last_word).is_some()
            && (1..=2).contains(&clock)
            && matches!(after.get(clock), Some(b':' | b'h'))
            && after.get(clock + 1).is_some_and(u8::is_ascii_digit)
    };
    let bars: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && joins(i))
        .collect();
    if bars.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut joined = text.to_string();
    for at in bars {
        joined.replace_range(at..at + 1, " ");
    }
    std::borrow::Cow::Owned(joined)
}

fn is_link_label(folded: &str) -> bool {
    is_ui_label(folded) || LINK_WORDS.iter().any(|w| folded.contains(w))
}

/// Cuts a line at `|` and before each label: (label, value, whether an
/// unlabelled value leads into a label in the same part) segments.
fn split(text: &str) -> Vec<(Option<Label>, String, bool)> {
    let mut out = Vec::new();
    for part in date_and_time_joined(text).split(['|', '•', '·']) {
        let chars: Vec<char> = part.chars().collect();
        let folded: Vec<char> = fold(part).chars().collect();
        let mut cuts: Vec<(usize, usize, Label)> = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            match label_at(&folded, &chars, i) {
                Some((end, l)) => {
                    cuts.push((i, end, l));
                    i = end;
                }
                None => i += 1,
            }
        }
        let head_end = cuts.first().map_or(chars.len(), |c| c.0);
        let head: String = chars[..head_end].iter().collect();
        if !trim_decor(&head).is_empty() {
            out.push((None, head, !cuts.is_empty()));
        }
        for (k, &(_, vstart, l)) in cuts.iter().enumerate() {
            let vend = cuts.get(k + 1).map_or(chars.len(), |c| c.0);
            out.push((Some(l), chars[vstart..vend].iter().collect(), false));
        }
    }
    out
}

/// A label at char `i` (word-bounded) of the folded line `f` (`raw` is the
/// line itself, char for char): (where its value starts, label). Short,
/// ambiguous labels ("by", "nguồn", "cập nhật") count only when a colon
/// follows.
fn label_at(f: &[char], raw: &[char], i: usize) -> Option<(usize, Label)> {
    // After an apostrophe the word is a noun in a sentence ("l'auteur").
    if i > 0 && (f[i - 1].is_alphanumeric() || matches!(f[i - 1], '\'' | '’')) {
        return None;
    }
    for &(word, label) in LABELS {
        let n = word.len();
        if i + n > f.len() || !f[i..i + n].iter().copied().eq(word.chars()) {
            continue;
        }
        if f.get(i + n).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let mut end = i + n;
        // "Auteur(s) :", "Autor(in):": a plural or gender ending in brackets.
        if f.get(end) == Some(&'(') {
            let close = f[end..].iter().take(5).position(|c| *c == ')');
            if let Some(k) = close.filter(|k| (2..=4).contains(k)) {
                if f[end + 1..end + k].iter().all(|c| c.is_alphabetic()) {
                    end += k + 1;
                }
            }
        }
        let word_end = end;
        while f.get(end).is_some_and(|c| c.is_whitespace()) {
            end += 1;
        }
        let colon = matches!(f.get(end), Some(':') | Some('：'));
        let needs_colon = matches!(
            word,
            "by" | "von"
                | "par"
                | "por"
                | "bai"
                | "anh"
                | "nguon"
                | "source"
                | "cap nhat"
                | "da xem"
                | "phong vien"
                | "updated"
        );
        // A bare "Tác giả X" is a label only on a short line, not in prose.
        let needs_colon = needs_colon || (label == Label::Author && f.len() > 60);
        // "By Thu Hằng" opens a byline; "By Topic", "By Type" open menus
        // and "By the time we…" a sentence: without a colon, a capitalised
        // name of two words or more must follow, on a short line.
        let byline = matches!(word, "by" | "von" | "par" | "por")
            && i == 0
            && f.len() <= 60
            && words_from(f, end) >= 2
            && capital_at(raw, end);
        if needs_colon && !colon && !byline {
            continue;
        }
        return Some((if colon { end + 1 } else { word_end }, label));
    }
    None
}

/// Whether the char at `i` of the unfolded line starts a name: a capital,
/// or a letter of a script without case (ライトハウス, 王).
fn capital_at(raw: &[char], i: usize) -> bool {
    raw.get(i)
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
}

fn words_from(f: &[char], start: usize) -> usize {
    let rest: String = f[start.min(f.len())..].iter().collect();
    rest.split_whitespace().count()
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;
