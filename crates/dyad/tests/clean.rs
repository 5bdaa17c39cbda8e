//! `dyad clean` on pages we wrote (`tests/clean/`, each with a `.expected` snapshot of
//! `dyad clean --explain`: kept blocks, dropped blocks with their reasons; `DYAD_BLESS=1`
//! rewrites the snapshots) and on the real scraped pages in `../shared/examples/`.

mod common;

use common::{dyad, stdout};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clean")
}

fn fixture(name: &str) -> String {
    fixtures()
        .join(name)
        .to_str()
        .expect("utf-8 path")
        .to_string()
}

fn explain(name: &str) -> (String, Option<i32>) {
    let o = dyad(&["clean", "--explain", &fixture(name)]);
    (stdout(&o), o.status.code())
}

#[test]
fn fixtures_match_their_snapshots() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("tests/clean")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "html")))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "fixtures missing: {files:?}");
    let bless = std::env::var_os("DYAD_BLESS").is_some();
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).expect("name");
        let (out, code) = explain(name);
        let got = format!("{out}# exit {}\n", code.unwrap_or(-1));
        let snap = f.with_extension("expected");
        if bless {
            std::fs::write(&snap, &got).expect("write snapshot");
            continue;
        }
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            failures.push(format!(
                "{name}: differs from {} at line {}:\n  got:  {}\n  want: {}",
                snap.display(),
                line + 1,
                got.lines().nth(line).unwrap_or("<end>"),
                want.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(rerun with DYAD_BLESS=1 to accept the new output)",
        failures.join("\n")
    );
}

#[test]
fn blog_comments_are_all_dropped() {
    let (out, code) = explain("blog-20-comments.txt");
    assert_eq!(code, Some(0));
    let headers: Vec<&str> = out.lines().filter(|l| l.contains("'s picture")).collect();
    assert_eq!(headers.len(), 20, "{out}");
    assert!(headers.iter().all(|l| l.starts_with("- [comment section]")));
    assert!(out.contains("+ For Berlin, the calculation is simple"));
    assert!(out.contains("+ Germany and Russia signed a new agreement"));
    let kept = stdout(&dyad(&["clean", &fixture("blog-20-comments.txt")]));
    for bad in [
        "Sanctions hurt",
        "Kremlin attacked Ukraine",
        "Drupal",
        "Comment *",
        "Tags:",
    ] {
        assert!(!kept.contains(bad), "{bad} kept:\n{kept}");
    }
}

