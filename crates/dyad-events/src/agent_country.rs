//! The country of a bare agent: an actor that names only a role ("rebels", "demonstrators",
//! "Islamic fundamentalists", "riot police", "hackers") is coded by the matcher with CAMEO's
//! unknown country (`---REB`, `---OPP`). Human coders give such an agent the country the
//! sentence is about; this module does the same, once a sentence's events are found, for the
//! agents that take part in one and still have no country. In order:
//!
//! 1. **A place of the agent or of its event**: a city or region (`dicts/actors/places.txt`), a
//!    capital (`countries.txt`) or a country after a locative preposition ("in Sudan"), that
//!    the parse ties to the agent or to the event's verb: "rebels shelled Juba" (`SSDREB`),
//!    "guerrillas blew up power lines leading into Kabul" (`AFGREB`), "militants attacked a
//!    convoy in Kandahar" (`AFGREB`). A place after a locative preposition ("in", "at",
//!    "near" …) says where the agent acted, whatever other countries the sentence names
//!    ("militants attacked US troops in Kandahar" = `AFGREB`); any other place (the target
//!    itself, "into Kabul") counts only when the sentence names no other country, and a
//!    capital there only in a physical act (roots 15-20), since a capital also names its
//!    government ("protesters denounced Moscow"). A destination of the agent's own movement
//!    ("rebels fled to Kampala") is not its home.
//! 2. **A domestic institution as the other party**: the government, a leader, the police, the
//!    courts, the legislature or the intelligence service of one country, as the target (or
//!    source) of the agent's event, when the agent is a challenger or a group at home (not
//!    police or criminals) and the sentence names no other country: "fundamentalists demanded
//!    the resignation of the Algerian President" (`DZARAD`). Not an army: troops often fight
//!    abroad ("militants attacked US troops" says nothing of the militants' country).
//! 3. **The article**: an earlier mention with the same role, or the country in focus, is
//!    already given to the sentence's first bare agent by `ActorDicts::resolve_roles` before
//!    the coder runs (it removes bare roles later in a sentence); nothing is repeated here.
//!
//! Only agents whose role is at home where it acts are given a country ([`AT_HOME`]: not
//! officials, envoys, soldiers or refugees, whom a place does not tell apart from foreigners:
//! "the president visited Kabul"). The role is kept (`---REB` → `SSDREB`) and the event's
//! code and modality are untouched. When places name two countries, or the sentence names
//! another country beside weaker evidence, the agent keeps `---`: a wrong country is worse
//! than none. Each inference is noted in the trace (`dyad explain`) with the mention it came
//! from, and that mention's dictionary line is added to the agent's rules.

use crate::coder::Found;
use crate::syntax::prep_before;
use dyad_core::actor_code::country_prefix;
use dyad_core::{Doc, Mention, MentionKind};
use std::ops::Range;

/// Roles whose bare agents take the country where they act: challengers, people at home and
/// the police.
const AT_HOME: &[&str] = &[
    "OPP", "REB", "RAD", "UAF", "MOD", "CVL", "PPL", "LAB", "EDU", "AGR", "HLH", "REL", "BUS",
    "COP", "CRM",
];

/// Roles that take the country of a domestic institution they act on or are acted on by
/// (rule 2). Not the police (they are the institution's side), not criminals ("hackers
/// attacked the Danish government" are as often abroad).
const CHALLENGERS: &[&str] = &[
    "OPP", "REB", "RAD", "UAF", "MOD", "CVL", "PPL", "LAB", "EDU", "AGR", "HLH", "REL",
];

/// Roles of a country's own institutions, which deal with the people of that country. Not
/// the military: armies are deployed abroad.
const INSTITUTIONS: &[&str] = &["GOV", "COP", "JUD", "LEG", "SPY"];

/// Prepositions that put an event or its agent inside a place.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "throughout",
    "across",
    "within",
];

/// Prepositions of a destination: where an agent goes is not where it is from.
const DIRECTIONAL: &[&str] = &["to", "into", "toward", "towards", "onto"];

