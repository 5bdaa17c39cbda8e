//! Finds actor mentions in a sentence: longest dictionary matches for countries, organisations,
//! people and agents, then joins neighbours into one mention ("Russian Foreign Minister Sergei
//! Lavrov" → one `RUSGOV` mention) and gives it a code valid on the article's date.

use crate::dict::{CaseRule, Field, LexKind, Lexicon};
use chrono::NaiveDate;
use dyad_core::{Doc, Mention, MentionKind, RuleRef};
use std::ops::Range;

/// The actor and agent dictionaries used together.
#[derive(Debug, Default, Clone)]
pub struct ActorDicts {
    pub actors: Lexicon,
    pub agents: Lexicon,
}

/// One raw dictionary hit.
#[derive(Debug, Clone)]
struct Hit {
    tokens: Range<usize>,
    kind: LexKind,
    phrase: usize,
}

/// Prepositions before which a capital city is a place, not an actor ("talks in Moscow").
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "from",
    "via",
    "within",
];

fn case_ok(rule: CaseRule, raw: &str) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::InitialCap => raw.chars().next().is_some_and(|c| c.is_uppercase()),
        CaseRule::AllCaps => raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase()),
    }
}

/// The longest phrase of `lex` that matches at token `i` (not past `end`).
fn longest_at(
    lex: &Lexicon,
    doc: &Doc,
    i: usize,
    end: usize,
    date: Option<NaiveDate>,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for &p in lex.starting_with(&doc.norm[i]) {
        let ph = &lex.phrases[p];
        let len = ph.words.len();
        if i + len > end {
            continue;
        }
        if let Some(d) = date {
            if !ph.range.contains(d) {
                continue;
            }
        }
        let ok = ph
            .words
            .iter()
            .enumerate()
            .all(|(k, w)| doc.norm[i + k] == w.norm && case_ok(w.case, doc.token_text(i + k)));
        if ok && best.is_none_or(|(_, l)| len > l) {
            best = Some((p, len));
        }
    }
    best
}

fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

