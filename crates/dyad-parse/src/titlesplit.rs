//! Run-time repair of a subject name split in two by its title. Before a titled name ("US
//! President Donald Trump", "Former US President Barack Obama", "Russian Foreign Minister
//! Sergey Lavrov", "Libyan Prime Minister Fayez al-Sarraj"), the greedy parser often attaches
//! the first word — a country name or a nationality adjective, which the tagger may call a
//! name — straight to the verb as a subject of its own, so the verb has two subjects and the
//! event coder may take "Former" or "Russian" for the actor (and find none). When a verb has
//! two subjects side by side, with nothing but name, noun and adjective words between them,
//! the first modifies the second's phrase: it is attached to the title word after it (or to
//! the second itself when no title stands between them) as a `compound`, or an `amod` for an
//! adjective. A common noun with a determiner before a name ("the Haitian group Veye Yo")
//! keeps the subject, and the name becomes its apposition.

use crate::arcs::Arcs;

/// Parts of speech of a title and name ("Former US President Barack Obama").
const TITLE_UPOS: &[&str] = &["PROPN", "NOUN", "ADJ"];

/// Reattaches the first of each pair of adjacent subjects of a verb inside the second's
/// phrase (see the module comment).
pub fn repair_title_split(a: &mut Arcs<'_>) {
    for v in 0..a.len() {
        let subjects: Vec<usize> = a
            .children(v)
            .into_iter()
            .filter(|&c| matches!(a.labels[c].as_str(), "nsubj" | "nsubj:pass"))
            .collect();
        for pair in subjects.windows(2) {
            let (s, t) = (pair[0], pair[1]);
            if !TITLE_UPOS.contains(&a.upos[s]) || a.is_time(s) || a.is_time(t) {
                continue;
            }
            let (start, end) = a.span(s);
            if end >= t {
                continue;
            }
            // The first phrase is made of title words too (a determiner may open it, a
            // possessive "'s" join it: "Delhi's Chief Minister ...", a hyphen or a dateline's
            // brackets stand in it: "The non-governmental organization ...", "New York (CNN)
            // French President ..."); a conjunction or a comma in it makes two subjects
            // ("Holcomb and GOP leaders").
            let plain = (start..=end).all(|k| {
                TITLE_UPOS.contains(&a.upos[k])
                    || a.xpos[k] == "POS"
                    || matches!(a.forms[k], "-" | "(" | ")")
                    || (k == start && a.upos[k] == "DET")
            });
            if !plain {
                continue;
            }
            // Only title words lie between the two, all inside the second's phrase.
            let joined =
                (end + 1..=t).all(|k| TITLE_UPOS.contains(&a.upos[k]) && a.dominates(t, k));
            if !joined {
                continue;
            }
            // A common noun with its own determiner, then a name, is a full noun phrase
            // that the name names ("the Haitian group Veye Yo"): the name is its apposition.
            let has_det = a.children_rel(s, "det").iter().any(|&d| d < s);
            if has_det && a.upos[s] == "NOUN" && a.upos[t] == "PROPN" {
                a.attach(t, Some(s), "appos");
                continue;
            }
            // The word right after the first's phrase, raised to the highest word of the title
            // below the second ("US" → "President" in "US President Donald Trump"). Without
            // a title there ("the Government Accountability Office", "the deputy foreign
            // minister") the first word modifies the second itself.
            let mut x = end + 1;
            while let Some(h) = a.heads[x] {
                if h == t || h <= end || h > t {
                    break;
                }
                x = h;
            }
            if a.labels[x] != "nmod:desc" {
                x = t;
            }
            let label = if a.upos[s] == "ADJ" {
                "amod"
            } else {
                "compound"
            };
            a.attach(s, Some(x), label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arcs::tests::{arcs, show};

    #[test]
    fn the_first_word_of_a_title_joins_the_name() {
        // "US President Donald Trump lifted it"
        let mut a = arcs(
            "US/PROPN/NNP/5/nsubj President/PROPN/NNP/3/nmod:desc Donald/PROPN/NNP/5/nsubj \
             Trump/PROPN/NNP/3/flat lifted/VERB/VBD/0/root it/PRON/PRP/5/obj",
        );
        repair_title_split(&mut a);
        assert_eq!(
            show(&a),
            "2:compound 3:nmod:desc 5:nsubj 3:flat 0:root 5:obj"
        );
        // "Former US President Barack Obama held talks": "Former" modifies "President".
        let mut a = arcs(
            "Former/ADJ/JJ/6/nsubj US/ADJ/JJ/3/amod President/PROPN/NNP/4/nmod:desc \
             Barack/PROPN/NNP/6/nsubj Obama/PROPN/NNP/4/flat held/VERB/VBD/0/root \
             talks/NOUN/NNS/6/obj",
        );
        repair_title_split(&mut a);
        assert_eq!(a.heads[0], Some(2));
        assert_eq!(a.labels[0], "amod");
        assert_eq!(a.children_rel(5, "nsubj"), vec![3]);
    }

    #[test]
    fn a_name_after_a_full_noun_phrase_is_its_apposition() {
        // "The group Veye Yo agreed"
        let mut a = arcs(
            "The/DET/DT/2/det group/NOUN/NN/5/nsubj Veye/PROPN/NNP/5/nsubj \
             Yo/PROPN/NNP/3/flat agreed/VERB/VBD/0/root",
        );
        repair_title_split(&mut a);
        assert_eq!(show(&a), "2:det 5:nsubj 2:appos 3:flat 0:root");
    }

    #[test]
    fn coordinated_or_separate_subjects_stay() {
        // The conjunction inside the first phrase.
        let before = "Holcomb/PROPN/NNP/5/nsubj and/CCONJ/CC/3/cc GOP/PROPN/NNP/1/conj \
                      leaders/NOUN/NNS/5/nsubj touted/VERB/VBD/0/root";
        let mut a = arcs(before);
        repair_title_split(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
        // A conjunction between the two: not one phrase.
        let before = "Rex/PROPN/NNP/5/nsubj and/CCONJ/CC/4/cc Russian/ADJ/JJ/4/amod \
                      Lavrov/PROPN/NNP/5/nsubj met/VERB/VBD/0/root";
        let mut a = arcs(before);
        repair_title_split(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
    }
}
