//! A scriptable HTTP server on 127.0.0.1 for network tests: each request goes to a handler
//! that can answer anything (statuses, headers, gzip bombs, slow drips, no answer at all).
//! It records request heads and the peak number of requests in flight.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lower-cased.
    pub headers: HashMap<String, String>,
}

pub enum Reply {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// 200, then the body one byte at a time with a pause between bytes.
    Drip { body: Vec<u8>, pause: Duration },
    /// Accept and never answer (the connection is held until the server is dropped).
    Hang,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// 200 with a body that is already gzip-compressed (`Content-Encoding: gzip`).
    pub fn gzipped(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![
                ("Content-Encoding".into(), "gzip".into()),
                ("Content-Type".into(), content_type.into()),
            ],
            body: body.into(),
        }
    }

    pub fn status(status: u16, headers: &[(&str, &str)]) -> Reply {
        Reply::Full {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        }
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

#[derive(Default)]
pub struct Log {
    pub requests: Mutex<Vec<Request>>,
    pub body_bytes: AtomicUsize,
    in_flight: AtomicUsize,
    pub peak_in_flight: AtomicUsize,
}

impl Log {
    pub fn count(&self, path: &str) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .count()
    }
    pub fn all(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

pub struct RawServer {
    pub base: String,
    pub log: Arc<Log>,
    stop: Arc<AtomicBool>,
}

impl RawServer {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Log::default());
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (log2, stop2) = (log.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (h, log, stop) = (handler.clone(), log2.clone(), stop2.clone());
                std::thread::spawn(move || serve(stream, &*h, &log, &stop));
            }
        });
        RawServer { base, log, stop }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    let mut headers = HashMap::new();
    for _ in 0..100 {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    Some(Request { path, headers })
}

fn serve(mut stream: TcpStream, handler: &Handler, log: &Log, stop: &AtomicBool) {
    let Some(request) = read_request(&stream) else {
        return;
    };
    log.requests.lock().unwrap().push(request.clone());
    let now = log.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    log.peak_in_flight.fetch_max(now, Ordering::SeqCst);
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    match handler(&request) {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(&body));
            log.body_bytes.fetch_add(body.len(), Ordering::SeqCst);
        }
        Reply::Drip { body, pause } => {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes());
            for b in body {
                if stop.load(Ordering::SeqCst) || stream.write_all(&[b]).is_err() {
                    break;
                }
                std::thread::sleep(pause);
            }
        }
        Reply::Hang => {
            let started = Instant::now();
            while !stop.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(60) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
    log.in_flight.fetch_sub(1, Ordering::SeqCst);
}
