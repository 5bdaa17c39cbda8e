//! `dyad ingest`, `dyad query` and `dyad trend`: code articles into the embedded SQLite store
//! and ask it questions.

use anyhow::{Context, Result};
use dyad_core::Modality;
use dyad_store::{ArticleInfo, Filter, InsertOutcome, Period, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories, URLs or `-` for standard input (any format `dyad code` reads).
    #[arg(required = true)]
    paths: Vec<String>,
    /// The database (created if missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[command(flatten)]
    hints: super::HintFlags,
    #[command(flatten)]
    input: super::InputFlags,
}

/// Codes and stores the articles under `paths` with default hints (used by `dyad demo`).
pub fn ingest_paths(paths: &[String], db: &std::path::Path) -> Result<ExitCode> {
    ingest(IngestArgs {
        paths: paths.to_vec(),
        db: db.to_path_buf(),
        hints: super::HintFlags::default(),
        input: super::InputFlags::default(),
    })
}

/// Codes and stores articles: one transaction per article, duplicates (same URL or same text)
/// skipped.
pub fn ingest(a: IngestArgs) -> Result<ExitCode> {
    let pipeline = super::pipeline(None)?;
    let mut store =
        Store::open(&a.db).with_context(|| format!("{}: cannot open database", a.db.display()))?;
    let hints = a.hints.hints();
    let (mut stored, mut dups, mut events) = (0usize, 0usize, 0usize);
    // A progress count on a terminal; nothing in pipes and logs. (Containers hold many
    // articles, so the total is not known in advance.)
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        let b = indicatif::ProgressBar::new_spinner();
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} {pos} articles {elapsed}")
        {
            b.set_style(style);
        }
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut store_failed = 0usize;
    let failed = super::each_article(&a.paths, &hints, &a.input, |article| {
        bar.inc(1);
        let evs = pipeline.code_article(&article);
        let info = ArticleInfo {
            name: article.id.clone(),
            url: article.meta.url.clone(),
            outlet: article.meta.outlet.clone(),
            title: article.meta.title.clone(),
            published: article.meta.published,
        };
        match store.insert_article(&info, &dyad_store::text_hash(&article.text), &evs) {
            Ok(InsertOutcome::Inserted { events: n, .. }) => {
                stored += 1;
                events += n;
            }
            Ok(InsertOutcome::Duplicate { .. }) => dups += 1,
            Err(e) => {
                eprintln!("dyad: error: {}: {e}", article.id);
                store_failed += 1;
            }
        }
        Ok(())
    })? + store_failed;
    bar.finish_and_clear();
    let (na, ne, nd) = store.counts()?;
    eprintln!(
        "dyad ingest: {stored} article(s) stored ({events} events), {dups} already in the database, {failed} failed; {} now holds {na} articles, {ne} events, {nd} distinct events",
        a.db.display()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
    /// Tab-separated, with a subset of GDELT 2.0's event-table columns (named as GDELT names
    /// them): one row per distinct event, with its mention and article counts.
    Tsv,
}

#[derive(clap::Args)]
pub struct QueryArgs {
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Source actor (code prefix: `RUS` matches `RUSGOV`).
    #[arg(long)]
    source: Option<String>,
    /// Target actor (code prefix).
    #[arg(long)]
    target: Option<String>,
    /// Match source and target in either direction.
    #[arg(long)]
    both: bool,
    /// CAMEO code prefix (`16`, `163`).
    #[arg(long)]
    code: Option<String>,
    /// Quad class 1–4.
    #[arg(long)]
    quad: Option<u8>,
    #[arg(long, value_parser = super::parse_date)]
    from: Option<chrono::NaiveDate>,
    #[arg(long, value_parser = super::parse_date)]
    to: Option<chrono::NaiveDate>,
    #[arg(long)]
    outlet: Option<String>,
    /// asserted, negated, hypothetical or future.
    #[arg(long)]
    modality: Option<String>,
    /// Only events attributed to a speaker (true) or only narrated ones (false).
    #[arg(long)]
    attributed: Option<bool>,
    #[arg(long, default_value_t = 100)]
    limit: u32,
    #[arg(long, default_value = "table")]
    format: Format,
}

