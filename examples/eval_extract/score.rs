//! Scoring functions, each restating the scoring of the corpus it serves
//! (see the corpora READMEs): word 4-gram shingles for Scrapinghub, snippet
//! counts for trafilatura-eval and WCXB, bag of words for WCXB and the
//! Readability pages, and exact-match metadata accuracy.

use std::collections::HashMap;

/// `\w+` tokens (Unicode letters, digits and `_`), case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn multiset<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> HashMap<T, usize> {
    let mut m = HashMap::new();
    for i in items {
        *m.entry(i).or_insert(0) += 1;
    }
    m
}

/// 4-token shingles; a text shorter than 4 tokens is one shorter shingle.
fn shingles(toks: &[&str]) -> HashMap<String, usize> {
    if toks.is_empty() {
        return HashMap::new();
    }
    if toks.len() < 4 {
        return multiset(std::iter::once(toks.join(" ")));
    }
    multiset(toks.windows(4).map(|w| w.join(" ")))
}

/// (tp, fp, fn) of two multisets.
fn overlap<T: std::hash::Hash + Eq>(
    truth: &HashMap<T, usize>,
    pred: &HashMap<T, usize>,
) -> (f64, f64, f64) {
    let mut tp = 0usize;
    let mut fp = 0usize;
    for (k, &p) in pred {
        let t = truth.get(k).copied().unwrap_or(0);
        tp += p.min(t);
        fp += p.saturating_sub(t);
    }
    let fneg: usize = truth
        .iter()
        .map(|(k, &t)| t.saturating_sub(pred.get(k).copied().unwrap_or(0)))
        .sum();
    (tp as f64, fp as f64, fneg as f64)
}

/// Per-page precision and recall, `None` where undefined (the benchmark
/// averages each over the pages where it is defined).
#[derive(Debug, Clone, Copy, Default)]
pub struct PageScore {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

impl PageScore {
    fn from(tp: f64, fp: f64, fneg: f64) -> PageScore {
        if fp == 0.0 && fneg == 0.0 {
            return PageScore {
                precision: Some(1.0),
                recall: Some(1.0),
            };
        }
        PageScore {
            precision: (tp + fp > 0.0).then(|| tp / (tp + fp)),
            recall: (tp + fneg > 0.0).then(|| tp / (tp + fneg)),
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision.unwrap_or(0.0), self.recall.unwrap_or(0.0));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The Scrapinghub page score: 4-gram shingles, case kept.
pub fn shingle_score(truth: &str, pred: &str) -> PageScore {
    let (tp, fp, fneg) = overlap(&shingles(&tokens(truth)), &shingles(&tokens(pred)));
    PageScore::from(tp, fp, fneg)
}

/// The WCXB page score: lower-cased bag of words.
pub fn bow_score(truth: &str, pred: &str) -> PageScore {
    let (t, p) = (truth.to_lowercase(), pred.to_lowercase());
    let (tp, fp, fneg) = overlap(
        &multiset(tokens(&t).into_iter()),
        &multiset(tokens(&p).into_iter()),
    );
    PageScore::from(tp, fp, fneg)
}

/// Mean precision and recall over pages (each over the pages where it is
/// defined), and F1 of those two means: the Scrapinghub way.
pub fn macro_prf(pages: &[PageScore]) -> (f64, f64, f64) {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let p = mean(pages.iter().filter_map(|s| s.precision).collect());
    let r = mean(pages.iter().filter_map(|s| s.recall).collect());
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Mean of per-page F1 (the WCXB way).
pub fn mean_f1(pages: &[PageScore]) -> f64 {
    pages.iter().map(PageScore::f1).sum::<f64>() / pages.len().max(1) as f64
}

/// Snippet counts, micro-averaged over a corpus.
#[derive(Debug, Clone, Copy, Default)]
pub struct Snippets {
    pub tp: usize,
    pub fneg: usize,
    pub fp: usize,
    pub tn: usize,
}

/// `\s+` → one space, trimmed; lower-cased when `fold` (WCXB compares
/// case-insensitively, trafilatura does not).
pub fn squash(s: &str, fold: bool) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if fold {
        s.to_lowercase()
    } else {
        s
    }
}

impl Snippets {
    pub fn add(&mut self, output: &str, with: &[String], without: &[String], fold: bool) {
        let out = squash(output, fold);
        for w in with {
            if out.contains(&squash(w, fold)) {
                self.tp += 1
            } else {
                self.fneg += 1
            }
        }
        for w in without {
            if out.contains(&squash(w, fold)) {
                self.fp += 1
            } else {
                self.tn += 1
            }
        }
    }

    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }

    pub fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fneg).max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fneg).max(1) as f64
    }
}

