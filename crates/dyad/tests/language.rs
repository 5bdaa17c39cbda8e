//! The language layer through the CLI: `dyad parse`, `dyad eval parse`, `dyad bench parse`,
//! and a clear error for a bad model file.

mod common;

use common::dyad;
use std::path::{Path, PathBuf};

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dyad-parse/tests/data/tiny.conllu")
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("dyad-lang-{}-{name}", std::process::id()))
}

#[test]
fn parse_prints_conllu_with_multiword_tokens() {
    let f = tmp("a.txt");
    std::fs::write(&f, "Russia's envoy didn't meet Pompeo.\n\nThe talks ended.").unwrap();
    let out = dyad(&["parse", f.to_str().unwrap()]);
    std::fs::remove_file(&f).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("# text = Russia's envoy didn't meet Pompeo."),
        "{s}"
    );
    assert!(s.contains("1-2\tRussia's\t"), "{s}");
    assert!(s.contains("\tn't\tnot\tPART\t"), "{s}");
    // Every sentence has exactly one root, and every word line has 10 columns.
    for block in s.split("\n\n").filter(|b| b.contains('\t')) {
        let words: Vec<Vec<&str>> = block
            .lines()
            .filter(|l| !l.starts_with('#') && !l.contains('-'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(words.iter().all(|w| w.len() == 10), "{block}");
        assert_eq!(words.iter().filter(|w| w[6] == "0").count(), 1, "{block}");
    }
    let root: Vec<&str> = s
        .lines()
        .filter(|l| l.split('\t').nth(6) == Some("0"))
        .collect();
    assert!(root.iter().any(|l| l.contains("\tmeet\t")), "{root:?}");
}

#[test]
fn eval_and_bench_print_json() {
    let t = tiny();
    let out = dyad(&["eval", "parse", t.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for k in ["upos", "xpos", "lemma", "uas", "las"] {
        let x = v[k].as_f64().unwrap_or_else(|| panic!("{k} in {v}"));
        assert!((50.0..=100.0).contains(&x), "{k} = {x}");
    }
    for k in ["tokens_f1", "sentences_f1", "upos_f1", "las_f1"] {
        assert!(v["raw"][k].as_f64().is_some(), "raw.{k} in {v}");
    }
    let out = dyad(&["bench", "parse", t.to_str().unwrap(), "--json", "--no-peer"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["tokens_per_s"].as_f64().unwrap() > 0.0);
    assert!(v["sentences_per_s"].as_f64().unwrap() > 0.0);
}

#[test]
fn bad_model_file_is_a_clear_error() {
    let m = tmp("bad.dyadmodel");
    std::fs::write(&m, b"this is not a model").unwrap();
    let t = tiny();
    let out = dyad(&[
        "eval",
        "parse",
        t.to_str().unwrap(),
        "--model",
        m.to_str().unwrap(),
    ]);
    std::fs::remove_file(&m).ok();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.dyadmodel") && err.contains("not a dyad model file"),
        "{err}"
    );
}

#[test]
fn bundled_model_loads_fast() {
    let t0 = std::time::Instant::now();
    let m = dyad::models::load(None).expect("bundled model");
    let dt = t0.elapsed();
    assert!(m.parser.labels.len() > 30);
    // Load time is reported by `dyad bench parse`; this only guards against a pathological
    // regression (debug builds are several times slower than release).
    assert!(dt.as_secs_f64() < 10.0, "{dt:?}");
}
