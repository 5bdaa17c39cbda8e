//! `dyad bench parse [FILE.conllu] [--json]`: tokens and sentences per second on one core,
//! tagging and parsing timed separately on gold tokens, tokenizing timed on the raw text, and
//! spaCy's en_core_web_sm on the same sentences in the same run when it is installed.

use anyhow::{Context, Result};
use dyad_core::Doc;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command as Proc, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Cleaning speed (decode, HTML extraction, boilerplate, language, dateline) in MB/s on
    /// one core, HTML and plain text apart. Without files: the bundled examples (text) and the
    /// article-extraction benchmark's pages (HTML).
    Clean {
        /// Files or directories of articles.
        paths: Vec<String>,
        /// Repeat each batch until at least this many seconds have passed.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Store speed: end-to-end ingest of the bundled examples (articles/s), bulk insert of
    /// generated events, and trend-query latency (p50/p99) over them.
    Store {
        /// How many events to generate.
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// End-to-end coding speed from raw text (read, clean, cut, tag, parse, code), one
    /// thread, with peak memory.
    Code {
        /// Files or directories of articles.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Repeat the batch until at least this many seconds have passed.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Tagger and parser speed, single thread, against spaCy when available.
    Parse {
        /// CoNLL-U file to time on.
        #[arg(default_value = "../shared/data/ud-english/en_ewt-ud-test.conllu")]
        file: PathBuf,
        /// Model file instead of the bundled one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Skip the spaCy comparison.
        #[arg(long)]
        no_peer: bool,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `f` repeatedly for at least `min` and returns the mean time of one run.
fn time_it(min: Duration, mut f: impl FnMut()) -> f64 {
    let t0 = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || t0.elapsed() < min {
        f();
        runs += 1;
    }
    t0.elapsed().as_secs_f64() / runs as f64
}

fn spacy(sentences: &[String]) -> Option<(f64, usize, String)> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/bench_spacy.py");
    let mut child = Proc::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    {
        let mut stdin = child.stdin.take()?;
        for s in sentences {
            writeln!(stdin, "{}", s.replace('\n', " ")).ok()?;
        }
    }
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    Some((
        v["tokens"].as_f64()? / v["seconds"].as_f64()?,
        v["tokens"].as_u64()? as usize,
        v["version"].as_str().unwrap_or("?").to_string(),
    ))
}

/// Peak resident memory of this process in MB (Linux), from /proc/self/status.
fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn code(paths: Vec<String>, seconds: f64, json: bool) -> Result<ExitCode> {
    let t_load = Instant::now();
    let pipeline = super::pipeline(None)?;
    let load_s = t_load.elapsed().as_secs_f64();
    let mut raws = Vec::new();
    raws.extend(read_all(&paths)?);
    anyhow::ensure!(!raws.is_empty(), "no readable input");
    let bytes: usize = raws.iter().map(|r| r.bytes.len()).sum();
    let (mut sentences, mut tokens, mut events, mut rounds) = (0usize, 0usize, 0usize, 0usize);
    let t0 = Instant::now();
    while rounds == 0 || t0.elapsed().as_secs_f64() < seconds {
        for raw in &raws {
            let Ok(article) = dyad_text::extract(raw) else {
                continue;
            };
            let doc = pipeline.doc(&article);
            sentences += doc.sentences.len();
            tokens += doc.tokens.len();
            let mut context = Vec::new();
            for s in 0..doc.sentences.len() {
                let st = pipeline.code_sentence(&article, &doc, s, &context, None);
                events += st.events.len();
                context.extend(st.mentions);
            }
        }
        rounds += 1;
    }
    let dt = t0.elapsed().as_secs_f64();
    let rss = peak_rss_mb();
    if json {
        let v = serde_json::json!({
            "articles": raws.len(), "bytes": bytes, "rounds": rounds,
            "sentences_per_s": (sentences as f64 / dt).round(),
            "tokens_per_s": (tokens as f64 / dt).round(),
            "articles_per_s": ((raws.len() * rounds) as f64 / dt * 10.0).round() / 10.0,
            "events_per_round": events / rounds.max(1),
            "load_s": (load_s * 1000.0).round() / 1000.0,
            "peak_rss_mb": rss.map(|m| m.round()),
        });
        println!("{v}");
    } else {
        println!(
            "{} articles ({} bytes), {} rounds in {:.1} s, one thread",
            raws.len(),
            bytes,
            rounds,
            dt
        );
        println!("dictionaries + model load  {:.3} s", load_s);
        println!(
            "end to end  {:>9.0} sentences/s  {:>9.0} tokens/s  {:.1} articles/s",
            sentences as f64 / dt,
            tokens as f64 / dt,
            (raws.len() * rounds) as f64 / dt
        );
        println!("events per round: {}", events / rounds.max(1));
        if let Some(m) = rss {
            println!("peak memory {m:.0} MB");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A generated event for the store benchmark (deterministic: a simple LCG picks the fields).
fn synthetic_event(i: usize, seed: &mut u64) -> dyad_core::Event {
    const ACTORS: &[&str] = &[
        "USA", "RUS", "CHN", "UKR", "USAGOV", "RUSGOV", "GBR", "FRA", "DEU", "IRN",
    ];
    const CODES: &[&str] = &[
        "010", "020", "036", "040", "042", "051", "057", "111", "112", "130", "161", "163", "172",
        "190",
    ];
    let mut next = |n: usize| {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((*seed >> 33) as usize) % n
    };
    let code = CODES[next(CODES.len())];
    let info = dyad_events::lookup(code).expect("benchmark codes are CAMEO codes");
    let day = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date")
        + chrono::Days::new(next(3650) as u64);
    let source = ACTORS[next(ACTORS.len())].to_string();
    let target = ACTORS[next(ACTORS.len())].to_string();
    dyad_core::Event {
        schema_version: dyad_core::EVENT_SCHEMA_VERSION,
        article: format!("bench-{}", i / 10),
        outlet: None,
        url: None,
        article_date: Some(day),
        date: Some(day),
        date_precision: Some("day".into()),
        source_text: source.clone(),
        source,
        target_text: Some(target.clone()),
        target: Some(target),
        code: code.into(),
        root_code: info.root.into(),
        event_name: info.name.into(),
        quad_class: info.quad_class.number(),
        goldstein: info.goldstein,
        plover: info.plover.map(String::from),
        sentence: format!("Generated sentence {i}."),
        sentence_index: i % 10,
        span: dyad_core::Span::new(0, 10),
        verb_text: "verb".into(),
        modality: dyad_core::Modality::Asserted,
        attribution: None,
        rule: "bench:1".into(),
        source_rules: Vec::new(),
        target_rules: Vec::new(),
    }
}

/// Starts the API server on 127.0.0.1 over `db` and times `n` GET requests of `path`:
/// (p50, p99) in milliseconds.
fn http_latencies(db: PathBuf, path: &str, n: usize) -> Result<(f64, f64)> {
    use std::io::Read;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            let (ready_tx, ready_rx) = tokio::sync::oneshot::channel();
            let server = tokio::spawn(dyad_server::serve(
                db,
                ([127, 0, 0, 1], 0).into(),
                Some(ready_tx),
            ));
            if let Ok(addr) = ready_rx.await {
                let _ = tx.send(addr);
            }
            let _ = server.await;
        });
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .context("the API server did not start")?;
    let mut lat = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let mut s = std::net::TcpStream::connect(addr)?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
        )?;
        let mut body = Vec::new();
        s.read_to_end(&mut body)?;
        anyhow::ensure!(
            body.starts_with(b"HTTP/1.1 200"),
            "the API answered {:?}",
            String::from_utf8_lossy(&body[..body.len().min(40)])
        );
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(p50_p99(&mut lat))
}

/// Median and 99th percentile of latencies (sorts them).
fn p50_p99(lat: &mut [f64]) -> (f64, f64) {
    lat.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| lat[((lat.len() as f64 - 1.0) * p).round() as usize];
    (pct(0.5), pct(0.99))
}

fn store(n_events: usize, json: bool) -> Result<ExitCode> {
    use dyad_store::{ArticleInfo, Period, Store};
    let dir = std::env::temp_dir().join(format!("dyad-bench-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = (|| -> Result<serde_json::Value> {
        // 1. End to end: code and store the bundled examples, each copy made unique.
        let pipeline = super::pipeline(None)?;
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
        let mut texts = Vec::new();
        for input in dyad_ingest::expand(&[examples.to_string()]) {
            let raw = dyad_ingest::read(
                &input,
                &dyad_core::SourceHints::default(),
                dyad_ingest::DEFAULT_MAX_BYTES,
            )?;
            texts.push(dyad_text::extract(&raw)?);
        }
        let mut store = Store::open(dir.join("ingest.db"))?;
        let copies = 20;
        let t0 = Instant::now();
        let mut n_articles = 0;
        for c in 0..copies {
            for a in &texts {
                let mut a = a.clone();
                a.text.push_str(&format!("\n\nCopy {c}."));
                let evs = pipeline.code_article(&a);
                let info = ArticleInfo {
                    name: format!("{}#{c}", a.id),
                    published: a.meta.published,
                    ..ArticleInfo::default()
                };
                store.insert_article(&info, &dyad_store::text_hash(&a.text), &evs)?;
                n_articles += 1;
            }
        }
        let ingest_s = t0.elapsed().as_secs_f64();
        // 2. Bulk: generated events, 10 per article.
        let mut store = Store::open(dir.join("bulk.db"))?;
        let mut seed = 42u64;
        let t0 = Instant::now();
        let mut i = 0;
        while i < n_events {
            let evs: Vec<dyad_core::Event> = (i..(i + 10).min(n_events))
                .map(|k| synthetic_event(k, &mut seed))
                .collect();
            let info = ArticleInfo {
                name: format!("bench-{}", i / 10),
                ..ArticleInfo::default()
            };
            store.insert_article(&info, &format!("bench-{i}"), &evs)?;
            i += 10;
        }
        let bulk_s = t0.elapsed().as_secs_f64();
        // 3. The same trend query through the HTTP API (server on 127.0.0.1, one request per
        //    connection, as a browser without keep-alive would do).
        drop(store);
        let api_lat = http_latencies(dir.join("bulk.db"), "/api/trend?a=USA&b=RUS&by=month", 30)?;
        let store = Store::open(dir.join("bulk.db"))?;
        // 4. Trend queries in process.
        let mut lat = Vec::new();
        for k in 0..50 {
            let by = [Period::Month, Period::Week, Period::Day][k % 3];
            let t = Instant::now();
            std::hint::black_box(store.trend("USA", "RUS", by)?);
            lat.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (p50, p99) = p50_p99(&mut lat);
        Ok(serde_json::json!({
            "ingest_articles": n_articles,
            "ingest_articles_per_s": ((n_articles as f64 / ingest_s) * 10.0).round() / 10.0,
            "bulk_events": n_events,
            "bulk_events_per_s": (n_events as f64 / bulk_s).round(),
            "trend_p50_ms": (p50 * 100.0).round() / 100.0,
            "trend_p99_ms": (p99 * 100.0).round() / 100.0,
            "api_trend_p50_ms": (api_lat.0 * 100.0).round() / 100.0,
            "api_trend_p99_ms": (api_lat.1 * 100.0).round() / 100.0,
        }))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    let v = result?;
    if json {
        println!("{v}");
    } else {
        println!(
            "ingest (code + store) {} articles: {} articles/s",
            v["ingest_articles"], v["ingest_articles_per_s"]
        );
        println!(
            "bulk insert {} generated events: {} events/s",
            v["bulk_events"], v["bulk_events_per_s"]
        );
        println!(
            "trend query USA-RUS over them (in process): p50 {} ms, p99 {} ms",
            v["trend_p50_ms"], v["trend_p99_ms"]
        );
        println!(
            "GET /api/trend?a=USA&b=RUS&by=month over HTTP: p50 {} ms, p99 {} ms",
            v["api_trend_p50_ms"], v["api_trend_p99_ms"]
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(c: Command) -> Result<ExitCode> {
    let (file, model, no_peer, json) = match c {
        Command::Store { events, json } => return store(events, json),
        Command::Clean {
            paths,
            seconds,
            json,
        } => return clean(paths, seconds, json),
        Command::Code {
            paths,
            seconds,
            json,
        } => return code(paths, seconds, json),
        Command::Parse {
            file,
            model,
            no_peer,
            json,
        } => (file, model, no_peer, json),
    };
    let t_load = Instant::now();
    let model = dyad::models::load(model.as_deref())?;
    let load_s = t_load.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    let gold =
        Doc::from_conllu(&text).with_context(|| format!("{}: not CoNLL-U", file.display()))?;
    let n_tok = gold.tokens.len() as f64;
    let n_sent = gold.sentences.len() as f64;
    let min = Duration::from_secs(2);
    let mut tagged = super::eval::strip(&gold);
    let tag_s = time_it(min, || model.tag(&mut tagged));
    let parse_s = time_it(min, || model.parse(&mut tagged));
    let tok_s = time_it(min, || {
        std::hint::black_box(dyad_text::doc_from_text(gold.text.clone(), None));
    });
    let total = tag_s + parse_s;
    let sentences: Vec<String> = (0..gold.sentences.len())
        .map(|s| gold.sentence_text(s).to_string())
        .collect();
    let peer = if no_peer { None } else { spacy(&sentences) };
    let tps = n_tok / total;
    if json {
        let v = serde_json::json!({
            "file": file.display().to_string(),
            "tokens": n_tok, "sentences": n_sent,
            "tokens_per_s": tps.round(), "sentences_per_s": (n_sent / total).round(),
            "tag_tokens_per_s": (n_tok / tag_s).round(), "parse_tokens_per_s": (n_tok / parse_s).round(),
            "tokenize_tokens_per_s": (n_tok / tok_s).round(),
            "model_load_s": (load_s * 1000.0).round() / 1000.0,
            "spacy_tokens_per_s": peer.as_ref().map(|p| p.0.round()),
            "spacy_version": peer.as_ref().map(|p| p.2.clone()),
            "ratio_vs_spacy": peer.as_ref().map(|p| (tps / p.0 * 10.0).round() / 10.0),
        });
        println!("{v}");
    } else {
        println!(
            "{}: {} tokens, {} sentences, one thread",
            file.display(),
            n_tok,
            n_sent
        );
        println!("model load     {:.3} s", load_s);
        println!("tokenize       {:>10.0} tokens/s", n_tok / tok_s);
        println!("tag + lemma    {:>10.0} tokens/s", n_tok / tag_s);
        println!("parse          {:>10.0} tokens/s", n_tok / parse_s);
        println!(
            "tag + parse    {:>10.0} tokens/s  {:>8.0} sentences/s",
            tps,
            n_sent / total
        );
        match peer {
            Some((p, _, v)) => println!("spaCy {v} en_core_web_sm (tokenize+tag+parse): {p:.0} tokens/s; dyad is {:.1}x faster", tps / p),
            None => println!("spaCy en_core_web_sm not installed: no peer comparison"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every article under `paths` (any format `dyad code` reads), read into memory before timing;
/// what cannot be read is reported on stderr.
fn read_all(paths: &[String]) -> Result<Vec<dyad_core::RawArticle>> {
    let opts = super::InputFlags::default().options(&dyad_core::SourceHints::default())?;
    Ok(dyad_ingest::articles(paths, opts)
        .filter_map(|r| r.map_err(|e| eprintln!("dyad: error: {e}")).ok())
        .collect())
}

/// Inputs for `dyad bench clean`: the given paths, or the bundled examples and the
/// benchmark's HTML pages.
fn clean_inputs(paths: &[String]) -> Result<Vec<dyad_core::RawArticle>> {
    use dyad_core::{Origin, RawArticle, SourceHints};
    let mut raws = Vec::new();
    let repo = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let defaults = [
        format!("{repo}/examples"),
        format!("{repo}/../shared/examples"),
    ];
    let use_defaults = paths.is_empty();
    let paths: Vec<String> = if use_defaults {
        defaults
            .into_iter()
            .filter(|p| std::path::Path::new(p).exists())
            .collect()
    } else {
        paths.to_vec()
    };
    raws.extend(read_all(&paths)?);
    let bench = std::path::PathBuf::from(format!(
        "{repo}/../shared/data/scrapinghub-article-extraction-benchmark"
    ));
    if use_defaults {
        if let Ok(b) = dyad_eval::clean::Benchmark::load(&bench) {
            for id in b.truth.keys() {
                if let Ok(bytes) = dyad_eval::clean::Benchmark::page(&bench, id) {
                    raws.push(RawArticle {
                        origin: Origin::file(id.clone()),
                        format: dyad_core::article::Format::Html,
                        bytes,
                        hints: SourceHints::default(),
                    });
                }
            }
        }
    }
    Ok(raws)
}

fn clean(paths: Vec<String>, seconds: f64, json: bool) -> Result<ExitCode> {
    use dyad_core::article::Format;
    let raws = clean_inputs(&paths)?;
    anyhow::ensure!(!raws.is_empty(), "no readable input");
    let mut results = serde_json::Map::new();
    let mut lines = Vec::new();
    for (name, format) in [("html", Format::Html), ("text", Format::Text)] {
        let set: Vec<&dyad_core::RawArticle> = raws.iter().filter(|r| r.format == format).collect();
        if set.is_empty() {
            continue;
        }
        let bytes: usize = set.iter().map(|r| r.bytes.len()).sum();
        let mut kept = 0usize;
        let dt = time_it(Duration::from_secs_f64(seconds), || {
            for r in &set {
                if let Ok(c) = dyad_text::clean(r, false) {
                    kept += c.text.len();
                }
            }
        });
        let mb_s = bytes as f64 / 1e6 / dt;
        let docs_s = set.len() as f64 / dt;
        lines.push(format!(
            "{name:<5} {:>4} inputs, {:>8.2} MB: {:>7.2} MB/s per core, {:>8.1} inputs/s",
            set.len(),
            bytes as f64 / 1e6,
            mb_s,
            docs_s
        ));
        results.insert(
            name.to_string(),
            serde_json::json!({"inputs": set.len(), "bytes": bytes, "mb_per_s": (mb_s * 100.0).round() / 100.0,
                               "inputs_per_s": (docs_s * 10.0).round() / 10.0}),
        );
        std::hint::black_box(kept);
    }
    if json {
        results.insert("threads".into(), serde_json::json!(1));
        println!("{}", serde_json::Value::Object(results));
    } else {
        println!("dyad clean, one thread (decode, extract, boilerplate, language, dateline):");
        for l in lines {
            println!("{l}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
