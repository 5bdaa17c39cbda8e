//! Run-time repairs of the tagger's output for headlines and headline-like leads, which the
//! UD-trained tagger (mostly full sentences in sentence case) misreads. The weights are not
//! touched; the repairs read what training saw of each word (the tagger's lexicon) and the
//! tagger's own scores, and apply only where a sentence looks broken:
//!
//! * Title Case and ALL CAPS headlines ("Russia Recalls Ambassador Over Spy Row") are tagged
//!   with the capitalised words that training saw mostly in lower case lower-cased, so only
//!   names look like names. The text itself is not changed.
//! * A clause needs a verb: in a sentence with no VERB or AUX at all ("Trump orders troops out
//!   of Syria"), each comma- or semicolon-separated part gets its most verb-like word re-tagged
//!   as a finite verb, if one can be: a form training saw as a finite verb, or an -s/-ed form of
//!   a word seen as a verb, right after a subject-like word (or opening a part after an earlier
//!   part got its verb: "..., expels 10 diplomats").

use crate::tagger::{normal_form, LexEntry, Tagger};

/// The forms to tag and parse a sentence with, if they differ from the text: in a Title Case
/// or ALL CAPS headline, each capitalised word that training saw more often in lower case
/// than not (or whose -s/-ed stem it did) is lower-cased. `None` for any other sentence.
pub fn tagging_forms(tagger: &Tagger, forms: &[&str]) -> Option<Vec<String>> {
    if !tagger.has_lexicon() || !is_title_case(forms) {
        return None;
    }
    let mut changed = false;
    let out = forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if f.chars().next().is_some_and(char::is_uppercase) && mostly_lower(tagger, f, i > 0) {
                changed = true;
                f.to_lowercase()
            } else {
                f.to_string()
            }
        })
        .collect();
    changed.then_some(out)
}

/// A headline in Title Case or capitals: at least three words begin with a capital, and no
/// word of four letters or more begins with a small letter (titles leave only short function
/// words in lower case: "of", "to", "in", "and").
fn is_title_case(forms: &[&str]) -> bool {
    let mut capitalised = 0;
    for f in forms {
        let Some(c) = f.chars().next() else { continue };
        if c.is_uppercase() {
            capitalised += 1;
        } else if c.is_lowercase() && f.chars().count() >= 4 {
            return false;
        }
    }
    capitalised >= 3
}

/// Should a capitalised word of a headline be tagged in lower case? If training saw it (or
/// its stem) more often in lower case than not; or, after the first word, if training saw
/// neither it nor its stem and it has a verb's -s/-ed ending ("Erdogan Slams ..."): news
/// verbs are often absent from the treebanks, and the lower-cased reading is kept only if
/// it gives the headline a verb.
fn mostly_lower(tagger: &Tagger, form: &str, inside: bool) -> bool {
    let norm = normal_form(form);
    if !norm.chars().all(char::is_alphabetic) {
        return false;
    }
    let lower = |e: &LexEntry| e.lower as u32 * 2 > e.count as u32;
    if let Some(e) = tagger.lexicon(&norm) {
        return lower(e);
    }
    let stems = stems(&norm);
    let known: Vec<&LexEntry> = stems.iter().filter_map(|s| tagger.lexicon(s)).collect();
    if known.is_empty() {
        return inside && (norm.ends_with('s') || norm.ends_with("ed")) && !norm.ends_with("ss");
    }
    known.into_iter().any(lower)
}

/// Possible base forms of an -s, -ed or -ing form: "expels" → "expel", "carries" → "carry",
/// "banned" → "ban", "seized" → "seize".
fn stems(norm: &str) -> Vec<String> {
    let mut out = Vec::new();
    let n = norm.len();
    if n < 4 || !norm.is_ascii() {
        return out;
    }
    if let Some(s) = norm.strip_suffix("ies") {
        out.push(format!("{s}y"));
    }
    if let Some(s) = norm.strip_suffix("es") {
        out.push(s.to_string());
    }
    if let Some(s) = norm.strip_suffix('s') {
        out.push(s.to_string());
    }
    if let Some(s) = norm.strip_suffix("ied") {
        out.push(format!("{s}y"));
    }
    if let Some(s) = norm.strip_suffix("ed") {
        out.push(s.to_string());
        out.push(format!("{s}e"));
        let b = s.as_bytes();
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
            out.push(s[..s.len() - 1].to_string());
        }
    }
    out
}

