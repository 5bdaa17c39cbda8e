//! The verb-pattern dictionary (`dicts/verbs/*.txt`, syntax in `dicts/FORMAT.md`): loading with
//! `path:line` diagnostics, and matching a pattern against the tokens of a sentence.

use crate::cameo::{self, CodeInfo};
use crate::inflect;
use dyad_core::dictfile::dict_lines;
use dyad_core::{Diagnostic, RuleRef};
use std::collections::HashMap;
use std::sync::Arc;

/// How many tokens `...` may skip.
pub const GAP: usize = 5;

/// Tokens a gap never crosses.
const CLAUSE_BREAKS: &[&str] = &[";", ":", ".", "!", "?", "\"", "--", "—"];

/// The number of tokens the hyphenated word `w` takes at `pos` when the tokenizer has split it
/// at its hyphens ("cease-fire" as "cease", "-", "fire"), or `None` if it is not there.
fn compound_len(w: &str, norm: &[String], pos: usize, end: usize) -> Option<usize> {
    let parts: Vec<&str> = w.split('-').collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let n = 2 * parts.len() - 1;
    if pos + n > end {
        return None;
    }
    let fits = parts
        .iter()
        .enumerate()
        .all(|(k, p)| norm[pos + 2 * k] == *p && (k == 0 || norm[pos + 2 * k - 1] == "-"));
    fits.then_some(n)
}

/// The first part of a hyphenated word, under which a pattern it anchors is indexed: the
/// tokenizer splits "de-escalate" into "de - escalate", and the coder looks patterns up by
/// the token "de".
fn compound_head(w: &str) -> Option<&str> {
    let (head, rest) = w.split_once('-')?;
    (!head.is_empty() && !rest.is_empty()).then_some(head)
}

/// The parse's lemmas and UPOS tags of a sentence's tokens (either may be empty: unknown),
/// and the tokens a gap may reach however far it is (see [`Pattern::match_reaching`]).
struct Lex<'a> {
    lemma: &'a [String],
    upos: &'a [String],
    reach: &'a [usize],
    names: &'a [usize],
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// Any of these word forms (inflections already expanded). The `+word` alternatives also
    /// match any token whose lemma (from the parse) is `word`: see [`Pattern::lemmas`].
    Words(Vec<String>),
    /// Skip up to `GAP` tokens.
    Gap,
    /// `@name`: a proper name that is the anchor's object, a person's or one no dictionary
    /// knows ("will release Odin Sanchez"), not a country, place or organisation (see
    /// `syntax::object_names`). Without a parse it matches nothing.
    Name,
}

/// One verb pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub code: &'static CodeInfo,
    /// The reverse event of a paired code `A:B` ("046:046  +hold ... +talks > with"): the
    /// target does `B` to the source as well (talks are held by both sides).
    pub reverse: Option<&'static CodeInfo>,
    pub elems: Vec<Elem>,
    /// For each element, the lemmas its `+word` alternatives stand for (empty for a gap and
    /// for exact forms): with a parse, a token whose lemma is one of them matches even in a
    /// form the inflector does not list.
    pub lemmas: Vec<Vec<String>>,
    /// Prepositions that introduce the target (empty: first actor after the anchor).
    pub preps: Vec<String>,
    /// `>! at|against`: the pattern matches only where one of `preps` heads a phrase of the
    /// predicate ("launched a rocket at Israel", not "launched a rocket into space").
    pub preps_required: bool,
    /// `< from|by`: reversed roles. The actor of a phrase headed by one of these is the
    /// source, and the clause's subject is the target ("Israel faced criticism from the
    /// EU" -> EU 111 ISR). The pattern matches only where such a phrase is present.
    pub actor_preps: Vec<String>,
    /// The pattern as written, for explanations.
    pub text: String,
    pub rule: RuleRef,
}

impl Pattern {
    /// The prepositions one of which must head a phrase of the predicate for the pattern to
    /// match (`>!` or `<`), if any.
    pub fn needed_preps(&self) -> Option<&[String]> {
        if !self.actor_preps.is_empty() {
            Some(&self.actor_preps)
        } else if self.preps_required && !self.preps.is_empty() {
            Some(&self.preps)
        } else {
            None
        }
    }

    /// Whether the pattern has an `@name` element, which needs the names the anchor takes as
    /// object (see [`Pattern::match_naming`]).
    pub fn takes_name(&self) -> bool {
        self.elems.contains(&Elem::Name)
    }

