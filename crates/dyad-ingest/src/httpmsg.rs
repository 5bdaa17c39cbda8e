//! HTTP/1.x response messages as stored in WARC `response` records: status line, headers,
//! body; `Transfer-Encoding: chunked` and `Content-Encoding: gzip`/`deflate` are undone.

use std::io::Read;

/// A parsed response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Parses a stored HTTP response; the body is kept up to `limit` bytes (plus one, so that an
/// over-long body can be told apart).
pub fn parse_response(block: &[u8], limit: u64) -> Result<Response, String> {
    let head_end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("no blank line after the HTTP headers")?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(format!("bad status line {:?}", truncate(status_line)));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {:?}", truncate(status_line)))?;
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        if k.eq_ignore_ascii_case("content-type") {
            content_type = Some(v.to_string());
        } else if k.eq_ignore_ascii_case("transfer-encoding") {
            chunked = v.to_ascii_lowercase().contains("chunked");
        } else if k.eq_ignore_ascii_case("content-encoding") {
            encoding = v.to_ascii_lowercase();
        }
    }
    let raw = &block[head_end.1..];
    let body = if chunked { dechunk(raw)? } else { raw.to_vec() };
    let body = match encoding.as_str() {
        "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit)?,
        "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)?,
        "" | "identity" => body,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    Ok(Response {
        status,
        content_type,
        body,
    })
}

/// The `charset=` parameter of a `Content-Type` value.
pub fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

fn inflate(r: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("bad compressed body: {e}"))?;
    Ok(out)
}

fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let nl = find(raw, b"\n").ok_or("chunked body: missing chunk size line")?;
        let size_line = String::from_utf8_lossy(&raw[..nl]);
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|_| format!("chunked body: bad chunk size {:?}", truncate(size_hex)))?;
        raw = &raw[nl + 1..];
        if size == 0 {
            return Ok(out);
        }
        if raw.len() < size {
            return Err("chunked body: a chunk is cut short".into());
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size..];
        raw = raw
            .strip_prefix(b"\r\n")
            .or_else(|| raw.strip_prefix(b"\n"))
            .unwrap_or(raw);
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_chunked_and_gzipped_bodies() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>hi</p>",
            100,
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"<p>hi</p>");
        assert_eq!(
            charset(r.content_type.as_deref().unwrap()).as_deref(),
            Some("ISO-8859-1")
        );
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n",
            100,
        )
        .unwrap();
        assert_eq!(r.body, b"<p>hi</p>");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>hi</p>").unwrap();
        let mut msg = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        msg.extend(gz.finish().unwrap());
        assert_eq!(parse_response(&msg, 100).unwrap().body, b"<p>hi</p>");
        assert!(parse_response(b"garbage", 100).is_err());
        assert!(parse_response(b"SMTP 200\r\n\r\n", 100)
            .unwrap_err()
            .contains("status line"));
    }
}
