//! dyad-text: raw bytes → an `Article` (decoded, HTML stripped, boilerplate removed, dated)
//! → a `Doc` (sentences and tokens with byte spans, temporal expressions resolved).

pub mod boilerplate;
pub mod clean;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod html;
pub mod lang;
pub mod rawmap;
pub mod sentences;
pub mod tokenize;

use dyad_core::{Article, DateSource, Doc, RawArticle};

pub use clean::{Block, Cleaned};
pub use decode::DecodeError;

/// Why an input could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("no article text found (the input is empty once markup and boilerplate are removed)")]
    NoText,
}

/// Decodes and cleans a raw input into blocks, kept text and metadata (command-line hints
/// applied: `--date` overrides the article's own date, `--outlet` its outlet, `--url` fills a
/// missing URL). With `explain`, an HTML page's blocks outside the main content are listed too.
pub fn clean(raw: &RawArticle, explain: bool) -> Result<Cleaned, DecodeError> {
    let decoded = decode::decode(&raw.bytes)?;
    // Raw spans are byte offsets into the input; the decoder drops a UTF-8 byte-order mark.
    // (UTF-16 input is mapped into its decoded UTF-8 text.)
    let bom = if raw.bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let mut c = clean::clean(&decoded, raw.format, bom, explain);
    let meta = &mut c.meta;
    if let Some(d) = raw.hints.date {
        meta.published = Some(d);
        meta.date_source = Some(DateSource::Flag);
    }
    if raw.hints.outlet.is_some() {
        meta.outlet = raw.hints.outlet.clone();
    }
    if meta.url.is_none() {
        meta.url = raw.hints.url.clone();
    }
    if meta.title.is_none() {
        meta.title = c.text.lines().next().map(|l| l.trim().to_string());
    }
    Ok(c)
}

/// Decodes, extracts and cleans a raw input into an article.
pub fn extract(raw: &RawArticle) -> Result<Article, TextError> {
    let c = clean(raw, false)?;
    if c.text.trim().is_empty() {
        return Err(TextError::NoText);
    }
    Ok(Article {
        id: raw.origin.to_string(),
        origin: raw.origin.clone(),
        meta: c.meta,
        text: c.text,
        raw_map: c.raw_map,
    })
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