#[test]
fn russian_paragraph_is_reported_not_coded() {
    let (out, _) = explain("russian-paragraph.txt");
    assert!(out.contains("- [not English: rus] Лавров"), "{out}");
    assert!(
        out.contains("paragraphs by language: eng 5, rus 1"),
        "{out}"
    );
    let o = dyad(&["clean", "--json", &fixture("russian-paragraph.txt")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["meta"]["languages"]["rus"], 1);
    assert!(!v["text"].as_str().unwrap_or("").contains("Лавров"));
    // Nothing from the Russian paragraph is coded.
    let o = dyad(&["code", &fixture("russian-paragraph.txt")]);
    assert!(!stdout(&o).contains("Лавров"));
}

#[test]
fn press_release_contact_block_and_digest_links() {
    let kept = stdout(&dyad(&["clean", &fixture("press-release.txt")]));
    assert!(kept.contains("will be reviewed after two years."));
    for bad in ["###", "Rasa", "+370", "press@", "Disclaimer", "70 missions"] {
        assert!(!kept.contains(bad), "{bad} kept:\n{kept}");
    }
    let (out, _) = explain("digest-more-news.txt");
    assert!(out.contains("- [list of links to other articles] More news on the NATO"));
    assert!(out.contains("- [list of links to other articles] Kremlin warns"));
    assert!(out.contains("+ Finland's president said he was surprised"));
}

#[test]
fn html_page_without_body_is_reported() {
    let o = dyad(&["clean", &fixture("no-body.html")]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no-body.html") && err.contains("no article text"),
        "{err}"
    );
}

#[test]
fn html_json_metadata_and_raw_map() {
    let path = fixture("wire-story.html");
    let raw = std::fs::read(&path).expect("fixture");
    let o = dyad(&["clean", "--json", &path]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let m = &v["meta"];
    assert_eq!(
        m["title"],
        "Russia and China hold joint naval drills in the Sea of Japan"
    );
    assert_eq!(m["author"], "Anna Petrova, Li Wei");
    assert_eq!(m["publisher"], "Example Wire Ltd");
    assert_eq!(m["published"], "2021-10-15");
    assert_eq!(m["date_source"], "json_ld");
    let text = v["text"].as_str().expect("text");
    assert!(text.contains("Japan's chief cabinet secretary"));
    assert!(
        text.contains("We will continue to monitor"),
        "blockquote kept: {text}"
    );
    for bad in [
        "Home",
        "Share on Twitter",
        "invade us next",
        "All rights reserved",
        "Black Sea",
    ] {
        assert!(!text.contains(bad), "{bad} kept:\n{text}");
    }
    // Every kept block maps to the raw bytes that hold it: same first and last word.
    let map = v["raw_map"].as_array().expect("raw_map");
    assert!(map.len() >= 5, "{map:?}");
    for e in map {
        let n: Vec<usize> = e
            .as_array()
            .expect("entry")
            .iter()
            .map(|x| x.as_u64().expect("offset") as usize)
            .collect();
        let kept = &text[n[0]..n[1]];
        let src = String::from_utf8_lossy(&raw[n[2]..n[3]]);
        let first = |s: &str| s.split_whitespace().next().unwrap_or("").to_string();
        assert_eq!(first(kept), first(&src), "{kept} <- {src}");
        let last_char = kept.chars().last().expect("non-empty");
        assert!(src.ends_with(last_char), "{kept} <- {src}");
    }
}

#[test]
fn date_flag_overrides_and_plain_text_raw_map_is_exact() {
    let path = fixture("digest-more-news.txt");
    let raw = std::fs::read(&path).expect("fixture");
    let o = dyad(&["clean", "--json", &path]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["meta"]["published"], "2022-05-16");
    assert_eq!(v["meta"]["date_source"], "dateline");
    let text = v["text"].as_str().expect("text");
    for e in v["raw_map"].as_array().expect("raw_map") {
        let n: Vec<usize> = e
            .as_array()
            .expect("entry")
            .iter()
            .map(|x| x.as_u64().expect("offset") as usize)
            .collect();
        assert_eq!(&text.as_bytes()[n[0]..n[1]], &raw[n[2]..n[3]]);
    }
    let o = dyad(&["clean", "--json", "--date", "2022-05-20", &path]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["meta"]["published"], "2022-05-20");
    assert_eq!(v["meta"]["date_source"], "flag");
}

/// The two real scraped pages: every article paragraph kept, the rest dropped.
#[test]
fn shared_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let file = |n: &str| dir.join(n).to_str().expect("utf-8 path").to_string();
    let check = |name: &str, keep: &[&str], drop: &[&str]| {
        let o = dyad(&["clean", "--explain", &file(name)]);
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        for k in keep {
            assert!(
                out.lines().any(|l| l.starts_with("+ ") && l.contains(k)),
                "{name}: article text dropped: {k}\n{out}"
            );
        }
        for d in drop {
            assert!(
                out.lines().any(|l| l.starts_with("- [") && l.contains(d)),
                "{name}: boilerplate kept: {d}\n{out}"
            );
        }
        out
    };
    check(
        "kremlin-reset-2019.txt",
        &[
            "The Kremlin has rejected claims found in Robert Mueller's probe",
            "Russia's Foreign Ministry on Monday said the findings",
            "groundless vicious defamation created to be used in the internal political struggle",
            "will make any step towards reconciliation and better relations impossible.",
        ],
        &[
            "Read more",
            "More News On Russian Reaction",
            "Russia savors Mueller",
            "Mueller Provides Scant Real Relief",
            "Subscribe to receive free email updates:",
        ],
    );
    let out = check(
        "pompeo-sochi-2019.txt",
        &[
            "Following talks with Pompeo, Lavrov called for dispelling",
            "Russia seeks world peace and stability.",
            "He threatened to cut off Britain",
            "Putin and Lavrov believing otherwise is unrealstic wishful thinking.",
        ],
        &[
            "Contact at lendmanstephen",
            "My newest book as editor and contributor",
            "Leave a Reply",
            "Fill in your details below",
            "You are commenting using your Google account",
            "Create a free website or blog at WordPress.com.",
            "bloggers like this",
        ],
    );
    // Both are English throughout: every paragraph is counted as English, none left out.
    assert!(out.contains("paragraphs by language: eng"), "{out}");
    assert!(!out.contains("not English"), "{out}");
}

/// `dyad eval clean --json` on the benchmark: our metric reproduces the published peer
/// figures, and dyad's own scores are there with both halves.
#[test]
fn eval_clean_reproduces_the_published_peer_scores() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/scrapinghub-article-extraction-benchmark");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let o = dyad(&["eval", "clean", dir.to_str().expect("utf-8 path"), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["pages"], 181);
    let peer = &v["peers"]["rs_trafilatura"];
    assert_eq!(peer["f1"], 0.970);
    assert_eq!(peer["precision"], 0.951);
    assert_eq!(peer["recall"], 0.990);
    assert_eq!(v["peers"]["newspaper"]["f1"], 0.949);
    assert_eq!(v["peers"]["html-text"]["recall"], 0.994);
    let f1 = v["f1"].as_f64().expect("f1");
    assert!(f1 >= 0.96, "dyad F1 fell to {f1}");
    for half in ["0-7", "8-f"] {
        assert!(v["halves"][half]["f1"].as_f64().expect("half f1") > 0.95);
    }
}

#[test]
fn bench_clean_reports_mb_per_s() {
    let o = dyad(&[
        "bench",
        "clean",
        &fixture("wire-story.html"),
        &fixture("press-release.txt"),
        "--seconds",
        "0.05",
        "--json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v["html"]["mb_per_s"].as_f64().expect("html") > 0.0);
    assert!(v["text"]["mb_per_s"].as_f64().expect("text") > 0.0);
    assert_eq!(v["html"]["inputs"], 1);
}
