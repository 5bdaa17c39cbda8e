//! The event coder: finds verb patterns (from `dicts/verbs`) in a sentence, takes the roles
//! of each match from the dependency parse (see [`crate::syntax`]) and turns them into
//! events: one per source and target, the mood shifting the code (intent, threat, refusal),
//! with the speaker's own statement (claim, accusation, demand, appeal) when the event is
//! reported. When a sentence has no parse, or the parse gives the verb no subject at all,
//! it falls back to surface rules: the source is the nearest actor before the verb (the
//! agent after "by" in a passive), the target the first actor after the verb or after one of
//! the pattern's prepositions, with modality from nearby words and quoted or reported speech
//! attributed to its speaker. It also dates events and writes the output records.

use crate::cameo::CodeInfo;
use crate::syntax::Settled;
use crate::verbs::VerbDict;
use dyad_core::{
    Article, Attribution, Doc, Event, Mention, Modality, TimexPrecision, EVENT_SCHEMA_VERSION,
};
use std::collections::HashSet;
use std::ops::Range;

/// Verbs that report speech; their subject is the speaker of what follows or precedes them.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "announced",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "wrote",
    "writes",
    "declared",
    "declares",
    "argued",
    "argues",
    "explained",
    "asserted",
    "according",
    "reported",
    "reports",
    "quoted",
];

const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];
const FUTURE: &[&str] = &["will", "'ll", "shall", "wo"];
/// Forms of verbs that ask or order someone to do what their infinitive says ("urged Bush to
/// impose sanctions"), for the token-based modality; the parse-based one uses lemmas.
const MANDATING: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "urging",
    "ask",
    "asks",
    "asked",
    "asking",
    "call",
    "calls",
    "called",
    "calling",
    "press",
    "presses",
    "pressed",
    "pressing",
    "order",
    "orders",
    "ordered",
    "ordering",
    "request",
    "requests",
    "requested",
    "requesting",
    "appeal",
    "appeals",
    "appealed",
    "appealing",
    "demand",
    "demands",
    "demanded",
    "demanding",
    "plead",
    "pleaded",
    "pleading",
    "petitioned",
    "petitioning",
];
const HYPOTHETICAL: &[&str] = &[
    "would", "could", "might", "may", "should", "'d", "ca", "can",
];
const INTENT: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "going",
    "expected",
    "expects",
    "expect",
    "set",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "aims",
    "aim",
    "seeks",
    "seek",
    "sought",
    "ready",
    "prepared",
    "willing",
    "due",
    "scheduled",
    "promised",
    "pledged",
    "vowed",
    "threatened",
    "decided",
    "agreed",
    "offered",
];
const PASSIVE_AUX: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "got", "get",
];
/// Prepositions whose object is not the subject of a following verb.
const PREPOSITIONS: &[&str] = &[
    "with", "of", "to", "in", "on", "for", "from", "against", "at", "into", "onto", "over",
    "between", "among", "toward", "towards", "about", "near", "across", "through", "under",
];

/// One event as found in a sentence, before it becomes an output record.
#[derive(Debug, Clone)]
pub struct Found {
    pub pattern: usize,
    pub anchor: usize,
    pub hits: Vec<usize>,
    pub source: usize,
    pub target: Option<usize>,
    pub modality: Modality,
    pub speaker: Option<usize>,
    /// The event code: the pattern's, or what its mood made of it (see `dicts/verbs/moods.txt`).
    pub code: &'static CodeInfo,
    /// The mood line that changed the code, if one did.
    pub mood_rule: Option<dyad_core::RuleRef>,
    /// The speaker and the reporting verb, when the event is reported as "SPEAKER VERB (that)
    /// EVENT": the speaker's own statement may be coded too (see [`Coder::statement`]).
    pub report: Option<(usize, usize)>,
    /// The source is told it must (`Some(true)`) or should (`Some(false)`) do it.
    pub obligation: Option<bool>,
}

/// What the coder tried in one sentence, for `dyad explain`.
#[derive(Debug, Clone)]
pub struct Trace {
    /// (pattern index, anchor token, outcome).
    pub tried: Vec<(usize, usize, String)>,
}

/// The slice coder.
pub struct Coder<'a> {
    pub verbs: &'a VerbDict,
    /// Give a bare agent ("rebels", `---REB`) the country its sentence is about (see
    /// `agent_country`). Off by default: PETRARCH-style gold (PETR-2 GSR) keeps such agents
    /// without a country, and on its development half the inference lost root F1 (and
    /// triple F1 on the whole set) while it gained on PLOVER, whose coders infer countries.
    pub agent_country: bool,
    /// The document's lemmas with a person's name replaced by the office noun of the role
    /// that coded it ("Antonov" → "ambassador"), when the sentence names such a person: verb
    /// patterns that name the office then match the person ("recalled Antonov").
    pub office_lemmas: Option<Vec<String>>,
    /// For a person standing for an office (see `office_lemmas`): the token and the country
    /// the role says the envoy is posted to ("Ambassador to the United States": `USA`).
    pub office_posts: Vec<(usize, String)>,
}

fn inside(r: &Range<usize>, i: usize) -> bool {
    r.start <= i && i < r.end
}

impl<'a> Coder<'a> {
    pub fn new(verbs: &'a VerbDict) -> Self {
        Coder {
            verbs,
            agent_country: false,
            office_lemmas: None,
            office_posts: Vec::new(),
        }
    }

