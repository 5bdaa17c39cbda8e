//! Importer for PETRARCH-2 / TABARI verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`):
//! reads their text and returns the patterns dyad can express in its own verb-pattern format
//! (`dicts/FORMAT.md`, "Verb pattern files"), plus one diagnostic for every input line that could
//! not be used or could be used only in part. A bad line never stops the import.
//!
//! # Input syntax read
//!
//! Comments: `#`, the legacy `;`, and `<!-- ... -->` (also over several lines).
//!
//! - Synsets: a `&NAME` line followed by `+member` lines; a member is one word or a phrase of
//!   consecutive words (`_` or blanks). Regular plurals are added to the last word unless the
//!   member or the label ends with `_`. A member may be another synset (`+&OTHER`). Synsets may
//!   be defined anywhere in the file.
//! - Verb blocks: `--- NAME [CODE] ---`, then verb lines `VERB {IRREGULAR FORMS} [CODE]` (a verb
//!   line's own code overrides the block code for the verb alone; `[---]` or no code: the verb
//!   alone codes nothing), multi-word verbs `+VERB_PARTICLE {+FORMS_PARTICLE} [CODE]` (the word
//!   with `+` is the verb), then patterns `- WORDS [CODE]`.
//! - Pattern elements: `*` the verb; plain words (noun heads, particles); `{A B}` consecutive
//!   words; `(PREP WORDS)` a prepositional phrase; `_` joins words that must be consecutive;
//!   `&SYNSET`; `$` source; `+` target; `^` skip; `%` compound actor.
//! - Codes: `[042]`, `[042:043]` (paired: the second code is the reverse event, target to
//!   source), `[:173]` (reverse event only), `[---]` (null: matches, codes nothing).
//! - `~ ...` transformation lines.
//!
//! # Conversion
//!
//! Each pattern applies to every verb of its block, as in PETRARCH. Its dyad line is
//! `CODE  ANCHOR ELEMENTS  > PREPS  # from PATH:LINE`:
//!
//! - The anchor is the block's single-word verbs as alternatives, each with `+` (dyad inflects
//!   it) plus any listed irregular form dyad's inflector does not produce
//!   (`+speed|sped`). Each multi-word verb gets its own line, the particles following the verb
//!   (`+shut|shutting down`). Verb lines with words before the verb are reported.
//! - Words after `*` become elements separated by `...` (up to five tokens, also none); words
//!   joined by `_` or inside `{}` stay consecutive. Words are written in lower case, literally
//!   (PETRARCH does not inflect pattern words). TABARI's either-word `A/B` (which PETRARCH
//!   skips) becomes the alternatives `a|b`.
//! - A synset becomes one element with its single-word members (and plurals) as alternatives;
//!   every multi-word member gives a further line with its words in sequence (at most 64 lines
//!   per pattern, else the pattern is reported).
//! - Targets: a final bare `(PREP)`, `(PREP +)`, `PREP +` or `(PREP) +` gives `> PREP`; a final
//!   `+` after anything else, or a `+` right after `*`, is dyad's default (first actor after the
//!   verb) and is dropped; other `+` positions are reported. `^` is dropped (a gap does the
//!   skipping). `$` before `*` is dyad's default source and is dropped.
//! - Verb-only lines: every verb with a code (its own or the block's) gives `CODE  ANCHOR`.
//! - Paired codes `A:B` are kept as `A:B` (dyad codes `B` from target to source too); a `B`
//!   that is not a CAMEO code is dropped with a warning.
//! - Codes of two to four digits that are not in dyad's CAMEO table (the validation suite's
//!   test codes) are written anyway, with a warning: dyad's loader rejects those lines, the caller
//!   decides. Other code shapes are errors.
//!
//! Reported, not converted (warnings): words before the verb (subject nouns, auxiliaries and
//! adverbs: dyad patterns start at the verb), `$` after the verb, `%` compounds, null `[---]`
//! patterns (they only block the verb's default code in PETRARCH), reverse-only codes `[:B]`,
//! transformations. Errors: malformed lines (no code, bad code, unbalanced brackets, undefined
//! synsets, words dyad patterns cannot hold).

use crate::cameo;
use crate::inflect;
use dyad_core::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// Most dyad lines one pattern may expand into (synsets with multi-word members).
const MAX_VARIANTS: usize = 64;

/// Words that introduce the target when they precede the target marker.
const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "amongst",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "past",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

use dyad_core::dictfile::petrarch_lines as clean_lines;

/// A word dyad's pattern parser accepts.
fn valid_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.'))
}

/// The regular English plural of a noun (`None` for words already ending in a single `s`).
fn plural(w: &str) -> Option<String> {
    if w.ends_with('s') && !w.ends_with("ss") {
        return None;
    }
    let vowel = |c: char| "aeiou".contains(c);
    Some(
        if w.ends_with("ss")
            || w.ends_with('x')
            || w.ends_with('z')
            || w.ends_with("ch")
            || w.ends_with("sh")
        {
            format!("{w}es")
        } else if let Some(stem) = w.strip_suffix('y').filter(|s| !s.is_empty()) {
            if stem.ends_with(vowel) {
                format!("{w}s")
            } else {
                format!("{stem}ies")
            }
        } else {
            format!("{w}s")
        },
    )
}

