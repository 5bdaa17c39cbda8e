//! Rule-based tokenizer following UD English (EWT/GUM) conventions: clitics split as words of
//! one surface token ("don't" → do + n't, "Russia's" → Russia + 's, "parents'" → parents + ',
//! "gonna" → gon + na, "dont" → do + nt), punctuation split off (runs such as "!!!", "?!" or
//! "...." stay one token), hyphens and slashes between words split ("search - engine",
//! "and / or") except after bound prefixes ("e-mail", "non-profit") and in phone numbers and
//! dates, numbers split from units ("5 pm", "10 k", "35 mm"), abbreviations ("U.S.", "Sen.",
//! "etc.") and initials kept whole unless the period also ends the sentence, and URLs, e-mail
//! addresses, file names and emoticons kept whole. Every token is a byte span into the input;
//! the text is never rewritten.

use dyad_core::{Span, Token};

/// Words that take a period and are not sentence ends by themselves (lower-cased, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj",
    "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen", "rep", "reps", "gov", "pres", "amb", "rev",
    "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "inc", "corp", "ltd", "co", "bros", "vol",
    "vs", "v", "etc", "e.g", "i.e", "approx", "dept", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c",
    "a.m", "p.m", "ph.d", "calif", "conf", "ala", "ariz", "colo", "fla", "kan", "ky", "md", "mich",
    "minn", "mont", "neb", "nev", "okla", "ore", "tenn", "tex", "va", "vt", "wis", "wyo", "messrs",
    "mme", "mlle", "cf", "al", "lb", "lbs", "oz", "yrs", "blvd", "ave", "esp", "mins", "div",
    "arrv", "ext", "que", "et", "pp", "tel", "attn", "assn", "univ", "govt", "hwy", "apt", "mgr",
    "asst", "fig", "figs", "ca", "spec", "eg", "drs", "sts",
];

/// Abbreviations only when capitalised ("Wed. 6/14", but "they wed.").
const CAP_ABBREVIATIONS: &[&str] = &["Sat", "Sun", "Wed", "La"];

/// Abbreviations written before a name or number; their period never ends a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "sen", "rep", "reps", "gov", "pres", "amb", "rev", "hon", "messrs", "mme",
    "mlle", "vs", "v", "cf", "e.g", "i.e", "eg", "p.s", "drs", "no", "vol", "approx", "mt", "ft",
    "pp", "fig", "figs",
];

/// Abbreviations that end a sentence when a capitalised word follows ("… and so on, etc. The
/// …"); UD then splits the period off as the sentence's punctuation.
const FINAL_ABBREVIATIONS: &[&str] = &[
    "etc", "inc", "corp", "ltd", "co", "bros", "jr", "al", "a.m", "p.m", "yrs", "mins", "lb",
    "lbs", "oz", "govt",
];

/// Time zones written after "a.m." and "p.m.".
const TIME_ZONES: &[&str] = &[
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "ET", "CT", "MT", "PT",
];

/// Capitalised words that start a new sentence after an abbreviation such as "U.S.".
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
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
    "You",
    "My",
    "So",
    "What",
    "How",
    "Why",
    "Is",
    "Are",
    "Do",
    "Can",
    "Let",
];

/// Emoticons, kept whole.
const EMOTICONS: &[&str] = &[
    ":)", ":(", ";)", ";(", ":-)", ":-(", ";-)", ";-(", "=)", "=(", ":D", ":-D", ";D", ":P", ":p",
    ";P", ";p", ":-P", ":-p", ":/", ":-/", ">:(", ":'(", "(:", ":]", ":[", "^_^", "^^", "<3", ":o",
    ":O", ":|", "-_-", "=D", ":)))", ":))", ":((",
];

/// Clitics split off the word before them (matched case-insensitively at the word's end).
const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m",
    "`s",
];

/// Prefixes that stay attached by their hyphen in UD English ("e-mail", "non-profit",
/// "re-elected"); every other hyphen between words is split off ("search - engine").
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "re", "anti", "co", "pro", "pre", "mid", "post", "over", "cross", "multi", "ex",
    "counter", "semi", "sub", "mini", "socio", "psycho", "neo", "inter", "intra", "ultra", "micro",
    "macro", "bi", "tri", "pseudo", "hyper",
];

/// Suffixes that stay attached by their hyphen ("career-wise", "Warhol-esque").
const HYPHEN_SUFFIXES: &[&str] = &["wise", "esque"];

