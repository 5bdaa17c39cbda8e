//! Training the tagger, lemmatizer and parser from CoNLL-U treebanks, deterministically (fixed
//! seed, fixed order of files and sentences). The parser is trained on jackknifed tags: each
//! quarter of the training data is tagged by a tagger trained on the other three quarters, so
//! it learns from the kind of tags it will see at run time.

use crate::parser::{Gold, Input};
use crate::tagger::{TagExample, Tagger};
use crate::{Lemmatizer, Parser, Pipeline};
use dyad_core::conllu::{self, ConlluSentence};
use std::path::PathBuf;
use std::time::Instant;

/// What to train on and how long.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub train: Vec<PathBuf>,
    pub tagger_iters: usize,
    pub parser_iters: usize,
    pub folds: usize,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            train: Vec::new(),
            tagger_iters: 8,
            parser_iters: 12,
            folds: 4,
            seed: 1,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{source}")]
    Conllu {
        path: String,
        source: conllu::ConlluError,
    },
    #[error("no training sentences")]
    Empty,
}

/// Reads CoNLL-U files into sentences.
pub fn read_treebanks(paths: &[PathBuf]) -> Result<Vec<ConlluSentence>, TrainError> {
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|source| TrainError::Read {
            path: p.display().to_string(),
            source,
        })?;
        out.extend(conllu::parse(&text).map_err(|source| TrainError::Conllu {
            path: p.display().to_string(),
            source,
        })?);
    }
    Ok(out)
}

fn tag_examples(sents: &[ConlluSentence]) -> Vec<TagExample<'_>> {
    sents
        .iter()
        .map(|s| TagExample {
            forms: s.words.iter().map(|w| w.form.as_str()).collect(),
            tags: s
                .words
                .iter()
                .map(|w| format!("{}\t{}", w.upos, w.xpos))
                .collect(),
        })
        .collect()
}

/// Trains the whole pipeline; `log` receives progress lines.
pub fn train(cfg: &TrainConfig, log: &mut dyn FnMut(&str)) -> Result<Pipeline, TrainError> {
    let t0 = Instant::now();
    let sents = read_treebanks(&cfg.train)?;
    if sents.is_empty() {
        return Err(TrainError::Empty);
    }
    let n_words: usize = sents.iter().map(|s| s.words.len()).sum();
    log(&format!(
        "read {} sentences, {} words",
        sents.len(),
        n_words
    ));

    // Jackknifed tags for the parser's training data.
    let mut jack: Vec<Vec<(String, String)>> = vec![Vec::new(); sents.len()];
    let folds = cfg.folds.max(2);
    for k in 0..folds {
        let train_part: Vec<ConlluSentence> = sents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(
            &tag_examples(&train_part),
            cfg.tagger_iters,
            cfg.seed + k as u64,
        );
        for (i, s) in sents.iter().enumerate().filter(|(i, _)| i % folds == k) {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            jack[i] = tagger
                .tag_unconstrained(&forms)
                .iter()
                .map(|c| {
                    let (u, x) = tagger.split(*c);
                    (u.to_string(), x.to_string())
                })
                .collect();
        }
        log(&format!(
            "jackknife fold {}/{} tagged ({:.1}s)",
            k + 1,
            folds,
            t0.elapsed().as_secs_f64()
        ));
    }
    let tagger = Tagger::train(&tag_examples(&sents), cfg.tagger_iters, cfg.seed);
    log(&format!(
        "tagger: {} classes, {} weights ({:.1}s)",
        tagger.labels.len(),
        tagger.n_weights(),
        t0.elapsed().as_secs_f64()
    ));
    let lemmatizer = Lemmatizer::train(sents.iter().flat_map(|s| {
        s.words
            .iter()
            .map(|w| (w.form.as_str(), w.upos.as_str(), w.lemma.as_str()))
    }));
    let data: Vec<(Input, Gold)> = sents
        .iter()
        .zip(&jack)
        .map(|(s, tags)| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let xpos: Vec<&str> = tags.iter().map(|t| t.1.as_str()).collect();
            let upos: Vec<&str> = tags.iter().map(|t| t.0.as_str()).collect();
            (
                Input::new(&forms, &xpos, &upos),
                Gold {
                    heads: s.words.iter().map(|w| w.head).collect(),
                    labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
                },
            )
        })
        .collect();
    let parser = Parser::train(&data, cfg.parser_iters, cfg.seed, |e| {
        log(&format!(
            "parser epoch {e}/{} ({:.1}s)",
            cfg.parser_iters,
            t0.elapsed().as_secs_f64()
        ))
    });
    log(&format!(
        "parser: {} labels, {} weights ({:.1}s)",
        parser.labels.len(),
        parser.n_weights(),
        t0.elapsed().as_secs_f64()
    ));
    let files: Vec<String> = cfg
        .train
        .iter()
        .map(|p| {
            p.file_name().map_or(p.display().to_string(), |f| {
                f.to_string_lossy().into_owned()
            })
        })
        .collect();
    Ok(Pipeline {
        tagger,
        lemmatizer,
        parser,
        info: format!(
            "trained on {} ({} sentences); tagger {} iterations, parser {} iterations, {} jackknife folds, seed {}",
            files.join(", "),
            sents.len(),
            cfg.tagger_iters,
            cfg.parser_iters,
            folds,
            cfg.seed
        ),
    })
}
