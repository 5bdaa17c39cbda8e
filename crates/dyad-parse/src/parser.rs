//! Dependency parser: greedy arc-eager transitions with labels, scored by an averaged
//! perceptron over the rich non-local feature set of Zhang & Nivre (2011), trained with the
//! dynamic oracle of Goldberg & Nivre (2012) and error exploration. One root per sentence.

use crate::hash::{feat, hash_str};
use crate::model::{ByteReader, ByteWriter, ModelError};
use crate::perceptron::{argmax, Model, Trainer};
use crate::rng::Rng;
use std::collections::HashMap;

const NONE: u64 = 0x4e4f_4e45;
const ROOT_W: u64 = 0x0052_4f4f_5457;
const ROOT_P: u64 = 0x0052_4f4f_5450;
const NO: usize = usize::MAX;

const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// One sentence as the parser reads it: word forms and POS tags (index 0 is the root).
pub struct Input {
    w: Vec<u64>,
    /// Fine (XPOS) tags.
    p: Vec<u64>,
    /// Coarse (UPOS) tags.
    u: Vec<u64>,
    /// Suffix (last three letters) of the word.
    suf: Vec<u64>,
    /// Number of punctuation words before each position.
    punct_before: Vec<u32>,
}

impl Input {
    /// `tags` are XPOS, `coarse` UPOS tags, one per form.
    pub fn new(forms: &[&str], tags: &[&str], coarse: &[&str]) -> Input {
        let mut w = vec![ROOT_W];
        let mut p = vec![ROOT_P];
        let mut u = vec![ROOT_P];
        let mut suf = vec![ROOT_W];
        let mut punct_before = vec![0, 0];
        for (i, f) in forms.iter().enumerate() {
            let norm = crate::tagger::normal_form(f);
            let s: String = norm.chars().rev().take(3).collect();
            w.push(hash_str(&norm));
            suf.push(hash_str(&s));
            p.push(hash_str(tags.get(i).copied().unwrap_or("_")));
            let c = coarse.get(i).copied().unwrap_or("_");
            u.push(hash_str(c));
            let last = *punct_before.last().unwrap_or(&0);
            punct_before.push(last + (c == "PUNCT") as u32);
        }
        Input {
            w,
            p,
            u,
            suf,
            punct_before,
        }
    }
    fn n(&self) -> usize {
        self.w.len() - 1
    }
    /// Punctuation words strictly between positions `a < b`.
    fn punct_between(&self, a: usize, b: usize) -> u64 {
        if b <= a + 1 {
            return 0;
        }
        (self.punct_before[b] - self.punct_before[a + 1]) as u64
    }
}

#[derive(Clone)]
struct State {
    stack: Vec<usize>,
    b: usize,
    n: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    lefts: Vec<Vec<usize>>,
    rights: Vec<Vec<usize>>,
    root_child: bool,
}

impl State {
    fn new(n: usize) -> State {
        State {
            stack: vec![0],
            b: 1,
            n,
            heads: vec![NO; n + 1],
            labels: vec![u16::MAX; n + 1],
            lefts: vec![Vec::new(); n + 1],
            rights: vec![Vec::new(); n + 1],
            root_child: false,
        }
    }
    fn terminal(&self) -> bool {
        self.b > self.n
    }
    fn s0(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }
    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.heads[d] = h;
        self.labels[d] = l;
        if d < h {
            self.lefts[h].push(d);
        } else {
            self.rights[h].push(d);
        }
        if h == 0 {
            self.root_child = true;
        }
    }
}

/// The parser's label set and weights.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    model: Model,
    pub labels: Vec<String>,
    root_label: u16,
}

/// A gold tree for training: heads (1-based, 0 = root) and labels per word.
pub struct Gold {
    pub heads: Vec<usize>,
    pub labels: Vec<String>,
}

