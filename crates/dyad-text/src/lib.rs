//! dyad-text: raw bytes → an `Article` (decoded, HTML stripped, boilerplate removed, dated)
//! → a `Doc` (sentences and tokens with byte spans, temporal expressions resolved).

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod html;
pub mod sentences;
pub mod tokenize;

use dyad_core::article::Format;
use dyad_core::{Article, ArticleMeta, DateSource, Doc, RawArticle};

pub use decode::DecodeError;

/// Why an input could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("no article text found (the input is empty once markup and boilerplate are removed)")]
    NoText,
}

/// How many tokens at the start of an article may hold its dateline.
const DATELINE_TOKENS: usize = 60;

/// Decodes, extracts and cleans a raw input into an article.
pub fn extract(raw: &RawArticle) -> Result<Article, TextError> {
    let decoded = decode::decode_with(&raw.bytes, raw.hints.charset.as_deref())?;
    let mut meta = ArticleMeta {
        encoding: Some(decoded.encoding.to_string()),
        ..ArticleMeta::default()
    };
    let decoded = decoded.text;
    let text = match raw.format {
        Format::Html => {
            let page = html::extract(&decoded);
            meta.title = page.title;
            meta.outlet = page.outlet;
            meta.url = page.url;
            meta.author = page.author;
            if let Some(d) = page.published {
                meta.published = Some(d);
                meta.date_source = Some(DateSource::HtmlMeta);
            }
            boilerplate::clean(&page.paragraphs.join("\n\n"))
        }
        Format::Text => boilerplate::clean(&normalize_newlines(&decoded)),
    };
    let text = text.trim().to_string();
    if text.is_empty() {
        return Err(TextError::NoText);
    }
    if meta.published.is_none() {
        if let Some(d) = raw.hints.published {
            meta.published = Some(d);
            meta.date_source = Some(DateSource::Record);
        }
    }
    if meta.published.is_none() {
        let toks = tokenize::tokenize(&text);
        let words: Vec<&str> = toks
            .iter()
            .take(DATELINE_TOKENS)
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        if let Some(d) = dates::dateline_date(&words, DATELINE_TOKENS) {
            meta.published = Some(d);
            meta.date_source = Some(DateSource::Dateline);
        }
    }
    if meta.published.is_none() {
        if let Some(d) = raw.hints.date {
            meta.published = Some(d);
            meta.date_source = Some(DateSource::Flag);
        }
    }
    if raw.hints.outlet.is_some() {
        meta.outlet = raw.hints.outlet.clone();
    }
    if meta.url.is_none() {
        meta.url = raw.hints.url.clone();
    }
    if meta.title.is_none() {
        meta.title = raw.hints.title.clone();
    }
    if meta.author.is_none() {
        meta.author = raw.hints.author.clone();
    }
    if meta.title.is_none() {
        meta.title = text.lines().next().map(|l| l.trim().to_string());
    }
    Ok(Article {
        id: raw.origin.to_string(),
        origin: raw.origin.clone(),
        meta,
        text,
    })
}

fn normalize_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Cuts an article into sentences and tokens and resolves its temporal expressions.
pub fn doc(article: &Article) -> Doc {
    doc_from_text(article.text.clone(), article.meta.published)
}

/// Builds a `Doc` from text directly (used by `dyad explain` and tests).
pub fn doc_from_text(text: String, anchor: Option<chrono::NaiveDate>) -> Doc {
    let tokens = tokenize::tokenize(&text);
    let sentences = sentences::split_sentences(&text, &tokens);
    let norm = tokens
        .iter()
        .map(|t| normalize_token(&text[t.span.start..t.span.end]))
        .collect();
    let mut doc = Doc {
        text,
        tokens,
        sentences,
        norm,
        ..Doc::default()
    };
    if let Some(anchor) = anchor {
        let mut timexes = Vec::new();
        for s in &doc.sentences {
            let toks: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
            timexes.extend(dates::find_timexes(&toks, s.tokens.start, anchor));
        }
        doc.timexes = timexes;
    }
    doc
}

/// Lower-cases a token and folds typographic apostrophes and quotes to ASCII.
pub fn normalize_token(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '„' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}
