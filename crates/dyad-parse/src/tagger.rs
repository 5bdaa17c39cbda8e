//! Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting UPOS and XPOS
//! together (one class per seen pair), over word, affix, shape and context-tag features, with a
//! tag dictionary for frequent unambiguous words.

use crate::hash::{feat, hash_str};
use crate::model::{ByteReader, ByteWriter, ModelError};
use crate::perceptron::{argmax, Model, Trainer};
use crate::rng::Rng;
use std::collections::HashMap;

const START: u64 = 0x5354_4152_5431;
const START2: u64 = 0x5354_4152_5432;
const END: u64 = 0x454e_4431;
const END2: u64 = 0x454e_4432;
const NO_TAG: u16 = u16::MAX;

/// Precomputed hashes of one word.
#[derive(Clone, Copy)]
pub struct WordFeats {
    pub lower: u64,
    suf1: u64,
    suf2: u64,
    suf3: u64,
    suf4: u64,
    pre1: u64,
    pre2: u64,
    shape: u64,
    flags: u64,
}

/// Lower-cases and maps digits to 0, so "1984" and "2019" share a form.
pub fn normal_form(w: &str) -> String {
    w.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect()
}

/// Collapsed word shape: "Moscow" → "Xx", "U.S." → "X.X.", "1984" → "d", "e-mail" → "x-x".
fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in w.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

fn suffix(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |x| x.0);
    &s[start..]
}

fn prefix(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |x| x.0);
    &s[..end]
}

impl WordFeats {
    /// Features of `form`, whose `normal_form` is `lower`.
    pub fn new(form: &str, lower: &str) -> WordFeats {
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let has_digit = form.chars().any(|c| c.is_ascii_digit());
        let has_hyphen = form.contains('-');
        let all_upper = form.chars().all(|c| !c.is_lowercase());
        WordFeats {
            lower: hash_str(lower),
            suf1: hash_str(suffix(lower, 1)),
            suf2: hash_str(suffix(lower, 2)),
            suf3: hash_str(suffix(lower, 3)),
            suf4: hash_str(suffix(lower, 4)),
            pre1: hash_str(prefix(lower, 1)),
            pre2: hash_str(prefix(lower, 2)),
            shape: hash_str(&shape(form)),
            flags: first_upper as u64
                | (has_digit as u64) << 1
                | (has_hyphen as u64) << 2
                | (all_upper as u64) << 3,
        }
    }
}

fn features(w: &[WordFeats], amb: &[u64], i: usize, p1: u16, p2: u16, out: &mut Vec<u32>) {
    out.clear();
    let cur = &w[i];
    let at = |k: isize| -> Option<&WordFeats> {
        let j = i as isize + k;
        if j < 0 || j as usize >= w.len() {
            None
        } else {
            Some(&w[j as usize])
        }
    };
    let lw = |k: isize, pad: u64| at(k).map_or(pad, |x| x.lower);
    let (m1, m2, n1, n2) = (lw(-1, START), lw(-2, START2), lw(1, END), lw(2, END2));
    let p1 = p1 as u64;
    let p2 = p2 as u64;
    out.extend_from_slice(&[
        feat(0, 0, 0, 0),
        feat(1, cur.lower, 0, 0),
        feat(2, cur.suf1, 0, 0),
        feat(3, cur.suf2, 0, 0),
        feat(4, cur.suf3, 0, 0),
        feat(5, cur.suf4, 0, 0),
        feat(6, cur.pre1, 0, 0),
        feat(7, cur.pre2, 0, 0),
        feat(8, cur.shape, 0, 0),
        feat(9, cur.flags, (i == 0) as u64, 0),
        feat(10, p1, 0, 0),
        feat(11, p2, 0, 0),
        feat(12, p1, p2, 0),
        feat(13, p1, cur.lower, 0),
        feat(14, m1, 0, 0),
        feat(15, at(-1).map_or(START, |x| x.suf3), 0, 0),
        feat(16, m2, 0, 0),
        feat(17, n1, 0, 0),
        feat(18, at(1).map_or(END, |x| x.suf3), 0, 0),
        feat(19, n2, 0, 0),
        feat(20, m1, cur.lower, 0),
        feat(21, cur.lower, n1, 0),
        feat(22, p1, n1, 0),
        feat(23, at(1).map_or(END, |x| x.shape), cur.shape, 0),
        feat(24, at(-1).map_or(START, |x| x.shape), cur.suf3, 0),
        feat(25, p1, cur.suf3, 0),
        feat(26, n1, n2, 0),
        feat(27, at(1).map_or(END, |x| x.suf2), cur.suf3, 0),
        // Ambiguity classes: the tags a word was seen with in training.
        feat(28, amb[i], 0, 0),
        feat(29, amb.get(i + 1).copied().unwrap_or(END), 0, 0),
        feat(30, amb.get(i + 2).copied().unwrap_or(END), 0, 0),
        feat(31, amb[i], amb.get(i + 1).copied().unwrap_or(END), 0),
        feat(32, p1, amb.get(i + 1).copied().unwrap_or(END), 0),
        feat(33, cur.lower, amb.get(i + 1).copied().unwrap_or(END), 0),
        feat(34, p1, amb[i], 0),
    ]);
}