    /// Number of word elements: longer patterns are more specific.
    pub fn specificity(&self) -> usize {
        self.elems
            .iter()
            .filter(|e| matches!(e, Elem::Words(_) | Elem::Name))
            .count()
    }

    /// Matches the pattern with its anchor at `start` in `norm[..end]`. Returns the indexes of
    /// the tokens that matched word elements.
    pub fn match_at(&self, norm: &[String], start: usize, end: usize) -> Option<Vec<usize>> {
        self.match_with(norm, &[], start, end)
    }

    /// As [`Pattern::match_at`], with the tokens' lemmas (empty: none known): a `+word`
    /// element also matches a token whose lemma is `word`.
    pub fn match_with(
        &self,
        norm: &[String],
        lemma: &[String],
        start: usize,
        end: usize,
    ) -> Option<Vec<usize>> {
        self.match_parsed(norm, lemma, &[], start, end)
    }

    /// As [`Pattern::match_with`], with the tokens' UPOS tags too (empty: none known), which
    /// `~word` elements need.
    pub fn match_parsed(
        &self,
        norm: &[String],
        lemma: &[String],
        upos: &[String],
        start: usize,
        end: usize,
    ) -> Option<Vec<usize>> {
        self.match_reaching(norm, lemma, upos, &[], start, end)
    }

    /// As [`Pattern::match_parsed`], where a `...` may also skip to any token of `reach`
    /// however far, or past a clause break: the parse's view of the words that belong to the
    /// anchor's own object ("provided an additional $2 million in assistance", see
    /// `syntax::object_reach`), which a count of tokens cannot see.
    pub fn match_reaching(
        &self,
        norm: &[String],
        lemma: &[String],
        upos: &[String],
        reach: &[usize],
        start: usize,
        end: usize,
    ) -> Option<Vec<usize>> {
        self.match_naming(norm, lemma, upos, reach, &[], start, end)
    }

    /// As [`Pattern::match_reaching`], where an `@name` element matches the tokens of
    /// `names`: the proper names the anchor takes as object (`syntax::object_names`).
    #[allow(clippy::too_many_arguments)]
    pub fn match_naming(
        &self,
        norm: &[String],
        lemma: &[String],
        upos: &[String],
        reach: &[usize],
        names: &[usize],
        start: usize,
        end: usize,
    ) -> Option<Vec<usize>> {
        // The second part of a hyphenated compound ("Israeli - occupied", "ground - launched",
        // "US - led") is a modifier, not the verb of an event.
        if start > 0 && start < norm.len() && norm[start - 1] == "-" {
            return None;
        }
        let mut hits = Vec::new();
        let lex = Lex {
            lemma,
            upos,
            reach,
            names,
        };
        if self.walk(norm, &lex, start, end, 0, &mut hits) {
            Some(hits)
        } else {
            None
        }
    }

    /// Matches a pattern whose anchor at `anchor` is a passive participle and whose other word
    /// elements stand, in order, in the five tokens before it ("new sanctions were imposed").
    pub fn match_passive(
        &self,
        norm: &[String],
        start: usize,
        anchor: usize,
    ) -> Option<Vec<usize>> {
        let Some(Elem::Words(first)) = self.elems.first() else {
            return None;
        };
        // A named object is not before a passive participle: "Sanchez was released" has
        // its name as subject, and no pattern of an `@name` object means that.
        if self.takes_name() {
            return None;
        }
        if anchor > 0 && norm[anchor - 1] == "-" {
            return None;
        }
        if !first.iter().any(|w| *w == norm[anchor]) {
            return None;
        }
        let rest: Vec<&Vec<String>> = self
            .elems
            .iter()
            .skip(1)
            .filter_map(|e| match e {
                Elem::Words(ws) => Some(ws),
                Elem::Gap | Elem::Name => None,
            })
            .collect();
        if rest.is_empty() {
            return None;
        }
        let lo = anchor.saturating_sub(GAP + 1).max(start);
        let mut hits = vec![anchor];
        let mut k = lo;
        for ws in rest {
            let pos = (k..anchor).find(|&p| ws.iter().any(|w| *w == norm[p]))?;
            hits.push(pos);
            k = pos + 1;
        }
        Some(hits)
    }

    /// Whether token `pos` fits word element `e`: by its form, or by its lemma (for a `~word`
    /// alternative, only a token tagged VERB).
    fn fits(&self, ws: &[String], e: usize, norm: &[String], lex: &Lex<'_>, pos: usize) -> bool {
        ws.iter().any(|w| *w == norm[pos])
            || lex.lemma.get(pos).is_some_and(|l| {
                self.lemmas.get(e).is_some_and(|ls| {
                    ls.iter().any(|b| match b.strip_prefix('~') {
                        Some(v) => {
                            v.eq_ignore_ascii_case(l)
                                && lex.upos.get(pos).is_some_and(|u| u == "VERB")
                        }
                        None => b.eq_ignore_ascii_case(l),
                    })
                })
            })
    }

