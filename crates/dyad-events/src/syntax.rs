//! Event roles from the dependency parse: the source is the verb's subject (the `by` agent of
//! a passive; the controller of an infinitive; the shared subject of a coordinated verb; the
//! head noun of a relative clause), the target its object or the object of one of the
//! pattern's prepositions. Conjoined actors give one event each; pronoun subjects are resolved
//! to the most recent compatible actor; modality comes from auxiliaries, negation and
//! conditional markers; attribution from a reporting verb that governs the event.

use dyad_core::actor_code::{country_prefix, is_country_code};
use dyad_core::{Doc, Mention, MentionKind, Modality};
use std::ops::Range;

/// Lemmas of verbs that report speech or writing.
const REPORTING: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "claim",
    "insist",
    "note",
    "stress",
    "write",
    "declare",
    "argue",
    "explain",
    "assert",
    "report",
    "quote",
    "confirm",
    "reiterate",
    "tweet",
    "remark",
    "recall",
    "acknowledge",
    "allege",
    "complain",
    "emphasize",
    "emphasise",
    "suggest",
    "believe",
    "think",
    "hope",
    "fear",
    "warn",
];

/// Verbs and nouns whose "that" clause is an act someone says did not happen ("denied that
/// it had attacked", "dismissed reports that it had sent troops", "rejected claims that …"):
/// the act is negated, and the denial is the event (016).
const DENYING: &[&str] = &["deny", "dismiss", "refute", "reject", "rebut", "disprove"];

/// Verbs that say an act took place and leave what it was to their object noun ("staged a
/// protest", "launched an offensive", "carried out raids", "waged war"): the noun's act is the
/// subject's.
const LIGHT_VERBS: &[&str] = &[
    "stage",
    "launch",
    "carry",
    "conduct",
    "mount",
    "wage",
    "unleash",
    "hold",
    "begin",
    "start",
    "resume",
    "continue",
    "intensify",
    "escalate",
    "step",
    "undertake",
    "commit",
    "perpetrate",
    "make",
    "fire",
    "open",
];

/// Roots whose verb takes an infinitive naming the act offered, yielded, refused, threatened,
/// demanded or asked for (02 appeal, 03 intent, 08 yield, 10 demand, 12 reject, 13 threaten):
/// an actor in that act's predicate is the event's target when nothing nearer is.
const INFINITIVE_ROOTS: &[&str] = &["02", "03", "08", "10", "12", "13"];

/// Verbs of accusing, with the word that introduces the act they charge someone with
/// ("accused Moscow of deploying", "blamed Kyiv for shelling", "charged him with spying").
const ACCUSING: &[(&str, &str)] = &[
    ("accuse", "of"),
    ("suspect", "of"),
    ("convict", "of"),
    ("blame", "for"),
    ("charge", "with"),
    ("indict", "for"),
];

/// Verbs and nouns whose "that" clause says what someone must or should do, not what was
/// done ("demanded that Serbia withdraw", "its demand that Israel lift the blockade", "urged
/// that Iran free the sailors"): the first set as a demand, the second as an appeal. Not
/// "call": "called the withdrawal a mistake" names, and its clause is often a misparse.
const MANDATIVE_MUST: &[&str] = &[
    "demand",
    "insist",
    "order",
    "require",
    "command",
    "ultimatum",
];
const MANDATIVE_SHOULD: &[&str] = &[
    "urge",
    "ask",
    "request",
    "propose",
    "suggest",
    "recommend",
    "appeal",
    "plead",
    "petition",
    "press",
    "proposal",
    "suggestion",
    "recommendation",
];

/// Lemmas of verbs whose infinitive complement is intended, not done ("plans to visit").
const INTENT: &[&str] = &[
    "plan", "intend", "want", "wish", "hope", "expect", "aim", "seek", "try", "prepare", "promise",
    "pledge", "vow", "threaten", "decide", "agree", "offer", "propose", "be", "go", "schedule",
    "set", "ready", "willing", "refuse", "need", "attempt", "consider",
];

/// Lemmas that are not used in the passive: a participle of one of these after a noun is a
/// misparsed main verb ("Thousands of Iraqi Kurds demonstrated in Kirkuk"), not a passive.
const INTRANSITIVE: &[&str] = &[
    "demonstrate",
    "rally",
    "march",
    "riot",
    "clash",
    "gather",
    "arrive",
    "protest",
];

const HYPOTHETICAL_AUX: &[&str] = &[
    "would", "could", "might", "may", "should", "can", "must", "ought",
];
const FUTURE_AUX: &[&str] = &["will", "shall", "'ll"];
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor"];
/// Prepositions of place and time: their objects are where or when, not whom ("at" is not
/// here: "fired at Russia").
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "within",
    "during",
];

/// Lemmas of nouns that name a violent act or its means: as the subject of a verb of force
/// ("a car bomb killed …", "Israeli shelling wounded …") they say how it was done, not who
/// did it.
const VIOLENT_NOUNS: &[&str] = &[
    "bomb",
    "bombing",
    "blast",
    "explosion",
    "explosive",
    "device",
    "ied",
    "shelling",
    "shell",
    "strike",
    "airstrike",
    "air-strike",
    "attack",
    "raid",
    "rocket",
    "missile",
    "mortar",
    "fire",
    "gunfire",
    "barrage",
    "bombardment",
    "ambush",
    "grenade",
    "mine",
    "landmine",
    "drone",
    "artillery",
    "assault",
    "offensive",
];

/// Lemmas of nouns that name the means of an act of force, not its actor: "warplanes
/// operated by the coalition bombed …", "troops sent by Turkey killed …". With a participle
/// naming who used them (see [`participle_agent`]) they say who acted.
const MEANS_NOUNS: &[&str] = &[
    "jet",
    "warplane",
    "aircraft",
    "plane",
    "helicopter",
    "gunship",
    "tank",
    "warship",
    "submarine",
    "troop",
    "troops",
    "soldier",
    "gunman",
    "sniper",
];

/// Participles whose `by` agent used the weapon or did the attack they modify: "missiles
/// fired by the Israeli military", "an attack carried out by Hamas", "shells lobbed by Serb
/// forces". Not one that only judges or reports it ("an attack condemned by Russia"), nor
/// one that backs its user ("militias backed by Iran": the militias act).
const WIELDING: &[&str] = &[
    "fire",
    "launch",
    "shoot",
    "drop",
    "plant",
    "detonate",
    "lob",
    "throw",
    "carry",
    "conduct",
    "mount",
    "stage",
    "fly",
    "pilot",
    "operate",
    "deploy",
    "send",
    "dispatch",
    "use",
    "perpetrate",
    "commit",
    "unleash",
    "wage",
    "order",
];

/// Lemmas of nouns that name a text: as the subject of a verb ("a statement from the Kremlin
/// accused Kyiv", "a report that calls on Israel to …") its author is the one who acts.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "report",
    "letter",
    "communique",
    "communiqué",
    "declaration",
    "memo",
    "memorandum",
    "message",
    "document",
    "decree",
    "study",
    "editorial",
    "notice",
    "note",
];

/// Verbs by which an actor puts out a text ("issued a report", "a statement released by …").
const PUBLISHING: &[&str] = &[
    "issue",
    "release",
    "publish",
    "send",
    "write",
    "sign",
    "present",
    "submit",
    "deliver",
    "unveil",
    "produce",
    "circulate",
    "post",
    "file",
    "compile",
    "prepare",
    "put",
];

/// The actor named as the `by` agent of a past participle of one of `verbs` that modifies the
/// noun `n` ("missiles fired by the Israeli military", "a report released by Amnesty").
fn participle_agent(
    tree: &Tree<'_>,
    mentions: &[Mention],
    n: usize,
    verbs: &[&str],
) -> Option<usize> {
    tree.children(n)
        .iter()
        .copied()
        .filter(|c| {
            tree.rel(*c) == "acl"
                && tree.doc.xpos.get(*c).is_some_and(|x| x == "VBN")
                && verbs.contains(&tree.lemma(*c))
        })
        .find_map(|c| {
            tree.children(c)
                .iter()
                .copied()
                .find(|k| {
                    tree.rel(*k) == "obl:agent"
                        || (tree.base_rel(*k) == "obl" && tree.case_of(*k).as_deref() == Some("by"))
                })
                .and_then(|a| np_actors(tree, mentions, a).first().copied())
        })
}

/// The author of the text the noun `n` names (see [`DOCUMENT_NOUNS`]), when its phrase names
/// none: the agent of a participle ("a report released by Amnesty"), or the subject of the verb
/// that put it out ("the committee issued a report that calls on …").
fn document_author(tree: &Tree<'_>, mentions: &[Mention], n: usize) -> Option<usize> {
    if !DOCUMENT_NOUNS.contains(&tree.lemma(n).to_lowercase().as_str()) {
        return None;
    }
    participle_agent(tree, mentions, n, PUBLISHING).or_else(|| {
        let h = tree.head(n)?;
        if tree.base_rel(n) != "obj" || !PUBLISHING.contains(&tree.lemma(h)) {
            return None;
        }
        let s = tree.child_with(h, &["nsubj"])?;
        np_actors(tree, mentions, s).first().copied()
    })
}

/// Whether token `t` is one of [`VIOLENT_NOUNS`].
fn is_violent_noun(tree: &Tree<'_>, t: usize) -> bool {
    VIOLENT_NOUNS.contains(&tree.lemma(t).to_lowercase().as_str())
}

/// Nouns of "in NOUN of/to/at/against X" adjuncts that name whom an act answers or opposes:
/// "blocked streets in defiance of Chinese authorities", "struck in retaliation for Hamas
/// rocket fire", "rallied in protest at the Serbian law".
const STANCE_NOUNS: &[&str] = &[
    "protest",
    "defiance",
    "retaliation",
    "response",
    "reprisal",
    "revenge",
    "opposition",
    "solidarity",
    "support",
];

/// Prepositions whose object contains what they modify: "a village in Chechnya" (Russia),
/// not "a village near the border".
const CONTAINING: &[&str] = &["in", "inside", "within", "at", "across", "throughout"];

/// Dependency tree views over one sentence.
pub struct Tree<'a> {
    pub doc: &'a Doc,
    pub range: Range<usize>,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// `None` when the document has no parse.
    pub fn new(doc: &'a Doc, range: Range<usize>) -> Option<Tree<'a>> {
        if doc.head.len() != doc.tokens.len()
            || doc.deprel.len() != doc.tokens.len()
            || doc.lemma.len() != doc.tokens.len()
        {
            return None;
        }
        let mut children = vec![Vec::new(); range.len()];
        for t in range.clone() {
            if let Some(h) = doc.head[t] {
                if range.contains(&h) {
                    children[h - range.start].push(t);
                }
            }
        }
        Some(Tree {
            doc,
            range,
            children,
        })
    }

    pub fn children(&self, t: usize) -> &[usize] {
        &self.children[t - self.range.start]
    }

    pub fn rel(&self, t: usize) -> &str {
        &self.doc.deprel[t]
    }

    /// The universal part of the relation of `t` ("nmod" of "nmod:poss").
    pub(crate) fn base_rel(&self, t: usize) -> &str {
        let r = self.rel(t);
        r.split(':').next().unwrap_or(r)
    }

    pub fn lemma(&self, t: usize) -> &str {
        &self.doc.lemma[t]
    }

    pub fn head(&self, t: usize) -> Option<usize> {
        self.doc.head[t].filter(|h| self.range.contains(h))
    }

    fn child_with(&self, t: usize, rels: &[&str]) -> Option<usize> {
        self.children(t)
            .iter()
            .copied()
            .find(|c| rels.contains(&self.rel(*c)))
    }

    /// The preposition (case marker) of a nominal.
    pub(crate) fn case_of(&self, t: usize) -> Option<String> {
        self.children(t)
            .iter()
            .find(|c| self.base_rel(**c) == "case")
            .map(|c| self.doc.norm[*c].clone())
    }

    /// Whether `t` is a prepositional phrase (`obl` or `nmod`) headed by one of `preps`.
    pub(crate) fn is_phrase_of(&self, t: usize, preps: &[&str]) -> bool {
        matches!(self.base_rel(t), "obl" | "nmod")
            && self.case_of(t).is_some_and(|p| preps.contains(&p.as_str()))
    }

    /// `t` and the tokens it dominates.
    pub fn subtree(&self, t: usize) -> Vec<usize> {
        let mut out = vec![t];
        let mut k = 0;
        while k < out.len() {
            let n = out[k];
            out.extend_from_slice(self.children(n));
            k += 1;
            if out.len() > self.range.len() {
                break;
            }
        }
        out
    }
}

/// The preposition right before token `at` (across "the"), within the sentence from `start`.
pub(crate) fn prep_before(doc: &Doc, start: usize, at: usize) -> Option<&str> {
    let mut k = at.checked_sub(1).filter(|k| *k >= start)?;
    if doc.norm[k] == "the" {
        k = k.checked_sub(1).filter(|k| *k >= start)?;
    }
    Some(doc.norm[k].as_str())
}

