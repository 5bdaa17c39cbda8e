//! Sentence splitter over tokens, following UD English (EWT/GUM) sentence boundaries: a
//! sentence ends at `.`, `!`, `?` and runs of them ("!!!", "?!", "....", taking closing quotes,
//! brackets and footnote marks along) unless a lower-case word follows an ellipsis or a closing
//! quote, or the period closes a list number ("1."); an abbreviation keeps its period only
//! inside a sentence (the tokenizer splits it off where it also ends one). Every line break
//! ends a sentence except inside a wrapped paragraph (a line of running text of typical wrap
//! width whose next line starts in lower case). Web and mail text adds boundaries without
//! punctuation: after a letter closing ("Thanks, Kay"), around a mail header's date and time
//! ("Kay Mann 03/15/2001 04:11 PM Please ..."), before a dateline ("Tuesday, May 5, 2015")
//! and after a caption's figure number ("Figure 1.2 A map ...").

use crate::tokenize::SENTENCE_STARTERS;
use dyad_core::{Sentence, Span, Token};

/// Closing brackets and quotes taken along by a sentence end.
fn is_closer(s: &str) -> bool {
    matches!(s, ")" | "]" | "}" | "”" | "’" | "»" | "›" | "''" | "’’")
}

/// Straight quotes: closers only when written against the sentence end (`."`), openers when
/// a space comes before them and a word right after (`. "The`).
fn is_straight_quote(s: &str) -> bool {
    matches!(s, "\"" | "'")
}

/// A token of sentence-final marks: ".", "?", "!!!", "?!", "...", "…".
fn is_terminal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// An ellipsis ("..", "...", "…"), after which a lower-case word continues the sentence.
fn is_ellipsis(s: &str) -> bool {
    s.contains("..") || s.contains('…')
}

/// Groups `tokens` of `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let n = tokens.len();
    let tok = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    // Whether whitespace separates token `i` from the next.
    let spaced = |i: usize| i + 1 < n && tokens[i].span.end < tokens[i + 1].span.start;
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let t = tok(i);
        let mut end_here = false;
        let mut last = i;
        if is_terminal(t) && !is_list_number(text, tokens, start, i) {
            // Take closing quotes/brackets along.
            while last + 1 < n && !gap_has_newline(text, tokens, last) {
                let c = tok(last + 1);
                let closes = is_closer(c)
                    || (is_straight_quote(c)
                        && (!spaced(last) || last + 2 >= n || spaced(last + 1)));
                if closes {
                    last += 1;
                } else if let Some(k) = footnote_len(text, tokens, last + 1) {
                    // Footnote marks go with the sentence they follow: "… in 1738. [3]"
                    last += k;
                } else {
                    break;
                }
            }
            end_here = match next_start(text, tokens, last) {
                None => true,
                Some(_) if gap_has_newline(text, tokens, last) => true,
                Some(nx) => {
                    let first = tok(nx).chars().next().unwrap_or(' ');
                    if first.is_lowercase() {
                        // "wait... what" and "“Really?” he asked" go on.
                        let quoted = (i + 1..=last).any(|k| !matches!(tok(k), ")" | "]" | "}"));
                        !is_ellipsis(t) && !quoted
                    } else {
                        first.is_uppercase()
                            || first.is_numeric()
                            || !matches!(
                                first,
                                ')' | ']'
                                    | '}'
                                    | ','
                                    | ';'
                                    | ':'
                                    | '.'
                                    | '>'
                                    | '”'
                                    | '’'
                                    | '?'
                                    | '!'
                            )
                    }
                }
            };
        }
        if !end_here && last + 1 < n && !gap_has_newline(text, tokens, last) {
            // E-mail signatures and headers written on one line: "Thanks, Kay", "Kay Mann
            // 03/15/2001 04:11 PM Please ...".
            end_here = (t == ","
                && is_closing(text, tokens, start, i)
                && starts_upper(tok(i + 1))
                && !SENTENCE_STARTERS.contains(&tok(i + 1))
                && !(i + 2 < n && is_terminal(tok(i + 2))))
                || header_time_end(text, tokens, i)
                || (header_date_at(text, tokens, i + 1) && !t.eq_ignore_ascii_case("on"))
                || (dateline_at(text, tokens, i + 1) && !PREPOSITIONS.contains(&t))
                || (i == start + 1
                    && matches!(tok(start), "Figure" | "Fig." | "Table")
                    && t.starts_with(|c: char| c.is_ascii_digit())
                    && starts_upper(tok(i + 1)));
        }
        if !end_here && last + 1 < n && gap_has_newline(text, tokens, last) {
            // A line break ends the sentence, unless it only wraps a paragraph.
            end_here = !is_soft_line_end(text, tokens, last);
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

fn starts_upper(s: &str) -> bool {
    s.starts_with(char::is_uppercase)
}

/// Letter closings that end a sentence at their comma ("Thanks, Kay").
const CLOSINGS: &[&str] = &[
    "thanks",
    "thank you",
    "regards",
    "best regards",
    "kind regards",
    "warm regards",
    "best",
    "sincerely",
    "respectfully",
    "cheers",
    "best wishes",
    "many thanks",
    "thanks again",
    "yours truly",
    "love",
];

/// Whether tokens `start..i` spell a letter closing.
fn is_closing(text: &str, tokens: &[Token], start: usize, i: usize) -> bool {
    if i == start || i - start > 2 {
        return false;
    }
    let phrase = &text[tokens[start].span.start..tokens[i - 1].span.end];
    phrase.len() <= 14 && CLOSINGS.iter().any(|c| c.eq_ignore_ascii_case(phrase))
}

fn is_date_token(s: &str) -> bool {
    let b = s.as_bytes();
    (5..=10).contains(&b.len())
        && b[0].is_ascii_digit()
        && b.iter().filter(|c| **c == b'/').count() == 2
        && s.split('/')
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
}

fn is_clock_token(s: &str) -> bool {
    let b = s.as_bytes();
    (4..=8).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_digit() || *c == b':')
        && b.contains(&b':')
        && b[0].is_ascii_digit()
}

