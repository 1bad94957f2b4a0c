//! TLS certificates are always verified; `[sync] ca_file` adds a CA (an office's
//! TLS-inspecting proxy) instead of any "insecure" switch.

mod common;
use common::*;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/tls")
            .join(name),
    )
    .unwrap()
}

/// An HTTPS server on 127.0.0.1 with a certificate from the test CA, serving one feed.
fn https_server() -> String {
    let certs: Vec<CertificateDer> = CertificateDer::pem_slice_iter(&fixture("server.pem"))
        .map(Result::unwrap)
        .collect();
    let key = PrivateKeyDer::from_pem_slice(&fixture("server.key")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!(
        "https://127.0.0.1:{}",
        listener.local_addr().unwrap().port()
    );
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                let _ = tcp.set_read_timeout(Some(std::time::Duration::from_secs(5)));
                let Ok(conn) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let mut tls = rustls::StreamOwned::new(conn, tcp);
                let mut reader = BufReader::new(&mut tls);
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
                    line.clear();
                }
                let body = "<rss version=\"2.0\"><channel><title>T</title><item><title>Tin qua HTTPS</title><link>https://127.0.0.1/x</link><description>Mô tả</description></item></channel></rss>";
                let _ = write!(tls, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    base
}

#[test]
fn an_unknown_ca_is_refused_and_ca_file_admits_it() {
    let base = https_server();
    let feed = format!("{base}/feed");
    let env = Env::new(&[("Văn phòng", &feed)], "[sync]\nfull_text = false\n");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).to_lowercase().contains("certificate"),
        "{}",
        stderr(&out)
    );
    assert!(env.json(&["list", "--json"]).as_array().unwrap().is_empty());

    let ca = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls/ca.pem");
    let env = Env::new(
        &[("Văn phòng", &feed)],
        &format!(
            "[sync]\nfull_text = false\nca_file = \"{}\"\n",
            ca.display()
        ),
    );
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(env.json(&["list", "--json"])[0]["title"], "Tin qua HTTPS");
}

#[test]
fn a_missing_or_empty_ca_file_is_a_clear_error() {
    let env = Env::new(
        &[("A", "https://127.0.0.1:9/feed")],
        "[sync]\nca_file = \"/nonexistent/office-ca.pem\"\n",
    );
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/office-ca.pem"),
        "{}",
        stderr(&out)
    );
    let empty = env.dir.path().join("empty.pem");
    std::fs::write(&empty, "no certificate here\n").unwrap();
    let env = Env::new(
        &[("A", "https://127.0.0.1:9/feed")],
        &format!("[sync]\nca_file = \"{}\"\n", empty.display()),
    );
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no PEM certificate"),
        "{}",
        stderr(&out)
    );
}
