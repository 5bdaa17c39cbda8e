//! Run-time repair of a time noun phrase the parser takes for a second subject. News leads
//! put a bare time phrase before or after the subject ("Hours earlier Maduro expelled the
//! top American diplomat", "The government Saturday rejected the accusations", "Governor
//! Smith today lifted the curfew", "a monitor said Sunday"), and the greedy parser, which saw
//! such phrases rarely in the treebanks, often makes the time phrase an `nsubj` of the verb
//! next to the real subject; the event coder may then take "Hours" for the actor. A clause
//! has one subject: when a verb has two or more and one of them is headed by a time word,
//! that one is an unmarked oblique (`obl:unmarked`, the label the parser gives "last week").
//! A time phrase that is a verb's only subject ("Tuesday was calm") is left alone.
//!
//! Likewise a time phrase with its preposition between a subject and its verb ("Obama on
//! Sunday held talks", "The court on Tuesday released him") is the verb's oblique, not a
//! modifier of the subject's noun (the parser makes it an `nmod` of "Obama").

use crate::arcs::Arcs;

/// Relabels as obliques the time-headed subjects of each verb that has another subject.
pub fn repair_time_subjects(a: &mut Arcs<'_>) {
    for v in 0..a.len() {
        let subjects = a.children_rel(v, "nsubj");
        if subjects.len() < 2 {
            continue;
        }
        let (times, others): (Vec<usize>, Vec<usize>) =
            subjects.into_iter().partition(|&s| a.is_time(s));
        if others.is_empty() {
            continue;
        }
        for t in times {
            let label = a.time_label(t);
            a.attach(t, Some(v), label);
        }
    }
    repair_time_modifiers(a);
}

/// Moves to the verb a subject's last modifier when it is a time phrase with a preposition
/// that ends right before the verb ("Obama [on Sunday] held").
fn repair_time_modifiers(a: &mut Arcs<'_>) {
    for s in 0..a.len() {
        if a.base(s) != "nsubj" {
            continue;
        }
        let Some(v) = a.heads[s] else {
            continue;
        };
        if v < s || a.upos[v] != "VERB" {
            continue;
        }
        let Some(&m) = a.children_rel(s, "nmod").last() else {
            continue;
        };
        if m < s || !a.is_time(m) || !has_time_preposition(a, m) {
            continue;
        }
        // Only adverbs may stand between the phrase and the verb ("on Sunday also held").
        let (_, end) = a.span(m);
        if (end + 1..v).any(|k| a.upos[k] != "ADV" && a.upos[k] != "AUX") {
            continue;
        }
        a.attach(m, Some(v), "obl");
    }
}

/// Does the time phrase `m` open with "on" or "during" ("on Sunday", "during the night")?
/// "A husband of 20 years" is no time of the clause, and "an attempt in the 18th minute"
/// more often the noun's than the clause's.
fn has_time_preposition(a: &Arcs<'_>, m: usize) -> bool {
    a.children(m).into_iter().any(|c| {
        c < m
            && a.labels[c] == "case"
            && matches!(a.forms[c].to_lowercase().as_str(), "on" | "during")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arcs::tests::{arcs, show};

    #[test]
    fn a_time_phrase_beside_the_subject_is_an_oblique() {
        // "Hours earlier Maduro expelled diplomats ."
        let mut a = arcs(
            "Hours/NOUN/NNS/4/nsubj earlier/ADV/RBR/4/advmod Maduro/PROPN/NNP/4/nsubj \
             expelled/VERB/VBD/0/root diplomats/NOUN/NNS/4/obj ./PUNCT/./4/punct",
        );
        repair_time_subjects(&mut a);
        assert_eq!(
            show(&a),
            "4:obl:unmarked 4:advmod 4:nsubj 0:root 4:obj 4:punct"
        );
        // "officials said Monday ."
        let mut a = arcs(
            "officials/NOUN/NNS/2/nsubj said/VERB/VBD/0/root Monday/PROPN/NNP/2/nsubj \
             ./PUNCT/./2/punct",
        );
        repair_time_subjects(&mut a);
        assert_eq!(a.labels[2], "obl:unmarked");
        assert_eq!(a.labels[0], "nsubj");
    }

    #[test]
    fn a_time_phrase_on_the_subject_moves_to_the_verb() {
        // "Obama on Sunday held talks"
        let mut a = arcs(
            "Obama/PROPN/NNP/4/nsubj on/ADP/IN/3/case Sunday/PROPN/NNP/1/nmod \
             held/VERB/VBD/0/root talks/NOUN/NNS/4/obj",
        );
        repair_time_subjects(&mut a);
        assert_eq!(show(&a), "4:nsubj 3:case 4:obl 0:root 4:obj");
        // "husband of 20 years": no time of the clause.
        let before = "husband/NOUN/NN/4/nsubj of/ADP/IN/3/case years/NOUN/NNS/1/nmod \
                      left/VERB/VBD/0/root";
        let mut a = arcs(before);
        repair_time_subjects(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
        // "talks on Sunday" inside the object stay where they are.
        let before = "Obama/PROPN/NNP/2/nsubj held/VERB/VBD/0/root talks/NOUN/NNS/2/obj \
                      on/ADP/IN/5/case Sunday/PROPN/NNP/3/nmod";
        let mut a = arcs(before);
        repair_time_subjects(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
    }

    #[test]
    fn a_lone_or_non_time_subject_stays() {
        let before = "Tuesday/PROPN/NNP/3/nsubj was/AUX/VBD/3/cop calm/ADJ/JJ/0/root";
        let mut a = arcs(before);
        repair_time_subjects(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
        // Two subjects, neither a time: another repair's business.
        let before = "US/PROPN/NNP/3/nsubj Trump/PROPN/NNP/3/nsubj left/VERB/VBD/0/root";
        let mut a = arcs(before);
        repair_time_subjects(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
    }
}
