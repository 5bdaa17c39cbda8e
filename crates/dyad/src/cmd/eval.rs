//! `dyad eval parse FILE.conllu [--json]`: tagging, lemma and parsing scores with gold tokens,
//! and token, sentence, UPOS and LAS F1 from the raw text.

use anyhow::{Context, Result};
use dyad_core::Doc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Score the tagger, lemmatizer and parser on a CoNLL-U file.
    Parse {
        file: PathBuf,
        /// Model file instead of the bundled one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Only documents whose `# newdoc id` contains this (e.g. `_news_` for GUM news).
        #[arg(long)]
        docs: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Removes the annotations of a gold document, keeping its text and tokens.
pub fn strip(gold: &Doc) -> Doc {
    Doc {
        text: gold.text.clone(),
        tokens: gold.tokens.clone(),
        sentences: gold.sentences.clone(),
        norm: gold.norm.clone(),
        ..Doc::default()
    }
}

pub fn run(c: Command) -> Result<ExitCode> {
    let Command::Parse {
        file,
        model,
        docs,
        json,
    } = c;
    let model = dyad::models::load(model.as_deref())?;
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    let mut sents = dyad_core::conllu::parse(&text)
        .with_context(|| format!("{}: not CoNLL-U", file.display()))?;
    if let Some(d) = &docs {
        sents.retain(|s| {
            s.doc_id
                .as_deref()
                .is_some_and(|id| id.contains(d.as_str()))
        });
        anyhow::ensure!(
            !sents.is_empty(),
            "{}: no document id contains {d:?}",
            file.display()
        );
    }
    let gold = Doc::from_sentences(&sents);
    let mut sys = strip(&gold);
    model.annotate(&mut sys);
    let g = dyad_eval::parse::score_gold_tokens(&gold, &sys);
    let mut raw = dyad_text::doc_from_text(gold.text.clone(), None);
    model.annotate(&mut raw);
    let r = dyad_eval::parse::score_raw(&gold, &raw);
    if json {
        let v = serde_json::json!({
            "file": file.display().to_string(),
            "words": g.words,
            "upos": round(g.upos), "xpos": round(g.xpos), "lemma": round(g.lemma),
            "uas": round(g.uas), "las": round(g.las), "las_full": round(g.las_full),
            "raw": {
                "tokens_f1": round(r.tokens_f1), "words_f1": round(r.words_f1),
                "sentences_f1": round(r.sentences_f1), "upos_f1": round(r.upos_f1),
                "las_f1": round(r.las_f1),
            }
        });
        println!("{v}");
    } else {
        println!("{}: {} words", file.display(), g.words);
        println!("gold tokens:  UPOS {:.2}  XPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}  (LAS with subtypes {:.2})", g.upos, g.xpos, g.lemma, g.uas, g.las, g.las_full);
        println!(
            "raw text F1:  tokens {:.2}  words {:.2}  sentences {:.2}  UPOS {:.2}  LAS {:.2}",
            r.tokens_f1, r.words_f1, r.sentences_f1, r.upos_f1, r.las_f1
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