    /// Events of sentence `s` of `doc` with its `mentions` (sorted by position).
    /// Events of sentence `s`. `mentions` are the sentence's actors (sorted); resolved
    /// pronouns are appended to it. `context` holds the actors of earlier sentences, most
    /// recent last, for pronouns. With a parsed `doc` the roles come from the parse; without
    /// one, from the surface.
    pub fn code_sentence(
        &self,
        doc: &Doc,
        s: usize,
        mentions: &mut Vec<Mention>,
        context: &[Mention],
        trace: Option<&mut Trace>,
    ) -> Vec<Found> {
        let range = doc.sentences[s].tokens.clone();
        let tree = crate::syntax::Tree::new(doc, range.clone());
        let norm = &doc.norm;
        let mut found = Vec::new();
        let mut consumed: HashSet<usize> = HashSet::new();
        let mut tried = Vec::new();
        let quotes = quote_regions(doc, range.clone());
        for i in range.clone() {
            if consumed.contains(&i) || mentions.iter().any(|m| inside(&m.tokens, i)) {
                continue;
            }
            let mut best: Option<(usize, Vec<usize>)> = None;
            // A passive participle may have its object noun before it: "sanctions were imposed".
            let passive = is_passive(norm, range.start, i);
            // Patterns anchored on the token's form, then those on its lemma ("+overtake"
            // for "overtook" when the inflector does not know the form).
            // (No allocation on this per-token path unless the lemma has capitals.)
            let by_form = self.verbs.anchored_at(&norm[i]);
            let lemma = doc.lemma.get(i).map(|l| {
                if l.chars().any(char::is_uppercase) {
                    std::borrow::Cow::Owned(l.to_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(l.as_str())
                }
            });
            let by_lemma = match &lemma {
                Some(l) if **l != *norm[i] => self.verbs.anchored_at(l),
                _ => &[],
            };
            let candidates = by_form
                .iter()
                .chain(by_lemma.iter().filter(|p| !by_form.contains(p)))
                .copied();
            // The words of the anchor's own object, which a pattern's gap reaches however
            // far they stand (see `syntax::object_reach`).
            let reach = match &tree {
                Some(t) if !(by_form.is_empty() && by_lemma.is_empty()) => {
                    crate::syntax::object_reach(t, i)
                }
                _ => Vec::new(),
            };
            // The proper names it takes as object, for `@name` elements (few patterns have
            // one: only looked for when a candidate does).
            let names = match &tree {
                Some(t)
                    if candidates
                        .clone()
                        .any(|p| self.verbs.patterns[p].takes_name()) =>
                {
                    crate::syntax::object_names(t, mentions, i)
                }
                _ => Vec::new(),
            };
            for p in candidates {
                let pat = &self.verbs.patterns[p];
                let m = pat
                    .match_naming(
                        norm,
                        self.office_lemmas.as_deref().unwrap_or(&doc.lemma),
                        &doc.upos,
                        &reach,
                        &names,
                        i,
                        range.end,
                    )
                    .or_else(|| {
                        if passive {
                            pat.match_passive(norm, range.start, i)
                        } else {
                            None
                        }
                    });
                // `>!` and `<` patterns match only with their preposition in the predicate.
                let m = match (m, pat.needed_preps()) {
                    (Some(hits), Some(preps))
                        if !needed_prep_present(
                            tree.as_ref(),
                            norm,
                            i,
                            &hits,
                            preps,
                            range.end,
                        ) =>
                    {
                        tried.push((
                            p,
                            i,
                            format!("did not match: no `{}` phrase", preps.join("|")),
                        ));
                        continue;
                    }
                    (m, _) => m,
                };
                // "agreed on Wednesday to …" is not "+agree on".
                if let (Some(hits), Some(t)) = (&m, &tree) {
                    if hits
                        .iter()
                        .any(|h| *h != i && crate::syntax::time_preposition(t, i, *h))
                    {
                        tried.push((
                            p,
                            i,
                            "did not match: its preposition introduces a time".to_string(),
                        ));
                        continue;
                    }
                }
                // "sought clarification about the missile test" is not "+seek ... +missile".
                if let (Some(hits), Some(t)) = (&m, &tree) {
                    if let Some(w) = crate::syntax::topic_word(t, i, hits) {
                        tried.push((
                            p,
                            i,
                            format!(
                                "did not match: {:?} is the topic of what is asked for, not the thing",
                                doc.token_text(w)
                            ),
                        ));
                        continue;
                    }
                }
                match m {
                    Some(hits) => {
                        tried.push((p, i, "matched".to_string()));
                        let better = match &best {
                            None => true,
                            Some((b, _)) => {
                                pat.specificity() > self.verbs.patterns[*b].specificity()
                            }
                        };
                        if better {
                            best = Some((p, hits));
                        }
                    }
                    None => tried.push((p, i, "did not match".to_string())),
                }
            }
            let Some((p, hits)) = best else { continue };
            let pat = &self.verbs.patterns[p];
            let last = hits.iter().copied().max().unwrap_or(i);
            let parsed = tree
                .as_ref()
                .map(|tree| {
                    let mut r = crate::syntax::roles(
                        tree,
                        mentions,
                        context,
                        i,
                        &hits,
                        &pat.preps,
                        &pat.actor_preps,
                        pat.code.root,
                    );
                    // A statement with no actor as its subject ("There was no interference
                    // on our part," Peskov said) is the speaker's.
                    if r.sources.is_empty() && pat.code.root == "01" && pat.actor_preps.is_empty() {
                        if let Some(sp) = r
                            .speaker
                            .or_else(|| self.speaker(doc, mentions, &quotes, range.clone(), i))
                        {
                            r.sources.push(sp);
                            r.speaker = Some(sp);
                            r.no_subject = false;
                        }
                    }
                    r
                })
                .filter(|r| !r.no_subject);
            let parsed = parsed.map(|mut r| {
                // "Moscow recalled Antonov": an envoy who matched the pattern's office noun
                // is posted to the country his role names, which is the act's target.
                if r.targets.is_empty() {
                    if let Some((t, c)) = self.office_posts.iter().find(|(t, _)| hits.contains(t)) {
                        let person = mentions.iter().find(|m| m.tokens.contains(t)).cloned();
                        if let Some(mut m) = person.filter(|m| !m.code.starts_with(c.as_str())) {
                            m.code = c.clone();
                            m.kind = dyad_core::MentionKind::Name;
                            mentions.push(m);
                            r.targets.push(mentions.len() - 1);
                        }
                    }
                }
                // "met with Syrian President Assad Tuesday to discuss …" is sometimes parsed
                // with the partner as the subject of the next clause: the pattern's
                // preposition right after the match still names the partner.
                if r.targets.is_empty() && !pat.preps.is_empty() && last + 1 < range.end {
                    let next = last + 1;
                    let adjacent = pat.preps.contains(&norm[next]);
                    if let Some(t) = adjacent
                        .then(|| {
                            self.prep_target(pat.preps.as_slice(), norm, mentions, last, next + 1)
                        })
                        .flatten()
                        .filter(|t| !r.sources.contains(t))
                    {
                        r.targets.push(t);
                        r.prep_target = true;
                    }
                }
                // ", the White House announced": the speaker of a reporting clause is not
                // whom the reported act is directed at, however the parse hangs it.
                let before = r.targets.len();
                r.targets
                    .retain(|t| !reporting_clause_speaker(norm, range.clone(), &mentions[*t]));
                if r.targets.len() < before && r.targets.is_empty() {
                    r.prep_target = false;
                    r.weak_target = false;
                }
                // A demand, appeal or threat the parse gives no addressee: the actor that
                // opens its "that", "for … to" or condition clause (see `clause_addressee`).
                if r.targets.is_empty() && pat.actor_preps.is_empty() {
                    if let Some(t) =
                        clause_addressee(norm, range.clone(), mentions, pat.code.root, i, last)
                            .filter(|t| !r.sources.contains(t) && Some(*t) != r.speaker)
                    {
                        r.targets.push(t);
                    }
                }
                r
            });
            // An event noun ("talks with", "a meeting with") is coded only from the parse and
            // only with the partner its preposition names: "flew to Moscow for talks" alone
            // says nothing about with whom.
            let noun_anchor = doc.upos.get(i).is_some_and(|u| u == "NOUN") && !pat.preps.is_empty();
            if noun_anchor && !parsed.as_ref().is_some_and(|r| r.prep_target || r.paired) {
                tried.push((p, i, "an event noun without its partner".to_string()));
                continue;
            }
            // "killed in Israeli tank shelling": an event noun that says how an event already
            // coded was done is part of that event.
            if noun_anchor_of_coded(tree.as_ref(), doc, i, &found) {
                tried.push((
                    p,
                    i,
                    "an event noun inside an event already coded".to_string(),
                ));
                continue;
            }
            if let Some(r) = parsed {
                if r.sources.is_empty() {
                    tried.push((p, i, r.reason.unwrap_or_else(|| "no source".into())));
                    continue;
                }
                // "Kyiv wants to receive weapons from Berlin", "Ukraine refused to receive
                // aid from Russia": with reversed roles the will is the target's, not the
                // source's: no intent or refusal of the source's to code.
                if !pat.actor_preps.is_empty()
                    && r.intent
                    && matches!(r.modality, Modality::Future | Modality::Negated)
                {
                    tried.push((p, i, "reversed roles: the will is the target's".into()));
                    continue;
                }
                for &h in &hits {
                    consumed.insert(h);
                }
                let targets: Vec<Option<usize>> = if r.targets.is_empty() {
                    vec![None]
                } else {
                    r.targets.iter().map(|t| Some(*t)).collect()
                };
                // "Lavrov and Pompeo met": joint subjects of a symmetric event (consult,
                // cooperate, fight, express accord: "have identical views") with no object act
                // on each other. Not a visit or a host
                // (042, 043): "Chinese and Japanese officials attended the funeral" is no
                // visit to each other.
                // So too when the only target is an actor met somewhere in the predicate ("Israel
                // and Lebanon renewed negotiations on an Israeli pullback") or the sentence
                // calls the parties "the two countries", "both sides" ("agreed on a pact
                // between the two countries"), which refers back to the joint subjects.
                let joint = r.targets.is_empty()
                    || r.weak_target
                    || (!r.prep_target && names_the_pair(norm, range.clone()));
                // Not the actors of a reversed pattern's "from" phrase ("enjoyed support
                // from Moscow and Beijing"): they act on the subject, not on each other.
                let reciprocal = joint
                    && pat.actor_preps.is_empty()
                    && r.sources.len() > 1
                    && r.sources
                        .iter()
                        .any(|a| mentions[*a].code != mentions[r.sources[0]].code)
                    && (matches!(pat.code.root, "03" | "04" | "05" | "06" | "19")
                        || pat.code.code == "019"
                        || failed_accord(pat.code.root, &hits, &doc.lemma))
                    && !matches!(pat.code.code, "042" | "043");
                for &source in &r.sources {
                    let targets: Vec<Option<usize>> = if reciprocal {
                        r.sources
                            .iter()
                            .filter(|o| **o != source)
                            .map(|o| Some(*o))
                            .collect()
                    } else {
                        targets.clone()
                    };
                    // With no other target, the actor of the place where it happened.
                    let place = r
                        .place
                        .filter(|p| !reciprocal && mentions[*p].code != mentions[source].code);
                    let targets: Vec<Option<usize>> = match place {
                        Some(p) if targets == [None] => vec![Some(p)],
                        _ => targets,
                    };
                    for &target in &targets {
                        // "Bosnian Serb gunners shelled Gorazde": an act within one actor
                        // (a town of the source's own country) is coded with no target.
                        //
                        // Domestic events: the rule is on codes, not countries. A government,
                        // force, police or opposition (SDNGOV, SYRMIL) acting in a place or on
                        // the people of its own country ("lifted the state of emergency in
                        // West Darfur", SDN) has that country as its target, as CAMEO and
                        // PLOVER code domestic events; only a target with exactly the source's
                        // code is dropped, since an actor does not act on itself. Letting a
                        // bare country act on itself (IRQ → IRQ) was measured: PLOVER gains a
                        // little, PETR-2 loses, and it yields "USAMIL 0332 USAMIL".
                        let target = target.filter(|t| mentions[*t].code != mentions[source].code);
                        let (code, modality, mood_rule) =
                            self.mood_shift(pat.code, r.modality, r.intent, r.settled);
                        // An act its mood makes a threat ("threatened to cancel the talks if
                        // Japan sends warships") is directed at whom the condition names.
                        let target = target.or_else(|| {
                            (code.root == "13" && pat.code.root != "13")
                                .then(|| {
                                    clause_addressee(norm, range.clone(), mentions, "13", i, last)
                                })
                                .flatten()
                                .filter(|t| {
                                    !r.sources.contains(t)
                                        && mentions[*t].code != mentions[source].code
                                })
                        });
                        tried.push((
                            p,
                            i,
                            match r.source_rule {
                                Some(why) => format!("coded from the parse ({why})"),
                                None => "coded from the parse".to_string(),
                            },
                        ));
                        let f = Found {
                            pattern: p,
                            anchor: i,
                            hits: hits.clone(),
                            source,
                            target,
                            modality,
                            speaker: r.speaker.filter(|sp| *sp != source),
                            code,
                            mood_rule,
                            // A source the sentence does not name (see
                            // `syntax::state_act_source`) is no one the speaker accuses.
                            report: r
                                .speaker
                                .zip(r.report_verb)
                                .filter(|_| r.source_rule.is_none()),
                            obligation: r.obligation,
                        };
                        // Joint subjects, and the two parties an event noun names ("talks
                        // between X and Y"), already act on each other.
                        let reverse =
                            pat.reverse
                                .filter(|_| !(reciprocal || r.paired))
                                .and_then(|rev| {
                                    let mood = (r.modality, r.intent, r.settled);
                                    self.reverse_event(&f, rev, mood, r.speaker)
                                });
                        found.push(f);
                        found.extend(reverse);
                    }
                }
                continue;
            }
            // The word-order fallback is for verbs the parse gave no subject. An event noun
            // that another coded event is about ("Britain condemned the killing of two
            // journalists") is not the act of the actor before it, who talks about it.
            if doc.upos.get(i).is_some_and(|u| u == "NOUN")
                && tree
                    .as_ref()
                    .is_some_and(|t| crate::syntax::argument_of(t, i, &found_anchors(&found)))
            {
                tried.push((
                    p,
                    i,
                    "an event noun that names no actor of its own".to_string(),
                ));
                continue;
            }
            let by_agent = if passive {
                (last + 1..range.end)
                    .find(|&k| norm[k] == "by")
                    .and_then(|k| {
                        mentions
                            .iter()
                            .position(|m| m.tokens.start > k && m.tokens.start <= k + 3)
                    })
            } else {
                None
            };
            // Starting a coordinated or participial clause (", criticizing X", "and condemned
            // X"), the verb shares the subject of the clause before: skip earlier targets.
            let coordinated = i > range.start && matches!(norm[i - 1].as_str(), "," | "and");
            let earlier_targets: Vec<usize> = if coordinated {
                found.iter().filter_map(|f: &Found| f.target).collect()
            } else {
                Vec::new()
            };
            // The nearest actor before the verb that is not the object of a preposition
            // ("President Bush planned a speech on US relations with Asia and to meet …": the
            // source is Bush, not Asia).
            let in_pp = |m: &Mention| {
                m.tokens.start > range.start
                    && PREPOSITIONS.contains(&norm[m.tokens.start - 1].as_str())
            };
            let mut before = mentions
                .iter()
                .enumerate()
                .rev()
                .find(|(k, m)| m.tokens.end <= i && !earlier_targets.contains(k) && !in_pp(m))
                .map(|(k, _)| k);
            // ", accusing the Kremlin of …": a participle after a comma takes the sentence's
            // subject, its first actor.
            if i > range.start && norm[i - 1] == "," && norm[i].ends_with("ing") {
                before = mentions.iter().position(|m| m.tokens.end <= i);
            }
            // "Putin said that the report accused Russia": another subject stands between the
            // actor and the verb, so that actor is not the source.
            if let Some(b) = before {
                if has_other_subject(norm, mentions[b].tokens.end, i) {
                    before = None;
                }
            }
            let speaker = self.speaker(doc, mentions, &quotes, range.clone(), i);
            // "We will expel …," Lavrov said: a first-person subject inside a quote is the speaker.
            let first_person = quotes.iter().any(|q| inside(q, i))
                && (range.start..i)
                    .rev()
                    .take(4)
                    .any(|k| matches!(norm[k].as_str(), "we" | "i"));
            let before = match (first_person, speaker) {
                (true, Some(sp))
                    if before.is_none_or(|b| {
                        mentions[b].tokens.end
                            <= quotes.iter().find(|q| inside(q, i)).map_or(0, |q| q.start)
                    }) =>
                {
                    Some(sp)
                }
                _ => before,
            };
            let (source, mut target) = if !pat.actor_preps.is_empty() {
                // Reversed roles: the actor after `from` acted on the one before the verb.
                let Some(actor) =
                    self.prep_target(pat.actor_preps.as_slice(), norm, mentions, last, range.end)
                else {
                    tried.push((
                        p,
                        i,
                        "reversed roles: no actor after the preposition".into(),
                    ));
                    continue;
                };
                (Some(actor), before.filter(|b| *b != actor))
            } else if let Some(agent) = by_agent {
                let prep_target = self
                    .prep_target(pat.preps.as_slice(), norm, mentions, i, range.end)
                    .filter(|t| *t != agent);
                (Some(agent), prep_target.or(before))
            } else if passive {
                // A passive without "by": the actor before the verb is what was acted on, and
                // who acted is not said.
                tried.push((p, i, "passive without an agent: no source".to_string()));
                continue;
            } else {
                (
                    before,
                    self.target(pat.preps.as_slice(), norm, mentions, i, last, range.end),
                )
            };
            let Some(source) = source else {
                tried.push((p, i, "no source actor before the verb".to_string()));
                continue;
            };
            if target == Some(source) {
                target = None;
            }
            for &h in &hits {
                consumed.insert(h);
            }
            let from = mentions[source].tokens.end.min(i).max(range.start);
            let modality = modality(norm, range.start, from, i);
            let speaker = speaker.filter(|&sp| sp != source || quotes.iter().any(|q| inside(q, i)));
            if target.is_some_and(|t| mentions[t].code == mentions[source].code) {
                tried.push((p, i, "source and target are the same actor".to_string()));
                continue;
            }
            if !pat.actor_preps.is_empty() && modality == Modality::Future {
                tried.push((p, i, "reversed roles: the will is the target's".into()));
                continue;
            }
            tried.push((p, i, "coded".to_string()));
            let mood = (modality, modality == Modality::Future, Settled::No);
            let (code, modality, mood_rule) = self.mood_shift(pat.code, mood.0, mood.1, mood.2);
            let f = Found {
                pattern: p,
                anchor: i,
                hits,
                source,
                target,
                modality,
                speaker,
                code,
                mood_rule,
                report: None,
                obligation: None,
            };
            if let Some(r) = pat
                .reverse
                .and_then(|rev| self.reverse_event(&f, rev, mood, speaker))
            {
                found.push(r);
            }
            found.push(f);
        }
        // Codes that depend on who acts (a bombing by rebels is 183, not an air raid; people
        // seized by the police are arrested, by guerrillas abducted): see `actor_role`.
        for f in found.iter_mut() {
            if let Some((to, why)) = crate::actor_role::shift(
                f.code,
                &mentions[f.source],
                f.target.map(|t| &mentions[t]),
                norm,
                &doc.lemma,
                &doc.upos,
                f.anchor,
                &f.hits,
            ) {
                tried.push((
                    f.pattern,
                    f.anchor,
                    format!("code {} → {}: {why}", f.code.code, to.code),
                ));
                f.code = to;
            }
        }
        // The events' actors are final: a bare agent ("rebels", `---REB`) takes the country
        // its sentence is about (see `agent_country`).
        if self.agent_country {
            crate::agent_country::infer(doc, range.clone(), mentions, &found, &mut tried);
        }
        if let Some(t) = trace {
            t.tried = tried;
        }
        found
    }

    /// The actor right after one of `preps` following the verb.
    fn prep_target(
        &self,
        preps: &[String],
        norm: &[String],
        mentions: &[Mention],
        anchor: usize,
        end: usize,
    ) -> Option<usize> {
        if preps.is_empty() {
            return None;
        }
        (anchor + 1..end)
            .filter(|&k| preps.contains(&norm[k]))
            .find_map(|k| {
                mentions
                    .iter()
                    .position(|m| m.tokens.start > k && m.tokens.start <= k + 3)
            })
    }

    fn target(
        &self,
        preps: &[String],
        norm: &[String],
        mentions: &[Mention],
        anchor: usize,
        last: usize,
        end: usize,
    ) -> Option<usize> {
        if let Some(t) = self.prep_target(preps, norm, mentions, anchor, end) {
            return Some(t);
        }
        // The first actor after the verb, before a clause break.
        let stop = (last + 1..end)
            .find(|&k| {
                matches!(
                    norm[k].as_str(),
                    ";" | ":" | "." | "but" | "while" | "whereas"
                )
            })
            .unwrap_or(end);
        // Not a place: "met Lavrov in Finland"; not the speaker of ", the ministry said".
        let start = mentions
            .first()
            .map_or(anchor, |m| m.tokens.start.min(anchor));
        mentions.iter().position(|m| {
            m.tokens.start > anchor
                && m.tokens.start < stop
                && !matches!(norm[m.tokens.start - 1].as_str(), "in" | "at" | "near")
                && !reporting_clause_speaker(norm, start..end, m)
        })
    }

    /// The speaker of an event at `anchor`: the actor of a reporting verb in the same sentence
    /// ("Lavrov said Russia would…", "…, the ministry said", "according to Peskov").
    fn speaker(
        &self,
        doc: &Doc,
        mentions: &[Mention],
        quotes: &[Range<usize>],
        range: Range<usize>,
        anchor: usize,
    ) -> Option<usize> {
        let norm = &doc.norm;
        let in_quote = quotes.iter().any(|q| inside(q, anchor));
        // The subject of the event's clause starts at the nearest actor before the verb.
        let clause_start = mentions
            .iter()
            .rposition(|m| m.tokens.end <= anchor)
            .map_or(anchor, |m| mentions[m].tokens.start);
        for r in range.clone() {
            if !REPORTING.contains(&norm[r].as_str())
                || quotes.iter().any(|q| inside(q, r))
                || mentions.iter().any(|m| inside(&m.tokens, r))
            {
                continue;
            }
            if r < clause_start && !in_quote {
                // "X said (that) SOURCE VERB …": X is the nearest actor before "said", or the
                // first after it in "said X".
                if let Some(m) = mentions.iter().rposition(|m| m.tokens.end <= r) {
                    return Some(m);
                }
                if norm[r] == "according" {
                    if let Some(m) = mentions
                        .iter()
                        .position(|m| m.tokens.start > r && m.tokens.start <= r + 3)
                    {
                        return Some(m);
                    }
                }
            } else if r > anchor || in_quote {
                // "…, the ministry said." / "…, said Lavrov." / "… according to Peskov."
                // The reporting clause is set off by a comma or a quote mark; "after Biden
                // said" is a clause of its own, not a report of the event.
                let set_off = |k: usize| {
                    k > range.start && matches!(norm[k - 1].as_str(), "," | "\"" | "—" | "--")
                };
                let after = mentions.iter().position(|m| {
                    m.tokens.start > r
                        && m.tokens.start <= r + 4
                        && (set_off(r) || norm[r] == "according")
                });
                let before = mentions.iter().rposition(|m| {
                    m.tokens.end <= r
                        && m.tokens.start > anchor
                        && r - m.tokens.end <= 2
                        && set_off(m.tokens.start)
                });
                let pick = if norm[r] == "according" {
                    after
                } else {
                    before.or(after)
                };
                if pick.is_some() {
                    return pick;
                }
            }
        }
        None
    }

    /// The event a paired code (`046:046`) adds to `f`: its target does `rev` to its source,
    /// in the mood the act was found in (`mood`: modality, intent, settled, before
    /// [`Coder::mood_shift`]), reported by `speaker` unless that is the new source.
    fn reverse_event(
        &self,
        f: &Found,
        rev: &'static CodeInfo,
        mood: (Modality, bool, Settled),
        speaker: Option<usize>,
    ) -> Option<Found> {
        let t = f.target?;
        let (code, modality, mood_rule) = self.mood_shift(rev, mood.0, mood.1, mood.2);
        Some(Found {
            pattern: f.pattern,
            anchor: f.anchor,
            hits: f.hits.clone(),
            source: t,
            target: Some(f.source),
            modality,
            speaker: speaker.filter(|sp| *sp != t),
            code,
            mood_rule,
            report: f.report,
            obligation: f.obligation,
        })
    }

    /// The code of an event under its mood: what an actor says it will do is an intent (03x)
    /// or a threat (13x); what it says it will not do, a refusal (12x); other moods keep the
    /// pattern's code. A decision or agreement to act ("decided to impose sanctions") is not
    /// a threat, and a decision to cooperate is the cooperation ("Japan decided to ease
    /// sanctions" is 085, not 0354); an agreement to cooperate stays an intent, as CAMEO's
    /// "agree to" is (see [`Settled`]). A refusal is itself asserted: its negation is in its
    /// code, not its modality.
    /// Returns the code, the modality and the mood line used.
    fn mood_shift(
        &self,
        code: &'static CodeInfo,
        modality: Modality,
        intent: bool,
        settled: Settled,
    ) -> (&'static CodeInfo, Modality, Option<dyad_core::RuleRef>) {
        use crate::verbs::MoodKind;
        let unchanged = (code, modality, None);
        let kind = match modality {
            _ if !intent => return unchanged,
            Modality::Future => MoodKind::Intent,
            Modality::Negated => MoodKind::Refuse,
            _ => return unchanged,
        };
        if kind == MoodKind::Intent
            && (settled == Settled::Decided || settled == Settled::Agreed && code.root >= "09")
        {
            return unchanged;
        }
        let Some(m) = self.verbs.mood_rule(code.code, kind) else {
            return unchanged;
        };
        let modality = match kind {
            MoodKind::Refuse => Modality::Asserted,
            _ => modality,
        };
        (m.to, modality, Some(m.rule.clone()))
    }

    /// The speaker's own statement about a reported event, when a `claim` or `accuse` mood
    /// line covers its code: "The US claimed that ISIL had attacked Iraq" is also USA 112
    /// ISIL; "The US said it had attacked Iraq" is also USA 015 IRQ. Only asserted events
    /// reported as "SPEAKER VERB (that) EVENT" count; a source named after the fact ("…, police
    /// said") attributes the event and says nothing of its own. Returns the statement as a
    /// found event (the reporting verb as its verb) and the mood line.
    pub fn statement(&self, f: &Found, mentions: &[Mention]) -> Option<Found> {
        use crate::verbs::MoodKind;
        // "Straw said Sudan must reach an agreement", "Russia must withdraw, Biden said": a
        // demand (must) or an appeal (should) to the actor who is to act, wherever the
        // speaker is named.
        if let (Some(must), Some(sp)) = (f.obligation, f.speaker) {
            let kind = if must {
                MoodKind::Demand
            } else {
                MoodKind::Appeal
            };
            if mentions[sp].code == mentions[f.source].code {
                return None;
            }
            let verb = f.report.map_or(f.anchor, |r| r.1);
            return self.statement_by(f, kind, sp, Some(f.source), verb);
        }
        let (sp, verb) = f.report?;
        if f.modality != Modality::Asserted {
            return None;
        }
        let own = mentions[sp].code == mentions[f.source].code;
        let (kind, target) = if own {
            (MoodKind::Claim, f.target)
        } else {
            (MoodKind::Accuse, Some(f.source))
        };
        if target.is_some_and(|t| mentions[t].code == mentions[sp].code) {
            return None;
        }
        self.statement_by(f, kind, sp, target, verb)
    }

    /// The statement of `speaker` (with verb token `verb`) about the found event `f` under
    /// the mood line of `kind` for its code, if there is one.
    fn statement_by(
        &self,
        f: &Found,
        kind: crate::verbs::MoodKind,
        speaker: usize,
        target: Option<usize>,
        verb: usize,
    ) -> Option<Found> {
        let m = self.verbs.mood_rule(f.code.code, kind)?;
        Some(Found {
            pattern: f.pattern,
            anchor: verb,
            hits: vec![verb],
            source: speaker,
            target,
            modality: Modality::Asserted,
            speaker: None,
            code: m.to,
            mood_rule: Some(m.rule.clone()),
            report: None,
            obligation: None,
        })
    }

    /// Turns found events into output records.
    pub fn records(
        &self,
        article: &Article,
        doc: &Doc,
        s: usize,
        mentions: &[Mention],
        found: &[Found],
    ) -> Vec<Event> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        let sentence = &doc.sentences[s];
        // An event without a target adds nothing when the sentence has the same one with one.
        let with_target: HashSet<(String, &str)> = found
            .iter()
            .filter(|f| f.target.is_some())
            .map(|f| (mentions[f.source].code.clone(), f.code.code))
            .collect();
        for f in found {
            if f.target.is_none()
                && with_target.contains(&(mentions[f.source].code.clone(), f.code.code))
            {
                continue;
            }
            let pat = &self.verbs.patterns[f.pattern];
            let src = &mentions[f.source];
            let tgt = f.target.map(|t| &mentions[t]);
            let key = (src.code.clone(), tgt.map(|t| t.code.clone()), f.code.code);
            if !seen.insert(key) {
                continue;
            }
            let (date, precision) = event_date(doc, sentence.tokens.clone(), f.anchor, article);
            let rule = match &f.mood_rule {
                Some(m) => format!("{}; {m}", pat.rule),
                None => pat.rule.to_string(),
            };
            out.push(record(
                article, doc, s, f.code, src, tgt, f, date, precision, &rule, mentions,
            ));
            let reported_at = out.len() - 1;
            if let Some(st) = self.statement(f, mentions) {
                let key = (
                    mentions[st.source].code.clone(),
                    st.target.map(|t| mentions[t].code.clone()),
                    st.code.code,
                );
                if seen.insert(key) {
                    // The statement's rule: its mood line, then the pattern of what it reports.
                    let rule = match &st.mood_rule {
                        Some(m) => format!("{m}; reporting {rule}"),
                        None => rule.clone(),
                    };
                    let (date, precision) =
                        event_date(doc, sentence.tokens.clone(), st.anchor, article);
                    let ev = record(
                        article,
                        doc,
                        s,
                        st.code,
                        &mentions[st.source],
                        st.target.map(|t| &mentions[t]),
                        &st,
                        date,
                        precision,
                        &rule,
                        mentions,
                    );
                    // The statement is what the sentence reports as done: a demand or an
                    // appeal (the act demanded has not happened), a claim of responsibility or
                    // an accusation (the act is the speaker's word). It goes first.
                    out.insert(reported_at, ev);
                }
            }
        }
        drop_generic_duplicates(&mut out);
        out
    }
}

