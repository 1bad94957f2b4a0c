//! Recomputes the extraction-quality scores of the README from the external
//! corpora in `../shared/corpora` (or `$TINTUC_CORPORA`):
//!
//! `cargo run --release --example eval_extract -- [scrapinghub|trafilatura|wcxb|readability|all]`
//!
//! Missing corpora print a notice and exit 0, so the command is safe on any
//! machine; a panic on any page makes the exit status 1. `EVAL_VERBOSE=1` prints per-page detail on stderr. Kept out of
//! `cargo test` because it takes tens of seconds.

mod corpora;
mod score;

use std::path::PathBuf;

use corpora::Report;

fn corpora_dir() -> PathBuf {
    std::env::var_os("TINTUC_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"))
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    let known = ["scrapinghub", "trafilatura", "wcxb", "readability"];
    if which != "all" && !known.contains(&which.as_str()) {
        eprintln!("usage: eval_extract [{}|all]", known.join("|"));
        std::process::exit(2);
    }
    let root = corpora_dir();
    // Pages that panic are counted, not printed one backtrace each.
    std::panic::set_hook(Box::new(|_| {}));
    let mut panics = 0;
    for name in known.iter().filter(|n| which == "all" || which == **n) {
        let (folder, run): (&str, fn(&std::path::Path) -> Option<Report>) = match *name {
            "scrapinghub" => ("scrapinghub-aeb", corpora::scrapinghub),
            "trafilatura" => ("trafilatura-eval", corpora::trafilatura),
            "wcxb" => ("wcxb-test-articles", corpora::wcxb),
            _ => ("mozilla-readability-testpages", corpora::readability),
        };
        let dir = root.join(folder);
        match run(&dir) {
            Some(r) => {
                panics += r.panics;
                print(name, &r)
            }
            None => println!("{name}: corpus not found at {} (skipped)", dir.display()),
        }
    }
    // The bar is "never panics on any page": make a panic fail the run.
    if panics > 0 {
        eprintln!("eval_extract: the extractor panicked on {panics} page(s)");
        std::process::exit(1);
    }
}

fn print(name: &str, r: &Report) {
    let mbs = r.bytes as f64 / 1e6 / r.time.as_secs_f64().max(1e-9);
    println!(
        "## {name}: {} pages, {} panics, {:.1} MB/s (one thread)",
        r.pages, r.panics, mbs
    );
    if !r.shingle.is_empty() {
        let (p, rc, f) = score::macro_prf(&r.shingle);
        println!("  shingles (Scrapinghub scoring): P {p:.3}  R {rc:.3}  F1 {f:.4}");
    }
    if !r.bow.is_empty() {
        let (p, rc, _) = score::macro_prf(&r.bow);
        println!(
            "  bag of words (WCXB scoring): P {p:.3}  R {rc:.3}  mean F1 {:.3}",
            score::mean_f1(&r.bow)
        );
    }
    let sn = &r.snippets;
    if sn.tp + sn.fneg + sn.fp + sn.tn > 0 {
        println!(
            "  snippets: P {:.3}  R {:.3}  Acc {:.3}  F1 {:.3}  (with found {}/{}, without found {}/{})",
            sn.precision(), sn.recall(), sn.accuracy(), sn.f1(),
            sn.tp, sn.tp + sn.fneg, sn.fp, sn.fp + sn.tn
        );
    }
    for (field, h) in [("title", r.title), ("date", r.date), ("author", r.author)] {
        if h.total > 0 {
            println!("  {field}: {:.3} ({}/{})", h.rate(), h.right, h.total);
        }
    }
}
