//! The averaged perceptron shared by the tagger and the parser: sparse weights while training
//! (with lazy averaging), then pruned, quantized and frozen into a compact model that scores
//! fast. Training and prediction call the same `score` over the same hashed features.

use crate::hash::IdMap;
use crate::model::{ByteReader, ByteWriter, ModelError};

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Weights while training.
#[derive(Default)]
pub struct Trainer {
    pub n_classes: usize,
    weights: IdMap<u32, Vec<Entry>>,
    /// Number of updates so far (the averaging clock).
    clock: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            weights: IdMap::default(),
            clock: 0,
        }
    }

    /// Adds the current weights of `feats` into `scores` (length `n_classes`).
    pub fn score(&self, feats: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(es) = self.weights.get(f) {
                for e in es {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Advances the averaging clock by one example.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Moves weight from `wrong` to `right` for every feature.
    pub fn update(&mut self, feats: &[u32], right: usize, wrong: usize) {
        if right == wrong {
            return;
        }
        let clock = self.clock;
        for f in feats {
            let es = self.weights.entry(*f).or_default();
            for (class, delta) in [(right as u16, 1.0f32), (wrong as u16, -1.0f32)] {
                match es.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.total += (clock - e.stamp) as f64 * e.w as f64;
                        e.stamp = clock;
                        e.w += delta;
                    }
                    None => es.push(Entry {
                        class,
                        w: delta,
                        total: 0.0,
                        stamp: clock,
                    }),
                }
            }
        }
    }

    /// Averages, prunes weights smaller than `min_abs`, and freezes.
    pub fn finish(self, min_abs: f32) -> Model {
        let clock = self.clock.max(1);
        let mut keys: Vec<u32> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut avg: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(keys.len());
        let mut max_abs = 0f32;
        for k in keys {
            let es = &self.weights[&k];
            let mut row = Vec::new();
            for e in es {
                let total = e.total + (clock - e.stamp) as f64 * e.w as f64;
                let a = (total / clock as f64) as f32;
                if a.abs() >= min_abs {
                    max_abs = max_abs.max(a.abs());
                    row.push((e.class, a));
                }
            }
            if !row.is_empty() {
                row.sort_by_key(|x| x.0);
                avg.push((k, row));
            }
        }
        // Quantize to i16 with one scale for the model.
        let scale = if max_abs > 0.0 {
            max_abs / 32000.0
        } else {
            1.0
        };
        let rows = avg
            .into_iter()
            .map(|(k, row)| {
                let q = row
                    .into_iter()
                    .map(|(c, w)| (c, (w / scale).round() as i16))
                    .collect();
                (k, q)
            })
            .collect();
        Model::from_rows(self.n_classes, scale, rows)
    }
}

