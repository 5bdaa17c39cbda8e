//! Articles before and after text extraction.

use crate::Span;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where an input came from: a file path (or `-` for standard input) and, for containers that
/// hold many articles, the record inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub path: String,
    /// 1-based line or record number inside a multi-article container.
    pub record: Option<u64>,
}

impl Origin {
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            record: None,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.record {
            Some(r) => write!(f, "{}#{}", self.path, r),
            None => f.write_str(&self.path),
        }
    }
}

/// What the user told us about an input (command-line flags) or the container said about it
/// (a JSON record's fields, a feed item, a WARC record's headers, an HTTP response).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceHints {
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Date to use when the article itself gives none.
    pub date: Option<NaiveDate>,
    /// Publication date stated by the container (a JSON record's date field, a feed item's
    /// date): used when the page's own metadata gives none, before the dateline.
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// Character set declared by the transport (HTTP or WARC `Content-Type`).
    pub charset: Option<String>,
}

/// The kind of bytes an input holds, as sniffed from its content and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
}

/// An input as read from disk or stdin: bytes, not yet decoded.
#[derive(Debug, Clone)]
pub struct RawArticle {
    pub origin: Origin,
    pub format: Format,
    pub bytes: Vec<u8>,
    pub hints: SourceHints,
}

pub use Format as RawFormat;

/// How the article date was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A `<meta>` tag (or `<time datetime>`) in the HTML page.
    HtmlMeta,
    /// A JSON-LD `NewsArticle` (or `Article`, `BlogPosting`) `datePublished` in the page.
    JsonLd,
    /// A dateline or byline date in the text ("MOSCOW, March 18, 2021 --").
    Dateline,
    /// The container's metadata: a JSON record's date field or a feed item's date.
    Record,
    /// The `--date` flag.
    Flag,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    /// The character encoding the input was decoded from (`UTF-8`, `windows-1252`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The publisher named by JSON-LD (`publisher.name`), when the page has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Paragraphs of the input per language (ISO 639-3 code, e.g. `eng`, `rus`; `und` when too
    /// short to tell) that survived boilerplate removal. Only `eng` paragraphs reach the coder;
    /// the others are counted here and left out of `Article::text`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub languages: BTreeMap<String, usize>,
}

/// An article's own words, cleaned of markup and boilerplate, with its metadata.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable name for the article in output: the origin as a string.
    pub id: String,
    pub origin: Origin,
    pub meta: ArticleMeta,
    /// The cleaned text: paragraphs separated by blank lines. Token spans point into it.
    pub text: String,
    /// Where the kept text came from: `(span in text, span in the raw input)` pairs in text
    /// order, one per kept line (plain text) or block (HTML). Empty for articles built in code.
    /// Plain text: both spans have the same length and map byte for byte. HTML: the raw span
    /// runs from the first to the last character of the block's text in the raw page bytes.
    pub raw_map: Vec<(Span, Span)>,
}

impl Article {
    /// An article with no raw map (built from text in code: gold sets, tests, `dyad explain`).
    pub fn from_text(id: impl Into<String>, meta: ArticleMeta, text: impl Into<String>) -> Self {
        let id = id.into();
        Article {
            origin: Origin::file(id.clone()),
            id,
            meta,
            text: text.into(),
            raw_map: Vec::new(),
        }
    }

    /// The raw-input byte offset of a byte offset in `text`: exact where the mapped spans have
    /// the same length (plain text), else the start of the raw span of the block that holds it.
    pub fn raw_offset(&self, text_offset: usize) -> Option<usize> {
        let i = self.raw_map.partition_point(|(t, _)| t.end <= text_offset);
        let (t, r) = self.raw_map.get(i)?;
        if text_offset < t.start {
            return None;
        }
        if t.len() == r.len() {
            Some(r.start + (text_offset - t.start))
        } else {
            Some(r.start)
        }
    }

    /// The raw-input span of a span of `text` (e.g. a sentence), by `raw_offset` of its ends.
    pub fn raw_span(&self, span: Span) -> Option<Span> {
        let start = self.raw_offset(span.start)?;
        let last = self.raw_offset(span.end.saturating_sub(1).max(span.start))?;
        let i = self
            .raw_map
            .partition_point(|(t, _)| t.end <= span.end.saturating_sub(1));
        let end = match self.raw_map.get(i) {
            Some((t, r)) if t.len() != r.len() => r.end,
            _ => last + 1,
        };
        Some(Span::new(start, end.max(start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_offsets_exact_for_equal_spans_block_start_otherwise() {
        let mut a = Article::from_text("t", ArticleMeta::default(), "Hello world\n\nSecond");
        // "Hello world" came from raw 10..21 (same length), "Second" from a 30-byte element.
        a.raw_map = vec![
            (Span::new(0, 11), Span::new(10, 21)),
            (Span::new(13, 19), Span::new(40, 70)),
        ];
        assert_eq!(a.raw_offset(6), Some(16));
        assert_eq!(a.raw_offset(12), None, "the paragraph break maps nowhere");
        assert_eq!(a.raw_offset(15), Some(40));
        assert_eq!(a.raw_span(Span::new(6, 11)), Some(Span::new(16, 21)));
        assert_eq!(a.raw_span(Span::new(13, 19)), Some(Span::new(40, 70)));
        assert_eq!(a.raw_offset(25), None);
    }
}
