//! dyad-ingest: command-line inputs → a stream of `RawArticle`s.
//!
//! Inputs are files, directories (recursively, in a stable order), `-` (standard input) and
//! `http(s)://` URLs. What an input holds is sniffed from its first bytes (and only then its
//! name): plain text, HTML, JSON Lines, a JSON array or object (news-please, trafilatura or
//! configured field names), WARC, an RSS/Atom feed (whose items are fetched), a list of URLs,
//! or any of these gzipped. Containers yield many articles, read one record at a time in
//! bounded memory. Every input, line or record that cannot be read is one error naming it
//! (`file:LINE: …`, `file: WARC record N (byte offset B): …`, `URL: HTTP 404 Not Found`) and
//! the rest of the batch goes on.
//!
//! Modules: [`stream`] (the iterator and the dispatch), [`sniff`], [`jsonl`], [`json`],
//! [`record`] and [`fields`] (JSON records), [`warc`] and [`httpmsg`] (WARC), [`feed`],
//! [`urllist`], [`http`] (the client), [`bounded`] (size limits), [`dates`], [`error`].

pub mod bounded;
pub mod dates;
pub mod error;
pub mod feed;
pub mod fields;
pub mod http;
pub mod httpmsg;
pub mod json;
pub mod jsonl;
pub mod record;
pub mod sniff;
pub mod stream;
pub mod urllist;
pub mod warc;

pub use error::IngestError;
pub use fields::FieldMap;
pub use http::HttpOptions;
pub use stream::{articles, expand, Articles, Input, Options, DEFAULT_MAX_BYTES};

use dyad_core::{RawArticle, SourceHints};

/// Reads the first article of one input (for callers that take one article per input, such as
/// `dyad bench`); an input with no article is reported as empty.
pub fn read(input: &Input, hints: &SourceHints, max_bytes: u64) -> Result<RawArticle, IngestError> {
    let opts = Options {
        hints: hints.clone(),
        max_bytes,
        ..Options::default()
    };
    let name = match input {
        Input::Stdin => "-".to_string(),
        Input::File(p) => p.display().to_string(),
        Input::Url(u) | Input::Missing(u) => u.clone(),
    };
    Articles::new(vec![input.clone()], opts)
        .next()
        .unwrap_or(Err(IngestError::Empty { path: name }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_named() {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bin = dir.join("x.bin");
        std::fs::write(&bin, b"abc\n\x00\x01").unwrap();
        let empty = dir.join("e.txt");
        std::fs::write(&empty, b"  \n").unwrap();
        let h = SourceHints::default();
        let e = read(&Input::File(bin), &h, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(e, IngestError::Binary { line: 2, .. }), "{e}");
        assert!(e.to_string().contains("x.bin"));
        let e = read(&Input::File(empty), &h, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(e.to_string().contains("empty file"));
        let e = read(&Input::Missing("nope.txt".into()), &h, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(e.to_string().contains("nope.txt"));
        let big = dir.join("big.txt");
        std::fs::write(&big, vec![b'a'; 100]).unwrap();
        let e = read(&Input::File(big), &h, 10).unwrap_err();
        assert!(matches!(e, IngestError::TooLarge { size: 100, .. }), "{e}");
        assert!(
            e.to_string()
                .contains("too large (100 bytes; the limit is 10 bytes"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn directories_expand_sorted_with_known_extensions() {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-dir-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "b").unwrap();
        std::fs::write(dir.join("a.html"), "a").unwrap();
        std::fs::write(dir.join("sub/c.txt"), "c").unwrap();
        std::fs::write(dir.join("sub/d.jsonl.gz"), "d").unwrap();
        std::fs::write(dir.join("sub/e.warc"), "e").unwrap();
        std::fs::write(dir.join("README.md"), "r").unwrap();
        std::fs::write(dir.join("x.gz"), "x").unwrap();
        let got = expand(&[dir.display().to_string(), "https://a.example/x".into()]);
        let names: Vec<String> = got
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(&dir).unwrap().display().to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            names,
            vec![
                "a.html",
                "b.txt",
                "sub/c.txt",
                "sub/d.jsonl.gz",
                "sub/e.warc",
                "Url(\"https://a.example/x\")"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