    fn walk(
        &self,
        norm: &[String],
        lex: &Lex<'_>,
        pos: usize,
        end: usize,
        e: usize,
        hits: &mut Vec<usize>,
    ) -> bool {
        let Some(elem) = self.elems.get(e) else {
            return true;
        };
        match elem {
            Elem::Words(ws) => {
                // A hyphenated word the tokenizer splits ("cease-fire" is "cease - fire"),
                // tried first so that the whole word is matched ("test-fired", not "test").
                for w in ws.iter().filter(|w| w.contains('-')) {
                    if let Some(n) = compound_len(w, norm, pos, end) {
                        let before = hits.len();
                        hits.extend(pos..pos + n);
                        if self.walk(norm, lex, pos + n, end, e + 1, hits) {
                            return true;
                        }
                        hits.truncate(before);
                    }
                }
                if pos < end && self.fits(ws, e, norm, lex, pos) {
                    hits.push(pos);
                    if self.walk(norm, lex, pos + 1, end, e + 1, hits) {
                        return true;
                    }
                    hits.pop();
                }
                false
            }
            Elem::Name => {
                if pos < end && lex.names.contains(&pos) {
                    hits.push(pos);
                    if self.walk(norm, lex, pos + 1, end, e + 1, hits) {
                        return true;
                    }
                    hits.pop();
                }
                false
            }
            Elem::Gap => {
                // Within `GAP` tokens and no clause break, any token; beyond, only those the
                // parse puts in the anchor's object.
                let mut near = true;
                for p in pos..=end {
                    let skip = p - pos;
                    if skip > GAP || (skip > 0 && CLAUSE_BREAKS.contains(&norm[p - 1].as_str())) {
                        near = false;
                    }
                    if !near && lex.reach.is_empty() {
                        break;
                    }
                    if !near && !lex.reach.contains(&p) {
                        continue;
                    }
                    if self.walk(norm, lex, p, end, e + 1, hits) {
                        return true;
                    }
                }
                false
            }
        }
    }
}

/// The moods that change a pattern's code (`dicts/verbs/moods.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoodKind {
    /// The actor says it will do it: intent (03x) or threat (13x).
    Intent,
    /// The actor says it will not do it: rejection (12x).
    Refuse,
    /// A speaker says another actor did it: the speaker's statement about that actor
    /// ("The US claimed that ISIL had attacked Iraq" -> USA 112 ISIL).
    Accuse,
    /// A speaker says it did it itself: the speaker's claim toward the act's target
    /// ("The US claimed that it had attacked Iraq" -> USA 015 IRQ).
    Claim,
    /// A speaker says another actor must do it: a demand on that actor ("Straw said Sudan
    /// must reach an agreement" -> GBR 100 SDN).
    Demand,
    /// A speaker says another actor should do it: an appeal to that actor.
    Appeal,
}

/// One mood line: under `mood`, a code starting with `from` becomes `to`.
#[derive(Debug, Clone)]
pub struct MoodRule {
    pub mood: MoodKind,
    pub from: String,
    pub to: &'static CodeInfo,
    pub rule: RuleRef,
}

/// The loaded verb patterns, indexed by the word forms of their anchors, and the mood lines.
#[derive(Debug, Default, Clone)]
pub struct VerbDict {
    pub patterns: Vec<Pattern>,
    pub moods: Vec<MoodRule>,
    index: HashMap<String, Vec<usize>>,
}

