//! `dyad parse PATH...`: cut articles into sentences and tokens, tag, lemmatize and parse them,
//! and print CoNLL-U.

use anyhow::Result;
use dyad_core::SourceHints;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories, URLs or `-` for standard input (any format `dyad code` reads).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Model file instead of the bundled one.
    #[arg(long)]
    model: Option<PathBuf>,
    #[command(flatten)]
    input: super::InputFlags,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let model = dyad::models::load(a.model.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = super::each_article(&a.paths, &SourceHints::default(), &a.input, |article| {
        let mut doc = dyad_text::doc(&article);
        model.annotate(&mut doc);
        writeln!(out, "# newdoc id = {}", article.id)?;
        out.write_all(doc.to_conllu(&article.id).as_bytes())?;
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
