//! Scores the tokenizer and sentence splitter on CoNLL-U treebanks, the way `dyad eval`
//! does from raw text (token, word and sentence F1 over byte spans), and shows the most
//! frequent mismatches.
//!
//! Usage: `tokeval [--errors N] [--kinds N] [--words] [--sent-errors N] [--bench] FILE...`
//! (`--words` lists word mismatches instead of surface-token ones), `tokeval --fuzz N` (random
//! texts, checking span invariants) and `tokeval --phrases DICT...` (dictionary phrases must
//! tokenize alone as they do inside a sentence).
//!
//! Example: `CARGO_TARGET_DIR=/tmp/tok-target cargo run --release -p dyad-text --example
//! tokeval -- --errors 40 en_ewt-ud-dev.conllu`

use dyad_core::{Doc, Span};
use dyad_eval::parse::{f1, surface_spans};
use std::collections::{HashMap, HashSet};

/// Regions where two sorted span lists disagree: (gold spans, system spans).
fn diff_regions(gold: &[Span], sys: &[Span]) -> Vec<(Vec<Span>, Vec<Span>)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < gold.len() || j < sys.len() {
        if i < gold.len() && j < sys.len() && gold[i] == sys[j] {
            i += 1;
            j += 1;
            continue;
        }
        let mut g = Vec::new();
        let mut s = Vec::new();
        // Grow the region until both sides end at the same byte.
        loop {
            let ge = g.last().map_or(0, |x: &Span| x.end);
            let se = s.last().map_or(0, |x: &Span| x.end);
            if !g.is_empty() && !s.is_empty() && ge == se {
                break;
            }
            if (g.is_empty() || ge < se || j >= sys.len()) && i < gold.len() {
                g.push(gold[i]);
                i += 1;
            } else if j < sys.len() {
                s.push(sys[j]);
                j += 1;
            } else {
                break;
            }
        }
        out.push((g, s));
    }
    out
}

fn show(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect::<Vec<_>>()
        .join("|")
}

fn context(text: &str, a: usize, b: usize, w: usize) -> String {
    let mut lo = a.saturating_sub(w);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (b + w).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    format!("{}[[{}]]{}", &text[lo..a], &text[a..b], &text[b..hi]).replace('\n', "¶")
}