/// One pattern element and the lemmas of its `+word` alternatives.
fn parse_elem(s: &str) -> Result<(Elem, Vec<String>), String> {
    if s == "..." {
        return Ok((Elem::Gap, Vec::new()));
    }
    if s == "@name" {
        return Ok((Elem::Name, Vec::new()));
    }
    let mut words = Vec::new();
    let mut lemmas = Vec::new();
    for alt in s.split('|') {
        if alt.is_empty() {
            return Err(format!("empty alternative in {s:?}"));
        }
        // `=word`: only a token whose lemma (from the parse) is `word` — the verb "jailed"
        // (lemma "jail") but not the adjective in "the jailed leader" (lemma "jailed").
        // `~word`: only a token whose lemma is `word` and which the parse tags VERB — "will
        // attack", "attacks" in "Russia attacks Ukraine", but not the noun "an attack"; it is
        // kept in `lemmas` with its `~`, which `fits` reads.
        if let Some(w) = alt.strip_prefix('=').or_else(|| alt.strip_prefix('~')) {
            if w.is_empty() || !w.chars().all(|c| c.is_alphanumeric() || c == '-') {
                return Err(format!("bad pattern word {alt:?}"));
            }
            words.push(alt.to_lowercase());
            let lemma = if alt.starts_with('~') { alt } else { w };
            lemmas.push(lemma.to_lowercase());
            continue;
        }
        let (inflect, w) = match alt.strip_prefix('+') {
            Some(w) => (true, w),
            None => (false, alt),
        };
        if w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.'))
        {
            return Err(format!("bad pattern word {alt:?}"));
        }
        if inflect {
            words.extend(inflect::forms(w));
            lemmas.push(w.to_lowercase());
        } else {
            words.push(w.to_lowercase());
        }
    }
    words.sort();
    words.dedup();
    Ok((Elem::Words(words), lemmas))
}

impl VerbDict {
    pub fn new() -> Self {
        Self::default()
    }

    /// Patterns whose anchor matches the word `norm`.
    pub fn anchored_at(&self, norm: &str) -> &[usize] {
        self.index.get(norm).map(Vec::as_slice).unwrap_or(&[])
    }

    /// An earlier pattern that wins wherever pattern `idx` matches, so `idx` never fires: same
    /// shape (gaps in the same places), every word element a superset of `idx`'s, so equal
    /// specificity, and written first (ties go to the first). Returns its index. A pattern
    /// that needs a preposition (`>!`, `<`) does not match everywhere its words do, so it
    /// shadows nothing.
    pub fn shadowed_by(&self, idx: usize) -> Option<usize> {
        let p = self.patterns.get(idx)?;
        let covers = |q: &Pattern| {
            q.needed_preps().is_none()
                && q.elems.len() == p.elems.len()
                && q.elems.iter().zip(&p.elems).all(|(a, b)| match (a, b) {
                    (Elem::Gap, Elem::Gap) | (Elem::Name, Elem::Name) => true,
                    (Elem::Words(qa), Elem::Words(pb)) => pb.iter().all(|w| qa.contains(w)),
                    _ => false,
                })
        };
        let Some(Elem::Words(anchors)) = p.elems.first() else {
            return None;
        };
        anchors
            .iter()
            .flat_map(|w| self.anchored_at(w).iter().copied())
            .filter(|&q| q < idx)
            .find(|&q| covers(&self.patterns[q]))
    }

    /// The mood line for a code under `mood`: the one with the longest `from` that starts the
    /// code.
    pub fn mood_rule(&self, code: &str, mood: MoodKind) -> Option<&MoodRule> {
        self.moods
            .iter()
            .filter(|m| m.mood == mood && code.starts_with(m.from.as_str()))
            .max_by_key(|m| m.from.len())
    }

    /// Parses a mood line (`intent 04 036`), or returns `None` if the line is not one.
    fn parse_mood(text: &str) -> Option<Result<(MoodKind, String, &'static CodeInfo), String>> {
        let mut parts = text.split_whitespace();
        let mood = match parts.next()? {
            "intent" => MoodKind::Intent,
            "refuse" => MoodKind::Refuse,
            "accuse" => MoodKind::Accuse,
            "claim" => MoodKind::Claim,
            "demand" => MoodKind::Demand,
            "appeal" => MoodKind::Appeal,
            _ => return None,
        };
        let (Some(from), Some(to), None) = (parts.next(), parts.next(), parts.next()) else {
            return Some(Err("a mood line is `MOOD FROM TO`".into()));
        };
        if from.is_empty() || from.len() > 4 || !from.chars().all(|c| c.is_ascii_digit()) {
            return Some(Err(format!("{from:?} is not a CAMEO code prefix")));
        }
        Some(
            cameo::lookup(to)
                .map(|info| (mood, from.to_string(), info))
                .ok_or_else(|| format!("{to:?} is not a CAMEO event code")),
        )
    }

