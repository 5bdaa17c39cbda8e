//! Importer for PETRARCH-2 / TABARI actor and agent dictionaries: reads their text and returns
//! the same entries in dyad's format (`dicts/FORMAT.md`) plus one diagnostic for every input
//! line that could not be used (or could be used only in part). A bad line never stops the
//! import.
//!
//! # Input syntax read
//!
//! Comments: `#` and the legacy `;` run to the end of the line; `<!-- ... -->` (also spread over
//! several lines, and the malformed `<! --` opener) is skipped.
//!
//! Actor files (`*.actors.txt`): an entry is a root phrase line, optional `+synonym` lines and
//! code lines `[CODE]`, `[CODE >DATE]`, `[CODE <DATE]`, `[CODE DATE-DATE]` (indented on their
//! own line, or on the root line: `PHRASE [CODE]`; several groups may share a line). Consecutive
//! root lines without a code and without a blank line between them form one entry (the files
//! list name variants of one person that way). Phrase words are joined by `_` or blanks.
//!
//! Agent files (`*.agents.txt`): `PHRASE {PLURALS} [~CODE]` lines and substitution sets
//! `!NAME! = A, B, C` used inside phrases (`CONGRESS!PERSON!`).
//!
//! # Conversion rules
//!
//! - Actor entries whose codes are all undated become `CODE Label` with `name:` lines; the first
//!   undated code is the head code, further different undated codes are reported and dropped.
//! - Entries with a dated code become `- Label` (a person in dyad's terms) with one
//!   `role CODE FROM..TO:` line per dated code, in source order, followed by the first undated
//!   code as an open `role CODE:` line (dyad takes the first role whose range contains the
//!   date, so the undated code acts as the default, as in PETRARCH).
//! - Dates: `YYYYMMDD`, or `YYMMDD` with a pivot: `00`–`30` → 20xx, `31`–`99` → 19xx. When a
//!   range would end before it starts because its 6-digit start was read as 20xx, the start is
//!   read as 19xx instead (birth-date ranges such as `250101-740101`). Both ends are inclusive
//!   (PETRARCH's "or equal to"). Dates of any other length, a bare date without `<`, `>` or `-`,
//!   and impossible dates are reported and that code is dropped.
//! - The null code `[---]` (PETRARCH: "known, do not code") has no dyad equivalent: an entry with
//!   only null codes is reported and skipped, a null default next to other codes is reported
//!   and dropped. Compound codes (`[A/B]`) and codes that are not upper-case letters and digits
//!   are reported; lower-case codes are upper-cased with a warning.
//! - Phrases: `_` and blanks become spaces, empty words (`__`) are dropped. PETRARCH matches any
//!   case; dyad lets case matter, so: in phrases of two or more words every word is lower case
//!   (matches any case); a single-word phrase (a leading "the" aside) of two or three letters is
//!   kept in capitals, as an acronym (`UN`, `US`, `PLO`: "us" is not the US); a single word that
//!   is also a common English word (a built-in list: Turkey, Chad, Jordan, Georgia, ...) gets
//!   an initial capital; other single words are lower case. Abbreviations with periods
//!   (`U.S.`, `K.U.`: at most two letters between periods) keep the source's capitals. A phrase
//!   that ends with a parenthesised acronym of its own initials
//!   (`ANIMAL_LIBERATION_FRONT_(ALF)`) also yields the name without it and the acronym alone
//!   (in capitals). A `+` inside a phrase (two synonyms run together) splits it. An unclosed
//!   `(` cuts the phrase there. Duplicate phrases within an entry are written once.
//! - Agents: phrases are lower case (role words); abbreviations with periods keep capitals.
//!   `[~CODE]` (code added after the actor code) is what dyad does: the head is the first three
//!   letters, a longer code goes on the body line (`name GOVFRM: foreign minister`).
//!   `[CODE~]` (code put before the actor code, `NGO~`) cannot be expressed and is reported.
//!   Plurals: `{}` means none, `{A B}` lists them, otherwise the regular English plural of the
//!   last word is added (not for words already ending in a single `s`, nor for phrases with
//!   substitution markers, whose lists carry both numbers). `[~CODE}` is read with a warning.
//!
//! # Limits
//!
//! - TABARI treated a phrase without a trailing `_` as a stem (`ARGENTIN` matched Argentina,
//!   Argentine); dyad matches whole words, so such stems only match the literal word.
//! - A blank between agent words allowed other words in between in PETRARCH; dyad phrases are
//!   consecutive words.
//! - PETRARCH gives no code outside every dated range of an entry without a default; dyad
//!   falls back to the country of the nearest role as an elite (`XXXELI`).
//! - Entries with dated codes are people for dyad: an agent next to them ("Zimbabwean troops"
//!   for a country whose code changed) is not combined with their code.
//!
//! Every output entry carries `# from PATH:LINE` (the root line) on its head line.