/// Relations that open another clause: a place inside it is not the event's.
const OTHER_CLAUSE: &[&str] = &["ccomp", "parataxis", "csubj", "acl:relcl"];

/// How a place is tied to the agent's event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// After a locative preposition: where the agent acted.
    Located,
    /// The event's target, or a place further off ("power lines leading into Kabul").
    Other,
}

/// What gave an agent its country, for the trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Evidence {
    pub country: String,
    /// The mention that showed it.
    pub from: usize,
    pub why: &'static str,
}

/// Gives each bare agent in `mentions` that takes part in an event of `found` the country its
/// sentence (`range`) is about, when the rules above find one; notes each in `tried` (pattern,
/// anchor, note), the coder's trace for `dyad explain`.
pub(crate) fn infer(
    doc: &Doc,
    range: Range<usize>,
    mentions: &mut [Mention],
    found: &[Found],
    tried: &mut Vec<(usize, usize, String)>,
) {
    for a in 0..mentions.len() {
        let Some(role) = bare_role(&mentions[a]) else {
            continue;
        };
        let events: Vec<&Found> = found
            .iter()
            .filter(|f| f.source == a || f.target == Some(a))
            .collect();
        let Some(first) = events.first() else {
            continue;
        };
        let Some(ev) = evidence(doc, range.clone(), mentions, a, &role, &events) else {
            continue;
        };
        let code = format!("{}{role}", ev.country);
        let note = format!(
            "actor {:?} = {code}: country from {} {:?}",
            doc.tokens_text(mentions[a].tokens.clone()),
            ev.why,
            doc.tokens_text(mentions[ev.from].tokens.clone()),
        );
        let rule = mentions[ev.from].rules.first().cloned();
        let m = &mut mentions[a];
        m.code = code;
        m.rules.extend(rule);
        tried.push((first.pattern, first.anchor, note));
    }
}

/// The role of a mention that is an agent with no country ("---REB" → "REB") and at home
/// where it acts.
fn bare_role(m: &Mention) -> Option<String> {
    if m.kind != MentionKind::Agent {
        return None;
    }
    let role = m.code.strip_prefix("---")?;
    AT_HOME.contains(&role.get(..3)?).then(|| role.to_string())
}

