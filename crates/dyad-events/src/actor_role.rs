//! Codes that depend on who acts. CAMEO tells some acts apart by their actor rather than by
//! the verb, so a verb pattern alone cannot choose the code:
//!
//! - **Bombing.** A bomb set off by a non-state actor (rebels, insurgents, militants,
//!   terrorists, paramilitaries, criminals, a named armed group: `---REB`, `PSEREBHMS`,
//!   `IMGMUSALQ`) is 183, "conduct suicide, car, or other non-military bombing" (1831 suicide,
//!   1832 car, 1833 roadside); "bombed" by a state's forces is an air raid, 195, or force not
//!   specified, 190. So "rebels bombed a police station" is 183, not the 195 of the bare
//!   "bombed" pattern, and "militants killed 12 in a bombing" is 183, not 190.
//! - **Suicide attacks.** "A suicide bomber", "a suicide attack" is 1831 whoever sent it, also
//!   when the actor phrase swallowed the weapon noun ("a Taliban suicide bomber killed 12
//!   soldiers": the actor is "Taliban suicide bomber", the verb "killed", 190).
//! - **Taking people.** Capturing or seizing people is, for a non-state actor, abduction or
//!   hostage-taking, 181 ("guerrillas captured two soldiers"); for a state (government,
//!   army, police, intelligence, courts, or a country named alone) it is an arrest or
//!   detention, 173 ("police seized two journalists").
//!
//! The rule runs after a pattern has chosen its code and the source is known (see
//! [`shift`]); `dyad explain` shows the change as a line of its own.

use crate::cameo::{lookup, CodeInfo};
use dyad_core::actor_code::sector;
use dyad_core::Mention;

/// Sectors of armed groups that are not a state's (CAMEO's REB, INS, TER, SEP; UAF for
/// militias and gunmen).
const ARMED: &[&str] = &["REB", "INS", "TER", "SEP", "UAF"];

/// Sectors of violent actors that are not a state's: the armed groups of [`ARMED`], and RAD
/// radicals and CRM criminals.
fn non_state(sector: &str) -> bool {
    ARMED.contains(&sector) || matches!(sector, "RAD" | "CRM")
}

/// Whether a non-state actor is an armed group (not criminals or radicals, whom a "capture"
/// or "arrest" pattern names when they are the ones taken: "after his arrest").
fn armed(code: &str) -> bool {
    code.starts_with("IMG") || sector(code).is_some_and(|s| ARMED.contains(&s))
}

/// Sectors of a state: government, armed forces, police, intelligence, courts.
const STATE: &[&str] = &["GOV", "MIL", "COP", "SPY", "JUD"];

/// Who an actor code says acts: a non-state armed group, a state, or neither (civilians,
/// organisations, parties).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    NonState,
    State,
    Other,
}

/// The side of an actor code: its first sector after the country decides ("PSEREBHMS" is
/// REB; "RUSGOVMIL" is GOV); a plain country code ("RUS") is a state; an international
/// militarised group (`IMG…`, al-Qaeda, the Islamic State) is non-state.
pub(crate) fn side(code: &str) -> Side {
    if code.starts_with("IMG") {
        return Side::NonState;
    }
    if dyad_core::actor_code::is_country_code(code) {
        return Side::State;
    }
    let Some(first) = sector(code) else {
        return Side::Other;
    };
    if non_state(first) {
        Side::NonState
    } else if STATE.contains(&first) && dyad_core::actor_code::country_prefix(code).is_some() {
        Side::State
    } else {
        Side::Other
    }
}

/// The kind of bombing a word before a bomb or attack noun names: "suicide" 1831, "car",
/// "truck" 1832, "roadside" 1833.
fn bombing_kind(word: &str) -> Option<&'static str> {
    match word {
        "suicide" => Some("1831"),
        "car" | "truck" | "lorry" | "vehicle" | "car-bomb" => Some("1832"),
        "roadside" => Some("1833"),
        _ => None,
    }
}

/// Nouns that a kind word ("suicide", "car", "roadside") turns into a bombing.
fn is_bomb_noun(word: &str) -> bool {
    matches!(
        word,
        "bomb"
            | "bombs"
            | "bomber"
            | "bombers"
            | "bombing"
            | "bombings"
            | "attack"
            | "attacks"
            | "attacker"
            | "attackers"
            | "blast"
            | "blasts"
            | "explosion"
            | "explosions"
    )
}

/// The bombing kind named right before a bomb noun among `tokens`: "a Taliban suicide bomber"
/// (1831), "a car bomb attack" (1832).
fn kind_in(norm: &[String], tokens: impl Iterator<Item = usize>) -> Option<&'static str> {
    tokens
        .filter(|&k| k > 0 && is_bomb_noun(&norm[k]))
        .find_map(|k| bombing_kind(&norm[k - 1]))
}

