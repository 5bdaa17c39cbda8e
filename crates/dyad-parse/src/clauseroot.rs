//! Run-time repair of a news lead the parser roots in its subject. When a time phrase or an
//! aside separates the subject from its verb ("Uzbekistan on Thursday asked a coalition ...",
//! "Denmark last week announced a suspension ...", "Amnesty International (AI) has accused
//! ...", "Senate President Bukola Saraki will on Tuesday lead ..."), the greedy parser often
//! makes the subject's noun the root and hangs the verb on it as an unlabelled `dep` (or as a
//! relative clause whose subject is the time word: "Iraqi forces [that] today started"),
//! so the clause has no subject and the event coder no source. A finite verb with no subject
//! of its own that depends so on a noun root is the clause's head: it becomes the root, the
//! noun its subject, and the time phrase between them an oblique of the verb. A time word as
//! root ("will on Tuesday lead") becomes the oblique and hands its subject to the verb.

use crate::arcs::Arcs;

/// Labels of a noun root's dependents that belong to the clause, not to the noun phrase, and
/// move to the verb: punctuation, clause adverbs, auxiliaries and subjects (of a time-word
/// root), and whatever follows the verb.
const CLAUSE_LABELS: &[&str] = &["punct", "advmod", "aux", "nsubj", "dep", "parataxis", "cc"];

/// Finds the verb (see the module comment) and makes it the root.
pub fn repair_clause_root(a: &mut Arcs<'_>) {
    let Some(r) = a.root() else {
        return;
    };
    if !matches!(a.upos[r], "NOUN" | "PROPN") {
        return;
    }
    let Some(v) = a.children(r).into_iter().find(|&v| is_lost_verb(a, r, v)) else {
        return;
    };
    // A subject the parser gave the noun itself is a modifier of it only if nothing but
    // modifiers stand between them ("UN human rights experts"); across a preposition
    // ("Lydia Buchtmann for Food Standards ... says") it may be the clause's subject, and
    // the parse is left as it is.
    if !a.is_time(r) {
        for c in a.children_rel(r, "nsubj") {
            let (_, end) = a.span(c);
            if c < r
                && (end + 1..r).any(|k| !matches!(a.upos[k], "ADJ" | "NOUN" | "PROPN" | "PART"))
            {
                return;
            }
        }
    }
    // A dateline or a salutation before a dash or colon ("WASHINGTON (Reuters) - Scientists
    // on Monday unveiled", "DEAR ABBY: My husband purchased"): the noun after the separator
    // is the subject, and the noun root a loose dependent of the clause.
    // Only a name is a dateline ("Two economists - one a Nobel winner - have analyzed"
    // has its subject before the dash); the last separator ends it ("Al-Zaman: ...").
    let dateline = a.upos[r] == "PROPN" || a.forms[r].chars().all(|ch| !ch.is_lowercase());
    let last_sep = (r + 1..v).rev().find(|&k| is_separator(a.forms[k]));
    if let Some(sep) = last_sep.filter(|_| dateline) {
        let Some(c) = a
            .children(r)
            .into_iter()
            .find(|&c| c > sep && c < v && matches!(a.upos[c], "NOUN" | "PROPN" | "PRON"))
        else {
            return;
        };
        let (start, _) = a.span(c);
        if start < sep {
            return;
        }
        let voice = subject_label(a, v);
        for s in a.children_rel(v, "nsubj") {
            let label = a.time_label(s);
            a.attach(s, Some(v), label);
        }
        // The separator, a time phrase before the verb and what follows the verb go with
        // the clause.
        for k in a.children(r) {
            if k == sep || k > v {
                let label = a.labels[k].clone();
                a.attach(k, Some(v), &label);
            } else if k > c && a.is_time(k) {
                let label = a.time_label(k);
                a.attach(k, Some(v), label);
            }
        }
        a.attach(v, None, "root");
        a.attach(c, Some(v), voice);
        a.attach(r, Some(v), "dep");
        return;
    }
    // The verb's own "subjects" are the time phrase the parser took for one.
    for s in a.children_rel(v, "nsubj") {
        let label = a.time_label(s);
        a.attach(s, Some(v), label);
    }
    let voice = subject_label(a, v);
    let time_root = a.is_time(r);
    for c in a.children(r) {
        if c == v {
            continue;
        }
        let base = a.base(c).to_string();
        let between = c > r && c < v;
        if c > v || (time_root && CLAUSE_LABELS.contains(&base.as_str())) {
            let label = a.labels[c].clone();
            a.attach(c, Some(v), &label);
        } else if between && a.is_time(c) && matches!(base.as_str(), "nmod" | "obl") {
            // "Uzbekistan [on Thursday] asked": a time phrase between subject and verb.
            let label = a.time_label(c);
            a.attach(c, Some(v), label);
        } else if !time_root && c < r && base == "nsubj" {
            // The parser read the noun as a predicate with a subject of its own ("UN [is]
            // human rights experts"): that word modifies the noun.
            let label = if a.upos[c] == "ADJ" {
                "amod"
            } else {
                "compound"
            };
            a.attach(c, Some(r), label);
        } else if between && matches!(base.as_str(), "advmod" | "punct" | "aux") {
            let label = a.labels[c].clone();
            a.attach(c, Some(v), &label);
        }
    }
    a.attach(v, None, "root");
    if time_root {
        let label = a.time_label(r);
        a.attach(r, Some(v), label);
    } else {
        a.attach(r, Some(v), voice);
    }
}

