//! Target choices that the general order of `syntax::roles` (pattern preposition, object,
//! passive subject, first actor of the predicate) gets wrong, each for a family of phrasings:
//!
//! - what a moving verb moves is not its target: "sent troops into Ukraine", "withdrew
//!   peacekeepers from Liberia" are directed at the place of the destination or origin
//!   ([`moved_to`]);
//! - the actor a measure was laid on: "lifted sanctions imposed on China" ([`imposed_on`]);
//! - the author of what was rejected or praised: "rejected a proposal submitted by China"
//!   ([`authored_by`]).

use crate::syntax::{np_actors, Tree};
use dyad_core::actor_code::country_prefix;
use dyad_core::{Mention, MentionKind};

/// Lemmas of verbs that move what they take as object (people, goods, forces) to or from a
/// place: their object is the thing moved, and the place of a "to", "into", "from" or "out
/// of" phrase is whom the act concerns. Not "expel" or "deport", whose object is acted on.
const MOVING: &[&str] = &[
    "send",
    "dispatch",
    "deploy",
    "redeploy",
    "withdraw",
    "pull",
    "move",
    "return",
    "transfer",
    "ship",
    "airlift",
    "fly",
    "station",
    "post",
    "extradite",
    "hand",
    "deliver",
    "bring",
    "evacuate",
];

/// Prepositions of a destination, tried first, then those of an origin.
const TOWARD: &[&str] = &["to", "into", "toward", "towards"];
const AWAY: &[&str] = &["from", "out"];

/// Prepositions that lay a measure on someone: "sanctions imposed on China", "a ban placed
/// against the group".
const LAID_ON: &[&str] = &["on", "upon", "against"];

