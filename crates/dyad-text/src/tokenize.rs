//! Rule-based tokenizer following UD English conventions: clitics split ("don't" → do + n't,
//! "Russia's" → Russia + 's), punctuation and quotes of every kind split off, abbreviations
//! ("U.S.", "Sen.", "Jan.") and initials kept whole, URLs, e-mail addresses and numbers kept whole.
//! Every token is a byte span into the input; the text is never rewritten.

use dyad_core::{Span, Token};

/// Words that take a period and are not sentence ends by themselves (lower-cased, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj",
    "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen", "rep", "gov", "pres", "amb", "rev", "hon",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "thu", "thur", "thurs", "fri", "inc", "corp", "ltd", "co", "bros", "vol", "vs",
    "v", "etc", "e.g", "i.e", "approx", "dept", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "a.m",
    "p.m", "ph.d", "calif", "conf", "ala", "ariz", "colo", "fla", "kan", "ky", "md", "mich",
    "minn", "mont", "neb", "nev", "okla", "ore", "tenn", "tex", "va", "vt", "wis", "wyo", "messrs",
    "mme", "mlle", "cf", "al",
];

/// Characters split off as tokens of their own at the start of a word.
fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '`' | '¿' | '¡' | '—' | '–'
    )
}

/// Characters split off as tokens of their own at the end of a word.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '—'
            | '–'
            | '…'
    )
}

/// True when `word` (without its final period) is an abbreviation or an initial.
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    // Single letter initial: "J." in "John F. Kennedy".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    // Letters with inner periods: "U.S", "a.m", "N.A.T.O".
    word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() <= 2 && !p.is_empty())
}

/// Splits `text` into tokens with byte spans.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        // Skip whitespace.
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        while end < text.len() {
            let ch = match text[end..].chars().next() {
                Some(ch) => ch,
                None => break,
            };
            if ch.is_whitespace() {
                break;
            }
            end += ch.len_utf8();
        }
        split_chunk(text, start, end, &mut out);
        i = end;
    }
    // Mark space_after.
    for t in &mut out {
        let e = t.span.end;
        t.space_after = text[e..].chars().next().is_some_and(|c| c.is_whitespace());
    }
    out
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if end > start {
        out.push(Token {
            span: Span::new(start, end),
            space_after: false,
        });
    }
}

fn is_url_or_email(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || (s.contains('@') && s[s.find('@').unwrap_or(0)..].contains('.') && !s.starts_with('@'))
}

/// Splits one whitespace-free chunk `[start, end)` into tokens.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    let mut tail: Vec<(usize, usize)> = Vec::new();
    // Leading punctuation.
    loop {
        let s = &text[start..end];
        let Some(c) = s.chars().next() else { break };
        if s.starts_with("--") {
            push(out, start, start + 2);
            start += 2;
            continue;
        }
        if is_leading_punct(c) && s.len() > c.len_utf8() {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
            continue;
        }
        // A currency sign before a number.
        if matches!(c, '$' | '€' | '£' | '¥' | '₽')
            && s[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
            continue;
        }
        break;
    }
    // Trailing punctuation, collected right to left.
    loop {
        let s = &text[start..end];
        if s.is_empty() {
            break;
        }
        if s.len() > 3 && s.ends_with("...") {
            tail.push((end - 3, end));
            end -= 3;
            continue;
        }
        if s.len() > 2 && s.ends_with("--") {
            tail.push((end - 2, end));
            end -= 2;
            continue;
        }
        let Some(c) = s.chars().next_back() else {
            break;
        };
        if s.len() == c.len_utf8() {
            break;
        }
        if is_trailing_punct(c) {
            // Keep a possessive apostrophe after s ("parents'") as its own token: UD does.
            tail.push((end - c.len_utf8(), end));
            end -= c.len_utf8();
            continue;
        }
        if c == '%' {
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        if c == '.' {
            let word = &s[..s.len() - 1];
            if is_url_or_email(word) {
                tail.push((end - 1, end));
                end -= 1;
                continue;
            }
            if word.ends_with('.') {
                // "U.S.." is rare; split one period.
                tail.push((end - 1, end));
                end -= 1;
                continue;
            }
            if is_abbreviation(word) {
                break;
            }
            if word.chars().any(|ch| ch.is_alphanumeric()) {
                tail.push((end - 1, end));
                end -= 1;
                continue;
            }
        }
        break;
    }
    split_middle(text, start, end, out);
    for (s, e) in tail.into_iter().rev() {
        push(out, s, e);
    }
}

/// Splits clitics, inner dashes and slashes inside a chunk stripped of outer punctuation.
fn split_middle(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    if s.is_empty() {
        return;
    }
    if is_url_or_email(s) {
        push(out, start, end);
        return;
    }
    // Em dashes and double hyphens inside a chunk ("Moscow--Washington", "talks—and").
    for sep in ["—", "–", "--"] {
        if let Some(p) = s.find(sep) {
            if p > 0 {
                split_middle(text, start, start + p, out);
                push(out, start + p, start + p + sep.len());
                split_middle(text, start + p + sep.len(), end, out);
                return;
            }
        }
    }
    // Negation clitic n't / n’t.
    let lower = s.to_lowercase();
    for nt in ["n't", "n’t"] {
        if lower.ends_with(nt) && s.len() > nt.len() {
            let cut = end - nt.len();
            // "can't" → ca + n't; "won't" → wo + n't (UD convention).
            push(out, start, cut);
            push(out, cut, end);
            return;
        }
    }
    // Other clitics: 's 're 've 'll 'd 'm (straight or curly apostrophe).
    for cl in [
        "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
    ] {
        if lower.ends_with(cl) && s.len() > cl.len() {
            let cut = end - cl.len();
            push(out, start, cut);
            push(out, cut, end);
            return;
        }
    }
    push(out, start, end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn clitics_and_possessives() {
        assert_eq!(
            toks("Russia's envoy didn't go."),
            vec!["Russia", "'s", "envoy", "did", "n't", "go", "."]
        );
        assert_eq!(toks("We can't."), vec!["We", "ca", "n't", "."]);
        assert_eq!(toks("They’re here"), vec!["They", "’re", "here"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            toks("U.S. Sen. John F. Kennedy met Gen. Smith on Jan. 5."),
            vec![
                "U.S.", "Sen.", "John", "F.", "Kennedy", "met", "Gen.", "Smith", "on", "Jan.", "5",
                "."
            ]
        );
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(
            toks("“Russia is ready,” he said -- and left…"),
            vec![
                "“", "Russia", "is", "ready", ",", "”", "he", "said", "--", "and", "left", "…"
            ]
        );
        assert_eq!(toks("\"No.\""), vec!["\"", "No", ".", "\""]);
    }

    #[test]
    fn urls_numbers_money() {
        assert_eq!(
            toks("See https://example.org/a.html. It cost $5.5 billion, or 3%."),
            vec![
                "See",
                "https://example.org/a.html",
                ".",
                "It",
                "cost",
                "$",
                "5.5",
                "billion",
                ",",
                "or",
                "3",
                "%",
                "."
            ]
        );
        assert_eq!(toks("mail me@x.org"), vec!["mail", "me@x.org"]);
    }

    #[test]
    fn spans_point_into_text() {
        let s = "  Moscow —  Washington ";
        for t in tokenize(s) {
            assert!(!s[t.span.start..t.span.end].trim().is_empty());
        }
        assert_eq!(toks(s), vec!["Moscow", "—", "Washington"]);
    }
}
