//! `dyad eval parse FILE.conllu [--json]`: tagging, lemma and parsing scores with gold tokens,
//! and token, sentence, UPOS and LAS F1 from the raw text. `dyad eval clean DIR`: article-body
//! extraction on the Scrapinghub benchmark, dyad against the peer outputs it ships.

use anyhow::{Context, Result};
use dyad_core::{Doc, Modality};
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
    /// Score event coding on a gold set: a PETRARCH-style validation XML file (PETR-2 GSR,
    /// PETRARCH-2 unit tests), the PLOVER GSR JSON, ConfliBERT's CAMEO class TSV, or a
    /// directory holding one (../shared/data/petr2-gsr-validation, plover-gsr-cameo,
    /// conflibert-cameo); or a CoNLL-style file of source and target spans (`.txt`,
    /// ConfliBERT's cameo_ner), which scores the actors of the events found.
    Code {
        set: PathBuf,
        /// Write one TSV row per case here.
        #[arg(long)]
        tsv: Option<PathBuf>,
        /// Use the dictionaries in this directory instead of the bundled ones.
        #[arg(long)]
        dicts: Option<PathBuf>,
        /// Score only one half of the set: `dev` (for looking at errors and tuning) or `test`
        /// (for reporting). The halves are fixed by a hash of each case id.
        #[arg(long, value_enum, default_value_t = Split::All)]
        split: Split,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Give bare agents ("rebels", "protesters": `---REB`) the country their sentence is
        /// about (a place tied to them or their act, or the domestic institution they act on).
        /// Off by default, as in PETRARCH-style coding.
        #[arg(long)]
        agent_country: bool,
    },
    /// Score article-body extraction on the Scrapinghub article-extraction benchmark
    /// (shingle F1, precision, recall, accuracy), for dyad and every peer output it ships.
    Clean {
        #[arg(default_value = "../shared/data/scrapinghub-article-extraction-benchmark")]
        dir: PathBuf,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Which half of a gold set to score; see [`dyad_eval::events::in_dev_half`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    All,
    Dev,
    Test,
}

impl Split {
    /// Whether the case `id` belongs to this half.
    pub fn keeps(self, id: &str) -> bool {
        match self {
            Split::All => true,
            Split::Dev => dyad_eval::events::in_dev_half(id),
            Split::Test => !dyad_eval::events::in_dev_half(id),
        }
    }
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
    match c {
        Command::Parse {
            file,
            model,
            docs,
            json,
        } => parse(file, model, docs, json),
        Command::Code {
            set,
            tsv,
            dicts,
            split,
            json,
            agent_country,
        } => code(set, tsv, dicts, split, json, agent_country),
        Command::Clean { dir, json } => super::clean::eval(&dir, json),
    }
}

/// The kinds of gold set `dyad eval code` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetKind {
    /// PETRARCH-style validation XML (PETR-2 GSR, PETRARCH-2 unit tests).
    Petr,
    /// PLOVER GSR JSON: PLOVER categories.
    Plover,
    /// ConfliBERT CAMEO sentence classes (TSV, five classes).
    Penta,
    /// Source and target spans (ConfliBERT's `cameo_ner`, CoNLL-style `.txt`).
    Spans,
}