fn modality(s: &str) -> Result<Modality> {
    Ok(match s {
        "asserted" => Modality::Asserted,
        "negated" => Modality::Negated,
        "hypothetical" => Modality::Hypothetical,
        "future" => Modality::Future,
        other => {
            anyhow::bail!("unknown modality {other:?} (asserted, negated, hypothetical, future)")
        }
    })
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn query(a: QueryArgs) -> Result<ExitCode> {
    let store =
        Store::open(&a.db).with_context(|| format!("{}: cannot open database", a.db.display()))?;
    let filter = Filter {
        actor_a: a.source,
        actor_b: a.target,
        both_directions: a.both,
        code_prefix: a.code,
        quad_class: a.quad,
        from: a.from,
        to: a.to,
        outlet: a.outlet,
        modality: a.modality.as_deref().map(modality).transpose()?,
        attributed: a.attributed,
        limit: Some(a.limit),
        offset: None,
    };
    let rows = store.events(&filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match a.format {
        Format::Jsonl => {
            for r in &rows {
                dyad::output::write_jsonl(&mut out, &r.event)?;
            }
        }
        Format::Tsv => {
            writeln!(
                out,
                "GLOBALEVENTID\tSQLDATE\tActor1Code\tActor1Name\tActor2Code\tActor2Name\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tNumArticles\tSOURCEURL"
            )?;
            let clean = |s: &str| s.replace(['\t', '\n'], " ");
            let mut seen = std::collections::HashSet::new();
            for r in &rows {
                if !seen.insert(r.event_id) {
                    continue;
                }
                let e = &r.event;
                let d = store.dedup_event(r.event_id)?;
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.event_id,
                    e.date
                        .map_or(String::new(), |d| d.format("%Y%m%d").to_string()),
                    e.source,
                    clean(&e.source_text),
                    e.target.as_deref().unwrap_or(""),
                    clean(e.target_text.as_deref().unwrap_or("")),
                    e.code,
                    e.code.get(..3).unwrap_or(&e.code),
                    e.root_code,
                    e.quad_class,
                    e.goldstein,
                    d.as_ref().map_or(1, |d| d.mentions),
                    d.as_ref().map_or(1, |d| d.articles),
                    clean(e.url.as_deref().unwrap_or(&e.article))
                )?;
            }
        }
        Format::Csv => {
            writeln!(out, "date,source,code,target,quad_class,goldstein,modality,attribution,article,sentence")?;
            for r in &rows {
                let e = &r.event;
                writeln!(
                    out,
                    "{},{},{},{},{},{},{:?},{},{},{}",
                    e.date.map_or(String::new(), |d| d.to_string()),
                    e.source,
                    e.code,
                    e.target.as_deref().unwrap_or(""),
                    e.quad_class,
                    e.goldstein,
                    e.modality,
                    csv_field(
                        e.attribution
                            .as_ref()
                            .and_then(|x| x.code.as_deref())
                            .unwrap_or("")
                    ),
                    csv_field(&e.article),
                    csv_field(&e.sentence)
                )?;
            }
        }
        Format::Table => {
            writeln!(
                out,
                "{:<10} {:<10} {:<5} {:<10} {:<12} sentence",
                "date", "source", "code", "target", "modality"
            )?;
            for r in &rows {
                let e = &r.event;
                let sentence: String = e.sentence.chars().take(80).collect();
                writeln!(
                    out,
                    "{:<10} {:<10} {:<5} {:<10} {:<12} {}",
                    e.date.map_or("-".to_string(), |d| d.to_string()),
                    e.source,
                    e.code,
                    e.target.as_deref().unwrap_or("-"),
                    format!("{:?}", e.modality).to_lowercase(),
                    sentence
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct TrendArgs {
    /// First actor (code prefix).
    a: String,
    /// Second actor (code prefix).
    b: String,
    /// day, week or month.
    #[arg(long, default_value = "month")]
    by: String,
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
}

/// Per period and direction: counts per quad class and the Goldstein sum and mean of asserted
/// events.
pub fn trend(a: TrendArgs) -> Result<ExitCode> {
    let by: Period =
        a.by.parse()
            .map_err(|_| anyhow::anyhow!("--by must be day, week or month, not {:?}", a.by))?;
    let store =
        Store::open(&a.db).with_context(|| format!("{}: cannot open database", a.db.display()))?;
    let rows = store.trend(&a.a, &a.b, by)?;
    println!(
        "{:<10} {:<12} {:>5} {:>5} {:>5} {:>5} {:>9} {:>8}",
        "period", "direction", "q1", "q2", "q3", "q4", "goldstein", "mean"
    );
    for r in rows {
        let dir = match r.direction {
            dyad_store::Direction::AtoB => format!("{}→{}", a.a, a.b),
            dyad_store::Direction::BtoA => format!("{}→{}", a.b, a.a),
        };
        println!(
            "{:<10} {:<12} {:>5} {:>5} {:>5} {:>5} {:>9.1} {:>8.2}",
            r.period,
            dir,
            r.counts[0],
            r.counts[1],
            r.counts[2],
            r.counts[3],
            r.goldstein_sum,
            r.goldstein_mean
        );
    }
    Ok(ExitCode::SUCCESS)
}
