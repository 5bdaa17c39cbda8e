//! Article-body extraction scores as the Scrapinghub article-extraction benchmark defines them:
//! tokens are `\w+` runs (Unicode letters, digits, underscore); shingles are 4-grams of tokens
//! (a text of fewer than four tokens gives one shorter shingle); per page, true positives,
//! false positives and false negatives are the multiset overlap of shingles, divided by their
//! sum so that every page weighs the same; precision is the mean over pages with TP+FP > 0,
//! recall the mean over pages with TP+FN > 0 (a page with FP = FN = 0 scores 1 on both), F1 is
//! 2PR/(P+R) of those means, and accuracy is the share of pages whose token lists are equal.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

/// Normalised (TP, FP, FN) of one page.
pub type TpFpFn = (f64, f64, f64);

/// Benchmark scores over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    pub pages: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `\w+` tokens of a text.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    let count = tokens.len().saturating_sub(n) + 1;
    for i in 0..count.max(1) {
        let sh: Vec<&str> = tokens[i.min(tokens.len())..(i + n).min(tokens.len())].to_vec();
        if !sh.is_empty() {
            *m.entry(sh).or_insert(0) += 1;
        }
    }
    m
}

/// Normalised shingle (TP, FP, FN) of a prediction against the truth.
pub fn shingle_matching(truth: &str, pred: &str) -> TpFpFn {
    let t = shingles(&tokenize(truth), 4);
    let p = shingles(&tokenize(pred), 4);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (tp, fp, fn_)
    }
}

fn precision((tp, fp, fn_): TpFpFn) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall((tp, fp, fn_): TpFpFn) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Scores predictions (`id → text`, a missing id is an empty prediction) on the given ids.
pub fn score(
    truth: &BTreeMap<String, String>,
    pred: &HashMap<String, String>,
    ids: &[&str],
) -> Scores {
    let mut ps = Vec::new();
    let mut rs = Vec::new();
    let mut acc = Vec::new();
    for id in ids {
        let t = truth.get(*id).map_or("", String::as_str);
        let p = pred.get(*id).map_or("", String::as_str);
        let m = shingle_matching(t, p);
        if m.0 + m.1 > 0.0 {
            ps.push(precision(m));
        }
        if m.0 + m.2 > 0.0 {
            rs.push(recall(m));
        }
        acc.push(if tokenize(t) == tokenize(p) { 1.0 } else { 0.0 });
    }
    let (p, r) = (mean(&ps), mean(&rs));
    Scores {
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
        precision: p,
        recall: r,
        accuracy: mean(&acc),
        pages: ids.len(),
    }
}

/// The benchmark's files.
#[derive(Debug, Default)]
pub struct Benchmark {
    /// Page id → ground-truth article body.
    pub truth: BTreeMap<String, String>,
    /// Peer system name → (page id → article body).
    pub peers: BTreeMap<String, HashMap<String, String>>,
}

fn gunzip(path: &Path) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(s)
}

/// `{id: {"articleBody": …}}` or `{"version": …, "output": {id: {…}}}`.
fn bodies(v: &serde_json::Value) -> HashMap<String, String> {
    let obj = v.get("output").unwrap_or(v);
    obj.as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(k, x)| {
                    let body = x.get("articleBody")?;
                    Some((k.clone(), body.as_str().unwrap_or("").to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Benchmark {
    /// Reads `ground-truth.json` and `peer-outputs/*.json.gz` from the benchmark directory.
    pub fn load(dir: &Path) -> Result<Benchmark, String> {
        let gt = dir.join("ground-truth.json");
        let text = std::fs::read_to_string(&gt).map_err(|e| format!("{}: {e}", gt.display()))?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", gt.display()))?;
        let truth: BTreeMap<String, String> = bodies(&v).into_iter().collect();
        if truth.is_empty() {
            return Err(format!("{}: no articleBody records", gt.display()));
        }
        let mut peers = BTreeMap::new();
        let pdir = dir.join("peer-outputs");
        if let Ok(rd) = std::fs::read_dir(&pdir) {
            let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for f in files {
                let Some(name) = f
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".json.gz"))
                else {
                    continue;
                };
                let text = gunzip(&f)?;
                let v: serde_json::Value =
                    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", f.display()))?;
                peers.insert(name.to_string(), bodies(&v));
            }
        }
        Ok(Benchmark { truth, peers })
    }

    /// The page file of an id: `html/<id>.html.gz`.
    pub fn page_path(dir: &Path, id: &str) -> std::path::PathBuf {
        dir.join("html").join(format!("{id}.html.gz"))
    }

    /// Reads one page (gzip-compressed) as bytes.
    pub fn page(dir: &Path, id: &str) -> Result<Vec<u8>, String> {
        let p = Self::page_path(dir, id);
        let f = std::fs::File::open(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(f)
            .read_to_end(&mut b)
            .map_err(|e| format!("{}: {e}", p.display()))?;
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_shingles() {
        assert_eq!(
            tokenize("It's a  well-known_fact, 42!"),
            vec!["It", "s", "a", "well", "known_fact", "42"]
        );
        // Fewer than four tokens: one shorter shingle.
        assert_eq!(shingle_matching("a b", "a b"), (1.0, 0.0, 0.0));
        let (tp, fp, fn_) = shingle_matching("a b c d e", "a b c d x");
        // truth shingles: abcd, bcde; pred: abcd, bcdx.
        assert!(
            (tp - 1.0 / 3.0).abs() < 1e-9
                && (fp - 1.0 / 3.0).abs() < 1e-9
                && (fn_ - 1.0 / 3.0).abs() < 1e-9
        );
    }

    #[test]
    fn empty_prediction_counts_only_for_recall() {
        let truth: BTreeMap<String, String> =
            [("a".to_string(), "one two three four five".to_string())].into();
        let pred = HashMap::new();
        let s = score(&truth, &pred, &["a"]);
        assert_eq!(s.recall, 0.0);
        assert_eq!(s.precision, 0.0);
        assert_eq!(s.accuracy, 0.0);
    }
}
