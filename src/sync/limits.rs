//! Bounds on how many requests run at once against one host, across all sources.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

pub struct HostLimiter {
    per_host: usize,
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// Held while a request to a host runs; frees the slot when dropped.
pub struct HostSlot<'a> {
    limiter: &'a HostLimiter,
    host: String,
}

impl HostLimiter {
    pub fn new(per_host: usize) -> HostLimiter {
        HostLimiter {
            per_host: per_host.max(1),
            busy: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        }
    }

    /// Waits for a free slot for the host of `url` (each request is itself bounded by its timeout).
    pub fn acquire(&self, url: &str) -> HostSlot<'_> {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        while busy.get(&host).copied().unwrap_or(0) >= self.per_host {
            busy = self.freed.wait(busy).unwrap_or_else(|e| e.into_inner());
        }
        *busy.entry(host.clone()).or_insert(0) += 1;
        HostSlot {
            limiter: self,
            host,
        }
    }
}

impl Drop for HostSlot<'_> {
    fn drop(&mut self) {
        let mut busy = self.limiter.busy.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = busy.get_mut(&self.host) {
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
    fn host_limiter_bounds_one_host() {
        let limiter = HostLimiter::new(2);
        let running = AtomicUsize::new(0);
        let peak = AtomicUsize::new(0);
        let urls: Vec<String> = (0..12).map(|i| format!("http://a.vn/{i}")).collect();
        parallel_map(&urls, 6, |u| {
            let _slot = limiter.acquire(u);
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(3));
            running.fetch_sub(1, Ordering::SeqCst);
        });
        assert!(peak.load(Ordering::SeqCst) <= 2);
    }
}