fn words_of(s: &str) -> Vec<&str> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Codes

#[derive(Debug, Clone, PartialEq)]
enum VCode {
    /// `[---]`: codes nothing.
    Null,
    /// `[:B]`: only the reverse event.
    ReverseOnly(String),
    Code {
        code: String,
        /// The reverse event of a paired code `A:B`.
        paired: Option<String>,
        cameo: bool,
    },
}

fn is_event_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

fn parse_vcode(s: &str) -> Result<VCode, String> {
    let s = s.trim();
    if s == "---" {
        return Ok(VCode::Null);
    }
    let (a, b) = match s.split_once(':') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (s, None),
    };
    if let Some(b) = b {
        if !(is_event_code(b) || b == "---") {
            return Err(format!("bad event code {s:?}"));
        }
    }
    if a.is_empty() {
        return Ok(VCode::ReverseOnly(b.unwrap_or_default().to_string()));
    }
    if a == "---" {
        return Ok(VCode::Null);
    }
    if !is_event_code(a) {
        return Err(format!(
            "bad event code {s:?} (want two to four digits, `A:B` or `---`)"
        ));
    }
    Ok(VCode::Code {
        code: a.to_string(),
        paired: b.filter(|b| !b.is_empty()).map(str::to_string),
        cameo: cameo::lookup(a).is_some(),
    })
}

/// The code field of a dyad pattern line for `c`: `A`, or `A:B` for a paired code whose
/// reverse event `B` is a CAMEO code (dyad's loader codes it target to source).
fn code_field(c: &VCode) -> String {
    match c {
        VCode::Code {
            code,
            paired: Some(b),
            ..
        } if cameo::lookup(b).is_some() => format!("{code}:{b}"),
        VCode::Code { code, .. } => code.clone(),
        _ => String::new(),
    }
}

/// The insides of the `[...]` groups of a line, and the text before the first one.
fn bracket_groups(s: &str) -> Result<(String, Vec<String>), String> {
    let head = s.find('[').map_or(s, |i| &s[..i]).to_string();
    let mut groups = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = after
            .find(']')
            .ok_or_else(|| format!("unclosed `[` in {s:?}"))?;
        groups.push(after[..close].to_string());
        rest = &after[close + 1..];
    }
    Ok((head, groups))
}

// ---------------------------------------------------------------------------------------------
// Synsets

/// One phrase of a synset: per word position, its alternatives (a word and its plural).
type Phrase = Vec<Vec<String>>;

struct Synset {
    line: u32,
    no_plural: bool,
    members: Vec<(u32, String)>,
}