/// A trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    model: Model,
    /// Class labels: "UPOS\tXPOS".
    pub labels: Vec<String>,
    /// Frequent unambiguous words (normal form) → class.
    tagdict: HashMap<String, u16>,
    /// Words seen at least twice → hash of the set of their tags (ambiguity class).
    amb: HashMap<String, u64>,
    /// Words seen in training with a closed-class UPOS → bit set over `CLOSED_UPOS`.
    closed: HashMap<String, u8>,
    /// Per class: its bit in `CLOSED_UPOS` if its UPOS is a closed class (derived from `labels`).
    label_closed: Vec<Option<u8>>,
    /// Every word of the training data (normal form) → the tags and letter case it was seen
    /// with (model format 3; empty when read from a format 2 file). Used by the run-time
    /// repairs in `headline`, never by the perceptron.
    lexicon: HashMap<String, LexEntry>,
}

/// UPOS tags in a fixed order, for `LexEntry::upos` bit sets.
pub const UPOS_LIST: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Bit of `upos` in `UPOS_LIST` (0 for an unknown tag).
pub fn upos_bit(upos: &str) -> u32 {
    UPOS_LIST
        .iter()
        .position(|u| *u == upos)
        .map_or(0, |i| 1 << i)
}

/// What training saw of one word (all spellings with the same normal form).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexEntry {
    /// UPOS tags seen, bits over `UPOS_LIST`.
    pub upos: u32,
    /// Seen as a finite verb form (VERB or AUX with XPOS VBZ, VBD or VBP).
    pub finite: bool,
    /// Occurrences (capped at 65535).
    pub count: u16,
    /// Occurrences written with a lower-case first letter (capped at 65535).
    pub lower: u16,
}

impl LexEntry {
    pub fn has(&self, upos: &str) -> bool {
        self.upos & upos_bit(upos) != 0
    }

    fn pack(&self) -> u64 {
        self.upos as u64 & 0xff_ffff
            | (self.finite as u64) << 24
            | (self.count as u64) << 32
            | (self.lower as u64) << 48
    }

    fn unpack(v: u64) -> LexEntry {
        LexEntry {
            upos: (v & 0xff_ffff) as u32,
            finite: v >> 24 & 1 == 1,
            count: (v >> 32) as u16,
            lower: (v >> 48) as u16,
        }
    }
}

/// Closed word classes. A word is given one of these tags only if training saw it with that
/// tag: English has a fixed list of prepositions, determiners, pronouns, conjunctions,
/// auxiliaries and particles, and a word outside the list ("abandon" in "demanding that
/// Mugabe abandon his policy") is an open-class word whatever its context suggests. Without
/// this, a rare verb in an unusual position could come out as ADP and break the parse of the
/// whole clause.
const CLOSED_UPOS: [&str; 7] = ["ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"];