/// Below this many occurrences in training, what training saw of a word says little: news
/// verbs such as "expels" or "sanctions" are rare or absent in the UD treebanks.
const RARE: u16 = 5;

/// The finite-verb XPOS tags the form `norm` could have, by its ending and what training saw
/// of it and of its stem; empty if it cannot be a finite verb. An -s or -ed form qualifies if
/// training saw it or its stem as a verb, or saw neither often enough to know (then its
/// position and the tagger's scores decide); any other form only if training saw it as a
/// verb (a base form: "Police arrest 5").
fn finite_tags(tagger: &Tagger, norm: &str) -> &'static [&'static str] {
    let seen = tagger.lexicon(norm).copied().unwrap_or_default();
    let stems = stems(norm);
    let stem_entries = || stems.iter().filter_map(|s| tagger.lexicon(s));
    let verb_stem = || stem_entries().any(|e| e.has("VERB"));
    let unknown = || seen.count < RARE && stem_entries().all(|e| e.count < RARE);
    let s_form = norm.ends_with('s')
        && !norm.ends_with("ss")
        && !norm.ends_with("us")
        && !norm.ends_with("is")
        && norm.len() >= 4;
    let ed_form = norm.ends_with("ed") && norm.len() >= 4;
    if s_form || ed_form {
        if !(seen.finite || seen.has("VERB") || verb_stem() || unknown()) {
            return &[];
        }
        return if s_form { &["VBZ"] } else { &["VBD", "VBN"] };
    }
    match (seen.finite, seen.has("VERB")) {
        // Seen as a finite verb: a present ("arrest") or an irregular past ("met").
        (true, _) => &["VBP", "VBD"],
        (false, true) => &["VBP"],
        _ => &[],
    }
}

/// Does a sentence tagged `tags` have a verb (VERB or AUX)?
pub fn has_verb(tagger: &Tagger, tags: &[u16]) -> bool {
    tags.iter()
        .any(|t| matches!(tagger.split(*t).0, "VERB" | "AUX"))
}

/// Tokens that separate the parts of a headline ("U.S. sanctions Russia, expels diplomats").
fn is_separator(form: &str) -> bool {
    matches!(form, "," | ";" | ":" | "--" | "–" | "—")
}

/// If the sentence has no VERB or AUX (or only in its second part, see below), gives each
/// part of it that lacks one its most verb-like word as a finite verb (see the module
/// comment), re-tagging the words after it.
/// `forms` are the forms the sentence was tagged with, `tags` the tagger's classes.
pub fn repair_verbs(tagger: &Tagger, forms: &[&str], tags: &mut Vec<u16>) {
    let upos = |t: u16| tagger.split(t).0;
    let is_verb = |t: u16| matches!(upos(t), "VERB" | "AUX");
    if !tagger.has_lexicon() {
        return;
    }
    if has_verb(tagger, tags) {
        // Only one more case: a headline of two predicates where the tagger found the verb
        // of the second only ("Canada sanctions Belarus, expels two diplomats"): the first
        // part has no verb and the second opens with a finite one.
        let Some(p) = forms.iter().position(|f| is_separator(f)) else {
            return;
        };
        let second_finite = tags.get(p + 1).is_some_and(|t| {
            tagger.split(*t).0 == "VERB" && matches!(tagger.split(*t).1, "VBZ" | "VBD" | "VBP")
        });
        if !second_finite || (0..p).any(|i| is_verb(tags[i])) {
            return;
        }
        repair_parts(tagger, forms, tags, std::slice::from_ref(&(0..p)));
        return;
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, f) in forms.iter().enumerate() {
        if is_separator(f) {
            parts.push(start..i);
            start = i + 1;
        }
    }
    parts.push(start..forms.len());
    repair_parts(tagger, forms, tags, &parts);
}

