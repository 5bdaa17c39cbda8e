//! Parse scores. With gold tokens: UPOS, XPOS, lemma accuracy, UAS and LAS. From raw text:
//! F1 of tokens, words, sentences, UPOS and LAS, aligning system and gold words by their byte
//! spans in the same text (CoNLL 2018 shared task definitions; LAS compares the universal part
//! of the relation, before any `:` subtype).

use dyad_core::{Doc, Span};
use serde::Serialize;
use std::collections::HashMap;

/// Scores with gold tokenization, in percent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct GoldTokenScores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// LAS counting relation subtypes (`nsubj:pass` must match exactly).
    pub las_full: f64,
}

fn main_rel(r: &str) -> &str {
    r.split(':').next().unwrap_or(r)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Compares `sys` with `gold`, which must have the same tokens.
pub fn score_gold_tokens(gold: &Doc, sys: &Doc) -> GoldTokenScores {
    let n = gold.tokens.len().min(sys.tokens.len());
    let (mut up, mut xp, mut lem, mut ua, mut la, mut laf) = (0, 0, 0, 0, 0, 0);
    for i in 0..n {
        up += (gold.upos.get(i) == sys.upos.get(i)) as usize;
        xp += (gold.xpos.get(i) == sys.xpos.get(i)) as usize;
        lem += (gold.lemma.get(i) == sys.lemma.get(i)) as usize;
        let head_ok = gold.head.get(i) == sys.head.get(i);
        if head_ok {
            ua += 1;
            let (g, s) = (gold.deprel[i].as_str(), sys.deprel[i].as_str());
            la += (main_rel(g) == main_rel(s)) as usize;
            laf += (g == s) as usize;
        }
    }
    GoldTokenScores {
        words: n,
        upos: pct(up, n),
        xpos: pct(xp, n),
        lemma: pct(lem, n),
        uas: pct(ua, n),
        las: pct(la, n),
        las_full: pct(laf, n),
    }
}

/// F1 scores from raw text, in percent.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RawScores {
    pub tokens_f1: f64,
    pub words_f1: f64,
    pub sentences_f1: f64,
    pub upos_f1: f64,
    pub las_f1: f64,
}

/// F1 in percent from matches and the two counts.
pub fn f1(correct: usize, sys: usize, gold: usize) -> f64 {
    if sys + gold == 0 {
        return 100.0;
    }
    200.0 * correct as f64 / (sys + gold) as f64
}

/// Surface token spans: a word plus the joined words after it.
pub fn surface_spans(doc: &Doc) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for t in &doc.tokens {
        match out.last_mut() {
            Some(last) if t.joined => last.end = t.span.end,
            _ => out.push(t.span),
        }
    }
    out
}

/// Compares a system `Doc` made from the gold document's text with the gold `Doc`.
pub fn score_raw(gold: &Doc, sys: &Doc) -> RawScores {
    // Tokens.
    let gs: std::collections::HashSet<Span> = surface_spans(gold).into_iter().collect();
    let ss = surface_spans(sys);
    let tok_ok = ss.iter().filter(|s| gs.contains(s)).count();
    // Words, aligned by span (the first gold word with a span, for shared multi-word spans).
    let mut gold_at: HashMap<Span, usize> = HashMap::new();
    for (i, t) in gold.tokens.iter().enumerate() {
        gold_at.entry(t.span).or_insert(i);
    }
    let align: Vec<Option<usize>> = sys
        .tokens
        .iter()
        .map(|t| gold_at.get(&t.span).copied())
        .collect();
    let words_ok = align.iter().filter(|a| a.is_some()).count();
    let mut upos_ok = 0;
    let mut las_ok = 0;
    for (i, a) in align.iter().enumerate() {
        let Some(g) = *a else { continue };
        if sys.upos.get(i) == gold.upos.get(g) {
            upos_ok += 1;
        }
        let head_ok = match (sys.head.get(i).copied().flatten(), gold.head[g]) {
            (None, None) => true,
            (Some(sh), Some(gh)) => align[sh] == Some(gh),
            _ => false,
        };
        if head_ok && sys.deprel.get(i).map(|r| main_rel(r)) == Some(main_rel(&gold.deprel[g])) {
            las_ok += 1;
        }
    }
    // Sentences.
    let gsent: std::collections::HashSet<Span> = gold.sentences.iter().map(|s| s.span).collect();
    let sent_ok = sys
        .sentences
        .iter()
        .filter(|s| gsent.contains(&s.span))
        .count();
    RawScores {
        tokens_f1: f1(tok_ok, ss.len(), gs.len()),
        words_f1: f1(words_ok, sys.tokens.len(), gold.tokens.len()),
        sentences_f1: f1(sent_ok, sys.sentences.len(), gold.sentences.len()),
        upos_f1: f1(upos_ok, sys.tokens.len(), gold.tokens.len()),
        las_f1: f1(las_ok, sys.tokens.len(), gold.tokens.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "# text = Russia met China.\n\
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tChina\tChina\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn perfect_and_imperfect() {
        let gold = Doc::from_conllu(GOLD).unwrap();
        let s = score_gold_tokens(&gold, &gold);
        assert_eq!((s.upos, s.las, s.uas), (100.0, 100.0, 100.0));
        let mut sys = gold.clone();
        sys.head[2] = Some(0);
        sys.upos[0] = "NOUN".into();
        let s = score_gold_tokens(&gold, &sys);
        assert_eq!(s.upos, 75.0);
        assert_eq!(s.uas, 75.0);
        let r = score_raw(&gold, &sys);
        assert_eq!(r.tokens_f1, 100.0);
        assert_eq!(r.sentences_f1, 100.0);
        assert_eq!(r.las_f1, 75.0);
    }

    #[test]
    fn raw_alignment_by_span() {
        let gold = Doc::from_conllu(GOLD).unwrap();
        // A system that glued "China." into one token.
        let mut sys = gold.clone();
        sys.tokens.truncate(3);
        sys.tokens[2].span.end += 1;
        sys.upos.truncate(3);
        sys.head.truncate(3);
        sys.deprel.truncate(3);
        sys.sentences[0].tokens = 0..3;
        let r = score_raw(&gold, &sys);
        // 2 of 3 system tokens match 2 of 4 gold tokens: F1 = 2*2/(3+4).
        assert!((r.tokens_f1 - 400.0 / 7.0).abs() < 1e-9);
    }
}