/// For each class label ("UPOS\tXPOS"), its bit in `CLOSED_UPOS` if its UPOS is closed.
fn closed_bits(labels: &[String]) -> Vec<Option<u8>> {
    labels
        .iter()
        .map(|l| {
            let upos = l.split('\t').next().unwrap_or("");
            CLOSED_UPOS.iter().position(|c| *c == upos).map(|i| i as u8)
        })
        .collect()
}

/// May `class` be given to a word whose closed classes seen in training are `mask` (bits
/// over `CLOSED_UPOS`)? Open classes always; closed ones only if the word was seen with them.
fn class_allowed(label_closed: &[Option<u8>], mask: u8, class: usize) -> bool {
    match label_closed.get(class).copied().flatten() {
        None => true,
        Some(bit) => mask & (1 << bit) != 0,
    }
}

const UNKNOWN_AMB: u64 = 0x554e_4b4e;

/// A sentence ready for tagging: each word's normal form, features and ambiguity class,
/// computed once.
struct Prepared {
    norms: Vec<String>,
    feats: Vec<WordFeats>,
    amb: Vec<u64>,
}

fn prepare(forms: &[&str], amb: &HashMap<String, u64>) -> Prepared {
    let norms: Vec<String> = forms.iter().map(|f| normal_form(f)).collect();
    let feats = forms
        .iter()
        .zip(&norms)
        .map(|(f, n)| WordFeats::new(f, n))
        .collect();
    let amb = norms
        .iter()
        .map(|n| amb.get(n).copied().unwrap_or(UNKNOWN_AMB))
        .collect();
    Prepared { norms, feats, amb }
}

/// One training sentence: forms and gold "UPOS\tXPOS" labels.
pub struct TagExample<'a> {
    pub forms: Vec<&'a str>,
    pub tags: Vec<String>,
}

impl Tagger {
    /// Tags a sentence; returns class ids (see `labels`). Closed-class tags go only to words
    /// seen with them in training (see `CLOSED_UPOS`).
    pub fn tag(&self, forms: &[&str]) -> Vec<u16> {
        self.tag_with(forms, true, &[])
    }

    /// Tags like `tag`, but each `(position, class)` in `forced` gets that class, and the
    /// words after it are tagged in its light (their context features see the forced tag).
    pub fn tag_forced(&self, forms: &[&str], forced: &[(usize, u16)]) -> Vec<u16> {
        self.tag_with(forms, true, forced)
    }

    /// Tags a sentence without the closed-class constraint: what the perceptron alone says.
    /// Training tags its jackknife folds this way. The constraint is a decoding rule, applied
    /// at run time only: applied in training too, it changed the folds' tags the parser
    /// learns from and cost 0.4 LAS on the dev sets, while at run time alone it leaves the
    /// weights as they were and only stops impossible tags.
    pub fn tag_unconstrained(&self, forms: &[&str]) -> Vec<u16> {
        self.tag_with(forms, false, &[])
    }

    fn tag_with(&self, forms: &[&str], constrained: bool, forced: &[(usize, u16)]) -> Vec<u16> {
        let Prepared {
            norms,
            feats: w,
            amb,
        } = prepare(forms, &self.amb);
        let mut out = Vec::with_capacity(forms.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0f32; self.labels.len()];
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for (i, norm) in norms.iter().enumerate() {
            let fixed = forced.iter().find(|f| f.0 == i).map(|f| f.1);
            let t = match fixed.or_else(|| self.tagdict.get(norm).copied()) {
                Some(t) => t,
                None => {
                    features(&w, &amb, i, p1, p2, &mut feats);
                    self.model.score(&feats, &mut scores);
                    let mask = self.closed.get(norm).copied().unwrap_or(0);
                    argmax(&scores, |c| {
                        !constrained || class_allowed(&self.label_closed, mask, c)
                    })
                    .unwrap_or(0) as u16
                }
            };
            out.push(t);
            p2 = p1;
            p1 = t;
        }
        out
    }