/// Words UD English writes as two: (word, length of the first part). Contractions written
/// without their apostrophe ("dont" → do + nt, "im" → i + m) and fused words ("gonna" →
/// gon + na, "cannot" → can + not).
const FUSED: &[(&str, usize)] = &[
    ("gonna", 3),
    ("wanna", 3),
    ("gotta", 3),
    ("outta", 3),
    ("cannot", 3),
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("cant", 2),
    ("wont", 2),
    ("isnt", 2),
    ("wasnt", 3),
    ("werent", 4),
    ("arent", 3),
    ("arnt", 2),
    ("aint", 2),
    ("couldnt", 5),
    ("wouldnt", 5),
    ("shouldnt", 6),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("im", 1),
    ("ive", 1),
    ("youre", 3),
    ("youll", 3),
    ("youve", 3),
    ("theyre", 4),
    ("thats", 4),
    ("whats", 4),
    ("theres", 5),
    ("hes", 2),
    ("itll", 2),
];

/// Extensions of file names and domains kept whole ("Proposal.xls", "Amazon.com").
const FILE_EXTENSIONS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "doc", "docx", "xls", "xlsx", "pdf", "txt", "htm", "html",
    "jpg", "jpeg", "gif", "png", "ppt", "pptx", "zip", "exe", "csv", "mp3", "wav", "xml",
];

fn eq_any_ci(list: &[&str], w: &str) -> bool {
    list.iter().any(|a| a.eq_ignore_ascii_case(w))
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

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
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | ',' | ';' | ':' | '—' | '–'
    )
}

fn is_terminal_char(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True when `word` (without its final period) is an abbreviation or an initial.
pub fn is_abbreviation(word: &str) -> bool {
    if word.len() <= 6 && (eq_any_ci(ABBREVIATIONS, word) || CAP_ABBREVIATIONS.contains(&word)) {
        return true;
    }
    let mut chars = word.chars();
    // Single letter initial: "J." in "John F. Kennedy".
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // ("I." is far more often the pronoun ending a sentence.)
        return c.is_alphabetic() && c != 'I';
    }
    // Letters with inner periods: "U.S", "a.m", "N.A.T.O", "Ph.D".
    word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Splits `text` into tokens with byte spans.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < text.len() {
        let (ws, n) = space_at(text, i);
        if ws {
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        while end < text.len() {
            let (ws, n) = space_at(text, end);
            if ws {
                break;
            }
            end += n;
        }
        split_chunk(text, start, end, &mut out);
        i = end;
    }
    for t in &mut out {
        let e = t.span.end;
        t.space_after = e < text.len() && space_at(text, e).0;
    }
    out
}

/// Whether the character at byte `i` is whitespace, and its length in bytes.
#[inline]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    push_word(out, start, end, false);
}

/// Pushes a word; `joined` marks a clitic that continues the previous surface token.
fn push_word(out: &mut Vec<Token>, start: usize, end: usize, joined: bool) {
    if end > start {
        out.push(Token {
            span: Span::new(start, end),
            space_after: false,
            joined,
        });
    }
}

fn is_url_or_email(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("http://")
        || starts("https://")
        || starts("www.")
        || starts("ftp://")
        || (!s.starts_with('@') && s.find('@').is_some_and(|p| s[p..].contains('.')))
}

/// "Proposal.xls", "Amazon.com", "ld2d-#69345-1.DOC".
fn is_file_or_domain(s: &str) -> bool {
    let Some(p) = s.rfind('.') else { return false };
    p > 0 && (2..=4).contains(&(s.len() - p - 1)) && eq_any_ci(FILE_EXTENSIONS, &s[p + 1..])
}

fn is_emoticon(s: &str) -> bool {
    s.len() <= 5 && EMOTICONS.contains(&s)
}

/// A chunk that is one token as it stands: an emoticon, a clitic written apart ("'s"), a run
/// of one punctuation character ("!!!", "---", "''") or of sentence-final marks ("?!", "....").
fn is_whole(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.len() == first.len_utf8() {
        return true;
    }
    if first.is_alphanumeric() {
        return s.len() <= 5 && (s.eq_ignore_ascii_case("n't") || s.eq_ignore_ascii_case("n’t"));
    }
    if is_emoticon(s) {
        return true;
    }
    if matches!(first, '\'' | '’' | '`') && s.len() <= 5 && eq_any_ci(CLITICS, s) {
        return true;
    }
    if s.chars().all(|c| c == first) || s == "[...]" || s == "(...)" {
        return true;
    }
    s.chars().all(is_terminal_char)
}

/// Doubled quote marks written as one token.
const DOUBLED_QUOTES: &[&str] = &["''", "``", "‘‘", "’’", "‘’", "\"\""];

/// Byte length of a run of `c` at the start of `s`.
fn run_len(s: &str, c: char) -> usize {
    s.len() - s.trim_start_matches(c).len()
}

/// Byte length of a run of `c` at the end of `s`.
fn run_len_back(s: &str, c: char) -> usize {
    s.len() - s.trim_end_matches(c).len()
}