/// Whether `general` is a less specific code of the same event as `specific`: the root's
/// "not specified below" code ("190" beside "194") or the three-digit parent of a four-digit
/// code ("183" beside "1833").
fn is_generalisation(general: &str, specific: &str) -> bool {
    if general == specific || general.len() < 3 || specific.len() < 3 {
        return false;
    }
    let unspecified_root = general.len() == 3 && general.ends_with('0');
    (unspecified_root && specific.starts_with(&general[..2]))
        || (general.len() == 3 && specific.len() == 4 && specific.starts_with(general))
        // "a roadside bombing killed one soldier": the killing (190) is the bombing, which
        // CAMEO puts under 18 when no state's military set it off (see `actor_role`).
        || (general == "190" && specific.starts_with("183"))
}

/// One sentence reporting one act in two words ("Israeli shelling killed four children":
/// shelling 194, killed 190) is one event: an event is dropped when the sentence has the same
/// source, target and modality with a more specific code of the same kind.
fn drop_generic_duplicates(out: &mut Vec<Event>) {
    let keep: Vec<bool> = out
        .iter()
        .map(|e| {
            !out.iter().any(|o| {
                o.source == e.source
                    && o.target == e.target
                    && o.modality == e.modality
                    && is_generalisation(&e.code, &o.code)
            })
        })
        .collect();
    let mut k = keep.into_iter();
    out.retain(|_| k.next().unwrap_or(true));
}

