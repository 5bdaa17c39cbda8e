//! Run-time repair of a news lead whose main verb the tagger reads as a participle. After a
//! sentence-opening noun phrase with no determiner ("Senior Hungarian and Romanian officials
//! agreed on Wednesday that ...", "Russian diplomats met in Beijing on Monday to discuss
//! trade"), the UD-trained tagger often takes the past tense for a past participle (VBN), and
//! the parser then reads the sentence as a noun phrase with a reduced relative clause ("the
//! officials [who were] agreed"), leaving it with no clause at all. A sentence needs a main
//! verb: when nothing finite follows the participle in its own clause, it is the past tense.
//! The weights are not touched; like `headline`, this reads the tagger's lexicon and re-tags
//! the sentence from the repaired word on.

use crate::tagger::{normal_form, Tagger};

/// Parts of speech an opening noun phrase is made of ("Senior Hungarian and Romanian
/// officials", "Russia 's top diplomat", "The two presidents").
const NP_UPOS: &[&str] = &["DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ"];

/// Re-tags the participle after the sentence's opening noun phrase as a past tense when the
/// sentence has no finite verb of its own clause (see the module comment). `forms` are the
/// forms the sentence was tagged with, `tags` the tagger's classes.
pub fn repair_main_verb(tagger: &Tagger, forms: &[&str], tags: &mut Vec<u16>) {
    if !tagger.has_lexicon() {
        return;
    }
    // A headline's participle is a passive ("Defector arrested after trying to flee"): only a
    // sentence that ends like one (with a full stop, "!" or "?", before any closing quote) is
    // repaired.
    let last = forms
        .iter()
        .rev()
        .find(|f| !matches!(**f, "\"" | "'" | "”" | "’" | "''" | ")"));
    if !last.is_some_and(|f| matches!(*f, "." | "!" | "?")) {
        return;
    }
    let upos = |t: u16| tagger.split(t).0;
    let xpos = |t: u16| tagger.split(t).1;
    // The opening noun phrase: words of noun-phrase classes and the possessive "'s".
    let v = tags
        .iter()
        .position(|&t| !(NP_UPOS.contains(&upos(t)) || xpos(t) == "POS"))
        .unwrap_or(tags.len());
    if v == 0 || v >= tags.len() || upos(tags[v]) != "VERB" || xpos(tags[v]) != "VBN" {
        return;
    }
    // The phrase ends in its head noun, and it names something ("officials", "Russia"): a
    // determiner alone ("That agreed ...") or a number is no subject here.
    if !matches!(upos(tags[v - 1]), "NOUN" | "PROPN") {
        return;
    }
    // "Troops backed by Russia seized the town": a participle with a "by" agent is passive.
    if forms
        .get(v + 1)
        .is_some_and(|f| f.eq_ignore_ascii_case("by"))
    {
        return;
    }
    // "Troops deployed in the region said ...": a finite verb later in the same clause is the
    // main verb, and the participle a reduced relative. One after a clause boundary (a
    // subordinator, a relative word, a comma) belongs to another clause ("agreed that their
    // countries should cooperate", "met in Beijing, officials said").
    for j in v + 1..tags.len() {
        let (u, x) = tagger.split(tags[j]);
        let boundary = matches!(u, "SCONJ" | "PUNCT")
            || matches!(x, "WDT" | "WP" | "WRB")
            || forms[j].eq_ignore_ascii_case("that");
        if boundary {
            break;
        }
        if matches!(u, "VERB" | "AUX") && matches!(x, "VBD" | "VBZ" | "VBP" | "MD") {
            return;
        }
    }
    // The past tense must be a form of the word: regular -ed forms are both, and an
    // irregular one only if training saw it finite ("met", "agreed"; never "taken").
    let norm = normal_form(forms[v]);
    let finite_seen = tagger.lexicon(&norm).is_some_and(|e| e.finite);
    if !(finite_seen || norm.ends_with("ed")) {
        return;
    }
    let Some(vbd) = tagger.class("VERB", "VBD") else {
        return;
    };
    *tags = tagger.tag_forced(forms, &[(v, vbd)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tagger trained on a tiny language where "agreed" and "met" are past tenses and past
    /// participles.
    fn tiny_tagger() -> Tagger {
        let sents = [
            ("officials agreed .", "NOUN\tNNS VERB\tVBD PUNCT\t."),
            (
                "the deal was agreed .",
                "DET\tDT NOUN\tNN AUX\tVBD VERB\tVBN PUNCT\t.",
            ),
            (
                "diplomats met envoys .",
                "NOUN\tNNS VERB\tVBD NOUN\tNNS PUNCT\t.",
            ),
            ("envoys were met .", "NOUN\tNNS AUX\tVBD VERB\tVBN PUNCT\t."),
            (
                "senior officials said .",
                "ADJ\tJJ NOUN\tNNS VERB\tVBD PUNCT\t.",
            ),
            (
                "officials said that envoys met .",
                "NOUN\tNNS VERB\tVBD SCONJ\tIN NOUN\tNNS VERB\tVBD PUNCT\t.",
            ),
            (
                "envoys arrested by police .",
                "NOUN\tNNS VERB\tVBN ADP\tIN NOUN\tNNS PUNCT\t.",
            ),
        ];
        crate::tagger::train_tiny(&sents)
    }

    fn xpos_at(t: &Tagger, tags: &[u16], i: usize) -> String {
        t.split(tags[i]).1.to_string()
    }

    #[test]
    fn a_lead_participle_becomes_the_main_verb() {
        let t = tiny_tagger();
        let (jj, nns, vbn) = (
            t.class("ADJ", "JJ").unwrap(),
            t.class("NOUN", "NNS").unwrap(),
            t.class("VERB", "VBN").unwrap(),
        );
        let sconj = t.class("SCONJ", "IN").unwrap();
        let vbd = t.class("VERB", "VBD").unwrap();
        let punct = t.class("PUNCT", ".").unwrap();
        let mut tags = vec![jj, nns, vbn, punct];
        repair_main_verb(&t, &["senior", "officials", "agreed", "."], &mut tags);
        assert_eq!(xpos_at(&t, &tags, 2), "VBD");
        // A finite verb in another clause ("that ...") does not stop the repair.
        let forms = ["officials", "agreed", "that", "envoys", "met", "."];
        let mut tags = vec![nns, vbn, sconj, nns, vbd, punct];
        repair_main_verb(&t, &forms, &mut tags);
        assert_eq!(xpos_at(&t, &tags, 1), "VBD");
    }

    #[test]
    fn reduced_relatives_passives_and_headlines_stay() {
        let t = tiny_tagger();
        let (nns, vbn, vbd) = (
            t.class("NOUN", "NNS").unwrap(),
            t.class("VERB", "VBN").unwrap(),
            t.class("VERB", "VBD").unwrap(),
        );
        let adp = t.class("ADP", "IN").unwrap();
        let punct = t.class("PUNCT", ".").unwrap();
        // A finite verb later in the clause is the main verb.
        let before = vec![nns, vbn, vbd, punct];
        let mut tags = before.clone();
        repair_main_verb(&t, &["envoys", "met", "said", "."], &mut tags);
        assert_eq!(tags, before);
        // A "by" agent makes it a passive.
        let before = vec![nns, vbn, adp, nns, punct];
        let mut tags = before.clone();
        repair_main_verb(&t, &["envoys", "arrested", "by", "police", "."], &mut tags);
        assert_eq!(tags, before);
        // A headline (no full stop) keeps its passive participle.
        let before = vec![nns, vbn];
        let mut tags = before.clone();
        repair_main_verb(&t, &["envoys", "arrested"], &mut tags);
        assert_eq!(tags, before);
    }
}