/// Metadata accuracy: found right / expected, per field.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hits {
    pub right: usize,
    pub total: usize,
}

impl Hits {
    pub fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }

    pub fn rate(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
}

/// Titles and authors compare after whitespace squashing, case folding and
/// dropping quotes; an author also matches when one list contains the other.
pub fn same_text(want: &str, got: Option<&str>) -> bool {
    // Typography is not the title: quotes dropped (guillemets too), dashes
    // unified, the ellipsis character read as three dots. Soft hyphens and
    // zero-width characters are invisible: some labels keep them from the
    // page source, and the extractor drops them.
    let norm = |s: &str| {
        let s = s.replace(['"', '“', '”', '„', '‘', '’', '\'', '«', '»', '‹', '›'], "");
        let s = s.replace('…', "...");
        let s = s.replace(
            [
                '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
            ],
            "",
        );
        squash(&s.replace(['–', '—'], "-"), true)
    };
    got.is_some_and(|g| norm(g) == norm(want))
}

/// The calendar day a date label names. A few trafilatura labels swap day
/// and month (`2022-29-11`): a month over 12 can only be read day-first.
pub fn label_day(label: &str) -> String {
    let day = &label[..10.min(label.len())];
    let parts: Vec<&str> = day.split('-').collect();
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    match parts[..] {
        [y, m, d] if num(m) > 12 && (1..=12).contains(&num(d)) => format!("{y}-{d}-{m}"),
        _ => day.to_string(),
    }
}

pub fn same_author(want: &str, got: Option<&str>) -> bool {
    let norm = |s: &str| squash(s, true);
    got.is_some_and(|g| {
        let (g, w) = (norm(g), norm(want));
        !g.is_empty() && (g == w || w.contains(&g) || g.contains(&w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_with_month_over_twelve_reads_day_first() {
        assert_eq!(label_day("2022-29-11"), "2022-11-29");
        assert_eq!(label_day("2022-11-09T10:00"), "2022-11-09");
        assert_eq!(label_day("2022-09-11"), "2022-09-11");
    }

    #[test]
    fn shingles_match_exactly() {
        let s = shingle_score("một hai ba bốn năm", "một hai ba bốn năm");
        assert_eq!((s.precision, s.recall), (Some(1.0), Some(1.0)));
        let s = shingle_score("một hai ba bốn năm", "một hai ba bốn");
        assert_eq!(s.precision, Some(1.0));
        assert_eq!(s.recall, Some(0.5));
    }

    #[test]
    fn titles_compare_without_typography() {
        let same = |a: &str, b: &str| same_text(a, Some(b));
        assert!(same(
            "Làm việc từ xa (suỵt...) khi đi",
            "Làm việc từ xa (suỵt…) khi đi"
        ));
        assert!(same("«Mùa gặt» ở bản Lác", "Mùa gặt ở bản Lác"));
        assert!(same("Lễ hội – đền Gióng", "lễ hội - đền gióng"));
        assert!(same("Mùa\u{ad}gặt", "Mùagặt"));
        assert!(!same("Mùa gặt ở bản Lác", "Mùa gặt ở bản Lạc"));
        assert!(!same("Mùa gặt", "Mùa gặt ở bản Lác"));
    }
}