/// The mention that covers token `t`.
pub(crate) fn mention_at(mentions: &[Mention], t: usize) -> Option<usize> {
    mentions
        .iter()
        .position(|m| m.tokens.start <= t && t < m.tokens.end)
}

/// Actors named by the noun phrase headed by `t`: the mention covering it, else one inside
/// its modifiers ("officials of Russia", "the envoy of the Kremlin"); plus its conjuncts.
pub(crate) fn np_actors(tree: &Tree<'_>, mentions: &[Mention], t: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut heads = vec![t];
    for c in tree.children(t) {
        if tree.base_rel(*c) == "conj" {
            heads.push(*c);
        }
    }
    for h in heads {
        let m = mention_at(mentions, h).or_else(|| {
            let mods: Vec<usize> = tree
                .children(h)
                .iter()
                .filter(|c| {
                    matches!(
                        tree.base_rel(**c),
                        "nmod" | "compound" | "amod" | "appos" | "flat"
                    )
                })
                .filter(|c| {
                    tree.case_of(**c)
                        .is_none_or(|p| !LOCATIVE.contains(&p.as_str()))
                })
                // "Turkish and Greek": the parse hangs the second on the first. "Islamic State
                // group jihadists", "a Copenhagen City Court judge": a name inside a compound
                // modifier of a common noun (only a chain of compounds: "an American-supported
                // government", "a member of the Syria Solidarity Movement" are not the
                // country's; nor is a proper name, "the Hong Kong Democracy Act").
                .flat_map(|c| {
                    let compound = tree.base_rel(*c) == "compound" && tree.doc.upos[h] == "NOUN";
                    std::iter::once(*c).chain(tree.children(*c).iter().copied().filter(move |k| {
                        tree.base_rel(*k) == "conj"
                            || (compound
                                && tree.base_rel(*k) == "compound"
                                && tree.doc.upos[*k] == "PROPN")
                    }))
                })
                .filter_map(|c| mention_at(mentions, c))
                .collect();
            // "the Turkish and Greek sides": of the actors coordinated before the head, the
            // last, so that `partners` finds the ones before it.
            let before_head = mods
                .iter()
                .copied()
                .filter(|m| mentions[*m].tokens.end <= h)
                .max_by_key(|m| mentions[*m].tokens.end);
            match before_head {
                Some(b) if !crate::pairs::partners(tree, mentions, h, b).is_empty() => Some(b),
                _ => mods.first().copied(),
            }
        });
        // "the two presidents": one phrase that names two actors (see the actor stage).
        if let Some(m) = m {
            for (j, x) in mentions.iter().enumerate() {
                if j != m && x.tokens == mentions[m].tokens && !out.contains(&j) {
                    out.push(j);
                }
            }
        }
        // "Israeli and Palestinian negotiators": coordinated adjectives before the head.
        if let Some(m) = m {
            for p in crate::pairs::partners(tree, mentions, h, m)
                .into_iter()
                .chain([m])
            {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// A preposition whose object is where something happened: the place and time prepositions
/// of [`LOCATIVE`], and "at" ("a mall at the border"), which `LOCATIVE` leaves out because it
/// also names whom ("fired at Russia"); here it only picks a place after other roles failed.
fn is_place_prep(p: &str) -> bool {
    p == "at" || LOCATIVE.contains(&p)
}

/// The first actor (in token order) in the noun phrase headed by `t`, looking through its
/// nominal modifiers at any depth: "Israeli tank shelling" (ISR), "the east of the Gaza
/// Strip" (PSE), "an upscale mall in Kenya's capital" (KEN). Clauses inside it are not
/// looked into.
fn phrase_actor(tree: &Tree<'_>, mentions: &[Mention], t: usize) -> Option<usize> {
    let mut nodes = vec![t];
    let mut k = 0;
    while k < nodes.len() && nodes.len() <= tree.range.len() {
        let n = nodes[k];
        k += 1;
        for c in tree.children(n) {
            if matches!(
                tree.base_rel(*c),
                "nmod" | "compound" | "amod" | "flat" | "appos"
            ) {
                nodes.push(*c);
            }
        }
    }
    nodes.sort_unstable();
    nodes.into_iter().find_map(|n| mention_at(mentions, n))
}

/// The actor of the place where the event at `v` happened: the first locative phrase
/// ("in Ukraine", "at a mall in Kenya's capital", "in Israeli tank shelling") among the
/// verb's adjuncts, or those of a participle that elaborates it ("an attack targeting
/// non-Muslims at a mall").
/// Tokens in `skip_tokens` and actors in `skip` are passed over.
fn place_of(
    tree: &Tree<'_>,
    mentions: &[Mention],
    v: usize,
    skip_tokens: &[usize],
    skip: &[usize],
) -> Option<usize> {
    let mut stack: Vec<usize> = tree.children(v).iter().rev().copied().collect();
    let mut inner: Vec<usize> = Vec::new();
    while let Some(c) = stack.pop() {
        if skip_tokens.contains(&c) {
            continue;
        }
        match tree.base_rel(c) {
            "obl" | "nmod" if tree.case_of(c).is_some_and(|p| is_place_prep(&p)) => {
                if let Some(m) = phrase_actor(tree, mentions, c).filter(|m| !skip.contains(m)) {
                    return Some(m);
                }
            }
            "advcl" | "acl" if tree.doc.xpos[c] == "VBG" => {
                stack.extend(tree.children(c).iter().rev().copied());
            }
            // "threatened to resume attacks in Israel", "killed 23 people when they blew
            // themselves up in Tel Aviv": the act the verb's infinitive or "when" clause
            // names happens where it does (and its object's place is its own).
            "xcomp" | "advcl" if tree.head(c) == Some(v) && act_clause(tree, c) => {
                inner.push(c);
                stack.extend(tree.children(c).iter().rev().copied());
            }
            "obj" if tree.head(c).is_some_and(|h| inner.contains(&h)) => {
                stack.extend(
                    tree.children(c)
                        .iter()
                        .rev()
                        .copied()
                        .filter(|k| tree.base_rel(*k) == "nmod"),
                );
            }
            // "claiming responsibility for an attack … in Kenya": the place of the event
            // the adjunct names.
            "obl" if tree.head(c) == Some(v) => {
                stack.extend(
                    tree.children(c)
                        .iter()
                        .rev()
                        .copied()
                        .filter(|k| matches!(tree.base_rel(*k), "nmod" | "acl")),
                );
            }
            _ => {}
        }
    }
    None
}

/// Acts only a state performs, by the lemma of the verb, with the state's sector that
/// performs them: arrests and detention by the police (COP: CAMEO's sector for law
/// enforcement, the police who make arrests); charges, trials, sentences and prison terms by
/// the courts and prosecutors (JUD); expulsion, deportation, extradition, bans, fines,
/// investigations and executions by the government (GOV: the executive orders them, and
/// which of its agencies acted is not said).
const STATE_ACTS: &[(&str, &str)] = &[
    ("arrest", "COP"),
    ("detain", "COP"),
    ("apprehend", "COP"),
    ("nab", "COP"),
    ("take", "COP"),
    ("hold", "COP"),
    ("indict", "JUD"),
    ("charge", "JUD"),
    ("prosecute", "JUD"),
    ("try", "JUD"),
    ("sentence", "JUD"),
    ("convict", "JUD"),
    ("jail", "JUD"),
    ("imprison", "JUD"),
    ("expel", "GOV"),
    ("deport", "GOV"),
    ("extradite", "GOV"),
    ("exile", "GOV"),
    ("banish", "GOV"),
    ("ban", "GOV"),
    ("outlaw", "GOV"),
    ("fine", "GOV"),
    ("execute", "GOV"),
    ("strip", "GOV"),
    ("investigate", "GOV"),
    ("probe", "GOV"),
    ("place", "GOV"),
    ("put", "GOV"),
];

/// Words of places that another power than the country of their code holds or contests
/// (Crimea and the Donbas, coded UKR; Abkhazia, GEO; …): there the place does not say which
/// state made the arrest, so [`state_act_source`] takes no source from them. The Palestinian
/// territories (PSE) are left out as a whole for the same reason: arrests there are made by
/// Israel, the Palestinian Authority or Hamas.
const HELD_ELSEWHERE: &[&str] = &[
    "crimea",
    "crimean",
    "sevastopol",
    "donetsk",
    "luhansk",
    "lugansk",
    "donbas",
    "donbass",
    "abkhazia",
    "ossetia",
    "transnistria",
    "karabakh",
    "golan",
    "sahara",
];

/// Verbs of sending away, whose "from" phrase names the state that sends: "was expelled from
/// Russia".
const SENDING_AWAY: &[&str] = &["expel", "deport", "extradite", "exile", "banish"];

/// What `dyad explain` says of a source found by [`state_act_source`].
pub const STATE_ACT_RULE: &str =
    "agentless passive of an act only a state performs: the source is the state of its place";

/// The source of an agentless passive of an act only a state performs ("was arrested in
/// Moscow", "has been sentenced to ten years in Egypt", "was expelled from Russia", "was
/// placed under investigation in Italy"): the police, courts or government (see
/// [`STATE_ACTS`]) of the country where it happened, when the place is a country or a place
/// of one ("Moscow": `RUSCOP`). Only a state arrests, tries, sentences, deports or expels, and
/// its own territory is where it does so, so the place names who acted; the passive subject
/// is the target. Only with an actor as the passive subject (the act is then one between
/// two actors), and never for force ("were killed in Kabul", "were attacked"), which anyone
/// may use: who acted there is not said.
fn state_act_source(
    tree: &Tree<'_>,
    mentions: &[Mention],
    v: usize,
    hits: &[usize],
    root: &str,
    subject: Option<usize>,
) -> Option<Mention> {
    // (16: "diplomats were expelled from Britain", 161.)
    if !matches!(root, "06" | "09" | "11" | "16" | "17") {
        return None;
    }
    let lemma = tree.lemma(v).to_lowercase();
    let (_, sector) = STATE_ACTS.iter().find(|(l, _)| *l == lemma)?;
    // "placed under investigation", "taken into custody", "held in detention": the light
    // verbs only with the pattern's noun.
    let light = matches!(lemma.as_str(), "place" | "put" | "take" | "hold");
    if light
        && !hits.iter().any(|h| {
            matches!(
                tree.lemma(*h).to_lowercase().as_str(),
                "investigation"
                    | "inquiry"
                    | "probe"
                    | "custody"
                    | "detention"
                    | "arrest"
                    | "prison"
                    | "jail"
            )
        })
    {
        return None;
    }
    let s = subject?;
    if np_actors(tree, mentions, s).is_empty() {
        return None;
    }
    let patient = subject_tokens(tree, Some(s), v);
    let country_of = |m: usize| {
        let c = mentions[m].code.as_str();
        let held = c == "PSE"
            || mentions[m].tokens.clone().any(|k| {
                HELD_ELSEWHERE
                    .iter()
                    .any(|w| tree.doc.norm[k].eq_ignore_ascii_case(w))
            });
        (dyad_core::actor_code::is_country_code(c) && !held).then_some(m)
    };
    // "expelled from Russia": the country sending away; else where it happened.
    let from = SENDING_AWAY
        .contains(&lemma.as_str())
        .then(|| {
            tree.children(v).iter().find_map(|c| {
                (tree.base_rel(*c) == "obl" && tree.case_of(*c).as_deref() == Some("from"))
                    .then(|| phrase_actor(tree, mentions, *c))
                    .flatten()
            })
        })
        .flatten();
    let place = from
        .or_else(|| place_of(tree, mentions, v, &patient, &[]))
        .and_then(country_of)?;
    let mut m = mentions[place].clone();
    m.code = format!("{}{}", m.code, sector);
    Some(m)
}

/// Whether the clause `c` of a verb names the act itself: an infinitive ("threatened to
/// resume attacks") or a "when" clause ("killed 23 when they blew themselves up"), not a
/// clause with its own subject actor or of another time ("after", "before").
fn act_clause(tree: &Tree<'_>, c: usize) -> bool {
    let marks: Vec<&str> = tree
        .children(c)
        .iter()
        .filter(|k| matches!(tree.base_rel(**k), "mark" | "advmod"))
        .map(|k| tree.doc.norm[*k].as_str())
        .collect();
    let subject_actor = tree
        .child_with(c, &["nsubj", "nsubj:pass"])
        .is_some_and(|s| tree.doc.upos[s] != "PRON");
    if tree.base_rel(c) == "xcomp" {
        return !subject_actor;
    }
    !subject_actor && (marks.contains(&"to") || marks.contains(&"when"))
}

/// The `by` agent of a passive verb, also when the parse hangs it under another adjunct
/// ("was demolished on Monday in the east of the city by a Ukrainian protestor").
fn distant_agent(tree: &Tree<'_>, mentions: &[Mention], v: usize) -> Option<usize> {
    // "was accused of misusing funds by government officials": the parse often hangs the
    // agent on a subjectless gerund of the passive verb, which takes no agent of its own.
    let gerunds = tree.children(v).iter().copied().filter(|c| {
        matches!(tree.base_rel(*c), "advcl" | "xcomp")
            && tree.doc.xpos.get(*c).is_some_and(|x| x == "VBG")
            && !tree
                .children(*c)
                .iter()
                .any(|k| matches!(tree.base_rel(*k), "nsubj" | "csubj"))
    });
    let mut stack: Vec<usize> = tree
        .children(v)
        .iter()
        .copied()
        .filter(|c| tree.base_rel(*c) == "obl")
        // ("… funds by officials": or on the gerund's object.)
        .chain(gerunds.flat_map(|g| {
            tree.children(g)
                .iter()
                .copied()
                .filter(|c| matches!(tree.base_rel(*c), "obl" | "obj"))
        }))
        .collect();
    let mut seen = 0;
    while let Some(c) = stack.pop() {
        seen += 1;
        if seen > tree.range.len() {
            break;
        }
        if tree.case_of(c).as_deref() == Some("by") && !np_actors(tree, mentions, c).is_empty() {
            return Some(c);
        }
        stack.extend(
            tree.children(c)
                .iter()
                .copied()
                .filter(|k| tree.base_rel(*k) == "nmod"),
        );
    }
    None
}

/// The actor an event noun names as a modifier: "Israeli tank shelling", "Russia's
/// annexation", "an attack by Hamas". Not for the object of a verb ("launched rocket fire"),
/// whose actor is that verb's subject.
fn nominal_actor(tree: &Tree<'_>, mentions: &[Mention], v: usize, hits: &[usize]) -> Option<usize> {
    if tree.doc.upos[v] != "NOUN" || !matches!(tree.base_rel(v), "obl" | "nsubj" | "nmod") {
        return None;
    }
    modifier_actor(tree, mentions, v, hits)
}

/// The actor an event noun `v` names as its `by` agent or as a modifier before it ("Israeli
/// shelling", "a NATO air strike", "Hezbollah's rocket fire"), passing over the pattern's own
/// words `hits` ("car" in "a car bomb"). Not "of": "the shelling of Gaza" names the target.
fn modifier_actor(
    tree: &Tree<'_>,
    mentions: &[Mention],
    v: usize,
    hits: &[usize],
) -> Option<usize> {
    let by = tree
        .children(v)
        .iter()
        .copied()
        .find(|c| tree.base_rel(*c) == "nmod" && tree.case_of(*c).as_deref() == Some("by"));
    by.and_then(|b| np_actors(tree, mentions, b).first().copied())
        .or_else(|| participle_agent(tree, mentions, v, WIELDING))
        .or_else(|| {
            tree.children(v)
                .iter()
                .copied()
                .filter(|c| {
                    matches!(tree.rel(*c), "amod" | "compound" | "nmod:poss") && !hits.contains(c)
                })
                .find_map(|m| phrase_actor(tree, mentions, m))
        })
}

/// The head of the noun phrase a noun, adjective or name `v` is part of ("roadside" in "a
/// roadside bomb" → "bomb"), or `None` for another word.
fn noun_phrase_head(tree: &Tree<'_>, v: usize) -> Option<usize> {
    if !matches!(tree.doc.upos[v].as_str(), "NOUN" | "PROPN" | "ADJ") {
        return None;
    }
    let mut n = v;
    for _ in 0..3 {
        if !matches!(tree.base_rel(n), "compound" | "amod" | "flat") {
            break;
        }
        n = tree.head(n)?;
    }
    Some(n)
}

/// The verb of a noun-led pattern ("car +bomb ... +kill") when the pattern's noun phrase is
/// that verb's subject, or the object of a light verb (see `LIGHT_VERBS`): "Iraqi police said
/// a roadside bomb killed two soldiers" is anchored at "roadside", which has no subject of its
/// own; its roles are those of "killed". So too for a violent noun coded on its own ("a
/// suicide bombing killed …") when `force`.
fn verb_of_noun_subject(tree: &Tree<'_>, v: usize, hits: &[usize], force: bool) -> Option<usize> {
    let n = noun_phrase_head(tree, v)?;
    if let Some(h) = light_verb_of(tree, v) {
        return Some(h);
    }
    let h = tree.head(n)?;
    let violent = force && is_violent_noun(tree, n);
    (tree.base_rel(n) == "nsubj"
        && h != v
        && tree.doc.upos[h] == "VERB"
        && (hits.contains(&h) || violent))
        .then_some(h)
}

/// The light verb whose object the event noun `v` is ("staged a hunger strike", "launched
/// artillery, mortar and rocket fire against …"): the noun's act is that verb's subject's.
fn light_verb_of(tree: &Tree<'_>, v: usize) -> Option<usize> {
    let n = phrase_slot(tree, v)?;
    let h = tree.head(n)?;
    (tree.base_rel(n) == "obj"
        && h != v
        && tree.doc.upos[h] == "VERB"
        && LIGHT_VERBS.contains(&tree.lemma(h)))
    .then_some(h)
}

/// The node that holds the place in its clause of the noun phrase `v` is part of: the
/// phrase's head, or the first conjunct when the phrase is a later one ("artillery, mortar and
/// rocket fire" → "artillery").
fn phrase_slot(tree: &Tree<'_>, v: usize) -> Option<usize> {
    let mut n = noun_phrase_head(tree, v)?;
    for _ in 0..4 {
        if tree.base_rel(n) != "conj" {
            break;
        }
        n = tree.head(n)?;
    }
    Some(n)
}

/// Words of reacting to an event: protest, condemnation, anger, grief.
const REACTIONS: &[&str] = &[
    "protest",
    "condemn",
    "condemnation",
    "denounce",
    "denunciation",
    "deplore",
    "criticize",
    "criticise",
    "criticism",
    "anger",
    "outrage",
    "fury",
    "indignation",
    "horror",
    "revulsion",
    "shock",
    "dismay",
    "mourn",
    "mourning",
    "grief",
    "sorrow",
    "condolence",
    "sympathy",
    "solidarity",
    "vigil",
    "demonstrate",
    "demonstration",
    "rally",
    "march",
    "complain",
    "complaint",
];

/// Prepositions that say what a reaction is about or what it follows: "in protest at the
/// bombing", "anger over the killing", "marched against the shelling", "a vigil after the
/// attack".
const REACTION_PREPS: &[&str] = &[
    "at",
    "over",
    "against",
    "about",
    "of",
    "for",
    "after",
    "following",
];

/// Whether the event noun `v` is what a reaction is about: the object of a prepositional
/// phrase of a protest, condemnation or grief word ("marched in Islamabad in protest at the
/// bombing", "protested in anger at the bombing", "expressed outrage over the shelling").
/// Such a noun is the object of that act, not an act of the clause's subject (who protests
/// the bombing did not bomb): it has no source of its own here.
fn reaction_topic(tree: &Tree<'_>, v: usize) -> bool {
    let reaction = |t: usize| REACTIONS.contains(&tree.lemma(t).to_lowercase().as_str());
    // (A reaction word itself, "condemns" misparsed as a noun, is no event reacted to.)
    if tree.doc.upos[v] != "NOUN" || reaction(v) {
        return false;
    }
    let Some(n) = phrase_slot(tree, v) else {
        return false;
    };
    if !tree.is_phrase_of(n, REACTION_PREPS) {
        return false;
    }
    let Some(h) = tree.head(n) else {
        return false;
    };
    // "expressed anger at the bombing": the phrase on the verb whose object is the reaction;
    // "struck in retaliation for the bombing": a stance noun's phrase.
    reaction(h)
        || tree.child_with(h, &["obj"]).is_some_and(reaction)
        || STANCE_NOUNS.contains(&tree.lemma(h).to_lowercase().as_str())
}

/// Prepositions of time that order one event after another.
const SEQUENCE_PREPS: &[&str] = &["after", "following", "before", "since", "amid", "despite"];

/// Whether the violent event noun `v` only dates another act ("police arrested three men
/// after the bombing", "markets fell following the attack") or qualifies a noun ("the
/// victims of the bombing", "the anniversary of the massacre"): the clause's subject, or the
/// actor before it, did not do it. Not a phrase that says how the act was done ("killed in
/// a bombing"), whose actor is the subject's.
fn force_noun_aside(tree: &Tree<'_>, v: usize) -> bool {
    if tree.doc.upos[v] != "NOUN" || !is_violent_noun(tree, v) {
        return false;
    }
    let Some(n) = phrase_slot(tree, v) else {
        return false;
    };
    let case = tree.case_of(n);
    match tree.base_rel(n) {
        "obl" => case.is_some_and(|p| SEQUENCE_PREPS.contains(&p.as_str())),
        // A modifier of another noun, except an event noun's own means ("an attack with a
        // car bomb") or the place of an act ("in the bombing").
        "nmod" => {
            tree.head(n).is_some_and(|h| !is_violent_noun(tree, h))
                && case.is_some_and(|p| {
                    SEQUENCE_PREPS.contains(&p.as_str()) || matches!(p.as_str(), "of" | "from")
                })
        }
        _ => false,
    }
}

/// Nouns of something asked for about a topic ("sought clarification about the missile
/// test", "asked for details on the missiles", "requested talks on arms control"): a
/// pattern word in the topic phrase is not what is asked for.
const TOPIC_HOLDERS: &[&str] = &[
    "clarification",
    "clarity",
    "explanation",
    "information",
    "detail",
    "answer",
    "assurance",
    "briefing",
    "comment",
    "view",
    "opinion",
    "talk",
    "consultation",
    "discussion",
    "dialogue",
    "meeting",
    "update",
];

/// Prepositions that name a topic.
const TOPIC_PREPS: &[&str] = &["about", "on", "over", "regarding", "concerning", "of"];

/// A word of a match at `v` (among `hits`) that only names the topic of what the verb's
/// object asks for, not the object itself: "missile" in "sought clarification about the
/// missile test" (the 0232 pattern "+seek ... +missile" is for seeking missiles). The word's
/// phrase is a topic phrase ([`TOPIC_PREPS`]) of an object noun of [`TOPIC_HOLDERS`] that the
/// pattern does not name, or of the verb beside such an object.
pub(crate) fn topic_word(tree: &Tree<'_>, v: usize, hits: &[usize]) -> Option<usize> {
    let holder = |t: usize| {
        t != v
            && !hits.contains(&t)
            && TOPIC_HOLDERS.contains(&tree.lemma(t).to_lowercase().as_str())
    };
    hits.iter().copied().filter(|h| *h != v).find(|&h| {
        let Some(n) = noun_phrase_head(tree, h) else {
            return false;
        };
        if n == v || hits.contains(&n) && n != h {
            return false;
        }
        if !tree.is_phrase_of(n, TOPIC_PREPS) {
            return false;
        }
        let Some(g) = tree.head(n) else {
            return false;
        };
        holder(g) || (g == v && tree.child_with(v, &["obj"]).is_some_and(holder))
    })
}

/// Whether the noun `v` (or the phrase it is part of) is an argument of one of the verbs
/// `anchors`: its object, an oblique or a conjunct of one ("condemned the killing of …").
pub(crate) fn argument_of(tree: &Tree<'_>, v: usize, anchors: &[usize]) -> bool {
    phrase_slot(tree, v).is_some_and(|n| {
        matches!(tree.base_rel(n), "obj" | "obl" | "nmod")
            && tree.head(n).is_some_and(|h| anchors.contains(&h))
    })
}

/// Adverbial particles of phrasal verbs ("give back", "hand over", "step up").
const PARTICLES: &[&str] = &[
    "back", "up", "down", "off", "out", "over", "away", "in", "on", "about", "around",
];

/// The tokens a pattern's `...` may reach from its anchor `v` however far they are (see
/// `Pattern::match_reaching`): the anchor's object and what that object is made of, which
/// English lets grow long before the word the pattern names. "provided an additional $2
/// million in assistance" (an amount's "in" phrase names what was given), "lifted a
/// three-month-old state of emergency" (an `of` modifier), "released a kidnapped volunteer
/// and a Japanese citizen" (a conjunct), "sent a shipment of 250 ventilators and other
/// critical care equipment". Adjuncts are not followed:
/// "freed prisoners from a jail in a border town" did not seize the town, "stopped work in a
/// strike" did not stop a strike.
pub(crate) fn object_reach(tree: &Tree<'_>, v: usize) -> Vec<usize> {
    let upos = |t: usize| tree.doc.upos[t].as_str();
    let mut stack: Vec<usize> = Vec::new();
    let objects: Vec<usize> = tree
        .children(v)
        .iter()
        .copied()
        .filter(|c| matches!(tree.rel(*c), "obj" | "iobj"))
        .collect();
    let amount = objects
        .iter()
        .any(|o| tree.subtree(*o).iter().any(|k| upos(*k) == "NUM"));
    stack.extend(&objects);
    if amount {
        stack.extend(
            tree.children(v).iter().copied().filter(|c| {
                tree.base_rel(*c) == "obl" && tree.case_of(*c).as_deref() == Some("in")
            }),
        );
    }
    let mut out = Vec::new();
    while let Some(t) = stack.pop() {
        if out.contains(&t) || out.len() > tree.range.len() {
            continue;
        }
        out.push(t);
        stack.extend(tree.children(t).iter().copied().filter(|c| {
            match tree.base_rel(*c) {
                "compound" | "amod" | "nummod" | "flat" => true,
                "conj" => upos(*c) != "VERB",
                // "ten million euros in aid": an amount's "in" phrase says what it is.
                "nmod" => match tree.case_of(*c).as_deref() {
                    Some("of") => true,
                    Some("in") => {
                        matches!(upos(t), "NUM" | "SYM")
                            || tree.children(t).iter().any(|k| tree.rel(*k) == "nummod")
                    }
                    _ => false,
                },
                _ => false,
            }
        }));
    }
    // A particle a pattern names belongs to the verb ("gave back", "handed over"): the same
    // word as a modifier inside the object ("gave him five back rubs") is not it.
    out.retain(|t| !PARTICLES.contains(&tree.doc.norm[*t].as_str()));
    out
}

/// The proper names the verb at `v` takes as object, for a pattern's `@name` element: the
/// object's head and its `flat`/`compound` parts (and those of its conjuncts) when they are
/// PROPN and name a person — one of the people dictionary, or no actor at all ("will release
/// Odin Sanchez", "freed Colombian Sergeant Pablo Moncayo"). A country, place, organisation
/// or month is no such name: "released Russia" or "freed Kherson" are other acts, and
/// "released the figures in May" has no name for object.
pub(crate) fn object_names(tree: &Tree<'_>, mentions: &[Mention], v: usize) -> Vec<usize> {
    let propn = |t: usize| tree.doc.upos.get(t).is_some_and(|u| u == "PROPN");
    let mut heads: Vec<usize> = tree
        .children(v)
        .iter()
        .copied()
        .filter(|c| (tree.rel(*c) == "obj" || (tree.rel(*c) == "dep" && *c > v)) && propn(*c))
        .collect();
    let conjuncts: Vec<usize> = heads
        .iter()
        .flat_map(|h| tree.children(*h).iter().copied())
        .filter(|c| tree.base_rel(*c) == "conj" && propn(*c))
        .collect();
    heads.extend(conjuncts);
    let mut out = Vec::new();
    for h in heads {
        let mut parts = vec![h];
        parts.extend(
            tree.children(h)
                .iter()
                .copied()
                .filter(|c| matches!(tree.base_rel(*c), "flat" | "compound") && propn(*c)),
        );
        // A nationality or title before the name ("Colombian Sergeant …") is no part of it.
        // A name is written with a capital ("released kinect" is a product the tagger
        // took for a name).
        let personal = |t: &usize| {
            tree.doc.token_text(*t).starts_with(char::is_uppercase)
                && !dyad_core::calendar::is_calendar_name(&tree.doc.norm[*t])
                && mentions
                    .iter()
                    .filter(|m| m.tokens.contains(t))
                    .all(|m| m.kind == MentionKind::Person)
        };
        if personal(&h) {
            out.extend(parts.into_iter().filter(personal));
        }
    }
    out.sort_unstable();
    out
}

/// Who did a passive act of force with no agent, named by the active clause that says how it
/// happened: "Three civilians were killed when Russian jets bombed a village" (RUS), "… when
/// a NATO air strike hit their house" (NATO).
fn when_agent(tree: &Tree<'_>, mentions: &[Mention], v: usize) -> Option<usize> {
    tree.children(v)
        .iter()
        .copied()
        .filter(|c| {
            tree.base_rel(*c) == "advcl"
                && tree.children(*c).iter().any(|k| {
                    matches!(tree.base_rel(*k), "mark" | "advmod")
                        && matches!(tree.doc.norm[*k].as_str(), "when" | "as")
                })
        })
        .find_map(|c| {
            let s = tree.child_with(c, &["nsubj"])?;
            np_actors(tree, mentions, s).first().copied().or_else(|| {
                is_violent_noun(tree, s)
                    .then(|| modifier_actor(tree, mentions, s, &[]))
                    .flatten()
            })
        })
}

/// The tokens of the subject `s` of the verb `v`, without the verb's own (the subject of a
/// participle, "soldiers killed in Ukraine", dominates it).
fn subject_tokens(tree: &Tree<'_>, s: Option<usize>, v: usize) -> Vec<usize> {
    let Some(s) = s else { return Vec::new() };
    let own = tree.subtree(v);
    tree.subtree(s)
        .into_iter()
        .filter(|t| !own.contains(t))
        .collect()
}

/// True when the token names a time, not an actor ("Israel on Wednesday released …" is
/// sometimes parsed with "Wednesday" as the subject).
pub(crate) fn is_time_word(tree: &Tree<'_>, t: usize) -> bool {
    dyad_core::calendar::is_calendar_name(&tree.doc.norm[t])
        || matches!(
            tree.doc.norm[t].as_str(),
            "today" | "yesterday" | "tomorrow" | "tonight"
        )
        || tree
            .doc
            .timexes
            .iter()
            .any(|x| x.tokens.start <= t && t < x.tokens.end)
}

/// Whether `t` is the preposition of a time ("agreed on Wednesday to …") and the verb `v`
/// is an agreement or decision with an infinitive, which names what was agreed or decided
/// and is coded on its own: a pattern's preposition ("+agree on") that only introduces a time
/// has not matched its sense. ("agreed on Wednesday that …" has no other pattern to say it,
/// and "called on Friday for Britain to stay" none for "call … for"; they stay.)
pub(crate) fn time_preposition(tree: &Tree<'_>, v: usize, t: usize) -> bool {
    Settled::of(tree.lemma(v)) != Settled::No
        && tree.base_rel(t) == "case"
        && tree.head(t).is_some_and(|n| is_time_word(tree, n))
        && tree
            .children(v)
            .iter()
            .any(|c| matches!(tree.base_rel(*c), "xcomp" | "advcl") && is_to_infinitive(tree, *c))
}

/// What the parse says about one matched pattern.
#[derive(Debug, Clone)]
pub struct Roles {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    pub modality: Modality,
    /// Whether the actor says it will (or will not) do it; see [`Mood`].
    pub intent: bool,
    pub settled: Settled,
    /// See [`Mood::obligation`].
    pub obligation: Option<bool>,
    /// The target came from one of the pattern's prepositions.
    pub prep_target: bool,
    pub speaker: Option<usize>,
    /// The reporting verb when the event is its clausal complement and its subject, the
    /// speaker, comes first ("The US claimed that ISIL had attacked Iraq"): the speaker then
    /// makes a statement of its own (see `accuse`/`claim` in `dicts/verbs/moods.txt`). A
    /// source named after the fact ("…, police said", "according to …") only attributes.
    pub report_verb: Option<usize>,
    /// Why there is no event, when `sources` is empty.
    pub reason: Option<String>,
    /// The parse gives the verb no subject at all (often a misparse): the caller may fall
    /// back to the surface rules.
    pub no_subject: bool,
    /// The actor of the place where it happened ("… at a mall in Kenya's capital"), for a
    /// target when there is no other (see [`roles`]).
    pub place: Option<usize>,
    /// Who else "we" stands for in an event done together: the target when there is no
    /// other.
    pub partner: Option<usize>,
    /// The sources are the parties an event noun names ("US-Russian talks"; see
    /// [`crate::pairs::noun_parties`]), who act on each other.
    pub paired: bool,
    /// The target is only the first actor found somewhere in the predicate (no object,
    /// prepositional object or clause subject named it): joint subjects of an event done
    /// together act on each other rather than on it.
    pub weak_target: bool,
    /// The rule that found a source the sentence does not name as a subject or agent (see
    /// [`state_act_source`]), for `dyad explain`.
    pub source_rule: Option<&'static str>,
}

/// Participles that, after "be", say what the subject does or holds, not what is done to it:
/// "Israel is opposed to French mediation" (Israel opposes it), "Serb forces were engaged in
/// ethnic cleansing".
pub const STATIVE_PARTICIPLES: &[&str] = &["opposed", "engaged", "committed", "determined"];

/// The verb whose subject the verb `v` uses: itself, or up xcomp/conj/advcl-less chains.
fn subject_of(tree: &Tree<'_>, v: usize) -> Option<(usize, bool)> {
    let mut cur = v;
    for _ in 0..6 {
        if let Some(s) = tree.child_with(cur, &["nsubj", "nsubj:pass", "csubj", "nsubj:outer"]) {
            let passive = tree.rel(s) == "nsubj:pass";
            return Some((s, passive));
        }
        let rel = tree.base_rel(cur);
        let head = tree.head(cur)?;
        match rel {
            // "Russia plans to expel …": the controller's subject; "Russia recalled … and
            // expelled …": the first conjunct's subject.
            "xcomp" | "conj" => cur = head,
            // "Trump got to experience Putin looking him in the eyes": a participle right
            // after its head's object is what that object does.
            "advcl"
                if tree.doc.xpos[cur] == "VBG"
                    && tree
                        .child_with(head, &["obj"])
                        .is_some_and(|o| tree.subtree(o).into_iter().max() == Some(cur - 1)) =>
            {
                return tree.child_with(head, &["obj"]).map(|o| (o, false));
            }
            // "Japan decided on Thursday to ease sanctions": the infinitive of a decision or
            // agreement parsed as an adverbial clause (see `modality_of`).
            "advcl"
                if Settled::of(tree.lemma(head)) != Settled::No && is_to_infinitive(tree, cur) =>
            {
                cur = head
            }
            // "After meeting Pompeo, Lavrov said …": a participial adjunct has the subject of
            // the clause it modifies.
            "advcl" if matches!(tree.doc.xpos[cur].as_str(), "VBG" | "VBN") => cur = head,
            // "Following talks with Pompeo, Lavrov said …": an event noun in a time adjunct
            // is the main clause subject's.
            "obl"
                if tree.doc.upos[cur] == "NOUN"
                    && tree.children(cur).iter().any(|c| {
                        matches!(
                            tree.doc.norm[*c].as_str(),
                            "following" | "after" | "before" | "during" | "at"
                        )
                    }) =>
            {
                cur = head
            }
            // "The US remains the largest donor to Iraq" ("remains" parsed as taking an
            // object): a predicate noun of a copular verb describes its subject.
            "obj"
                if tree.doc.upos[cur] == "NOUN"
                    && matches!(tree.lemma(head), "remain" | "stay" | "become") =>
            {
                cur = head
            }
            // "Germany is one of the largest donors to Jordan", "Russia is the main arms
            // supplier to Syria": the noun of a copular predicate's "of" phrase after "one"
            // or "some", or a compound of it, describes the predicate's subject.
            "nmod" | "compound"
                if tree.doc.upos[cur] == "NOUN"
                    && tree.child_with(head, &["cop"]).is_some()
                    && (rel == "compound"
                        || (matches!(tree.lemma(head), "one" | "some")
                            && tree.case_of(cur).as_deref() == Some("of"))) =>
            {
                cur = head
            }
            // "Kyiv wants talks with Moscow": the one who wants, offers or proposes an event
            // is its participant.
            "obj" if tree.doc.upos[cur] == "NOUN" && INTENT.contains(&tree.lemma(head)) => {
                cur = head
            }
            // "10 Russian soldiers killed in Ukraine": a past participle modifying a noun is
            // a passive whose subject is that noun (not when it has an object: "A top U.S.
            // official today praised Haiti" misparsed).
            "acl"
                if tree.rel(cur) == "acl"
                    && tree.doc.xpos[cur] == "VBN"
                    && !INTRANSITIVE.contains(&tree.lemma(cur))
                    && !tree.children(cur).iter().any(|c| {
                        tree.lemma(*c) == "have" || matches!(tree.base_rel(*c), "obj" | "iobj")
                    }) =>
            {
                return Some((head, true))
            }
            // "Russia, which recalled …": the relative clause's head noun; for a gerund on a
            // copular predicate, that predicate's subject (see `predicate_subject`).
            "acl" => {
                let on_predicate = (tree.doc.xpos[cur] == "VBG")
                    .then(|| predicate_subject(tree, head))
                    .flatten();
                return Some((on_predicate.unwrap_or(head), false));
            }
            _ => return None,
        }
    }
    None
}

/// The subject of `h` when `h` is the nominal or adjectival predicate of a copular clause
/// ("the Front is guilty of violating the truce", "Germany has been the largest donor,
/// contributing $46 million"): the predicate describes its subject, so what a participle on
/// the predicate does, the subject does. Not a prepositional predicate ("are on the brink
/// of launching an offensive": not done), nor an expletive ("It was Hamas that fired"),
/// where the predicate is the referent.
fn predicate_subject(tree: &Tree<'_>, h: usize) -> Option<usize> {
    tree.child_with(h, &["cop"])?;
    if tree.children(h).iter().any(|c| tree.base_rel(*c) == "case") {
        return None;
    }
    tree.child_with(h, &["nsubj", "nsubj:outer"])
        .filter(|s| !matches!(tree.doc.norm[*s].as_str(), "it" | "there" | "this" | "that"))
}

/// Whether the word right after the verb `v` is one of the pattern's words (`hits`) and a
/// preposition or particle of `v` with its object after it: the case marker of an oblique of
/// `v` ("called for reform"), or a particle followed by `v`'s object or complement ("called
/// off a strike").
fn particle_with_object(tree: &Tree<'_>, v: usize, hits: &[usize]) -> bool {
    let p = v + 1;
    if !hits.contains(&p) || !tree.range.contains(&p) {
        return false;
    }
    match tree.base_rel(p) {
        "case" => tree
            .head(p)
            .is_some_and(|n| n > p && tree.head(n) == Some(v) && tree.base_rel(n) == "obl"),
        "compound" => {
            tree.head(p) == Some(v)
                && tree
                    .children(v)
                    .iter()
                    .any(|c| *c > p && matches!(tree.base_rel(*c), "obj" | "xcomp" | "obl"))
        }
        _ => false,
    }
}

/// A quotation mark token: straight, curly, guillemets, or the PTB-style `` and ''.
pub(crate) fn is_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”" | "«" | "»" | "''" | "``")
}

/// A quotation mark that can only open a quote (the straight `"` can open or close).
pub(crate) fn is_opening_quote(t: &str) -> bool {
    matches!(t, "“" | "«" | "``")
}

/// The speaker of a quote that names none: the last actor before it who is the subject of a
/// reporting verb ("Lavrov called for …, adding:"), with an actor of another country named in
/// the same sentence ("Following talks with Pompeo, …"), if any.
fn quoted_speaker(doc: &Doc, context: &[Mention]) -> Option<(Mention, Option<Mention>)> {
    // A reporting verb, or one that reaches a reporting verb with no subject of its own
    // through adjuncts ("called for … to start …, adding:").
    let reports = |v: usize| {
        let mut frontier = vec![v];
        for _ in 0..3 {
            if frontier
                .iter()
                .any(|t| REPORTING.contains(&doc.lemma[*t].as_str()))
            {
                return true;
            }
            frontier = (0..doc.tokens.len())
                .filter(|k| {
                    doc.head[*k].is_some_and(|h| frontier.contains(&h))
                        && matches!(
                            doc.deprel[*k].split(':').next().unwrap_or(""),
                            "advcl" | "conj" | "xcomp" | "parataxis"
                        )
                        && !(0..doc.tokens.len())
                            .any(|j| doc.head[j] == Some(*k) && doc.deprel[j].starts_with("nsubj"))
                })
                .collect();
        }
        false
    };
    let speaker = context.iter().rev().take(12).find(|m| {
        m.tokens.clone().any(|t| {
            doc.head[t].is_some_and(|h| {
                !m.tokens.contains(&h) && doc.deprel[t].starts_with("nsubj") && reports(h)
            })
        })
    })?;
    let sentence = doc
        .sentences
        .iter()
        .find(|x| x.tokens.contains(&speaker.tokens.start))
        .map(|x| x.tokens.clone())?;
    let country = |c: &str| c.chars().take(3).collect::<String>();
    let partner = context
        .iter()
        .find(|m| {
            sentence.contains(&m.tokens.start)
                && !m.tokens.contains(&speaker.tokens.start)
                && country(&m.code) != country(&speaker.code)
        })
        .cloned();
    Some((speaker.clone(), partner))
}

/// "the country", "the nation" with no name: the country named last before it, in the
/// sentence or earlier, that is not one of `exclude`. "his country", "its territory", "their
/// government": the country of the possessor (see [`possessed_country`]).
fn definite_country(
    tree: &Tree<'_>,
    mentions: &[Mention],
    context: &[Mention],
    t: usize,
    exclude: &[usize],
    speaker: Option<usize>,
) -> Option<Mention> {
    let doc = tree.doc;
    // "Russia defended its territory": not an act on itself. ("his country" has no "the":
    // when it is the actor's own, the rule below finds nothing either.)
    if let Some(m) = possessed_country(tree, mentions, context, t, speaker, exclude) {
        return Some(m);
    }
    let definite = matches!(tree.lemma(t), "country" | "nation")
        && tree.children(t).iter().any(|c| doc.norm[*c] == "the")
        && !tree
            .children(t)
            .iter()
            .any(|c| matches!(tree.base_rel(*c), "amod" | "compound"));
    if !definite {
        return None;
    }
    let excluded: Vec<&str> = exclude.iter().map(|e| mentions[*e].code.as_str()).collect();
    mentions
        .iter()
        .filter(|m| m.tokens.end <= t)
        .chain(context.iter())
        .filter(|m| is_country_code(&m.code) && !excluded.contains(&m.code.as_str()))
        .max_by_key(|m| m.tokens.start)
        .cloned()
}

/// "his country", "her nation", "its territory", "their government" (no other modifier): the
/// possessor's country, or its government for "government" and "administration". The
/// possessor is the speaker of the clause when there is one ("Putin said his country would
/// respond": RUS), else the actor the pronoun stands for (see [`resolve_pronoun`]); only an
/// actor of a country counts, and not the country of one of `exclude` (the act's other side).
fn possessed_country(
    tree: &Tree<'_>,
    mentions: &[Mention],
    context: &[Mention],
    t: usize,
    speaker: Option<usize>,
    exclude: &[usize],
) -> Option<Mention> {
    let doc = tree.doc;
    let government = match tree.lemma(t).to_lowercase().as_str() {
        "country" | "nation" | "territory" | "soil" | "homeland" => false,
        "government" | "administration" => true,
        _ => return None,
    };
    if tree
        .children(t)
        .iter()
        .any(|c| matches!(tree.rel(*c), "amod" | "compound" | "nmod"))
    {
        return None;
    }
    let p = tree
        .children(t)
        .iter()
        .copied()
        .find(|c| tree.rel(*c) == "nmod:poss")?;
    let word = match doc.norm[p].as_str() {
        "his" => "he",
        "her" => "she",
        "its" => "it",
        "their" => "they",
        _ => return None,
    };
    let here: Vec<Mention> = mentions
        .iter()
        .filter(|m| m.tokens.end <= p && tree.range.contains(&m.tokens.start))
        .cloned()
        .collect();
    let owner = speaker
        .filter(|sp| mentions[*sp].tokens.end <= p)
        .and_then(|sp| resolve_pronoun(doc, word, std::slice::from_ref(&mentions[sp]), &[], &[]))
        .or_else(|| resolve_pronoun(doc, word, context, &here, &[]))?;
    let country = country_prefix(&owner.code)?;
    if exclude
        .iter()
        .any(|e| mentions[*e].code.get(..3) == Some(country))
    {
        return None;
    }
    let mut m = owner.clone();
    m.code = if government {
        format!("{country}GOV")
    } else {
        country.to_string()
    };
    m.tokens = t..t + 1;
    Some(m)
}

/// Resolves a pronoun subject to an earlier actor: persons for he/she, anything else for
/// it/they/we. Of the compatible actors in the latest sentence that has one, the subject of
/// that sentence's main clause, else the most recent: "Putin said he had wanted Trump to win
/// because Trump talked about … . He also offered …" is Putin, the one the text is about,
/// not Trump, the last named.
///
/// The candidates are `earlier` (the actors of earlier sentences) followed by `here` (this
/// sentence's actors before the pronoun), so that its own sentence is the latest. Actors with a
/// code in `exclude` (the verb's other arguments: "He praised Putin" is not Putin) are passed
/// over.
fn resolve_pronoun(
    doc: &Doc,
    word: &str,
    earlier: &[Mention],
    here: &[Mention],
    exclude: &[&str],
) -> Option<Mention> {
    let person = matches!(word, "he" | "she" | "him" | "her");
    let any = matches!(word, "it" | "they" | "them" | "we" | "us");
    if !(person || any) {
        return None;
    }
    // "it" is one thing: not "the militants" or "Russian officials" (a plural noun heads
    // the mention). A name is one thing whatever its form: "The United States said it
    // would …", "the Philippines", "the United Nations".
    let plural = |m: &Mention| {
        m.kind != MentionKind::Name
            && m.tokens.end > m.tokens.start
            && doc
                .xpos
                .get(m.tokens.end - 1)
                .is_some_and(|x| x == "NNS" || x == "NNPS")
    };
    // "Pompeo saying in Sochi: “We …”": where something happened is no one who speaks or
    // acts (the preposition before it, across "the", is a locative one).
    let placed =
        |m: &Mention| prep_before(doc, 0, m.tokens.start).is_some_and(|p| LOCATIVE.contains(&p));
    let fits = |m: &&Mention| {
        !exclude.contains(&m.code.as_str())
            && (word != "it" || !plural(m))
            && !placed(m)
            && (!person
                || m.kind == MentionKind::Person
                || (m.code.len() > 3
                    && !m.code.starts_with("IGO")
                    && !m.code.starts_with("NGO")
                    && m.kind != MentionKind::Metonym))
    };
    let candidates = || earlier.iter().chain(here);
    let last = candidates().rev().find(fits)?;
    let sentence = doc
        .sentences
        .iter()
        .find(|x| x.tokens.contains(&last.tokens.start))
        .map(|x| x.tokens.clone());
    // The main clause's subject: a token of the mention is `nsubj` of the sentence's root.
    let main_subject = |m: &Mention| {
        m.tokens.clone().any(|t| {
            doc.deprel.get(t).is_some_and(|r| r.starts_with("nsubj"))
                && doc.head.get(t).copied().flatten().is_some_and(|h| {
                    doc.head.get(h).is_some_and(Option::is_none) && !m.tokens.contains(&h)
                })
        })
    };
    let chosen = sentence
        .and_then(|range| {
            candidates()
                .filter(fits)
                .find(|m| range.contains(&m.tokens.start) && main_subject(m))
        })
        .unwrap_or(last);
    Some(chosen.clone())
}

/// How settled an intent is. An agreement ("agreed to ease sanctions") is a commitment,
/// which CAMEO codes as an intent (03x: "offer, promise, agree to"), but no threat; a decision
/// or a vote ("decided to ease sanctions", "voted to send troops") puts the act itself in
/// motion and is coded as the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Settled {
    /// Said, planned, promised: what may come.
    #[default]
    No,
    /// Agreed to.
    Agreed,
    /// Decided or voted.
    Decided,
}

impl Settled {
    /// How settled an intent is by the verb `lemma` that governs its infinitive: "decide" and
    /// "vote" decide, "agree" agrees, any other verb only says.
    fn of(lemma: &str) -> Settled {
        match lemma {
            "decide" | "vote" => Settled::Decided,
            "agree" => Settled::Agreed,
            _ => Settled::No,
        }
    }
}

/// Whether the clause headed by `c` is a to-infinitive ("to ease sanctions").
fn is_to_infinitive(tree: &Tree<'_>, c: usize) -> bool {
    tree.children(c)
        .iter()
        .any(|k| tree.base_rel(*k) == "mark" && tree.doc.norm[*k] == "to")
}

/// The mood of a coded verb: its modality, and whether it is something the actor says it
/// will or will not do (which CAMEO codes as intent, threat or refusal; see
/// `dicts/verbs/moods.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mood {
    pub modality: Modality,
    /// Future or intended: "will visit", "plans to visit", "said it would visit", "refused to
    /// visit" (with `modality` negated).
    pub intent: bool,
    /// Whether the intent is settled ("agreed to", "decided to"), not a statement of what
    /// may come; see [`Settled`].
    pub settled: Settled,
    /// The actor is told it must ("must", `Some(true)`) or should ("should", "ought to",
    /// `Some(false)`) do it: said by someone else, a demand or an appeal.
    pub obligation: Option<bool>,
}

/// Whether `h`, the head of a clause, is one of `words`, or a verb whose object is one of
/// them ("reiterated its demand that Israel lift the blockade", where the clause often hangs
/// on the verb in the parse).
fn mandative(tree: &Tree<'_>, h: usize, words: &[&str]) -> bool {
    words.contains(&tree.lemma(h))
        || tree
            .child_with(h, &["obj"])
            .is_some_and(|o| words.contains(&tree.lemma(o)))
}

/// Whether `h`, the head of a clause, denies it: a denying verb ("denied that …"), or a noun
/// that a denying verb takes as object ("dismissed reports that …", "rejected claims that …",
/// also when the parse makes the noun a verb under it).
fn denied(tree: &Tree<'_>, h: usize) -> bool {
    mandative(tree, h, DENYING)
        || (matches!(tree.base_rel(h), "obj" | "xcomp")
            && tree
                .head(h)
                .is_some_and(|g| DENYING.contains(&tree.lemma(g))))
}

/// Whether the verb `v` is the act an accusation charges someone with ("Washington accuses
/// Moscow of developing and deploying a missile"): the accusation is the event (112 and its
/// sub-codes say what it is about), and the act is only alleged, so it is not coded as done,
/// least of all by the accuser, whose subject the parse would lend it.
fn accused_act(tree: &Tree<'_>, v: usize) -> bool {
    let mut cur = v;
    for _ in 0..tree.range.len() {
        let Some(h) = tree.head(cur) else {
            return false;
        };
        match tree.base_rel(cur) {
            "conj" => cur = h,
            "advcl" | "acl" | "xcomp" if tree.doc.xpos[cur] == "VBG" => {
                let accused = ACCUSING.iter().any(|(lemma, word)| {
                    tree.lemma(h) == *lemma
                        && tree.children(cur).iter().any(|c| {
                            matches!(tree.base_rel(*c), "mark" | "case")
                                && tree.doc.norm[*c] == *word
                        })
                });
                if accused {
                    return true;
                }
                // "accused of helping the rebels by supplying arms": the means of an alleged
                // act is alleged too.
                if tree.base_rel(cur) != "advcl" || tree.doc.xpos[h] != "VBG" {
                    return false;
                }
                cur = h;
            }
            _ => return false,
        }
    }
    false
}

/// Whether a verb with lemma `lemma` asks or orders its object to do what its infinitive
/// says ("urged Israel to reopen", "ordered the troops to withdraw", "called on Seoul to").
fn mandating(lemma: &str) -> bool {
    MANDATIVE_MUST.contains(&lemma) || MANDATIVE_SHOULD.contains(&lemma) || lemma == "call"
}

/// Nouns that stop the act of the gerund they govern ("a moratorium on deploying missiles").
const HALTING_NOUNS: &[&str] = &[
    "moratorium",
    "ban",
    "halt",
    "freeze",
    "end",
    "embargo",
    "limit",
    "curb",
    "restriction",
];

/// Is the gerund at `v` what a ban, freeze or moratorium stops ("declare a moratorium on
/// deploying missiles", "lifted the ban on selling arms")? Read from the words, not the tree:
/// the parser often hangs the gerund on the verb rather than on the noun.
fn halted(tree: &Tree<'_>, v: usize) -> bool {
    let norm = &tree.doc.norm;
    v >= 2
        && norm[v].ends_with("ing")
        && matches!(norm[v - 1].as_str(), "on" | "against" | "to")
        && HALTING_NOUNS.contains(&tree.lemma(v - 2))
}

fn modality_of(tree: &Tree<'_>, v: usize, object: Option<usize>) -> Mood {
    // Walk from the verb up through the verbs that govern it (infinitive controllers,
    // conjuncts), collecting negation, auxiliaries and conditional markers.
    let mut negated = object
        .is_some_and(|o| tree.children(o).iter().any(|c| tree.doc.norm[*c] == "no"))
        || halted(tree, v);
    let mut future = false;
    let mut settled = Settled::No;
    let mut hypothetical = false;
    // "would" with no condition: in reported speech ("said it would allow") it is the future
    // seen from the past.
    let mut would = false;
    let mut condition = false;
    let mut obligation = None;
    // Asked or ordered to do it ("urged Israel to reopen the crossings", "ordered the troops
    // to withdraw", "urged Beijing not to ..."): the act is not done, nor refused by its
    // actor; the appeal or order is coded at its own verb.
    let mut mandated = false;
    let mut cur = v;
    for depth in 0..4 {
        for c in tree.children(cur) {
            let w = tree.doc.norm[*c].as_str();
            match tree.base_rel(*c) {
                "advmod" | "neg" if NEGATORS.contains(&w) => negated = true,
                "aux" if FUTURE_AUX.contains(&w) => future = true,
                "aux" if matches!(w, "would" | "'d") => would = true,
                "aux" if w == "must" => {
                    obligation = Some(true);
                    hypothetical = true;
                }
                "aux" if matches!(w, "should" | "ought") => {
                    obligation.get_or_insert(false);
                    hypothetical = true;
                }
                "aux" if HYPOTHETICAL_AUX.contains(&w) => hypothetical = true,
                "mark" if matches!(w, "if" | "unless" | "whether") => condition = true,
                _ => {}
            }
        }
        let rel = tree.base_rel(cur);
        let Some(h) = tree.head(cur) else { break };
        match rel {
            "xcomp" => {
                let lemma = tree.lemma(h);
                if depth == 0 && INTENT.contains(&lemma) {
                    future = true;
                    settled = settled.max(Settled::of(lemma));
                }
                // "failed to renew the embargo": the act did not happen (no refusal: nobody
                // said it would not).
                if depth == 0 && lemma == "fail" {
                    negated = true;
                }
                if depth == 0 && matches!(lemma, "refuse" | "decline") {
                    future = true;
                    negated = true;
                }
                if depth == 0 && mandating(lemma) {
                    mandated = true;
                    break;
                }
                cur = h;
            }
            // "decided on Friday to ease sanctions": the infinitive of a decision or an
            // agreement, parsed as an adverbial clause after a time adjunct.
            "advcl"
                if depth == 0
                    && Settled::of(tree.lemma(h)) != Settled::No
                    && is_to_infinitive(tree, cur) =>
            {
                future = true;
                settled = settled.max(Settled::of(tree.lemma(h)));
                cur = h;
            }
            // The same infinitive, parsed as an adverbial clause ("urged Bush to impose
            // sanctions").
            "advcl"
                if depth == 0
                    && mandating(tree.lemma(h))
                    && tree.children(cur).iter().any(|c| tree.doc.norm[*c] == "to") =>
            {
                mandated = true;
                break;
            }
            "conj" => cur = h,
            // "Kyiv wants talks with Moscow": an event noun wanted, offered or proposed.
            "obj" if depth == 0 && tree.doc.upos[cur] == "NOUN" => {
                if INTENT.contains(&tree.lemma(h)) {
                    future = true;
                }
                cur = h;
            }
            "ccomp" | "acl" if denied(tree, h) => {
                negated = true;
                break;
            }
            "ccomp" | "acl" if mandative(tree, h, MANDATIVE_MUST) => {
                obligation = Some(true);
                hypothetical = true;
                break;
            }
            "ccomp" | "acl" if mandative(tree, h, MANDATIVE_SHOULD) => {
                obligation.get_or_insert(false);
                hypothetical = true;
                break;
            }
            "ccomp" => {
                if would && !condition && REPORTING.contains(&tree.lemma(h)) {
                    would = false;
                    future = true;
                }
                break;
            }
            _ => break,
        }
    }
    let hypothetical = hypothetical || condition || would;
    let modality = if mandated {
        Modality::Hypothetical
    } else if negated {
        Modality::Negated
    } else if hypothetical {
        Modality::Hypothetical
    } else if future {
        Modality::Future
    } else {
        Modality::Asserted
    };
    Mood {
        modality,
        intent: !mandated && future && (negated || !hypothetical),
        settled,
        obligation,
    }
}

/// The actor who reports the event: the subject of a reporting verb that governs it through
/// a clausal complement or parataxis ("Lavrov said Russia would …", "“…,” Lavrov said"), or
/// the object of "according to". With it, the reporting verb when it governs the event as
/// "SPEAKER VERB (that) EVENT" (see [`Roles::report_verb`]).
fn speaker_of(tree: &Tree<'_>, mentions: &[Mention], v: usize) -> Option<(usize, Option<usize>)> {
    for c in tree.children(v) {
        if tree.base_rel(*c) == "obl"
            && tree
                .children(*c)
                .iter()
                .any(|k| tree.doc.norm[*k] == "according")
        {
            if let Some(m) = np_actors(tree, mentions, *c).first() {
                return Some((*m, None));
            }
        }
    }
    // "“…,” Lavrov said" often parses with the reporting verb under the event verb.
    let quote_between =
        |a: usize, b: usize| (a.min(b)..a.max(b)).any(|k| is_quote(&tree.doc.norm[k]));
    for c in tree.children(v) {
        // A reporting verb after the closing quote is sometimes parsed as a conjunct.
        let conj_after_quote = tree.base_rel(*c) == "conj" && quote_between(v, *c);
        if (matches!(tree.base_rel(*c), "parataxis" | "dep" | "advcl") || conj_after_quote)
            && REPORTING.contains(&tree.lemma(*c))
        {
            if let Some((s, _)) = subject_of(tree, *c) {
                if let Some(m) = np_actors(tree, mentions, s).first() {
                    return Some((*m, None));
                }
            }
        }
    }
    let mut cur = v;
    for _ in 0..4 {
        let rel = tree.base_rel(cur);
        let h = tree.head(cur)?;
        if matches!(rel, "ccomp" | "parataxis" | "xcomp" | "advcl")
            && REPORTING.contains(&tree.lemma(h))
        {
            let (s, _) = subject_of(tree, h)?;
            let m = *np_actors(tree, mentions, s).first()?;
            let leads = rel == "ccomp" && mentions[m].tokens.end <= h && h < v;
            return Some((m, leads.then_some(h)));
        }
        if matches!(rel, "conj" | "ccomp" | "xcomp") {
            cur = h;
        } else {
            return None;
        }
    }
    None
}

/// Whom a demand, appeal or threat at `v` is addressed to, named as the subject of a clause:
/// the "that" clause of its object noun ("reiterated its demand that Israel ease the
/// restrictions", "renewed calls that Serbia withdraw") or, for a threat (`threat`), the
/// condition of the verb or of the infinitive it governs ("threatened to quit the talks if
/// the United States deploys missiles", "warned it would retaliate unless Iran stops").
fn addressee_of_clause(
    tree: &Tree<'_>,
    mentions: &[Mention],
    v: usize,
    obj: Option<usize>,
    threat: bool,
) -> Vec<usize> {
    let doc = tree.doc;
    let subject_actors = |c: usize| {
        tree.child_with(c, &["nsubj", "nsubj:pass"])
            .map(|s| np_actors(tree, mentions, s))
            .unwrap_or_default()
    };
    let marked = |c: usize, words: &[&str]| {
        tree.children(c)
            .iter()
            .any(|k| tree.base_rel(*k) == "mark" && words.contains(&doc.norm[*k].as_str()))
    };
    // The object noun's clause: "its demand that Israel ease …" (acl), or a "that" clause the
    // parse hangs on the verb itself.
    let clauses = obj
        .into_iter()
        .flat_map(|o| tree.children(o).iter().copied())
        .chain(tree.children(v).iter().copied())
        .filter(|c| {
            matches!(tree.base_rel(*c), "acl" | "ccomp" | "advcl") && marked(*c, &["that"])
        });
    for c in clauses {
        let found = subject_actors(c);
        if !found.is_empty() {
            return found;
        }
    }
    if threat {
        // The verb and the infinitive it governs ("threatened to stop … if …").
        let heads = std::iter::once(v).chain(
            tree.children(v)
                .iter()
                .copied()
                .filter(|c| tree.base_rel(*c) == "xcomp"),
        );
        for h in heads {
            for c in tree.children(h) {
                if tree.base_rel(*c) == "advcl" && marked(*c, &["if", "unless"]) {
                    let found = subject_actors(*c);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
    }
    Vec::new()
}

/// Whether mention `m` is a person's name that matched one of the pattern's words at `hits`
/// as the office the person holds ("Moscow recalled Antonov": `+ambassador`): its last word,
/// a proper name, is a hit. Such a person is part of the act, not its target; "expelled
/// U.S. Ambassador John Sullivan", where the word "Ambassador" matched, is not one.
fn stands_for_office(tree: &Tree<'_>, m: &Mention, hits: &[usize]) -> bool {
    m.kind == dyad_core::MentionKind::Person
        && m.tokens.end > m.tokens.start
        && hits.contains(&(m.tokens.end - 1))
        && tree
            .doc
            .upos
            .get(m.tokens.end - 1)
            .is_some_and(|u| u == "PROPN")
}

/// The phrases headed by one of `preps` in the predicate of a pattern matched at `v` with
/// its words at `hits`: on those tokens or on the nouns they govern, two levels down
/// ("received a pledge of aid from Berlin", "fired a barrage of rockets at Israel"). Returns
/// the heads of the phrases.
pub(crate) fn predicate_pps(
    tree: &Tree<'_>,
    v: usize,
    hits: &[usize],
    preps: &[String],
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut level: Vec<usize> = std::iter::once(v).chain(hits.iter().copied()).collect();
    level.sort_unstable();
    level.dedup();
    for depth in 0..3 {
        let mut next = Vec::new();
        for &t in &level {
            for &c in tree.children(t) {
                if !matches!(tree.base_rel(c), "obl" | "nmod" | "obj") {
                    continue;
                }
                // "at dawn", "at the same time", "at least": a time or a degree, not a phrase
                // of the act.
                let timely = is_time_word(tree, c)
                    || matches!(
                        tree.lemma(c),
                        "dawn"
                            | "dusk"
                            | "night"
                            | "noon"
                            | "midnight"
                            | "time"
                            | "least"
                            | "most"
                            | "first"
                            | "last"
                            | "once"
                            | "moment"
                            | "hour"
                    );
                if tree.base_rel(c) != "obj"
                    && !timely
                    && tree.case_of(c).is_some_and(|p| preps.contains(&p))
                {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                } else if depth < 2 && !level.contains(&c) {
                    next.push(c);
                }
            }
        }
        level = next;
    }
    out
}

/// Whether a pattern that needs one of `preps` (`>!`, `<`) finds it in the predicate of its
/// match at `v` with its words at `hits` (see [`predicate_pps`]).
pub fn has_predicate_pp(tree: &Tree<'_>, v: usize, hits: &[usize], preps: &[String]) -> bool {
    !predicate_pps(tree, v, hits, preps).is_empty()
}

/// Whether actor `t` has the code of every one of `sources` (and there is one): a target
/// the coder would drop, since no actor acts on itself.
fn own_code(mentions: &[Mention], sources: &[usize], t: usize) -> bool {
    !sources.is_empty()
        && sources
            .iter()
            .all(|s| mentions[*s].code == mentions[t].code)
}

/// Roles of a pattern matched with its anchor at `v` and its other words at `hits`.
/// `mentions` may grow: a resolved pronoun is added as a mention of its own. `actor_preps`
/// (a pattern's `< from|by`) reverses the roles: the actor of such a phrase is the source
/// and the clause's subject the target.
#[allow(clippy::too_many_arguments)]
pub fn roles(
    tree: &Tree<'_>,
    mentions: &mut Vec<Mention>,
    context: &[Mention],
    v: usize,
    hits: &[usize],
    preps: &[String],
    actor_preps: &[String],
    root: &str,
) -> Roles {
    // Force (18–20) and events done together (03–06, 19).
    let force = matches!(root, "18" | "19" | "20");
    if let Some(h) = verb_of_noun_subject(tree, v, hits, force) {
        return roles(tree, mentions, context, h, hits, preps, actor_preps, root);
    }
    let symmetric = matches!(root, "03" | "04" | "05" | "06" | "19");
    let accused = accused_act(tree, v);
    let mut r = Roles {
        sources: Vec::new(),
        targets: Vec::new(),
        modality: Modality::Asserted,
        intent: false,
        settled: Settled::No,
        obligation: None,
        prep_target: false,
        speaker: None,
        report_verb: None,
        reason: None,
        no_subject: false,
        place: None,
        partner: None,
        paired: false,
        weak_target: false,
        source_rule: None,
    };
    if accused {
        r.reason =
            Some("the act an accusation charges someone with: the accusation is the event".into());
        return r;
    }
    // "in protest at the bombing": not the protesters' bombing; only an actor the noun names
    // itself ("the shelling by Indian troops") is its source.
    let topic = reaction_topic(tree, v);
    let aside = force && force_noun_aside(tree, v);
    if (topic || aside) && modifier_actor(tree, mentions, v, hits).is_none() {
        r.reason = Some(if topic {
            "an event noun that a protest, condemnation or grief is about: the object of that act, not an act of its subject".into()
        } else {
            "a violent event noun that only dates or qualifies another act (\"after the bombing\", \"the victims of the bombing\"): who did it is not said".into()
        });
        return r;
    }
    // "US-Russian talks", "talks between Moscow and Kyiv": an event done together whose noun
    // names both sides, when it is said to have happened (see `pairs::took_place`).
    let asserted = |t: usize| modality_of(tree, t, None).modality == Modality::Asserted;
    if let Some(parties) = symmetric
        .then(|| crate::pairs::noun_parties(tree, mentions, v))
        .flatten()
        .filter(|_| crate::pairs::took_place(tree, v, &asserted))
    {
        r.sources = parties;
        r.paired = true;
        return r;
    }
    let doc = tree.doc;
    let mut subject = subject_of(tree, v).filter(|_| !topic);
    // "Senators called for reform", "the union called off the strike", parsed as a noun with
    // a participle ("a man called John"): a passive participle strands the preposition of
    // a prepositional or phrasal verb ("the reform called for by …"), so one the pattern
    // names (`+call for`) that still has its object after it makes the participle active.
    // Only where that noun has no other verb to be the subject of: it is the sentence's root,
    // or the subject of a reporting verb after it ("X called off the strike, a spokeswoman
    // said" misparsed); an apposition ("Olmert, released from prison") or a modifier ("a man
    // held in jail") stays passive.
    let main_clause = |n: usize| {
        tree.head(n).is_none()
            || (tree.base_rel(n) == "nsubj"
                && tree
                    .head(n)
                    .is_some_and(|h| h > v && REPORTING.contains(&tree.lemma(h))))
    };
    if tree.rel(v) == "acl"
        && subject.is_some_and(|s| s.1 && main_clause(s.0))
        && particle_with_object(tree, v, hits)
    {
        subject = subject.map(|(s, _)| (s, false));
    }
    let stative = STATIVE_PARTICIPLES.contains(&doc.norm[v].as_str());
    let passive = !stative
        && (tree.children(v).iter().any(|c| tree.rel(*c) == "aux:pass")
            || tree.child_with(v, &["nsubj:pass"]).is_some()
            || (tree.rel(v) == "acl" && subject.is_some_and(|s| s.1)));
    // "Four children were killed …, shelling …": a participial adjunct does not share the
    // subject of a passive clause (that subject is what was acted on).
    let adjunct_of_passive = !passive
        && tree.base_rel(v) == "advcl"
        && doc.xpos[v] == "VBG"
        && !tree
            .children(v)
            .iter()
            .any(|c| matches!(tree.base_rel(*c), "nsubj" | "csubj" | "mark"))
        && tree
            .head(v)
            .is_some_and(|h| !STATIVE_PARTICIPLES.contains(&doc.norm[h].as_str()))
        && subject.is_some_and(|s| s.1);
    let agent = tree
        .children(v)
        .iter()
        .copied()
        .find(|c| {
            tree.rel(*c) == "obl:agent"
                || (tree.base_rel(*c) == "obl"
                    && tree.case_of(*c).as_deref() == Some("by")
                    && passive)
        })
        .or_else(|| passive.then(|| distant_agent(tree, mentions, v)).flatten());
    if let Some((sp, verb)) = speaker_of(tree, mentions, v) {
        r.speaker = Some(sp);
        r.report_verb = verb;
    }
    // Sources. A source that is only the place of force used ("in Iraq") is not one the
    // speaker accuses: "Iraqi police said a roadside bomb killed two soldiers in Iraq" is
    // attributed to the police, who say nothing against Iraq (see `report_verb`).
    let mut from_place = false;
    let mut subject_side = if passive || adjunct_of_passive {
        agent
    } else {
        subject.map(|s| s.0)
    };
    // "Russia, which recalled …": the relative pronoun stands for the head noun.
    if let Some(s) = subject_side {
        if matches!(doc.norm[s].as_str(), "which" | "who" | "that") && tree.base_rel(v) == "acl" {
            subject_side = tree.head(v);
        }
    }
    if let Some(s) = subject_side {
        r.sources = np_actors(tree, mentions, s);
        // "A car bomb killed three policemen in Baghdad", "Israeli shelling wounded …": a
        // violent act or its means as the subject names its actor by a modifier, not by "of"
        // ("the shelling of Gaza"); with none, force is coded from its place, as for a
        // passive with no agent (below).
        if is_violent_noun(tree, s) && mention_at(mentions, s).is_none() {
            let patient = subject_tokens(tree, Some(s), v);
            r.sources = modifier_actor(tree, mentions, s, hits)
                .into_iter()
                .collect();
            if r.sources.is_empty() && force {
                // The place of the verb ("killed three policemen in Baghdad"), else the place
                // the violent noun itself names ("a bombing near the town of Samarra killed").
                r.sources.extend(
                    place_of(tree, mentions, v, &patient, &[])
                        .or_else(|| place_of(tree, mentions, s, &[], &[])),
                );
                from_place = true;
            }
            if r.sources.is_empty() {
                r.reason = Some(format!(
                    "the subject {:?} names no actor and no place",
                    doc.token_text(s)
                ));
            }
        }
        // "Jets flown by Russian pilots bombed …": the means of force names who used it;
        // "a statement from the Kremlin", "a report the committee issued": a text, its author.
        // ("warplanes" alone is an agent of no country, "---MIL".)
        if MEANS_NOUNS.contains(&tree.lemma(s).to_lowercase().as_str())
            && r.sources
                .iter()
                .all(|m| mentions[*m].code.starts_with("---"))
        {
            if let Some(a) = participle_agent(tree, mentions, s, WIELDING) {
                r.sources = vec![a];
                r.reason = None;
            }
        }
        if r.sources.is_empty() && mention_at(mentions, s).is_none() {
            // Only for the text's own clause ("a report that calls on …", "a statement
            // calling on …", "a letter threatened …"), not an act it tells of further down.
            let own_clause = tree.head(v) == Some(s) || tree.head(s) == Some(v);
            r.sources.extend(
                own_clause
                    .then(|| document_author(tree, mentions, s))
                    .flatten(),
            );
            // "Putin said his country would respond": the possessor's country.
            if r.sources.is_empty() && doc.upos[s] == "NOUN" {
                if let Some(m) = possessed_country(tree, mentions, context, s, r.speaker, &[]) {
                    mentions.push(m);
                    r.sources.push(mentions.len() - 1);
                }
            }
            if !r.sources.is_empty() {
                r.reason = None;
            }
        }
        // "“We will expel …,” Lavrov said": a first-person subject is the speaker.
        if r.sources.is_empty() && matches!(doc.norm[s].as_str(), "we" | "i") {
            if let Some(sp) = r.speaker {
                let mut m = mentions[sp].clone();
                m.tokens = s..s + 1;
                mentions.push(m);
                r.sources.push(mentions.len() - 1);
            }
        }
        // "“The fact that we are meeting …”" with no speaker named in the sentence: the last
        // speaker named before (and, for an event done together, the one they were with).
        // (This overrides what the actor stage made of the pronoun on its own.)
        if matches!(doc.norm[s].as_str(), "we" | "i")
            && r.sources.iter().all(|m| mentions[*m].tokens == (s..s + 1))
            && r.speaker.is_none()
            && (tree.range.start..s).any(|k| is_quote(doc.token_text(k)))
        {
            if let Some((mut m, partner)) = quoted_speaker(doc, context) {
                r.sources.clear();
                m.tokens = s..s + 1;
                mentions.push(m);
                r.sources.push(mentions.len() - 1);
                if let Some(mut p) = partner.filter(|_| symmetric && doc.norm[s] == "we") {
                    p.tokens = s..s + 1;
                    mentions.push(p);
                    r.partner = Some(mentions.len() - 1);
                }
            }
        }
        // "Obama said he would …": a third-person pronoun subject of reported speech is,
        // first of all, the speaker.
        if r.sources.is_empty() && doc.upos[s] == "PRON" {
            if let Some(sp) = r.speaker {
                if let Some(mut m) = resolve_pronoun(
                    doc,
                    &doc.norm[s],
                    std::slice::from_ref(&mentions[sp]),
                    &[],
                    &[],
                ) {
                    m.tokens = s..s + 1;
                    mentions.push(m);
                    r.sources.push(mentions.len() - 1);
                }
            }
        }
        if r.sources.is_empty() && doc.upos[s] == "PRON" {
            // The verb's other arguments are not what its subject pronoun stands for.
            let others: Vec<&str> = tree
                .children(v)
                .iter()
                .filter(|&&c| c != s)
                .filter_map(|&c| mention_at(mentions, c))
                .map(|m| mentions[m].code.as_str())
                .collect();
            // This sentence's earlier actors come after the article's, so the sentence's own
            // main subject is found first ("Iran dismissed reports that it had attacked
            // Georgia").
            let here: Vec<Mention> = mentions
                .iter()
                .filter(|m| m.tokens.end <= s && tree.range.contains(&m.tokens.start))
                .cloned()
                .collect();
            if let Some(mut m) = resolve_pronoun(doc, &doc.norm[s], context, &here, &others) {
                m.tokens = s..s + 1;
                mentions.push(m);
                r.sources.push(mentions.len() - 1);
            }
        }
        if r.sources.is_empty() && tree.head(s) == Some(v) && is_time_word(tree, s) {
            // A misparse: the verb's real subject is elsewhere.
            r.no_subject = true;
        }
        if r.sources.is_empty() && r.reason.is_none() {
            r.reason = Some(format!(
                "the subject {:?} is not a known actor",
                doc.token_text(s)
            ));
        }
    } else if passive && force {
        // "There were 10 Russian soldiers killed in Ukraine", "Four children were killed in
        // Israeli tank shelling": force used with no agent named is coded, as the gold sets
        // do, with the actor of its place or of the weapon as the source.
        let patient = subject_tokens(tree, subject.map(|s| s.0), v);
        if let Some(m) = when_agent(tree, mentions, v) {
            r.sources.push(m);
        } else if let Some(m) = place_of(tree, mentions, v, &patient, &[]) {
            r.sources.push(m);
            from_place = true;
        } else {
            r.reason =
                Some("passive without a `by` agent or a place: who acted is not said".into());
        }
    } else if let Some(m) = nominal_actor(tree, mentions, v, hits) {
        // An event noun naming its actor: "Israeli tank shelling", "an attack by Hamas".
        r.sources.push(m);
    } else if adjunct_of_passive {
        r.reason = Some("a participle beside a passive clause: who acted is not said".into());
    } else if let Some(m) = passive
        .then(|| state_act_source(tree, mentions, v, hits, root, subject.map(|s| s.0)))
        .flatten()
    {
        mentions.push(m);
        r.sources.push(mentions.len() - 1);
        r.source_rule = Some(STATE_ACT_RULE);
    } else {
        r.no_subject = !passive;
        r.reason = Some(if passive {
            "passive without a `by` agent: who acted is not said".to_string()
        } else {
            "the verb has no subject in the parse".to_string()
        });
    }
    // Targets: a prepositional object named by the pattern, else the object, else the
    // passive subject, else the first actor in the verb's subtree that is not a place.
    let pred_tokens: Vec<usize> = std::iter::once(v).chain(hits.iter().copied()).collect();
    let obj = tree.child_with(v, &["obj", "iobj"]);
    if !preps.is_empty() {
        // "a mediation effort between Russia and Ukraine": a pattern word that modifies a noun
        // ("mediation" of "effort") lends it its phrases.
        let compound_heads = hits
            .iter()
            .filter(|h| tree.base_rel(**h) == "compound")
            .filter_map(|h| tree.head(*h))
            .filter(|h| !pred_tokens.contains(h));
        let heads: Vec<usize> = pred_tokens.iter().copied().chain(compound_heads).collect();
        for t in &heads {
            for c in tree.children(*t) {
                if matches!(tree.base_rel(*c), "obl" | "nmod")
                    && tree.case_of(*c).is_some_and(|p| preps.contains(&p))
                {
                    let named = np_actors(tree, mentions, *c);
                    if named.is_empty() {
                        // "talk directly to his government": the possessor's, unless it is
                        // the source's own country.
                        if let Some(m) =
                            possessed_country(tree, mentions, context, *c, r.speaker, &r.sources)
                        {
                            mentions.push(m);
                            r.targets.push(mentions.len() - 1);
                        }
                    }
                    r.targets.extend(named);
                }
            }
            if !r.targets.is_empty() {
                r.prep_target = true;
                break;
            }
        }
    }
    if r.targets.is_empty() {
        if let Some(o) = obj {
            r.targets = np_actors(tree, mentions, o);
            // "Moscow recalled Antonov": a person who matched the pattern's office noun is
            // part of the act, not its target.
            let office = r
                .targets
                .iter()
                .any(|m| stands_for_office(tree, &mentions[*m], hits));
            r.targets
                .retain(|m| !stands_for_office(tree, &mentions[*m], hits));
            // "accusing the country of state terrorism": the country last named.
            if r.targets.is_empty() && !office {
                if let Some(mut m) =
                    definite_country(tree, mentions, context, o, &r.sources, r.speaker)
                {
                    m.tokens = o..o + 1;
                    mentions.push(m);
                    r.targets.push(mentions.len() - 1);
                }
            }
            // "sent troops into Ukraine": what a moving verb moves is not its target.
            if let Some(t) =
                crate::targets::moved_to(tree, mentions, v, Some(o), hits, &r.targets, &r.sources)
            {
                r.targets = t;
            }
            // "launched air and artillery strikes on Syrian positions": an actor with a
            // source's own code is no target (the coder drops it: no actor acts on itself),
            // so the steps below may still find one.
            // (Only when every source has that code: of joint subjects, "Palestinians and
            // Israelis", each is the other's target.)
            r.targets.retain(|t| !own_code(mentions, &r.sources, *t));
        }
    }
    // "Russia criticized and condemned the United States": the object of the last conjunct
    // is shared.
    if r.targets.is_empty() && obj.is_none() {
        if let Some(o) = tree
            .children(v)
            .iter()
            .filter(|c| tree.base_rel(**c) == "conj" && **c > v)
            .find_map(|c| tree.child_with(*c, &["obj"]))
        {
            r.targets = np_actors(tree, mentions, o);
        }
    }
    if r.targets.is_empty() && passive {
        if let Some((s, _)) = subject {
            r.targets = np_actors(tree, mentions, s);
        }
    }
    // "Pompeo demanded that Russia not interfere": the subject of the complement clause.
    if r.targets.is_empty() {
        if let Some(c) = tree.child_with(v, &["ccomp"]) {
            if let Some(cs) = tree.child_with(c, &["nsubj", "nsubj:pass"]) {
                r.targets = np_actors(tree, mentions, cs);
            }
        }
    }
    // A demand, appeal or threat is directed at whoever is to act: "reiterated its demand
    // that Israel ease …" (the clause of the object noun), "threatened to quit the talks if
    // the United States deploys missiles" (the subject of the condition).
    if r.targets.is_empty() && matches!(root, "02" | "10" | "13") {
        r.targets = addressee_of_clause(tree, mentions, v, obj, root == "13");
    }
    // "lifted sanctions imposed on China": the actor the measure was laid on.
    if r.targets.is_empty() {
        let nouns: Vec<usize> = obj.into_iter().chain(hits.iter().copied()).collect();
        r.targets = crate::targets::imposed_on(tree, mentions, &nouns);
    }
    // "rejected a proposal submitted by China": the author of what the act is about.
    if r.targets.is_empty() {
        if let Some(o) = obj {
            r.targets = crate::targets::authored_by(tree, mentions, o, root);
            r.targets.retain(|t| !own_code(mentions, &r.sources, *t));
        }
    }
    if r.targets.is_empty() {
        // Anything in the predicate that is not the subject's, not a place and not a clause
        // of its own: "recalled its ambassador to Washington".
        let subj_tokens: Vec<usize> = subject_side.map(|s| tree.subtree(s)).unwrap_or_default();
        let mut cand: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = tree.children(v).to_vec();
        while let Some(c) = stack.pop() {
            // A clause the pattern reaches into ("threatened to impose sanctions on …") is
            // part of the predicate; so is the infinitive of an intent, a yielding, a
            // refusal, a threat, a demand or an appeal, which names the act offered, refused
            // or asked for, and its object the one it is for ("is willing to send arms to
            // help defend Saudi Arabia", "threatened to impose restrictions on German goods").
            let act_infinitive = INFINITIVE_ROOTS.contains(&root)
                && match tree.base_rel(c) {
                    "xcomp" => act_clause(tree, c),
                    "advcl" => act_clause(tree, c) && is_to_infinitive(tree, c),
                    _ => false,
                };
            if subj_tokens.contains(&c)
                || !hits.contains(&c)
                    && !act_infinitive
                    && matches!(
                        tree.base_rel(c),
                        "ccomp"
                            | "advcl"
                            | "parataxis"
                            | "conj"
                            | "acl"
                            | "csubj"
                            | "xcomp"
                            | "punct"
                            | "dep"
                            | "vocative"
                            | "discourse"
                    )
            {
                continue;
            }
            // Not a place or a time, but "in protest at X", "in defiance of X", "in
            // retaliation for X's raids" say whom the act answers.
            if tree.is_phrase_of(c, LOCATIVE)
                && !(tree.case_of(c).as_deref() == Some("in")
                    && STANCE_NOUNS.contains(&tree.lemma(c)))
            {
                continue;
            }
            // "visits to the island by India's top brass": the "by" phrase of an event noun
            // names who did it, not whom it was directed at.
            if tree.head(c) == Some(v)
                && doc.upos[v] == "NOUN"
                && tree.base_rel(c) == "nmod"
                && tree.case_of(c).as_deref() == Some("by")
            {
                continue;
            }
            // An actor with a source's own code is dropped as a target later (no actor acts
            // on itself): "launched air and artillery strikes on Syrian positions" is not
            // directed at the source's artillery, so look past it.
            if let Some(m) = mention_at(mentions, c).filter(|m| {
                mentions[*m].tokens.start > v
                    && !stands_for_office(tree, &mentions[*m], hits)
                    && !own_code(mentions, &r.sources, *m)
            }) {
                if !cand.contains(&m) {
                    cand.push(m);
                }
            }
            stack.extend_from_slice(tree.children(c));
        }
        cand.sort_by_key(|m| mentions[*m].tokens.start);
        r.targets = cand.into_iter().take(1).collect();
        // Weak unless a preposition names it as the counterpart ("welcomed the resumption of
        // ties with Osgiliath", "renewed talks with Syria"): then it is the target even of
        // joint subjects.
        let counterpart = r.targets.first().is_some_and(|m| {
            mentions[*m].tokens.clone().any(|t| {
                tree.case_of(t).is_some_and(|p| {
                    matches!(
                        p.as_str(),
                        "with" | "against" | "to" | "toward" | "towards" | "between"
                    )
                })
            })
        });
        r.weak_target = !r.targets.is_empty() && !counterpart;
        // "relations with Congo and Costa Rica", "mediate between Colombia and Venezuela":
        // the actors conjoined with the one found are targets too, but not one of a source's
        // own country ("send their ambassadors back to Washington and Moscow" is a pair
        // of crossings, not an act of Moscow on Moscow).
        let country = |m: usize| mentions[m].code.get(..3).unwrap_or("").to_string();
        let own: Vec<String> = r.sources.iter().map(|s| country(*s)).collect();
        if let Some(&first) = r.targets.first() {
            let head = mentions[first].tokens.clone().find(|t| {
                tree.head(*t)
                    .is_none_or(|h| !mentions[first].tokens.contains(&h))
            });
            if let Some(h) = head {
                for m in np_actors(tree, mentions, h) {
                    if !r.targets.contains(&m)
                        && !r.sources.contains(&m)
                        && !own.contains(&country(m))
                    {
                        r.targets.push(m);
                    }
                }
            }
        }
    }
    r.targets
        .retain(|t| !r.sources.contains(t) && Some(*t) != r.speaker);
    if r.targets.is_empty() {
        if let Some(p) = r.partner.take() {
            r.targets.push(p);
        }
    }
    if r.targets.is_empty() {
        // The place, as a target of last resort: "claiming responsibility for an attack
        // … at a mall in Kenya's capital" (KEN).
        // First the place of what was acted on: "bombed a village in Chechnya", "homes in the
        // West Bank were demolished" (its actor, if it had one, would be the target already).
        let subj_tokens = subject_tokens(tree, subject.map(|s| s.0), v);
        let mut skip = r.sources.clone();
        skip.extend(r.speaker);
        // Only a place that contains it: "a village near the Georgian border" is not in
        // Georgia.
        let patient = obj.or_else(|| subject.filter(|s| passive && s.1).map(|s| s.0));
        // Through "of" modifiers: "lifted a state of emergency in West Darfur".
        let patient_nodes: Vec<usize> = patient
            .into_iter()
            .flat_map(|p| {
                let mut nodes = vec![p];
                let mut k = 0;
                while k < nodes.len() && nodes.len() <= tree.range.len() {
                    let n = nodes[k];
                    k += 1;
                    nodes.extend(tree.children(n).iter().copied().filter(|c| {
                        tree.base_rel(*c) == "nmod" && tree.case_of(*c).as_deref() == Some("of")
                    }));
                }
                nodes
            })
            .collect();
        r.place = patient_nodes
            .into_iter()
            .flat_map(|p| tree.children(p).iter().copied())
            .filter(|c| {
                tree.base_rel(*c) == "nmod"
                    && tree
                        .case_of(*c)
                        .is_some_and(|p| CONTAINING.contains(&p.as_str()))
            })
            .filter_map(|c| phrase_actor(tree, mentions, c))
            .find(|m| !skip.contains(m))
            .or_else(|| place_of(tree, mentions, v, &subj_tokens, &skip));
    }
    if from_place {
        r.report_verb = None;
    }
    // Reversed roles ("Israel faced criticism from the EU"): the subject is what was acted
    // on, the actor of the `from` phrase acted. Without an actor there, no event: who
    // acted is not said (or is no actor: "criticism from rights groups").
    if !actor_preps.is_empty() {
        let patient: Vec<usize> = if passive {
            subject
                .map(|s| np_actors(tree, mentions, s.0))
                .unwrap_or_default()
        } else {
            r.sources.clone()
        };
        let actors: Vec<usize> = predicate_pps(tree, v, hits, actor_preps)
            .into_iter()
            .flat_map(|c| np_actors(tree, mentions, c))
            .collect();
        r.no_subject = false;
        r.place = None;
        r.partner = None;
        r.weak_target = false;
        if actors.is_empty() {
            r.sources.clear();
            r.targets.clear();
            r.prep_target = false;
            r.reason = Some(format!(
                "reversed roles: no actor after `{}`",
                actor_preps.join("|")
            ));
        } else {
            r.targets = patient
                .into_iter()
                .filter(|t| !actors.contains(t))
                .collect();
            r.sources = actors;
            r.prep_target = true;
            r.reason = None;
        }
    }
    let mood = modality_of(tree, v, obj);
    r.modality = mood.modality;
    r.intent = mood.intent;
    r.settled = mood.settled;
    r.obligation = mood.obligation;
    r
}
