//! Sentence splitter over tokens: ends at `.`, `!`, `?` and ellipses (taking closing quotes and
//! brackets along), never after an abbreviation or initial unless the next word plainly starts a
//! sentence, and always at a line break after a line that is a heading or list item (a line with
//! no final punctuation) and at paragraph breaks.

use crate::tokenize::is_abbreviation;
use dyad_core::{Sentence, Span, Token};

/// Words that, capitalised after "U.S." and the like, start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Mr.",
    "Ms.",
    "Mrs.",
    "However",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Some",
    "Many",
];

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "}" | "»" | "›")
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "..." | "…" | "?!" | "!?")
}

/// Groups `tokens` of `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let n = tokens.len();
    let tok = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let t = tok(i);
        let mut end_here = false;
        let mut last = i;
        if is_terminal(t) {
            // Take closing quotes/brackets along.
            while last + 1 < n && is_closer(tok(last + 1)) && !gap_has_newline(text, tokens, last) {
                last += 1;
            }
            end_here = match next_start(text, tokens, last) {
                None => true,
                Some(nx) => {
                    let nt = tok(nx);
                    let first = nt.chars().next().unwrap_or(' ');
                    // "..." inside a sentence followed by lower case continues it.
                    first.is_uppercase()
                        || first.is_ascii_digit()
                        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '-' | '—')
                        || gap_has_newline(text, tokens, last)
                }
            };
        } else if t.ends_with('.') && t.len() > 1 && is_abbreviation(&t[..t.len() - 1]) {
            // "... sanctions on the U.S. The move ..." ends a sentence.
            if let Some(nx) = next_start(text, tokens, i) {
                if SENTENCE_STARTERS.contains(&tok(nx)) && !gap_has_newline(text, tokens, i) {
                    let prev_is_title = i > 0 && matches!(tok(i - 1), "Mr." | "Ms." | "Dr.");
                    end_here = !prev_is_title && t.chars().filter(|c| *c == '.').count() > 1;
                }
            }
        }
        if !end_here && i + 1 < n && gap_has_newline(text, tokens, i) {
            // A line break: a paragraph break always ends the sentence; a single newline ends
            // it after a heading or list line (one with no final punctuation) or before a
            // line that starts with a list marker.
            let gap = &text[tokens[i].span.end..tokens[i + 1].span.start];
            let blank = gap.matches('\n').count() >= 2;
            let nt = tok(i + 1);
            let list_next = matches!(nt, "-" | "*" | "•" | "·" | "–" | "—");
            let line_end_unpunct =
                !t.ends_with([',', ';', ':']) && !is_soft_line_end(text, tokens, i);
            end_here = blank || list_next || line_end_unpunct;
        }
        if end_here || last + 1 >= n {
            let s = Span::new(tokens[start].span.start, tokens[last].span.end);
            out.push(Sentence {
                span: s,
                tokens: start..last + 1,
            });
            start = last + 1;
            i = last + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// A wrapped line inside a paragraph: the line is long and the next one starts in lower case.
fn is_soft_line_end(text: &str, tokens: &[Token], i: usize) -> bool {
    if i + 1 >= tokens.len() {
        return false;
    }
    let next = &text[tokens[i + 1].span.start..tokens[i + 1].span.end];
    let line_start = text[..tokens[i].span.end].rfind('\n').map_or(0, |p| p + 1);
    let line_len = tokens[i].span.end - line_start;
    next.chars().next().is_some_and(|c| c.is_lowercase()) && line_len > 40
}

fn gap_has_newline(text: &str, tokens: &[Token], i: usize) -> bool {
    i + 1 < tokens.len() && text[tokens[i].span.end..tokens[i + 1].span.start].contains('\n')
}

fn next_start(_text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    if i + 1 < tokens.len() {
        Some(i + 1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        split_sentences(s, &toks)
            .iter()
            .map(|x| s[x.span.start..x.span.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Sen. John F. Kennedy met Mr. Smith in Washington, D.C. on Monday. He left."),
            vec![
                "Sen. John F. Kennedy met Mr. Smith in Washington, D.C. on Monday.",
                "He left."
            ]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end() {
        assert_eq!(
            sents("Russia imposed sanctions on the U.S. The move angered Washington."),
            vec![
                "Russia imposed sanctions on the U.S.",
                "The move angered Washington."
            ]
        );
    }

    #[test]
    fn quotes_run_over_sentence_end() {
        assert_eq!(
            sents("“We are ready.” Lavrov said so. “Really?” he asked."),
            vec!["“We are ready.”", "Lavrov said so.", "“Really?” he asked."]
        );
    }

    #[test]
    fn ellipsis_inside_and_at_end() {
        assert_eq!(
            sents("We would… like to restore relations. Then... Silence."),
            vec![
                "We would… like to restore relations.",
                "Then...",
                "Silence."
            ]
        );
    }

    #[test]
    fn headings_and_list_lines() {
        assert_eq!(
            sents("Kremlin Wants A Reset\n\nRussia spoke.\n- first item\n- second item\nMore News On Russia\nA line"),
            vec![
                "Kremlin Wants A Reset",
                "Russia spoke.",
                "- first item",
                "- second item",
                "More News On Russia",
                "A line"
            ]
        );
    }
}