/// The country of agent `a` (with `role`) from the places and parties of its `events`.
fn evidence(
    doc: &Doc,
    range: Range<usize>,
    mentions: &[Mention],
    a: usize,
    role: &str,
    events: &[&Found],
) -> Option<Evidence> {
    let tree = crate::syntax::Tree::new(doc, range.clone());
    // Every country the sentence names besides the agent's own words.
    let named: Vec<&str> = mentions
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != a)
        .filter_map(|(_, m)| country_prefix(&m.code))
        .collect();
    let alone = |c: &str| named.iter().all(|n| *n == c);
    // Rule 1: places.
    let mut places: Vec<(usize, Tie)> = Vec::new();
    for (p, m) in mentions.iter().enumerate() {
        if p == a || !is_place(doc, range.start, m) {
            continue;
        }
        let prep = prep_before(doc, range.start, m.tokens.start);
        let target = events.iter().any(|f| f.target == Some(p) && f.source == a);
        let tie = match &tree {
            Some(t) => tie_in_tree(t, mentions, a, p, events, prep),
            // Without a parse, a place after a locative preposition anywhere in the sentence,
            // but only as weak evidence.
            None => prep
                .filter(|w| LOCATIVE.contains(w))
                .map(|_| (Tie::Other, false)),
        };
        let tie = match (tie, target) {
            (Some(t), _) => Some(t),
            (None, true) => Some((Tie::Other, false)),
            (None, false) => None,
        };
        // Hackers, smugglers and pirates strike from afar: only a place of their own
        // ("gangs in Lagos") says where they are.
        if role.starts_with("CRM") && tie != Some((Tie::Located, true)) {
            continue;
        }
        let tie = tie.map(|(t, _)| t);
        // A capital is also its government ("protesters denounced Moscow"): unless it is
        // where the agent acted, it is a place only in a physical act on it (roots 15-20:
        // "rebels shelled Juba").
        let physical = events.iter().any(|f| f.code.root >= "15");
        if m.kind == MentionKind::Capital && tie == Some(Tie::Other) && !physical {
            continue;
        }
        if let Some(t) = tie {
            places.push((p, t));
        }
    }
    let country_of = |p: usize| country_prefix(&mentions[p].code);
    let pick = |tie: Tie| -> Option<Option<(usize, &str)>> {
        let ps: Vec<(usize, &str)> = places
            .iter()
            .filter(|(_, t)| *t == tie)
            .filter_map(|&(p, _)| Some((p, country_of(p)?)))
            .collect();
        let first = *ps.first()?;
        // Two countries among the places: nothing says which.
        Some(ps.iter().all(|(_, c)| *c == first.1).then_some(first))
    };
    match pick(Tie::Located) {
        Some(Some((p, c))) => {
            return Some(Evidence {
                country: c.to_string(),
                from: p,
                why: "place",
            })
        }
        Some(None) => return None,
        None => {}
    }
    match pick(Tie::Other) {
        Some(Some((p, c))) if alone(c) => {
            return Some(Evidence {
                country: c.to_string(),
                from: p,
                why: "place",
            })
        }
        Some(_) => return None,
        None => {}
    }
    // Rule 2: a domestic institution as the other party.
    if !CHALLENGERS.iter().any(|r| role.starts_with(r)) {
        return None;
    }
    for f in events {
        let other = if f.source == a {
            f.target
        } else {
            Some(f.source)
        };
        let Some(o) = other else { continue };
        let code = &mentions[o].code;
        let Some(c) = country_prefix(code) else {
            continue;
        };
        let inst = code.get(3..6).is_some_and(|r| INSTITUTIONS.contains(&r));
        if inst && alone(c) && *code != format!("{c}{role}") {
            return Some(Evidence {
                country: c.to_string(),
                from: o,
                why: "other party",
            });
        }
    }
    None
}

/// Whether mention `m` names a place: a capital or a gazetteer place (coded as its country),
/// or a country after a locative preposition ("in Sudan").
fn is_place(doc: &Doc, start: usize, m: &Mention) -> bool {
    if m.code.len() != 3 || country_prefix(&m.code).is_none() {
        return false;
    }
    let gazetteer = m.kind == MentionKind::Name
        && m.rules
            .first()
            .is_some_and(|r| r.file.ends_with("places.txt"));
    let located_country = m.kind == MentionKind::Name
        && prep_before(doc, start, m.tokens.start).is_some_and(|w| LOCATIVE.contains(&w));
    m.kind == MentionKind::Capital || gazetteer || located_country
}