/// Finds the gold file of a set given as a file or a directory, and its kind.
fn gold_file(set: &std::path::Path) -> Result<(PathBuf, SetKind)> {
    let kind_of = |p: &std::path::Path| match p.extension().and_then(|x| x.to_str()) {
        Some("xml") => Some(SetKind::Petr),
        Some("json") => Some(SetKind::Plover),
        Some("tsv") => Some(SetKind::Penta),
        Some("txt") => Some(SetKind::Spans),
        _ => None,
    };
    if set.is_file() {
        let k = kind_of(set).with_context(|| {
            format!(
                "{}: unknown gold set format (want .xml, .json, .tsv or .txt)",
                set.display()
            )
        })?;
        return Ok((set.to_path_buf(), k));
    }
    // ConfliBERT's layout: cameo_class/test.tsv.
    let conflibert = set.join("cameo_class").join("test.tsv");
    if conflibert.is_file() {
        return Ok((conflibert, SetKind::Penta));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(set)
        .with_context(|| format!("{}: cannot read", set.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(kind_of(p), Some(SetKind::Petr | SetKind::Plover)))
        .collect();
    files.sort();
    let f = files.into_iter().next().with_context(|| {
        format!(
            "{}: no gold file (*.xml, *.json, cameo_class/test.tsv) found",
            set.display()
        )
    })?;
    let k = kind_of(&f).unwrap_or(SetKind::Petr);
    Ok((f, k))
}

/// A gold case's text as an article.
pub(super) fn case_article(
    id: &str,
    date: Option<chrono::NaiveDate>,
    text: &str,
) -> dyad_core::Article {
    use dyad_core::{Article, ArticleMeta, DateSource, Origin};
    Article {
        id: id.to_string(),
        origin: Origin::file(id.to_string()),
        meta: ArticleMeta {
            published: date,
            date_source: date.map(|_| DateSource::Flag),
            ..ArticleMeta::default()
        },
        text: text.to_string(),
        raw_map: Vec::new(),
    }
}

/// The events coded in an article that say something happened. A negated event says the act
/// did not happen ("denied that it had attacked"), and a hypothetical one that it is
/// demanded, urged or conditional ("Sudan must return the helicopter": the demand is the
/// event). The gold sets code what happened, so neither is a prediction of one.
pub(super) fn happened(
    pipeline: &dyad::Pipeline,
    article: &dyad_core::Article,
) -> Vec<dyad_core::Event> {
    pipeline
        .code_article(article)
        .into_iter()
        .filter(|e| !matches!(e.modality, Modality::Negated | Modality::Hypothetical))
        .collect()
}

fn code(
    set: PathBuf,
    tsv: Option<PathBuf>,
    dicts: Option<PathBuf>,
    split: Split,
    json: bool,
    agent_country: bool,
) -> Result<ExitCode> {
    use dyad_eval::events::{self, case_rows, score, Triple};
    let (file, kind) = gold_file(&set)?;
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    if kind == SetKind::Spans {
        return super::eval_spans::code_spans(&file, &text, tsv, dicts, split, json, agent_country);
    }
    let gold = match kind {
        SetKind::Spans => unreachable!("scored by eval_spans"),
        SetKind::Petr => events::read_petr_xml(&text),
        SetKind::Plover => events::read_plover_json(&text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?,
        SetKind::Penta => events::read_penta_tsv(&text),
    };
    let gold: Vec<_> = gold.into_iter().filter(|g| split.keeps(&g.id)).collect();
    anyhow::ensure!(
        !gold.is_empty(),
        "{}: no gold records found",
        file.display()
    );
    let mut pipeline = super::pipeline(dicts.as_ref())?;
    pipeline.agent_country = agent_country;
    let mut predicted: Vec<Option<String>> = Vec::with_capacity(gold.len());
    // Every system event of each case, one-sided ones too, for the account of misses.
    let mut all: Vec<Vec<Triple>> = Vec::with_capacity(gold.len());
    let mut no_actor = 0usize;
    let sys: Vec<Vec<Triple>> = gold
        .iter()
        .map(|g| {
            let article = case_article(&g.id, g.date, &g.text);
            let evs: Vec<_> = happened(&pipeline, &article)
                .into_iter()
                // PLOVER has no category for some CAMEO codes (statements such as 010 and
                // 015): such an event is outside the set's ontology, not a wrong category.
                .filter(|e| kind != SetKind::Plover || e.plover.is_some())
                .collect();
            if evs.is_empty() {
                // Nothing coded: was no actor named, or no pattern found for the actors?
                let doc = pipeline.doc(&article);
                let named = (0..doc.sentences.len())
                    .map(|i| {
                        pipeline
                            .code_sentence(&article, &doc, i, &[], None)
                            .mentions
                            .len()
                    })
                    .sum::<usize>();
                if named == 0 {
                    no_actor += 1;
                }
            }
            predicted.push(evs.first().and_then(|e| match kind {
                SetKind::Penta => events::penta(&e.root_code),
                _ => e.plover.clone(),
            }));
            let triples: Vec<Triple> = evs
                .into_iter()
                .map(|e| match kind {
                    // PLOVER gold names countries only, and categories instead of codes.
                    SetKind::Plover => Triple {
                        source: e.source.chars().take(3).collect(),
                        target: e.target.unwrap_or_default().chars().take(3).collect(),
                        code: e.plover.unwrap_or_default(),
                    },
                    _ => Triple {
                        source: e.source,
                        target: e.target.unwrap_or_default(),
                        code: e.code,
                    },
                })
                .collect();
            all.push(triples.clone());
            // PETRARCH gold events are dyadic: an event with no target is not one of them.
            // PLOVER gold has one-sided events, so there they count.
            triples
                .into_iter()
                .filter(|t| !t.target.is_empty() || kind != SetKind::Petr)
                .collect()
        })
        .collect();
    let missed = events::missed(&gold, &sys, &all, kind != SetKind::Plover);
    let s = score(&gold, &sys);
    let category_accuracy =
        (kind != SetKind::Petr).then(|| events::category_accuracy(&gold, &predicted));
    if let Some(p) = &tsv {
        let mut body = String::from("id\tcategory\tgold\tsystem\texact_matches\ttext\n");
        for r in case_rows(&gold, &sys) {
            body.push_str(&r);
            body.push('\n');
        }
        std::fs::write(p, body).with_context(|| format!("{}: cannot write", p.display()))?;
    }
    if json {
        let v = serde_json::json!({
            "set": file.display().to_string(),
            "split": format!("{split:?}").to_lowercase(),
            "cases": s.cases, "gold_events": s.gold_events, "system_events": s.system_events,
            "precision": round3(s.triple.precision), "recall": round3(s.triple.recall),
            "triple_f1": round3(s.triple.f1), "root_f1": round3(s.root.f1), "country_f1": round3(s.country.f1),
            "category_accuracy": category_accuracy.map(round3),
            "confusion": s.confusion,
            "missed": missed,
            "cases_without_actors": no_actor,
        });
        println!("{v}");
    } else {
        println!(
            "{}: {} cases, {} gold events, {} system events",
            file.display(),
            s.cases,
            s.gold_events,
            s.system_events
        );
        if kind != SetKind::Penta {
            for (name, p) in [
                ("exact (source, target, code)", s.triple),
                ("root code", s.root),
                ("country-only actors", s.country),
            ] {
                println!(
                    "{name:<30} P {:.3}  R {:.3}  F1 {:.3}",
                    p.precision, p.recall, p.f1
                );
            }
        }
        if let Some(a) = category_accuracy {
            println!("category accuracy (first event's category) {a:.3}");
        }
        if kind != SetKind::Penta {
            println!(
                "missed gold events {}: nothing coded {}, no target {}, other code {}, other actors {}, unrelated events only {}",
                missed.total,
                missed.no_event,
                missed.no_target,
                missed.wrong_code,
                missed.wrong_actors,
                missed.other
            );
            println!("cases with nothing coded and no actor named: {no_actor}");
        }
        if kind == SetKind::Petr {
            println!(
                "cases with no gold event coded empty: {}/{}",
                s.correct_empty, s.empty_cases
            );
            println!("root confusion (gold → system root for the same country pair; - = missed):");
            for (g, row) in &s.confusion {
                let cells: Vec<String> = row.iter().map(|(k, n)| format!("{k}:{n}")).collect();
                println!("  {g}: {}", cells.join(" "));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn parse(
    file: PathBuf,
    model: Option<PathBuf>,
    docs: Option<String>,
    json: bool,
) -> Result<ExitCode> {
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