#[allow(clippy::too_many_arguments)]
fn record(
    article: &Article,
    doc: &Doc,
    s: usize,
    code: &CodeInfo,
    src: &Mention,
    tgt: Option<&Mention>,
    f: &Found,
    date: Option<chrono::NaiveDate>,
    precision: Option<String>,
    rule: &str,
    mentions: &[Mention],
) -> Event {
    let verb_text = f
        .hits
        .iter()
        .map(|&h| doc.token_text(h))
        .collect::<Vec<_>>()
        .join(" ");
    Event {
        schema_version: EVENT_SCHEMA_VERSION,
        article: article.id.clone(),
        outlet: article.meta.outlet.clone(),
        url: article.meta.url.clone(),
        article_date: article.meta.published,
        date,
        date_precision: precision,
        source: src.code.clone(),
        source_text: doc.tokens_text(src.tokens.clone()).to_string(),
        target: tgt.map(|t| t.code.clone()),
        target_text: tgt.map(|t| doc.tokens_text(t.tokens.clone()).to_string()),
        code: code.code.to_string(),
        root_code: code.root.to_string(),
        event_name: code.name.to_string(),
        quad_class: code.quad_class.number(),
        goldstein: code.goldstein,
        plover: code.plover.map(str::to_string),
        sentence: doc.sentence_text(s).to_string(),
        sentence_index: s,
        span: doc.sentences[s].span,
        verb_text,
        modality: f.modality,
        attribution: f.speaker.map(|m| Attribution {
            code: Some(mentions[m].code.clone()),
            text: doc.tokens_text(mentions[m].tokens.clone()).to_string(),
        }),
        rule: rule.to_string(),
        source_rules: src.rules.iter().map(ToString::to_string).collect(),
        target_rules: tgt
            .map(|t| t.rules.iter().map(ToString::to_string).collect())
            .unwrap_or_default(),
    }
}