/// Whether a header date and time ("03/15/2001 04:11 PM") starts at token `i`.
fn header_date_at(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    i + 1 < tokens.len() && is_date_token(tok(i)) && is_clock_token(tok(i + 1))
}

/// Whether token `i` ends a header date and time (the time, or the AM/PM after it).
fn header_time_end(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let ampm = |s: &str| matches!(s, "AM" | "PM" | "am" | "pm");
    if i + 1 < tokens.len() && ampm(tok(i + 1)) {
        return false;
    }
    let time = if ampm(tok(i)) && i > 0 { i - 1 } else { i };
    time > 0 && header_date_at(text, tokens, time - 1)
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words that take a date as their object ("on Tuesday, May 5, 2015").
const PREPOSITIONS: &[&str] = &[
    "on", "On", "of", "by", "until", "till", "since", "from", "before", "after", "to", "(", ",",
    "-", "–", "—", "and", "or", "than", "for", "at", "as",
];

/// Whether a dateline ("Tuesday, May 5, 2015"), a sentence of its own under a headline,
/// starts at token `i`.
fn dateline_at(text: &str, tokens: &[Token], i: usize) -> bool {
    let tok = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    i + 5 < tokens.len()
        && WEEKDAYS.contains(&tok(i))
        && tok(i + 1) == ","
        && MONTHS.contains(&tok(i + 2))
        && tok(i + 3).len() <= 2
        && tok(i + 3).bytes().all(|b| b.is_ascii_digit())
        && tok(i + 4) == ","
        && tok(i + 5).len() == 4
        && tok(i + 5).bytes().all(|b| b.is_ascii_digit())
}

/// The number of tokens of a footnote mark ("[12]") starting at token `i`.
fn footnote_len(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let tok = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    if i + 2 < tokens.len()
        && tok(i) == "["
        && tok(i + 2) == "]"
        && tok(i + 1).len() <= 3
        && tok(i + 1).bytes().all(|b| b.is_ascii_digit())
    {
        Some(3)
    } else {
        None
    }
}

/// The period of a list number opening a sentence ("1. Delete the definition ...").
fn is_list_number(text: &str, tokens: &[Token], start: usize, i: usize) -> bool {
    if i <= start || i > start + 3 || &text[tokens[i].span.start..tokens[i].span.end] != "." {
        return false;
    }
    // Only marks ("*", "(") may come before the number.
    let marks = (start..i - 1)
        .all(|k| !text[tokens[k].span.start..tokens[k].span.end].contains(char::is_alphanumeric));
    let prev = &text[tokens[i - 1].span.start..tokens[i - 1].span.end];
    marks
        && tokens[i - 1].span.end == tokens[i].span.start
        && i + 1 < tokens.len()
        && !gap_has_newline(text, tokens, i)
        && prev.len() <= 2
        && prev.chars().all(|c| c.is_ascii_digit())
}

/// A line break inside a wrapped paragraph: the line is running text of a typical wrap width
/// and the next line starts in lower case (or the line ends in a comma or semicolon). A blank
/// line, a list item and a line short or long enough to be a heading, greeting, signature or
/// unwrapped paragraph always end the sentence.
fn is_soft_line_end(text: &str, tokens: &[Token], i: usize) -> bool {
    if i + 1 >= tokens.len() {
        return false;
    }
    let gap = &text[tokens[i].span.end..tokens[i + 1].span.start];
    if gap.matches('\n').count() >= 2 {
        return false;
    }
    let next = &text[tokens[i + 1].span.start..tokens[i + 1].span.end];
    if matches!(next, "-" | "*" | "•" | "·" | "–" | "—") {
        return false;
    }
    let line_start = text[..tokens[i].span.end].rfind('\n').map_or(0, |p| p + 1);
    let line_len = text[line_start..tokens[i].span.end].chars().count();
    let this = &text[tokens[i].span.start..tokens[i].span.end];
    (next.chars().next().is_some_and(|c| c.is_lowercase()) || matches!(this, "," | ";"))
        && (WRAP_MIN..=WRAP_MAX).contains(&line_len)
}

/// Lengths of lines that a hard-wrapped text breaks (e-mail and plain-text wrap widths).
const WRAP_MIN: usize = 40;
const WRAP_MAX: usize = 80;

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

    #[test]
    fn punctuation_runs_and_lower_case_starts() {
        assert_eq!(
            sents("It works!!! you should try it. then tell me... or not?! ok"),
            vec![
                "It works!!!",
                "you should try it.",
                "then tell me... or not?!",
                "ok"
            ]
        );
    }

    #[test]
    fn opening_quote_after_period() {
        assert_eq!(
            sents("He left. \"Why?\" she asked. \"No.\""),
            vec!["He left.", "\"Why?\" she asked.", "\"No.\""]
        );
    }

    #[test]
    fn list_numbers_and_footnotes() {
        assert_eq!(
            sents("1. Delete the file. 2. Empty the bin."),
            vec!["1. Delete the file.", "2. Empty the bin."]
        );
        assert_eq!(
            sents("She was born in Leeds. [3] She moved."),
            vec!["She was born in Leeds. [3]", "She moved."]
        );
    }

    #[test]
    fn every_line_break_but_a_wrapped_line() {
        assert_eq!(
            sents("Hello Anna:\nI got it.\nThanks,\nBob"),
            vec!["Hello Anna:", "I got it.", "Thanks,", "Bob"]
        );
        assert_eq!(
            sents("This line of running text is wrapped at a typical width and\ngoes on here."),
            vec!["This line of running text is wrapped at a typical width and\ngoes on here."]
        );
    }

    #[test]
    fn mail_signatures_and_headers() {
        assert_eq!(
            sents("See you then. Thanks, Anna"),
            vec!["See you then.", "Thanks,", "Anna"]
        );
        assert_eq!(sents("Thanks, Anna."), vec!["Thanks, Anna."]);
        assert_eq!(
            sents("Ann Lee 03/15/2001 04:11 PM Please call me."),
            vec!["Ann Lee", "03/15/2001 04:11 PM", "Please call me."]
        );
        assert_eq!(
            sents("Sent by ann@x.org on 03/15/2001 04:11 PM"),
            vec!["Sent by ann@x.org on 03/15/2001 04:11 PM"]
        );
    }

    #[test]
    fn datelines_and_captions() {
        assert_eq!(
            sents("Reporters interview a poet Tuesday, May 5, 2015"),
            vec!["Reporters interview a poet", "Tuesday, May 5, 2015"]
        );
        assert_eq!(
            sents("It opened on Tuesday, May 5, 2015."),
            vec!["It opened on Tuesday, May 5, 2015."]
        );
        assert_eq!(
            sents("Figure 1.2 A map of the old town."),
            vec!["Figure 1.2", "A map of the old town."]
        );
    }
}
