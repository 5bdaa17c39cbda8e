//! Per-page diagnostics for `dyad eval clean` on the tuning half (ids 0–7) of the
//! article-extraction benchmark: which pages lose most against a peer, and why.
//!
//! Usage:
//! - `cleandiag DIR [PEER]`: one line per tuning-half page, sorted by (our P+R) − (peer P+R):
//!   id, our precision/recall, the peer's (default `rs_trafilatura`).
//! - `cleandiag DIR --page ID`: every block with `+`/`-` (kept/dropped, reason) and the share of
//!   its 4-gram shingles found in the ground truth; then the ground-truth sentences whose
//!   shingles we miss.
//!
//! Held-out pages (ids 8–f) are refused: they are only scored, never inspected.
//!
//! Example: `CARGO_TARGET_DIR=target cargo run --release -p dyad-text --example cleandiag --
//! /work/shared/data/scrapinghub-article-extraction-benchmark`

use dyad_core::{Origin, RawArticle, SourceHints};
use dyad_eval::clean::{shingle_matching, tokenize, Benchmark};
use dyad_text::boilerplate::DropReason;
use std::collections::HashSet;
use std::path::Path;

fn tuning(id: &str) -> bool {
    id.starts_with(['0', '1', '2', '3', '4', '5', '6', '7'])
}

fn clean(dir: &Path, id: &str) -> Option<dyad_text::Cleaned> {
    let bytes = Benchmark::page(dir, id).ok()?;
    let raw = RawArticle {
        origin: Origin::file(id.to_string()),
        format: dyad_core::article::Format::Html,
        bytes,
        hints: SourceHints::default(),
    };
    dyad_text::clean(&raw, true).ok()
}

/// What the benchmark scores: the kept blocks in any language (the `dyad` row).
fn benched(c: &dyad_text::Cleaned) -> String {
    c.blocks
        .iter()
        .filter(|b| b.dropped.is_none() || b.dropped == Some(DropReason::Language))
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn pr(truth: &str, pred: &str) -> (f64, f64) {
    let (tp, fp, fn_) = shingle_matching(truth, pred);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 1.0 };
    (p, r)
}

