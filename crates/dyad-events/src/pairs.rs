//! Two parties named in one phrase. The actor matcher gives each of coordinated country
//! adjectives before one agent its own mention ("Israeli and Palestinian negotiators" =
//! `ISRGOV`, `PSEGOV`); the parse often hangs the first adjective as a modifier of the head,
//! not as a conjunct of it, so [`partners`] finds it for the noun phrase's actors. An event
//! noun whose modifiers name both sides ("US-Russian talks", "the India-Pakistan summit",
//! "talks between Moscow and Kyiv", "a meeting between the Chinese and Japanese foreign
//! ministers") has them as its parties ([`noun_parties`]) when the sentence says it took
//! place ([`took_place`]).

use crate::syntax::{mention_at, Tree};
use dyad_core::actor_code::{country_prefix, role};
use dyad_core::Mention;

/// Dashes between two parties in a pair modifier ("US-Russian", "Iran–Iraq").
fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "–" | "—")
}

/// Words that coordinate actors before one head ("Israeli and Palestinian", "French,
/// German and Italian").
fn is_coordination(gap: &[&str]) -> bool {
    matches!(
        gap,
        ["and"] | ["or"] | [","] | [",", "and"] | [",", "or"] | ["and", "the"]
    )
}

/// The words between mentions `a` and `b` (`a` first).
fn gap<'d>(tree: &Tree<'d>, a: &Mention, b: &Mention) -> Vec<&'d str> {
    let doc = tree.doc;
    (a.tokens.end..b.tokens.start)
        .map(|g| doc.norm[g].as_str())
        .collect()
}

/// Mentions coordinated before mention `m` inside the noun phrase headed by `head`, with the
/// same role and another country: "Israeli" (`ISRGOV`) before "Palestinian negotiators"
/// (`PSEGOV`), and, in a list, each one before that ("French, German and Italian leaders").
/// Bare countries coordinated before a head that is no actor count too ("the Turkish and
/// Greek sides": `TUR`, `GRC`). The parse must put them in the phrase (under `head`), so two
/// separate phrases are not taken for one.
pub fn partners(tree: &Tree<'_>, mentions: &[Mention], head: usize, m: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let want = role(&mentions[m].code);
    if want.is_none() && !dyad_core::actor_code::is_country_code(&mentions[m].code) {
        return out;
    }
    // "UK and EU negotiators": an organisation's agents (coded as the organisation) are
    // coordinated with a country's, whatever role the actor stage gave that country.
    let body = mentions[m].code.starts_with("IGO");
    let phrase = tree.subtree(head);
    let mut cur = m;
    loop {
        let start = mentions[cur].tokens.start;
        let prev = mentions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.tokens.end <= start)
            .max_by_key(|(_, p)| p.tokens.end);
        let Some((p, pm)) = prev else { break };
        if !is_coordination(&gap(tree, pm, &mentions[cur]))
            || (!body && role(&pm.code) != want)
            || (body && country_prefix(&pm.code).is_none())
            || pm.code == mentions[cur].code
            || !pm.tokens.clone().all(|t| phrase.contains(&t))
            || out.contains(&p)
            || p == m
        {
            break;
        }
        out.push(p);
        cur = p;
    }
    out.reverse();
    out
}

