//! The dictionaries bundled into the binary (from `dicts/` in the repository), and loading a
//! dictionary directory given on the command line instead.

use anyhow::{Context, Result};
use std::path::Path;

/// Which loader reads a dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictKind {
    Actors,
    Agents,
    Verbs,
}

/// A dictionary file: its name as reported in rules, its kind and its text.
#[derive(Debug, Clone)]
pub struct DictFile {
    pub name: String,
    pub kind: DictKind,
    pub text: String,
}

macro_rules! bundled {
    ($($path:literal => $kind:expr),* $(,)?) => {
        &[$(($path, $kind, include_str!(concat!("../../../", $path)))),*]
    };
}

/// The bundled dictionaries: (path in the repository, kind, text).
pub const BUNDLED: &[(&str, DictKind, &str)] = bundled![
    "dicts/actors/countries.txt" => DictKind::Actors,
    "dicts/actors/regions.txt" => DictKind::Actors,
    "dicts/actors/igos.txt" => DictKind::Actors,
    "dicts/actors/people.txt" => DictKind::Actors,
    "dicts/actors/agents.txt" => DictKind::Agents,
    "dicts/verbs/cameo.txt" => DictKind::Verbs,
];

/// The bundled dictionary files.
pub fn bundled() -> Vec<DictFile> {
    BUNDLED
        .iter()
        .map(|(name, kind, text)| DictFile {
            name: name.to_string(),
            kind: *kind,
            text: text.to_string(),
        })
        .collect()
}

/// Reads a dictionary directory laid out like `dicts/`: `actors/*.txt` (with `agents.txt` as
/// the agent file) and `verbs/*.txt`.
pub fn from_dir(dir: &Path) -> Result<Vec<DictFile>> {
    let mut out = Vec::new();
    for (sub, default_kind) in [("actors", DictKind::Actors), ("verbs", DictKind::Verbs)] {
        let d = dir.join(sub);
        let mut paths: Vec<_> = std::fs::read_dir(&d)
            .with_context(|| format!("{}: cannot read dictionary directory", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p)
                .with_context(|| format!("{}: cannot read dictionary", p.display()))?;
            let kind = if p.file_name().is_some_and(|n| n == "agents.txt") {
                DictKind::Agents
            } else {
                default_kind
            };
            out.push(DictFile {
                name: p.display().to_string(),
                kind,
                text,
            });
        }
    }
    Ok(out)
}
