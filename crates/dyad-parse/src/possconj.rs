//! Run-time repair of a possessive the parser gives to a whole coordination. In "NASA and
//! Russia's space agency Roscosmos signed ...", the parser reads "(NASA and Russia)'s space
//! agency Roscosmos" — one subject, Roscosmos, owned by both — where the possessive belongs
//! to the last conjunct only: NASA and Roscosmos signed. Which reading is meant is a matter of
//! sense ("Pakistan and Afghanistan's intelligence services" are both countries' services),
//! but a possessed phrase that ends in a name ("Russia's Roscosmos", "Ercot's Sam Jones")
//! names one thing, and one thing with its own name has one owner. Then the name's phrase is
//! the second conjunct, owned by the last possessor, and the first possessor takes the
//! phrase's place in the sentence.

use crate::arcs::Arcs;

/// Splits each possessed coordination whose possessed phrase is headed by a name (see the
/// module comment).
pub fn repair_possessive_coordination(a: &mut Arcs<'_>) {
    for p in 0..a.len() {
        // The parser may also label the possessor a modifier ("Germany and Russia's foreign
        // minister": `amod`); the "'s" below tells.
        if !matches!(a.base(p), "nmod" | "amod" | "compound") {
            continue;
        }
        let Some(mut h) = a.heads[p] else {
            continue;
        };
        // A title is owned with its name ("Russia's foreign minister Sergei Lavrov"): the
        // possessed phrase is the name's.
        if a.labels[h] == "nmod:desc" {
            match a.heads[h] {
                Some(n) if a.upos[n] == "PROPN" && n > h => h = n,
                _ => {}
            }
        }
        let conjuncts = a.children_rel(p, "conj");
        let Some(&last) = conjuncts.last() else {
            continue;
        };
        // The possessive marker follows the last conjunct and belongs to it (the parser
        // hangs it on the first conjunct or on the last).
        let mut candidates = a.children(p);
        candidates.extend(a.children(last));
        let Some(marker) = candidates
            .into_iter()
            .find(|&c| a.labels[c] == "case" && c > last && a.xpos[c] == "POS")
        else {
            continue;
        };
        // "Russia's space agency Roscosmos": a common noun whose name follows it as an
        // apposition names one thing too.
        let named = is_name(a, h)
            || a.children_rel(h, "appos")
                .iter()
                .any(|&c| c == h + 1 && is_name(a, c));
        if !(last < marker && marker < h && named && a.children_rel(h, "conj").is_empty()) {
            continue;
        }
        if is_one_name(a, p, last) {
            continue;
        }
        let Some(hh) = a.heads[h] else {
            continue;
        };
        let role = a.labels[h].clone();
        // The conjunction before the last conjunct now joins the possessed phrase.
        for c in a.children_rel(last, "cc") {
            a.attach(c, Some(h), "cc");
        }
        a.attach(marker, Some(last), "case");
        a.attach(last, Some(h), "nmod:poss");
        a.attach(p, Some(hh), &role);
        a.attach(h, Some(p), "conj");
    }
}

/// Names made of two coordinated words ("Bosnia and Herzegovina's presidency member ..."):
/// their possessive belongs to the whole.
const COORDINATED_NAMES: &[(&str, &str)] = &[
    ("bosnia", "herzegovina"),
    ("trinidad", "tobago"),
    ("antigua", "barbuda"),
    ("kitts", "nevis"),
    ("tome", "principe"),
    ("tomé", "príncipe"),
    ("jammu", "kashmir"),
    ("serbia", "montenegro"),
    ("turks", "caicos"),
    ("wallis", "futuna"),
    ("vincent", "grenadines"),
];

/// Are the first possessor `p` and the last conjunct `last` one name: a coordinated place
/// name, a firm joined by "&" ("Procter & Gamble"), or a repeated word ("Johnson and
/// Johnson")?
fn is_one_name(a: &Arcs<'_>, p: usize, last: usize) -> bool {
    let (first, second) = (a.forms[p].to_lowercase(), a.forms[last].to_lowercase());
    first == second
        || COORDINATED_NAMES.contains(&(first.as_str(), second.as_str()))
        || a.children_rel(last, "cc")
            .iter()
            .any(|&c| a.forms[c] == "&")
}