    /// Loads one pattern file; returns the diagnostics for lines it could not use.
    pub fn load(&mut self, file: &str, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let file_arc: Arc<str> = Arc::from(file);
        let lines = match dict_lines(text) {
            Ok(l) => l,
            Err((line, msg)) => return vec![Diagnostic::error(file, Some(line), msg)],
        };
        for l in lines {
            match Self::parse_mood(l.text) {
                Some(Ok((mood, from, to))) => {
                    self.moods.push(MoodRule {
                        mood,
                        from,
                        to,
                        rule: RuleRef::new(file_arc.clone(), l.line),
                    });
                    continue;
                }
                Some(Err(msg)) => {
                    diags.push(Diagnostic::error(file, Some(l.line), msg));
                    continue;
                }
                None => {}
            }
            match self.parse_line(l.text) {
                Ok(((code, reverse), elems, lemmas, roles)) => {
                    let idx = self.patterns.len();
                    if let Some(Elem::Words(ws)) = elems.first() {
                        for w in ws {
                            self.index.entry(w.clone()).or_default().push(idx);
                        }
                        for h in ws.iter().filter_map(|w| compound_head(w)) {
                            let at = self.index.entry(h.to_string()).or_default();
                            if at.last() != Some(&idx) {
                                at.push(idx);
                            }
                        }
                    }
                    for l in lemmas.first().into_iter().flatten() {
                        let l = l.strip_prefix('~').unwrap_or(l);
                        let at = self.index.entry(l.to_string()).or_default();
                        if at.last() != Some(&idx) {
                            at.push(idx);
                        }
                    }
                    self.patterns.push(Pattern {
                        code,
                        reverse,
                        elems,
                        lemmas,
                        preps: roles.preps,
                        preps_required: roles.required,
                        actor_preps: roles.actor_preps,
                        text: l.text.to_string(),
                        rule: RuleRef::new(file_arc.clone(), l.line),
                    });
                }
                Err(msg) => diags.push(Diagnostic::error(file, Some(l.line), msg)),
            }
        }
        diags
    }

    #[allow(clippy::type_complexity)]
    fn parse_line(
        &self,
        text: &str,
    ) -> Result<
        (
            (&'static CodeInfo, Option<&'static CodeInfo>),
            Vec<Elem>,
            Vec<Vec<String>>,
            PrepRoles,
        ),
        String,
    > {
        let (body, roles) = match text.find(['<', '>']) {
            Some(k) => (&text[..k], parse_preps(&text[k..])?),
            None => (text, PrepRoles::default()),
        };
        let mut parts = body.split_whitespace();
        let code = parts.next().ok_or("empty pattern line")?;
        let (code, reverse) = match code.split_once(':') {
            Some((a, b)) => (a, Some(b)),
            None => (code, None),
        };
        let info =
            cameo::lookup(code).ok_or_else(|| format!("{code:?} is not a CAMEO event code"))?;
        let reverse = reverse
            .map(|b| {
                cameo::lookup(b).ok_or_else(|| {
                    format!("{b:?} (the reverse event after `:`) is not a CAMEO event code")
                })
            })
            .transpose()?;
        let (elems, lemmas): (Vec<Elem>, Vec<Vec<String>>) = parts
            .map(parse_elem)
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .unzip();
        match (elems.first(), elems.last()) {
            (None, _) => return Err("pattern has no words".into()),
            (Some(Elem::Gap), _) => return Err("pattern cannot start with `...`".into()),
            (Some(Elem::Name), _) => return Err("pattern cannot start with `@name`".into()),
            (_, Some(Elem::Gap)) => return Err("pattern cannot end with `...`".into()),
            _ => {}
        }
        Ok(((info, reverse), elems, lemmas, roles))
    }
}

/// What a pattern line's tail (`> P|Q`, `>! P|Q` or `< P|Q`) says about prepositions.
#[derive(Debug, Default)]
struct PrepRoles {
    preps: Vec<String>,
    required: bool,
    actor_preps: Vec<String>,
}

