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
    "dicts/actors/organizations.txt" => DictKind::Actors,
    // After the other actor files: a phrase they also list keeps their reading.
    "dicts/actors/places.txt" => DictKind::Actors,
    "dicts/actors/agents.txt" => DictKind::Agents,
    "dicts/verbs/cameo.txt" => DictKind::Verbs,
    "dicts/verbs/moods.txt" => DictKind::Verbs,
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

/// Which PETRARCH/TABARI dictionary a file is, from its name: verb dictionaries name "verb"
/// or are `CAMEO.*`; agent dictionaries name "agent"; everything else is an actor dictionary.
pub fn petrarch_kind(path: &Path) -> DictKind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.contains("verb") || name.starts_with("cameo") {
        DictKind::Verbs
    } else if name.contains("agent") {
        DictKind::Agents
    } else {
        DictKind::Actors
    }
}

/// Converts PETRARCH/TABARI dictionary files into dyad dictionary files (in memory), with the
/// diagnostics for every line that could not be used. Output names follow `dicts/`:
/// `actors/NAME.txt`, `actors/agents.txt` (for agent files), `verbs/NAME.txt`.
/// When verbs are imported, dyad's bundled mood lines come along as `verbs/moods.txt`.
pub fn import(paths: &[std::path::PathBuf]) -> Result<(Vec<DictFile>, Vec<dyad_core::Diagnostic>)> {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for p in paths {
        let lower = p
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if lower.contains("discard") || lower.contains("issue") || lower.contains("ontology") {
            diags.push(dyad_core::Diagnostic::warning(
                p.display().to_string(),
                None,
                "discard, issue and ontology files have no dyad equivalent; not imported",
            ));
            continue;
        }
        let bytes = std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
        // PETRARCH files are mostly ASCII; a stray Latin-1 byte must not stop the import.
        let text = String::from_utf8_lossy(&bytes);
        let shown = p.display().to_string();
        let kind = petrarch_kind(p);
        let (out, d) = match kind {
            DictKind::Actors => dyad_actors::import::actors(&shown, &text),
            DictKind::Agents => dyad_actors::import::agents(&shown, &text),
            DictKind::Verbs => dyad_events::import::verbs(&shown, &text),
        };
        diags.extend(d);
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "imported".into());
        let name = match kind {
            DictKind::Actors => format!("actors/{stem}.txt"),
            DictKind::Agents => "actors/agents.txt".to_string(),
            DictKind::Verbs => format!("verbs/{stem}.txt"),
        };
        files.push(DictFile {
            name,
            kind,
            text: out,
        });
    }
    // dyad's mood lines (intent, refusal, statements) are not PETRARCH's, but they apply to
    // any CAMEO verb dictionary; they go with the import so that imported verbs code moods
    // the same way. Delete `verbs/moods.txt` from the output to code without them.
    let has_verbs = files.iter().any(|f| f.kind == DictKind::Verbs);
    if has_verbs && !files.iter().any(|f| f.name == MOODS_OUT) {
        if let Some((_, kind, text)) = BUNDLED
            .iter()
            .find(|(n, _, _)| *n == "dicts/verbs/moods.txt")
        {
            files.push(DictFile {
                name: MOODS_OUT.to_string(),
                kind: *kind,
                text: text.to_string(),
            });
        }
    }
    Ok((files, diags))
}

/// Where `import` puts dyad's bundled mood lines.
const MOODS_OUT: &str = "verbs/moods.txt";