    /// Perceptron scores of every class for the word at `i`, in the context of the tags
    /// `tags` already given to the words before it (what `tag` computed there, unless the
    /// tag dictionary decided the word without scoring).
    pub fn scores_at(&self, forms: &[&str], tags: &[u16], i: usize) -> Vec<f32> {
        let p = prepare(forms, &self.amb);
        let mut scores = vec![0f32; self.labels.len()];
        if i >= forms.len() {
            return scores;
        }
        let p1 = if i >= 1 { tags[i - 1] } else { NO_TAG };
        let p2 = if i >= 2 { tags[i - 2] } else { NO_TAG };
        let mut feats = Vec::with_capacity(40);
        features(&p.feats, &p.amb, i, p1, p2, &mut feats);
        self.model.score(&feats, &mut scores);
        scores
    }

    /// The class of a "UPOS", "XPOS" pair, if training saw it.
    pub fn class(&self, upos: &str, xpos: &str) -> Option<u16> {
        self.labels
            .iter()
            .position(|l| l.split_once('\t') == Some((upos, xpos)))
            .map(|c| c as u16)
    }

    /// What training saw of the word whose normal form is `norm`.
    pub fn lexicon(&self, norm: &str) -> Option<&LexEntry> {
        self.lexicon.get(norm)
    }

    /// Whether the model has a lexicon (format 3 and later).
    pub fn has_lexicon(&self) -> bool {
        !self.lexicon.is_empty()
    }

    /// UPOS and XPOS of a class.
    pub fn split(&self, class: u16) -> (&str, &str) {
        let l = &self.labels[class as usize];
        l.split_once('\t').unwrap_or((l.as_str(), "_"))
    }

