//! The benchmark's in-process timings over a synced cache: `bench_search DATA_DIR` runs 20
//! diacritic-free searches through `Store::search_rows` (what the reader's `/` runs), then the
//! reader's other store requests (list window with counts, one article, similar articles), and
//! prints one JSON object of milliseconds. Used by `bench/run.sh`.

use std::time::Instant;
use tintuc::store::{ListFilter, Store};

/// Typed the way officials type them: no diacritics, common and rare words, the last one
/// possibly unfinished.
const QUERIES: &[&str] = &[
    "dang uy",
    "nong thon moi",
    "chuyen doi so",
    "khoai chau",
    "tinh",
    "can bo",
    "hop tac xa",
    "vai thieu",
    "phong chay chua chay",
    "giai phong mat bang",
    "san pham ocop",
    "song luoc",
    "dinh lang",
    "cai cach hanh chinh",
    "tiem chung",
    "bao hiem",
    "lang nghe",
    "thien ung",
    "nhan dan",
    "ha tang giao th",
];

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// The value at `q` (0..=1) of sorted `v`, nearest rank.
fn pct(v: &[f64], q: f64) -> f64 {
    let i = ((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let r = f();
    (ms(t), r)
}

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: bench_search DATA_DIR");
    let store = Store::open(std::path::Path::new(&dir))?;
    let mut times = Vec::new();
    let mut hits = 0;
    for q in QUERIES {
        let (t, found) = timed(|| store.search_rows(q, 200));
        hits += usize::from(!found?.is_empty());
        times.push(t);
    }
    times.sort_by(f64::total_cmp);
    let all = ListFilter::default();
    let (t_counts, counts) = timed(|| store.list_counts(&all));
    let (t_top, top) = timed(|| store.list_window(&all, 0, 200));
    let total = counts?.total as usize;
    let (t_deep, _) = timed(|| store.list_window(&all, total.saturating_sub(200), 200));
    let id = top?.first().map(|a| a.id).unwrap_or(1);
    let (t_article, _) = timed(|| store.article(id));
    let (t_similar, _) = timed(|| store.similar(id, 10));
    println!(
        "{{\"queries\":{},\"with_results\":{hits},\"search_p50_ms\":{:.2},\"search_p95_ms\":{:.2},\
         \"search_max_ms\":{:.2},\"counts_ms\":{t_counts:.2},\"window_top_ms\":{t_top:.2},\
         \"window_end_ms\":{t_deep:.2},\"article_ms\":{t_article:.2},\"similar_ms\":{t_similar:.2},\
         \"articles\":{total}}}",
        QUERIES.len(),
        pct(&times, 0.5),
        pct(&times, 0.95),
        times[times.len() - 1]
    );
    Ok(())
}