/// The verbs of the events coded so far in a sentence.
fn found_anchors(found: &[Found]) -> Vec<usize> {
    found.iter().map(|f| f.anchor).collect()
}

/// True when the token `i` is a noun in an adjunct of the anchor of an event in `found`.
fn noun_anchor_of_coded(
    tree: Option<&crate::syntax::Tree<'_>>,
    doc: &Doc,
    i: usize,
    found: &[Found],
) -> bool {
    let Some(tree) = tree else { return false };
    // Only a means or a circumstance ("in", "by", "with" …): "blamed Russia for the hack"
    // is about another event.
    let means = tree.children(i).iter().any(|c| {
        tree.rel(*c) == "case"
            && matches!(
                doc.norm[*c].as_str(),
                "in" | "during" | "by" | "with" | "through" | "amid"
            )
    });
    means
        && doc.upos.get(i).is_some_and(|u| u == "NOUN")
        && tree.rel(i).starts_with("obl")
        && tree
            .head(i)
            .is_some_and(|h| found.iter().any(|f| f.anchor == h))
}

/// Whether mention `m` is the subject of a reporting clause set off from what it reports:
/// ", the White House announced", "“…,” Lavrov said", ", a UN official said on Monday".
fn reporting_clause_speaker(norm: &[String], range: Range<usize>, m: &Mention) -> bool {
    let next = m.tokens.end;
    // The reporting verb right after the actor, or after one auxiliary ("has said").
    let reports = next < range.end
        && (REPORTING.contains(&norm[next].as_str())
            || (matches!(norm[next].as_str(), "has" | "had" | "have")
                && next + 1 < range.end
                && REPORTING.contains(&norm[next + 1].as_str())));
    if !reports {
        return false;
    }
    // Set off: a comma, a dash or a quote mark before it (skipping an article and up to two
    // modifiers: ", a UN official said").
    let mut k = m.tokens.start;
    for _ in 0..4 {
        if k <= range.start {
            return false;
        }
        k -= 1;
        let w = norm[k].as_str();
        if matches!(w, "," | "--" | "—") || crate::syntax::is_quote(w) {
            return true;
        }
        // An article or a modifier word (", relief officials in Nairobi said", ", senior
        // Western diplomats said"); not a conjunction, which joins the actor to the clause.
        if !w.chars().all(char::is_alphabetic) || matches!(w, "and" | "or" | "but" | "nor") {
            return false;
        }
    }
    false
}

