//! WARC files (ISO 28500, versions 1.0 and 1.1), plain or gzipped record by record (the
//! caller undoes the gzip). `response` records holding an HTTP response with an HTML (or plain
//! text) body, and `resource` records of type `text/html`, become articles: `WARC-Target-URI`
//! is the URL, `WARC-Date` the fallback date, the HTTP `Content-Type` charset the declared
//! encoding. Other records (`warcinfo`, `request`, `metadata`, images, redirects, errors) are
//! passed over. A broken record is reported with its number and byte offset (in the
//! uncompressed stream) and reading goes on at the next `WARC/1.` header line.

use crate::bounded::{read_line, Line};
use crate::dates::parse_date;
use crate::error::IngestError;
use crate::httpmsg;
use crate::stream::Stream;
use dyad_core::article::Format;
use dyad_core::{Origin, RawArticle};
use std::io::Read;

/// Header lines longer than this are broken records.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// A record with more header lines than this is broken.
const MAX_HEADERS: usize = 1000;

pub struct Warc {
    s: Stream,
    /// Records started so far (the current one's number).
    record: u64,
    /// Articles produced.
    articles: u64,
    /// Bytes consumed.
    offset: u64,
    /// A `WARC/` line found while resynchronising, to start the next record with.
    pending: Option<(u64, Vec<u8>)>,
    done: bool,
}

/// What became of one record.
enum Outcome {
    Article(Box<RawArticle>),
    Skip,
    Bad(String),
}

impl Warc {
    pub fn new(s: Stream) -> Self {
        Warc {
            s,
            record: 0,
            articles: 0,
            offset: 0,
            pending: None,
            done: false,
        }
    }

