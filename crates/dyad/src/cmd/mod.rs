//! One module per subcommand.

pub mod bench;
pub mod clean;
pub mod code;
pub mod dict;
pub mod eval;
pub mod eval_spans;
pub mod explain;
pub mod export;
pub mod parse;
pub mod serve;
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

/// Flags shared by the commands that read articles (`code`, `parse`, `ingest`).
#[derive(clap::Args, Clone, Debug)]
pub struct InputFlags {
    /// Read a JSON field for a role, before the default names: ROLE=NAME with ROLE one of
    /// text, html, title, url, date, outlet, author; NAME may be a dotted path (repeatable).
    #[arg(long = "field", value_name = "ROLE=NAME", value_parser = parse_field)]
    pub fields: Vec<String>,
    /// Refuse inputs, records, lines and HTTP bodies larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = dyad_ingest::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Time allowed for one HTTP request, body included, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_secs)]
    pub timeout: f64,
    /// Time allowed to connect to an HTTP server, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10.0, value_parser = parse_secs)]
    pub connect_timeout: f64,
    /// Redirects followed for one HTTP request.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_redirects: u32,
}

/// What the command line says of the articles themselves (`--date`, `--outlet`, `--url`).
#[derive(clap::Args, Default)]
pub struct HintFlags {
    /// Article date, overriding the one the article gives (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Outlet name to record for these articles.
    #[arg(long)]
    pub outlet: Option<String>,
    /// URL to record for these articles.
    #[arg(long)]
    pub url: Option<String>,
}

impl HintFlags {
    /// The hints these flags give every article.
    pub fn hints(&self) -> dyad_core::SourceHints {
        dyad_core::SourceHints {
            outlet: self.outlet.clone(),
            url: self.url.clone(),
            date: self.date,
            ..dyad_core::SourceHints::default()
        }
    }
}

impl Default for InputFlags {
    fn default() -> Self {
        let http = dyad_ingest::HttpOptions::default();
        InputFlags {
            fields: Vec::new(),
            max_bytes: dyad_ingest::DEFAULT_MAX_BYTES,
            timeout: http.timeout.as_secs_f64(),
            connect_timeout: http.connect_timeout.as_secs_f64(),
            max_redirects: http.max_redirects,
        }
    }
}

impl InputFlags {
    /// The reading options for these flags and hints.
    pub fn options(&self, hints: &dyad_core::SourceHints) -> Result<dyad_ingest::Options> {
        let fields = dyad_ingest::FieldMap::from_specs(&self.fields).map_err(anyhow::Error::msg)?;
        Ok(dyad_ingest::Options {
            hints: hints.clone(),
            max_bytes: self.max_bytes,
            fields,
            http: dyad_ingest::HttpOptions {
                connect_timeout: std::time::Duration::from_secs_f64(self.connect_timeout),
                timeout: std::time::Duration::from_secs_f64(self.timeout),
                max_redirects: self.max_redirects,
            },
        })
    }
}

fn parse_field(s: &str) -> Result<String, String> {
    dyad_ingest::FieldMap::default().set(s)?;
    Ok(s.to_string())
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v < 1e6 => Ok(v),
        _ => Err(format!(
            "{s:?} is not a number of seconds (want e.g. 30 or 0.5)"
        )),
    }
}

/// `origin[:LINE]: message` for an input that could not become text.
pub fn text_error(origin: &dyad_core::Origin, e: &dyad_text::TextError) -> String {
    let line = match e {
        dyad_text::TextError::Decode(d) => d.line(),
        dyad_text::TextError::NoText => None,
    };
    let msg = e.to_string();
    match line {
        // The decode error already says "line N:"; keep the message after it.
        Some(l) => {
            let msg = msg.split_once(": ").map_or(msg.as_str(), |x| x.1);
            format!("{origin}:{l}: {msg}")
        }
        None => format!("{origin}: {msg}"),
    }
}

/// Reads and extracts every article under `paths` (files, directories, `-`, URLs; containers
/// give many articles), calling `f` on each; an input, line or record that cannot be read or
/// decoded is reported on stderr (`path[:line]: message`) and skipped. Returns the number of
/// skipped inputs and records.
pub fn each_article(
    paths: &[String],
    hints: &dyad_core::SourceHints,
    flags: &InputFlags,
    mut f: impl FnMut(dyad_core::Article) -> Result<()>,
) -> Result<usize> {
    let mut failed = 0;
    for raw in dyad_ingest::articles(paths, flags.options(hints)?) {
        let raw = match raw {
            Ok(r) => r,
            Err(e) => {
                eprintln!("dyad: error: {e}");
                failed += 1;
                continue;
            }
        };
        match dyad_text::extract(&raw) {
            Ok(article) => f(article)?,
            Err(e) => {
                eprintln!("dyad: error: {}", text_error(&raw.origin, &e));
                failed += 1;
            }
        }
    }
    Ok(failed)
}
