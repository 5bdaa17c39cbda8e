//! One module per subcommand.

pub mod bench;
pub mod clean;
pub mod code;
pub mod dict;
pub mod eval;
pub mod explain;
pub mod export;
pub mod parse;
pub mod serve;
pub mod store;
pub mod train;

use anyhow::Result;
use dyad::{dicts, Pipeline};
use std::path::PathBuf;

/// Loads the pipeline from `--dicts DIR` or the bundled dictionaries, printing dictionary
/// diagnostics to stderr.
pub fn pipeline(dir: Option<&PathBuf>) -> Result<Pipeline> {
    let files = match dir {
        Some(d) => dicts::from_dir(d)?,
        None => dicts::bundled(),
    };
    let p = Pipeline::load(&files).with_language(dyad::models::load(None)?);
    for d in &p.diagnostics {
        eprintln!("dyad: {d}");
    }
    Ok(p)
}

/// Parses a `YYYY-MM-DD` flag value.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date (want YYYY-MM-DD)"))
}

/// Reads and extracts every article under `paths`, calling `f` on each; an input that cannot
/// be read or decoded is reported on stderr (`path[:line]: message`) and skipped. Returns the
/// number of skipped inputs.
pub fn each_article(
    paths: &[String],
    hints: &dyad_core::SourceHints,
    max_bytes: u64,
    mut f: impl FnMut(dyad_core::Article) -> Result<()>,
) -> Result<usize> {
    let mut failed = 0;
    for input in dyad_ingest::expand(paths) {
        let raw = match dyad_ingest::read(&input, hints, max_bytes) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("dyad: error: {e}");
                failed += 1;
                continue;
            }
        };
        match dyad_text::extract(&raw) {
            Ok(article) => f(article)?,
            Err(e) => {
                let line = match &e {
                    dyad_text::TextError::Decode(d) => d.line(),
                    _ => None,
                };
                let loc = match line {
                    Some(l) => format!("{}:{l}", raw.origin),
                    None => raw.origin.to_string(),
                };
                // The decode error already says "line N:"; keep the message after it.
                let msg = e.to_string();
                let msg = msg
                    .split_once(": ")
                    .filter(|_| line.is_some())
                    .map_or(msg.as_str(), |x| x.1);
                eprintln!("dyad: error: {loc}: {msg}");
                failed += 1;
            }
        }
    }
    Ok(failed)
}