    /// Trains on `data` for `iters` epochs with the given seed.
    pub fn train(data: &[TagExample<'_>], iters: usize, seed: u64) -> Tagger {
        let mut labels: Vec<String> = data.iter().flat_map(|s| s.tags.iter().cloned()).collect();
        labels.sort();
        labels.dedup();
        let class: HashMap<&str, u16> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i as u16))
            .collect();
        // Tag dictionary: frequent words seen with one tag at least 97% of the time.
        let mut counts: HashMap<String, HashMap<u16, u32>> = HashMap::new();
        for s in data {
            for (f, t) in s.forms.iter().zip(&s.tags) {
                *counts
                    .entry(normal_form(f))
                    .or_default()
                    .entry(class[t.as_str()])
                    .or_default() += 1;
            }
        }
        let mut amb = HashMap::new();
        for (w, c) in &counts {
            let n: u32 = c.values().sum();
            if n >= 2 {
                let mut tags: Vec<u16> = c
                    .iter()
                    .filter(|(_, k)| **k * 10 >= n)
                    .map(|(t, _)| *t)
                    .collect();
                tags.sort_unstable();
                let h = tags
                    .iter()
                    .fold(0x414d_4221u64, |h, t| hash_str(&format!("{h}:{t}")));
                amb.insert(w.clone(), h);
            }
        }
        let label_closed = closed_bits(&labels);
        let mut closed: HashMap<String, u8> = HashMap::new();
        for (w, c) in &counts {
            for t in c.keys() {
                if let Some(bit) = label_closed[*t as usize] {
                    *closed.entry(w.clone()).or_default() |= 1 << bit;
                }
            }
        }
        let mut lexicon: HashMap<String, LexEntry> = HashMap::new();
        for s in data {
            for (f, t) in s.forms.iter().zip(&s.tags) {
                let (u, x) = t.split_once('\t').unwrap_or((t.as_str(), ""));
                let e = lexicon.entry(normal_form(f)).or_default();
                e.upos |= upos_bit(u);
                e.finite |= matches!(u, "VERB" | "AUX") && matches!(x, "VBZ" | "VBD" | "VBP");
                e.count = e.count.saturating_add(1);
                if f.chars().next().is_some_and(char::is_lowercase) {
                    e.lower = e.lower.saturating_add(1);
                }
            }
        }
        let mut tagdict = HashMap::new();
        for (w, c) in &counts {
            let n: u32 = c.values().sum();
            if let Some((t, k)) = c.iter().max_by_key(|(t, k)| (**k, std::cmp::Reverse(**t))) {
                if n >= 20 && *k as f64 / n as f64 >= 0.97 {
                    tagdict.insert(w.clone(), *t);
                }
            }
        }
        let mut tr = Trainer::new(labels.len());
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0f32; labels.len()];
        for _ in 0..iters {
            rng.shuffle(&mut order);
            for &si in &order {
                let s = &data[si];
                let Prepared {
                    norms,
                    feats: w,
                    amb: ambs,
                } = prepare(&s.forms, &amb);
                let (mut p1, mut p2) = (NO_TAG, NO_TAG);
                for i in 0..s.forms.len() {
                    let gold = class[s.tags[i].as_str()];
                    let guess = match tagdict.get(&norms[i]) {
                        Some(t) => *t,
                        None => {
                            features(&w, &ambs, i, p1, p2, &mut feats);
                            tr.score(&feats, &mut scores);
                            let g = argmax(&scores, |_| true).unwrap_or(0) as u16;
                            tr.tick();
                            tr.update(&feats, gold as usize, g as usize);
                            g
                        }
                    };
                    p2 = p1;
                    p1 = guess;
                }
            }
        }
        Tagger {
            model: tr.finish(0.05),
            labels,
            tagdict,
            amb,
            closed,
            label_closed,
            lexicon,
        }
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.strs(&self.labels);
        let mut td: Vec<(&String, &u16)> = self.tagdict.iter().collect();
        td.sort();
        w.varint(td.len() as u64);
        for (k, v) in td {
            w.str(k);
            w.varint(*v as u64);
        }
        let mut am: Vec<(&String, &u64)> = self.amb.iter().collect();
        am.sort();
        w.varint(am.len() as u64);
        for (k, v) in am {
            w.str(k);
            w.varint(*v);
        }
        let mut cl: Vec<(&String, &u8)> = self.closed.iter().collect();
        cl.sort();
        w.varint(cl.len() as u64);
        for (k, v) in cl {
            w.str(k);
            w.varint(*v as u64);
        }
        let mut lx: Vec<(&String, &LexEntry)> = self.lexicon.iter().collect();
        lx.sort_by(|a, b| a.0.cmp(b.0));
        w.varint(lx.len() as u64);
        for (k, v) in lx {
            w.str(k);
            w.varint(v.pack());
        }
        self.model.write(w);
    }

    /// Reads a tagger written by a model file of format `version`.
    pub fn read(r: &mut ByteReader<'_>, version: u32) -> Result<Tagger, ModelError> {
        let labels = r.strs()?;
        let n = r.varint()? as usize;
        let mut tagdict = HashMap::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let k = r.str()?;
            let v = r.varint()? as u16;
            if v as usize >= labels.len() {
                return Err(ModelError::Corrupt(
                    "tag dictionary class out of range".into(),
                ));
            }
            tagdict.insert(k, v);
        }
        let n = r.varint()? as usize;
        let mut amb = HashMap::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let k = r.str()?;
            amb.insert(k, r.varint()?);
        }
        let n = r.varint()? as usize;
        let mut closed = HashMap::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let k = r.str()?;
            closed.insert(k, r.varint()? as u8);
        }
        let mut lexicon = HashMap::new();
        if version >= 3 {
            let n = r.varint()? as usize;
            lexicon.reserve(n.min(1 << 20));
            for _ in 0..n {
                let k = r.str()?;
                lexicon.insert(k, LexEntry::unpack(r.varint()?));
            }
        }
        let model = Model::read(r)?;
        if model.n_classes != labels.len() {
            return Err(ModelError::Corrupt("tagger class count mismatch".into()));
        }
        let label_closed = closed_bits(&labels);
        Ok(Tagger {
            model,
            labels,
            tagdict,
            amb,
            closed,
            label_closed,
            lexicon,
        })
    }

    pub fn n_weights(&self) -> usize {
        self.model.n_weights()
    }

    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }

    /// Drops weights smaller than `min_abs`.
    pub fn prune(&mut self, min_abs: f32) {
        self.model = self.model.prune(min_abs);
    }
}

