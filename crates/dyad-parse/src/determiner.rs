//! Run-time repair of a noun the tagger reads as a verb inside a determiner's noun phrase.
//! After a determiner and the modifiers it opens ("the U.S. withdrawal", "its Russian
//! counterpart"), a word training saw only as a noun is a noun: "the ministry called the U.S.
//! withdrawal a grave mistake" had "withdrawal" tagged a verb (a clause "the U.S. withdrawal
//! [...] a mistake"), which broke the parse of the sentence. A verb cannot follow "the" and a
//! name directly unless the phrase is its subject ("the U.S. withdrew"), and such a verb is a
//! word training saw as a verb. A constraint on every word training saw only as a noun cost
//! 0.12 LAS (words like "plans" or "attacks" are verbs in new contexts); this one is limited
//! to the position where a verb is almost impossible.

use crate::tagger::{normal_form, Tagger};

/// Parts of speech between the determiner and the word: the noun phrase's modifiers.
const MODIFIER_UPOS: &[&str] = &["PROPN", "ADJ", "NUM"];

/// Re-tags as a noun each VERB-tagged word that training saw only as a noun and that
/// follows a determiner (or a possessive pronoun) and modifiers only, at least one of them.
pub fn repair_nouns(tagger: &Tagger, forms: &[&str], tags: &mut Vec<u16>) {
    if !tagger.has_lexicon() {
        return;
    }
    let mut forced: Vec<(usize, u16)> = Vec::new();
    for i in 1..tags.len() {
        let (u, _) = tagger.split(tags[i]);
        if u != "VERB" {
            continue;
        }
        let norm = normal_form(forms[i]);
        let Some(seen) = tagger.lexicon(&norm) else {
            continue;
        };
        if !seen.has("NOUN") || seen.has("VERB") || seen.has("AUX") || seen.finite {
            continue;
        }
        // Walk back over the modifiers to what opens the phrase.
        let mut j = i;
        while j > 0 && MODIFIER_UPOS.contains(&tagger.split(tags[j - 1]).0) {
            j -= 1;
        }
        if j == i || j == 0 {
            continue;
        }
        let (ou, ox) = tagger.split(tags[j - 1]);
        if !(ou == "DET" || ox == "PRP$") {
            continue;
        }
        // Singular or plural: the one the tagger scores higher here.
        let scores = tagger.scores_at(forms, tags, i);
        let best = ["NN", "NNS"]
            .iter()
            .filter_map(|x| tagger.class("NOUN", x))
            .max_by(|a, b| scores[*a as usize].total_cmp(&scores[*b as usize]));
        if let Some(c) = best {
            forced.push((i, c));
        }
    }
    if !forced.is_empty() {
        *tags = tagger.tag_forced(forms, &forced);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tagger trained on a tiny language where "withdrawal" is only a noun and "withdrew"
    /// only a verb.
    fn tiny_tagger() -> Tagger {
        let sents = [
            (
                "the withdrawal angered Moscow .",
                "DET\tDT NOUN\tNN VERB\tVBD PROPN\tNNP PUNCT\t.",
            ),
            ("the US withdrew .", "DET\tDT PROPN\tNNP VERB\tVBD PUNCT\t."),
            (
                "Moscow called it a mistake .",
                "PROPN\tNNP VERB\tVBD PRON\tPRP DET\tDT NOUN\tNN PUNCT\t.",
            ),
            (
                "its withdrawals angered Moscow .",
                "PRON\tPRP$ NOUN\tNNS VERB\tVBD PROPN\tNNP PUNCT\t.",
            ),
        ];
        crate::tagger::train_tiny(&sents)
    }

    #[test]
    fn a_noun_after_the_and_a_name_is_a_noun() {
        let t = tiny_tagger();
        let det = t.class("DET", "DT").unwrap();
        let nnp = t.class("PROPN", "NNP").unwrap();
        let vbd = t.class("VERB", "VBD").unwrap();
        let forms = [
            "Moscow",
            "called",
            "the",
            "US",
            "withdrawal",
            "a",
            "mistake",
        ];
        let nn = t.class("NOUN", "NN").unwrap();
        let mut tags = vec![nnp, vbd, det, nnp, vbd, det, nn];
        repair_nouns(&t, &forms, &mut tags);
        assert_eq!(t.split(tags[4]).0, "NOUN");
    }

    #[test]
    fn verbs_and_bare_positions_stay() {
        let t = tiny_tagger();
        let det = t.class("DET", "DT").unwrap();
        let nnp = t.class("PROPN", "NNP").unwrap();
        let vbd = t.class("VERB", "VBD").unwrap();
        // "withdrew" was seen as a verb: the phrase is its subject.
        let before = vec![det, nnp, vbd];
        let mut tags = before.clone();
        repair_nouns(&t, &["the", "US", "withdrew"], &mut tags);
        assert_eq!(tags, before);
        // No modifier between the determiner and the word: left to the tagger.
        let before = vec![det, vbd];
        let mut tags = before.clone();
        repair_nouns(&t, &["the", "withdrawal"], &mut tags);
        assert_eq!(tags, before);
    }
}
