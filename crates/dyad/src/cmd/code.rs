//! `dyad code PATH... [--date YYYY-MM-DD] [--outlet NAME]`: code articles into JSON Lines
//! events on stdout. Exit 0 when every input was coded, 1 when some were skipped (each named
//! on stderr), 2 on bad flags or a fatal error.

use anyhow::Result;
use dyad_core::SourceHints;
use dyad_ingest::DEFAULT_MAX_BYTES;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively: .txt, .html, .htm) or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Article date, overriding the one the article gives (YYYY-MM-DD).
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
    let failed = super::each_article(&a.paths, &hints, a.max_bytes, |article| {
        for e in &pipeline.code_article(&article) {
            dyad::output::write_jsonl(&mut out, e)?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
