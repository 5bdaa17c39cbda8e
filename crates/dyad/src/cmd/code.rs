//! `dyad code PATH... [--date YYYY-MM-DD] [--outlet NAME]`: code articles into JSON Lines
//! events on stdout. Exit 0 when every input was coded, 1 when some were skipped (each named
//! on stderr), 2 on bad flags or a fatal error.

use anyhow::Result;
use dyad_core::SourceHints;
use dyad_ingest::{expand, read, DEFAULT_MAX_BYTES};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively: .txt, .html, .htm) or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Article date when the article does not give one (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    date: Option<chrono::NaiveDate>,
    /// Outlet name to record for these articles.
    #[arg(long)]
    outlet: Option<String>,
    /// URL to record for these articles.
    #[arg(long)]
    url: Option<String>,
    /// Use the dictionaries in this directory (laid out like `dicts/`) instead of the bundled ones.
    #[arg(long)]
    dicts: Option<PathBuf>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let pipeline = super::pipeline(a.dicts.as_ref())?;
    let hints = SourceHints {
        outlet: a.outlet,
        url: a.url,
        date: a.date,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for input in expand(&a.paths) {
        let raw = match read(&input, &hints, a.max_bytes) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("dyad: error: {e}");
                failed += 1;
                continue;
            }
        };
        match pipeline.code_raw(&raw) {
            Ok(events) => {
                for e in &events {
                    dyad::output::write_jsonl(&mut out, e)?;
                }
            }
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
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