/// Gives each of `parts` (ranges of words) that lacks a verb its most verb-like word as one.
fn repair_parts(
    tagger: &Tagger,
    forms: &[&str],
    tags: &mut Vec<u16>,
    parts: &[std::ops::Range<usize>],
) {
    let upos = |t: u16| tagger.split(t).0;
    let is_verb = |t: u16| matches!(upos(t), "VERB" | "AUX");
    let mut forced: Vec<(usize, u16)> = Vec::new();
    let mut had_verb = false;
    for part in parts.iter().cloned() {
        if part.clone().any(|i| is_verb(tags[i])) {
            had_verb = true;
            continue;
        }
        let mut best: Option<(f32, usize, u16)> = None;
        for i in part.clone() {
            if upos(tags[i]) != "NOUN" || !forms[i].chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            // Something must follow the verb in its part: a bare "army positions" at the end
            // of a caption is a noun phrase far more often than a clause.
            if !(i + 1..part.end).any(|j| upos(tags[j]) != "PUNCT") {
                continue;
            }
            let subject_before =
                i > part.start && matches!(upos(tags[i - 1]), "NOUN" | "PROPN" | "PRON" | "NUM");
            if !(subject_before || i == part.start && had_verb) {
                continue;
            }
            let norm = normal_form(forms[i]);
            // A noun right before a preposition heads a noun phrase far more often than a
            // clause ("EU sanctions on Russia", "plan for Syria"), unless training saw the
            // word as a finite verb ("Obama meets with ...").
            let before_adp = i + 1 < part.end && upos(tags[i + 1]) == "ADP";
            if before_adp && !tagger.lexicon(&norm).is_some_and(|e| e.finite) {
                continue;
            }
            let xpos = finite_tags(tagger, &norm);
            if xpos.is_empty() {
                continue;
            }
            // A present-tense base form agrees with a plural subject: "Police arrest 5",
            // "Russia and China sign ...", not the compound "greenhouse gas emissions".
            let plural_subject = subject_before
                && (matches!(tagger.split(tags[i - 1]).1, "NNS" | "NNPS" | "PRP")
                    || (part.start..i).any(|j| matches!(forms[j], "and" | "&"))
                    || part.start > 0);
            let scores = tagger.scores_at(forms, tags, i);
            let current = scores[tags[i] as usize];
            for x in xpos {
                if *x == "VBP" && !plural_subject {
                    continue;
                }
                let Some(c) = tagger.class("VERB", x) else {
                    continue;
                };
                // The tagger's own preference decides between candidates: the one whose verb
                // reading it scores closest to what it chose.
                let margin = scores[c as usize] - current;
                if best.is_none_or(|b| margin > b.0) {
                    best = Some((margin, i, c));
                }
            }
        }
        if let Some((_, i, c)) = best {
            forced.push((i, c));
            *tags = tagger.tag_forced(forms, &forced);
            had_verb = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_of_inflected_forms() {
        assert!(stems("expels").contains(&"expel".to_string()));
        assert!(stems("carries").contains(&"carry".to_string()));
        assert!(stems("banned").contains(&"ban".to_string()));
        assert!(stems("seized").contains(&"seize".to_string()));
        assert!(stems("ran").is_empty());
    }

    /// A tagger trained on a tiny language where "orders" and "expels" are verbs and "orders"
    /// is also a noun.
    fn tiny_tagger() -> Tagger {
        let sents = [
            ("Trump orders troops", "PROPN\tNNP VERB\tVBZ NOUN\tNNS"),
            ("Russia expels envoys", "PROPN\tNNP VERB\tVBZ NOUN\tNNS"),
            ("the orders came", "DET\tDT NOUN\tNNS VERB\tVBD"),
            ("the troops came", "DET\tDT NOUN\tNNS VERB\tVBD"),
            ("Trump met envoys", "PROPN\tNNP VERB\tVBD NOUN\tNNS"),
            ("the army positions", "DET\tDT NOUN\tNN NOUN\tNNS"),
        ];
        crate::tagger::train_tiny(&sents)
    }

    fn upos(tagger: &Tagger, tags: &[u16]) -> Vec<String> {
        tags.iter()
            .map(|t| tagger.split(*t).0.to_string())
            .collect()
    }

    #[test]
    fn a_verbless_headline_gets_its_verbs() {
        let t = tiny_tagger();
        let noun = t.class("NOUN", "NNS").unwrap();
        let propn = t.class("PROPN", "NNP").unwrap();
        let forms = ["Russia", "orders", "troops", ",", "expels", "envoys"];
        // What a tagger that saw no such headline says: nouns only (the comma is not scored).
        let mut tags = vec![propn, noun, noun, noun, noun, noun];
        repair_verbs(&t, &forms, &mut tags);
        let u = upos(&t, &tags);
        assert_eq!(u[1], "VERB");
        assert_eq!(u[4], "VERB");
        assert_eq!(t.split(tags[1]).1, "VBZ");
    }

    #[test]
    fn a_first_part_without_verb_before_a_finite_one() {
        let t = tiny_tagger();
        let nns = t.class("NOUN", "NNS").unwrap();
        let propn = t.class("PROPN", "NNP").unwrap();
        let vbz = t.class("VERB", "VBZ").unwrap();
        // The comma's class does not matter: parts are split by form.
        let sep = propn;
        let forms = ["Russia", "orders", "troops", ",", "expels", "envoys"];
        let mut tags = vec![propn, nns, nns, sep, vbz, nns];
        repair_verbs(&t, &forms, &mut tags);
        assert_eq!(upos(&t, &tags)[1], "VERB");
        // The second part opening with a noun is no such headline: nothing changes.
        let mut tags = vec![propn, nns, nns, sep, nns, vbz];
        let before = tags.clone();
        repair_verbs(
            &t,
            &["Russia", "orders", "troops", ",", "envoys", "expels"],
            &mut tags,
        );
        assert_eq!(tags, before);
    }

    #[test]
    fn noun_phrases_and_full_sentences_stay() {
        let t = tiny_tagger();
        let det = t.class("DET", "DT").unwrap();
        let nn = t.class("NOUN", "NN").unwrap();
        let nns = t.class("NOUN", "NNS").unwrap();
        let vbd = t.class("VERB", "VBD").unwrap();
        // A caption: the candidate ends the phrase, nothing follows it.
        let mut tags = vec![det, nn, nns];
        repair_verbs(&t, &["the", "army", "orders"], &mut tags);
        assert_eq!(tags, vec![det, nn, nns]);
        // A sentence that has a verb is left alone.
        let mut tags = vec![det, nns, vbd, nns];
        repair_verbs(&t, &["the", "orders", "came", "troops"], &mut tags);
        assert_eq!(tags, vec![det, nns, vbd, nns]);
    }

    #[test]
    fn title_case_forms() {
        let t = tiny_tagger();
        // "the" was seen in lower case; "Trump" never; "Sanctions" is unseen with an -s ending.
        let got = tagging_forms(&t, &["Trump", "Sanctions", "The", "Troops"]).unwrap();
        assert_eq!(got, vec!["Trump", "sanctions", "the", "troops"]);
        // Not a title: left alone.
        assert!(tagging_forms(&t, &["Trump", "met", "envoys"]).is_none());
    }

    #[test]
    fn title_case_detection() {
        assert!(is_title_case(&[
            "Russia",
            "Recalls",
            "Ambassador",
            "Over",
            "Spy",
            "Row"
        ]));
        assert!(is_title_case(&["RUSSIA", "RECALLS", "AMBASSADOR"]));
        assert!(!is_title_case(&[
            "The", "White", "House", "said", "on", "Monday"
        ]));
        assert!(!is_title_case(&["Putin", "met", "Xi"]));
    }
}
