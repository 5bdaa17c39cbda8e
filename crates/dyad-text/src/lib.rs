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

/// Decodes and cleans a raw input into blocks, kept text and metadata, with the hints of the
/// reader and the command line applied. The publication date comes from, in order: `--date`
/// (which overrides), the page's own meta/JSON-LD, the container's record (a JSON field, a feed
/// item), and a dateline in the text. `--outlet` overrides the outlet; `--url`, a record's
/// title and author fill what the page lacks. With `explain`, an HTML page's blocks outside the
/// main content are listed too.
pub fn clean(raw: &RawArticle, explain: bool) -> Result<Cleaned, DecodeError> {
    let decoded = decode::decode_with(&raw.bytes, raw.hints.charset.as_deref())?;
    let mut c = clean::clean(&decoded.text, raw.format, explain);
    to_input_offsets(&mut c, &decoded.offsets);
    let meta = &mut c.meta;
    meta.encoding = Some(decoded.encoding.to_string());
    if let Some(d) = raw.hints.published {
        if matches!(meta.date_source, None | Some(DateSource::Dateline)) {
            meta.published = Some(d);
            meta.date_source = Some(DateSource::Record);
        }
    }
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
        meta.title = raw.hints.title.clone();
    }
    if meta.author.is_none() {
        meta.author = raw.hints.author.clone();
    }
    if meta.title.is_none() {
        meta.title = c.text.lines().next().map(|l| l.trim().to_string());
    }
    Ok(c)
}

/// Moves the raw spans of `c` from decoded-text offsets to input byte offsets.
fn to_input_offsets(c: &mut Cleaned, offsets: &decode::Offsets) {
    if offsets.is_identity() {
        return;
    }
    let map = |r: &mut dyad_core::Span| {
        *r = dyad_core::Span::new(offsets.raw(r.start), offsets.raw(r.end))
    };
    for b in &mut c.blocks {
        if let Some(r) = &mut b.raw {
            map(r);
        }
    }
    for (_, r) in &mut c.raw_map {
        map(r);
    }
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
