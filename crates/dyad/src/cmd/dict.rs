//! `dyad dict check [--dicts DIR]`: load the dictionaries and report every line that cannot be
//! used (`path:line: message`), and patterns that can never win.

use anyhow::Result;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Check the dictionaries: bad lines, duplicate and conflicting patterns, and counts.
    Check {
        /// Check this directory (laid out like `dicts/`) instead of the bundled dictionaries.
        #[arg(long)]
        dicts: Option<PathBuf>,
    },
}

pub fn run(c: Command) -> Result<ExitCode> {
    let Command::Check { dicts } = c;
    let p = super::pipeline(dicts.as_ref())?;
    let mut problems = p.diagnostics.len();
    // The same pattern text (after the code) given twice: the later one can never win.
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for pat in &p.verbs.patterns {
        let body = pat
            .text
            .split_once(char::is_whitespace)
            .map_or("", |x| x.1)
            .trim()
            .to_string();
        if let Some((code, rule)) = seen.get(&body) {
            let what = if code == pat.code.code {
                "duplicate of"
            } else {
                "conflicts with"
            };
            println!(
                "{}: pattern {:?} ({}) {what} {rule} ({code}); it never fires",
                pat.rule, body, pat.code.code
            );
            problems += 1;
        } else {
            seen.insert(body, (pat.code.code.to_string(), pat.rule.to_string()));
        }
    }
    println!(
        "{} actor entries ({} phrases), {} agent entries ({} phrases), {} verb patterns; {} problem(s)",
        p.actors.actors.entries.len(),
        p.actors.actors.phrases.len(),
        p.actors.agents.entries.len(),
        p.actors.agents.phrases.len(),
        p.verbs.patterns.len(),
        problems
    );
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
