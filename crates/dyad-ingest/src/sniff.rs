//! What kind of input this is, from its first bytes (and, only when the content does not say,
//! its name): gzip, WARC, JSON Lines, a JSON document, an RSS/Atom feed, HTML, a list of URLs,
//! or plain text.

use dyad_core::article::Format;

/// How many bytes are looked at.
pub const SNIFF_BYTES: usize = 8192;

/// The kinds of input dyad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Gzip,
    Warc,
    /// One JSON object per line.
    JsonLines,
    /// One JSON array of objects, or one (possibly pretty-printed) object.
    JsonDoc,
    Feed,
    Html,
    /// Lines that are all `http(s)://` URLs (blank lines and `#` comments allowed).
    UrlList,
    Text,
}

/// Decides the kind from the first bytes (`head`, at most [`SNIFF_BYTES`]; `whole` tells
/// whether `head` is the whole input) and the name.
pub fn kind(name: &str, head: &[u8], whole: bool) -> Kind {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let body = &body[start..];
    let lname = name.to_ascii_lowercase();
    let lname = lname.strip_suffix(".gz").unwrap_or(&lname);
    if body.starts_with(b"WARC/1.") || body.starts_with(b"WARC/0.") {
        return Kind::Warc;
    }
    if body.starts_with(b"[") {
        return Kind::JsonDoc;
    }
    if body.starts_with(b"{") {
        if lname.ends_with(".jsonl") || lname.ends_with(".ndjson") {
            return Kind::JsonLines;
        }
        // A complete object on the first line is JSON Lines; `{` alone (or an unfinished
        // object) on the first line is a pretty-printed document.
        return match body.iter().position(|b| *b == b'\n') {
            Some(nl) if !body[..nl].trim_ascii().ends_with(b"}") => Kind::JsonDoc,
            None if whole => Kind::JsonDoc,
            _ => Kind::JsonLines,
        };
    }
    let lower = String::from_utf8_lossy(body).to_ascii_lowercase();
    if (lower.starts_with("<?xml")
        || lower.starts_with("<rss")
        || lower.starts_with("<feed")
        || lower.starts_with("<rdf")
        || lower.starts_with("<!--"))
        && (lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf"))
        && !lower.contains("<html")
    {
        return Kind::Feed;
    }
    if format(name, head) == Format::Html {
        return Kind::Html;
    }
    if is_url_list(&lower, whole) {
        return Kind::UrlList;
    }
    Kind::Text
}

/// The first line that is not blank or a `#` comment is a URL, and so are at least two in
/// three of them (the odd bad line is then reported by the URL-list reader).
fn is_url_list(lower: &str, whole: bool) -> bool {
    let mut lines: Vec<&str> = lower.lines().collect();
    if !whole && !lower.ends_with('\n') {
        lines.pop(); // cut off by the sniff window
    }
    let is_url = |l: &str| {
        (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(char::is_whitespace)
    };
    let lines: Vec<&str> = lines
        .into_iter()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let urls = lines.iter().filter(|l| is_url(l)).count();
    lines.first().is_some_and(|l| is_url(l)) && urls * 3 >= lines.len() * 2
}

/// HTML when the content looks like markup, whatever the name; else the name decides.
pub fn format(name: &str, bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head>")
        || (trimmed.starts_with('<') && head.contains("</p>"))
    {
        return Format::Html;
    }
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_by_content() {
        assert_eq!(format("a.txt", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(format("a", b"  <html><body><p>x</p>"), Format::Html);
        assert_eq!(format("a.txt", b"Russia <3 talks"), Format::Text);
        assert_eq!(format("a.html", b"plain"), Format::Html);
    }

    #[test]
    fn sniffs_containers_by_content_not_name() {
        assert_eq!(kind("x.txt", b"\x1f\x8b\x08\x00", false), Kind::Gzip);
        assert_eq!(
            kind("x.txt", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", false),
            Kind::Warc
        );
        assert_eq!(
            kind("x.txt", b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n", true),
            Kind::JsonLines
        );
        assert_eq!(kind("x", b"{\n  \"text\": \"a\"\n}\n", true), Kind::JsonDoc);
        assert_eq!(kind("x", b"{\"text\": \"a\"}", true), Kind::JsonDoc);
        assert_eq!(kind("x.jsonl", b"{\"text\": \"a\"}", true), Kind::JsonLines);
        assert_eq!(
            kind("x", b"\xEF\xBB\xBF [ {\"text\": 1} ]", true),
            Kind::JsonDoc
        );
        assert_eq!(
            kind(
                "x",
                b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                false
            ),
            Kind::Feed
        );
        assert_eq!(
            kind("x", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", false),
            Kind::Feed
        );
        assert_eq!(kind("x.xml", b"<html><body><p>x</p>", true), Kind::Html);
        assert_eq!(
            kind(
                "x",
                b"# list\nhttps://a.example/1\n\nhttp://b.example/2\n",
                true
            ),
            Kind::UrlList
        );
        assert_eq!(
            kind("x", b"See https://a.example/1 for more.\n", true),
            Kind::Text
        );
        assert_eq!(kind("x.jsonl.gz", b"Russia met China.", true), Kind::Text);
    }
}
