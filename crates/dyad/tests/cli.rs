//! `dyad` command-line tests: the binary is run on real files, as a user would.

mod common;

use common::{dyad, repo, Workdir};
use std::process::{Command, Output, Stdio};

const CONTRACT: &[&str] = &[
    "schema_version",
    "article",
    "outlet",
    "url",
    "article_date",
    "date",
    "source",
    "source_text",
    "target",
    "target_text",
    "code",
    "root_code",
    "event_name",
    "quad_class",
    "goldstein",
    "sentence",
    "sentence_index",
    "span",
    "verb_text",
    "modality",
    "attribution",
    "rule",
];

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

#[test]
fn codes_the_bundled_examples_with_every_contract_field() {
    let ex = repo().join("examples");
    let out = dyad(&["code", ex.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = lines(&out);
    assert!(events.len() >= 20, "only {} events", events.len());
    for e in &events {
        for f in CONTRACT {
            assert!(e.get(f).is_some(), "missing {f} in {e}");
        }
        let code = e["code"].as_str().unwrap();
        assert!(code.starts_with(e["root_code"].as_str().unwrap()));
        assert!((1..=4).contains(&e["quad_class"].as_u64().unwrap()));
        let span = &e["span"];
        assert!(span["start"].as_u64() < span["end"].as_u64());
        assert!(e["rule"].as_str().unwrap().contains(".txt:"));
    }
    // Every article is dated from its dateline.
    assert!(events.iter().all(|e| !e["article_date"].is_null()));
    // Nothing from the blog's comment section, share block or footer.
    let blog: Vec<_> = events
        .iter()
        .filter(|e| e["article"].as_str().unwrap().contains("helsinki-blog"))
        .collect();
    assert!(!blog.is_empty(), "the blog's article text has events");
    let text = std::fs::read_to_string(ex.join("2018-07-17-helsinki-blog.txt")).unwrap();
    let comments_at = text.find("thoughts on").expect("comment heading");
    for e in blog {
        let s = e["sentence"].as_str().unwrap();
        let pos = text.find(s).unwrap_or(0);
        assert!(pos < comments_at, "event from the comment section: {s}");
    }
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_coded() {
    let w = Workdir::new("bad");
    let good = w.write(
        "good.txt",
        b"Russia recalled its ambassador to Washington on Wednesday.\n",
    );
    let bin = w.write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    // Latin-1 is no longer an error: it is detected, decoded and coded.
    let latin1 = w.write(
        "latin1.txt",
        b"Caf\xe9 diplomacy: France condemned Germany on Tuesday.\nCaf\xe9 talks\n",
    );
    let empty = w.write("empty.txt", b"");
    let missing = w.dir.join("missing.txt");
    let out = dyad(&[
        "code",
        "--date",
        "2021-03-18",
        missing.to_str().unwrap(),
        bin.to_str().unwrap(),
        latin1.to_str().unwrap(),
        empty.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let errs: Vec<&str> = err.lines().collect();
    assert_eq!(errs.len(), 3, "{err}");
    assert!(
        errs[0].contains("missing.txt") && errs[0].contains("no such file"),
        "{err}"
    );
    assert!(
        errs[1].contains("image.png") && errs[1].contains("binary"),
        "{err}"
    );
    assert!(
        errs[2].contains("empty.txt") && errs[2].contains("empty"),
        "{err}"
    );
    let events = lines(&out);
    assert!(
        events
            .iter()
            .any(|e| e["code"] == "161" && e["date"] == "2021-03-17"),
        "{events:?}"
    );
    let from_latin1: Vec<_> = events
        .iter()
        .filter(|e| e["article"].as_str().unwrap().ends_with("latin1.txt"))
        .collect();
    assert!(!from_latin1.is_empty(), "{events:?}");
    assert!(
        from_latin1[0]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("Café diplomacy"),
        "{from_latin1:?}"
    );
}

#[test]
fn jsonl_records_with_field_flags_and_a_bad_line() {
    let w = Workdir::new("jsonl");
    let file = w.write(
        "articles.jsonl",
        b"{\"body\": \"Russia recalled its ambassador to Washington on Wednesday.\", \"published\": \"2021-03-18\", \"url\": \"https://wire.example/1\", \"source_domain\": \"wire.example\"}\n\
{\"body\": \"broken\n\
{\"body\": \"Washington imposed new sanctions on Moscow.\", \"published\": \"2021-03-20\"}\n",
    );
    let out = dyad(&[
        "code",
        "--field",
        "text=body",
        "--field",
        "date=published",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{}:2: invalid JSON", file.display())),
        "{err}"
    );
    let events = lines(&out);
    let first = events
        .iter()
        .find(|e| e["code"] == "161")
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(first["article"], format!("{}#1", file.display()));
    assert_eq!(first["url"], "https://wire.example/1");
    assert_eq!(first["outlet"], "wire.example");
    assert_eq!(first["article_date"], "2021-03-18");
    assert_eq!(first["date"], "2021-03-17");
    assert!(events
        .iter()
        .any(|e| e["article"] == format!("{}#3", file.display())
            && e["article_date"] == "2021-03-20"));
    // Bad flag values are refused with exit 2.
    for bad in [
        &["code", "--field", "colour=red", "x"][..],
        &["code", "--timeout", "never", "x"][..],
        &["parse", "--field", "text", "x"][..],
    ] {
        assert_eq!(dyad(bad).status.code(), Some(2), "{bad:?}");
    }
}

/// Serves `routes` on 127.0.0.1 for the length of a test (at most 20 s, one connection at a
/// time); a path with no route gets no answer until the connection is dropped.
fn local_server(routes: Vec<(&'static str, String)>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let t0 = std::time::Instant::now();
        let mut held = Vec::new();
        while t0.elapsed() < std::time::Duration::from_secs(20) {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(std::time::Duration::from_millis(5));
                continue;
            };
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            let req = String::from_utf8_lossy(&req).into_owned();
            let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
            match routes.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                }
                None => held.push(stream),
            }
        }
    });
    base
}

#[test]
fn urls_are_fetched_and_a_silent_server_times_out() {
    let base = local_server(vec![(
        "/envoy",
        "<html><body><article><p>Russia recalled its ambassador to Washington on Wednesday.</p></article></body></html>".to_string(),
    )]);
    let page = format!("{base}/envoy");
    let silent = format!("{base}/silent");
    let t0 = std::time::Instant::now();
    let out = dyad(&[
        "code",
        "--timeout",
        "0.5",
        "--date",
        "2021-03-18",
        &silent,
        &page,
    ]);
    assert!(t0.elapsed() < std::time::Duration::from_secs(15));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{silent}: timed out")), "{err}");
    let events = lines(&out);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["article"], page.as_str());
    assert_eq!(events[0]["url"], page.as_str());
    assert_eq!(events[0]["code"], "161");
}

#[test]
fn exit_codes() {
    let w = Workdir::new("exit");
    let good = w.write("a.txt", b"Washington imposed new sanctions on Moscow.");
    assert_eq!(
        dyad(&["code", good.to_str().unwrap()]).status.code(),
        Some(0)
    );
    assert_eq!(
        dyad(&["code", "--date", "yesterday", good.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(dyad(&["code", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(dyad(&["code"]).status.code(), Some(2));
}

/// Runs dyad with `args`, writing `input` to its stdin.
fn dyad_with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn stdin_and_flags() {
    let out = dyad_with_stdin(
        &["code", "-", "--date", "2021-03-18", "--outlet", "Wire"],
        b"Russia recalled its ambassador to Washington last month.",
    );
    assert!(out.status.success());
    let events = lines(&out);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["article"], "-");
    assert_eq!(events[0]["outlet"], "Wire");
    assert_eq!(events[0]["article_date"], "2021-03-18");
    assert_eq!(events[0]["date"], "2021-02-01");
    assert_eq!(events[0]["date_precision"], "month");
}

#[test]
fn explain_reads_a_file_of_sentences_from_stdin() {
    let out = dyad_with_stdin(
        &["explain", "-"],
        b"Russia expelled two US diplomats.\nChina praised Pakistan.\n",
    );
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("sentence 0: Russia expelled"), "{s}");
    assert!(s.contains("sentence 1: China praised"), "{s}");
    assert!(s.contains("EVENT RUS 161 USAGOV"), "{s}");
    assert!(s.contains("EVENT CHN 051 PAK"), "{s}");
}

#[test]
fn html_input_uses_page_metadata_and_skips_comments() {
    let w = Workdir::new("html");
    let page = w.write(
        "page.html",
        br#"<!doctype html><html><head><title>Envoy</title>
        <meta property="og:site_name" content="Example Wire">
        <meta property="article:published_time" content="2021-03-18T08:00:00Z"></head>
        <body><nav><a href="/">Home</a></nav><article>
        <p>Russia recalled its ambassador to Washington on Wednesday.</p></article>
        <section class="comments"><p>China attacked Japan, a reader wrote.</p></section>
        </body></html>"#,
    );
    let out = dyad(&["code", page.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = lines(&out);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["outlet"], "Example Wire");
    assert_eq!(events[0]["date"], "2021-03-17");
}

#[test]
fn dict_check_passes_on_bundled_and_fails_on_broken() {
    let out = dyad(&["dict", "check"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let w = Workdir::new("dict");
    std::fs::create_dir_all(w.dir.join("actors")).unwrap();
    std::fs::create_dir_all(w.dir.join("verbs")).unwrap();
    w.write(
        "actors/a.txt",
        b"RUS Russia\n  name: Russia\n  nonsense here\n",
    );
    w.write("verbs/v.txt", b"161 +recall ... +ambassador\n999 +fly\n");
    let out = dyad(&["dict", "check", "--dicts", w.dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.txt:3:"), "{err}");
    assert!(err.contains("v.txt:2:"), "{err}");
}

#[test]
fn explain_shows_rules() {
    let out = dyad(&[
        "explain",
        "Russia recalled its ambassador to Washington on Wednesday.",
        "--date",
        "2021-03-18",
    ]);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("actor: \"Russia\" = RUS"), "{s}");
    assert!(s.contains("EVENT RUS 161 USA"), "{s}");
    assert!(s.contains("dicts/verbs/cameo.txt:"), "{s}");
    assert!(s.contains("date=2021-03-17"), "{s}");
}

#[test]
fn eval_code_scores_a_gold_set() {
    let set = repo().join("crates/dyad/tests/data/gold-mini.xml");
    let w = Workdir::new("evalcode");
    let tsv = w.dir.join("cases.tsv");
    let out = dyad(&[
        "eval",
        "code",
        set.to_str().unwrap(),
        "--json",
        "--tsv",
        tsv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["cases"], 4);
    assert_eq!(v["gold_events"], 3);
    for k in ["precision", "recall", "triple_f1", "root_f1", "country_f1"] {
        assert!(v[k].is_number(), "{k} in {v}");
    }
    // MINI-4's demanded withdrawal (RUS 0874 UKR, hypothetical) is coded but not scored: the
    // demand is the event, so precision stays 1.
    assert_eq!(v["triple_f1"], 1.0, "{v}");
    let rows = std::fs::read_to_string(&tsv).unwrap();
    assert_eq!(rows.lines().count(), 5);
    assert!(rows.contains("MINI-1\tTEST\tRUS 161 USA\tRUS 161 USA\t1\t"));
}

#[test]
fn bench_code_reports_speed_and_memory() {
    let ex = repo().join("examples");
    let out = dyad(&[
        "bench",
        "code",
        ex.to_str().unwrap(),
        "--seconds",
        "0.1",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["sentences_per_s"].as_f64().unwrap() > 0.0, "{v}");
    assert!(v["peak_rss_mb"].as_f64().unwrap() > 0.0, "{v}");
    assert_eq!(v["articles"], 7);
}

#[test]
fn eval_code_reads_plover_and_penta_sets() {
    let dir = repo().join("crates/dyad/tests/data");
    let out = dyad(&[
        "eval",
        "code",
        dir.join("plover-mini.json").to_str().unwrap(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["cases"], 3);
    assert_eq!(v["category_accuracy"], 1.0, "{v}");
    // MINI-P3's claim of responsibility (015) has no PLOVER category: it is not scored, so
    // the attack is the only system event there and precision stays 1.
    assert_eq!(v["precision"], 1.0, "{v}");
    let out = dyad(&[
        "eval",
        "code",
        dir.join("penta-mini.tsv").to_str().unwrap(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["cases"], 3);
    let acc = v["category_accuracy"].as_f64().unwrap();
    assert!((2.0 / 3.0 - 1e-9..=1.0).contains(&acc), "{v}");
}

#[test]
fn eval_code_scores_actor_spans() {
    let dir = repo().join("crates/dyad/tests/data");
    let out = dyad(&[
        "eval",
        "code",
        dir.join("spans-mini.txt").to_str().unwrap(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["cases"], 3, "{v}");
    // The recall and the accusation are coded with their marked actors; "signed nothing"
    // is no event, so it does not count for the accuracies.
    assert_eq!(v["coded"], 2, "{v}");
    assert_eq!(v["source_accuracy"], 1.0, "{v}");
    assert_eq!(v["target_accuracy"], 1.0, "{v}");
    assert_eq!(v["pair_accuracy"], 1.0, "{v}");
    // A malformed line is named.
    let w = Workdir::new("spans-bad");
    let bad = w.write("bad.txt", b"Russia B-S\nrecalled\n");
    let out = dyad(&["eval", "code", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt") && err.contains("line 2"), "{err}");
}

#[test]
fn dict_import_converts_petrarch_dictionaries() {
    let src = repo().join("crates/dyad/tests/data/petrarch");
    let w = Workdir::new("import");
    let files: Vec<String> = ["Mini.actors.txt", "Mini.agents.txt", "Mini.verbs.txt"]
        .iter()
        .map(|f| src.join(f).display().to_string())
        .collect();
    let mut args = vec!["dict", "import"];
    args.extend(files.iter().map(String::as_str));
    let out_dir = w.dir.join("dicts");
    args.extend(["--out", out_dir.to_str().unwrap()]);
    let out = dyad(&args);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("actors/Mini.actors.txt").exists());
    assert!(out_dir.join("actors/agents.txt").exists());
    assert!(out_dir.join("verbs/Mini.verbs.txt").exists());
    // dyad's mood lines come with imported verbs.
    let moods = std::fs::read_to_string(out_dir.join("verbs/moods.txt")).unwrap();
    assert!(moods.contains("intent  04    036"), "{moods}");
    // The imported dictionaries load and code.
    let out = dyad(&["dict", "check", "--dicts", out_dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let out = dyad(&[
        "explain",
        "Gondor attacked Arnor.",
        "--dicts",
        out_dir.to_str().unwrap(),
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("EVENT GON 190 ARN"), "{s}");
    // A dated actor (PETRARCH dates are YYMMDD): Aragorn is Arnor's in early 2019, Gondor's later.
    let out = dyad(&[
        "explain",
        "Aragorn met with Gondor.",
        "--date",
        "2019-03-01",
        "--dicts",
        out_dir.to_str().unwrap(),
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("EVENT ARNGOV 040 GON"), "{s}");
}

#[test]
fn ingest_query_trend() {
    let w = Workdir::new("store");
    std::fs::create_dir_all(w.dir.join("news")).unwrap();
    w.write(
        "news/a.txt",
        b"MOSCOW, March 18, 2021 -- Russia recalled its ambassador to Washington on Wednesday.\n\nWashington imposed new sanctions on Moscow.\n",
    );
    w.write(
        "news/b.txt",
        b"BEIJING, April 2, 2021 -- China met Japan.\n\nRussia criticized the United States.\n",
    );
    let db = w.dir.join("t.db");
    let news = w.dir.join("news");
    let (news, db) = (news.to_str().unwrap(), db.to_str().unwrap());
    let out = dyad(&["ingest", news, "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(first.contains("2 article(s) stored"), "{first}");
    // Ingesting the same folder again stores nothing new.
    let out = dyad(&["ingest", news, "--db", db]);
    let second = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        second.contains("0 article(s) stored") && second.contains("2 already"),
        "{second}"
    );
    let tail = |s: &str| s.split("now holds").nth(1).unwrap_or("").to_string();
    assert_eq!(tail(&first), tail(&second));
    // The trend, counted by hand: March: USA→RUS one 163 (Goldstein -8), RUS→USA one 161 (-4);
    // April: RUS→USA one 111 (-2).
    let out = dyad(&["trend", "USA", "RUS", "--by", "month", "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = s
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3, "{s}");
    assert_eq!(
        rows[0],
        vec!["2021-03", "USA→RUS", "0", "0", "0", "1", "-8.0", "-8.00"],
        "{s}"
    );
    assert_eq!(
        rows[1],
        vec!["2021-03", "RUS→USA", "0", "0", "0", "1", "-4.0", "-4.00"],
        "{s}"
    );
    assert_eq!(
        rows[2],
        vec!["2021-04", "RUS→USA", "0", "0", "1", "0", "-2.0", "-2.00"],
        "{s}"
    );
    // Queries: both directions, code prefix, JSON Lines.
    let out = dyad(&[
        "query", "--db", db, "--source", "RUS", "--target", "USA", "--both", "--format", "jsonl",
    ]);
    let events = lines(&out);
    assert_eq!(events.len(), 3, "{events:?}");
    let out = dyad(&["query", "--db", db, "--code", "16", "--format", "csv"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("2021-03-17,RUS,161,USA"), "{csv}");
    // GDELT-style TSV: one row per distinct event with its counts.
    let out = dyad(&["query", "--db", db, "--format", "tsv"]);
    let tsv = String::from_utf8_lossy(&out.stdout);
    let mut rows = tsv.lines();
    assert!(
        rows.next()
            .unwrap_or("")
            .starts_with("GLOBALEVENTID\tSQLDATE\tActor1Code"),
        "{tsv}"
    );
    assert!(
        tsv.contains("\t20210317\tRUS\tRussia\tUSA\tWashington\t161\t161\t16\t4\t-4\t1\t1\t"),
        "{tsv}"
    );
    // Parquet export reads back with the same rows.
    let pq = w.dir.join("ev.parquet");
    let out = dyad(&["export", "--db", db, "--parquet", pq.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;
    let reader = SerializedFileReader::new(std::fs::File::open(&pq).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 4); // with China–Japan
    let sources: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().get_string(3).unwrap().clone())
        .collect();
    assert!(
        sources.contains(&"RUS".to_string()) && sources.contains(&"USA".to_string()),
        "{sources:?}"
    );
}

#[test]
fn killed_ingest_leaves_only_whole_articles() {
    let w = Workdir::new("kill");
    std::fs::create_dir_all(w.dir.join("news")).unwrap();
    for i in 0..400 {
        let body = format!(
            "MOSCOW, March {}, 2021 -- Russia recalled its ambassador to Washington on Wednesday. \
             Washington imposed new sanctions on Moscow. Article number {i}.\n",
            1 + i % 28
        );
        w.write(&format!("news/{i:04}.txt"), body.as_bytes());
    }
    let db = w.dir.join("k.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "ingest",
            w.dir.join("news").to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it has stored some articles, then kill it without warning (SIGKILL).
    let t0 = std::time::Instant::now();
    while t0.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let stored = dyad_store::Store::open(&db)
            .ok()
            .and_then(|s| s.counts().ok())
            .map_or(0, |c| c.0);
        if stored > 0 {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    // The database opens, and every stored article has both of its events.
    let store = dyad_store::Store::open(&db).expect("database opens after kill -9");
    let (articles, events, _) = store.counts().unwrap();
    assert_eq!(events, 2 * articles, "{articles} articles, {events} events");
    // Finishing the ingest stores the rest exactly once.
    let out = dyad(&[
        "ingest",
        w.dir.join("news").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let store = dyad_store::Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().0, 400);
}

#[test]
fn trend_on_the_bundled_examples_matches_a_hand_count() {
    // March 2021 in examples/2021-03-18-envoy-recall.txt, counted by hand from the article:
    //   headline "Russia recalls ambassador from Washington ..."         RUS→USA 161, quad 4, -4.0
    //   "Russia has summoned its ambassador to the United States ..."   RUS→USA 161, quad 4, -4.0
    //   "The Kremlin condemned Biden's words on Thursday."              RUS→USA 111, quad 3, -2.0
    //   "The U.S. president also warned that Putin would 'pay a price'" USA→RUS 130, quad 3, -4.4
    //   "Peskov said Biden clearly did not want to improve relations"   USA→RUS 120 (a refusal,
    //                                                          reported by Peskov), quad 3, -4.0
    //   "Moscow did not expel the U.S. ambassador ..."                  negated: not counted
    // and in examples/2021-06-16-geneva-summit.txt, dated March 2021 by "in March":
    //   "Moscow recalled Antonov in March" (the ambassador to the US)   RUS→USA 161, quad 4, -4.0
    let w = Workdir::new("trend-examples");
    let db = w.dir.join("ex.db");
    let ex = repo().join("examples");
    let out = dyad(&["ingest", ex.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = dyad(&[
        "trend",
        "USA",
        "RUS",
        "--by",
        "month",
        "--db",
        db.to_str().unwrap(),
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    let march: Vec<Vec<&str>> = s
        .lines()
        .filter(|l| l.starts_with("2021-03"))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        march,
        vec![
            vec!["2021-03", "USA→RUS", "0", "0", "2", "0", "-8.4", "-4.20"],
            vec!["2021-03", "RUS→USA", "0", "0", "1", "3", "-14.0", "-3.50"],
        ],
        "{s}"
    );
}
