//! dyad-ingest: command-line inputs → `RawArticle`s. Expands directories (recursively, in a
//! stable order), reads `-` as standard input, sniffs the format from the content as well as the
//! name, and turns every unreadable input into one error naming it, so that the rest of the
//! batch goes on.

use dyad_core::article::Format;
use dyad_core::{Origin, RawArticle, SourceHints};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused (they are not news articles).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// File extensions taken when walking a directory. Files named on the command line are always
/// read, whatever their name.
const DIR_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml"];

/// Why one input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error(
        "{path}: binary file (NUL byte at offset {offset}, line {line}); dyad reads text and HTML"
    )]
    Binary {
        path: String,
        offset: usize,
        line: u32,
    },
    #[error("{path}: file too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
}

impl IngestError {
    pub fn path(&self) -> &str {
        match self {
            IngestError::NotFound { path }
            | IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::TooLarge { path, .. } => path,
        }
    }

    /// The 1-based line of the problem, when there is one.
    pub fn line(&self) -> Option<u32> {
        match self {
            IngestError::Binary { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// One input to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A path that does not exist (reported when read, in order).
    Missing(String),
}

/// Expands command-line paths into inputs: directories become the files under them with a
/// known extension, sorted by path; `-` is standard input.
pub fn expand(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut files = Vec::new();
            walk_dir(path, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Input::File));
        } else if path.exists() {
            out.push(Input::File(path.to_path_buf()));
        } else {
            out.push(Input::Missing(p.clone()));
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk_dir(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| DIR_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
}

/// Reads one input into a `RawArticle`.
pub fn read(input: &Input, hints: &SourceHints, max_bytes: u64) -> Result<RawArticle, IngestError> {
    let (name, bytes) = match input {
        Input::Missing(p) => return Err(IngestError::NotFound { path: p.clone() }),
        Input::Stdin => {
            let name = "-".to_string();
            let mut buf = Vec::new();
            std::io::stdin()
                .take(max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|source| IngestError::Io {
                    path: name.clone(),
                    source,
                })?;
            if buf.len() as u64 > max_bytes {
                return Err(IngestError::TooLarge {
                    path: name,
                    size: buf.len() as u64,
                    limit: max_bytes,
                });
            }
            (name, buf)
        }
        Input::File(p) => {
            let name = p.display().to_string();
            let io = |source| IngestError::Io {
                path: name.clone(),
                source,
            };
            let meta = std::fs::metadata(p).map_err(io)?;
            if meta.len() > max_bytes {
                return Err(IngestError::TooLarge {
                    path: name,
                    size: meta.len(),
                    limit: max_bytes,
                });
            }
            let bytes = std::fs::read(p).map_err(|source| IngestError::Io {
                path: name.clone(),
                source,
            })?;
            (name, bytes)
        }
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path: name });
    }
    if let Some(offset) = find_nul(&bytes) {
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() as u32 + 1;
        return Err(IngestError::Binary {
            path: name,
            offset,
            line,
        });
    }
    let format = sniff(&name, &bytes);
    Ok(RawArticle {
        origin: Origin::file(name),
        format,
        bytes,
        hints: hints.clone(),
    })
}

/// The first NUL byte, ignoring UTF-16 text (which has a byte-order mark).
fn find_nul(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    bytes.iter().position(|b| *b == 0)
}

/// HTML when the content looks like markup, whatever the name; else the name decides.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head>")
        || (trimmed.starts_with('<') && head.contains("</p>"))
    {
        return Format::Html;
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_by_content() {
        assert_eq!(sniff("a.txt", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("a", b"  <html><body><p>x</p>"), Format::Html);
        assert_eq!(sniff("a.txt", b"Russia <3 talks"), Format::Text);
        assert_eq!(sniff("a.html", b"plain"), Format::Html);
    }

    #[test]
    fn bad_inputs_are_named() {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bin = dir.join("x.bin");
        std::fs::write(&bin, b"abc\n\x00\x01").unwrap();
        let empty = dir.join("e.txt");
        std::fs::write(&empty, b"  \n").unwrap();
        let h = SourceHints::default();
        let e = read(&Input::File(bin), &h, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(matches!(e, IngestError::Binary { line: 2, .. }), "{e}");
        assert!(e.to_string().contains("x.bin"));
        let e = read(&Input::File(empty), &h, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(e.to_string().contains("empty file"));
        let e = read(&Input::Missing("nope.txt".into()), &h, DEFAULT_MAX_BYTES).unwrap_err();
        assert!(e.to_string().contains("nope.txt"));
        let big = dir.join("big.txt");
        std::fs::write(&big, vec![b'a'; 100]).unwrap();
        let e = read(&Input::File(big), &h, 10).unwrap_err();
        assert!(matches!(e, IngestError::TooLarge { .. }));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn directories_expand_sorted_with_known_extensions() {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-dir-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "b").unwrap();
        std::fs::write(dir.join("a.html"), "a").unwrap();
        std::fs::write(dir.join("sub/c.txt"), "c").unwrap();
        std::fs::write(dir.join("README.md"), "r").unwrap();
        let got = expand(&[dir.display().to_string()]);
        let names: Vec<String> = got
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(&dir).unwrap().display().to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(names, vec!["a.html", "b.txt", "sub/c.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