/// Is the possessed phrase's head `h` a name: a proper noun, or a capitalised noun inside
/// the sentence (the tagger calls unseen names like "Roscosmos" nouns)?
fn is_name(a: &Arcs<'_>, h: usize) -> bool {
    a.upos[h] == "PROPN"
        || (a.upos[h] == "NOUN"
            && h > 0
            && a.forms[h].chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arcs::tests::{arcs, show};

    #[test]
    fn a_named_possession_has_the_last_possessor() {
        // "NASA and Russia 's agency Roscosmos signed it"
        let mut a = arcs(
            "NASA/PROPN/NNP/6/nmod:poss and/CCONJ/CC/3/cc Russia/PROPN/NNP/1/conj \
             's/PART/POS/1/case agency/NOUN/NN/6/compound Roscosmos/NOUN/NN/7/nsubj \
             signed/VERB/VBD/0/root it/PRON/PRP/7/obj",
        );
        repair_possessive_coordination(&mut a);
        assert_eq!(
            show(&a),
            "7:nsubj 6:cc 6:nmod:poss 3:case 6:compound 1:conj 0:root 7:obj"
        );
    }

    #[test]
    fn a_titled_name_has_the_last_possessor() {
        // "Germany and Russia 's minister Sergei Lavrov signed", "Germany" an `amod` and
        // the marker on "Russia".
        let mut a = arcs(
            "Germany/PROPN/NNP/5/amod and/CCONJ/CC/3/cc Russia/PROPN/NNP/1/conj \
             's/PART/POS/3/case minister/NOUN/NN/6/nmod:desc Sergei/PROPN/NNP/8/nsubj \
             Lavrov/PROPN/NNP/6/flat signed/VERB/VBD/0/root",
        );
        repair_possessive_coordination(&mut a);
        assert_eq!(a.heads[0], Some(7));
        assert_eq!(a.labels[0], "nsubj");
        assert_eq!(a.heads[5], Some(0));
        assert_eq!(a.labels[5], "conj");
        assert_eq!(a.heads[2], Some(5));
        assert_eq!(a.labels[2], "nmod:poss");
    }

    #[test]
    fn a_noun_with_its_name_in_apposition_has_the_last_possessor() {
        // "NASA and Russia 's agency Roscosmos agreed", the name an apposition of "agency"
        // (as the parser reads it after a dateline).
        let mut a = arcs(
            "NASA/PROPN/NNP/5/nmod:poss and/CCONJ/CC/3/cc Russia/PROPN/NNP/1/conj \
             's/PART/POS/1/case agency/NOUN/NN/7/nsubj Roscosmos/PROPN/NNP/5/appos \
             agreed/VERB/VBD/0/root",
        );
        repair_possessive_coordination(&mut a);
        assert_eq!(a.heads[0], Some(6));
        assert_eq!(a.labels[0], "nsubj");
        assert_eq!(a.heads[4], Some(0));
        assert_eq!(a.labels[4], "conj");
        assert_eq!(a.heads[2], Some(4));
        assert_eq!(a.labels[2], "nmod:poss");
    }

    #[test]
    fn a_coordinated_country_name_stays() {
        let before = "Trinidad/PROPN/NNP/6/nmod:poss and/CCONJ/CC/3/cc Tobago/PROPN/NNP/1/conj \
                      's/PART/POS/3/case Minister/PROPN/NNP/6/nmod:desc Rowley/PROPN/NNP/7/nsubj \
                      spoke/VERB/VBD/0/root";
        let mut a = arcs(before);
        repair_possessive_coordination(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
    }

    #[test]
    fn a_shared_possession_stays() {
        // "Pakistan and Afghanistan 's services agreed"
        let before = "Pakistan/PROPN/NNP/5/nmod:poss and/CCONJ/CC/3/cc \
                      Afghanistan/PROPN/NNP/1/conj 's/PART/POS/1/case \
                      services/NOUN/NNS/6/nsubj agreed/VERB/VBD/0/root";
        let mut a = arcs(before);
        repair_possessive_coordination(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
    }
}
