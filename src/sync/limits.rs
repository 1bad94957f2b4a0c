//! Bounds on how many requests run at once: overall, and against any one host, across all
//! sources. A slow host then holds at most its own slots, never the others'.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

pub struct RequestLimiter {
    overall: usize,
    per_host: usize,
    busy: Mutex<Busy>,
    freed: Condvar,
}

#[derive(Default)]
struct Busy {
    total: usize,
    hosts: HashMap<String, usize>,
}

/// Held while a request runs; frees its slots when dropped.
pub struct RequestSlot<'a> {
    limiter: &'a RequestLimiter,
    host: String,
}

impl RequestLimiter {
    pub fn new(overall: usize, per_host: usize) -> RequestLimiter {
        RequestLimiter {
            overall: overall.max(1),
            per_host: per_host.max(1),
            busy: Mutex::new(Busy::default()),
            freed: Condvar::new(),
        }
    }

    /// Waits for a free slot for `url` (each request is itself bounded by its timeout).
    pub fn acquire(&self, url: &str) -> RequestSlot<'_> {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        while busy.total >= self.overall
            || busy.hosts.get(&host).copied().unwrap_or(0) >= self.per_host
        {
            busy = self.freed.wait(busy).unwrap_or_else(|e| e.into_inner());
        }
        busy.total += 1;
        *busy.hosts.entry(host.clone()).or_insert(0) += 1;
        RequestSlot {
            limiter: self,
            host,
        }
    }
}

impl Drop for RequestSlot<'_> {
    fn drop(&mut self) {
        let mut busy = self.limiter.busy.lock().unwrap_or_else(|e| e.into_inner());
        busy.total = busy.total.saturating_sub(1);
        if let Some(n) = busy.hosts.get_mut(&self.host) {
            *n = n.saturating_sub(1);
        }
        self.limiter.freed.notify_all();
    }
}

/// Runs `work` on every item with at most `threads` at once; results in input order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, items.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = work(item);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn parallel_map_keeps_order_and_bounds_threads() {
        let running = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let items: Vec<u32> = (0..40).collect();
        let out = parallel_map(&items, 3, |x| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(2));
            running.fetch_sub(1, Ordering::SeqCst);
            x * 2
        });
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(peak.load(Ordering::SeqCst) <= 3);
    }

    #[test]
    fn limiter_bounds_one_host() {
        let limiter = RequestLimiter::new(8, 2);
        let running = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let urls: Vec<String> = (0..12).map(|i| format!("http://a.vn/{i}")).collect();
        parallel_map(&urls, 6, |u| {
            let _slot = limiter.acquire(u);
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(20));
            running.fetch_sub(1, Ordering::SeqCst);
        });
        assert!(peak.load(Ordering::SeqCst) <= 2);
    }
}

#[cfg(test)]
mod overall_tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn limiter_bounds_all_hosts_together() {
        let limiter = RequestLimiter::new(3, 2);
        let running = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let urls: Vec<String> = (0..24).map(|i| format!("http://h{}.vn/", i % 8)).collect();
        parallel_map(&urls, 12, |u| {
            let _slot = limiter.acquire(u);
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(20));
            running.fetch_sub(1, Ordering::SeqCst);
        });
        assert!(peak.load(Ordering::SeqCst) <= 3);
        assert!(
            peak.load(Ordering::SeqCst) >= 2,
            "it does run requests side by side"
        );
    }
}
