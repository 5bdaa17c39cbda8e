//! `dyad clean PATH... [--explain] [--json]`: the article text that reaches the coder. Plain:
//! the kept text. `--explain`: every block, kept (`+`) or dropped (`-`) with the reason (and
//! the language of a non-English paragraph), after a line of metadata. `--json`: one object per
//! article with the metadata, kept text, raw map and blocks. Exit 0 when every input gave
//! text, 1 when some were skipped (named on stderr), 2 on bad flags.

use anyhow::Result;
use dyad_core::SourceHints;
use dyad_text::Cleaned;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (read recursively), URLs, or `-` for standard input: text, HTML,
    /// JSON Lines, JSON, WARC, RSS/Atom feeds, URL lists, each possibly gzipped.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Print every block, marking dropped ones with the reason.
    #[arg(long, conflicts_with = "json")]
    explain: bool,
    /// Print one JSON object per article.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    hints: super::HintFlags,
    #[command(flatten)]
    input: super::InputFlags,
}

/// The metadata line of `--explain`.
pub fn meta_line(c: &Cleaned) -> String {
    let m = &c.meta;
    let mut parts = Vec::new();
    let mut push = |k: &str, v: &Option<String>| {
        if let Some(v) = v {
            parts.push(format!("{k}: {v}"));
        }
    };
    push("title", &m.title);
    push("outlet", &m.outlet);
    push("url", &m.url);
    push("author", &m.author);
    push("publisher", &m.publisher);
    if let Some(d) = m.published {
        let src = m
            .date_source
            .and_then(|s| serde_json::to_value(s).ok())
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        parts.push(format!("date: {d} ({src})"));
    }
    if !m.languages.is_empty() {
        let l: Vec<String> = m
            .languages
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        parts.push(format!("paragraphs by language: {}", l.join(", ")));
    }
    parts.join(" | ")
}

/// `--explain` output for one input: the metadata line, then one line per block.
pub fn explain(c: &Cleaned) -> String {
    let mut s = format!("# {}\n", meta_line(c));
    for b in &c.blocks {
        match b.dropped {
            None => s.push_str(&format!("+ {}\n", b.text)),
            Some(dyad_text::boilerplate::DropReason::Language) => s.push_str(&format!(
                "- [{}: {}] {}\n",
                dyad_text::boilerplate::DropReason::Language.as_str(),
                b.lang.unwrap_or("und"),
                b.text
            )),
            Some(r) => s.push_str(&format!("- [{}] {}\n", r.as_str(), b.text)),
        }
    }
    if c.text.is_empty() {
        s.push_str("# no article text\n");
    }
    s
}

/// `--json` output for one input.
pub fn to_json(origin: &str, c: &Cleaned) -> serde_json::Value {
    let blocks: Vec<serde_json::Value> = c
        .blocks
        .iter()
        .map(|b| {
            serde_json::json!({
                "text": b.text,
                "kept": b.dropped.is_none(),
                "reason": b.dropped.map(|r| r.code()),
                "lang": b.lang,
                "raw": b.raw.map(|r| [r.start, r.end]),
            })
        })
        .collect();
    let raw_map: Vec<[usize; 4]> = c
        .raw_map
        .iter()
        .map(|(t, r)| [t.start, t.end, r.start, r.end])
        .collect();
    serde_json::json!({
        "article": origin,
        "meta": c.meta,
        "text": c.text,
        "raw_map": raw_map,
        "blocks": blocks,
    })
}