impl Parser {
    fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Which transition kinds are allowed: (shift, reduce, left, right from a word, right
    /// from the root). Labels only matter for `root`.
    fn kinds(&self, st: &State) -> [bool; 5] {
        let s0 = st.s0();
        let buffer = st.b <= st.n;
        [
            buffer,
            st.stack.len() > 1 && st.heads[s0] != NO,
            buffer && s0 != 0 && st.heads[s0] == NO,
            buffer && s0 != 0,
            buffer && s0 == 0 && !st.root_child,
        ]
    }

    #[inline]
    fn valid_with(&self, k: &[bool; 5], t: usize) -> bool {
        let nl = self.n_labels();
        match t {
            SHIFT => k[0],
            REDUCE => k[1],
            _ if t < 2 + nl => k[2] && (t - 2) as u16 != self.root_label,
            _ => {
                let l = (t - 2 - nl) as u16;
                if l == self.root_label {
                    k[4]
                } else {
                    k[3]
                }
            }
        }
    }

    #[cfg(test)]
    fn valid(&self, st: &State, t: usize) -> bool {
        self.valid_with(&self.kinds(st), t)
    }

    fn apply(&self, st: &mut State, t: usize) {
        let nl = self.n_labels();
        match t {
            SHIFT => {
                st.stack.push(st.b);
                st.b += 1;
            }
            REDUCE => {
                st.stack.pop();
            }
            _ if t < 2 + nl => {
                let s0 = st.s0();
                st.add_arc(st.b, s0, (t - 2) as u16);
                st.stack.pop();
            }
            _ => {
                let s0 = st.s0();
                let b = st.b;
                st.add_arc(s0, b, (t - 2 - nl) as u16);
                st.stack.push(b);
                st.b += 1;
            }
        }
    }

    /// Dynamic-oracle cost of every transition type (label costs added per label).
    fn costs(&self, st: &State, gh: &[usize], gl: &[u16], out: &mut [i32]) {
        let nl = self.n_labels();
        let s0 = st.s0();
        let b = st.b;
        let in_buffer = |k: usize| k >= b && k <= st.n && k != NO;
        let in_stack = |k: usize| st.stack.contains(&k);
        // SHIFT: b loses its head in the stack and its headless dependents in the stack.
        let mut shift = 0;
        let mut right_base = 0;
        if b <= st.n {
            for &k in &st.stack {
                if gh[b] == k {
                    shift += 1;
                }
                if k != 0 && st.heads[k] == NO && gh[k] == b {
                    shift += 1;
                    right_base += 1;
                }
            }
            // RIGHT: b loses a head elsewhere in the stack or in the buffer.
            if gh[b] != s0 && (in_stack(gh[b]) || in_buffer(gh[b])) {
                right_base += 1;
            }
        }
        // s0's dependents still in the buffer.
        let s0_deps_in_buffer = (b..=st.n).filter(|&k| gh[k] == s0).count() as i32;
        let reduce = s0_deps_in_buffer;
        let mut left_base = s0_deps_in_buffer;
        if s0 != 0 && gh[s0] != b && in_buffer(gh[s0]) {
            left_base += 1;
        }
        out[SHIFT] = shift;
        out[REDUCE] = reduce;
        for l in 0..nl {
            let lc = (s0 != 0 && gh[s0] == b && gl[s0] != l as u16) as i32;
            out[2 + l] = left_base + lc;
            let rc = (b <= st.n && gh[b] == s0 && gl[b] != l as u16) as i32;
            out[2 + nl + l] = right_base + rc;
        }
    }

    fn features(&self, inp: &Input, st: &State, out: &mut Vec<u32>) {
        out.clear();
        let w = |i: usize| if i == NO { NONE } else { inp.w[i] };
        let p = |i: usize| if i == NO { NONE } else { inp.p[i] };
        let lab = |i: usize| {
            if i == NO || st.labels[i] == u16::MAX {
                NONE
            } else {
                st.labels[i] as u64 + 1
            }
        };
        let s0 = st.s0();
        let n0 = if st.b <= st.n { st.b } else { NO };
        let n1 = if st.b < st.n { st.b + 1 } else { NO };
        let n2 = if st.b + 1 < st.n { st.b + 2 } else { NO };
        let s1 = if st.stack.len() > 1 {
            st.stack[st.stack.len() - 2]
        } else {
            NO
        };
        let n3 = if st.b + 2 < st.n { st.b + 3 } else { NO };
        let u = |i: usize| if i == NO { NONE } else { inp.u[i] };
        let sf = |i: usize| if i == NO { NONE } else { inp.suf[i] };
        let punct = if n0 == NO {
            7
        } else {
            inp.punct_between(s0, n0).min(3)
        };
        let head = |i: usize| {
            if i == NO || st.heads[i] == NO {
                NO
            } else {
                st.heads[i]
            }
        };
        let s0h = head(s0);
        let s0h2 = head(s0h);
        // Left children are added nearest first (decreasing positions) and right children
        // nearest first (increasing positions): the k-th outermost is k from the end.
        let kth = |v: &Vec<usize>, k: usize| -> usize {
            if v.len() <= k {
                NO
            } else {
                v[v.len() - 1 - k]
            }
        };
        let s0l = kth(&st.lefts[s0], 0);
        let s0l2 = kth(&st.lefts[s0], 1);
        let s0r = kth(&st.rights[s0], 0);
        let s0r2 = kth(&st.rights[s0], 1);
        let (n0l, n0l2) = if n0 == NO {
            (NO, NO)
        } else {
            (kth(&st.lefts[n0], 0), kth(&st.lefts[n0], 1))
        };
        let dist = if n0 == NO { 0 } else { (n0 - s0).min(6) as u64 };
        let vl_s0 = st.lefts[s0].len() as u64;
        let vr_s0 = st.rights[s0].len() as u64;
        let vl_n0 = if n0 == NO {
            0
        } else {
            st.lefts[n0].len() as u64
        };
        // Order-free hash of the set of labels on a child list.
        let labset = |v: &Vec<usize>| -> u64 {
            let mut bits = [0u64; 2];
            for &c in v {
                let l = st.labels[c] as usize & 127;
                bits[l >> 6] |= 1 << (l & 63);
            }
            bits[0].wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ bits[1].rotate_left(29)
        };
        let ls0l = labset(&st.lefts[s0]);
        let ls0r = labset(&st.rights[s0]);
        let ln0l = if n0 == NO {
            NONE
        } else {
            labset(&st.lefts[n0])
        };
        let (s0w, s0p, n0w, n0p) = (w(s0), p(s0), w(n0), p(n0));
        let s0wp = s0w ^ s0p.rotate_left(17);
        let n0wp = n0w ^ n0p.rotate_left(17);
        let f = [
            // single words
            feat(1, s0wp, 0, 0),
            feat(2, s0w, 0, 0),
            feat(3, s0p, 0, 0),
            feat(4, n0wp, 0, 0),
            feat(5, n0w, 0, 0),
            feat(6, n0p, 0, 0),
            feat(7, w(n1), p(n1), 0),
            feat(8, w(n1), 0, 0),
            feat(9, p(n1), 0, 0),
            feat(10, w(n2), p(n2), 0),
            feat(11, w(n2), 0, 0),
            feat(12, p(n2), 0, 0),
            // pairs
            feat(13, s0wp, n0wp, 0),
            feat(14, s0wp, n0w, 0),
            feat(15, s0w, n0wp, 0),
            feat(16, s0wp, n0p, 0),
            feat(17, s0p, n0wp, 0),
            feat(18, s0w, n0w, 0),
            feat(19, s0p, n0p, 0),
            feat(20, n0p, p(n1), 0),
            // three words
            feat(21, n0p, p(n1), p(n2)),
            feat(22, s0p, n0p, p(n1)),
            feat(23, p(s0h), s0p, n0p),
            feat(24, s0p, p(s0l), n0p),
            feat(25, s0p, p(s0r), n0p),
            feat(26, s0p, n0p, p(n0l)),
            // distance
            feat(27, s0w, dist, 0),
            feat(28, s0p, dist, 0),
            feat(29, n0w, dist, 0),
            feat(30, n0p, dist, 0),
            feat(31, s0w, n0w, dist),
            feat(32, s0p, n0p, dist),
            // valency
            feat(33, s0w, vr_s0, 0),
            feat(34, s0p, vr_s0, 0),
            feat(35, s0w, vl_s0, 0),
            feat(36, s0p, vl_s0, 0),
            feat(37, n0w, vl_n0, 0),
            feat(38, n0p, vl_n0, 0),
            // unigrams of the structure
            feat(39, w(s0h), 0, 0),
            feat(40, p(s0h), 0, 0),
            feat(41, lab(s0), 0, 0),
            feat(42, w(s0l), 0, 0),
            feat(43, p(s0l), 0, 0),
            feat(44, lab(s0l), 0, 0),
            feat(45, w(s0r), 0, 0),
            feat(46, p(s0r), 0, 0),
            feat(47, lab(s0r), 0, 0),
            feat(48, w(n0l), 0, 0),
            feat(49, p(n0l), 0, 0),
            feat(50, lab(n0l), 0, 0),
            // third order
            feat(51, w(s0h2), 0, 0),
            feat(52, p(s0h2), 0, 0),
            feat(53, lab(s0h), 0, 0),
            feat(54, w(s0l2), 0, 0),
            feat(55, p(s0l2), 0, 0),
            feat(56, lab(s0l2), 0, 0),
            feat(57, w(s0r2), 0, 0),
            feat(58, p(s0r2), 0, 0),
            feat(59, lab(s0r2), 0, 0),
            feat(60, w(n0l2), 0, 0),
            feat(61, p(n0l2), 0, 0),
            feat(62, lab(n0l2), 0, 0),
            feat(63, s0p, p(s0l), p(s0l2)),
            feat(64, s0p, p(s0r), p(s0r2)),
            feat(65, s0p, p(s0h), p(s0h2)),
            feat(66, n0p, p(n0l), p(n0l2)),
            // label sets
            feat(67, s0w, ls0r, 0),
            feat(68, s0p, ls0r, 0),
            feat(69, s0w, ls0l, 0),
            feat(70, s0p, ls0l, 0),
            feat(71, n0w, ln0l, 0),
            feat(72, n0p, ln0l, 0),
            // second stack item
            feat(73, p(s1), s0p, n0p),
            feat(74, w(s1), p(s1), 0),
            feat(75, lab(s0), s0p, n0p),
            feat(
                76,
                (st.stack.len().min(4)) as u64,
                n0p,
                (st.heads[s0] == NO) as u64,
            ),
            // coarse tags
            feat(77, u(s0), u(n0), u(n1)),
            feat(78, u(s0), u(n0), dist),
            feat(79, u(s1), u(s0), u(n0)),
            feat(80, u(n0), u(n1), u(n2)),
            feat(81, n0p, p(n1), p(n2).wrapping_add(p(n3).rotate_left(7))),
            // punctuation between the two, heads, suffixes
            feat(82, s0p, n0p, punct),
            feat(83, s0w, n0p, p(n1)),
            feat(84, w(s0h), n0w, 0),
            feat(85, sf(n0), n0p, 0),
            feat(86, sf(s0), s0p, n0p),
            feat(87, u(s0), u(s0h), u(n0)),
            feat(88, lab(s0), u(s0), punct),
        ];
        out.extend_from_slice(&f);
    }

    fn finish_tree(&self, st: &mut State) -> (Vec<usize>, Vec<u16>) {
        // Headless words: the first becomes the root if there is none; the rest attach to it.
        let mut root = (1..=st.n).find(|&i| st.heads[i] == 0);
        for i in 1..=st.n {
            if st.heads[i] == NO {
                match root {
                    None => {
                        st.heads[i] = 0;
                        st.labels[i] = self.root_label;
                        root = Some(i);
                    }
                    Some(r) => {
                        st.heads[i] = r;
                        st.labels[i] = self.dep_label();
                    }
                }
            }
        }
        (st.heads[1..].to_vec(), st.labels[1..].to_vec())
    }

    fn dep_label(&self) -> u16 {
        self.labels.iter().position(|l| l == "dep").unwrap_or(0) as u16
    }

    /// Parses a sentence: (head per word, 1-based with 0 = root; label id per word).
    pub fn parse(&self, inp: &Input) -> (Vec<usize>, Vec<u16>) {
        let n = inp.n();
        let mut st = State::new(n);
        let nc = 2 + 2 * self.n_labels();
        let mut scores = vec![0f32; nc];
        let mut feats = Vec::with_capacity(80);
        while !st.terminal() {
            self.features(inp, &st, &mut feats);
            self.model.score(&feats, &mut scores);
            let k = self.kinds(&st);
            let Some(t) = argmax(&scores, |t| self.valid_with(&k, t)) else {
                break;
            };
            self.apply(&mut st, t);
        }
        self.finish_tree(&mut st)
    }

    pub fn label(&self, l: u16) -> &str {
        self.labels.get(l as usize).map_or("dep", String::as_str)
    }

    /// Trains on (input, gold tree) pairs.
    pub fn train(
        data: &[(Input, Gold)],
        iters: usize,
        seed: u64,
        mut progress: impl FnMut(usize),
    ) -> Parser {
        let mut labels: Vec<String> = data
            .iter()
            .flat_map(|(_, g)| g.labels.iter().cloned())
            .collect();
        labels.sort();
        labels.dedup();
        if !labels.iter().any(|l| l == "root") {
            labels.push("root".into());
        }
        let lid: HashMap<&str, u16> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i as u16))
            .collect();
        let root_label = lid["root"];
        let mut parser = Parser {
            model: Model::default(),
            labels: labels.clone(),
            root_label,
        };
        let nc = 2 + 2 * labels.len();
        let mut tr = Trainer::new(nc);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut scores = vec![0f32; nc];
        let mut costs = vec![0i32; nc];
        let mut feats = Vec::with_capacity(80);
        for epoch in 0..iters {
            rng.shuffle(&mut order);
            for &si in &order {
                let (inp, gold) = &data[si];
                let n = inp.n();
                let mut gh = vec![NO; n + 1];
                let mut gl = vec![u16::MAX; n + 1];
                for i in 0..n {
                    gh[i + 1] = gold.heads[i];
                    gl[i + 1] = lid[gold.labels[i].as_str()];
                }
                let mut st = State::new(n);
                while !st.terminal() {
                    parser.features(inp, &st, &mut feats);
                    tr.score(&feats, &mut scores);
                    let k = parser.kinds(&st);
                    let valid: Vec<bool> = (0..nc).map(|t| parser.valid_with(&k, t)).collect();
                    let Some(pred) = argmax(&scores, |t| valid[t]) else {
                        break;
                    };
                    parser.costs(&st, &gh, &gl, &mut costs);
                    let min = (0..nc)
                        .filter(|&t| valid[t])
                        .map(|t| costs[t])
                        .min()
                        .unwrap_or(0);
                    let best_gold =
                        argmax(&scores, |t| valid[t] && costs[t] == min).unwrap_or(pred);
                    tr.tick();
                    let next = if costs[pred] > min {
                        tr.update(&feats, best_gold, pred);
                        if epoch > 0 && rng.next_f64() < 0.9 {
                            pred
                        } else {
                            best_gold
                        }
                    } else {
                        pred
                    };
                    parser.apply(&mut st, next);
                }
            }
            progress(epoch + 1);
        }
        parser.model = tr.finish(0.05);
        parser
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.strs(&self.labels);
        w.varint(self.root_label as u64);
        self.model.write(w);
    }

    pub fn read(r: &mut ByteReader<'_>) -> Result<Parser, ModelError> {
        let labels = r.strs()?;
        let root_label = r.varint()? as u16;
        if root_label as usize >= labels.len() {
            return Err(ModelError::Corrupt("root label out of range".into()));
        }
        let model = Model::read(r)?;
        if model.n_classes != 2 + 2 * labels.len() {
            return Err(ModelError::Corrupt("parser class count mismatch".into()));
        }
        Ok(Parser {
            model,
            labels,
            root_label,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn example(forms: &str, tags: &str, heads: &[usize], labels: &str) -> (Input, Gold) {
        let f: Vec<&str> = forms.split(' ').collect();
        let t: Vec<&str> = tags.split(' ').collect();
        (
            Input::new(&f, &t, &t),
            Gold {
                heads: heads.to_vec(),
                labels: labels.split(' ').map(String::from).collect(),
            },
        )
    }

    #[test]
    fn learns_simple_trees() {
        let data = vec![
            example(
                "Russia met China",
                "NNP VBD NNP",
                &[2, 0, 2],
                "nsubj root obj",
            ),
            example(
                "China met Russia",
                "NNP VBD NNP",
                &[2, 0, 2],
                "nsubj root obj",
            ),
            example(
                "the envoy met Russia",
                "DT NN VBD NNP",
                &[2, 3, 0, 3],
                "det nsubj root obj",
            ),
            example(
                "Russia expelled the envoy",
                "NNP VBD DT NN",
                &[2, 0, 4, 2],
                "nsubj root det obj",
            ),
        ];
        let parser = Parser::train(&data, 15, 7, |_| {});
        let (heads, labels) = parser.parse(&Input::new(
            &["the", "envoy", "expelled", "China"],
            &["DT", "NN", "VBD", "NNP"],
            &["DT", "NN", "VBD", "NNP"],
        ));
        assert_eq!(heads, vec![2, 3, 0, 3]);
        let names: Vec<&str> = labels.iter().map(|l| parser.label(*l)).collect();
        assert_eq!(names, vec!["det", "nsubj", "root", "obj"]);
    }

    #[test]
    fn oracle_cost_is_zero_along_the_gold_path() {
        let (inp, gold) = example(
            "the envoy met Russia",
            "DT NN VBD NNP",
            &[2, 3, 0, 3],
            "det nsubj root obj",
        );
        let parser = Parser {
            labels: vec!["det".into(), "nsubj".into(), "obj".into(), "root".into()],
            root_label: 3,
            ..Parser::default()
        };
        let lid = |s: &str| parser.labels.iter().position(|l| l == s).unwrap() as u16;
        let gh = vec![NO, 2, 3, 0, 3];
        let gl = vec![u16::MAX, lid("det"), lid("nsubj"), lid("root"), lid("obj")];
        let nc = 2 + 2 * parser.labels.len();
        let mut st = State::new(inp.n());
        let mut costs = vec![0; nc];
        while !st.terminal() {
            parser.costs(&st, &gh, &gl, &mut costs);
            let t = (0..nc)
                .find(|&t| parser.valid(&st, t) && costs[t] == 0)
                .expect("a zero-cost transition");
            parser.apply(&mut st, t);
        }
        let (heads, _) = parser.finish_tree(&mut st);
        assert_eq!(heads, gold.heads);
    }
}
