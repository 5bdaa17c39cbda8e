//! The HTTP(S) client: `ureq` with rustls, a `dyad/<version>` user agent, connect and overall
//! timeouts, a redirect limit and a body size limit. Every failure (status, timeout, DNS, TLS,
//! too large, too many redirects) becomes one error naming the URL, and the batch goes on.

use crate::error::IngestError;
use std::time::Duration;
use ureq::ResponseExt;

/// HTTP settings (the `--timeout`, `--connect-timeout` and `--max-redirects` flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    /// Time allowed to connect (DNS lookup and TCP/TLS connect).
    pub connect_timeout: Duration,
    /// Time allowed for the whole request, body included.
    pub timeout: Duration,
    pub max_redirects: u32,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
        }
    }
}

/// The user agent sent with every request.
pub const USER_AGENT: &str = concat!("dyad/", env!("CARGO_PKG_VERSION"));

/// A fetched document.
#[derive(Debug)]
pub struct Fetched {
    /// The URL asked for.
    pub url: String,
    /// The URL the body came from, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// An HTTP client with the limits applied.
pub struct Client {
    agent: ureq::Agent,
    opts: HttpOptions,
    max_bytes: u64,
}

impl Client {
    pub fn new(opts: &HttpOptions, max_bytes: u64) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(opts.connect_timeout))
            .timeout_global(Some(opts.timeout))
            .max_redirects(opts.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(true)
            .user_agent(USER_AGENT)
            .build();
        Client {
            agent: config.into(),
            opts: opts.clone(),
            max_bytes,
        }
    }

    /// GETs `url`, reading at most the size limit.
    pub fn get(&self, url: &str) -> Result<Fetched, IngestError> {
        let fail = |message: String| IngestError::Http {
            url: url.to_string(),
            message,
        };
        let mut resp = self
            .agent
            .get(url)
            .call()
            .map_err(|e| fail(self.describe(e)))?;
        let final_url = resp.get_uri().to_string();
        let content_type = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(len) = resp
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
        {
            if len > self.max_bytes {
                return Err(IngestError::TooLarge {
                    path: url.to_string(),
                    size: len,
                    limit: self.max_bytes,
                });
            }
        }
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => IngestError::TooLarge {
                    path: url.to_string(),
                    size: self.max_bytes + 1,
                    limit: self.max_bytes,
                },
                e => fail(format!("reading the body: {}", self.describe(e))),
            })?;
        Ok(Fetched {
            url: url.to_string(),
            final_url,
            content_type,
            body,
        })
    }

    fn describe(&self, e: ureq::Error) -> String {
        match e {
            ureq::Error::StatusCode(code) => format!("HTTP {code} {}", reason(code)),
            ureq::Error::Timeout(_) => format!(
                "timed out (connect timeout {} s, overall timeout {} s; see --connect-timeout and --timeout)",
                self.opts.connect_timeout.as_secs_f64(),
                self.opts.timeout.as_secs_f64()
            ),
            ureq::Error::HostNotFound => "host not found (DNS lookup failed)".to_string(),
            ureq::Error::ConnectionFailed => "connection failed".to_string(),
            ureq::Error::TooManyRedirects => format!(
                "too many redirects (more than {}; see --max-redirects)",
                self.opts.max_redirects
            ),
            ureq::Error::BadUri(u) => format!("bad URL: {u}"),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                format!("timed out ({io})")
            }
            ureq::Error::Io(io) => format!("network error: {io}"),
            other => other.to_string(),
        }
    }
}

fn reason(code: u16) -> &'static str {
    match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}