pub fn run(a: Args) -> Result<ExitCode> {
    let hints = a.hints.hints();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    // Articles get a header line, as `head` prints for many files, when there is more than one.
    let mut many = a.paths.len() > 1;
    let mut articles = dyad_ingest::articles(&a.paths, a.input.options(&hints)?).peekable();
    while let Some(raw) = articles.next() {
        many = many || articles.peek().is_some();
        let raw = match raw {
            Ok(r) => r,
            Err(e) => {
                eprintln!("dyad: error: {e}");
                failed += 1;
                continue;
            }
        };
        let c = match dyad_text::clean(&raw, a.explain) {
            Ok(c) => c,
            Err(e) => {
                let e = dyad_text::TextError::Decode(e);
                eprintln!("dyad: error: {}", super::text_error(&raw.origin, &e));
                failed += 1;
                continue;
            }
        };
        if c.text.is_empty() {
            let e = dyad_text::TextError::NoText;
            eprintln!("dyad: error: {}", super::text_error(&raw.origin, &e));
            failed += 1;
        }
        if a.json {
            writeln!(out, "{}", to_json(&raw.origin.to_string(), &c))?;
            continue;
        }
        if many {
            writeln!(out, "==> {} <==", raw.origin)?;
        }
        if a.explain {
            write!(out, "{}", explain(&c))?;
        } else if !c.text.is_empty() {
            writeln!(out, "{}", c.text)?;
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The text dyad gives for a benchmark page, three ways: what reaches the coder (English
/// only), the cleaned text in any language (what the benchmark scores), and the extractor's
/// text before our boilerplate rules.
fn bench_texts(c: &Cleaned) -> [String; 3] {
    use dyad_text::boilerplate::DropReason;
    let join = |keep: &dyn Fn(Option<DropReason>) -> bool| {
        c.blocks
            .iter()
            .filter(|b| keep(b.dropped))
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    [
        c.text.clone(),
        join(&|d| d.is_none() || d == Some(DropReason::Language)),
        join(&|d| d != Some(DropReason::NotMainContent)),
    ]
}

/// `dyad eval clean DIR [--json]`.
pub fn eval(dir: &std::path::Path, json: bool) -> Result<ExitCode> {
    use anyhow::Context;
    use dyad_core::{Origin, RawArticle};
    use dyad_eval::clean::{score, Benchmark, Scores};
    use std::collections::HashMap;
    let bench = Benchmark::load(dir)
        .map_err(anyhow::Error::msg)
        .with_context(|| {
            format!(
                "{}: not a readable article-extraction benchmark",
                dir.display()
            )
        })?;
    let ids: Vec<&str> = bench.truth.keys().map(String::as_str).collect();
    let mut preds: [HashMap<String, String>; 3] = Default::default();
    let mut unmapped = 0usize;
    let mut kept_blocks = 0usize;
    for id in &ids {
        let bytes = Benchmark::page(dir, id).map_err(anyhow::Error::msg)?;
        let raw = RawArticle {
            origin: Origin::file(Benchmark::page_path(dir, id).display().to_string()),
            format: dyad_core::article::Format::Html,
            bytes,
            hints: SourceHints::default(),
        };
        let Ok(c) = dyad_text::clean(&raw, false) else {
            continue;
        };
        kept_blocks += c.blocks.iter().filter(|b| b.dropped.is_none()).count();
        unmapped += c
            .blocks
            .iter()
            .filter(|b| b.dropped.is_none() && b.raw.is_none())
            .count();
        for (p, t) in preds.iter_mut().zip(bench_texts(&c)) {
            p.insert(id.to_string(), t);
        }
    }
    let [english, dyad, extractor] = preds;
    let low: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|i| i.starts_with(['0', '1', '2', '3', '4', '5', '6', '7']))
        .collect();
    let high: Vec<&str> = ids.iter().copied().filter(|i| !low.contains(i)).collect();
    let three = |p: &HashMap<String, String>| -> [Scores; 3] {
        [
            score(&bench.truth, p, &ids),
            score(&bench.truth, p, &low),
            score(&bench.truth, p, &high),
        ]
    };
    let mut rows: Vec<(String, [Scores; 3])> = vec![
        ("dyad".to_string(), three(&dyad)),
        (
            "dyad (English paragraphs only)".to_string(),
            three(&english),
        ),
        (
            "dyad (extractor, before our rules)".to_string(),
            three(&extractor),
        ),
    ];
    for (name, p) in &bench.peers {
        rows.push((name.clone(), three(p)));
    }
    rows.sort_by(|a, b| b.1[0].f1.total_cmp(&a.1[0].f1));
    let r3 = |x: f64| (x * 1000.0).round() / 1000.0;
    let obj = |s: &Scores| {
        serde_json::json!({"f1": r3(s.f1), "precision": r3(s.precision), "recall": r3(s.recall),
                           "accuracy": r3(s.accuracy), "pages": s.pages})
    };
    let ours = &rows
        .iter()
        .find(|r| r.0 == "dyad")
        .map(|r| r.1)
        .unwrap_or_default();
    if json {
        let peers: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .filter(|r| !r.0.starts_with("dyad"))
            .map(|r| (r.0.clone(), obj(&r.1[0])))
            .collect();
        let variants: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .filter(|r| r.0.starts_with("dyad ("))
            .map(|r| (r.0.clone(), obj(&r.1[0])))
            .collect();
        let v = serde_json::json!({
            "set": dir.display().to_string(),
            "pages": ids.len(),
            "f1": r3(ours[0].f1), "precision": r3(ours[0].precision), "recall": r3(ours[0].recall),
            "accuracy": r3(ours[0].accuracy),
            "halves": {"0-7": obj(&ours[1]), "8-f": obj(&ours[2])},
            "variants": variants,
            "peers": peers,
            "kept_blocks": kept_blocks, "kept_blocks_without_raw_span": unmapped,
        });
        println!("{v}");
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} pages ({} with ids 0-7, {} with ids 8-f); shingle scores as the benchmark defines them",
        ids.len(),
        low.len(),
        high.len()
    );
    println!(
        "{:<36} {:>6} {:>6} {:>6} {:>6}   {:>8} {:>8}",
        "system", "F1", "P", "R", "acc", "F1 0-7", "F1 8-f"
    );
    for (name, s) in &rows {
        println!(
            "{:<36} {:>6.3} {:>6.3} {:>6.3} {:>6.3}   {:>8.3} {:>8.3}",
            name, s[0].f1, s[0].precision, s[0].recall, s[0].accuracy, s[1].f1, s[2].f1
        );
    }
    println!("kept blocks: {kept_blocks}, of which {unmapped} could not be found in the raw page");
    Ok(ExitCode::SUCCESS)
}