fn same_country(mentions: &[Mention], a: usize, b: usize) -> bool {
    match (
        country_prefix(&mentions[a].code),
        country_prefix(&mentions[b].code),
    ) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Whether target `t` is what a moving verb moved rather than whom it was for: one of the
/// pattern's own words ("withdrew peacekeepers"), an agent of no country ("sent doctors") or
/// the source's own ("sent Russian troops"). People of another country are whom the act is
/// for: "Tehran returned the British sailors to London" releases GBRMIL.
fn moved_part(mentions: &[Mention], t: usize, hits: &[usize], sources: &[usize]) -> bool {
    let own = sources.iter().any(|s| same_country(mentions, *s, t));
    // (A bare agent's country may come from the context: "troops" after a sentence about
    // Israel is no Israeli troops sent by the US.)
    let foreign = !own
        && country_prefix(&mentions[t].code).is_some()
        && mentions[t].kind != MentionKind::Agent;
    own || (!foreign
        && (mentions[t].tokens.clone().any(|k| hits.contains(&k))
            || mentions[t].code.starts_with("---")))
}

/// The actors of the place a moving verb at `v` sends its object to (or takes it from),
/// when the `targets` found on its object are all part of what was moved (see
/// [`moved_part`]): "Russia sent troops into Ukraine" (UKR, not RUSMIL), "the UN withdrew
/// peacekeepers from Liberia" (LBR). The phrase may hang on the verb or on the object
/// ("the withdrawal of troops from Iraq"). `None` when the verb moves nothing or no such
/// phrase names an actor of another country than the sources'.
pub(crate) fn moved_to(
    tree: &Tree<'_>,
    mentions: &[Mention],
    v: usize,
    obj: Option<usize>,
    hits: &[usize],
    targets: &[usize],
    sources: &[usize],
) -> Option<Vec<usize>> {
    if !MOVING.contains(&tree.lemma(v).to_lowercase().as_str())
        || targets.is_empty()
        || !targets
            .iter()
            .all(|t| moved_part(mentions, *t, hits, sources))
    {
        return None;
    }
    let heads: Vec<usize> = std::iter::once(v).chain(obj).collect();
    for preps in [TOWARD, AWAY] {
        for h in &heads {
            for c in tree.children(*h) {
                if !tree.is_phrase_of(*c, preps) {
                    continue;
                }
                let named: Vec<usize> = np_actors(tree, mentions, *c)
                    .into_iter()
                    .filter(|m| !sources.contains(m) && !targets.contains(m))
                    .filter(|m| !sources.iter().any(|s| same_country(mentions, *s, *m)))
                    .collect();
                if !named.is_empty() {
                    return Some(named);
                }
            }
        }
    }
    None
}

/// Lemmas of participles that lay a measure on someone ("imposed on", "placed on"): their
/// `by` agent is whom criticism of the measure is directed at ("criticized the sanctions
/// imposed by the EU"), but not whom easing it or refusing to (08, 12) concerns: "lifted
/// the sanctions imposed by the UN" is no act on the UN.
const LAYING: &[&str] = &["impose", "place", "slap", "level", "put", "lay", "enforce"];

/// The author named by the object `o` of an act on a proposal, a claim, a decision: "rejected
/// a proposal submitted by China", "condemned the threats made by the US government",
/// "welcomed the reforms taken by the Egyptian government" (the `by` agent of a participle
/// that modifies the object). `root` is the act's: see [`LAYING`].
pub(crate) fn authored_by(
    tree: &Tree<'_>,
    mentions: &[Mention],
    o: usize,
    root: &str,
) -> Vec<usize> {
    let easing = matches!(root, "08" | "12");
    for p in tree.children(o) {
        if tree.base_rel(*p) != "acl"
            || tree.doc.xpos.get(*p).is_some_and(|x| x != "VBN")
            || (easing && LAYING.contains(&tree.lemma(*p).to_lowercase().as_str()))
        {
            continue;
        }
        for k in tree.children(*p) {
            let by = tree.rel(*k) == "obl:agent"
                || (tree.base_rel(*k) == "obl" && tree.case_of(*k).as_deref() == Some("by"));
            if by {
                let named = np_actors(tree, mentions, *k);
                if !named.is_empty() {
                    return named;
                }
            }
        }
    }
    Vec::new()
}

/// The actors a measure named by one of `nouns` (the verb's object or the pattern's nouns)
/// was laid on, through a participle that modifies it: "lifted sanctions imposed on China",
/// "ease restrictions placed on Russian imports", "the ban slapped against the group". The
/// participle has no subject of its own (a reduced passive), and its phrase is no time.
pub(crate) fn imposed_on(tree: &Tree<'_>, mentions: &[Mention], nouns: &[usize]) -> Vec<usize> {
    for n in nouns {
        for p in tree.children(*n) {
            let participle = tree.base_rel(*p) == "acl"
                && tree.doc.xpos.get(*p).is_none_or(|x| x == "VBN")
                && !tree
                    .children(*p)
                    .iter()
                    .any(|k| tree.base_rel(*k).starts_with("nsubj"));
            if !participle {
                continue;
            }
            for k in tree.children(*p) {
                if tree.base_rel(*k) == "obl"
                    && tree
                        .case_of(*k)
                        .is_some_and(|c| LAID_ON.contains(&c.as_str()))
                    && !crate::syntax::is_time_word(tree, *k)
                {
                    let named = np_actors(tree, mentions, *k);
                    if !named.is_empty() {
                        return named;
                    }
                }
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Doc, MentionKind, RuleRef};
    use std::ops::Range;

    /// A one-sentence doc from space-separated tokens with a parse: (head, relation, upos,
    /// xpos) per token; lemmas are the lower-cased forms.
    fn parsed(s: &str, arcs: &[(Option<usize>, &str, &str, &str)]) -> Doc {
        let mut d = Doc::from_words(s);
        for (h, r, u, x) in arcs {
            d.head.push(*h);
            d.deprel.push(r.to_string());
            d.upos.push(u.to_string());
            d.xpos.push(x.to_string());
        }
        d.lemma = d.norm.clone();
        d
    }

    fn mention(tokens: Range<usize>, code: &str) -> Mention {
        Mention {
            tokens,
            code: code.to_string(),
            kind: MentionKind::Name,
            rules: vec![RuleRef::new("test".into(), 1)],
        }
    }

    #[test]
    fn a_moving_verb_is_directed_at_the_destination() {
        // Russia send troops into Ukraine
        let d = parsed(
            "Russia send troops into Ukraine",
            &[
                (Some(1), "nsubj", "PROPN", "NNP"),
                (None, "root", "VERB", "VBD"),
                (Some(1), "obj", "NOUN", "NNS"),
                (Some(4), "case", "ADP", "IN"),
                (Some(1), "obl", "PROPN", "NNP"),
            ],
        );
        let tree = Tree::new(&d, 0..5).expect("parsed");
        let m = vec![
            mention(0..1, "RUS"),
            mention(2..3, "RUSMIL"),
            mention(4..5, "UKR"),
        ];
        let got = moved_to(&tree, &m, 1, Some(2), &[1], &[1], &[0]);
        assert_eq!(got, Some(vec![2]));
        // An object of another country is the target: no change.
        let m2 = vec![
            mention(0..1, "RUS"),
            mention(2..3, "UKRMIL"),
            mention(4..5, "UKR"),
        ];
        assert_eq!(moved_to(&tree, &m2, 1, Some(2), &[1], &[1], &[0]), None);
    }

    #[test]
    fn a_verb_that_moves_nothing_keeps_its_object() {
        // Russia deport migrants into Ukraine: deporting acts on whom it moves.
        let d = parsed(
            "Russia deport migrants into Ukraine",
            &[
                (Some(1), "nsubj", "PROPN", "NNP"),
                (None, "root", "VERB", "VBD"),
                (Some(1), "obj", "NOUN", "NNS"),
                (Some(4), "case", "ADP", "IN"),
                (Some(1), "obl", "PROPN", "NNP"),
            ],
        );
        let tree = Tree::new(&d, 0..5).expect("parsed");
        let m = vec![
            mention(0..1, "RUS"),
            mention(2..3, "---REF"),
            mention(4..5, "UKR"),
        ];
        assert_eq!(moved_to(&tree, &m, 1, Some(2), &[], &[1], &[0]), None);
    }

    #[test]
    fn the_actor_a_measure_was_imposed_on() {
        // US lift sanctions imposed on China
        let d = parsed(
            "US lift sanctions imposed on China",
            &[
                (Some(1), "nsubj", "PROPN", "NNP"),
                (None, "root", "VERB", "VBD"),
                (Some(1), "obj", "NOUN", "NNS"),
                (Some(2), "acl", "VERB", "VBN"),
                (Some(5), "case", "ADP", "IN"),
                (Some(3), "obl", "PROPN", "NNP"),
            ],
        );
        let tree = Tree::new(&d, 0..6).expect("parsed");
        let m = vec![mention(0..1, "USA"), mention(5..6, "CHN")];
        assert_eq!(imposed_on(&tree, &m, &[2]), vec![1]);
        // Not through a participle with a subject of its own, nor another preposition.
        let d2 = parsed(
            "US lift sanctions imposed in China",
            &[
                (Some(1), "nsubj", "PROPN", "NNP"),
                (None, "root", "VERB", "VBD"),
                (Some(1), "obj", "NOUN", "NNS"),
                (Some(2), "acl", "VERB", "VBN"),
                (Some(5), "case", "ADP", "IN"),
                (Some(3), "obl", "PROPN", "NNP"),
            ],
        );
        let tree2 = Tree::new(&d2, 0..6).expect("parsed");
        assert!(imposed_on(&tree2, &m, &[2]).is_empty());
    }

    #[test]
    fn the_author_of_what_was_rejected() {
        // Iran reject proposal submitted by China
        let arcs = [
            (Some(1), "nsubj", "PROPN", "NNP"),
            (None, "root", "VERB", "VBD"),
            (Some(1), "obj", "NOUN", "NN"),
            (Some(2), "acl", "VERB", "VBN"),
            (Some(5), "case", "ADP", "IN"),
            (Some(3), "obl:agent", "PROPN", "NNP"),
        ];
        let d = parsed("Iran reject proposal submitted by China", &arcs);
        let tree = Tree::new(&d, 0..6).expect("parsed");
        let m = vec![mention(0..1, "IRN"), mention(5..6, "CHN")];
        assert_eq!(authored_by(&tree, &m, 2, "12"), vec![1]);
        // Who imposed a measure is whom criticism of it is directed at, not whom lifting
        // it concerns.
        let mut d2 = parsed("Iran lift sanctions imposed by China", &arcs);
        d2.lemma[3] = "impose".into();
        let tree2 = Tree::new(&d2, 0..6).expect("parsed");
        assert!(authored_by(&tree2, &m, 2, "08").is_empty());
        assert_eq!(authored_by(&tree2, &m, 2, "11"), vec![1]);
    }
}