/// The parties an event noun at `v` names in its modifiers: two actors joined by a dash
/// among its adjectives and compounds ("US-Russian talks", "the Iran–Iraq war"), or the
/// actors of a "between" phrase ("talks between Moscow and Kyiv"). At least two different
/// actors, in token order; `None` otherwise.
pub fn noun_parties(tree: &Tree<'_>, mentions: &[Mention], v: usize) -> Option<Vec<usize>> {
    let doc = tree.doc;
    if doc.upos.get(v).is_none_or(|u| u != "NOUN") {
        return None;
    }
    let mut parties: Vec<usize> = Vec::new();
    // "between Moscow and Kyiv", "between the Chinese and Japanese foreign ministers".
    for c in tree.children(v) {
        let between = tree
            .children(*c)
            .iter()
            .any(|k| tree.rel(*k) == "case" && doc.norm[*k] == "between");
        if between && matches!(tree.base_rel(*c), "nmod" | "obl") {
            for t in tree.subtree(*c) {
                // "between Israeli and Palestinian negotiators in Oslo": where is no party.
                let placed = t != *c
                    && tree
                        .case_of(t)
                        .is_some_and(|p| matches!(p.as_str(), "in" | "at" | "near" | "on"));
                if placed {
                    continue;
                }
                if matches!(tree.rel(t), "nmod" | "conj" | "compound" | "amod" | "flat") || t == *c
                {
                    if let Some(m) = mention_at(mentions, t) {
                        if !parties.contains(&m) {
                            parties.push(m);
                        }
                    }
                }
            }
        }
    }
    if parties.is_empty() {
        // "US-Russian talks": the noun's modifiers, and theirs.
        let mut nodes = Vec::new();
        let mut stack: Vec<usize> = tree
            .children(v)
            .iter()
            .copied()
            .filter(|c| matches!(tree.rel(*c), "amod" | "compound"))
            .collect();
        while let Some(n) = stack.pop() {
            if nodes.contains(&n) || nodes.len() > tree.range.len() {
                continue;
            }
            nodes.push(n);
            stack.extend(
                tree.children(n)
                    .iter()
                    .copied()
                    .filter(|c| matches!(tree.rel(*c), "amod" | "compound" | "flat" | "conj")),
            );
        }
        let mut found: Vec<usize> = nodes
            .iter()
            .filter_map(|n| mention_at(mentions, *n))
            .collect();
        found.sort_by_key(|m| mentions[*m].tokens.start);
        found.dedup();
        for w in found.windows(2) {
            let (a, b) = (&mentions[w[0]], &mentions[w[1]]);
            if b.tokens.start <= a.tokens.end || b.tokens.end > v {
                continue;
            }
            if matches!(gap(tree, a, b).as_slice(), [d] if is_dash(d)) {
                for m in [w[0], w[1]] {
                    if !parties.contains(&m) {
                        parties.push(m);
                    }
                }
            }
        }
    }
    parties.sort_by_key(|m| mentions[*m].tokens.start);
    let distinct = parties.iter().any(|a| {
        parties
            .iter()
            .any(|b| mentions[*a].code != mentions[*b].code)
    });
    distinct.then_some(parties)
}

/// Lemmas of verbs under which an event noun has not (yet) taken place: "the summit was
/// cancelled", "a meeting is expected", "proposed talks between ...".
const UNREAL: &[&str] = &[
    "cancel", "postpone", "delay", "scrap", "plan", "propose", "expect", "schedule", "seek",
    "offer", "call", "urge", "demand", "request", "prepare", "want", "hope", "consider", "suggest",
    "discuss", "rule", "reject", "refuse", "oppose", "push", "press",
];

/// Modifiers of an event noun that say it has not taken place ("the planned summit").
const UNREAL_MODIFIERS: &[&str] = &[
    "planned",
    "proposed",
    "possible",
    "potential",
    "future",
    "upcoming",
    "expected",
    "scheduled",
    "prospective",
    "cancelled",
    "canceled",
    "postponed",
    "delayed",
];

/// Whether the event noun at `v` is said to have taken place: it is not "planned",
/// "proposed" or the like, and it (by `asserted`, the parse's modality) and the verb of the
/// clause it belongs to as subject, object or adjunct are asserted, that verb not one of
/// [`UNREAL`] ("US-Russian talks will resume", "Turkey offered to host talks between ...",
/// "the summit between ... was cancelled" have not).
pub fn took_place(tree: &Tree<'_>, v: usize, asserted: &dyn Fn(usize) -> bool) -> bool {
    let doc = tree.doc;
    if tree
        .children(v)
        .iter()
        .any(|c| UNREAL_MODIFIERS.contains(&doc.norm[*c].as_str()))
        || !asserted(v)
    {
        return false;
    }
    let mut cur = v;
    for _ in 0..4 {
        let Some(h) = tree.head(cur) else { break };
        if !matches!(
            tree.base_rel(cur),
            "obj" | "nsubj" | "obl" | "nmod" | "conj" | "xcomp"
        ) {
            break;
        }
        if UNREAL.contains(&tree.lemma(h)) {
            return false;
        }
        if doc
            .upos
            .get(h)
            .is_some_and(|u| matches!(u.as_str(), "VERB" | "AUX" | "ADJ"))
        {
            return asserted(h);
        }
        cur = h;
    }
    true
}