/// Tokenizes random strings of tricky characters and checks the invariants: spans are
/// non-empty, ordered, on character boundaries and free of whitespace; sentences cover tokens.
fn fuzz(rounds: usize) {
    const ALPHABET: &[&str] = &[
        "a", "B", "s", "t", "n", "I", "m", "x", "0", "7", ".", ".", "!", "?", ",", ";", ":", "'",
        "’", "‘", "\"", "“", "”", "(", ")", "[", "]", "-", "-", "—", "–", "/", "@", "#", "$", "%",
        "&", "*", "+", "<", ">", "=", "^", "_", "…", "°", "é", "字", " ", " ", " ", "\n", "\n\n",
        "http://", "www.", ".com", "n't", "'s", "etc.", "U.S.", "Mr.", ":)", "e-", "1/2", "5pm",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut total = 0;
    for _ in 0..rounds {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        let toks = dyad_text::tokenize::tokenize(&text);
        let mut prev_end = 0;
        for t in &toks {
            let (a, b) = (t.span.start, t.span.end);
            assert!(a < b && a >= prev_end, "bad span {a}..{b} in {text:?}");
            assert!(
                text.is_char_boundary(a) && text.is_char_boundary(b),
                "{text:?}"
            );
            assert!(!text[a..b].contains(char::is_whitespace), "{text:?}");
            prev_end = b;
        }
        let sents = dyad_text::sentences::split_sentences(&text, &toks);
        let covered: usize = sents.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(covered, toks.len(), "{text:?}");
        total += toks.len();
    }
    println!("fuzz: {rounds} texts, {total} tokens, all invariants hold");
}

/// Checks that dictionary phrases tokenize alone as they do inside a sentence (the actor
/// matcher compares the two).
fn phrases(files: &[String]) {
    let words = |s: &str| -> Vec<String> {
        dyad_text::tokenize::tokenize(s)
            .iter()
            .map(|t| s[t.span.start..t.span.end].to_string())
            .collect()
    };
    let (mut n, mut bad) = (0, 0);
    for f in files {
        let text = std::fs::read_to_string(f).expect("read dictionary");
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            if !line.starts_with([' ', '\t']) {
                continue;
            }
            let Some((_, list)) = line.split_once(':') else {
                continue;
            };
            for phrase in list.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                n += 1;
                let alone = words(phrase);
                let ctx = format!("Officials said {phrase} met them on Monday.");
                let inside = words(&ctx);
                let ok = inside.windows(alone.len()).any(|w| w == alone.as_slice());
                if !ok {
                    bad += 1;
                    println!("{f}: {phrase:?} alone {alone:?} in context {inside:?}");
                }
            }
        }
    }
    println!("{n} phrases, {bad} tokenized differently in context");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    let mut n_err = 0usize;
    let mut n_sent = 0usize;
    let mut n_kinds = 40usize;
    let mut bench = false;
    let mut words_mode = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => n_err = args.next().and_then(|x| x.parse().ok()).unwrap_or(50),
            "--sent-errors" => n_sent = args.next().and_then(|x| x.parse().ok()).unwrap_or(50),
            "--kinds" => n_kinds = args.next().and_then(|x| x.parse().ok()).unwrap_or(40),
            "--bench" => bench = true,
            "--words" => words_mode = true,
            "--phrases" => {
                phrases(&args.by_ref().collect::<Vec<_>>());
                return;
            }
            "--fuzz" => {
                fuzz(args.next().and_then(|x| x.parse().ok()).unwrap_or(100_000));
                return;
            }
            _ => files.push(a),
        }
    }
    for f in &files {
        let raw = std::fs::read_to_string(f).expect("read file");
        let gold = Doc::from_conllu(&raw).expect("parse CoNLL-U");
        let sys = dyad_text::doc_from_text(gold.text.clone(), None);

        let gs = surface_spans(&gold);
        let ss = surface_spans(&sys);
        let gset: HashSet<Span> = gs.iter().copied().collect();
        let tok_ok = ss.iter().filter(|s| gset.contains(s)).count();
        let gw: HashSet<Span> = gold.tokens.iter().map(|t| t.span).collect();
        let words_ok = sys.tokens.iter().filter(|t| gw.contains(&t.span)).count();
        let gsent: HashSet<Span> = gold.sentences.iter().map(|s| s.span).collect();
        let sent_ok = sys
            .sentences
            .iter()
            .filter(|s| gsent.contains(&s.span))
            .count();
        println!(
            "{f}\n  tokens F1 {:.2} (sys {} gold {})  words F1 {:.2}  sentences F1 {:.2} (sys {} gold {})",
            f1(tok_ok, ss.len(), gs.len()),
            ss.len(),
            gs.len(),
            f1(words_ok, sys.tokens.len(), gold.tokens.len()),
            f1(sent_ok, sys.sentences.len(), gold.sentences.len()),
            sys.sentences.len(),
            gold.sentences.len()
        );
        let text = &gold.text;
        if n_err > 0 {
            let (g, s): (Vec<Span>, Vec<Span>) = if words_mode {
                (
                    gold.tokens.iter().map(|t| t.span).collect(),
                    sys.tokens.iter().map(|t| t.span).collect(),
                )
            } else {
                (gs.clone(), ss.clone())
            };
            // Gold words of a multi-word token may share one span; keep unique spans.
            let mut g = g;
            g.dedup();
            let regions = diff_regions(&g, &s);
            let mut kinds: HashMap<(String, String), (usize, Vec<String>)> = HashMap::new();
            for (gr, sr) in &regions {
                let key = (show(text, gr), show(text, sr));
                let a = gr
                    .first()
                    .map_or(0, |x| x.start)
                    .min(sr.first().map_or(0, |x| x.start));
                let b = gr
                    .last()
                    .map_or(0, |x| x.end)
                    .max(sr.last().map_or(0, |x| x.end));
                let e = kinds.entry(key).or_default();
                e.0 += 1;
                if e.1.len() < 2 {
                    e.1.push(context(text, a, b, 30));
                }
            }
            let mut v: Vec<_> = kinds.into_iter().collect();
            v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
            println!(
                "  {} mismatch regions, {} kinds; top:",
                regions.len(),
                v.len()
            );
            for ((gk, sk), (n, ex)) in v.iter().take(n_kinds) {
                println!("  {n:4}  gold {gk:<30} sys {sk:<30} e.g. {}", ex[0]);
            }
            // A plain sample too, in order.
            let step = (regions.len() / n_err.max(1)).max(1);
            println!("  sample:");
            for (gr, sr) in regions.iter().step_by(step).take(n_err) {
                let a = gr
                    .first()
                    .map_or(0, |x| x.start)
                    .min(sr.first().map_or(0, |x| x.start));
                let b = gr
                    .last()
                    .map_or(0, |x| x.end)
                    .max(sr.last().map_or(0, |x| x.end));
                println!(
                    "    gold {}  sys {}   {}",
                    show(text, gr),
                    show(text, sr),
                    context(text, a, b, 30)
                );
            }
        }
        if n_sent > 0 {
            let g: Vec<Span> = gold.sentences.iter().map(|s| s.span).collect();
            let s: Vec<Span> = sys.sentences.iter().map(|s| s.span).collect();
            let regions = diff_regions(&g, &s);
            let mut splits = 0;
            let mut merges = 0;
            for (gr, sr) in &regions {
                if gr.len() > sr.len() {
                    merges += 1;
                } else if sr.len() > gr.len() {
                    splits += 1;
                }
            }
            println!(
                "  {} sentence mismatch regions ({} missed breaks, {} extra breaks)",
                regions.len(),
                merges,
                splits
            );
            let step = (regions.len() / n_sent.max(1)).max(1);
            for (gr, sr) in regions.iter().step_by(step).take(n_sent) {
                // Mark gold breaks with ‖ and system breaks with ¦.
                let a = gr[0].start.min(sr.first().map_or(usize::MAX, |x| x.start));
                let b = gr.last().unwrap().end.max(sr.last().map_or(0, |x| x.end));
                let mut marks: Vec<(usize, &str)> = Vec::new();
                for x in gr.iter().skip(1) {
                    marks.push((x.start, "‖"));
                }
                for x in sr.iter().skip(1) {
                    marks.push((x.start, "¦"));
                }
                marks.sort();
                let mut out = String::new();
                let mut p = a;
                for (m, mk) in marks {
                    if m < p {
                        continue;
                    }
                    out.push_str(&text[p..m]);
                    out.push_str(mk);
                    p = m;
                }
                out.push_str(&text[p..b]);
                let out = out.replace('\n', "¶");
                let short: String = if out.chars().count() > 400 {
                    out.chars().take(400).collect::<String>() + "…"
                } else {
                    out
                };
                println!("    {}→{}  {}", gr.len(), sr.len(), short);
            }
        }
        if bench {
            let reps = 20;
            let t0 = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..reps {
                n += dyad_text::tokenize::tokenize(text).len();
            }
            let dt = t0.elapsed().as_secs_f64();
            let t1 = std::time::Instant::now();
            let toks = dyad_text::tokenize::tokenize(text);
            let mut ns = 0;
            for _ in 0..reps {
                ns += dyad_text::sentences::split_sentences(text, &toks).len();
            }
            let dt2 = t1.elapsed().as_secs_f64();
            let t2 = std::time::Instant::now();
            for _ in 0..reps {
                std::hint::black_box(dyad_text::doc_from_text(text.clone(), None));
            }
            let dt3 = t2.elapsed().as_secs_f64();
            println!(
                "  bench: tokenize {:.2}M tokens/s; split {:.2}M tokens/s ({ns} sents); \
                 doc_from_text {:.2}M gold tokens/s",
                n as f64 / dt / 1e6,
                (toks.len() * reps) as f64 / dt2 / 1e6,
                (gold.tokens.len() * reps) as f64 / dt3 / 1e6
            );
        }
    }
}
