//! `dyad explain "SENTENCE" [--date D]`: print the tokens, the actors found, the patterns tried
//! and the events of one sentence (or short text), each with its dictionary `file:line`.

use anyhow::{Context, Result};
use dyad_core::{Article, ArticleMeta, DateSource, Origin};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The sentence (or a few sentences) to code; `-` reads the text from stdin (a whole
    /// article or a file of sentences, one per line, explained in one run).
    text: String,
    /// Article date to resolve relative dates and dated roles against (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    date: Option<chrono::NaiveDate>,
    /// Use the dictionaries in this directory instead of the bundled ones.
    #[arg(long)]
    dicts: Option<PathBuf>,
    /// Give bare agents ("rebels", "protesters": `---REB`) the country their sentence is
    /// about (a place tied to them or their act, or the domestic institution they act on).
    /// Off by default, as in PETRARCH-style coding.
    #[arg(long)]
    agent_country: bool,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let mut p = super::pipeline(a.dicts.as_ref())?;
    p.agent_country = a.agent_country;
    let text = if a.text == "-" {
        let mut t = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut t)
            .context("reading the text to explain from stdin")?;
        t
    } else {
        a.text.clone()
    };
    let article = Article {
        id: "explain".into(),
        origin: Origin::file("explain"),
        meta: ArticleMeta {
            published: a.date,
            date_source: a.date.map(|_| DateSource::Flag),
            ..ArticleMeta::default()
        },
        text,
        raw_map: Vec::new(),
    };
    let doc = p.doc(&article);
    let parsed = p.language.is_some();
    let mut context = Vec::new();
    for s in 0..doc.sentences.len() {
        println!("sentence {s}: {}", doc.sentence_text(s));
        let range = doc.sentences[s].tokens.clone();
        let toks: Vec<String> = range
            .clone()
            .map(|i| format!("{}:{}", i - range.start, doc.token_text(i)))
            .collect();
        println!("  tokens: {}", toks.join(" "));
        if parsed {
            let arcs: Vec<String> = range
                .clone()
                .map(|i| {
                    let head = doc.head[i].map_or(0, |h| h - range.start + 1);
                    format!(
                        "{}:{}/{}/{}<-{}:{}",
                        i - range.start + 1,
                        doc.token_text(i),
                        doc.lemma[i],
                        doc.upos[i],
                        head,
                        doc.deprel[i]
                    )
                })
                .collect();
            println!("  parse: {}", arcs.join(" "));
        }
        for t in doc
            .timexes
            .iter()
            .filter(|t| t.tokens.start >= range.start && t.tokens.end <= range.end)
        {
            println!(
                "  date: {:?} = {} ({:?})",
                doc.tokens_text(t.tokens.clone()),
                t.date,
                t.precision
            );
        }
        let st = p.code_sentence(&article, &doc, s, &context, Some(()));
        for m in &st.mentions {
            let rules: Vec<String> = m.rules.iter().map(ToString::to_string).collect();
            println!(
                "  actor: {:?} = {} [{:?}] ({})",
                doc.tokens_text(m.tokens.clone()),
                m.code,
                m.kind,
                rules.join(", ")
            );
        }
        for (pi, anchor, outcome) in &st.trace.tried {
            let pat = &p.verbs.patterns[*pi];
            println!(
                "  pattern {} {:?} at {:?}: {outcome}",
                pat.rule,
                pat.text,
                doc.token_text(*anchor)
            );
        }
        for e in &st.events {
            println!(
                "  EVENT {} {} {} ({}) modality={:?} date={} rule={}{}",
                e.source,
                e.code,
                e.target.as_deref().unwrap_or("-"),
                e.event_name,
                e.modality,
                e.date.map_or("-".to_string(), |d| d.to_string()),
                e.rule,
                e.attribution.as_ref().map_or(String::new(), |a| format!(
                    " attributed to {} ({})",
                    a.code.as_deref().unwrap_or("?"),
                    a.text
                ))
            );
        }
        if st.events.is_empty() {
            println!("  no event");
        }
        context.extend(st.mentions);
    }
    Ok(ExitCode::SUCCESS)
}
