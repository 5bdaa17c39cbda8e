//! One module per subcommand.

pub mod bench;
pub mod code;
pub mod dict;
pub mod eval;
pub mod explain;
pub mod parse;
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
