//! A small HTTP/1.1 server on 127.0.0.1 for the demo portal, the tests and the benchmark:
//! fixed routes or a handler that makes pages on demand, ETag/If-None-Match (304), byte and
//! request counters. One thread per connection, `Connection: close`, every read and wait bounded.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server answers for one path.
#[derive(Debug, Clone)]
pub struct Route {
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Route {
    pub fn new(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            content_type: content_type.to_string(),
            body: body.into(),
        }
    }
}

/// Counters a test reads to check what a sync cost.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicU64,
    pub body_bytes: AtomicU64,
    pub not_modified: AtomicU64,
}

/// Answers a request path; `None` is a 404. Shared by every connection thread.
pub type Handler = Box<dyn Fn(&str) -> Option<Route> + Send + Sync>;

pub struct Server {
    base: String,
    stop: Arc<AtomicBool>,
    stats: Arc<Stats>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds a free port on 127.0.0.1 and serves `routes`. The text `{base}` in any body is
    /// replaced by the server's origin (e.g. `http://127.0.0.1:41234`).
    pub fn start(routes: HashMap<String, Route>) -> std::io::Result<Server> {
        Server::start_with(|base| {
            let routes: HashMap<String, Route> = routes
                .into_iter()
                .map(|(path, mut r)| {
                    if let Ok(text) = std::str::from_utf8(&r.body) {
                        r.body = text.replace("{base}", base).into_bytes();
                    }
                    (path, r)
                })
                .collect();
            Box::new(move |path| routes.get(path).cloned())
        })
    }

    /// Binds a free port on 127.0.0.1 and answers with the handler `make` builds from the
    /// server's origin (pages too many to hold in memory are made per request).
    pub fn start_with(make: impl FnOnce(&str) -> Handler) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let base = format!("http://{}", listener.local_addr()?);
        let handler: Arc<Handler> = Arc::new(make(&base));
        let stop = Arc::new(AtomicBool::new(false));
        let stats = Arc::new(Stats::default());
        let thread = {
            let (stop, stats) = (stop.clone(), stats.clone());
            std::thread::spawn(move || accept_loop(listener, handler, stop, stats))
        };
        Ok(Server {
            base,
            stop,
            stats,
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the thread sees the flag.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn accept_loop(
    listener: TcpListener,
    handler: Arc<Handler>,
    stop: Arc<AtomicBool>,
    stats: Arc<Stats>,
) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let (handler, stats) = (handler.clone(), stats.clone());
        std::thread::spawn(move || {
            let _ = serve(stream, &handler, &stats);
        });
    }
}

fn serve(stream: TcpStream, handler: &Handler, stats: &Stats) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut if_none_match = None;
    for _ in 0..100 {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(v.trim().to_string());
            }
        }
    }
    stats.requests.fetch_add(1, Ordering::SeqCst);
    respond(
        stream,
        handler(&path).as_ref(),
        if_none_match.as_deref(),
        stats,
    )
}

fn respond(
    mut stream: TcpStream,
    route: Option<&Route>,
    if_none_match: Option<&str>,
    stats: &Stats,
) -> std::io::Result<()> {
    let Some(route) = route else {
        let body = b"not found";
        write!(stream, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
        stats
            .body_bytes
            .fetch_add(body.len() as u64, Ordering::SeqCst);
        return stream.write_all(body);
    };
    let etag = format!("\"{:016x}\"", fnv1a(&route.body));
    if if_none_match == Some(etag.as_str()) {
        stats.not_modified.fetch_add(1, Ordering::SeqCst);
        return write!(
            stream,
            "HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nConnection: close\r\n\r\n"
        );
    }
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nETag: {etag}\r\nConnection: close\r\n\r\n",
        route.content_type,
        route.body.len()
    )?;
    stats
        .body_bytes
        .fetch_add(route.body.len() as u64, Ordering::SeqCst);
    stream.write_all(&route.body)
}

/// A stable content hash for ETags (not for security).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