fn resolve_synset(
    name: &str,
    synsets: &HashMap<String, Synset>,
    stack: &mut Vec<String>,
    path: &str,
    diags: &mut Vec<Diagnostic>,
    reported: &mut HashSet<u32>,
) -> Result<Vec<Phrase>, String> {
    let syn = synsets
        .get(name)
        .ok_or_else(|| format!("synset &{name} is not defined"))?;
    if stack.iter().any(|s| s == name) {
        return Err(format!("synset &{name} contains itself"));
    }
    stack.push(name.to_string());
    let mut out = Vec::new();
    for (line, m) in &syn.members {
        let member = m.trim();
        if let Some(inner) = member.strip_prefix('&') {
            let inner = inner.trim_end_matches('_');
            match resolve_synset(inner, synsets, stack, path, diags, reported) {
                Ok(ps) => out.extend(ps),
                Err(e) => {
                    if reported.insert(*line) {
                        diags.push(Diagnostic::error(path, Some(*line), e));
                    }
                }
            }
            continue;
        }
        let no_plural = syn.no_plural || member.ends_with('_');
        let words: Vec<String> = words_of(member).iter().map(|w| w.to_lowercase()).collect();
        if words.is_empty() {
            continue;
        }
        if let Some(bad) = words.iter().find(|w| !valid_word(w)) {
            if reported.insert(*line) {
                diags.push(Diagnostic::warning(
                    path,
                    Some(*line),
                    format!("synset member word {bad:?} cannot be written in a dyad pattern; member dropped"),
                ));
            }
            continue;
        }
        let n = words.len();
        let phrase: Phrase = words
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                let mut alts = vec![w.clone()];
                if i + 1 == n && !no_plural {
                    if let Some(p) = plural(&w) {
                        alts.push(p);
                    }
                }
                alts
            })
            .collect();
        out.push(phrase);
    }
    stack.pop();
    if out.is_empty() {
        return Err(format!(
            "synset &{name} (line {}) has no usable member",
            syn.line
        ));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Verb blocks

struct VerbLine {
    line: u32,
    /// The anchor element: `+verb` plus extra forms, `|`-separated.
    anchor: String,
    /// Words that follow the verb (multi-word verbs), in order.
    particles: Vec<String>,
    code: Option<VCode>,
}

impl VerbLine {
    fn anchor_text(&self) -> String {
        let mut s = self.anchor.clone();
        for p in &self.particles {
            s.push(' ');
            s.push_str(p);
        }
        s
    }
}

struct Block {
    line: u32,
    name: String,
    code: Option<VCode>,
    verbs: Vec<VerbLine>,
    patterns: Vec<(u32, String)>,
}

/// Parses a verb line; `Err((warning?, message))`.
fn parse_verb_line(t: &str) -> Result<VerbLine, (bool, String)> {
    let (head, groups) = bracket_groups(t).map_err(|e| (false, e))?;
    let code = match groups.last() {
        Some(g) => Some(parse_vcode(g).map_err(|e| (false, e))?),
        None => None,
    };
    let (spec, forms) = match head.find('{') {
        Some(b) => {
            let rest = &head[b + 1..];
            let e = rest
                .find('}')
                .ok_or_else(|| (false, format!("unclosed `{{` in {t:?}")))?;
            (head[..b].trim().to_string(), rest[..e].to_string())
        }
        None => (head.trim().to_string(), String::new()),
    };
    let words = words_of(&spec);
    if words.is_empty() {
        return Err((false, format!("verb line {t:?} has no verb")));
    }
    let vi = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_start_matches('+').to_lowercase())
        .collect();
    if vi > 0 {
        return Err((
            true,
            format!(
                "multi-word verb {spec:?} has words before the verb; dyad patterns start at the verb; skipped"
            ),
        ));
    }
    if let Some(bad) = lower.iter().find(|w| !valid_word(w)) {
        return Err((
            false,
            format!("verb word {bad:?} cannot be written in a dyad pattern"),
        ));
    }
    let verb = lower[0].clone();
    let known = inflect::forms(&verb);
    let mut alts = vec![format!("+{verb}")];
    for f in forms.split(|c: char| c.is_whitespace() || c == ',') {
        if f.is_empty() {
            continue;
        }
        let fw = words_of(f);
        let form = fw
            .iter()
            .find(|w| w.starts_with('+'))
            .or_else(|| fw.get(vi))
            .or_else(|| fw.first())
            .map(|w| w.trim_start_matches('+').to_lowercase())
            .unwrap_or_default();
        if valid_word(&form) && !known.contains(&form) && !alts.contains(&form) {
            alts.push(form);
        }
    }
    Ok(VerbLine {
        line: 0,
        anchor: alts.join("|"),
        particles: lower[1..].to_vec(),
        code,
    })
}

// ---------------------------------------------------------------------------------------------
// Patterns

#[derive(Debug, Clone, PartialEq)]
enum Tk {
    Word(String),
    Syn(String),
    Verb,
    Source,
    Target,
    Skip,
    Compound,
}

#[derive(Debug, Clone)]
struct Item {
    tk: Tk,
    /// Joined to the previous item (`_` or inside `{}`).
    tight: bool,
    /// The prepositional phrase `(...)` this item is in.
    pp: Option<usize>,
}

/// Ends the word being read and pushes it as an item.
fn flush(
    word: &mut String,
    tight_next: &mut bool,
    brace: &mut Option<bool>,
    pp: Option<usize>,
    items: &mut Vec<Item>,
) {
    if word.is_empty() {
        return;
    }
    let w = std::mem::take(word);
    let tk = match w.as_str() {
        "*" | "**" => Tk::Verb,
        "$" => Tk::Source,
        "+" => Tk::Target,
        "^" => Tk::Skip,
        "%" => Tk::Compound,
        _ => match w.strip_prefix('&') {
            Some(n) => Tk::Syn(n.trim_end_matches('_').to_string()),
            None => Tk::Word(w.to_lowercase()),
        },
    };
    // Inside `{}` every item after the first follows the previous one directly.
    let in_brace_later = *brace == Some(false);
    if brace.is_some() {
        *brace = Some(false);
    }
    items.push(Item {
        tk,
        tight: *tight_next || in_brace_later,
        pp,
    });
    *tight_next = false;
}

fn tokenize_pattern(body: &str) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    let mut word = String::new();
    let mut tight_next = false;
    let mut brace: Option<bool> = None; // Some(first item still to come)
    let mut pp: Option<usize> = None;
    let mut pp_count = 0;
    for c in body.chars() {
        match c {
            '_' => {
                flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
                tight_next = true;
            }
            '(' => {
                flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
                if pp.is_some() {
                    return Err("nested `(`".into());
                }
                pp = Some(pp_count);
                pp_count += 1;
                tight_next = false;
            }
            ')' => {
                flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
                if pp.is_none() {
                    return Err("`)` without `(`".into());
                }
                pp = None;
                tight_next = false;
            }
            '{' => {
                flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
                if brace.is_some() {
                    return Err("nested `{`".into());
                }
                brace = Some(true);
            }
            '}' => {
                flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
                if brace.is_none() {
                    return Err("`}` without `{`".into());
                }
                brace = None;
                tight_next = false;
            }
            c if c.is_whitespace() => {
                flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
                tight_next = false;
            }
            c => word.push(c),
        }
    }
    flush(&mut word, &mut tight_next, &mut brace, pp, &mut items);
    if pp.is_some() {
        return Err("unclosed `(`".into());
    }
    if brace.is_some() {
        return Err("unclosed `{`".into());
    }
    Ok(items)
}

