//! `dyad eval code FILE.txt`: the actors of coded events against gold source and target spans
//! (ConfliBERT's `cameo_ner` layout), apart from the event code. See
//! [`dyad_eval::spans`] for the file format and the measures.

use super::eval::{case_article, happened, round3, Split};
use anyhow::{Context, Result};
use dyad_eval::spans::{matches_span, read_spans, score_spans, SystemActors};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Codes every sentence of a span file and prints how often the first event's source and
/// target are the marked ones.
pub fn code_spans(
    file: &Path,
    text: &str,
    tsv: Option<PathBuf>,
    dicts: Option<PathBuf>,
    split: Split,
    json: bool,
    agent_country: bool,
) -> Result<ExitCode> {
    let gold: Vec<_> = read_spans(text)
        .with_context(|| format!("{}", file.display()))?
        .into_iter()
        .filter(|g| split.keeps(&g.id))
        .collect();
    anyhow::ensure!(!gold.is_empty(), "{}: no sentences found", file.display());
    let mut pipeline = super::pipeline(dicts.as_ref())?;
    pipeline.agent_country = agent_country;
    let sys: Vec<SystemActors> = gold
        .iter()
        .map(|g| SystemActors {
            events: happened(&pipeline, &case_article(&g.id, None, &g.text))
                .into_iter()
                .map(|e| (e.source_text, e.target_text))
                .collect(),
        })
        .collect();
    let s = score_spans(&gold, &sys);
    if let Some(p) = &tsv {
        let mut body =
            String::from("id\tgold_sources\tgold_targets\tsystem\tsource_ok\ttarget_ok\ttext\n");
        for (g, p) in gold.iter().zip(&sys) {
            let events: Vec<String> = p
                .events
                .iter()
                .map(|(a, b)| format!("{a} -> {}", b.as_deref().unwrap_or("")))
                .collect();
            let (src_ok, tgt_ok) = match p.events.first() {
                Some((a, b)) => (
                    matches_span(a, &g.sources).to_string(),
                    b.as_deref()
                        .is_some_and(|b| matches_span(b, &g.targets))
                        .to_string(),
                ),
                None => (String::new(), String::new()),
            };
            body.push_str(&format!(
                "{}\t{}\t{}\t{}\t{src_ok}\t{tgt_ok}\t{}\n",
                g.id,
                g.sources.join(" | "),
                g.targets.join(" | "),
                events.join("; "),
                g.text
            ));
        }
        std::fs::write(p, body).with_context(|| format!("{}: cannot write", p.display()))?;
    }
    if json {
        let v = serde_json::json!({
            "set": file.display().to_string(),
            "split": format!("{split:?}").to_lowercase(),
            "cases": s.cases,
            "coded": s.coded,
            "source_accuracy": round3(s.source_accuracy()),
            "target_accuracy": round3(s.target_accuracy()),
            "pair_accuracy": round3(s.pair_accuracy()),
            "counts": s,
        });
        println!("{v}");
    } else {
        println!(
            "{}: {} sentences, {} with an event",
            file.display(),
            s.cases,
            s.coded
        );
        println!(
            "first event's source is a marked source   {:.3} ({}/{})",
            s.source_accuracy(),
            s.source_ok,
            s.with_source
        );
        println!(
            "first event's target is a marked target   {:.3} ({}/{})",
            s.target_accuracy(),
            s.target_ok,
            s.with_target
        );
        println!(
            "some event has both actors right          {:.3} ({}/{})",
            s.pair_accuracy(),
            s.pair_ok,
            s.with_both
        );
    }
    Ok(ExitCode::SUCCESS)
}