/// The length of a token to split off the start of `s` (which is longer than one character).
fn leading_token(s: &str) -> Option<usize> {
    let mut it = s.chars();
    let c = it.next()?;
    let next = it.next()?;
    if matches!(c, ':' | ';' | '=' | '(' | '>' | '^' | '<') {
        for e in EMOTICONS {
            if s.len() > e.len()
                && s.starts_with(e)
                && s[e.len()..].chars().all(|x| !x.is_alphanumeric())
            {
                return Some(e.len());
            }
        }
    }
    let cl = c.len_utf8();
    match c {
        '-' => {
            let n = run_len(s, '-');
            if n >= 2 {
                Some(n)
            } else if next.is_alphanumeric() && !is_file_or_domain(s) {
                Some(1)
            } else {
                None
            }
        }
        '<' => Some(run_len(s, '<').min(2)),
        '*' => Some(run_len(s, '*')),
        '#' | '@' if next.is_ascii_digit() => Some(1),
        '$' | '€' | '£' | '¥' | '₽' => Some(if next == c { run_len(s, c) } else { cl }),
        ',' | ';' if next.is_alphanumeric() => Some(1),
        '.' => {
            let n = run_len(s, '.');
            (n >= 2 && s[n..].starts_with(char::is_alphanumeric)).then_some(n)
        }
        '…' if next.is_alphanumeric() => Some(cl),
        '\'' | '‘' | '`' | '’' => {
            if let Some(q) = DOUBLED_QUOTES.iter().find(|q| s.starts_with(*q)) {
                return Some(q.len());
            }
            if c == '’' || next.is_ascii_digit() {
                // "'60s", "'72": the apostrophe belongs to the number.
                return None;
            }
            for short in ["'em", "'n"] {
                if starts_with_ci(s, short) && !s[short.len()..].starts_with(char::is_alphanumeric)
                {
                    return None;
                }
            }
            // A clitic written apart ("FERC 's"), followed by punctuation at most.
            for cli in CLITICS {
                if starts_with_ci(s, cli) && !s[cli.len()..].starts_with(char::is_alphanumeric) {
                    return None;
                }
            }
            Some(cl)
        }
        c if is_leading_punct(c) => Some(cl),
        _ => None,
    }
}