impl ActorDicts {
    /// Mentions in tokens `range` of `doc`, coded for `date` (the article date, if known).
    pub fn mentions(
        &self,
        doc: &Doc,
        range: Range<usize>,
        date: Option<NaiveDate>,
    ) -> Vec<Mention> {
        let hits = self.hits(doc, range.clone(), date);
        let mut out = Vec::new();
        let mut k = 0;
        while k < hits.len() {
            // Grow a group of hits joined by joiner words or by proper names after a title.
            let mut group = vec![hits[k].clone()];
            let mut end = hits[k].tokens.end;
            let mut j = k + 1;
            while j < hits.len() {
                let gap: Vec<&str> = (end..hits[j].tokens.start)
                    .map(|g| doc.norm[g].as_str())
                    .collect();
                let prev_agent = group.last().is_some_and(|h| h.kind == LexKind::Agents);
                let joined = match gap.as_slice() {
                    [] | ["'s"] | ["'"] => true,
                    ["of"] | ["of", "the"] => prev_agent,
                    _ => false,
                };
                if !joined {
                    break;
                }
                end = hits[j].tokens.end;
                group.push(hits[j].clone());
                j += 1;
            }
            // A title (agent) followed by capitalised words: the person's name ("Secretary of
            // State Mike Pompeo" when Pompeo is not in the dictionary).
            if group.last().is_some_and(|h| h.kind == LexKind::Agents) {
                let mut e = end;
                while e < range.end
                    && is_capitalized(doc.token_text(e))
                    && doc
                        .token_text(e)
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '.' || c == '-')
                    && (j >= hits.len() || hits[j].tokens.start > e)
                    && e - end < 4
                {
                    e += 1;
                }
                end = e;
            }
            k = j;
            if let Some(m) = self.compose(&group, end, date) {
                out.push(m);
            }
        }
        out
    }

    /// Resolves role phrases without a country ("the ministry" = `---GOV`) to the most
    /// recent actor with that role (a role phrase after a possessive pronoun is dropped), first earlier in the sentence, then in `context` (earlier
    /// sentences, most recent last; only the last 30 mentions are searched). Unresolved role
    /// phrases are dropped: an unknown actor is not coded.
    pub fn resolve_roles(doc: &Doc, mentions: &mut Vec<Mention>, context: &[Mention]) {
        let mut k = 0;
        while k < mentions.len() {
            let Some(role) = mentions[k].code.strip_prefix("---").map(str::to_string) else {
                k += 1;
                continue;
            };
            // "its ambassador", "their troops": the owner's own people, named elsewhere in the
            // sentence; not an actor of their own here.
            let start = mentions[k].tokens.start;
            if start > 0
                && matches!(
                    doc.norm[start - 1].as_str(),
                    "its" | "his" | "her" | "their" | "our" | "my" | "your"
                )
            {
                mentions.remove(k);
                continue;
            }
            let fits = |m: &Mention| {
                !m.code.starts_with("---")
                    && m.code.len() > 3
                    && m.code[3..].starts_with(role.as_str())
            };
            let found = mentions[..k]
                .iter()
                .rev()
                .find(|m| fits(m))
                .or_else(|| context.iter().rev().take(30).find(|m| fits(m)))
                .cloned();
            match found {
                Some(m) => {
                    mentions[k].code = m.code;
                    mentions[k].rules.extend(m.rules);
                    k += 1;
                }
                None => {
                    mentions.remove(k);
                }
            }
        }
    }

    fn hits(&self, doc: &Doc, range: Range<usize>, date: Option<NaiveDate>) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let a = longest_at(&self.actors, doc, i, range.end, date);
            let g = longest_at(&self.agents, doc, i, range.end, date);
            let pick = match (a, g) {
                (Some((pa, la)), Some((pg, lg))) => {
                    if lg > la {
                        Some((LexKind::Agents, pg, lg))
                    } else {
                        Some((LexKind::Actors, pa, la))
                    }
                }
                (Some((pa, la)), None) => Some((LexKind::Actors, pa, la)),
                (None, Some((pg, lg))) => Some((LexKind::Agents, pg, lg)),
                (None, None) => None,
            };
            // A surname alone after an unknown first name is someone else ("Frank Rubio").
            let pick = pick.filter(|&(kind, phrase, len)| {
                !(kind == LexKind::Actors
                    && len == 1
                    && self.actors.entries[self.actors.phrases[phrase].entry]
                        .code
                        .is_none()
                    && i > range.start + 1
                    && hits.last().is_none_or(|h: &Hit| h.tokens.end < i)
                    && is_capitalized(doc.token_text(i - 1))
                    && doc.token_text(i - 1).chars().all(char::is_alphabetic))
            });
            match pick {
                Some((kind, phrase, len)) => {
                    let located = kind == LexKind::Actors
                        && self.actors.phrases[phrase].field == Field::Capital
                        && i > range.start
                        && LOCATIVE.contains(&doc.norm[i - 1].as_str());
                    if !located {
                        hits.push(Hit {
                            tokens: i..i + len,
                            kind,
                            phrase,
                        });
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// The code of a person on `date`: the role held then; outside every role, the country of
    /// the nearest role as an elite (`ELI`); without a date, the latest role.
    fn person_code(&self, entry: usize, date: Option<NaiveDate>) -> Option<(String, RuleRef)> {
        let e = &self.actors.entries[entry];
        if let Some(code) = &e.code {
            return Some((code.clone(), e.rule.clone()));
        }
        match date {
            Some(d) => {
                if let Some(r) = e.roles.iter().find(|r| r.range.contains(d)) {
                    return Some((r.code.clone(), r.rule.clone()));
                }
                let r = e.roles.iter().min_by_key(|r| r.range.distance(d))?;
                Some((
                    format!("{}ELI", &r.code[..3.min(r.code.len())]),
                    r.rule.clone(),
                ))
            }
            None => {
                let r = e.roles.iter().max_by_key(|r| r.range.from)?;
                Some((r.code.clone(), r.rule.clone()))
            }
        }
    }

    fn compose(&self, group: &[Hit], end: usize, date: Option<NaiveDate>) -> Option<Mention> {
        let mut person: Option<(String, RuleRef)> = None;
        let mut base: Option<(String, RuleRef, Field)> = None;
        let mut agent: Option<(String, RuleRef)> = None;
        for h in group {
            match h.kind {
                LexKind::Actors => {
                    let ph = &self.actors.phrases[h.phrase];
                    let entry = &self.actors.entries[ph.entry];
                    if entry.code.is_none() && ph.code.is_none() {
                        if person.is_none() {
                            person = self.person_code(ph.entry, date);
                        }
                    } else if base.is_none() {
                        let code = ph.code.clone().or_else(|| entry.code.clone())?;
                        base = Some((code, ph.rule.clone(), ph.field));
                    }
                }
                LexKind::Agents => {
                    if agent.is_none() {
                        let ph = &self.agents.phrases[h.phrase];
                        let code = ph
                            .code
                            .clone()
                            .or_else(|| self.agents.entries[ph.entry].code.clone())?;
                        agent = Some((code, ph.rule.clone()));
                    }
                }
            }
        }
        let start = group.first()?.tokens.start;
        let mut rules = Vec::new();
        let (code, kind) = if let Some((code, rule)) = person {
            rules.push(rule);
            if let Some((_, r, _)) = &base {
                rules.push(r.clone());
            }
            (code, MentionKind::Person)
        } else if let Some((code, rule, field)) = base {
            rules.push(rule);
            let kind = match field {
                Field::Name => MentionKind::Name,
                Field::Adj => MentionKind::Adj,
                Field::Capital => MentionKind::Capital,
                Field::Metonym => MentionKind::Metonym,
            };
            match &agent {
                // A country code takes the agent's role; organisations and codes that already
                // carry a role keep theirs.
                Some((a, r))
                    if code.len() == 3 && !code.starts_with("IGO") && !code.starts_with("NGO") =>
                {
                    rules.push(r.clone());
                    (format!("{code}{a}"), kind)
                }
                _ => (code, kind),
            }
        } else if let Some((a, r)) = agent {
            // An agent alone ("the ministry", "the spokeswoman") names no country: it is given
            // CAMEO's unknown-country code `---GOV`, and `resolve_roles` then finds the actor it
            // refers to or drops it.
            rules.push(r);
            (format!("---{a}"), MentionKind::Agent)
        } else {
            return None;
        };
        Some(Mention {
            tokens: start..end,
            code,
            kind,
            rules,
        })
    }
}
