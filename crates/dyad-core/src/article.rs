//! Articles before and after text extraction.

use chrono::NaiveDate;
use serde::Serialize;

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
    /// A `<meta>` tag or JSON-LD in the HTML page.
    HtmlMeta,
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
}