/// Whether one of the event's words is a bomb (not "attack": "rebels attacked" is force;
/// nor "bombard", shelling by guns, ships or aircraft, 190).
fn bombing_word(norm: &[String], anchor: usize, hits: &[usize]) -> bool {
    std::iter::once(anchor)
        .chain(hits.iter().copied())
        .any(|k| norm[k].starts_with("bomb") && !norm[k].starts_with("bombard"))
}

/// Verbs of taking people (not of kidnapping or hostage-taking, which are 181 whoever does
/// them, nor of charging, which only a state does).
const TAKING: &[&str] = &[
    "capture",
    "seize",
    "grab",
    "snatch",
    "detain",
    "arrest",
    "apprehend",
    "nab",
    "take",
    "hold",
];

/// The code an event takes from its source's side, and why, when it is not the pattern's:
/// see the module documentation. `norm` and `lemma` are the document's words, `anchor` the
/// pattern's anchor, `hits` its other words, `code` the code chosen so far, `target` the
/// event's target, `upos` the words' parts of speech (a noun anchor, "after his arrest",
/// names no taker).
#[allow(clippy::too_many_arguments)]
pub(crate) fn shift(
    code: &'static CodeInfo,
    source: &Mention,
    target: Option<&Mention>,
    norm: &[String],
    lemma: &[String],
    upos: &[String],
    anchor: usize,
    hits: &[usize],
) -> Option<(&'static CodeInfo, &'static str)> {
    let side = side(&source.code);
    let verb = upos.get(anchor).is_some_and(|u| u == "VERB");
    let lemma_at = |k: usize| lemma.get(k).map_or("", |l| l.as_str()).to_lowercase();
    let event_words = || std::iter::once(anchor).chain(hits.iter().copied());
    let shifted = |to: &str, why: &'static str| lookup(to).map(|c| (c, why));
    match code.code {
        // Force whose actor or words name a suicide, car or roadside bombing.
        "180" | "183" | "190" | "193" | "195" => {
            let kind = kind_in(norm, source.tokens.clone()).or_else(|| kind_in(norm, event_words()));
            if let Some(k) = kind.filter(|k| *k != code.code) {
                return shifted(
                    k,
                    "a suicide, car or roadside bombing (the actor or the event names it): 183x whoever acts",
                );
            }
            let bomb = bombing_word(norm, anchor, hits);
            if side == Side::NonState && code.code != "183" && bomb {
                return shifted(
                    "183",
                    "a bombing by a non-state actor is non-military bombing (183), not an air raid or military force",
                );
            }
            None
        }
        // Taking people.
        "173"
            if side == Side::NonState
                && armed(&source.code)
                && verb
                && TAKING.contains(&lemma_at(anchor).as_str()) =>
        {
            shifted(
            "181",
                "people taken by a non-state armed actor are abducted or held hostage (181), not arrested",
            )
        }
        "181"
            if side == Side::State
                && matches!(lemma_at(anchor).as_str(), "seize" | "capture" | "grab" | "snatch")
                && !event_words().any(|k| norm[k].starts_with("hostage")) =>
        {
            shifted(
                "173",
                "people seized by a state (government, forces, police) are arrested or detained (173), not abducted",
            )
        }
        // "Ukrainian forces captured a Russian general": the bare "+capture" of territory
        // (192) with people as its object takes people: an arrest by a state, an abduction
        // by an armed group.
        "192"
            if verb
                && hits.iter().all(|h| *h == anchor)
                && matches!(lemma_at(anchor).as_str(), "capture" | "seize")
                && target.is_some_and(|t| people(t, upos)) =>
        {
            match side {
                Side::State => shifted(
                    "173",
                    "people captured by a state's forces are detained (173), not territory occupied",
                ),
                Side::NonState if armed(&source.code) => shifted(
                    "181",
                    "people captured by a non-state armed actor are abducted (181), not territory occupied",
                ),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Sectors whose agents are people one can capture (fighters, police, spies, civilians,
/// criminals, journalists, refugees), not buildings or bodies ("the mosque", REL; "the
/// ministry", GOV).
const CAPTIVES: &[&str] = &[
    "MIL", "REB", "INS", "UAF", "SEP", "TER", "COP", "SPY", "CVL", "CRM", "MED", "REF",
];

/// Whether an actor mention names people ("50 rebels", "a Russian general"), not a place
/// ("Bakhmut": a bare country code) nor the modifier of a place ("the rebel town": a noun
/// follows it).
fn people(m: &Mention, upos: &[String]) -> bool {
    (m.code.starts_with("IMG") || sector(&m.code).is_some_and(|s| CAPTIVES.contains(&s)))
        && !upos
            .get(m.tokens.end)
            .is_some_and(|u| u == "NOUN" || u == "PROPN")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::MentionKind;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    /// Parts of speech: the anchor `verb` a verb, the rest nouns.
    fn tags(n: usize, verb: Option<usize>) -> Vec<String> {
        (0..n)
            .map(|k| if Some(k) == verb { "VERB" } else { "NOUN" }.to_string())
            .collect()
    }

    fn mention(tokens: std::ops::Range<usize>, code: &str) -> Mention {
        Mention {
            tokens,
            code: code.to_string(),
            kind: MentionKind::Agent,
            rules: Vec::new(),
        }
    }

    fn code(c: &str) -> &'static CodeInfo {
        lookup(c).expect("a CAMEO code")
    }

    #[test]
    fn sides_of_codes() {
        assert_eq!(side("---REB"), Side::NonState);
        assert_eq!(side("PSEREBHMS"), Side::NonState);
        assert_eq!(side("IMGMUSALQ"), Side::NonState);
        assert_eq!(side("RUSMIL"), Side::State);
        assert_eq!(side("RUSGOVMIL"), Side::State);
        assert_eq!(side("RUS"), Side::State);
        assert_eq!(side("---MIL"), Side::Other);
        assert_eq!(side("FRAMED"), Side::Other);
        assert_eq!(side("IGOUNO"), Side::Other);
    }

    #[test]
    fn bombing_by_rebels_is_not_an_air_raid() {
        let n = words("rebels bombed a police station");
        let got = shift(
            code("195"),
            &mention(0..1, "---REB"),
            None,
            &n,
            &n,
            &tags(n.len(), Some(1)),
            1,
            &[],
        );
        assert_eq!(got.map(|g| g.0.code), Some("183"));
        let n = words("russian jets bombed aleppo");
        let got = shift(
            code("195"),
            &mention(0..1, "RUS"),
            None,
            &n,
            &n,
            &tags(n.len(), Some(2)),
            2,
            &[],
        );
        assert!(got.is_none());
        // "bombarded" is shelling, not a bomb.
        let n = words("insurgents bombarded the city");
        assert!(shift(
            code("190"),
            &mention(0..1, "---REB"),
            None,
            &n,
            &n,
            &tags(n.len(), Some(1)),
            1,
            &[]
        )
        .is_none());
    }

    #[test]
    fn a_suicide_bomber_in_the_actor_phrase() {
        let n = words("a taliban suicide bomber killed 12 soldiers");
        let got = shift(
            code("190"),
            &mention(1..4, "AFGREB"),
            None,
            &n,
            &n,
            &tags(n.len(), Some(4)),
            4,
            &[],
        );
        assert_eq!(got.map(|g| g.0.code), Some("1831"));
        // A plain killing by rebels stays force.
        let n = words("rebels killed 12 soldiers");
        assert!(shift(
            code("190"),
            &mention(0..1, "---REB"),
            None,
            &n,
            &n,
            &tags(n.len(), Some(1)),
            1,
            &[]
        )
        .is_none());
    }

    #[test]
    fn captured_people_are_no_territory() {
        let n = words("ukrainian forces captured a russian general");
        let l = words("ukrainian force capture a russian general");
        let t = tags(n.len(), Some(2));
        let general = mention(4..6, "RUSMIL");
        let got = shift(
            code("192"),
            &mention(0..2, "UKRMIL"),
            Some(&general),
            &n,
            &l,
            &t,
            2,
            &[],
        );
        assert_eq!(got.map(|g| g.0.code), Some("173"));
        // A town is territory.
        let town = mention(4..6, "RUS");
        assert!(shift(
            code("192"),
            &mention(0..2, "UKRMIL"),
            Some(&town),
            &n,
            &l,
            &t,
            2,
            &[]
        )
        .is_none());
    }

    #[test]
    fn taking_people_depends_on_who_takes() {
        let n = words("guerrillas captured two soldiers");
        let l = words("guerrilla capture two soldier");
        let got = shift(
            code("173"),
            &mention(0..1, "---REB"),
            None,
            &n,
            &l,
            &tags(n.len(), Some(1)),
            1,
            &[3],
        );
        assert_eq!(got.map(|g| g.0.code), Some("181"));
        // Not a noun ("after his arrest"), nor criminals.
        assert!(shift(
            code("173"),
            &mention(0..1, "---REB"),
            None,
            &n,
            &l,
            &tags(n.len(), None),
            1,
            &[3]
        )
        .is_none());
        assert!(shift(
            code("173"),
            &mention(0..1, "USACRM"),
            None,
            &n,
            &l,
            &tags(n.len(), Some(1)),
            1,
            &[3]
        )
        .is_none());
        let n = words("police seized two journalists");
        let l = words("police seize two journalist");
        let got = shift(
            code("181"),
            &mention(0..1, "FRACOP"),
            None,
            &n,
            &l,
            &tags(n.len(), Some(1)),
            1,
            &[3],
        );
        assert_eq!(got.map(|g| g.0.code), Some("173"));
        // Hostages stay hostages.
        let n = words("soldiers seized hostages");
        let l = words("soldier seize hostage");
        assert!(shift(
            code("181"),
            &mention(0..1, "IRQMIL"),
            None,
            &n,
            &l,
            &tags(n.len(), Some(1)),
            1,
            &[2]
        )
        .is_none());
    }
}