/// An element after the anchor: a word or a synset, and whether it follows the previous one
/// directly.
#[derive(Debug, Clone, PartialEq)]
enum PElem {
    Word(String),
    Syn(String),
}

/// Why a pattern could not be converted: `warning` for valid PETRARCH that dyad cannot say.
struct Unsupported {
    warning: bool,
    msg: String,
}

fn unsupported(msg: impl Into<String>) -> Unsupported {
    Unsupported {
        warning: true,
        msg: msg.into(),
    }
}

fn malformed(msg: impl Into<String>) -> Unsupported {
    Unsupported {
        warning: false,
        msg: msg.into(),
    }
}

fn describe(items: &[Item]) -> String {
    items
        .iter()
        .map(|i| match &i.tk {
            Tk::Word(w) => w.clone(),
            Tk::Syn(s) => format!("&{s}"),
            Tk::Verb => "*".into(),
            Tk::Source => "$".into(),
            Tk::Target => "+".into(),
            Tk::Skip => "^".into(),
            Tk::Compound => "%".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The elements after the verb and the target prepositions of one pattern body.
#[allow(clippy::type_complexity)]
fn convert_pattern(body: &str) -> Result<(Vec<(PElem, bool)>, Vec<String>), Unsupported> {
    let items = tokenize_pattern(body).map_err(malformed)?;
    let verbs: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.tk == Tk::Verb)
        .map(|(k, _)| k)
        .collect();
    let v = match verbs.as_slice() {
        [v] => *v,
        [] => return Err(malformed("pattern has no `*` (verb position)")),
        _ => return Err(malformed("pattern has more than one `*`")),
    };
    let pre: Vec<Item> = items[..v]
        .iter()
        .filter(|i| i.tk != Tk::Source)
        .cloned()
        .collect();
    if !pre.is_empty() {
        return Err(unsupported(if pre.iter().any(|i| i.tk == Tk::Compound) {
            "compound actor `%` before the verb cannot be expressed".to_string()
        } else if pre.iter().any(|i| i.tk == Tk::Target) {
            "target `+` before the verb cannot be expressed".to_string()
        } else {
            format!(
                "words before the verb ({}) cannot be expressed: dyad patterns start at the verb",
                describe(&pre)
            )
        }));
    }
    let mut post: Vec<Item> = items[v + 1..].to_vec();
    if post.iter().any(|i| i.tk == Tk::Source) {
        return Err(unsupported(
            "source `$` after the verb cannot be expressed (dyad's source is the actor before the verb)",
        ));
    }
    if post.iter().any(|i| i.tk == Tk::Compound) {
        return Err(unsupported("compound actor `%` cannot be expressed"));
    }
    // The last item that is not a skip.
    let last_real = |post: &[Item]| post.iter().rposition(|i| i.tk != Tk::Skip);
    // A group `(PREP)` holding one plain word.
    let bare_pp = |post: &[Item], k: usize| -> Option<String> {
        let g = post[k].pp?;
        let members: Vec<&Item> = post.iter().filter(|i| i.pp == Some(g)).collect();
        match (members.as_slice(), &post[k].tk) {
            ([_], Tk::Word(w)) => Some(w.clone()),
            _ => None,
        }
    };
    let mut preps = Vec::new();
    let targets: Vec<usize> = post
        .iter()
        .enumerate()
        .filter(|(_, i)| i.tk == Tk::Target)
        .map(|(k, _)| k)
        .collect();
    match targets.as_slice() {
        [] => {}
        [t] => {
            let t = *t;
            let at_end = last_real(&post) == Some(t);
            if let Some(g) = post[t].pp {
                // `(PREP +)` at the end.
                let members: Vec<usize> = (0..post.len())
                    .filter(|&k| post[k].pp == Some(g) && post[k].tk != Tk::Skip)
                    .collect();
                let after_group = post
                    .iter()
                    .enumerate()
                    .any(|(k, i)| k > t && i.pp != Some(g) && i.tk != Tk::Skip);
                match (members.as_slice(), after_group) {
                    ([p, tt], false) if *tt == t => match &post[*p].tk {
                        Tk::Word(w) => {
                            preps.push(w.clone());
                            post.retain(|i| i.pp != Some(g));
                        }
                        _ => {
                            return Err(unsupported(
                                "target `+` after a synset preposition cannot be expressed",
                            ))
                        }
                    },
                    _ => {
                        return Err(unsupported(
                            "target `+` inside a prepositional phrase with other words cannot be expressed",
                        ))
                    }
                }
            } else if at_end {
                let prev = post[..t].iter().rposition(|i| i.tk != Tk::Skip);
                match prev {
                    Some(p) if bare_pp(&post, p).is_some() => {
                        let g = post[p].pp;
                        preps.extend(bare_pp(&post, p));
                        post.truncate(t);
                        post.retain(|i| i.pp != g || g.is_none());
                    }
                    Some(p) => match &post[p].tk {
                        Tk::Word(w)
                            if post[p].pp.is_none() && PREPOSITIONS.contains(&w.as_str()) =>
                        {
                            preps.push(w.clone());
                            post.truncate(p);
                        }
                        _ => post.truncate(t),
                    },
                    None => post.truncate(t),
                }
            } else if t == 0 {
                post.remove(0);
            } else {
                return Err(unsupported(format!(
                    "target `+` in the middle of the pattern ({}) cannot be expressed",
                    describe(&post)
                )));
            }
        }
        _ => return Err(unsupported("more than one target `+`")),
    }
    if preps.is_empty() {
        if let Some(k) = last_real(&post) {
            if let Some(p) = bare_pp(&post, k) {
                preps.push(p);
                let g = post[k].pp;
                post.retain(|i| i.pp != g);
            }
        }
    }
    let mut elems = Vec::new();
    let mut prev_removed = false;
    for i in post {
        match i.tk {
            Tk::Skip => prev_removed = true,
            Tk::Word(w) => {
                // TABARI's `A/B` (either word) is an alternative in dyad.
                let w = w.replace('/', "|");
                if !w.split('|').all(valid_word) {
                    return Err(malformed(format!(
                        "word {w:?} cannot be written in a dyad pattern"
                    )));
                }
                elems.push((PElem::Word(w), i.tight && !prev_removed));
                prev_removed = false;
            }
            Tk::Syn(s) => {
                elems.push((PElem::Syn(s), i.tight && !prev_removed));
                prev_removed = false;
            }
            _ => return Err(malformed("unexpected marker")),
        }
    }
    let preps: Vec<String> = preps
        .iter()
        .flat_map(|p| p.split('/').map(str::to_string))
        .collect();
    for p in &preps {
        if !valid_word(p) {
            return Err(malformed(format!(
                "preposition {p:?} cannot be written in a dyad pattern"
            )));
        }
    }
    Ok((elems, preps))
}

/// The texts after the anchor for every expansion of the synsets in `elems`.
fn expand_elems(
    elems: &[(PElem, bool)],
    resolved: &HashMap<String, Result<Vec<Phrase>, String>>,
) -> Result<Vec<String>, Unsupported> {
    let mut variants: Vec<String> = vec![String::new()];
    let sep = |tight: bool| if tight { " " } else { " ... " };
    for (e, tight) in elems {
        let options: Vec<String> = match e {
            PElem::Word(w) => vec![format!("{}{w}", sep(*tight))],
            PElem::Syn(name) => {
                let phrases = match resolved.get(name) {
                    Some(Ok(p)) => p,
                    Some(Err(e)) => return Err(malformed(e.clone())),
                    None => {
                        return Err(malformed(format!("synset &{name} is not defined")));
                    }
                };
                let mut singles: Vec<String> = Vec::new();
                let mut opts = Vec::new();
                for p in phrases {
                    if let [alts] = p.as_slice() {
                        for a in alts {
                            if !singles.contains(a) {
                                singles.push(a.clone());
                            }
                        }
                    } else {
                        let mut s = String::new();
                        for (k, alts) in p.iter().enumerate() {
                            s.push_str(sep(k > 0 || *tight));
                            s.push_str(&alts.join("|"));
                        }
                        opts.push(s);
                    }
                }
                if !singles.is_empty() {
                    opts.insert(0, format!("{}{}", sep(*tight), singles.join("|")));
                }
                opts
            }
        };
        let mut next = Vec::new();
        for v in &variants {
            for o in &options {
                next.push(format!("{v}{o}"));
            }
        }
        if next.len() > MAX_VARIANTS {
            return Err(unsupported(format!(
                "synsets expand into more than {MAX_VARIANTS} patterns"
            )));
        }
        variants = next;
    }
    Ok(variants)
}

// ---------------------------------------------------------------------------------------------

/// Converts a PETRARCH/TABARI verb dictionary into a dyad verb-pattern file. `path` names the
/// input in the diagnostics and the `# from` comments.
pub fn verbs(path: &str, text: &str) -> (String, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let lines = clean_lines(text);
    let err = |line: u32, m: String| Diagnostic::error(path, Some(line), m);
    let warn = |line: u32, m: String| Diagnostic::warning(path, Some(line), m);

    // Pass 1: synsets and blocks.
    let mut synsets: HashMap<String, Synset> = HashMap::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_synset: Option<String> = None;
    for l in &lines {
        let t = l.text.as_str();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("---") {
            in_synset = None;
            let name = t.trim_matches('-').trim();
            let name = name
                .find('[')
                .map_or(name, |i| name[..i].trim())
                .to_string();
            let mut code = None;
            match bracket_groups(t) {
                Ok((_, groups)) => {
                    for (k, g) in groups.iter().enumerate() {
                        if k > 0 {
                            diags.push(warn(
                                l.no,
                                format!("second block code [{g}] ignored (the first is used)"),
                            ));
                            continue;
                        }
                        match parse_vcode(g) {
                            Ok(c) => code = Some(c),
                            Err(e) => diags.push(err(
                                l.no,
                                format!("{e}; the block's verbs get no verb-only pattern"),
                            )),
                        }
                    }
                }
                Err(e) => diags.push(err(l.no, e)),
            }
            blocks.push(Block {
                line: l.no,
                name,
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
        } else if let Some(rest) = t.strip_prefix('&') {
            let name = rest.split_whitespace().next().unwrap_or("");
            let no_plural = name.ends_with('_');
            let name = name.trim_end_matches('_').to_string();
            if synsets.contains_key(&name) {
                diags.push(warn(
                    l.no,
                    format!("synset &{name} defined again; its members are added"),
                ));
            }
            synsets.entry(name.clone()).or_insert(Synset {
                line: l.no,
                no_plural,
                members: Vec::new(),
            });
            in_synset = Some(name);
        } else if let (Some(member), Some(name)) = (t.strip_prefix('+'), in_synset.as_ref()) {
            if let Some(s) = synsets.get_mut(name) {
                s.members.push((l.no, member.to_string()));
            }
        } else if t.starts_with('~') {
            in_synset = None;
            diags.push(warn(
                l.no,
                "transformations (`~ ...`) cannot be expressed in dyad patterns".into(),
            ));
        } else if let Some(body) = t.strip_prefix('-') {
            in_synset = None;
            match blocks.last_mut() {
                Some(b) => b.patterns.push((l.no, body.to_string())),
                None => diags.push(err(l.no, "pattern outside a verb block".into())),
            }
        } else {
            in_synset = None;
            let Some(b) = blocks.last_mut() else {
                diags.push(err(l.no, format!("line {t:?} outside a verb block")));
                continue;
            };
            match parse_verb_line(t) {
                Ok(mut v) => {
                    v.line = l.no;
                    b.verbs.push(v);
                }
                Err((true, m)) => diags.push(warn(l.no, m)),
                Err((false, m)) => diags.push(err(l.no, m)),
            }
        }
    }

    // Pass 2: synsets resolved once.
    let mut reported = HashSet::new();
    let mut names: Vec<&String> = synsets.keys().collect();
    names.sort();
    let resolved: HashMap<String, Result<Vec<Phrase>, String>> = names
        .into_iter()
        .map(|n| {
            let r = resolve_synset(
                n,
                &synsets,
                &mut Vec::new(),
                path,
                &mut diags,
                &mut reported,
            );
            (n.clone(), r)
        })
        .collect();

    // Pass 3: output.
    let mut out = String::new();
    let _ = writeln!(out, "dyad-dict 1");
    let _ = writeln!(
        out,
        "# Verb patterns imported from the PETRARCH/TABARI dictionary {path} by dyad (dyad_events::import)."
    );
    let _ = writeln!(
        out,
        "# Each line names its source line; see the importer's documentation for the rules.\n"
    );
    let mut written: HashSet<String> = HashSet::new();
    let mut emit = |out: &mut String, line: String, src: u32| {
        if written.insert(line.clone()) {
            let _ = writeln!(out, "{line}  # from {path}:{src}");
        }
    };
    // Warns once per line about a code that is paired or not in the CAMEO table.
    let code_notes = |c: &VCode, line: u32, diags: &mut Vec<Diagnostic>| {
        if let VCode::Code {
            code,
            paired,
            cameo,
        } = c
        {
            if let Some(b) = paired.as_ref().filter(|b| cameo::lookup(b).is_none()) {
                diags.push(warn(
                    line,
                    format!(
                        "paired code {code}:{b}: {b} is not a CAMEO event code; the reverse event is dropped"
                    ),
                ));
            }
            if !cameo {
                diags.push(warn(
                    line,
                    format!("{code} is not a CAMEO event code; written anyway (dyad's verb loader rejects it)"),
                ));
            }
        }
    };
    for b in &blocks {
        let _ = writeln!(out, "# --- {} ({path}:{})", b.name, b.line);
        match &b.code {
            Some(VCode::ReverseOnly(r)) => diags.push(warn(
                b.line,
                format!(
                    "block code [:{r}] codes only the reverse event; the verbs alone code nothing"
                ),
            )),
            Some(c) => code_notes(c, b.line, &mut diags),
            None => {}
        }
        // Verb-only lines.
        for v in &b.verbs {
            let code = match (&v.code, &b.code) {
                (Some(c), _) => {
                    if let VCode::ReverseOnly(r) = c {
                        diags.push(warn(
                            v.line,
                            format!(
                                "verb code [:{r}] codes only the reverse event; verb alone skipped"
                            ),
                        ));
                    } else {
                        code_notes(c, v.line, &mut diags);
                    }
                    c
                }
                (None, Some(c)) => c,
                (None, None) => continue,
            };
            if let VCode::Code { .. } = code {
                emit(
                    &mut out,
                    format!("{}  {}", code_field(code), v.anchor_text()),
                    v.line,
                );
            }
        }
        // Anchors for patterns: single-word verbs together, multi-word verbs one by one.
        let mut single: Vec<String> = Vec::new();
        let mut anchors: Vec<String> = Vec::new();
        for v in &b.verbs {
            if v.particles.is_empty() {
                for a in v.anchor.split('|') {
                    if !single.iter().any(|s| s == a) {
                        single.push(a.to_string());
                    }
                }
            } else {
                anchors.push(v.anchor_text());
            }
        }
        if !single.is_empty() {
            anchors.insert(0, single.join("|"));
        }
        for (line, body) in &b.patterns {
            let line = *line;
            let (head, groups) = match bracket_groups(body) {
                Ok(x) => x,
                Err(e) => {
                    diags.push(err(line, e));
                    continue;
                }
            };
            let Some(g) = groups.last() else {
                diags.push(err(line, "pattern has no [CODE]".into()));
                continue;
            };
            let code = match parse_vcode(g) {
                Ok(VCode::Null) => {
                    diags.push(warn(
                        line,
                        "null-code pattern [---] (blocks the verb's own code in PETRARCH) cannot be expressed".into(),
                    ));
                    continue;
                }
                Ok(VCode::ReverseOnly(r)) => {
                    diags.push(warn(
                        line,
                        format!("code [:{r}] codes only the reverse event (target to source); cannot be expressed"),
                    ));
                    continue;
                }
                Ok(c) => c,
                Err(e) => {
                    diags.push(err(line, e));
                    continue;
                }
            };
            let converted = convert_pattern(&head)
                .and_then(|(elems, preps)| expand_elems(&elems, &resolved).map(|v| (v, preps)));
            let (variants, preps) = match converted {
                Ok(x) => x,
                Err(u) => {
                    diags.push(if u.warning {
                        warn(line, u.msg)
                    } else {
                        err(line, u.msg)
                    });
                    continue;
                }
            };
            if anchors.is_empty() {
                diags.push(err(line, "the block has no usable verb".into()));
                continue;
            }
            code_notes(&code, line, &mut diags);
            if !matches!(code, VCode::Code { .. }) {
                continue;
            }
            let code = code_field(&code);
            let target = if preps.is_empty() {
                String::new()
            } else {
                format!("  > {}", preps.join("|"))
            };
            for a in &anchors {
                for v in &variants {
                    emit(&mut out, format!("{code}  {a}{v}{target}"), line);
                }
            }
        }
        out.push('\n');
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verbs::VerbDict;
    use dyad_core::diag::Severity;

    fn lines(d: &[Diagnostic], sev: Severity) -> Vec<u32> {
        let mut v: Vec<u32> = d
            .iter()
            .filter(|x| x.severity == sev)
            .filter_map(|x| x.line)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The pattern lines of an output, without comments.
    fn body(out: &str) -> Vec<String> {
        out.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty() && !l.starts_with("dyad-dict"))
            .collect()
    }

    #[test]
    fn blocks_patterns_and_synsets() {
        let src = "\
&ENVOY
+EMISSARY
+ENVOY
+SPECIAL_ENVOY_

--- DISPATCH [---] ---
DISPATCH
SEND
HURRY {HURRIES HURRYING HURRIED }
- * &ENVOY                         [036]   # comment
- * {RELIEF GOODS}                 [073]
- * (TO)                           [042:043]
- * HELP (FOR +)                   [070]
- * TROOPS TOWARD +                [154]
- * + MISSION                      [050]

--- SHUN [121] ---
SHUN
+TURN_AWAY {+TURNED_AWAY +TURNING_AWAY +TURNS_AWAY}
SIDESTEP [---]
- *_OUT (OF ^) (FROM)              [125]
";
        let (out, d) = verbs("v.txt", src);
        let b = body(&out);
        let expect = [
            "036  +dispatch|+send|+hurry ... emissary|emissaries|envoy|envoys",
            "036  +dispatch|+send|+hurry ... special envoy",
            "073  +dispatch|+send|+hurry ... relief goods",
            "042:043  +dispatch|+send|+hurry  > to",
            "070  +dispatch|+send|+hurry ... help  > for",
            "154  +dispatch|+send|+hurry ... troops  > toward",
            "050  +dispatch|+send|+hurry ... mission",
            "121  +shun",
            "121  +turn away",
            "125  +shun|+sidestep out ... of  > from",
            "125  +turn away out ... of  > from",
        ];
        for e in expect {
            assert!(b.iter().any(|l| l == e), "missing {e:?} in\n{out}");
        }
        assert!(!out.contains("+sidestep\n"), "{out}");
        // The paired code is kept whole: nothing is reported.
        assert!(lines(&d, Severity::Warning).is_empty(), "{d:?}");
        assert!(lines(&d, Severity::Error).is_empty(), "{d:?}");
        let mut dict = VerbDict::new();
        let ld = dict.load("out.txt", &out);
        assert!(ld.is_empty(), "{ld:?}");
        assert_eq!(dict.patterns.len(), b.len());
        assert!(out.contains("# from v.txt:10"));
    }

    #[test]
    fn irregular_forms_not_known_to_the_inflector_are_added() {
        let src = "--- GO [---] ---\nSTRIDE {STRODE STRIDDEN STRIDES}\n- * FORWARD [013]\n";
        let (out, d) = verbs("v.txt", src);
        assert!(d.is_empty(), "{d:?}");
        assert!(
            body(&out).contains(&"013  +stride|strode|stridden ... forward".to_string()),
            "{out}"
        );
    }

    #[test]
    fn unsupported_constructs_are_reported() {
        let src = "\
<!-- header -->
--- WARN [130] ---
WARN
- &MILITARY * EXERCISES           [150]
- * (TO {BANNED PARTIES}) $       [172]
- % * [030]
- * CALL ON + TO RESIGN           [0241]
- * ATTACK                         [---]
- * (BEFORE COURT)                 [:173]
- * &NOSUCH                        [130]
- * REPORT                         [13x]
- * REPORT
- * PLAN [911]
- IN_*  [075]
RE_+WARN
~ a (b . ATTACK) SAY = a b 112
- * (UNCLOSED                      [130]
";
        let (out, d) = verbs("v.txt", src);
        assert_eq!(
            lines(&d, Severity::Warning),
            vec![4, 5, 6, 7, 8, 9, 13, 14, 15, 16],
            "{d:?}"
        );
        assert_eq!(lines(&d, Severity::Error), vec![10, 11, 12, 17], "{d:?}");
        // 911 is passed through for the caller to decide.
        assert!(body(&out).contains(&"911  +warn ... plan".to_string()));
        let mut dict = VerbDict::new();
        let ld = dict.load("out.txt", &out);
        assert_eq!(ld.len(), 1, "{ld:?}");
        assert!(ld[0].message.contains("\"911\""));
    }

    #[test]
    fn nested_synsets_and_consecutive_words() {
        let src = "&KIND_\n+NAVAL\n+&OTHER\n&OTHER\n+LAND_BASED_\n--- HOLD [---] ---\nHOLD\n- * JOINT_&KIND_DRILLS [042]\n";
        let (out, d) = verbs("v.txt", src);
        assert!(d.is_empty(), "{d:?}");
        let b = body(&out);
        assert!(
            b.contains(&"042  +hold ... joint naval drills".to_string()),
            "{out}"
        );
        assert!(
            b.contains(&"042  +hold ... joint land based drills".to_string()),
            "{out}"
        );
    }

    /// Imports the real PETRARCH verb dictionaries when the shared data directory is present.
    #[test]
    fn imports_real_dictionaries() {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        if !base.is_dir() {
            return;
        }
        for (rel, test_codes) in [
            ("phoenix-dictionaries/CAMEO.2.0.txt", false),
            ("petrarch2-unit-tests/PETR.Validate.verbs.txt", true),
        ] {
            let Ok(bytes) = std::fs::read(base.join(rel)) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            let (out, d) = verbs(rel, &text);
            let src = clean_lines(&text);
            let patterns_in: Vec<u32> = src
                .iter()
                .filter(|l| l.text.starts_with('-') && !l.text.starts_with("---"))
                .map(|l| l.no)
                .collect();
            let verbs_in = {
                let mut in_block = false;
                let mut n = 0;
                for l in &src {
                    let t = l.text.as_str();
                    if t.starts_with("---") {
                        in_block = true;
                    } else if t.starts_with('&') {
                        in_block = false;
                    } else if in_block && !t.is_empty() && !t.starts_with(['-', '~']) {
                        n += 1;
                    }
                }
                n
            };
            // Source lines that produced at least one output line.
            let used: HashSet<u32> = out
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.rsplit_once(':').and_then(|(_, n)| n.trim().parse().ok()))
                .collect();
            let patterns_used = patterns_in.iter().filter(|n| used.contains(n)).count();
            // The caller's decision for codes outside dyad's CAMEO table: drop those lines.
            let flagged: HashSet<String> = d
                .iter()
                .filter(|x| x.message.contains("is not a CAMEO event code"))
                .filter_map(|x| x.message.split_whitespace().next().map(str::to_string))
                .collect();
            let kept: String = out
                .lines()
                .filter(|l| {
                    l.split_whitespace()
                        .next()
                        .is_none_or(|c| !flagged.contains(c))
                })
                .map(|l| format!("{l}\n"))
                .collect();
            let dropped = out.lines().count() - kept.lines().count();
            let mut dict = VerbDict::new();
            let ld = dict.load(rel, &kept);
            assert!(ld.is_empty(), "{rel}: {:?}", &ld[..ld.len().min(5)]);
            if !test_codes {
                assert!(dropped < 20, "{rel}: {dropped} lines with non-CAMEO codes");
            }
            let n_err = d.iter().filter(|x| x.severity == Severity::Error).count();
            println!(
                "{rel}: {} verb lines, {} pattern lines in; {} of the patterns converted; {} dyad lines written, {} load after dropping {} with non-CAMEO codes; {} errors, {} warnings",
                verbs_in,
                patterns_in.len(),
                patterns_used,
                out.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("dyad-dict")).count(),
                dict.patterns.len(),
                dropped,
                n_err,
                d.len() - n_err
            );
            if !test_codes {
                assert!(
                    patterns_used * 10 >= patterns_in.len() * 6,
                    "{rel}: only {patterns_used} of {} patterns converted",
                    patterns_in.len()
                );
            }
        }
    }
}