/// Parses the tail of a pattern line, starting at its `>` or `<`.
fn parse_preps(tail: &str) -> Result<PrepRoles, String> {
    let (marker, list) = if let Some(l) = tail.strip_prefix(">!") {
        (">!", l)
    } else if let Some(l) = tail.strip_prefix('>') {
        (">", l)
    } else if let Some(l) = tail.strip_prefix('<') {
        ("<", l)
    } else {
        return Err(format!("bad preposition marker in {tail:?}"));
    };
    if list.contains(['<', '>', '!']) {
        return Err(format!(
            "only one of `>`, `>!` or `<` may follow a pattern: {:?}",
            tail.trim()
        ));
    }
    let preps: Vec<String> = list.split('|').map(|x| x.trim().to_lowercase()).collect();
    if preps
        .iter()
        .any(|p| p.is_empty() || p.contains(char::is_whitespace))
    {
        return Err(format!(
            "bad preposition list after `{marker}`: {:?}",
            list.trim()
        ));
    }
    Ok(match marker {
        "<" => PrepRoles {
            actor_preps: preps,
            ..PrepRoles::default()
        },
        m => PrepRoles {
            preps,
            required: m == ">!",
            actor_preps: Vec::new(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Vec<String> {
        s.split_whitespace().map(|w| w.to_lowercase()).collect()
    }

    #[test]
    fn paired_code_names_the_reverse_event() {
        let mut d = VerbDict::new();
        assert!(d
            .load("t.txt", "046:046  +hold ... +talks > with\n")
            .is_empty());
        assert_eq!(d.patterns[0].code.code, "046");
        assert_eq!(d.patterns[0].reverse.map(|c| c.code), Some("046"));
        let diags = d.load("t.txt", "046:999  +hold ... +talks\n");
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].to_string().contains("reverse event"),
            "{}",
            diags[0]
        );
    }

    #[test]
    fn required_and_reversed_prepositions() {
        let mut d = VerbDict::new();
        let diags = d.load(
            "p.txt",
            "195 +launch ... +missile >! at|against\n\
             111 +face ... +criticism < from|by\n\
             042:043 +receive ... +visit < from\n\
             190 +fire > at\n\
             111 +face ... +criticism < \n\
             111 +face ... +criticism < from > at\n\
             111 +face ... +criticism >! at|\n\
             111 +face ... +criticism <! from\n\
             111 +face ... +criticism < from to\n",
        );
        let msgs: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 5, "{msgs:?}");
        for (m, line) in msgs.iter().zip(5..) {
            assert!(m.starts_with(&format!("p.txt:{line}: error:")), "{msgs:?}");
        }
        assert!(msgs[1].contains("only one of"), "{msgs:?}");
        assert_eq!(d.patterns.len(), 4);
        let [launch, face, visit, fire] = [0, 1, 2, 3].map(|k| &d.patterns[k]);
        assert_eq!(launch.preps, vec!["at", "against"]);
        assert!(launch.preps_required && launch.actor_preps.is_empty());
        assert_eq!(launch.needed_preps(), Some(&launch.preps[..]));
        assert!(face.preps.is_empty() && !face.preps_required);
        assert_eq!(face.actor_preps, vec!["from", "by"]);
        assert_eq!(face.needed_preps(), Some(&face.actor_preps[..]));
        assert_eq!(visit.code.code, "042");
        assert_eq!(visit.reverse.map(|c| c.code), Some("043"));
        assert_eq!(visit.actor_preps, vec!["from"]);
        assert_eq!(fire.needed_preps(), None);
        assert_eq!(fire.preps, vec!["at"]);
    }

    #[test]
    fn a_pattern_that_needs_a_preposition_shadows_nothing() {
        let mut d = VerbDict::new();
        d.load(
            "v.txt",
            "195 +launch ... +missile >! at\n195 +launch ... +missile\n111 +face < from\n111 +face\n111 +face\n",
        );
        assert_eq!(d.shadowed_by(1), None);
        assert_eq!(d.shadowed_by(3), None);
        // The plain pattern still shadows a later copy, and covers a later `>!` one.
        assert_eq!(d.shadowed_by(4), Some(3));
        let mut d = VerbDict::new();
        d.load(
            "v.txt",
            "195 +launch ... +missile\n195 +launch ... +missile >! at\n",
        );
        assert_eq!(d.shadowed_by(1), Some(0));
    }

    #[test]
    fn tilde_word_needs_a_verb_tag() {
        let mut d = VerbDict::new();
        assert!(d.load("t.txt", "190  attacked|~attack\n").is_empty());
        let p = &d.patterns[0];
        let s = norm("russia will attack ukraine");
        let lemma = norm("russia will attack ukraine");
        let tags = |t: &str| -> Vec<String> { t.split(' ').map(String::from).collect() };
        let verb = tags("PROPN AUX VERB PROPN");
        let noun = tags("PROPN AUX NOUN PROPN");
        assert_eq!(p.match_parsed(&s, &lemma, &verb, 2, 4), Some(vec![2]));
        assert_eq!(p.match_parsed(&s, &lemma, &noun, 2, 4), None);
        // No tags known (no parse): `~` matches nothing.
        assert_eq!(p.match_with(&s, &lemma, 2, 4), None);
        // Indexed under the lemma, so the coder finds it at "attack" and "attacks".
        assert_eq!(d.anchored_at("attack"), &[0]);
    }

    #[test]
    fn loads_and_reports() {
        let mut d = VerbDict::new();
        let diags = d.load(
            "v.txt",
            "dyad-dict 1\n161 +recall ... +ambassador|+envoy\n163 +impose ... +sanction > on|against\n999 +foo\n040 ... +meet\n040 +meet > \n",
        );
        let msgs: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("v.txt:4: error: \"999\" is not a CAMEO event code"));
        assert!(msgs[1].starts_with("v.txt:5:"));
        assert!(msgs[2].starts_with("v.txt:6:"));
        assert_eq!(d.patterns.len(), 2);
        assert_eq!(d.anchored_at("recalled"), &[0]);
        assert_eq!(d.patterns[1].preps, vec!["on", "against"]);
    }

    #[test]
    fn shadowed_patterns_are_found() {
        let mut d = VerbDict::new();
        d.load(
            "v.txt",
            "040 +meet|+visit > with\n042 +visit\n043 +host ... +summit\n040 +host ... +summit|+meeting\n046 +host ... +meeting\n",
        );
        assert_eq!(d.shadowed_by(0), None);
        // "+visit" is covered by the earlier "+meet|+visit".
        assert_eq!(d.shadowed_by(1), Some(0));
        // "+host ... +summit|+meeting" is wider than the earlier "+host ... +summit".
        assert_eq!(d.shadowed_by(3), None);
        assert_eq!(d.shadowed_by(4), Some(3));
    }

    #[test]
    fn mood_lines() {
        let mut d = VerbDict::new();
        let diags = d.load(
            "m.txt",
            "intent 04 036\nintent 084 0353\nrefuse 08 124\nintent 04\nrefuse 0x 120\nintent 19 999\n",
        );
        let msgs: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("m.txt:4:"), "{msgs:?}");
        assert!(msgs[1].starts_with("m.txt:5:"), "{msgs:?}");
        assert!(msgs[2].starts_with("m.txt:6:"), "{msgs:?}");
        let code = |c: &str, m| d.mood_rule(c, m).map(|r| r.to.code);
        assert_eq!(code("042", MoodKind::Intent), Some("036"));
        assert_eq!(code("084", MoodKind::Intent), Some("0353"));
        assert_eq!(code("0841", MoodKind::Intent), Some("0353"));
        assert_eq!(code("084", MoodKind::Refuse), Some("124"));
        assert_eq!(code("190", MoodKind::Intent), None);
        let mut d = d.clone();
        d.load("s.txt", "accuse 19 112\nclaim 19 015\n");
        let code = |c: &str, m| d.mood_rule(c, m).map(|r| r.to.code);
        assert_eq!(code("193", MoodKind::Accuse), Some("112"));
        assert_eq!(code("190", MoodKind::Claim), Some("015"));
        assert_eq!(code("042", MoodKind::Accuse), None);
        assert_eq!(
            d.mood_rule("084", MoodKind::Intent).map(|r| r.rule.line),
            Some(2)
        );
    }

    #[test]
    fn lemmas_match_forms_the_inflector_lacks() {
        let mut d = VerbDict::new();
        d.load("v.txt", "190 +smite ... +army\n190 smites\n");
        let s = norm("rome smote the army");
        let lemma = norm("rome smite the army");
        assert!(!d.patterns[0]
            .elems
            .iter()
            .any(|e| *e == Elem::Words(vec!["smote".into()])));
        assert_eq!(d.patterns[0].match_at(&s, 1, s.len()), None);
        assert_eq!(
            d.patterns[0].match_with(&s, &lemma, 1, s.len()),
            Some(vec![1, 3])
        );
        // `=word` matches by lemma only.
        let mut d2 = VerbDict::new();
        assert!(d2.load("w.txt", "173 =jail\n").is_empty());
        let s2 = norm("the court jailed him");
        let p = &d2.patterns[0];
        assert_eq!(
            p.match_with(&s2, &norm("the court jail he"), 2, 4),
            Some(vec![2])
        );
        assert_eq!(p.match_with(&s2, &norm("the court jailed he"), 2, 4), None);
        assert_eq!(p.match_at(&s2, 2, 4), None);
        assert_eq!(d2.anchored_at("jail"), &[0]);
        // The lemma finds the pattern; an exact form does not match by lemma.
        assert_eq!(d.anchored_at("smite"), &[0]);
        assert_eq!(d.patterns[1].match_with(&s, &lemma, 1, s.len()), None);
    }

    #[test]
    fn a_name_element_matches_only_the_names_given() {
        let mut d = VerbDict::new();
        let diags = d.load("v.txt", "0841 +release ... @name\n0841 @name +release\n");
        // A pattern cannot start with `@name`: its first element is where it is looked up.
        assert_eq!(d.patterns.len(), 1);
        assert_eq!(diags.len(), 1);
        let p = &d.patterns[0];
        assert_eq!(p.specificity(), 2);
        let s = norm("kabul released the sergeant jorge ruiz");
        assert_eq!(
            p.match_naming(&s, &[], &[], &[], &[4, 5], 1, s.len()),
            Some(vec![1, 4])
        );
        // No names given (no parse, or an object that is no person): no match.
        assert_eq!(p.match_at(&s, 1, s.len()), None);
        // A named object is never before a passive participle.
        let s = norm("jorge ruiz was released");
        assert_eq!(p.match_passive(&s, 0, 3), None);
    }

    #[test]
    fn gaps_and_alternatives() {
        let mut d = VerbDict::new();
        d.load("v.txt", "161 +recall ... +ambassador|+envoy\n");
        let p = &d.patterns[0];
        let s = norm("russia recalled its ambassador to washington");
        assert_eq!(p.match_at(&s, 1, s.len()), Some(vec![1, 3]));
        let s = norm("russia recalled a b c d e f ambassador");
        assert_eq!(p.match_at(&s, 1, s.len()), None);
        let s = norm("russia recalled ; its ambassador");
        assert_eq!(p.match_at(&s, 1, s.len()), None);
    }

    #[test]
    fn a_gap_reaches_far_only_into_what_the_parse_gives_it() {
        let mut d = VerbDict::new();
        d.load("v.txt", "070 +provide ... +aid|+assistance\n");
        let p = &d.patterns[0];
        let s = norm("norway provided an additional $ 2 million in assistance to fiji");
        // Seven tokens away: only when the parse puts "assistance" in the verb's object.
        assert_eq!(p.match_at(&s, 1, s.len()), None);
        assert_eq!(
            p.match_reaching(&s, &[], &[], &[8], 1, s.len()),
            Some(vec![1, 8])
        );
        // Beyond the gap, a token outside the reach is never taken.
        assert_eq!(p.match_reaching(&s, &[], &[], &[3], 1, s.len()), None);
        // Nearby, a gap still skips any token.
        let s = norm("norway provided more assistance");
        assert_eq!(
            p.match_reaching(&s, &[], &[], &[], 1, s.len()),
            Some(vec![1, 3])
        );
    }

    #[test]
    fn hyphenated_words_match_split_tokens() {
        let mut d = VerbDict::new();
        d.load(
            "v.txt",
            "0871 +declare ... +ceasefire|+cease-fire\n087 +de-escalate\n",
        );
        let p = &d.patterns[0];
        // "cease-fire" as the tokenizer gives it, and as one token.
        let s = norm("hamas declared a cease - fire on friday");
        assert_eq!(p.match_at(&s, 1, s.len()), Some(vec![1, 3, 4, 5]));
        let s = norm("hamas declared a cease-fire");
        assert_eq!(p.match_at(&s, 1, s.len()), Some(vec![1, 3]));
        let s = norm("hamas declared a cease fire");
        assert_eq!(p.match_at(&s, 1, s.len()), None);
        let s = norm("hamas declared a cease -");
        assert_eq!(p.match_at(&s, 1, s.len()), None);
        // A hyphenated anchor is found through its first part.
        assert_eq!(d.anchored_at("de"), &[1]);
        let s = norm("both sides de - escalated");
        assert_eq!(d.patterns[1].match_at(&s, 2, s.len()), Some(vec![2, 3, 4]));
        assert_eq!(compound_len("cease-fire", &norm("cease -"), 0, 2), None);
        // The second part of a compound is no anchor: "Israeli-occupied West Bank".
        let mut d2 = VerbDict::new();
        d2.load("v.txt", "192 +occupy\n");
        let s = norm("the israeli - occupied west bank");
        assert_eq!(d2.patterns[0].match_at(&s, 3, s.len()), None);
        let s = norm("israel occupied the west bank");
        assert_eq!(d2.patterns[0].match_at(&s, 1, s.len()), Some(vec![1]));
        // The whole hyphenated word wins over its first part.
        let mut d = VerbDict::new();
        d.load("v.txt", "150 +test|test-fired ... +missile\n");
        let s = norm("pyongyang test - fired a missile");
        assert_eq!(
            d.patterns[0].match_at(&s, 1, s.len()),
            Some(vec![1, 2, 3, 5])
        );
        assert_eq!(compound_head("-x"), None);
    }
}