/// Whether a rejection (12) is a failure to reach an accord ("Israel and the Palestinians
/// failed to reach agreement", "… could not agree on a deal"): done together, like the
/// accord itself, so joint subjects are each other's target.
fn failed_accord(root: &str, hits: &[usize], lemma: &[String]) -> bool {
    root == "12"
        && hits.iter().any(|h| {
            lemma
                .get(*h)
                .is_some_and(|l| matches!(l.to_lowercase().as_str(), "reach" | "agree" | "clinch"))
        })
}

/// Surface fallback for whom a demand, appeal (02x, 10x) or threat (13x) with no target is
/// addressed to, when the parse misses the clause: the actor opening a "that" clause soon
/// after the verb ("reiterated its demand today that Israel ease …"), one between "for" and
/// "to" ("called for Syria to release …"), or, for a threat, the actor opening its condition
/// ("threatened to quit if the United States deploys …"). The pattern runs from `anchor` to
/// `last`; the clause may open inside it ("reiterated its demand that Israel ease the
/// restrictions").
fn clause_addressee(
    norm: &[String],
    range: Range<usize>,
    mentions: &[Mention],
    root: &str,
    anchor: usize,
    last: usize,
) -> Option<usize> {
    let threat = root == "13";
    if !matches!(root, "02" | "10" | "13") {
        return None;
    }
    let starting = |k: usize| {
        mentions.iter().position(|m| {
            m.tokens.start > k
                && m.tokens.start <= k + 3
                && (k + 1..m.tokens.start).all(|j| matches!(norm[j].as_str(), "the" | "a" | "an"))
        })
    };
    // Within the clause of the verb: up to a sentence-internal break.
    for k in anchor + 1..(last + 16).min(range.end) {
        let w = norm[k].as_str();
        if matches!(w, ";" | ":" | "." | "but" | "while" | "whereas") {
            break;
        }
        let opens = if threat {
            matches!(w, "if" | "unless")
        } else {
            matches!(w, "that" | "for") && k <= last + 6
        };
        if !opens {
            continue;
        }
        let Some(m) = starting(k) else { continue };
        // "for Syria to release": the infinitive right after the actor.
        if w == "for" {
            let end = mentions[m].tokens.end;
            if end >= range.end || norm[end] != "to" {
                continue;
            }
        }
        return Some(m);
    }
    None
}