/// True when the apostrophe at byte `pos` closes a single quotation opened before it on the
/// same line (rather than marking a plural possessive, "parents'").
fn closes_single_quote(text: &str, pos: usize) -> bool {
    let mut lo = pos.saturating_sub(300);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let region = &text[lo..pos];
    for (i, c) in region.char_indices().rev() {
        match c {
            '\n' => return false,
            '‘' => return true,
            '\'' | '’' => {
                let prev = region[..i].chars().next_back();
                let next = region[i + c.len_utf8()..].chars().next();
                let prev_open = match prev {
                    None => true,
                    Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '"' | '“'),
                };
                if prev_open && next.is_some_and(char::is_alphanumeric) {
                    return true;
                }
                if prev.is_some_and(char::is_alphanumeric)
                    && !next.is_some_and(char::is_alphanumeric)
                {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

/// The next whitespace-free chunk after byte `end`, and whether a newline comes before it.
fn next_chunk(text: &str, end: usize) -> (&str, bool) {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    let newline = rest[..rest.len() - trimmed.len()].contains('\n');
    let n = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    (&trimmed[..n], newline)
}

/// Whether the period after the abbreviation `word`, ending its chunk at `end`, also ends the
/// sentence: UD then writes the period as a token of its own ("etc" + ".").
fn abbreviation_ends_sentence(word: &str, text: &str, end: usize) -> bool {
    if eq_any_ci(TITLES, word) {
        return false;
    }
    let (next, newline) = next_chunk(text, end);
    if next.is_empty() {
        // The end of the text: keep the abbreviation whole, so that a phrase tokenized alone
        // ("U.S.", a dictionary entry) matches the same phrase inside a sentence.
        return false;
    }
    if newline {
        return word.chars().count() > 1;
    }
    if !next.starts_with(char::is_uppercase) || word.chars().count() == 1 {
        return false;
    }
    if eq_any_ci(FINAL_ABBREVIATIONS, word) {
        // "3:29 p.m. EST" goes on.
        let zone = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        return !(word.len() == 3 && TIME_ZONES.contains(&zone));
    }
    if word.contains('.') {
        let next = next.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        return SENTENCE_STARTERS.contains(&next);
    }
    false
}

/// Words after which "its" stands for "it is" ("its not", "its really"): a possessive "its" is
/// followed by a noun or adjective, never by these.
const AFTER_IT_IS: &[&str] = &[
    "a",
    "an",
    "the",
    "not",
    "really",
    "simply",
    "very",
    "just",
    "also",
    "still",
    "only",
    "now",
    "all",
    "been",
    "getting",
    "going",
    "gonna",
    "definitely",
    "so",
    "too",
    "always",
    "never",
    "probably",
    "pretty",
    "quite",
    "in",
    "for",
    "from",
    "at",
    "on",
    "as",
    "about",
    "ok",
    "okay",
    "nice",
    "great",
    "good",
    "easy",
    "hard",
    "true",
];

/// Whether "its", ending at byte `end`, is a misspelt "it's".
fn its_is_it_is(text: &str, end: usize) -> bool {
    let next = next_chunk(text, end).0;
    let word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.len() <= 10 && eq_any_ci(AFTER_IT_IS, word)
}

/// "No. 5": "No" takes the period before a number.
fn is_number_sign(word: &str, text: &str, end: usize) -> bool {
    word.eq_ignore_ascii_case("no")
        && next_chunk(text, end)
            .0
            .starts_with(|c: char| c.is_ascii_digit() || c == '#')
}

/// The most tokens split off either end of a chunk.
const TAIL_MAX: usize = 16;

/// The longest chunk (in bytes) whose inside is split further.
const MAX_SPLIT: usize = 400;

/// Tokens split off the end of a chunk, right to left (a fixed buffer: no allocation, and
/// safe to use recursively).
#[derive(Default)]
struct Tail {
    items: [(usize, usize, bool); TAIL_MAX],
    n: usize,
}

impl Tail {
    fn push(&mut self, item: (usize, usize, bool)) {
        if self.n < TAIL_MAX {
            self.items[self.n] = item;
            self.n += 1;
        }
    }
}

/// Splits one whitespace-free chunk `[start, end)` into tokens.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    let chunk_end = end;
    if is_whole(&text[start..end]) {
        push(out, start, end);
        return;
    }
    // Leading punctuation.
    for _ in 0..TAIL_MAX {
        let s = &text[start..end];
        if s.is_empty() || is_whole(s) {
            break;
        }
        match leading_token(s) {
            Some(n) if n > 0 && n < s.len() => {
                push(out, start, start + n);
                start += n;
            }
            _ => break,
        }
    }
    // Trailing punctuation, collected right to left.
    let mut tail = Tail::default();
    while tail.n + 2 <= TAIL_MAX {
        let s = &text[start..end];
        let Some(c) = s.chars().next_back() else {
            break;
        };
        if s.len() == c.len_utf8() || is_whole(s) {
            break;
        }
        let cl = c.len_utf8();
        if !matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’' | '>'
        ) && is_url_or_email(s)
        {
            break;
        }
        // An emoticon at the end ("fun :)", "great:)").
        if matches!(c, ')' | '(' | 'D' | 'P' | 'p' | '/') {
            if let Some(e) = EMOTICONS.iter().find(|e| {
                s.len() > e.len()
                    && s.ends_with(*e)
                    && (matches!(c, ')' | '(')
                        || !s[..s.len() - e.len()].ends_with(char::is_alphanumeric))
            }) {
                tail.push((end - e.len(), end, false));
                end -= e.len();
                continue;
            }
        }
        if is_terminal_char(c) {
            let rs = s.trim_end_matches(is_terminal_char).len();
            if rs == 0 {
                break;
            }
            let (word, run) = s.split_at(rs);
            if run == "." {
                if is_url_or_email(word) {
                    // fall through to the split below
                } else if is_abbreviation(word) || is_number_sign(word, text, chunk_end) {
                    if end == chunk_end && abbreviation_ends_sentence(word, text, chunk_end) {
                        tail.push((end - 1, end, false));
                        end -= 1;
                        continue;
                    }
                    break;
                }
                tail.push((end - 1, end, false));
                end -= 1;
                continue;
            }
            if (run == ".." || run.starts_with('.') && !run[1..].starts_with('.'))
                && is_abbreviation(word)
            {
                // "D.C.." → "D.C." + "."; "T.V.?" → "T.V." + "?"
                tail.push((start + rs + 1, end, false));
                end = start + rs + 1;
                continue;
            }
            if run == "!" && word.eq_ignore_ascii_case("yahoo") {
                break;
            }
            if run.len() > 3 && run.starts_with("...") && !run[3..].starts_with('.') {
                // "...?" → "..." + "?"
                tail.push((start + rs + 3, end, false));
                tail.push((start + rs, start + rs + 3, false));
            } else {
                tail.push((start + rs, end, false));
            }
            end = start + rs;
            continue;
        }
        match c {
            '\'' | '’' => {
                if let Some(q) = DOUBLED_QUOTES
                    .iter()
                    .find(|q| s.len() > q.len() && s.ends_with(*q))
                {
                    tail.push((end - q.len(), end, false));
                    end -= q.len();
                    continue;
                }
                let before = s[..s.len() - cl].chars().next_back();
                let possessive =
                    matches!(before, Some('s' | 'S')) && !closes_single_quote(text, end - cl);
                tail.push((end - cl, end, possessive));
                end -= cl;
                continue;
            }
            '-' => {
                let n = run_len_back(s, '-');
                if n == s.len() {
                    break;
                }
                // A stutter or cut-off word ("th-", "w-") keeps its hyphen; a longer word
                // before a dash does not ("minute -").
                let word = &s[..s.len() - n];
                if n >= 2 || (word.len() >= 4 && word.bytes().all(|b| b.is_ascii_alphabetic())) {
                    tail.push((end - n, end, false));
                    end -= n;
                    continue;
                }
                break;
            }
            '*' | '>' => {
                let n = run_len_back(s, c);
                let n = if c == '>' { n.min(2) } else { n };
                if n < s.len() {
                    tail.push((end - n, end, false));
                    end -= n;
                    continue;
                }
                break;
            }
            '+' => {
                let n = run_len_back(s, '+');
                if n < s.len() && s[..s.len() - n].ends_with(char::is_alphanumeric) {
                    tail.push((end - n, end, false));
                    end -= n;
                    continue;
                }
                break;
            }
            '%' => {
                tail.push((end - 1, end, false));
                end -= 1;
                continue;
            }
            c if is_trailing_punct(c) => {
                tail.push((end - cl, end, false));
                end -= cl;
                continue;
            }
            _ => break,
        }
    }
    if end - start <= MAX_SPLIT {
        split_middle(text, start, end, out);
    } else {
        // A very long chunk (encoded data, ASCII art) stays whole inside: splitting it would
        // recurse once per separator.
        push(out, start, end);
    }
    for &(s, e, joined) in tail.items[..tail.n].iter().rev() {
        push_word(out, s, e, joined);
    }
}

/// Splits `[start, end)` at byte `p` around a separator of `n` bytes.
fn split_around(text: &str, start: usize, end: usize, p: usize, n: usize, out: &mut Vec<Token>) {
    if p > 0 {
        split_chunk(text, start, start + p, out);
    }
    push(out, start + p, start + p + n);
    if start + p + n < end {
        split_chunk(text, start + p + n, end, out);
    }
}

/// Splits clitics, inner dashes, slashes and the like inside a chunk stripped of outer
/// punctuation.
fn split_middle(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    if s.is_empty() {
        return;
    }
    let b = s.as_bytes();
    // Plain words: only fused words can split.
    if b.iter().all(u8::is_ascii_alphabetic) {
        if s.len() <= 8 {
            if let Some(&(_, k)) = FUSED.iter().find(|(w, _)| w.eq_ignore_ascii_case(s)) {
                push(out, start, start + k);
                push_word(out, start + k, end, true);
                return;
            }
            if s.eq_ignore_ascii_case("its") && its_is_it_is(text, end) {
                push(out, start, start + 2);
                push_word(out, start + 2, end, true);
                return;
            }
        }
        push(out, start, end);
        return;
    }
    if is_url_or_email(s) || is_file_or_domain(s) {
        push(out, start, end);
        return;
    }
    // Em dashes, double hyphens and ellipses inside a chunk ("Moscow--Washington",
    // "talks—and", "wait...what").
    for sep in ["—", "–", "--", "…"] {
        if let Some(p) = s.find(sep) {
            if p > 0 {
                let n = if sep == "--" {
                    run_len(&s[p..], '-')
                } else {
                    sep.len()
                };
                split_around(text, start, end, p, n, out);
                return;
            }
        }
    }
    if let Some(p) = s.find("..") {
        if p > 0 {
            let n = run_len(&s[p..], '.');
            if p + n < s.len() {
                split_around(text, start, end, p, n, out);
                return;
            }
        }
    }
    // Clitics: n't 's 're 've 'll 'd 'm (straight or curly apostrophe); a decade keeps its
    // "'s" ("the 60's").
    for cl in CLITICS {
        if s.len() > cl.len()
            && ends_with_ci(s, cl)
            && !(cl.ends_with('s') && b[..s.len() - cl.len()].iter().all(u8::is_ascii_digit))
        {
            let cut = end - cl.len();
            split_middle(text, start, cut, out);
            push_word(out, cut, end, true);
            return;
        }
    }
    // "I'ma" → I + 'm, a.
    if s.len() == 4 && (s.eq_ignore_ascii_case("i'ma"))
        || s.len() == 6 && s.eq_ignore_ascii_case("i’ma")
    {
        push(out, start, start + 1);
        push_word(out, start + 1, end - 1, true);
        push(out, end - 1, end);
        return;
    }
    // A comma or semicolon between words written without a space ("eggs,milk"), but not in
    // "1,000".
    if let Some(p) = s.find([',', ';']) {
        let before = s[..p].chars().next_back();
        let after = s[p + 1..].chars().next();
        if before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric)
            && !(before.is_some_and(|c| c.is_ascii_digit())
                && after.is_some_and(|c| c.is_ascii_digit()))
        {
            split_around(text, start, end, p, 1, out);
            return;
        }
    }
    // Brackets inside a word: "account(s)".
    if let Some(p) = s.find(['(', ')', '[', ']']) {
        if p > 0 {
            split_around(text, start, end, p, 1, out);
            return;
        }
    }
    // Slashes between words ("and/or"), but not in dates ("6/14/2001") or "w/o".
    if let Some(p) = s.find('/') {
        if !keeps_slash(s) {
            split_around(text, start, end, p, 1, out);
            return;
        }
    }
    if let Some(p) = s.find('-') {
        if let Some(cut) = hyphen_split(s, p) {
            match cut {
                HyphenCut::Split => split_around(text, start, end, p, 1, out),
                HyphenCut::KeepPrefix(q) => {
                    push(out, start, start + q);
                    split_around(text, start + q, end, 0, 1, out);
                }
                HyphenCut::Keep => push(out, start, end),
            }
            return;
        }
    }
    // Degrees: "35°C" → 35 ° C.
    if let Some(p) = s.find(['°', 'º']) {
        if p > 0 || s.len() > 2 {
            split_around(text, start, end, p, '°'.len_utf8(), out);
            return;
        }
    }
    // A number and its unit: "5pm", "10k", "35mm", "7:30PM".
    if let Some(k) = number_unit_split(s) {
        push(out, start, start + k);
        push(out, start + k, end);
        return;
    }
    push(out, start, end);
}

enum HyphenCut {
    /// Split the hyphen off as a token.
    Split,
    /// Keep the whole chunk.
    Keep,
    /// Keep the first `n` bytes (a prefixed word) and split the rest again.
    KeepPrefix(usize),
}

/// What to do with the first hyphen, at byte `p` of `s`; `None` leaves the chunk to the
/// rules after hyphens.
fn hyphen_split(s: &str, p: usize) -> Option<HyphenCut> {
    let b = s.as_bytes();
    // Phone numbers, dates and zip codes ("713-853-3989", "12-20-2000", "77415-0027") stay
    // whole; ranges ("1969-1970", "3-4") are split.
    let b = b.strip_prefix(b"+").unwrap_or(b);
    if b.iter()
        .all(|c| c.is_ascii_digit() || *c == b'-' || *c == b'/')
    {
        let hyphens = b.iter().filter(|c| !c.is_ascii_digit()).count();
        if hyphens >= 2 && !s.contains("--") && !s.ends_with('-') && p > 0 {
            return Some(HyphenCut::Keep);
        }
        let (x, y) = (p, s.len() - p - 1);
        if hyphens == 1 && ((x == 1 || x == 3 || x == 5) && y == 4 || s.starts_with('+')) {
            return Some(HyphenCut::Keep);
        }
    }
    let (a, rest) = (&s[..p], &s[p + 1..]);
    if a.is_empty() || rest.is_empty() {
        return None;
    }
    let last_a = a.chars().next_back()?;
    let first_b = rest.chars().next()?;
    if !(last_a.is_alphanumeric() || last_a == '.') || !first_b.is_alphanumeric() {
        return None;
    }
    if a.len() <= 7 && eq_any_ci(HYPHEN_PREFIXES, a) {
        // Keep "non-profit" whole, but still split later hyphens ("non-profit-driven").
        return Some(match rest.find('-') {
            Some(q) => HyphenCut::KeepPrefix(p + 1 + q),
            None => HyphenCut::Keep,
        });
    }
    if !rest.contains('-') && eq_any_ci(HYPHEN_SUFFIXES, rest) {
        return Some(HyphenCut::Keep);
    }
    Some(HyphenCut::Split)
}

/// Slashes kept inside a chunk: dates and fractions ("6/14/2001", "9/11"), phone numbers
/// ("713/646-6505") and letter pairs ("w/o", "I/S").
fn keeps_slash(s: &str) -> bool {
    let mut parts = s.split('/');
    let first = parts.next().unwrap_or("");
    let numeric = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit() || c == b'-');
    if numeric(first) && s.split('/').all(numeric) {
        return first.len() != 4;
    }
    let single = |p: &str| p.chars().count() == 1 && p.chars().all(char::is_alphabetic);
    s.split('/').count() == 2 && s.split('/').all(single)
}

