//! Loader for dyad's actor and agent dictionaries (`dicts/FORMAT.md`). Lenient: every good line
//! is kept, every bad one becomes a `path:line: message` diagnostic.

use chrono::NaiveDate;
use dyad_core::dictfile::dict_lines;
use dyad_core::{Diagnostic, RuleRef};
use std::collections::HashMap;
use std::sync::Arc;

/// Which field of an entry a phrase came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Adj,
    Capital,
    Metonym,
}

/// Whether a file names actors (countries, organisations, people) or agents (role words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexKind {
    Actors,
    Agents,
}

/// An inclusive date range; open on a side that is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }

    /// Days from `d` to the range (0 inside it).
    pub fn distance(&self, d: NaiveDate) -> i64 {
        if let Some(f) = self.from {
            if d < f {
                return (f - d).num_days();
            }
        }
        if let Some(t) = self.to {
            if d > t {
                return (d - t).num_days();
            }
        }
        0
    }

    fn parse(s: &str) -> Result<DateRange, String> {
        let (a, b) = s
            .split_once("..")
            .ok_or_else(|| format!("date range {s:?} needs `FROM..TO`"))?;
        let p = |x: &str| -> Result<Option<NaiveDate>, String> {
            if x.is_empty() {
                Ok(None)
            } else {
                NaiveDate::parse_from_str(x, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| format!("bad date {x:?} (want YYYY-MM-DD)"))
            }
        };
        let r = DateRange {
            from: p(a)?,
            to: p(b)?,
        };
        if let (Some(f), Some(t)) = (r.from, r.to) {
            if f > t {
                return Err(format!("date range {s:?} ends before it starts"));
            }
        }
        Ok(r)
    }
}

/// A dated office held by a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub range: DateRange,
    pub title: String,
    pub rule: RuleRef,
}

/// One dictionary entry: a country, organisation, person or agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub label: String,
    /// The head code, `None` for people (their codes come from roles).
    pub code: Option<String>,
    pub roles: Vec<Role>,
    pub rule: RuleRef,
}

/// How a phrase word constrains the case of the text word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    Any,
    InitialCap,
    AllCaps,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    pub case: CaseRule,
}

/// One matchable phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<Word>,
    pub entry: usize,
    pub field: Field,
    /// Code override from the body line.
    pub code: Option<String>,
    pub range: DateRange,
    pub rule: RuleRef,
}

/// A loaded set of actor (or agent) dictionaries with an index by first word.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    pub phrases: Vec<Phrase>,
    pub(crate) index: HashMap<String, Vec<usize>>,
}

fn is_code(s: &str) -> bool {
    s.len() >= 3
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn case_rule(w: &str) -> CaseRule {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        CaseRule::AllCaps
    } else if w.chars().next().is_some_and(|c| c.is_uppercase()) {
        CaseRule::InitialCap
    } else {
        CaseRule::Any
    }
}

impl Lexicon {
    pub fn new() -> Self {
        Self::default()
    }

