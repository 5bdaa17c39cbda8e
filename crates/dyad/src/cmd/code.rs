//! `dyad code PATH... [--date YYYY-MM-DD] [--outlet NAME]`: code articles into JSON Lines
//! events on stdout. Exit 0 when every input was coded, 1 when some were skipped (each named
//! on stderr), 2 on bad flags or a fatal error.

use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively), URLs, or `-` for standard input: text, HTML,
    /// JSON Lines, JSON, WARC, RSS/Atom feeds, URL lists, each possibly gzipped.
    #[arg(required = true)]
    paths: Vec<String>,
    #[command(flatten)]
    hints: super::HintFlags,
    /// Use the dictionaries in this directory (laid out like `dicts/`) instead of the bundled ones.
    #[arg(long)]
    dicts: Option<PathBuf>,
    /// Give bare agents ("rebels", "protesters": `---REB`) the country their sentence is
    /// about (a place tied to them or their act, or the domestic institution they act on).
    /// Off by default, as in PETRARCH-style coding.
    #[arg(long)]
    agent_country: bool,
    #[command(flatten)]
    input: super::InputFlags,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let mut pipeline = super::pipeline(a.dicts.as_ref())?;
    pipeline.agent_country = a.agent_country;
    let hints = a.hints.hints();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = super::each_article(&a.paths, &hints, &a.input, |article| {
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
