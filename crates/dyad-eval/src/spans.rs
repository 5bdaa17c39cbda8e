//! Actor spans: reads a CoNLL-style file of source and target spans (ConfliBERT's
//! `cameo_ner/*.txt`: one `token TAG` per line, tags `B-/I-S` source, `B-/I-T` target, `B-/I-R`
//! an actor that is both, `O`, a blank line between sentences) and scores whether the actors of
//! the events a coder finds are the ones the annotators marked. This measures actor
//! identification apart from the event code: which mention is the source, which the target.

use serde::Serialize;

/// One sentence with its gold actor spans, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanCase {
    /// `line{n}`: the 1-based line of the sentence's first token.
    pub id: String,
    /// The tokens joined by single spaces.
    pub text: String,
    /// Source spans (`S`), then spans that are both (`R`).
    pub sources: Vec<String>,
    /// Target spans (`T`), then spans that are both (`R`).
    pub targets: Vec<String>,
}

/// A problem in a span file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct SpanError {
    pub line: usize,
    pub message: String,
}

/// Reads a span file. A line must be a token and a tag; an `I-` tag must continue a span of
/// its own kind (a lone `I-X` opens one, as CoNLL readers usually allow).
pub fn read_spans(text: &str) -> Result<Vec<SpanCase>, SpanError> {
    let mut out = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    // (kind, words) of the spans of the sentence being read.
    let mut spans: Vec<(char, Vec<&str>)> = Vec::new();
    let mut open: Option<char> = None;
    let mut first_line = 1;
    let mut finish = |tokens: &mut Vec<&str>, spans: &mut Vec<(char, Vec<&str>)>, first: usize| {
        if tokens.is_empty() {
            return;
        }
        let of = |kinds: [char; 2]| -> Vec<String> {
            kinds
                .iter()
                .flat_map(|k| spans.iter().filter(move |(s, _)| s == k))
                .map(|(_, w)| w.join(" "))
                .collect()
        };
        out.push(SpanCase {
            id: format!("line{first}"),
            text: tokens.join(" "),
            sources: of(['S', 'R']),
            targets: of(['T', 'R']),
        });
        tokens.clear();
        spans.clear();
    };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut tokens, &mut spans, first_line);
            open = None;
            first_line = i + 2;
            continue;
        }
        let (token, tag) = line.rsplit_once(' ').ok_or_else(|| SpanError {
            line: i + 1,
            message: format!("want `token TAG`, found {line:?}"),
        })?;
        let kind = match tag {
            "O" => None,
            t => {
                let (bio, k) = t.split_once('-').ok_or_else(|| SpanError {
                    line: i + 1,
                    message: format!("unknown tag {t:?}"),
                })?;
                let k = match k {
                    "S" => 'S',
                    "T" => 'T',
                    "R" => 'R',
                    _ => {
                        return Err(SpanError {
                            line: i + 1,
                            message: format!("unknown span kind in {t:?} (want S, T or R)"),
                        })
                    }
                };
                match bio {
                    "B" => Some((true, k)),
                    "I" => Some((open != Some(k), k)),
                    _ => {
                        return Err(SpanError {
                            line: i + 1,
                            message: format!("unknown tag {t:?} (want B- or I-)"),
                        })
                    }
                }
            }
        };
        match kind {
            Some((true, k)) => {
                spans.push((k, vec![token]));
                open = Some(k);
            }
            Some((false, _)) => {
                if let Some(last) = spans.last_mut() {
                    last.1.push(token);
                }
            }
            None => open = None,
        }
        tokens.push(token);
    }
    finish(&mut tokens, &mut spans, first_line);
    Ok(out)
}

/// Words that do not identify an actor on their own.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "'s", "’s", "and", "its", "his", "her",
];

fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
        .map(|w| w.to_lowercase())
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// Whether an actor's text shares a content word with one of the gold spans ("U.S." and "The
/// U.S. military"; "Russia" and "Russia 's Foreign Ministry").
pub fn matches_span(actor: &str, spans: &[String]) -> bool {
    let words = content_words(actor);
    spans.iter().any(|s| {
        let gold = content_words(s);
        words.iter().any(|w| gold.contains(w))
    })
}