/// Hints the CPU to fetch the cache line at `p` (a no-op off x86-64).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, even for an address outside the
    // allocation (`wrapping_add` above may point one past the end).
    unsafe {
        core::arch::x86_64::_mm_prefetch(p as *const i8, core::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// A weight row: (class, quantized weight) pairs of one feature.
pub type Row = Vec<(u16, i16)>;

/// A frozen averaged perceptron. Laid out for scoring speed: an open-addressing table of
/// (feature, row offset) slots, and one array of rows, each `[len, class<<16 | weight, ...]`,
/// so that a feature costs about two cache misses and the misses of different features overlap.
#[derive(Debug, Default, Clone)]
pub struct Model {
    pub n_classes: usize,
    scale: f32,
    /// `key << 32 | row offset`; key 0 marks an empty slot.
    slots: Vec<u64>,
    shift: u32,
    rows: Vec<u32>,
    n_features: usize,
    n_weights: usize,
}

/// Marks a slot value that holds its single (class, weight) entry instead of a row offset.
const INLINE: u32 = 1 << 31;

/// Feature hash as stored: 0 is reserved for empty slots.
#[inline]
fn stored_key(f: u32) -> u32 {
    if f == 0 {
        1
    } else {
        f
    }
}

impl Model {
    /// Builds the table from rows sorted by key.
    pub fn from_rows(n_classes: usize, scale: f32, rows: Vec<(u32, Row)>) -> Model {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let shift = 64 - cap.trailing_zeros();
        let mut m = Model {
            n_classes,
            scale,
            slots: vec![0; cap],
            shift,
            rows: Vec::new(),
            n_features: 0,
            n_weights: 0,
        };
        for (k, row) in rows {
            if row.is_empty() {
                continue;
            }
            let key = stored_key(k);
            // A row of one weight lives in the slot itself (bit 31 set): no second miss.
            let off = if row.len() == 1 && row[0].0 < 0x8000 {
                INLINE | (row[0].0 as u32) << 16 | (row[0].1 as u16 as u32)
            } else {
                let off = m.rows.len() as u32;
                m.rows.push(row.len() as u32);
                for (c, w) in &row {
                    m.rows.push((*c as u32) << 16 | (*w as u16 as u32));
                }
                off
            };
            let mut i = m.slot_of(key);
            loop {
                let sk = (m.slots[i] >> 32) as u32;
                if sk == 0 || sk == key {
                    break;
                }
                i = (i + 1) & (cap - 1);
            }
            if (m.slots[i] >> 32) as u32 == 0 {
                m.n_features += 1;
            }
            m.slots[i] = (key as u64) << 32 | off as u64;
            m.n_weights += row.len();
        }
        m
    }

    #[inline]
    fn slot_of(&self, key: u32) -> usize {
        ((key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The row offset of the stored key `key`, probing from slot `i`.
    #[inline]
    fn probe(&self, key: u32, mut i: usize) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        loop {
            let s = self.slots[i];
            let sk = (s >> 32) as u32;
            if sk == key {
                return Some(s as u32 as usize);
            }
            if sk == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Scores every class for `feats` into `scores`.
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [f32]) {
        let n = self.n_classes.min(512);
        let mut acc = [0i32; 512];
        let acc = &mut acc[..n];
        // Three passes so that the cache misses of different features overlap: compute every
        // slot and prefetch it, probe the slots and prefetch the rows, then add the rows.
        let m = feats.len().min(128);
        let mut idx = [0usize; 128];
        for (j, f) in feats[..m].iter().enumerate() {
            let i = self.slot_of(stored_key(*f));
            idx[j] = i;
            prefetch(self.slots.as_ptr().wrapping_add(i));
        }
        let mut offs = [0u32; 128];
        let mut k = 0;
        for (j, f) in feats[..m].iter().enumerate() {
            if let Some(o) = self.probe(stored_key(*f), idx[j]) {
                let o = o as u32;
                if o & INLINE != 0 {
                    let c = ((o >> 16) & 0x7fff) as usize;
                    if c < n {
                        acc[c] += o as u16 as i16 as i32;
                    }
                } else {
                    offs[k] = o;
                    k += 1;
                    prefetch(self.rows.as_ptr().wrapping_add(o as usize));
                }
            }
        }
        for &o in &offs[..k] {
            let o = o as usize;
            let len = self.rows[o] as usize;
            for &e in &self.rows[o + 1..o + 1 + len] {
                let c = (e >> 16) as usize;
                if c < n {
                    acc[c] += e as u16 as i16 as i32;
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc.iter()) {
            *s = *a as f32 * self.scale;
        }
    }

    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.n_weights
    }

    /// All rows, sorted by feature key.
    fn sorted_rows(&self) -> Vec<(u32, Row)> {
        let mut out: Vec<(u32, Row)> = self
            .slots
            .iter()
            .filter(|s| (**s >> 32) != 0)
            .map(|s| {
                let key = (s >> 32) as u32;
                let v = *s as u32;
                if v & INLINE != 0 {
                    return (key, vec![(((v >> 16) & 0x7fff) as u16, v as u16 as i16)]);
                }
                let o = v as usize;
                let len = self.rows[o] as usize;
                let row = self.rows[o + 1..o + 1 + len]
                    .iter()
                    .map(|e| ((e >> 16) as u16, *e as u16 as i16))
                    .collect();
                (key, row)
            })
            .collect();
        out.sort_unstable_by_key(|r| r.0);
        out
    }

    /// Drops weights whose magnitude is below `min_abs`, and features left with none.
    pub fn prune(&self, min_abs: f32) -> Model {
        let limit = (min_abs / self.scale).round() as i32;
        let rows = self
            .sorted_rows()
            .into_iter()
            .map(|(k, row)| {
                (
                    k,
                    row.into_iter()
                        .filter(|(_, w)| (*w as i32).abs() >= limit)
                        .collect(),
                )
            })
            .collect();
        Model::from_rows(self.n_classes, self.scale, rows)
    }

    pub fn write(&self, w: &mut ByteWriter) {
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        let rows = self.sorted_rows();
        w.u32(rows.len() as u32);
        let mut prev = 0u32;
        for (k, row) in rows {
            w.varint((k - prev) as u64);
            prev = k;
            w.varint(row.len() as u64);
            for (c, x) in row {
                w.varint(c as u64);
                w.i16(x);
            }
        }
    }

    pub fn read(r: &mut ByteReader<'_>) -> Result<Model, ModelError> {
        let n_classes = r.u32()? as usize;
        if n_classes > 512 {
            return Err(ModelError::Corrupt("too many classes".into()));
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        let mut prev = 0u32;
        for _ in 0..n {
            let k = prev.wrapping_add(r.varint()? as u32);
            prev = k;
            let len = r.varint()? as usize;
            let mut row = Vec::with_capacity(len.min(512));
            for _ in 0..len {
                let c = r.varint()? as u16;
                if c as usize >= n_classes {
                    return Err(ModelError::Corrupt("class out of range".into()));
                }
                row.push((c, r.i16()?));
            }
            rows.push((k, row));
        }
        Ok(Model::from_rows(n_classes, scale, rows))
    }
}

/// Index of the highest score among the allowed classes.
#[inline]
pub fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| *s > b) {
            best = Some((i, *s));
        }
    }
    best.map(|b| b.0)
}