fn grams(text: &str) -> Vec<String> {
    let t = tokenize(text);
    if t.len() < 4 {
        return vec![t.join(" ")];
    }
    t.windows(4).map(|w| w.join(" ")).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = Path::new(
        args.first()
            .expect("usage: cleandiag DIR [PEER | --page ID]"),
    );
    let bench = Benchmark::load(dir).expect("benchmark");
    if args.get(1).map(String::as_str) == Some("--score") {
        // Aggregate scores only (both halves), as `dyad eval clean` prints them.
        let mut preds = std::collections::HashMap::new();
        for id in bench.truth.keys() {
            if let Some(c) = clean(dir, id) {
                preds.insert(id.clone(), benched(&c));
            }
        }
        let ids: Vec<&str> = bench.truth.keys().map(String::as_str).collect();
        let low: Vec<&str> = ids.iter().copied().filter(|i| tuning(i)).collect();
        let high: Vec<&str> = ids.iter().copied().filter(|i| !tuning(i)).collect();
        for (name, set) in [("all", &ids), ("0-7", &low), ("8-f", &high)] {
            let s = dyad_eval::clean::score(&bench.truth, &preds, set);
            println!(
                "{name}: F1 {:.4} P {:.4} R {:.4}",
                s.f1, s.precision, s.recall
            );
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("--links") {
        // The extracted paragraphs of a page with their link density (percent).
        let id = bench
            .truth
            .keys()
            .find(|k| k.starts_with(args[2].as_str()))
            .expect("no such page");
        assert!(tuning(id), "held-out page: not inspected");
        let tg: HashSet<String> = grams(&bench.truth[id]).into_iter().collect();
        let bytes = Benchmark::page(dir, id).expect("page");
        let html = String::from_utf8_lossy(&bytes);
        let page = dyad_text::html::extract(&html);
        for (p, l) in page.paragraphs.iter().zip(&page.link_density) {
            let g = grams(p);
            let hit = g.iter().filter(|x| tg.contains(*x)).count();
            let text: String = p.chars().take(140).collect();
            println!("{l:3}% ({hit}/{}) {text}", g.len());
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("--linkstats") {
        // Tuning half: extracted paragraphs by link density and length, shingles in / not in
        // the ground truth.
        let mut tab = std::collections::BTreeMap::new();
        for (id, truth) in bench.truth.iter().filter(|(k, _)| tuning(k)) {
            let tg: HashSet<String> = grams(truth).into_iter().collect();
            let bytes = Benchmark::page(dir, id).expect("page");
            let html = String::from_utf8_lossy(&bytes);
            let page = dyad_text::html::extract(&html);
            for (p, l) in page.paragraphs.iter().zip(&page.link_density) {
                let g = grams(p);
                let hit = g.iter().filter(|x| tg.contains(*x)).count();
                let w = p.split_whitespace().count();
                let wb = match w {
                    0..=5 => "w<=5",
                    6..=15 => "w6-15",
                    16..=40 => "w16-40",
                    _ => "w>40",
                };
                let e = tab.entry((l / 10, wb)).or_insert((0usize, 0usize, 0usize));
                e.0 += 1;
                e.1 += hit;
                e.2 += g.len() - hit;
            }
        }
        for ((d, wb), (n, hit, miss)) in tab {
            println!(
                "ld {:3}% {wb:7} blocks {n:5} in-truth {hit:6} not {miss:6}",
                d * 10
            );
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("--raw") {
        // rs-trafilatura's own text for a page, and the page's blocks.
        let id = bench
            .truth
            .keys()
            .find(|k| k.starts_with(args[2].as_str()))
            .expect("no such page");
        assert!(tuning(id), "held-out page: not inspected");
        let bytes = Benchmark::page(dir, id).expect("page");
        let html = String::from_utf8_lossy(&bytes);
        let r = rs_trafilatura::extract(&html).expect("extract");
        println!("{}", r.content_text);
        let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let text = squash(&r.content_text);
        let mut at = 0;
        let doc = scraper::Html::parse_document(&html);
        println!("# page blocks (* = cut continues the extractor's text, ? = found elsewhere):");
        for b in dyad_text::html::page_blocks(&doc) {
            let sb = squash(&b);
            let mark = if !sb.is_empty() && text[at..].starts_with(&sb) {
                at += sb.len();
                "*"
            } else if text.contains(&sb) {
                "?"
            } else {
                " "
            };
            let short: String = b.chars().take(120).collect();
            println!("{mark} {short}");
        }
        println!("# cut covers {at} of {} bytes", text.len());
        return;
    }
    if args.get(1).map(String::as_str) == Some("--page") {
        let id = &args[2];
        let id = bench
            .truth
            .keys()
            .find(|k| k.starts_with(id.as_str()))
            .expect("no such page");
        assert!(tuning(id), "held-out page: not inspected");
        let truth = &bench.truth[id];
        let tg: HashSet<String> = grams(truth).into_iter().collect();
        let c = clean(dir, id).expect("clean");
        println!("# {id}");
        let mut ours = HashSet::new();
        for b in &c.blocks {
            let g = grams(&b.text);
            let hit = g.iter().filter(|x| tg.contains(*x)).count();
            if b.dropped.is_none() || b.dropped == Some(DropReason::Language) {
                ours.extend(g.iter().cloned());
            }
            let mark = match b.dropped {
                None => "+".to_string(),
                Some(r) => format!("- [{r:?}]"),
            };
            let text: String = b.text.chars().take(160).collect();
            println!("{mark} ({hit}/{}) {text}", g.len());
        }
        println!("# missed ground truth:");
        for para in truth.split('\n') {
            let g = grams(para);
            let miss = g.iter().filter(|x| !ours.contains(*x)).count();
            if miss > 0 {
                let text: String = para.chars().take(200).collect();
                println!("  ({miss}/{}) {text}", g.len());
            }
        }
        return;
    }
    let peer = args.get(1).map_or("rs_trafilatura", String::as_str);
    let peer_out = &bench.peers[peer];
    let mut rows = Vec::new();
    for (id, truth) in bench.truth.iter().filter(|(k, _)| tuning(k)) {
        let ours = clean(dir, id).map(|c| benched(&c)).unwrap_or_default();
        let (p, r) = pr(truth, &ours);
        let theirs = peer_out.get(id).map_or("", String::as_str);
        let (pp, pr_) = pr(truth, theirs);
        rows.push((p + r - pp - pr_, id.clone(), p, r, pp, pr_));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut sp, mut sr, mut spp, mut spr) = (0.0, 0.0, 0.0, 0.0);
    for (d, id, p, r, pp, pr_) in &rows {
        sp += p;
        sr += r;
        spp += pp;
        spr += pr_;
        println!(
            "{d:+.3} {} ours P {p:.3} R {r:.3}  {peer} P {pp:.3} R {pr_:.3}",
            &id[..12]
        );
    }
    let n = rows.len() as f64;
    println!(
        "mean: ours P {:.4} R {:.4}  {peer} P {:.4} R {:.4}",
        sp / n,
        sr / n,
        spp / n,
        spr / n
    );
}