/// How place `p` is tied to agent `a` or to the anchor of one of its `events` in the parse:
/// walking up from the place's head word, at most six steps, without entering another clause.
/// Also whether the walk ended at the agent (a place of the agent, not only of its event).
fn tie_in_tree(
    tree: &crate::syntax::Tree<'_>,
    mentions: &[Mention],
    a: usize,
    p: usize,
    events: &[&Found],
    prep: Option<&str>,
) -> Option<(Tie, bool)> {
    let place = &mentions[p].tokens;
    let agent = &mentions[a].tokens;
    // The place's head word: the token whose head lies outside the mention.
    let head = place
        .clone()
        .find(|&t| tree.head(t).is_none_or(|h| !place.contains(&h)))?;
    let mut t = head;
    let mut last_verb: Option<usize> = None;
    for _ in 0..6 {
        if OTHER_CLAUSE.contains(&tree.rel(t)) {
            return None;
        }
        let h = tree.head(t)?;
        if tree.doc.upos.get(h).is_some_and(|u| u == "VERB") && last_verb.is_none() {
            last_verb = Some(h);
        }
        if agent.contains(&h) || events.iter().any(|f| f.anchor == h) {
            break;
        }
        t = h;
    }
    let h = tree.head(t)?;
    if !(agent.contains(&h) || events.iter().any(|f| f.anchor == h)) {
        return None;
    }
    // "fled to Kampala", "crossed into Uganda": the verb the destination depends on has the
    // agent as its subject (or is the event itself).
    if prep.is_some_and(|w| DIRECTIONAL.contains(&w)) {
        if let Some(v) = last_verb {
            let moves_agent = events.iter().any(|f| f.anchor == v)
                || tree
                    .children(v)
                    .iter()
                    .any(|c| tree.rel(*c).starts_with("nsubj") && agent.contains(c));
            if moves_agent {
                return None;
            }
        }
    }
    let tie = match prep {
        Some(w) if LOCATIVE.contains(&w) => Tie::Located,
        _ => Tie::Other,
    };
    Some((tie, agent.contains(&h)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::RuleRef;

    /// A one-sentence doc from space-separated tokens, with no parse.
    fn doc(s: &str) -> Doc {
        Doc::from_words(s)
    }

    /// Adds a parse: (head index or None, relation, upos) per token.
    fn parse(d: &mut Doc, arcs: &[(Option<usize>, &str, &str)]) {
        for (h, r, u) in arcs {
            d.head.push(*h);
            d.deprel.push(r.to_string());
            d.upos.push(u.to_string());
        }
        d.lemma = d.norm.clone();
    }

    fn mention(tokens: Range<usize>, code: &str, kind: MentionKind, file: &str) -> Mention {
        Mention {
            tokens,
            code: code.to_string(),
            kind,
            rules: vec![RuleRef::new(file.into(), 1)],
        }
    }

    fn event(source: usize, target: Option<usize>, anchor: usize) -> Found {
        Found {
            pattern: 0,
            anchor,
            hits: vec![anchor],
            source,
            target,
            modality: dyad_core::Modality::Asserted,
            speaker: None,
            code: crate::cameo::lookup("190").expect("code 190"),
            mood_rule: None,
            report: None,
            obligation: None,
        }
    }

    fn run(d: &Doc, mentions: &mut [Mention], found: &[Found]) -> Vec<String> {
        let mut tried = Vec::new();
        infer(d, 0..d.tokens.len(), mentions, found, &mut tried);
        mentions.iter().map(|m| m.code.clone()).collect()
    }

    const AGENTS: &str = "dicts/actors/agents.txt";
    const PLACES: &str = "dicts/actors/places.txt";
    const COUNTRIES: &str = "dicts/actors/countries.txt";

    #[test]
    fn target_place_gives_the_country() {
        // Rebels shelled Juba .
        let mut d = doc("Rebels shelled Juba .");
        parse(
            &mut d,
            &[
                (Some(1), "nsubj", "NOUN"),
                (None, "root", "VERB"),
                (Some(1), "obj", "PROPN"),
                (Some(1), "punct", "PUNCT"),
            ],
        );
        let mut m = vec![
            mention(0..1, "---REB", MentionKind::Agent, AGENTS),
            mention(2..3, "SSD", MentionKind::Capital, COUNTRIES),
        ];
        let mut tried = Vec::new();
        infer(&d, 0..4, &mut m, &[event(0, Some(1), 1)], &mut tried);
        assert_eq!(m[0].code, "SSDREB");
        assert_eq!(m[0].rules.len(), 2);
        assert!(
            tried[0].2.contains("country from place \"Juba\""),
            "{tried:?}"
        );
    }

    #[test]
    fn a_capital_as_the_target_of_words_is_its_government() {
        // Protesters denounced Moscow .
        let mut d = doc("Protesters denounced Moscow .");
        parse(
            &mut d,
            &[
                (Some(1), "nsubj", "NOUN"),
                (None, "root", "VERB"),
                (Some(1), "obj", "PROPN"),
                (Some(1), "punct", "PUNCT"),
            ],
        );
        let mut m = vec![
            mention(0..1, "---OPP", MentionKind::Agent, AGENTS),
            mention(2..3, "RUS", MentionKind::Capital, COUNTRIES),
        ];
        let mut f = event(0, Some(1), 1);
        f.code = crate::cameo::lookup("111").expect("code 111");
        assert_eq!(run(&d, &mut m, &[f])[0], "---OPP");
    }

    #[test]
    fn place_further_off_in_the_event() {
        // Guerrillas blew up lines leading into Kabul .
        let mut d = doc("Guerrillas blew up lines leading into Kabul .");
        parse(
            &mut d,
            &[
                (Some(1), "nsubj", "NOUN"),
                (None, "root", "VERB"),
                (Some(1), "compound:prt", "ADP"),
                (Some(1), "obj", "NOUN"),
                (Some(3), "acl", "VERB"),
                (Some(6), "case", "ADP"),
                (Some(4), "obl", "PROPN"),
                (Some(1), "punct", "PUNCT"),
            ],
        );
        let mut m = vec![
            mention(0..1, "---REB", MentionKind::Agent, AGENTS),
            mention(6..7, "AFG", MentionKind::Capital, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, None, 1)]), ["AFGREB", "AFG"]);
    }

    /// Militants attacked US troops in Kandahar: the place where they acted wins over the
    /// other country.
    fn troops_in_kandahar() -> Doc {
        let mut d = doc("Militants attacked US troops in Kandahar .");
        parse(
            &mut d,
            &[
                (Some(1), "nsubj", "NOUN"),
                (None, "root", "VERB"),
                (Some(3), "compound", "PROPN"),
                (Some(1), "obj", "NOUN"),
                (Some(5), "case", "ADP"),
                (Some(1), "obl", "PROPN"),
                (Some(1), "punct", "PUNCT"),
            ],
        );
        d
    }

    #[test]
    fn located_place_wins_over_another_country() {
        let d = troops_in_kandahar();
        let mut m = vec![
            mention(0..1, "---REB", MentionKind::Agent, AGENTS),
            mention(2..4, "USAMIL", MentionKind::Name, COUNTRIES),
            mention(5..6, "AFG", MentionKind::Name, PLACES),
        ];
        assert_eq!(
            run(&d, &mut m, &[event(0, Some(1), 1)]),
            ["AFGREB", "USAMIL", "AFG"]
        );
    }

    #[test]
    fn hackers_take_no_country_from_their_target() {
        let d = troops_in_kandahar();
        let mut m = vec![
            mention(0..1, "---CRM", MentionKind::Agent, AGENTS),
            mention(5..6, "AFG", MentionKind::Capital, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, Some(1), 1)])[0], "---CRM");
    }

    #[test]
    fn weak_place_with_another_country_is_left() {
        // Rebels shelled Juba , Ugandan officials said .
        let mut d = doc("Rebels shelled Juba , Ugandan officials said .");
        parse(
            &mut d,
            &[
                (Some(1), "nsubj", "NOUN"),
                (Some(6), "ccomp", "VERB"),
                (Some(1), "obj", "PROPN"),
                (Some(6), "punct", "PUNCT"),
                (Some(5), "amod", "ADJ"),
                (Some(6), "nsubj", "NOUN"),
                (None, "root", "VERB"),
                (Some(6), "punct", "PUNCT"),
            ],
        );
        let mut m = vec![
            mention(0..1, "---REB", MentionKind::Agent, AGENTS),
            mention(2..3, "SSD", MentionKind::Capital, COUNTRIES),
            mention(4..6, "UGAGOV", MentionKind::Adj, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, Some(1), 1)])[0], "---REB");
    }

    #[test]
    fn destination_is_not_home() {
        // Rebels fled to Kampala .
        let mut d = doc("Rebels fled to Kampala .");
        parse(
            &mut d,
            &[
                (Some(1), "nsubj", "NOUN"),
                (None, "root", "VERB"),
                (Some(3), "case", "ADP"),
                (Some(1), "obl", "PROPN"),
                (Some(1), "punct", "PUNCT"),
            ],
        );
        let mut m = vec![
            mention(0..1, "---REB", MentionKind::Agent, AGENTS),
            mention(3..4, "UGA", MentionKind::Capital, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, None, 1)])[0], "---REB");
    }

    #[test]
    fn two_located_places_in_two_countries_are_left() {
        let d = doc("Protesters marched in Kampala and in Nairobi .");
        let mut m = vec![
            mention(0..1, "---OPP", MentionKind::Agent, AGENTS),
            mention(3..4, "UGA", MentionKind::Capital, COUNTRIES),
            mention(6..7, "KEN", MentionKind::Capital, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, None, 1)])[0], "---OPP");
    }

    #[test]
    fn without_a_parse_a_located_place_of_the_only_country() {
        let d = doc("Protesters marched in Kirkuk on Sunday .");
        let mut m = vec![
            mention(0..1, "---OPP", MentionKind::Agent, AGENTS),
            mention(3..4, "IRQ", MentionKind::Name, PLACES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, None, 1)])[0], "IRQOPP");
    }

    #[test]
    fn domestic_institution_as_the_other_party() {
        let d = doc("Fundamentalists demanded the resignation of the Algerian President .");
        let mut m = vec![
            mention(0..1, "---RAD", MentionKind::Agent, AGENTS),
            mention(6..8, "DZAGOV", MentionKind::Adj, COUNTRIES),
        ];
        let mut tried = Vec::new();
        infer(&d, 0..9, &mut m, &[event(0, Some(1), 1)], &mut tried);
        assert_eq!(m[0].code, "DZARAD");
        assert!(tried[0].2.contains("other party"), "{tried:?}");
    }

    #[test]
    fn institution_with_another_country_named_is_left() {
        let d = doc("Fundamentalists denounced the Algerian President over France .");
        let mut m = vec![
            mention(0..1, "---RAD", MentionKind::Agent, AGENTS),
            mention(3..5, "DZAGOV", MentionKind::Adj, COUNTRIES),
            mention(6..7, "FRA", MentionKind::Name, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[event(0, Some(1), 1)])[0], "---RAD");
    }

    #[test]
    fn an_army_a_country_or_hackers_give_no_country() {
        let d = doc("Rebels attacked Sudanese troops .");
        for (agent, other) in [
            ("---REB", "SDNMIL"),
            ("---REB", "SDN"),
            ("---CRM", "DNKGOV"),
        ] {
            let mut m = vec![
                mention(0..1, agent, MentionKind::Agent, AGENTS),
                mention(2..4, other, MentionKind::Adj, COUNTRIES),
            ];
            assert_eq!(run(&d, &mut m, &[event(0, Some(1), 1)])[0], agent);
        }
    }

    #[test]
    fn agents_with_a_country_or_not_at_home_are_untouched() {
        let d = doc("Officials shelled Juba .");
        for (code, kind) in [
            ("---GOV", MentionKind::Agent),
            ("---MIL", MentionKind::Agent),
            ("KENREB", MentionKind::Agent),
            ("---GOV", MentionKind::Person),
        ] {
            let mut m = vec![
                mention(0..1, code, kind, AGENTS),
                mention(2..3, "SSD", MentionKind::Capital, COUNTRIES),
            ];
            assert_eq!(run(&d, &mut m, &[event(0, Some(1), 1)])[0], code);
        }
    }

    #[test]
    fn an_agent_in_no_event_is_untouched() {
        let d = doc("Rebels were seen in Juba .");
        let mut m = vec![
            mention(0..1, "---REB", MentionKind::Agent, AGENTS),
            mention(4..5, "SSD", MentionKind::Capital, COUNTRIES),
        ];
        assert_eq!(run(&d, &mut m, &[])[0], "---REB");
    }
}