/// What the system found for one sentence: the source and target texts of its events, first
/// event first.
#[derive(Debug, Clone, Default)]
pub struct SystemActors {
    pub events: Vec<(String, Option<String>)>,
}

/// Actor-span scores over a set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SpanScores {
    pub cases: usize,
    /// Cases where the system coded at least one event.
    pub coded: usize,
    /// Cases with a gold source span, and of those, coded ones whose first event's source
    /// matches one.
    pub with_source: usize,
    pub source_ok: usize,
    /// Cases with a gold target span, and of those, coded ones whose first event has a target
    /// matching one.
    pub with_target: usize,
    pub target_ok: usize,
    /// Coded cases with both gold spans where some event has both its actors right.
    pub with_both: usize,
    pub pair_ok: usize,
}

impl SpanScores {
    /// Share of the coded cases with a gold source whose first event's source is right.
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_ok, self.with_source)
    }
    /// Share of the coded cases with a gold target whose first event's target is right.
    pub fn target_accuracy(&self) -> f64 {
        ratio(self.target_ok, self.with_target)
    }
    /// Share of the coded cases with both gold spans where an event has both actors right.
    pub fn pair_accuracy(&self) -> f64 {
        ratio(self.pair_ok, self.with_both)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores the system's actors against the gold spans. Only coded cases count for the
/// accuracies: whether anything is coded at all is what `coded` (and category accuracy on the
/// class file) reports.
pub fn score_spans(gold: &[SpanCase], sys: &[SystemActors]) -> SpanScores {
    let mut s = SpanScores {
        cases: gold.len(),
        ..SpanScores::default()
    };
    for (g, p) in gold.iter().zip(sys) {
        let Some((src, tgt)) = p.events.first() else {
            continue;
        };
        s.coded += 1;
        if !g.sources.is_empty() {
            s.with_source += 1;
            s.source_ok += usize::from(matches_span(src, &g.sources));
        }
        if !g.targets.is_empty() {
            s.with_target += 1;
            s.target_ok += usize::from(tgt.as_deref().is_some_and(|t| matches_span(t, &g.targets)));
        }
        if !g.sources.is_empty() && !g.targets.is_empty() {
            s.with_both += 1;
            s.pair_ok += usize::from(p.events.iter().any(|(a, b)| {
                matches_span(a, &g.sources)
                    && b.as_deref().is_some_and(|b| matches_span(b, &g.targets))
            }));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = "In O\nMay O\n, O\nU.S. B-S\ntroops I-S\nshelled O\nthe O\nrebels B-T\n. O\n\nRussia B-R\nand O\nChina B-R\nmet O\n\n";

    #[test]
    fn reads_sentences_and_spans() {
        let g = read_spans(SET).unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].id, "line1");
        assert_eq!(g[0].text, "In May , U.S. troops shelled the rebels .");
        assert_eq!(g[0].sources, vec!["U.S. troops"]);
        assert_eq!(g[0].targets, vec!["rebels"]);
        assert_eq!(g[1].id, "line11");
        assert_eq!(g[1].sources, vec!["Russia", "China"]);
        assert_eq!(g[1].targets, vec!["Russia", "China"]);
    }

    #[test]
    fn names_the_bad_line() {
        let e = read_spans("Russia B-S\nmet\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = read_spans("Russia B-X\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn scores_first_event_and_pairs() {
        let g = read_spans(SET).unwrap();
        let sys = vec![
            SystemActors {
                events: vec![("US".into(), None), ("U.S.".into(), Some("rebels".into()))],
            },
            SystemActors::default(),
        ];
        let s = score_spans(&g, &sys);
        assert_eq!((s.cases, s.coded), (2, 1));
        // The first event's source "US" shares no word with "U.S. troops"; its target is none.
        assert_eq!((s.with_source, s.source_ok), (1, 0));
        assert_eq!((s.with_target, s.target_ok), (1, 0));
        // The second event has both right.
        assert_eq!((s.with_both, s.pair_ok), (1, 1));
    }

    #[test]
    fn span_match_ignores_function_words() {
        let spans = vec!["the Russian Foreign Ministry".to_string()];
        assert!(matches_span("Russian Foreign Ministry", &spans));
        assert!(!matches_span("the United States", &spans));
    }
}
