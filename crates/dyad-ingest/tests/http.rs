//! HTTP inputs against a server on 127.0.0.1 started inside each test: a page, a redirect, a
//! 404, a server that never answers, bodies over the size limit, a feed whose items point back
//! at the server, and a URL list. No other network is used.

use dyad_core::article::Format;
use dyad_core::RawArticle;
use dyad_ingest::{articles, HttpOptions, IngestError, Options};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the test server sends for a path.
enum Reply {
    Ok(&'static str, Vec<u8>),
    Redirect(String),
    Status(u16),
    /// Accept, read the request, and say nothing for this long.
    Silent(Duration),
    /// A body of this many bytes without a Content-Length (closed connection ends it).
    Unsized(usize),
}

/// A one-thread HTTP/1.0-style server on 127.0.0.1 that stops when dropped (and by itself
/// after 30 seconds).
struct Server {
    base: String,
    stop: Arc<AtomicBool>,
}

impl Server {
    fn start(route: impl Fn(&str, &str) -> Reply + Send + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let stop = Arc::new(AtomicBool::new(false));
        let (stop2, base2) = (Arc::clone(&stop), base.clone());
        std::thread::spawn(move || {
            let t0 = Instant::now();
            while !stop2.load(Ordering::Relaxed) && t0.elapsed() < Duration::from_secs(30) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let reply = |path: &str| route(&base2, path);
                        handle(stream, reply);
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server { base, stop }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn handle(mut stream: TcpStream, reply: impl Fn(&str) -> Reply) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut req = Vec::new();
    let mut buf = [0u8; 1024];
    while !req.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => req.extend_from_slice(&buf[..n]),
        }
    }
    let req = String::from_utf8_lossy(&req).into_owned();
    let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
    let ua_ok = req
        .lines()
        .any(|l| l.to_ascii_lowercase().starts_with("user-agent: dyad/"));
    let reply = if ua_ok {
        reply(&path)
    } else {
        Reply::Status(400)
    };
    let head = |status: &str, extra: &str| {
        format!("HTTP/1.1 {status}\r\nConnection: close\r\n{extra}\r\n")
    };
    let out = match reply {
        Reply::Ok(ctype, body) => {
            let mut out = head(
                "200 OK",
                &format!(
                    "Content-Type: {ctype}\r\nContent-Length: {}\r\n",
                    body.len()
                ),
            )
            .into_bytes();
            out.extend(body);
            out
        }
        Reply::Redirect(to) => head(
            "302 Found",
            &format!("Location: {to}\r\nContent-Length: 0\r\n"),
        )
        .into_bytes(),
        Reply::Status(code) => head(&format!("{code} Oops"), "Content-Length: 0\r\n").into_bytes(),
        Reply::Silent(d) => {
            // Hold the connection without answering, on another thread so others are served.
            std::thread::spawn(move || {
                std::thread::sleep(d);
                drop(stream);
            });
            return;
        }
        Reply::Unsized(n) => {
            let mut out = head("200 OK", "Content-Type: text/plain\r\n").into_bytes();
            out.extend(std::iter::repeat_n(b'a', n));
            out
        }
    };
    let _ = stream.write_all(&out);
}

const PAGE: &str = "<html><head><title>Envoy</title></head><body><article><p>Russia recalled its ambassador to Washington.</p></article></body></html>";

fn routes(base: &str, path: &str) -> Reply {
    match path {
        "/page" => Reply::Ok("text/html; charset=utf-8", PAGE.into()),
        "/latin1" => Reply::Ok("text/plain; charset=ISO-8859-1", b"Caf\xe9 talks".to_vec()),
        "/moved" => Reply::Redirect(format!("{base}/page")),
        "/loop" => Reply::Redirect(format!("{base}/loop")),
        "/missing" => Reply::Status(404),
        "/silent" => Reply::Silent(Duration::from_secs(3)),
        "/big" => Reply::Ok("text/html", vec![b'a'; 5000]),
        "/big-unsized" => Reply::Unsized(5000),
        "/feed.xml" => Reply::Ok(
            "application/rss+xml",
            format!(
                r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Envoy recalled</title><link>{base}/page</link><pubDate>Thu, 18 Mar 2021 08:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing</link></item>
<item><title>Relative</title><link>/moved</link><pubDate>Fri, 19 Mar 2021 08:00:00 GMT</pubDate></item>
</channel></rss>"#
            )
            .into_bytes(),
        ),
        "/atom" => Reply::Ok(
            "application/atom+xml",
            format!(
                r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title>
<link href="{base}/page"/><published>2021-03-18T08:00:00Z</published></entry></feed>"#
            )
            .into_bytes(),
        ),
        "/records.jsonl" => Reply::Ok(
            "application/x-ndjson",
            b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n".to_vec(),
        ),
        _ => Reply::Status(500),
    }
}

fn opts(max_bytes: u64) -> Options {
    Options {
        max_bytes,
        http: HttpOptions {
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_millis(700),
            max_redirects: 3,
        },
        ..Options::default()
    }
}

fn read(urls: &[String], o: Options) -> (Vec<RawArticle>, Vec<IngestError>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for r in articles(urls, o) {
        match r {
            Ok(a) => ok.push(a),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

#[test]
fn page_redirect_404_timeout_and_the_batch_goes_on() {
    let s = Server::start(routes);
    let urls: Vec<String> = ["/page", "/moved", "/missing", "/silent", "/loop", "/latin1"]
        .iter()
        .map(|p| s.url(p))
        .collect();
    let t0 = Instant::now();
    let (ok, bad) = read(&urls, opts(1_000_000));
    assert!(t0.elapsed() < Duration::from_secs(5), "{:?}", t0.elapsed());
    assert_eq!(ok.len(), 3, "{bad:?}");
    assert_eq!(ok[0].format, Format::Html);
    assert_eq!(ok[0].bytes, PAGE.as_bytes());
    assert_eq!(ok[0].origin.path, s.url("/page"));
    assert_eq!(ok[0].hints.url.as_deref(), Some(s.url("/page").as_str()));
    assert_eq!(ok[0].hints.charset.as_deref(), Some("utf-8"));
    // After the redirect, the URL recorded is where the page came from.
    assert_eq!(ok[1].origin.path, s.url("/moved"));
    assert_eq!(ok[1].hints.url.as_deref(), Some(s.url("/page").as_str()));
    assert_eq!(ok[2].hints.charset.as_deref(), Some("ISO-8859-1"));
    let msgs: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert_eq!(
        msgs[0],
        format!("{}: HTTP 404 Not Found", s.url("/missing"))
    );
    assert!(
        msgs[1].starts_with(&format!("{}: timed out", s.url("/silent"))),
        "{msgs:?}"
    );
    assert!(
        msgs[2].starts_with(&format!("{}: too many redirects", s.url("/loop"))),
        "{msgs:?}"
    );
}

#[test]
fn bodies_over_the_limit_are_too_large() {
    let s = Server::start(routes);
    let (ok, bad) = read(
        &[s.url("/big"), s.url("/big-unsized"), s.url("/page")],
        opts(1000),
    );
    assert_eq!(ok.len(), 1);
    assert_eq!(bad.len(), 2);
    assert!(
        matches!(
            bad[0],
            IngestError::TooLarge {
                size: 5000,
                limit: 1000,
                ..
            }
        ),
        "{}",
        bad[0]
    );
    assert!(bad[0]
        .to_string()
        .starts_with(&format!("{}: file too large", s.url("/big"))));
    assert!(
        bad[1].to_string().contains("more than 1000 bytes"),
        "{}",
        bad[1]
    );
}

#[test]
fn feed_items_are_fetched_with_their_hints() {
    let s = Server::start(routes);
    let (ok, bad) = read(&[s.url("/feed.xml"), s.url("/atom")], opts(1_000_000));
    assert_eq!(ok.len(), 3, "{bad:?}");
    assert_eq!(ok[0].hints.title.as_deref(), Some("Envoy recalled"));
    assert_eq!(ok[0].hints.published.unwrap().to_string(), "2021-03-18");
    assert_eq!(ok[0].origin.path, s.url("/page"));
    // The relative link, resolved against the feed, redirected to the page.
    assert_eq!(ok[1].hints.title.as_deref(), Some("Relative"));
    assert_eq!(ok[1].hints.url.as_deref(), Some(s.url("/page").as_str()));
    assert_eq!(ok[2].hints.published.unwrap().to_string(), "2021-03-18");
    assert_eq!(bad.len(), 1);
    assert_eq!(
        bad[0].to_string(),
        format!("{}: HTTP 404 Not Found", s.url("/missing"))
    );
}

#[test]
fn a_file_listing_urls_and_a_local_feed_file() {
    let s = Server::start(routes);
    let dir = std::env::temp_dir().join(format!("dyad-ingest-urls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("list.txt");
    std::fs::write(
        &list,
        format!(
            "# sources\n{}\n\nnot a url\n{}\n",
            s.url("/page"),
            s.url("/records.jsonl")
        ),
    )
    .unwrap();
    let feed = dir.join("saved-feed");
    std::fs::write(
        &feed,
        format!(
            "<rss version=\"2.0\"><channel><item><link>{}</link></item></channel></rss>",
            s.url("/page")
        ),
    )
    .unwrap();
    let paths = [list.display().to_string(), feed.display().to_string()];
    let (ok, bad) = read(&paths, opts(1_000_000));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(ok.len(), 4, "{bad:?}");
    assert_eq!(ok[1].bytes, b"one");
    assert_eq!(ok[1].origin.path, s.url("/records.jsonl"));
    assert_eq!(bad.len(), 1);
    assert_eq!(
        bad[0].to_string(),
        format!("{}:4: not an http(s):// URL", paths[0])
    );
}

#[test]
fn a_closed_port_is_reported() {
    // A port on 127.0.0.1 that was just released: the connection is refused.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/x");
    let (ok, bad) = read(std::slice::from_ref(&url), opts(1000));
    assert!(ok.is_empty());
    let m = bad[0].to_string();
    assert!(m.starts_with(&format!("{url}: ")), "{m}");
}