/// A tagger trained on a few sentences, each given as its words and its "UPOS\tXPOS" labels
/// separated by spaces: the tiny languages the run-time repairs are tested on.
#[cfg(test)]
pub(crate) fn train_tiny(sents: &[(&str, &str)]) -> Tagger {
    let data: Vec<_> = sents
        .iter()
        .map(|(f, t)| TagExample {
            forms: f.split(' ').collect(),
            tags: t.split(' ').map(String::from).collect(),
        })
        .collect();
    Tagger::train(&data, 5, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_forms() {
        assert_eq!(shape("Moscow"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1984"), "d");
        assert_eq!(normal_form("In 1984"), "in 0000");
        assert_eq!(suffix("sanctions", 3), "ons");
        assert_eq!(prefix("é", 2), "é");
    }

    /// Training sentences from (space-separated forms, space-separated "UPOS\tXPOS" tags).
    fn examples<'a>(sents: &[(&'a str, &str)]) -> Vec<TagExample<'a>> {
        sents
            .iter()
            .map(|(f, t)| TagExample {
                forms: f.split(' ').collect(),
                tags: t.split(' ').map(String::from).collect(),
            })
            .collect()
    }

    #[test]
    fn learns_a_tiny_language() {
        let sents = [
            ("Russia met China", "PROPN\tNNP VERB\tVBD PROPN\tNNP"),
            ("China met Russia", "PROPN\tNNP VERB\tVBD PROPN\tNNP"),
            (
                "the envoy met Russia",
                "DET\tDT NOUN\tNN VERB\tVBD PROPN\tNNP",
            ),
            ("the talks ended", "DET\tDT NOUN\tNNS VERB\tVBD"),
        ];
        let data = examples(&sents);
        let tagger = Tagger::train(&data, 10, 1);
        let got: Vec<&str> = tagger
            .tag(&["the", "envoy", "met", "China"])
            .iter()
            .map(|c| tagger.split(*c).0)
            .collect();
        assert_eq!(got, vec!["DET", "NOUN", "VERB", "PROPN"]);
    }

    #[test]
    fn closed_classes_go_only_to_words_seen_with_them() {
        // "in" is the only preposition; a new word in its place must not become ADP, but the
        // unconstrained perceptron, which has learnt "a word after a verb is ADP", says it is.
        let mut sents = Vec::new();
        for _ in 0..5 {
            sents.push((
                "troops met in Kyiv",
                "NOUN\tNNS VERB\tVBD ADP\tIN PROPN\tNNP",
            ));
            sents.push((
                "envoys talked in Minsk",
                "NOUN\tNNS VERB\tVBD ADP\tIN PROPN\tNNP",
            ));
        }
        sents.push(("troops left Kyiv", "NOUN\tNNS VERB\tVBD PROPN\tNNP"));
        let data = examples(&sents);
        let tagger = Tagger::train(&data, 10, 1);
        let forms = ["troops", "met", "abandon", "Kyiv"];
        let upos = |tags: Vec<u16>| -> Vec<String> {
            tags.iter()
                .map(|c| tagger.split(*c).0.to_string())
                .collect()
        };
        assert_eq!(upos(tagger.tag_unconstrained(&forms))[2], "ADP");
        let got = upos(tagger.tag(&forms));
        assert_ne!(got[2], "ADP");
        // A word seen as a preposition keeps it.
        assert_eq!(upos(tagger.tag(&["troops", "met", "in", "Kyiv"]))[2], "ADP");
    }
}