/// Words for a pair of parties after "two" or "both": "the two countries", "both sides".
const PAIR_NOUNS: &[&str] = &[
    "sides",
    "countries",
    "nations",
    "governments",
    "neighbours",
    "neighbors",
    "states",
    "leaders",
];

/// Whether the sentence names two parties by a phrase for the pair: "between the two
/// countries", "between them", "both sides", "the two neighbours".
fn names_the_pair(norm: &[String], range: Range<usize>) -> bool {
    let words: Vec<&str> = norm[range].iter().map(String::as_str).collect();
    words.windows(2).any(|w| match w {
        ["between", "them" | "themselves"] => true,
        ["two" | "both", n] => PAIR_NOUNS.contains(n),
        _ => false,
    })
}

/// Complementizers and subordinators that open a clause with its own subject.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "whether", "because", "after", "before", "when", "while", "although",
    "though", "since", "where", "who", "whom", "until", "as",
];

/// Words that may stand between a clause opener and its verb without being a subject.
const NON_SUBJECT: &[&str] = &[
    "not", "n't", "also", "had", "has", "have", "was", "were", "is", "are", "be", "been", "will",
    "would", "could", "should", "may", "might", "can", "did", "does", "do", "then", "later",
    "already", "still", "again", "once", "to", ",",
];

/// True when a clause opener between `from` and the verb at `anchor` is followed by words
/// other than auxiliaries and adverbs: that clause has its own subject.
fn has_other_subject(norm: &[String], from: usize, anchor: usize) -> bool {
    let Some(o) = (from..anchor)
        .rev()
        .find(|&k| CLAUSE_OPENERS.contains(&norm[k].as_str()))
    else {
        return false;
    };
    (o + 1..anchor).any(|k| !NON_SUBJECT.contains(&norm[k].as_str()) && !norm[k].ends_with("ly"))
}

/// A passive participle: a form of "be" (or "get") before it, skipping -ly adverbs
/// ("were swiftly imposed").
fn is_passive(norm: &[String], start: usize, i: usize) -> bool {
    if i <= start
        || norm[i].ends_with("ing")
        || crate::syntax::STATIVE_PARTICIPLES.contains(&norm[i].as_str())
    {
        return false;
    }
    let mut k = i - 1;
    while k > start && norm[k].ends_with("ly") {
        k -= 1;
    }
    PASSIVE_AUX.contains(&norm[k].as_str())
}

/// Modality from the words between the source and the verb (at most six back).
fn modality(norm: &[String], sent_start: usize, from: usize, anchor: usize) -> Modality {
    let lo = from.max(anchor.saturating_sub(6)).max(sent_start);
    let window = &norm[lo..anchor];
    let has = |set: &[&str]| window.iter().any(|w| set.contains(&w.as_str()));
    // "if"/"unless" earlier in the same clause makes it a condition.
    let conditional = norm[sent_start..anchor]
        .iter()
        .rev()
        .take_while(|w| !matches!(w.as_str(), ";" | "."))
        .any(|w| w == "if" || w == "unless");
    // "Congress urged Bush to impose sanctions", "asked Iran not to ...": an infinitive
    // after a verb of asking or ordering is asked for, not done (nor refused).
    let infinitive = anchor >= 2
        && (norm[anchor - 1] == "to"
            || (anchor >= 3 && norm[anchor - 1] == "not" && norm[anchor - 2] == "to"));
    // The asking verb stands before the actor who is asked ("urged Bush to"), so the
    // window reaches back past the source.
    let asked = norm[anchor.saturating_sub(8).max(sent_start)..anchor]
        .iter()
        .any(|w| MANDATING.contains(&w.as_str()));
    if infinitive && asked {
        Modality::Hypothetical
    } else if has(NEGATORS) {
        Modality::Negated
    } else if conditional || has(HYPOTHETICAL) {
        Modality::Hypothetical
    } else if has(FUTURE)
        || (anchor >= 2
            && norm[anchor - 1] == "to"
            && norm[lo.min(anchor - 1)..anchor - 1]
                .iter()
                .any(|w| INTENT.contains(&w.as_str())))
    {
        Modality::Future
    } else {
        Modality::Asserted
    }
}