/// The label of the verb `v`'s subject: passive if `v` has a passive auxiliary.
fn subject_label(a: &Arcs<'_>, v: usize) -> &'static str {
    if a.children(v).iter().any(|&c| a.labels[c] == "aux:pass") {
        "nsubj:pass"
    } else {
        "nsubj"
    }
}

/// Punctuation that ends a dateline or a salutation.
fn is_separator(form: &str) -> bool {
    matches!(form, ":" | "-" | "--" | "–" | "—")
}

/// Is `v`, a dependent of the noun root `r`, a finite clause head misattached to it: to its
/// right, a finite verb (or one with an auxiliary) labelled `dep` — or a relative clause
/// whose only subject is a time word and that has no relative word — with no subordinator
/// and no subject of its own other than time words?
fn is_lost_verb(a: &Arcs<'_>, r: usize, v: usize) -> bool {
    // A time-word root may hold the verb's auxiliary ("will [on Tuesday] lead").
    let aux_on_root = a.is_time(r) && !a.children_rel(r, "aux").is_empty();
    if v < r || !(a.is_finite_verb(v) || (aux_on_root && a.upos[v] == "VERB")) {
        return false;
    }
    let kids = a.children(v);
    let subjects = a.children_rel(v, "nsubj");
    if subjects.iter().any(|&s| !a.is_time(s)) {
        return false;
    }
    if kids.iter().any(|&c| a.base(c) == "mark") {
        return false;
    }
    match a.labels[v].as_str() {
        "dep" => true,
        "acl:relcl" => {
            !subjects.is_empty()
                && !kids
                    .iter()
                    .any(|&c| c < v && matches!(a.xpos[c], "WDT" | "WP" | "WP$" | "WRB"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arcs::tests::{arcs, show};

    #[test]
    fn a_verb_hung_on_its_subject_becomes_the_root() {
        // "Uzbekistan on Thursday asked groups ."
        let mut a = arcs(
            "Uzbekistan/PROPN/NNP/0/root on/ADP/IN/3/case Thursday/PROPN/NNP/4/nsubj \
             asked/VERB/VBD/1/dep groups/NOUN/NNS/4/obj ./PUNCT/./4/punct",
        );
        repair_clause_root(&mut a);
        assert_eq!(show(&a), "4:nsubj 3:case 4:obl 0:root 4:obj 4:punct");
        // "Germany on Friday welcomed it ." with the time phrase on the noun.
        let mut a = arcs(
            "Germany/PROPN/NNP/0/root on/ADP/IN/3/case Friday/PROPN/NNP/1/nmod \
             welcomed/VERB/VBD/1/dep it/PRON/PRP/4/obj ./PUNCT/./1/punct",
        );
        repair_clause_root(&mut a);
        assert_eq!(show(&a), "4:nsubj 3:case 4:obl 0:root 4:obj 4:punct");
    }

    #[test]
    fn a_subject_of_the_noun_root_becomes_its_modifier() {
        // "UN experts today urged them"
        let mut a = arcs(
            "UN/PROPN/NNP/2/nsubj experts/NOUN/NNS/0/root today/NOUN/NN/4/nsubj \
             urged/VERB/VBD/2/acl:relcl them/PRON/PRP/4/obj",
        );
        repair_clause_root(&mut a);
        assert_eq!(show(&a), "2:compound 4:nsubj 4:obl:unmarked 0:root 4:obj");
    }

    #[test]
    fn a_dateline_is_no_subject() {
        // "WASHINGTON - Scientists on Monday unveiled a map"
        let mut a = arcs(
            "WASHINGTON/PROPN/NNP/0/root -/PUNCT/:/3/punct Scientists/NOUN/NNS/1/parataxis \
             on/ADP/IN/5/case Monday/PROPN/NNP/3/nmod unveiled/VERB/VBD/1/dep \
             a/DET/DT/8/det map/NOUN/NN/6/obj",
        );
        repair_clause_root(&mut a);
        assert_eq!(a.heads[2], Some(5));
        assert_eq!(a.labels[2], "nsubj");
        assert_eq!(a.heads[0], Some(5));
        assert_eq!(a.labels[0], "dep");
        assert_eq!(a.root(), Some(5));
    }

    #[test]
    fn a_time_root_hands_its_subject_to_the_verb() {
        // "Saraki will on Tuesday lead a delegation ."
        let mut a = arcs(
            "Saraki/PROPN/NNP/4/nsubj will/AUX/MD/4/aux on/ADP/IN/4/case \
             Tuesday/PROPN/NNP/0/root lead/VERB/VB/4/dep a/DET/DT/7/det \
             delegation/NOUN/NN/5/obj ./PUNCT/./5/punct",
        );
        repair_clause_root(&mut a);
        assert_eq!(
            show(&a),
            "5:nsubj 5:aux 4:case 5:obl 0:root 7:det 5:obj 5:punct"
        );
    }

    #[test]
    fn a_reporting_clause_or_an_infinitive_stays() {
        // "the rejection , said Ali ." : the verb has its own subject.
        let before = "the/DET/DT/2/det rejection/NOUN/NN/0/root ,/PUNCT/,/2/punct \
                      said/VERB/VBD/2/dep Ali/PROPN/NNP/4/nsubj";
        let mut a = arcs(before);
        repair_clause_root(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
        // "plans to visit" : not finite.
        let before = "plans/NOUN/NNS/0/root to/PART/TO/3/mark visit/VERB/VB/1/dep";
        let mut a = arcs(before);
        repair_clause_root(&mut a);
        assert_eq!(show(&a), show(&arcs(before)));
    }
}