use chrono::{Datelike, NaiveDate};
use dyad_core::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use dyad_core::dictfile::petrarch_lines as clean_lines;

/// Common English words that are also single-word actor names: written with an initial
/// capital so that "turkey" the bird is not Turkey.
const COMMON_WORDS: &[&str] = &[
    "bale",
    "bath",
    "champagne",
    "chad",
    "china",
    "cork",
    "foundation",
    "georgia",
    "guardian",
    "guinea",
    "jersey",
    "jordan",
    "lightning",
    "limerick",
    "male",
    "march",
    "marches",
    "mobile",
    "natal",
    "nice",
    "organization",
    "phoenix",
    "pole",
    "polish",
    "reading",
    "saga",
    "split",
    "turkey",
    "victoria",
    "youth",
    "zero",
];

/// Small words left out when an acronym is compared with the initials of a name.
const ACRONYM_SKIP: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "de", "la", "al", "el", "du", "des", "del", "a",
];

fn capitalize(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// An abbreviation written with periods ("U.S.", "N.Z.", "W."): every part between periods
/// has at most two letters. Such words keep the source's capitals.
fn is_abbreviation(w: &str) -> bool {
    w.contains('.')
        && w.chars().any(char::is_alphabetic)
        && w.split('.')
            .all(|part| part.chars().filter(|c| c.is_alphabetic()).count() <= 2)
}

/// Applies the case rules to the words of one phrase (see the module documentation).
fn case_words(words: &[&str], agents: bool) -> Vec<String> {
    let core_start = usize::from(words.len() > 1 && words[0].eq_ignore_ascii_case("the"));
    let single = words.len() - core_start == 1;
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if is_abbreviation(w) {
                w.to_string()
            } else if agents || !single || i < core_start {
                w.to_lowercase()
            } else if (2..=3).contains(&letters) && w.chars().all(char::is_alphanumeric) {
                w.to_uppercase()
            } else if COMMON_WORDS.contains(&w.to_lowercase().as_str()) {
                capitalize(w)
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

/// Whether `acr` spells the initials of `words` (hyphenated words count once or per part,
/// small words may be skipped).
fn is_initials(acr: &str, words: &[&str]) -> bool {
    let acr = acr.to_lowercase();
    let mut candidates = Vec::new();
    for skip_small in [false, true] {
        for split_hyphen in [false, true] {
            let mut s = String::new();
            for w in words {
                let parts: Vec<&str> = if split_hyphen {
                    w.split('-').filter(|p| !p.is_empty()).collect()
                } else {
                    vec![w]
                };
                for p in parts {
                    if skip_small && ACRONYM_SKIP.contains(&p.to_lowercase().as_str()) {
                        continue;
                    }
                    if let Some(c) = p.chars().find(|c| c.is_alphanumeric()) {
                        s.extend(c.to_lowercase());
                    }
                }
            }
            candidates.push(s);
        }
    }
    candidates.contains(&acr)
}

/// The dyad phrases for one PETRARCH phrase, plus notes (warnings) about changes made.
fn phrase_variants(raw: &str, agents: bool) -> (Vec<String>, Vec<String>) {
    let mut notes = Vec::new();
    let mut out: Vec<String> = Vec::new();
    let pieces: Vec<&str> = raw
        .split('+')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() > 1 {
        notes.push(format!(
            "`+` inside the phrase {raw:?}: read as {} separate phrases",
            pieces.len()
        ));
    }
    for piece in pieces {
        let mut piece = piece;
        if piece.matches('(').count() != piece.matches(')').count() {
            if let Some(p) = piece.find('(') {
                notes.push(format!("unbalanced `(` in {piece:?}: phrase cut before it"));
                piece = &piece[..p];
            }
        }
        if piece.contains(';') {
            notes.push(format!("`;` in {piece:?} cannot be part of a dyad phrase"));
            continue;
        }
        let words: Vec<&str> = piece
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        out.push(case_words(&words, agents).join(" "));
        // "NAME (ACR)": also the name alone and the acronym alone.
        if let Some((last, name)) = words.split_last() {
            if let Some(inner) = last.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
                if (2..=6).contains(&inner.len())
                    && inner.chars().all(|c| c.is_ascii_alphabetic())
                    && !name.is_empty()
                    && is_initials(inner, name)
                {
                    out.push(case_words(name, agents).join(" "));
                    out.push(inner.to_uppercase());
                }
            }
        }
    }
    (out, notes)
}

/// A title-cased label from a phrase.
fn label_of(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| {
            if is_abbreviation(w) || (w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase())) {
                w.to_string()
            } else {
                capitalize(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes `field[ CODE]: p; p; ...` lines of at most about 100 characters.
fn write_phrases(out: &mut String, field: &str, phrases: &[String]) {
    let mut line = String::new();
    for p in phrases {
        if !line.is_empty() && line.len() + p.len() > 100 {
            let _ = writeln!(out, "  {field}: {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("; ");
        }
        line.push_str(p);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "  {field}: {line}");
    }
}

fn is_code(s: &str) -> bool {
    s.len() >= 3
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Actors

/// A date from a code line, and whether a 6-digit year was pivoted to 20xx.
fn parse_date(s: &str) -> Result<(NaiveDate, bool), String> {
    let digits = s.chars().all(|c| c.is_ascii_digit());
    let num = |a: usize, b: usize| -> Option<u32> { s.get(a..b)?.parse().ok() };
    let (y, m, d, pivot20) = match (digits, s.len()) {
        (true, 6) => {
            let yy = num(0, 2).unwrap_or(0);
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            (y, num(2, 4), num(4, 6), yy <= 30)
        }
        (true, 8) => (num(0, 4).unwrap_or(0), num(4, 6), num(6, 8), false),
        _ => {
            return Err(format!(
                "malformed date {s:?} ({} characters; want YYMMDD or YYYYMMDD)",
                s.len()
            ))
        }
    };
    let y = i32::try_from(y).map_err(|_| format!("bad year in {s:?}"))?;
    m.zip(d)
        .and_then(|(m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .map(|date| (date, pivot20))
        .ok_or_else(|| format!("{s:?} is not a calendar date"))
}

/// One actor code with its optional date restriction.
#[derive(Debug, Clone)]
struct CodeSpec {
    code: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    dated: bool,
    src: String,
    line: u32,
}

#[derive(Debug, Clone)]
enum Code {
    Null(u32),
    Real(CodeSpec),
}

/// Parses the inside of one `[...]` group.
fn parse_code(inner: &str, line: u32, path: &str, diags: &mut Vec<Diagnostic>) -> Option<Code> {
    let inner = inner.trim();
    let mut parts = inner.split_whitespace();
    let raw_code = parts.next().unwrap_or("");
    let restriction: String = parts.collect::<Vec<_>>().concat();
    let err = |m: String| Diagnostic::error(path, Some(line), m);
    let warn = |m: String| Diagnostic::warning(path, Some(line), m);
    if raw_code.is_empty() {
        diags.push(err("empty code `[]`".into()));
        return None;
    }
    if raw_code == "---" {
        return Some(Code::Null(line));
    }
    if raw_code.contains('/') {
        diags.push(warn(format!(
            "compound code {raw_code:?} (several actors) is not supported by dyad; code dropped"
        )));
        return None;
    }
    let mut code = raw_code.to_string();
    if code.chars().any(|c| c.is_ascii_lowercase()) {
        code = code.to_uppercase();
        if is_code(&code) {
            diags.push(warn(format!(
                "lower-case code {raw_code:?} read as {code:?}"
            )));
        }
    }
    if !is_code(&code) {
        diags.push(err(format!(
            "bad actor code {raw_code:?} (want upper-case letters and digits); code dropped"
        )));
        return None;
    }
    let (mut from, mut to, mut from_pivot) = (None, None, false);
    if restriction.is_empty() {
        // Undated: the default code.
    } else if let Some(d) = restriction.strip_prefix('<') {
        match parse_date(d) {
            Ok((d, _)) => to = Some(d),
            Err(e) => {
                diags.push(err(format!("{e}; code {code} dropped")));
                return None;
            }
        }
    } else if let Some(d) = restriction.strip_prefix('>') {
        match parse_date(d) {
            Ok((d, _)) => from = Some(d),
            Err(e) => {
                diags.push(err(format!("{e}; code {code} dropped")));
                return None;
            }
        }
    } else if let Some((a, b)) = restriction.split_once('-') {
        match (parse_date(a), parse_date(b)) {
            (Ok((a, pa)), Ok((b, _))) => {
                from = Some(a);
                to = Some(b);
                from_pivot = pa;
            }
            (Err(e), _) | (_, Err(e)) => {
                diags.push(err(format!("{e}; code {code} dropped")));
                return None;
            }
        }
    } else {
        diags.push(err(format!(
            "date restriction {restriction:?} needs `<`, `>` or `FROM-TO`; code {code} dropped"
        )));
        return None;
    }
    if let (Some(f), Some(t)) = (from, to) {
        if f > t && from_pivot {
            from = f.with_year(f.year() - 100);
        }
        if from.is_some_and(|f| f > t) {
            diags.push(err(format!(
                "date range {restriction:?} ends before it starts; code {code} dropped"
            )));
            return None;
        }
    }
    Some(Code::Real(CodeSpec {
        code,
        from,
        to,
        dated: !restriction.is_empty(),
        src: inner.split_whitespace().collect::<Vec<_>>().join(" "),
        line,
    }))
}

/// Finds the `[...]` groups of a line; reported groups come back as `None`.
fn code_groups(s: &str, line: u32, path: &str, diags: &mut Vec<Diagnostic>) -> Vec<Option<Code>> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) => {
                out.push(parse_code(&after[..close], line, path, diags));
                rest = &after[close + 1..];
            }
            None => {
                diags.push(Diagnostic::error(
                    path,
                    Some(line),
                    format!("unclosed `[` in {s:?}"),
                ));
                out.push(None);
                break;
            }
        }
    }
    out
}

/// An actor entry being read.
struct Pending {
    root_line: u32,
    phrases: Vec<(u32, String)>,
    codes: Vec<Code>,
    /// Code groups already reported as unusable.
    bad_codes: usize,
    blank_since: bool,
}

impl Pending {
    fn add_codes(&mut self, codes: Vec<Option<Code>>) {
        for c in codes {
            match c {
                Some(c) => self.codes.push(c),
                None => self.bad_codes += 1,
            }
        }
    }
}

fn fmt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn emit_actor(p: Pending, path: &str, out: &mut String, diags: &mut Vec<Diagnostic>) -> bool {
    let mut seen = HashSet::new();
    let mut phrases = Vec::new();
    for (line, raw) in &p.phrases {
        let (vs, notes) = phrase_variants(raw, false);
        for n in notes {
            diags.push(Diagnostic::warning(path, Some(*line), n));
        }
        if vs.is_empty() {
            diags.push(Diagnostic::warning(
                path,
                Some(*line),
                format!("phrase {raw:?} has no words"),
            ));
        }
        for v in vs {
            if seen.insert(v.clone()) {
                phrases.push(v);
            }
        }
    }
    if phrases.is_empty() {
        diags.push(Diagnostic::error(
            path,
            Some(p.root_line),
            "entry has no usable phrase; skipped",
        ));
        return false;
    }
    let mut dated = Vec::new();
    let mut undated: Vec<CodeSpec> = Vec::new();
    let mut nulls = Vec::new();
    for c in p.codes {
        match c {
            Code::Null(l) => nulls.push(l),
            Code::Real(c) if c.dated => dated.push(c),
            Code::Real(c) => {
                if let Some(first) = undated.first() {
                    if first.code != c.code {
                        diags.push(Diagnostic::warning(
                            path,
                            Some(c.line),
                            format!(
                                "second undated code {} ignored: a dyad entry has one default code ({})",
                                c.code, first.code
                            ),
                        ));
                    }
                } else {
                    undated.push(c);
                }
            }
        }
    }
    if dated.is_empty() && undated.is_empty() {
        if let Some(l) = nulls.first() {
            diags.push(Diagnostic::warning(
                path,
                Some(*l),
                format!(
                    "entry {:?} has only the null code `---` (known, not coded), which dyad cannot express; skipped",
                    phrases[0]
                ),
            ));
        } else if p.bad_codes == 0 {
            diags.push(Diagnostic::error(
                path,
                Some(p.root_line),
                format!("entry {:?} has no code; skipped", phrases[0]),
            ));
        }
        return false;
    }
    for l in nulls {
        diags.push(Diagnostic::warning(
            path,
            Some(l),
            "null code `---` next to other codes dropped: dyad has no 'do not code' default",
        ));
    }
    let label = label_of(&phrases[0]);
    if dated.is_empty() {
        let head = &undated[0].code;
        let _ = writeln!(out, "{head} {label}  # from {path}:{}", p.root_line);
        write_phrases(out, "name", &phrases);
    } else {
        let _ = writeln!(out, "- {label}  # from {path}:{}", p.root_line);
        write_phrases(out, "name", &phrases);
        for c in dated.iter().chain(undated.iter()) {
            if c.dated {
                let _ = writeln!(
                    out,
                    "  role {} {}..{}: {}",
                    c.code,
                    fmt_date(c.from),
                    fmt_date(c.to),
                    c.src
                );
            } else {
                let _ = writeln!(out, "  role {}: {} (default)", c.code, c.src);
            }
        }
    }
    out.push('\n');
    true
}

fn header(out: &mut String, path: &str, what: &str) {
    let _ = writeln!(out, "dyad-dict 1");
    let _ = writeln!(
        out,
        "# {what} imported from the PETRARCH/TABARI dictionary {path} by dyad (dyad_actors::import)."
    );
    let _ = writeln!(
        out,
        "# Each entry names its source line; see the importer's documentation for the rules.\n"
    );
}

/// Converts a PETRARCH/TABARI actor dictionary into a dyad actor file. `path` names the input in
/// the diagnostics and the `# from` comments.
pub fn actors(path: &str, text: &str) -> (String, Vec<Diagnostic>) {
    let mut out = String::new();
    let mut diags = Vec::new();
    header(&mut out, path, "Actors");
    let mut cur: Option<Pending> = None;
    for l in clean_lines(text) {
        if l.blank {
            if let Some(p) = cur.as_mut() {
                p.blank_since = true;
            }
            continue;
        }
        let t = l.text.as_str();
        if t.is_empty() {
            continue;
        }
        let (phrase_part, code_part) = match t.find('[') {
            Some(i) => (t[..i].trim(), &t[i..]),
            None => (t, ""),
        };
        if let Some(syn) = phrase_part.strip_prefix('+') {
            let codes = code_groups(code_part, l.no, path, &mut diags);
            match cur.as_mut() {
                Some(p) => {
                    p.phrases.push((l.no, syn.to_string()));
                    p.add_codes(codes);
                }
                None => diags.push(Diagnostic::error(
                    path,
                    Some(l.no),
                    "synonym line outside an entry",
                )),
            }
        } else if phrase_part.is_empty() {
            let codes = code_groups(code_part, l.no, path, &mut diags);
            match cur.as_mut() {
                Some(p) => p.add_codes(codes),
                None => diags.push(Diagnostic::error(
                    path,
                    Some(l.no),
                    "code line outside an entry",
                )),
            }
        } else {
            let codes = code_groups(code_part, l.no, path, &mut diags);
            let merge = cur
                .as_ref()
                .is_some_and(|p| p.codes.is_empty() && p.bad_codes == 0 && !p.blank_since);
            if let (true, Some(p)) = (merge, cur.as_mut()) {
                // Name variants listed as roots one after another share the codes below them.
                p.phrases.push((l.no, phrase_part.to_string()));
                p.add_codes(codes);
            } else {
                if let Some(p) = cur.take() {
                    emit_actor(p, path, &mut out, &mut diags);
                }
                let mut p = Pending {
                    root_line: l.no,
                    phrases: vec![(l.no, phrase_part.to_string())],
                    codes: Vec::new(),
                    bad_codes: 0,
                    blank_since: false,
                };
                p.add_codes(codes);
                cur = Some(p);
            }
        }
    }
    if let Some(p) = cur.take() {
        emit_actor(p, path, &mut out, &mut diags);
    }
    (out, diags)
}

// ---------------------------------------------------------------------------------------------
// Agents

/// The regular English plural of a word (PETRARCH generates regular plurals automatically).
fn plural(w: &str) -> Option<String> {
    let lower = w.to_lowercase();
    if lower.ends_with('s') && !lower.ends_with("ss") {
        return None;
    }
    let vowel = |c: char| "aeiou".contains(c);
    Some(
        if lower.ends_with("ss")
            || lower.ends_with('x')
            || lower.ends_with('z')
            || lower.ends_with("ch")
            || lower.ends_with("sh")
        {
            format!("{w}es")
        } else if let Some(stem) = lower.strip_suffix('y') {
            if stem.ends_with(vowel) || stem.is_empty() {
                format!("{w}s")
            } else {
                format!("{}ies", &w[..w.len() - 1])
            }
        } else {
            format!("{w}s")
        },
    )
}

/// Expands `!NAME!` substitution markers: every combination of the listed forms.
fn expand_macros(s: &str, macros: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(open) = s.find('!') else {
        return Ok(vec![s.to_string()]);
    };
    let after = &s[open + 1..];
    let close = after
        .find('!')
        .ok_or_else(|| format!("unclosed substitution marker in {s:?}"))?;
    let name = &after[..close];
    let forms = macros
        .get(name)
        .ok_or_else(|| format!("substitution marker !{name}! is not defined"))?;
    let tails = expand_macros(&after[close + 1..], macros)?;
    let mut out = Vec::new();
    for f in forms {
        for t in &tails {
            out.push(format!("{}{f}{t}", &s[..open]));
        }
    }
    Ok(out)
}

fn agent_words(s: &str) -> Vec<String> {
    let words: Vec<&str> = s
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    case_words(&words, true)
}

/// Converts a PETRARCH agent dictionary into a dyad agent file. `path` names the input in the
/// diagnostics and the `# from` comments.
pub fn agents(path: &str, text: &str) -> (String, Vec<Diagnostic>) {
    let mut out = String::new();
    let mut diags = Vec::new();
    header(&mut out, path, "Agents");
    let lines = clean_lines(text);
    // Substitution sets first: they may be used before they are defined.
    let mut macros: HashMap<String, Vec<String>> = HashMap::new();
    let mut macro_lines = HashSet::new();
    for l in &lines {
        let t = l.text.as_str();
        if let Some((lhs, rhs)) = t.split_once('=') {
            let lhs = lhs.trim();
            if let Some(name) = lhs.strip_prefix('!').and_then(|x| x.strip_suffix('!')) {
                let forms: Vec<String> = rhs
                    .split(',')
                    .map(|f| f.split_whitespace().collect::<String>())
                    .filter(|f| !f.is_empty())
                    .collect();
                macros.insert(name.to_string(), forms);
                macro_lines.insert(l.no);
            }
        }
    }
    for l in &lines {
        let t = l.text.as_str();
        if t.is_empty() || macro_lines.contains(&l.no) {
            continue;
        }
        let err = |m: String| Diagnostic::error(path, Some(l.no), m);
        let warn = |m: String| Diagnostic::warning(path, Some(l.no), m);
        let Some(open) = t.rfind('[') else {
            diags.push(err(format!("agent line {t:?} has no [CODE]; skipped")));
            continue;
        };
        let after = &t[open + 1..];
        let inner = match after.find(']') {
            Some(c) => &after[..c],
            None => match after.find('}') {
                Some(c) => {
                    diags.push(warn("code closed with `}` instead of `]`".into()));
                    &after[..c]
                }
                None => {
                    diags.push(err(format!("unclosed `[` in {t:?}; skipped")));
                    continue;
                }
            },
        };
        let inner = inner.trim();
        let code = if let Some(c) = inner.strip_prefix('~') {
            c.trim()
        } else if inner.ends_with('~') {
            diags.push(warn(format!(
                "agent code {inner:?} goes before the actor code; dyad only appends agent codes; skipped"
            )));
            continue;
        } else {
            diags.push(err(format!(
                "agent code {inner:?} needs `~` (`[~GOV]`); skipped"
            )));
            continue;
        };
        if !is_code(code) || !code.chars().take(3).all(|c| c.is_ascii_uppercase()) {
            diags.push(err(format!(
                "bad agent code {code:?} (want three or more upper-case letters); skipped"
            )));
            continue;
        }
        let head = &code[..3];
        // Phrase and plural list.
        let before = t[..open].trim();
        let (phrase, plurals) = match before.find('{') {
            Some(b) => {
                let rest = &before[b + 1..];
                let Some(e) = rest.find('}') else {
                    diags.push(err(format!("unclosed `{{` in {t:?}; skipped")));
                    continue;
                };
                (before[..b].trim(), Some(rest[..e].trim()))
            }
            None => (before, None),
        };
        if phrase.is_empty() {
            diags.push(err("agent line has no phrase; skipped".into()));
            continue;
        }
        let expanded = match expand_macros(phrase, &macros) {
            Ok(x) => x,
            Err(e) => {
                diags.push(err(format!("{e}; skipped")));
                continue;
            }
        };
        let has_macro = expanded.len() != 1 || expanded[0] != phrase;
        let mut seen = HashSet::new();
        let mut phrases = Vec::new();
        let mut push = |words: Vec<String>, phrases: &mut Vec<String>| {
            if !words.is_empty() {
                let p = words.join(" ");
                if seen.insert(p.clone()) {
                    phrases.push(p);
                }
            }
        };
        for e in &expanded {
            let words = agent_words(e);
            push(words.clone(), &mut phrases);
            if plurals.is_none() && !has_macro {
                if let Some((last, init)) = words.split_last() {
                    if let Some(pl) = plural(last) {
                        let mut w = init.to_vec();
                        w.push(pl);
                        push(w, &mut phrases);
                    }
                }
            }
        }
        if let Some(pl) = plurals {
            for item in pl.split_whitespace() {
                push(agent_words(item), &mut phrases);
            }
        }
        if phrases.is_empty() {
            diags.push(err(format!(
                "agent phrase {phrase:?} has no words; skipped"
            )));
            continue;
        }
        if phrases.iter().any(|p| p.contains(';')) {
            diags.push(err("`;` cannot be part of a dyad phrase; skipped".into()));
            continue;
        }
        let _ = writeln!(out, "{head} {}  # from {path}:{}", phrases[0], l.no);
        if code.len() > 3 {
            write_phrases(&mut out, &format!("name {code}"), &phrases);
        } else {
            write_phrases(&mut out, "name", &phrases);
        }
        out.push('\n');
    }
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{LexKind, Lexicon};
    use dyad_core::diag::Severity;

    fn tok(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }
    fn norm(s: &str) -> String {
        s.to_lowercase()
    }
    fn load(text: &str, kind: LexKind) -> (Lexicon, Vec<Diagnostic>) {
        let mut lex = Lexicon::new();
        let d = lex.load("out.txt", text, kind, &tok, &norm);
        (lex, d)
    }
    fn lines_with(d: &[Diagnostic], sev: Severity) -> Vec<u32> {
        d.iter()
            .filter(|x| x.severity == sev)
            .filter_map(|x| x.line)
            .collect::<std::collections::BTreeSet<u32>>()
            .into_iter()
            .collect()
    }

    #[test]
    fn undated_entries_and_synonyms() {
        let src = "# header\nNARNIA_  [NRN]\n+NARNIAN_ \n+CAIR_PARAVEL # capital\n\nTELMAR_ARMY\n+TELMARINE_SOLDIERS\n\t[TELMIL]\n";
        let (out, d) = actors("a.txt", src);
        assert!(d.is_empty(), "{d:?}");
        assert!(out.contains("NRN Narnia  # from a.txt:2\n  name: narnia; narnian; cair paravel\n"));
        assert!(out.contains(
            "TELMIL Telmar Army  # from a.txt:6\n  name: telmar army; telmarine soldiers\n"
        ));
        let (lex, ld) = load(&out, LexKind::Actors);
        assert!(ld.is_empty(), "{ld:?}");
        assert_eq!(lex.entries.len(), 2);
    }

    #[test]
    fn dated_codes_become_roles() {
        let src = "KING_CASPIAN_\n+CASPIAN_X\n\t[NRNELI 450101-991231]\n\t[NRNGOV >20000101]\n\t[NRNELI]\n\t[NRNGOV <250101]\n";
        let (out, d) = actors("a.txt", src);
        assert!(d.is_empty(), "{d:?}");
        assert!(out.contains("- King Caspian  # from a.txt:1\n"));
        assert!(out.contains("  role NRNELI 1945-01-01..1999-12-31: NRNELI 450101-991231\n"));
        assert!(out.contains("  role NRNGOV 2000-01-01..: NRNGOV >20000101\n"));
        assert!(out.contains("  role NRNGOV ..2025-01-01: NRNGOV <250101\n"));
        // The undated default comes after the dated roles.
        let def = out.find("role NRNELI: NRNELI (default)");
        let last_dated = out.find("role NRNGOV ..2025");
        assert!(def.is_some() && def > last_dated, "{out}");
        let (lex, ld) = load(&out, LexKind::Actors);
        assert!(ld.is_empty(), "{ld:?}");
        assert_eq!(lex.entries[0].roles.len(), 4);
        assert_eq!(lex.entries[0].code, None);
    }

    #[test]
    fn date_pivot_and_bad_dates() {
        // 250101 as a start before 740101 is 1925.
        let src = "OLD_TUMNUS_\n\t[NRNELI 250101-740101]\n\t[NRNGOV 2004017-20061201]\n\t[NRNGOV 20121204]\n\t[NRNGOV 990101-980101]\n\t[NRNGOV 991301-991401]\n";
        let (out, d) = actors("a.txt", src);
        assert!(out.contains("role NRNELI 1925-01-01..1974-01-01:"), "{out}");
        assert_eq!(lines_with(&d, Severity::Error), vec![3, 4, 5, 6], "{d:?}");
        assert!(d[0].message.contains("malformed date \"2004017\""));
    }

    #[test]
    fn root_lines_without_codes_are_merged_until_a_blank() {
        let src = "REEPICHEEP_\nSIR_REEPICHEEP\n\t[NRNMIL]\nLONE_NAME_\n\nPUDDLEGLUM_ [NRNCVL]\n";
        let (out, d) = actors("a.txt", src);
        assert!(
            out.contains("NRNMIL Reepicheep  # from a.txt:1\n  name: reepicheep; sir reepicheep\n")
        );
        assert!(out.contains("NRNCVL Puddleglum  # from a.txt:6"));
        assert_eq!(lines_with(&d, Severity::Error), vec![4], "{d:?}");
    }

    #[test]
    fn odd_codes_are_reported() {
        let src = "<!-- a comment\n spanning lines [XXX records] -->\nWHITE_WITCH [---]\nJADIS [pse]\nTWINS [ABC/DEF]\nGHOST [+++]\nMAUGRIM [NRNREB] [---]\nARAVIS\n\t[CALELI]\n\t[CALGOV]\n";
        let (out, d) = actors("a.txt", src);
        assert_eq!(lines_with(&d, Severity::Error), vec![6], "{d:?}");
        assert_eq!(
            lines_with(&d, Severity::Warning),
            vec![3, 4, 5, 7, 10],
            "{d:?}"
        );
        assert!(out.contains("PSE Jadis"));
        assert!(out.contains("NRNREB Maugrim"));
        assert!(out.contains("CALELI Aravis"));
        assert!(!out.contains("White Witch"));
        let (_, ld) = load(&out, LexKind::Actors);
        assert!(ld.is_empty(), "{ld:?}");
    }

    #[test]
    fn case_rules_for_phrases() {
        let v = |s| phrase_variants(s, false).0;
        assert_eq!(v("UN_"), vec!["UN"]);
        assert_eq!(v("THE_AU"), vec!["the AU"]);
        assert_eq!(v("U.S._ARMY"), vec!["U.S. army"]);
        assert_eq!(v("S.KOREA"), vec!["s.korea"]);
        assert_eq!(v("UN_SECURITY_COUNCIL"), vec!["un security council"]);
        assert_eq!(v("TURKEY_"), vec!["Turkey"]);
        assert_eq!(v("ARCHENLAND"), vec!["archenland"]);
        assert_eq!(v("HAMAS WING"), vec!["hamas wing"]);
        assert_eq!(v("A__B_"), vec!["a b"]);
        assert_eq!(
            v("NARNIAN_LIBERATION_FRONT_(NLF)_"),
            vec![
                "narnian liberation front (nlf)",
                "narnian liberation front",
                "NLF"
            ]
        );
        // Not the initials: kept as written only.
        assert_eq!(v("KOREA_(NORTH)_"), vec!["korea (north)"]);
        let (p, notes) = phrase_variants("ONE_ARMY+_OTHER_ARMY_", false);
        assert_eq!(p, vec!["one army", "other army"]);
        assert_eq!(notes.len(), 1);
        let (p, notes) = phrase_variants("JOHN_DOE (ACTING_", false);
        assert_eq!(p, vec!["john doe"]);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn agents_with_plurals_macros_and_long_codes() {
        let src = "!PERSON! = MAN, WOMAN\n\nFAUN [~CVL]\nCENTAUR_ARCHER {} [~MIL]\nDRYAD {DRYADES} [~CVL]\nSEA!PERSON! [~CVL]\nROYAL_ENVOY [~GOVDIP]\nTALKING_BEAST_ALLIANCE [NGO~]\nNO_CODE_HERE\nSTRAY {X} [GOV]\nMUD!NOSUCH! [~CVL]\nLADY [~ELI}\nSPY [~GOV]\n";
        let (out, d) = agents("g.txt", src);
        assert!(
            out.contains("CVL faun  # from g.txt:3\n  name: faun; fauns\n"),
            "{out}"
        );
        assert!(out.contains("MIL centaur archer  # from g.txt:4\n  name: centaur archer\n"));
        assert!(out.contains("  name: dryad; dryades\n"));
        assert!(out.contains("  name: seaman; seawoman\n"));
        assert!(out.contains(
            "GOV royal envoy  # from g.txt:7\n  name GOVDIP: royal envoy; royal envoys\n"
        ));
        assert!(out.contains("  name: spy; spies\n"));
        assert_eq!(lines_with(&d, Severity::Error), vec![9, 10, 11], "{d:?}");
        assert_eq!(lines_with(&d, Severity::Warning), vec![8, 12], "{d:?}");
        let (lex, ld) = load(&out, LexKind::Agents);
        assert!(ld.is_empty(), "{ld:?}");
        assert_eq!(lex.entries.len(), 7);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("army").as_deref(), Some("armies"));
        assert_eq!(plural("envoy").as_deref(), Some("envoys"));
        assert_eq!(plural("boss").as_deref(), Some("bosses"));
        assert_eq!(plural("church").as_deref(), Some("churches"));
        assert_eq!(plural("troops"), None);
    }

    /// Imports the real PETRARCH dictionaries when the shared data directory is present.
    #[test]
    fn imports_real_dictionaries() {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        if !base.is_dir() {
            return;
        }
        let files = [
            ("phoenix-dictionaries/Phoenix.Countries.actors.txt", false),
            (
                "phoenix-dictionaries/Phoenix.International.actors.txt",
                false,
            ),
            ("phoenix-dictionaries/Phoenix.MilNonState.actors.txt", false),
            ("petrarch2-unit-tests/PETR.Validate.actors.txt", false),
            ("phoenix-dictionaries/Phoenix.agents.txt", true),
            ("petrarch2-unit-tests/PETR.Validate.agents.txt", true),
        ];
        for (rel, is_agents) in files {
            let p = base.join(rel);
            let Ok(bytes) = std::fs::read(&p) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            let (out, d) = if is_agents {
                agents(rel, &text)
            } else {
                actors(rel, &text)
            };
            // Input size: root entries (actors) or coded lines (agents).
            let input = clean_lines(&text)
                .iter()
                .filter(|l| {
                    let t = l.text.as_str();
                    let macro_def = is_agents && t.starts_with('!') && t.contains('=');
                    !(t.is_empty() || t.starts_with(['+', '[']) || macro_def)
                })
                .count();
            let kind = if is_agents {
                LexKind::Agents
            } else {
                LexKind::Actors
            };
            let (lex, ld) = load(&out, kind);
            let errors: Vec<_> = ld
                .iter()
                .filter(|x| x.severity == Severity::Error)
                .collect();
            assert!(
                errors.is_empty(),
                "{rel}: {:?}",
                &errors[..errors.len().min(5)]
            );
            let n_err = d.iter().filter(|x| x.severity == Severity::Error).count();
            let n_warn = d.len() - n_err;
            println!(
                "{rel}: {} input lines with a phrase -> {} entries, {} phrases; {} errors, {} warnings",
                input,
                lex.entries.len(),
                lex.phrases.len(),
                n_err,
                n_warn
            );
            assert!(
                lex.entries.len() * 10 >= input * 8 || lex.phrases.len() >= input,
                "{rel}: only {} entries from {input} inputs",
                lex.entries.len()
            );
        }
    }
}