    /// Phrases whose first word is `norm`.
    pub fn starting_with(&self, norm: &str) -> &[usize] {
        self.index.get(norm).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Loads one dictionary file. `file` is the name reported in rules and diagnostics;
    /// `tokenize` splits a phrase into words exactly as article text is split; `normalize`
    /// folds a word the way the document's `norm` array does.
    pub fn load(
        &mut self,
        file: &str,
        text: &str,
        kind: LexKind,
        tokenize: &dyn Fn(&str) -> Vec<String>,
        normalize: &dyn Fn(&str) -> String,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let file_arc: Arc<str> = Arc::from(file);
        let lines = match dict_lines(text) {
            Ok(l) => l,
            Err((line, msg)) => return vec![Diagnostic::error(file, Some(line), msg)],
        };
        let mut current: Option<usize> = None;
        for l in lines {
            let rule = RuleRef::new(file_arc.clone(), l.line);
            let bad = |msg: String| Diagnostic::error(file, Some(l.line), msg);
            if !l.indented {
                // Head line: CODE Label
                let (code, label) = l
                    .text
                    .split_once(char::is_whitespace)
                    .unwrap_or((l.text, ""));
                let code = if code == "-" {
                    if kind == LexKind::Agents {
                        diags.push(bad("agent entries need a role code, not `-`".into()));
                        current = None;
                        continue;
                    }
                    None
                } else if is_code(code) && (kind == LexKind::Actors || code.len() == 3) {
                    Some(code.to_string())
                } else {
                    diags.push(bad(format!(
                        "head line must start with an actor code (upper-case letters/digits{}) or `-`, found {code:?}",
                        if kind == LexKind::Agents { ", three of them for agents" } else { "" }
                    )));
                    current = None;
                    continue;
                };
                self.entries.push(Entry {
                    label: label.trim().to_string(),
                    code,
                    roles: Vec::new(),
                    rule,
                });
                current = Some(self.entries.len() - 1);
                continue;
            }
            let Some(entry) = current else {
                diags.push(bad(
                    "indented line outside an entry (no valid head line above it)".into(),
                ));
                continue;
            };
            let Some((head, rest)) = l.text.split_once(':') else {
                diags.push(bad("body line needs `field: phrase; phrase`".into()));
                continue;
            };
            let mut parts = head.split_whitespace();
            let field_name = parts.next().unwrap_or("");
            let mut code = None;
            let mut range = DateRange::default();
            let mut ok = true;
            for p in parts {
                if p.contains("..") {
                    match DateRange::parse(p) {
                        Ok(r) => range = r,
                        Err(e) => {
                            diags.push(bad(e));
                            ok = false;
                        }
                    }
                } else if is_code(p) {
                    code = Some(p.to_string());
                } else {
                    diags.push(bad(format!(
                        "unexpected {p:?} before `:` (want a code or a date range)"
                    )));
                    ok = false;
                }
            }
            if !ok {
                continue;
            }
            let field = match field_name {
                // A place inside the country (a city, province or region: "Homs", "Helmand
                // province") is matched and coded exactly like the country's name.
                "name" | "place" => Field::Name,
                "adj" => Field::Adj,
                "capital" => Field::Capital,
                "metonym" => Field::Metonym,
                "role" => {
                    let Some(code) = code else {
                        diags.push(bad(
                            "`role` lines need a code: `role USAGOV 2018-04-26..2021-01-20: title`"
                                .into(),
                        ));
                        continue;
                    };
                    self.entries[entry].roles.push(Role {
                        code,
                        range,
                        title: rest.trim().to_string(),
                        rule,
                    });
                    continue;
                }
                other => {
                    diags.push(bad(format!(
                        "unknown field {other:?} (want name, adj, capital, metonym, place or role)"
                    )));
                    continue;
                }
            };
            if code.is_none()
                && self.entries[entry].code.is_none()
                && self.entries[entry].roles.is_empty()
            {
                // People get codes from role lines, which may follow; checked at the end.
            }
            for phrase in rest.split(';') {
                let phrase = phrase.trim();
                if phrase.is_empty() {
                    continue;
                }
                let mut toks = tokenize(phrase);
                if toks.len() > 1 && toks[0].eq_ignore_ascii_case("the") {
                    toks.remove(0);
                }
                if toks.is_empty() {
                    continue;
                }
                let words: Vec<Word> = toks
                    .iter()
                    .map(|t| Word {
                        norm: normalize(t),
                        case: case_rule(t),
                    })
                    .collect();
                let idx = self.phrases.len();
                self.index
                    .entry(words[0].norm.clone())
                    .or_default()
                    .push(idx);
                self.phrases.push(Phrase {
                    words,
                    entry,
                    field,
                    code: code.clone(),
                    range,
                    rule: rule.clone(),
                });
            }
        }
        // People without any role cannot be coded.
        for e in &self.entries {
            if e.code.is_none() && e.roles.is_empty() && e.rule.file == file_arc {
                diags.push(Diagnostic::warning(
                    file,
                    Some(e.rule.line),
                    format!(
                        "entry {:?} has no code and no role line; it will never be coded",
                        e.label
                    ),
                ));
            }
        }
        diags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }
    fn norm(s: &str) -> String {
        s.to_lowercase()
    }

    #[test]
    fn loads_entries_and_reports_bad_lines() {
        let text = "dyad-dict 1\nRUS Russia\n  name: Russia; the Russian Federation\n  metonym RUSGOV: the Kremlin\n  bogus: x\nlower Bad head\n  name: orphan\n- Sergey Lavrov\n  name: Sergey Lavrov; Lavrov\n  role RUSGOV 2004-03-09..: Foreign Minister\n  role RUSGOV 2004-13-01..: broken\n";
        let mut lex = Lexicon::new();
        let d = lex.load("t.txt", text, LexKind::Actors, &tok, &norm);
        let msgs: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert!(msgs[0].starts_with("t.txt:5: error: unknown field"));
        assert!(msgs[1].starts_with("t.txt:6: error: head line"));
        assert!(msgs[2].starts_with("t.txt:7: error: indented line outside"));
        assert!(msgs[3].starts_with("t.txt:11: error: bad date"));
        assert_eq!(lex.entries.len(), 2);
        assert_eq!(lex.entries[1].roles.len(), 1);
        // "the" is dropped from "the Russian Federation" and "the Kremlin".
        let words: Vec<Vec<String>> = lex
            .phrases
            .iter()
            .map(|p| p.words.iter().map(|w| w.norm.clone()).collect())
            .collect();
        assert!(words.contains(&vec!["russian".to_string(), "federation".to_string()]));
        assert!(words.contains(&vec!["kremlin".to_string()]));
        assert_eq!(lex.starting_with("lavrov").len(), 1);
        assert_eq!(lex.phrases[2].code.as_deref(), Some("RUSGOV"));
    }

    #[test]
    fn place_lines_are_names_of_the_entry() {
        let text = "SYR Syria\n  place: Homs; Aleppo\n  place 2011-03-15..: Idlib\n";
        let mut lex = Lexicon::new();
        let d = lex.load("places.txt", text, LexKind::Actors, &tok, &norm);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(lex.phrases.len(), 3);
        assert!(lex
            .phrases
            .iter()
            .all(|p| p.field == Field::Name && p.entry == 0));
        assert_eq!(lex.entries[0].code.as_deref(), Some("SYR"));
        assert!(lex.phrases[2].range.from.is_some());
        assert_eq!(lex.starting_with("homs").len(), 1);
    }

    #[test]
    fn case_rules() {
        assert_eq!(case_rule("US"), CaseRule::AllCaps);
        assert_eq!(case_rule("U.S."), CaseRule::AllCaps);
        assert_eq!(case_rule("Turkey"), CaseRule::InitialCap);
        assert_eq!(case_rule("troops"), CaseRule::Any);
    }

    #[test]
    fn date_ranges() {
        let r = DateRange::parse("2018-04-26..2021-01-20").unwrap();
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(r.contains(d("2019-05-14")));
        assert!(!r.contains(d("2021-01-21")));
        assert_eq!(r.distance(d("2021-01-25")), 5);
        assert!(DateRange::parse("2021-01-01..2020-01-01").is_err());
        assert!(DateRange::parse("..2020-01-01")
            .unwrap()
            .contains(d("1990-01-01")));
    }
}
