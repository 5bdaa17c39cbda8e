//! Lemmatizer: an exception list of (form, UPOS) → lemma seen in training, and for unseen
//! words learned edit scripts ("strip 3, add 'y'") chosen by UPOS and the longest known suffix.

use crate::model::{ByteReader, ByteWriter, ModelError};
use std::collections::HashMap;

/// An edit script: remove `strip` chars from the end of the lower-cased form, append `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Script {
    strip: u8,
    add: String,
}

const MAX_SUFFIX: usize = 5;

/// Trained lemmatizer.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// "upos\tform" (form as written for PROPN, lower-cased otherwise) → lemma.
    exceptions: HashMap<String, String>,
    /// "upos\tsuffix" → best script.
    rules: HashMap<String, Script>,
}

fn script(form: &str, lemma: &str) -> Option<Script> {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    let strip = f.len() - common;
    if strip > 255 {
        return None;
    }
    Some(Script {
        strip: strip as u8,
        add: l[common..].iter().collect(),
    })
}

fn apply(form: &str, s: &Script) -> Option<String> {
    let chars: Vec<char> = form.chars().collect();
    if s.strip as usize > chars.len() {
        return None;
    }
    let mut out: String = chars[..chars.len() - s.strip as usize].iter().collect();
    out.push_str(&s.add);
    Some(out)
}

fn key_form(form: &str, upos: &str) -> String {
    if upos == "PROPN" {
        form.to_string()
    } else {
        form.to_lowercase()
    }
}

impl Lemmatizer {
    /// Learns from (form, UPOS, lemma) triples.
    pub fn train<'a>(data: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut ex_counts: HashMap<String, HashMap<String, u32>> = HashMap::new();
        let mut rule_counts: HashMap<String, HashMap<Script, u32>> = HashMap::new();
        for (form, upos, lemma) in data {
            if lemma == "_" {
                continue;
            }
            let kf = key_form(form, upos);
            *ex_counts
                .entry(format!("{upos}\t{kf}"))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            if upos == "PROPN" {
                continue;
            }
            if let Some(s) = script(&kf, lemma) {
                let chars: Vec<char> = kf.chars().collect();
                // A script is learned for a suffix only when it stays inside it: "strip 7, add
                // 'Iranian'" (from a capitalised lemma) keyed on "anian" turned "Romanian" into
                // "rIranian". Such words stay exceptions.
                for n in (s.strip as usize)..=MAX_SUFFIX.min(chars.len()) {
                    let suf: String = chars[chars.len() - n..].iter().collect();
                    *rule_counts
                        .entry(format!("{upos}\t{suf}"))
                        .or_default()
                        .entry(s.clone())
                        .or_default() += 1;
                }
            }
        }
        let best = |m: &HashMap<String, u32>| -> Option<String> {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|x| x.0.clone())
        };
        let mut lem = Lemmatizer::default();
        for (k, m) in &rule_counts {
            if let Some((s, _)) = m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) {
                lem.rules.insert(k.clone(), s.clone());
            }
        }
        // Keep only exceptions the rules would get wrong.
        for (k, m) in &ex_counts {
            let Some(l) = best(m) else { continue };
            let (upos, form) = k.split_once('\t').unwrap_or(("", k));
            if lem.by_rule(form, upos).as_deref() != Some(l.as_str()) {
                lem.exceptions.insert(k.clone(), l);
            }
        }
        lem
    }

    fn by_rule(&self, form: &str, upos: &str) -> Option<String> {
        if upos == "PROPN" {
            return Some(form.to_string());
        }
        let chars: Vec<char> = form.chars().collect();
        for n in (0..=MAX_SUFFIX.min(chars.len())).rev() {
            let suf: String = chars[chars.len() - n..].iter().collect();
            if let Some(s) = self.rules.get(&format!("{upos}\t{suf}")) {
                return apply(form, s);
            }
        }
        None
    }

    /// The lemma of `form` with part of speech `upos`.
    pub fn lemma(&self, form: &str, upos: &str) -> String {
        let kf = key_form(form, upos);
        if let Some(l) = self.exceptions.get(&format!("{upos}\t{kf}")) {
            return l.clone();
        }
        self.by_rule(&kf, upos).unwrap_or(kf)
    }

    pub fn write(&self, w: &mut ByteWriter) {
        let mut ex: Vec<(&String, &String)> = self.exceptions.iter().collect();
        ex.sort();
        w.varint(ex.len() as u64);
        for (k, v) in ex {
            w.str(k);
            w.str(v);
        }
        let mut rules: Vec<(&String, &Script)> = self.rules.iter().collect();
        rules.sort();
        w.varint(rules.len() as u64);
        for (k, s) in rules {
            w.str(k);
            w.u8(s.strip);
            w.str(&s.add);
        }
    }

    pub fn read(r: &mut ByteReader<'_>) -> Result<Lemmatizer, ModelError> {
        let mut lem = Lemmatizer::default();
        let n = r.varint()? as usize;
        for _ in 0..n {
            let k = r.str()?;
            let v = r.str()?;
            lem.exceptions.insert(k, v);
        }
        let n = r.varint()? as usize;
        for _ in 0..n {
            let k = r.str()?;
            let strip = r.u8()?;
            let add = r.str()?;
            lem.rules.insert(k, Script { strip, add });
        }
        Ok(lem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_scripts_and_exceptions() {
        let data = [
            ("sanctions", "NOUN", "sanction"),
            ("talks", "NOUN", "talk"),
            ("envoys", "NOUN", "envoy"),
            ("imposed", "VERB", "impose"),
            ("expelled", "VERB", "expel"),
            ("recalled", "VERB", "recall"),
            ("called", "VERB", "call"),
            ("met", "VERB", "meet"),
            ("Moscow", "PROPN", "Moscow"),
            ("cities", "NOUN", "city"),
            ("parties", "NOUN", "party"),
        ];
        let lem = Lemmatizer::train(data.iter().copied());
        assert_eq!(lem.lemma("met", "VERB"), "meet");
        assert_eq!(lem.lemma("Missions", "NOUN"), "mission");
        assert_eq!(lem.lemma("Kyiv", "PROPN"), "Kyiv");
        assert_eq!(lem.lemma("stalled", "VERB"), "stall");
        assert_eq!(lem.lemma("allies", "NOUN"), "ally");
    }

    #[test]
    fn a_whole_word_rewrite_is_not_a_suffix_rule() {
        let data = [
            ("Iranian", "ADJ", "Iranian"),
            ("Iranian", "ADJ", "Iranian"),
            ("Albanian", "ADJ", "Albanian"),
        ];
        let lem = Lemmatizer::train(data.iter().copied());
        assert_eq!(lem.lemma("Iranian", "ADJ"), "Iranian");
        assert_eq!(lem.lemma("Romanian", "ADJ"), "romanian");
    }
}
