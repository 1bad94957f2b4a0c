//! Fetching one URL: conditional GET, compressed transfer, a cap on the decompressed body,
//! a hard deadline, bounded redirects and retries. `file://` URLs are read from disk.

use crate::config::SyncConfig;
use crate::model::Validators;
use reqwest::header::{self, HeaderMap, HeaderValue};
use std::io::Read;
use std::time::{Duration, Instant};

/// How many times a 5xx/429 response is retried (so at most 3 requests per URL).
const MAX_RETRIES: u32 = 2;
/// Longest `Retry-After` honoured; a server asking for more is treated as failing now.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    /// 304: the cached copy is current.
    NotModified,
    Body(Page),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Where the body came from after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub validators: Validators,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum FetchError {
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
    #[error("no complete response within {0} s")]
    Timeout(u64),
    #[error("{0}")]
    Network(String),
    #[error("network access is off (--offline)")]
    Offline,
    #[error("unsupported URL (only http, https and file)")]
    BadUrl,
    #[error("cannot read file: {0}")]
    File(String),
}

pub struct Fetcher {
    client: reqwest::blocking::Client,
    max_bytes: u64,
    deadline: Duration,
    offline: bool,
}

impl Fetcher {
    /// A fetcher for `config`. With `offline`, only `file://` URLs work.
    pub fn new(config: &SyncConfig, offline: bool) -> Result<Fetcher, FetchError> {
        install_crypto_provider();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(
                "application/rss+xml, application/atom+xml, application/feed+json, \
                 application/xml;q=0.9, text/html;q=0.9, */*;q=0.5",
            ),
        );
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("vi, en;q=0.5"),
        );
        let mut builder = reqwest::blocking::Client::builder();
        if let Some(path) = &config.ca_file {
            builder = builder.tls_certs_merge(load_ca(path)?);
        }
        let client = builder
            .user_agent(config.user_agent.clone())
            .default_headers(headers)
            .connect_timeout(Duration::from_secs(config.connect_timeout_secs))
            .timeout(Duration::from_secs(config.timeout_secs))
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .map_err(|e| FetchError::Network(e.to_string()))?;
        Ok(Fetcher {
            client,
            max_bytes: config.max_page_bytes,
            deadline: Duration::from_secs(config.timeout_secs),
            offline,
        })
    }

    /// Fetches `url`, sending `validators` for a conditional GET.
    pub fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let parsed = url::Url::parse(url).map_err(|_| FetchError::BadUrl)?;
        match parsed.scheme() {
            "file" => self.read_file(&parsed),
            "http" | "https" if self.offline => Err(FetchError::Offline),
            "http" | "https" => self.fetch_http(url, validators),
            _ => Err(FetchError::BadUrl),
        }
    }

    fn read_file(&self, url: &url::Url) -> Result<Fetched, FetchError> {
        let path = url
            .to_file_path()
            .map_err(|_| FetchError::File("not a local path".into()))?;
        let file = std::fs::File::open(&path).map_err(|e| FetchError::File(e.to_string()))?;
        let mut bytes = Vec::new();
        file.take(self.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| FetchError::File(e.to_string()))?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(FetchError::TooLarge(self.max_bytes));
        }
        Ok(Fetched::Body(Page {
            url: url.to_string(),
            bytes,
            content_type: None,
            validators: Validators::default(),
        }))
    }

    fn fetch_http(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            let response = self.send(url, validators)?;
            let status = response.status().as_u16();
            let retryable = status == 429 || (500..600).contains(&status);
            if retryable && attempt < MAX_RETRIES {
                let wait = retry_wait(response.headers(), attempt);
                if wait <= MAX_RETRY_AFTER && started.elapsed() + wait < self.deadline {
                    std::thread::sleep(wait);
                    attempt += 1;
                    continue;
                }
            }
            return self.finish(response, started);
        }
    }

    fn send(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<reqwest::blocking::Response, FetchError> {
        let mut request = self.client.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, lm);
        }
        request.send().map_err(|e| self.describe(e))
    }

    fn finish(
        &self,
        response: reqwest::blocking::Response,
        started: Instant,
    ) -> Result<Fetched, FetchError> {
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header(header::ETAG),
            last_modified: header(header::LAST_MODIFIED),
        };
        let content_type = header(header::CONTENT_TYPE);
        let url = response.url().to_string();
        let bytes = self.read_capped(response, started)?;
        Ok(Fetched::Body(Page {
            url,
            bytes,
            content_type,
            validators,
        }))
    }

    /// Reads the (already decompressed) body, stopping past the cap or past the deadline:
    /// reqwest's timeout applies per read, so a server dripping bytes would never trip it.
    fn read_capped(
        &self,
        mut response: reqwest::blocking::Response,
        started: Instant,
    ) -> Result<Vec<u8>, FetchError> {
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 16 * 1024];
        loop {
            if started.elapsed() > self.deadline {
                return Err(FetchError::Timeout(self.deadline.as_secs()));
            }
            let n = response.read(&mut chunk).map_err(|e| {
                if e.to_string().contains("timed out") {
                    FetchError::Timeout(self.deadline.as_secs())
                } else {
                    FetchError::Network(e.to_string())
                }
            })?;
            if n == 0 {
                return Ok(bytes);
            }
            bytes.extend_from_slice(&chunk[..n]);
            if bytes.len() as u64 > self.max_bytes {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
        }
    }

    fn describe(&self, e: reqwest::Error) -> FetchError {
        if e.is_timeout() {
            return FetchError::Timeout(self.deadline.as_secs());
        }
        // The innermost cause is the one a user can act on ("connection refused", a DNS failure).
        let mut reason = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            reason = s.to_string();
            source = s.source();
        }
        FetchError::Network(reason)
    }
}

/// `Retry-After` in seconds when given, else exponential backoff from 500 ms.
fn retry_wait(headers: &HeaderMap, attempt: u32) -> Duration {
    headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or_else(|| Duration::from_millis(500 << attempt))
}

/// The certificates of `[sync] ca_file`, added to the system's roots (never replacing them).
fn load_ca(path: &std::path::Path) -> Result<Vec<reqwest::Certificate>, FetchError> {
    let shown = path.display();
    let pem =
        std::fs::read(path).map_err(|e| FetchError::Network(format!("ca_file {shown}: {e}")))?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|e| FetchError::Network(format!("ca_file {shown}: {e}")))?;
    if certs.is_empty() {
        return Err(FetchError::Network(format!(
            "ca_file {shown} holds no PEM certificate"
        )));
    }
    Ok(certs)
}

/// rustls needs one process-wide crypto provider; ring builds faster than aws-lc here.
fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