    fn line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
        match read_line(&mut *self.s.reader, buf, MAX_HEADER_LINE)? {
            Line::Eof => Ok(None),
            Line::Line { cut, consumed } => {
                self.offset += consumed;
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
                Ok(Some(cut))
            }
        }
    }

    fn broken(&mut self, at: String, source: std::io::Error) -> IngestError {
        self.done = true;
        self.s.broken(at, self.articles, source)
    }

    /// Skips lines up to the next `WARC/1.` line (kept in `pending`).
    fn resync(&mut self) -> std::io::Result<()> {
        let mut buf = Vec::new();
        loop {
            let start = self.offset;
            if self.line(&mut buf)?.is_none() {
                return Ok(());
            }
            if buf.starts_with(b"WARC/1.") || buf.starts_with(b"WARC/0.") {
                self.pending = Some((start, buf));
                return Ok(());
            }
        }
    }

    /// Reads one record. `Ok(None)` at the end of the file.
    fn record(&mut self) -> Result<Option<(u64, u64, Outcome)>, IngestError> {
        let mut buf = Vec::new();
        // The version line, after the blank lines that end the previous record.
        let (start, version) = loop {
            if let Some(p) = self.pending.take() {
                break p;
            }
            let start = self.offset;
            match self.line(&mut buf) {
                Ok(None) => return Ok(None),
                Ok(Some(_)) if buf.trim_ascii().is_empty() => continue,
                Ok(Some(_)) => break (start, std::mem::take(&mut buf)),
                Err(e) => return Err(self.broken(format!("byte offset {start}"), e)),
            }
        };
        self.record += 1;
        let n = self.record;
        if !(version.starts_with(b"WARC/1.") || version.starts_with(b"WARC/0.")) {
            let shown = String::from_utf8_lossy(&version[..version.len().min(40)]).into_owned();
            if let Err(e) = self.resync() {
                return Err(self.broken(format!("record {n}"), e));
            }
            return Ok(Some((
                n,
                start,
                Outcome::Bad(format!("expected a `WARC/1.x` line, found {shown:?}")),
            )));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match self.line(&mut buf) {
                Ok(None) => {
                    return Err(self.broken(
                        format!("record {n} (byte offset {start})"),
                        std::io::Error::new(
                            std::io::ErrorKind::UnexpectedEof,
                            "the file ends inside a record's headers",
                        ),
                    ))
                }
                Ok(Some(cut)) => {
                    if buf.is_empty() {
                        break;
                    }
                    if cut || headers.len() >= MAX_HEADERS {
                        self.resync()
                            .map_err(|e| self.broken(format!("record {n}"), e))?;
                        return Ok(Some((n, start, Outcome::Bad("header too long".into()))));
                    }
                    let text = String::from_utf8_lossy(&buf);
                    match text.split_once(':') {
                        Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
                        None if text.starts_with([' ', '\t']) => {
                            if let Some(last) = headers.last_mut() {
                                last.1.push(' ');
                                last.1.push_str(text.trim());
                            }
                        }
                        None => {
                            let shown = text.chars().take(40).collect::<String>();
                            self.resync()
                                .map_err(|e| self.broken(format!("record {n}"), e))?;
                            return Ok(Some((
                                n,
                                start,
                                Outcome::Bad(format!("bad header line {shown:?}")),
                            )));
                        }
                    }
                }
                Err(e) => return Err(self.broken(format!("record {n}"), e)),
            }
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
            self.resync()
                .map_err(|e| self.broken(format!("record {n}"), e))?;
            return Ok(Some((
                n,
                start,
                Outcome::Bad("missing or bad Content-Length".into()),
            )));
        };
        let wtype = get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let ctype = get("Content-Type").unwrap_or("").to_ascii_lowercase();
        let wanted = (wtype == "response" && ctype.starts_with("application/http"))
            || (wtype == "resource" && is_text_type(&ctype))
            || (wtype == "conversion" && is_text_type(&ctype));
        let limit = self.s.ctx.opts.max_bytes;
        if !wanted || len > limit.saturating_add(64 * 1024) {
            let skipped = std::io::copy(&mut (&mut self.s.reader).take(len), &mut std::io::sink())
                .map_err(|e| self.broken(format!("record {n}"), e))?;
            self.offset += skipped;
            if skipped < len {
                return Err(self.short(n, len, skipped));
            }
            if !wanted {
                return Ok(Some((n, start, Outcome::Skip)));
            }
            return Ok(Some((
                n,
                start,
                Outcome::Bad(format!(
                    "record too large ({len} bytes; the limit is {limit} bytes, see --max-bytes)"
                )),
            )));
        }
        let mut block = Vec::new();
        let got = (&mut self.s.reader)
            .take(len)
            .read_to_end(&mut block)
            .map_err(|e| self.broken(format!("record {n}"), e))?;
        self.offset += got as u64;
        if (got as u64) < len {
            return Err(self.short(n, len, got as u64));
        }
        let mut hints = self.s.hints.clone();
        if let Some(uri) = get("WARC-Target-URI") {
            hints.url = Some(uri.trim_matches(['<', '>']).to_string());
        }
        if hints.date.is_none() {
            hints.date = get("WARC-Date").and_then(parse_date);
        }
        let (format, body) = if wtype == "response" {
            match httpmsg::parse_response(&block, limit) {
                Ok(resp) => {
                    if !(200..300).contains(&resp.status) {
                        return Ok(Some((n, start, Outcome::Skip)));
                    }
                    let ct = resp
                        .content_type
                        .clone()
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    if !is_text_type(&ct) {
                        return Ok(Some((n, start, Outcome::Skip)));
                    }
                    hints.charset = httpmsg::charset(&ct).or(hints.charset);
                    (format_of(&ct), resp.body)
                }
                Err(e) => {
                    return Ok(Some((
                        n,
                        start,
                        Outcome::Bad(format!("bad HTTP response: {e}")),
                    )))
                }
            }
        } else {
            hints.charset = httpmsg::charset(&ctype).or(hints.charset);
            (format_of(&ctype), block)
        };
        if body.trim_ascii().is_empty() {
            return Ok(Some((n, start, Outcome::Skip)));
        }
        if body.len() as u64 > limit {
            return Ok(Some((
                n,
                start,
                Outcome::Bad(format!(
                    "page too large ({} bytes; the limit is {limit} bytes, see --max-bytes)",
                    body.len()
                )),
            )));
        }
        let origin = Origin {
            path: self.s.path.clone(),
            record: Some(n),
        };
        Ok(Some((
            n,
            start,
            Outcome::Article(Box::new(RawArticle {
                origin,
                format,
                bytes: body,
                hints,
            })),
        )))
    }

    fn short(&mut self, n: u64, len: u64, got: u64) -> IngestError {
        self.broken(
            format!("record {n}"),
            std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("the record is cut short: Content-Length {len}, only {got} bytes follow"),
            ),
        )
    }
}

fn is_text_type(ct: &str) -> bool {
    ct.starts_with("text/html")
        || ct.starts_with("application/xhtml")
        || ct.starts_with("text/plain")
}

fn format_of(ct: &str) -> Format {
    if ct.starts_with("text/plain") {
        Format::Text
    } else {
        Format::Html
    }
}

impl Iterator for Warc {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.record() {
                Ok(None) => self.done = true,
                Ok(Some((_, _, Outcome::Skip))) => continue,
                Ok(Some((_, _, Outcome::Article(a)))) => {
                    self.articles += 1;
                    return Some(Ok(*a));
                }
                Ok(Some((record, offset, Outcome::Bad(message)))) => {
                    return Some(Err(IngestError::Warc {
                        path: self.s.path.clone(),
                        record,
                        offset,
                        message,
                    }))
                }
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}
