//! `dyad dict check [--dicts DIR]`: load the dictionaries and report every line that cannot be
//! used (`path:line: message`), and patterns that can never win.
//! `dyad dict import FILE... --out DIR`: convert PETRARCH/TABARI dictionaries to dyad's format.

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
    /// Convert PETRARCH-2 / TABARI dictionary files (actors, agents, verbs; the kind is taken
    /// from the file name) into a dyad dictionary directory usable with `--dicts DIR`.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Directory to write (`actors/`, `verbs/` inside it).
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(c: Command) -> Result<ExitCode> {
    let dicts = match c {
        Command::Check { dicts } => dicts,
        Command::Import { files, out } => return import(&files, &out),
    };
    let p = super::pipeline(dicts.as_ref())?;
    let mut problems = p.diagnostics.len();
    let mut warnings = 0;
    // The same pattern text (after the code) given twice: the later one can never win.
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (idx, pat) in p.verbs.patterns.iter().enumerate() {
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
            seen.insert(
                body.clone(),
                (pat.code.code.to_string(), pat.rule.to_string()),
            );
            // Not a copy, but an earlier pattern covers every sentence it matches.
            if let Some(q) = p.verbs.shadowed_by(idx) {
                let q = &p.verbs.patterns[q];
                // A warning, not a problem: imported PETRARCH blocks often hold a bare verb
                // and the same verb with a preposition, which dyad reads as one pattern.
                println!(
                    "{}: warning: pattern {:?} ({}) is unreachable: {} ({}) matches wherever it does and comes first",
                    pat.rule, body, pat.code.code, q.rule, q.code.code
                );
                warnings += 1;
            }
        }
    }
    println!(
        "{} actor entries ({} phrases), {} agent entries ({} phrases), {} verb patterns; {} problem(s), {} warning(s)",
        p.actors.actors.entries.len(),
        p.actors.actors.phrases.len(),
        p.actors.agents.entries.len(),
        p.actors.agents.phrases.len(),
        p.verbs.patterns.len(),
        problems,
        warnings
    );
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn import(files: &[PathBuf], out: &std::path::Path) -> Result<ExitCode> {
    use anyhow::Context;
    let (converted, diags) = dyad::dicts::import(files)?;
    for d in &diags {
        eprintln!("dyad: {d}");
    }
    for f in &converted {
        let path = out.join(&f.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create", dir.display()))?;
        }
        std::fs::write(&path, &f.text)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        let lines = f
            .text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .count();
        println!("{}: {} lines", path.display(), lines);
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == dyad_core::Severity::Error)
        .count();
    println!(
        "{} file(s) imported; {} line(s) reported ({} errors)",
        converted.len(),
        diags.len(),
        errors
    );
    Ok(if diags.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