/// The length of the number in "5pm", "10k", "35mm", "7:30PM" when the rest is a unit to split
/// off; ordinals ("21st") and decades ("1970s") stay whole.
fn number_unit_split(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let mut i = 0;
    while i < b.len()
        && (b[i].is_ascii_digit()
            || (matches!(b[i], b',' | b'.' | b':') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
    {
        i += 1;
    }
    let unit = &s[i..];
    if unit.is_empty() || !unit.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    UNITS.contains(&unit).then_some(i)
}

/// Units split off a number written against them ("5pm", "10k", "35mm"); other letters stay
/// ("21st", "1970s", "4chan", "3D").
const UNITS: &[&str] = &[
    "am", "pm", "AM", "PM", "Am", "Pm", "k", "K", "m", "M", "b", "B", "x", "p", "f", "mm", "cm",
    "km", "KM", "Km", "kg", "KG", "Kg", "g", "mg", "lb", "lbs", "oz", "ft", "in", "yd", "mi", "Hz",
    "hz", "kHz", "MHz", "GHz", "mhz", "ghz", "hh", "bn", "BN", "mn", "min", "mins", "minutes",
    "hr", "hrs", "hour", "hours", "sec", "secs", "seconds", "persons", "people", "kb", "KB", "mb",
    "MB", "gb", "GB", "tb", "TB", "mph", "kph", "kmh", "ml", "mL", "yr", "yrs", "years", "days",
    "weeks", "months", "yo", "kw", "kW", "KW", "mw", "MW", "kwh", "kWh", "MWh", "pcs", "pc", "px",
    "dpi", "bucks", "cents", "usd", "USD", "million", "billion",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    /// Surface tokens: words joined to the one before them are glued back.
    fn surface(s: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in tokenize(s) {
            let w = &s[t.span.start..t.span.end];
            match out.last_mut() {
                Some(last) if t.joined => last.push_str(w),
                _ => out.push(w.to_string()),
            }
        }
        out
    }

    #[test]
    fn clitics_and_possessives() {
        assert_eq!(
            toks("Russia's envoy didn't go."),
            vec!["Russia", "'s", "envoy", "did", "n't", "go", "."]
        );
        assert_eq!(toks("We can't."), vec!["We", "ca", "n't", "."]);
        assert_eq!(toks("They’re here"), vec!["They", "’re", "here"]);
        assert_eq!(toks("gonna cannot"), vec!["gon", "na", "can", "not"]);
        let t = tokenize("don't");
        assert!(!t[0].joined && t[1].joined);
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
    fn hyphens_follow_ud() {
        assert_eq!(toks("a search-engine"), vec!["a", "search", "-", "engine"]);
        assert_eq!(toks("e-mail non-profit"), vec!["e-mail", "non-profit"]);
        assert_eq!(toks("Russia-US talks"), vec!["Russia", "-", "US", "talks"]);
        // UD English splits number ranges too.
        assert_eq!(
            toks("Guinea-Bissau 1990-91"),
            vec!["Guinea", "-", "Bissau", "1990", "-", "91"]
        );
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

    #[test]
    fn punctuation_runs_stay_whole() {
        assert_eq!(
            toks("Wow!!! Really?! Hmm.... ok.."),
            vec!["Wow", "!!!", "Really", "?!", "Hmm", "....", "ok", ".."]
        );
        assert_eq!(
            toks("Why...? Fine ..."),
            vec!["Why", "...", "?", "Fine", "..."]
        );
        assert_eq!(toks("---- end"), vec!["----", "end"]);
        assert_eq!(toks("(''Quote'')"), vec!["(", "''", "Quote", "''", ")"]);
        assert_eq!(toks("word). Next"), vec!["word", ")", ".", "Next"]);
    }

    #[test]
    fn emoticons_stay_whole() {
        assert_eq!(
            toks("great :) see you ;-) bye :)."),
            vec!["great", ":)", "see", "you", ";-)", "bye", ":)", "."]
        );
        assert_eq!(toks("(: fun:)"), vec!["(:", "fun", ":)"]);
    }

    #[test]
    fn plural_possessive_is_a_clitic() {
        assert_eq!(surface("the girls' toys"), vec!["the", "girls'", "toys"]);
        let t = tokenize("the girls' toys");
        assert!(t[2].joined);
        // A closing quote after an s is not a possessive.
        let t = tokenize("he said 'yes' and 'no thanks'");
        assert!(t.iter().all(|t| !t.joined));
    }

    #[test]
    fn contractions_without_apostrophe() {
        assert_eq!(
            toks("i dont know, Im late"),
            vec!["i", "do", "nt", "know", ",", "I", "m", "late"]
        );
        assert_eq!(surface("I dont care"), vec!["I", "dont", "care"]);
        assert_eq!(toks("I'ma go"), vec!["I", "'m", "a", "go"]);
        assert_eq!(
            toks("it's FERC 's plan"),
            vec!["it", "'s", "FERC", "'s", "plan"]
        );
        assert_eq!(
            toks("its not its fault"),
            vec!["it", "s", "not", "its", "fault"]
        );
        assert_eq!(toks("the 80's"), vec!["the", "80's"]);
    }

    #[test]
    fn slashes() {
        assert_eq!(
            toks("name and/or number"),
            vec!["name", "and", "/", "or", "number"]
        );
        assert_eq!(
            toks("on 6/14/2001 w/o help"),
            vec!["on", "6/14/2001", "w/o", "help"]
        );
    }

    #[test]
    fn numbers_units_and_ranges() {
        assert_eq!(
            toks("at 5pm or 7:30PM"),
            vec!["at", "5", "pm", "or", "7:30", "PM"]
        );
        assert_eq!(
            toks("a 35mm lens, 10k miles"),
            vec!["a", "35", "mm", "lens", ",", "10", "k", "miles"]
        );
        assert_eq!(
            toks("the 21st and 1970s"),
            vec!["the", "21st", "and", "1970s"]
        );
        assert_eq!(toks("2-3 times"), vec!["2", "-", "3", "times"]);
        assert_eq!(
            toks("call 555-1234 or 713-555-0100"),
            vec!["call", "555-1234", "or", "713-555-0100"]
        );
        assert_eq!(toks("a 12-hour day"), vec!["a", "12", "-", "hour", "day"]);
        assert_eq!(toks("#1 pick @2.5"), vec!["#", "1", "pick", "@", "2.5"]);
        assert_eq!(
            toks("an A+ and 6,000+"),
            vec!["an", "A", "+", "and", "6,000", "+"]
        );
    }

    #[test]
    fn files_and_brackets() {
        assert_eq!(toks("see Notes.doc>>"), vec!["see", "Notes.doc", ">>"]);
        assert_eq!(toks("<a@b.com>"), vec!["<", "a@b.com", ">"]);
        assert_eq!(
            toks("your account(s)"),
            vec!["your", "account", "(", "s", ")"]
        );
        assert_eq!(toks("apples,pears"), vec!["apples", ",", "pears"]);
    }

    #[test]
    fn sentence_final_abbreviation() {
        assert_eq!(
            toks("pens, paper, etc. The rest"),
            vec!["pens", ",", "paper", ",", "etc", ".", "The", "rest"]
        );
        assert_eq!(
            toks("pens, etc. and more"),
            vec!["pens", ",", "etc.", "and", "more"]
        );
        assert_eq!(toks("Ask Dr. Smith"), vec!["Ask", "Dr.", "Smith"]);
        assert_eq!(
            toks("Deal No. 5 is no."),
            vec!["Deal", "No.", "5", "is", "no", "."]
        );
        assert_eq!(
            toks("at 3 p.m. EST on"),
            vec!["at", "3", "p.m.", "EST", "on"]
        );
        assert_eq!(
            toks("at 3 p.m. We left"),
            vec!["at", "3", "p.m", ".", "We", "left"]
        );
        assert_eq!(toks("on T.V.? No"), vec!["on", "T.V.", "?", "No"]);
        assert_eq!(toks("in D.C.. Then"), vec!["in", "D.C.", ".", "Then"]);
        // A paragraph ending in an abbreviation, but not the end of the text (a phrase alone).
        assert_eq!(toks("Acme Inc.\nNext"), vec!["Acme", "Inc", ".", "Next"]);
        assert_eq!(toks("Acme Inc."), vec!["Acme", "Inc."]);
        // "I." is the pronoun, not an initial.
        assert_eq!(toks("nor would I."), vec!["nor", "would", "I", "."]);
    }

    #[test]
    fn money_phone_and_units() {
        assert_eq!(
            toks("all about the $$$."),
            vec!["all", "about", "the", "$$$", "."]
        );
        assert_eq!(
            toks("ext 3-5076 or +1555123-4567"),
            vec!["ext", "3-5076", "or", "+1555123-4567"]
        );
        assert_eq!(toks("from 4chan in 3D"), vec!["from", "4chan", "in", "3D"]);
        assert_eq!(toks("a 1.5kg bag"), vec!["a", "1.5", "kg", "bag"]);
        assert_eq!(toks("it was 35°C"), vec!["it", "was", "35", "°", "C"]);
    }

    #[test]
    fn inner_punctuation() {
        assert_eq!(toks("wait...what"), vec!["wait", "...", "what"]);
        assert_eq!(
            toks("so ,then ...Next"),
            vec!["so", ",", "then", "...", "Next"]
        );
        assert_eq!(toks("rule--\"Go"), vec!["rule", "--", "\"", "Go"]);
        assert_eq!(toks("cut [...] here"), vec!["cut", "[...]", "here"]);
        assert_eq!(toks("non-profit-driven"), vec!["non-profit", "-", "driven"]);
        assert_eq!(toks("career-wise"), vec!["career-wise"]);
        assert_eq!(toks("twenty-five"), vec!["twenty", "-", "five"]);
        assert_eq!(toks("tell 'em"), vec!["tell", "'em"]);
        assert_eq!(toks("the '60s"), vec!["the", "'60s"]);
        assert_eq!(toks("Yahoo! Mail"), vec!["Yahoo!", "Mail"]);
    }

    #[test]
    fn long_chunks_are_safe() {
        let s = "a-".repeat(50_000);
        assert_eq!(tokenize(&s).len(), 1);
        let s = format!("{}x", "(".repeat(10_000));
        let t = tokenize(&s);
        assert_eq!(t.last().map(|t| t.span.end), Some(s.len()));
    }
}