/// Token ranges inside quotation marks in a sentence (an unclosed quote runs to the end).
fn quote_regions(doc: &Doc, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in range.clone() {
        let t = doc.token_text(i);
        if !crate::syntax::is_quote(t) {
            continue;
        }
        let opening = crate::syntax::is_opening_quote(t) || (t == "\"" && open.is_none());
        match open {
            None if opening => open = Some(i),
            Some(o) if !opening || t == "\"" => {
                out.push(o + 1..i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o + 1..range.end);
    }
    out
}

/// Words before a date that make it the bound of a span, not the time of the event.
const NOT_EVENT_TIME: &[&str] = &["since", "until", "till", "untill"];

/// Tokens at the start of an article that may hold its dateline.
const DATELINE_TOKENS: usize = 12;

/// The date of an event: the temporal expression in its sentence nearest the verb, else the
/// article date.
fn event_date(
    doc: &Doc,
    range: Range<usize>,
    anchor: usize,
    article: &Article,
) -> (Option<chrono::NaiveDate>, Option<String>) {
    let best = doc
        .timexes
        .iter()
        .filter(|t| t.tokens.start >= range.start && t.tokens.end <= range.end)
        // The dateline ("MOSCOW, March 18, 2021 --") dates the article, not the event.
        .filter(|t| !(t.tokens.start < DATELINE_TOKENS && Some(t.date) == article.meta.published))
        // "who led the country until 1991", "in office since 2000": another time than the act's.
        .filter(|t| {
            t.tokens.start == range.start
                || !NOT_EVENT_TIME.contains(&doc.norm[t.tokens.start - 1].as_str())
        })
        .min_by_key(|t| {
            if t.tokens.start > anchor {
                t.tokens.start - anchor
            } else {
                anchor - t.tokens.end + 1
            }
        });
    match best {
        Some(t) => {
            let p = match t.precision {
                TimexPrecision::Day => "day",
                TimexPrecision::Week => "week",
                TimexPrecision::Month => "month",
                TimexPrecision::Year => "year",
            };
            (Some(t.date), Some(p.to_string()))
        }
        None => (
            article.meta.published,
            article.meta.published.map(|_| "article".to_string()),
        ),
    }
}

/// Whether the preposition a `>!` or `<` pattern needs heads a phrase of its predicate: in
/// the parse (see [`crate::syntax::has_predicate_pp`]) or right after the match (a misparse
/// may hang it elsewhere); without a parse, within a gap's reach after the match and before
/// a clause break.
fn needed_prep_present(
    tree: Option<&crate::syntax::Tree<'_>>,
    norm: &[String],
    anchor: usize,
    hits: &[usize],
    preps: &[String],
    end: usize,
) -> bool {
    let last = hits.iter().copied().max().unwrap_or(anchor);
    if last + 1 < end && preps.contains(&norm[last + 1]) {
        return true;
    }
    match tree {
        Some(t) => crate::syntax::has_predicate_pp(t, anchor, hits, preps),
        None => (last + 1..end.min(last + 2 + crate::verbs::GAP))
            .take_while(|&k| !matches!(norm[k].as_str(), ";" | ":" | "." | "," | "and" | "but"))
            .any(|k| preps.contains(&norm[k])),
    }
}

#[cfg(test)]
mod tests {
    use super::{
        clause_addressee, failed_accord, is_generalisation, modality, names_the_pair,
        needed_prep_present, reporting_clause_speaker,
    };
    use dyad_core::{Mention, MentionKind, Modality};

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    fn mention(tokens: std::ops::Range<usize>, code: &str) -> Mention {
        Mention {
            tokens,
            code: code.to_string(),
            kind: MentionKind::Name,
            rules: Vec::new(),
        }
    }

    #[test]
    fn a_trailing_reporting_clause_names_a_speaker() {
        let n = words("Chile and Peru agreed on a pact , the White House announced .");
        assert!(reporting_clause_speaker(
            &n,
            0..n.len(),
            &mention(9..11, "USAGOV")
        ));
        assert!(!reporting_clause_speaker(
            &n,
            0..n.len(),
            &mention(2..3, "PER")
        ));
        let n = words("Rebels shelled Goma , killing 12 people , aid officials in Kampala said .");
        assert!(reporting_clause_speaker(
            &n,
            0..n.len(),
            &mention(9..12, "UGAGOV")
        ));
        let n = words("Russia said Iran attacked , Israel said .");
        assert!(!reporting_clause_speaker(
            &n,
            0..n.len(),
            &mention(0..1, "RUS")
        ));
        assert!(reporting_clause_speaker(
            &n,
            0..n.len(),
            &mention(5..6, "ISR")
        ));
    }

    #[test]
    fn a_needed_preposition_without_a_parse() {
        let preps = words("at against");
        // "launched" (1) and "missile" (3) matched.
        let n = words("iran launched a missile at israel .");
        assert!(needed_prep_present(None, &n, 1, &[1, 3], &preps, n.len()));
        let n = words("china launched a missile into space .");
        assert!(!needed_prep_present(None, &n, 1, &[1, 3], &preps, n.len()));
        // Not past a clause break.
        let n = words("china launched a missile , and at dawn …");
        assert!(!needed_prep_present(None, &n, 1, &[1, 3], &preps, n.len()));
        let from = words("from");
        let n = words("russia came under fire from washington");
        assert!(needed_prep_present(None, &n, 1, &[1, 2, 3], &from, n.len()));
    }

    #[test]
    fn surface_roles_for_reversed_and_required_patterns() {
        use crate::verbs::VerbDict;
        let mut d = VerbDict::new();
        assert!(d
            .load(
                "v.txt",
                "111 +face ... +criticism < from\n195 +launch ... +missile >! at\n",
            )
            .is_empty());
        let coder = super::Coder::new(&d);
        let code = |text: &str, mentions: Vec<Mention>| {
            let doc = dyad_core::Doc::from_words(text);
            let mut m = mentions;
            coder
                .code_sentence(&doc, 0, &mut m, &[], None)
                .into_iter()
                .map(|f| {
                    let t = f.target.map_or("-".to_string(), |t| m[t].code.clone());
                    format!("{} {} {}", m[f.source].code, f.code.code, t)
                })
                .collect::<Vec<_>>()
        };
        // The actor after "from" acted on the one before the verb.
        let got = code(
            "Israel faced sharp criticism from Brussels .",
            vec![mention(0..1, "ISR"), mention(5..6, "BEL")],
        );
        assert_eq!(got, vec!["BEL 111 ISR"]);
        // No "from" phrase, or no actor in it: nothing.
        let got = code(
            "Israel faced sharp criticism over Brussels .",
            vec![mention(0..1, "ISR"), mention(5..6, "BEL")],
        );
        assert!(got.is_empty(), "{got:?}");
        let got = code(
            "Iran launched a missile at Israel .",
            vec![mention(0..1, "IRN"), mention(5..6, "ISR")],
        );
        assert_eq!(got, vec!["IRN 195 ISR"]);
        let got = code(
            "Iran launched a missile into space .",
            vec![mention(0..1, "IRN")],
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn pair_phrases() {
        let n = words("a pact between the two countries");
        assert!(names_the_pair(&n, 0..n.len()));
        let n = words("officials from both sides said");
        assert!(names_the_pair(&n, 0..n.len()));
        let n = words("two soldiers were killed between the houses");
        assert!(!names_the_pair(&n, 0..n.len()));
    }

    #[test]
    fn addressee_clauses() {
        let n = words("Egypt repeated its demand that Israel withdraw .");
        let m = [mention(0..1, "EGY"), mention(5..6, "ISR")];
        assert_eq!(clause_addressee(&n, 0..n.len(), &m, "10", 1, 3), Some(1));
        // Not for other events, and "for" only before an infinitive.
        assert_eq!(clause_addressee(&n, 0..n.len(), &m, "04", 1, 3), None);
        let n = words("Egypt appealed for Israel 's help .");
        let m = [mention(0..1, "EGY"), mention(3..4, "ISR")];
        assert_eq!(clause_addressee(&n, 0..n.len(), &m, "10", 1, 1), None);
        let n = words("Russia threatened to leave if the United States deploys missiles .");
        let m = [mention(0..1, "RUS"), mention(6..8, "USA")];
        assert_eq!(clause_addressee(&n, 0..n.len(), &m, "13", 1, 3), Some(1));
    }

    #[test]
    fn an_act_asked_for_is_hypothetical() {
        // "Congress urged Bush to impose sanctions": source "Bush" (1..2), anchor "impose" (4).
        let n = words("congress urged bush to impose sanctions");
        assert_eq!(modality(&n, 0, 3, 4), Modality::Hypothetical);
        let n = words("beijing urged the dalai lama not to visit taiwan");
        assert_eq!(modality(&n, 0, 5, 7), Modality::Hypothetical);
        // Not asked: the intent and the plain act are unchanged.
        let n = words("israel plans to reopen the crossings");
        assert_eq!(modality(&n, 0, 1, 3), Modality::Future);
        let n = words("israel reopened the crossings");
        assert_eq!(modality(&n, 0, 1, 1), Modality::Asserted);
    }

    #[test]
    fn a_failed_accord_is_done_together() {
        let l = words("Serbia and Kosovo failed to reach agreement rejected the deal");
        assert!(failed_accord("12", &[3, 5, 6], &l));
        // "rejected the deal" is one side's act; a non-rejection is not this rule's.
        assert!(!failed_accord("12", &[7, 9], &l));
        assert!(!failed_accord("03", &[3, 5, 6], &l));
    }

    #[test]
    fn a_killing_is_the_bombing_that_killed() {
        assert!(is_generalisation("190", "1833"));
        assert!(is_generalisation("190", "183"));
        assert!(!is_generalisation("183", "190"));
    }

    #[test]
    fn generalisation_is_the_unspecified_root_or_the_parent_code() {
        assert!(is_generalisation("190", "194"));
        assert!(is_generalisation("190", "1951"));
        assert!(is_generalisation("183", "1833"));
        assert!(is_generalisation("040", "046"));
        assert!(!is_generalisation("194", "190"));
        assert!(!is_generalisation("190", "190"));
        assert!(!is_generalisation("111", "112"));
        assert!(!is_generalisation("190", "180"));
        assert!(!is_generalisation("183", "1712"));
    }
}
