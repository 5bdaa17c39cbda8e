//! Finding extracted HTML text in the raw page bytes.
//!
//! The page is scanned once: markup, comments, scripts and styles are skipped, character
//! references are decoded, and every visible non-whitespace character is kept with the byte
//! range it came from. A paragraph is then found by its non-whitespace characters (so markup
//! between words, whitespace changes and the `|` an extractor writes between table cells do
//! not matter), searching forward from the previous
//! paragraph; when the extractor changed the text, the paragraph's first and last 48 bytes
//! are looked for instead. The result is the raw byte range from the paragraph's first to its
//! last character: exact at both ends whenever the paragraph is found.

use dyad_core::Span;

/// The visible characters of a page and where they are in the raw bytes.
#[derive(Debug, Default)]
pub struct VisibleText {
    /// Visible non-whitespace characters, in page order.
    text: String,
    /// For each byte of `text`: the raw byte range of the character (or reference) it came from.
    raw: Vec<(u32, u32)>,
    /// Where the previous search ended in `text`.
    cursor: usize,
}

/// Characters left out on both sides of the search: whitespace, and the `|` an extractor puts
/// between table cells.
fn skipped(c: char) -> bool {
    c.is_whitespace() || c == '|'
}

const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "title",
];

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(v);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "egrave" => 'è',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        _ => return None,
    })
}

impl VisibleText {
    /// Scans a page.
    pub fn new(html: &str) -> VisibleText {
        let b = html.as_bytes();
        let mut v = VisibleText {
            text: String::with_capacity(html.len() / 3),
            raw: Vec::with_capacity(html.len() / 3),
            cursor: 0,
        };
        let lower_starts = |i: usize, s: &str| {
            b.get(i..i + s.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(s.as_bytes()))
        };
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'<' if lower_starts(i, "<!--") => {
                    i = html[i + 4..].find("-->").map_or(b.len(), |p| i + 4 + p + 3);
                }
                b'<' if b.get(i + 1).is_some_and(|c| {
                    c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?')
                }) =>
                {
                    let name_start = i + 1;
                    let mut j = name_start;
                    while j < b.len()
                        && (b[j].is_ascii_alphanumeric() || b[j] == b'/' && j == name_start)
                    {
                        j += 1;
                    }
                    let name = html[name_start..j].to_ascii_lowercase();
                    // Skip to the end of the tag, minding quoted attribute values.
                    let mut q: Option<u8> = None;
                    while j < b.len() {
                        match (q, b[j]) {
                            (None, b'"' | b'\'') => q = Some(b[j]),
                            (Some(c), x) if c == x => q = None,
                            (None, b'>') => break,
                            _ => {}
                        }
                        j += 1;
                    }
                    i = (j + 1).min(b.len());
                    if RAW_TEXT_TAGS.contains(&name.as_str()) {
                        let close = format!("</{name}");
                        let mut k = i;
                        while k < b.len() && !lower_starts(k, &close) {
                            k += 1;
                        }
                        i = k;
                    }
                }
                b'&' => {
                    let end = html[i + 1..]
                        .char_indices()
                        .take(12)
                        .find(|(_, c)| *c == ';' || c.is_whitespace() || *c == '<' || *c == '&')
                        .filter(|(_, c)| *c == ';')
                        .map(|(p, _)| i + 1 + p);
                    match end.and_then(|e| entity(&html[i + 1..e]).map(|c| (e, c))) {
                        Some((e, c)) => {
                            v.push(c, i, e + 1);
                            i = e + 1;
                        }
                        None => {
                            v.push('&', i, i + 1);
                            i += 1;
                        }
                    }
                }
                _ => {
                    let c = html[i..].chars().next().unwrap_or(' ');
                    let n = c.len_utf8();
                    v.push(c, i, i + n);
                    i += n;
                }
            }
        }
        v
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        if skipped(c) {
            return;
        }
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.raw.push((start as u32, end as u32));
        }
    }

    fn span(&self, from: usize, to: usize) -> Option<Span> {
        let (s, _) = *self.raw.get(from)?;
        let (_, e) = *self.raw.get(to.checked_sub(1)?)?;
        Some(Span::new(s as usize, e as usize))
    }

    fn find_from(&self, needle: &str, from: usize) -> Option<usize> {
        if let Some(p) = self.text.get(from..).and_then(|t| t.find(needle)) {
            return Some(from + p);
        }
        self.text.find(needle)
    }

    /// The raw byte range of a paragraph of extracted text, searching on from the previous
    /// paragraph. `None` when the paragraph cannot be found.
    pub fn locate(&mut self, paragraph: &str) -> Option<Span> {
        let needle: String = paragraph.chars().filter(|&c| !skipped(c)).collect();
        if needle.is_empty() {
            return None;
        }
        if let Some(p) = self.find_from(&needle, self.cursor) {
            self.cursor = p + needle.len();
            return self.span(p, p + needle.len());
        }
        const EDGE: usize = 48;
        if needle.len() <= EDGE * 2 {
            return None;
        }
        let mut a = EDGE;
        while !needle.is_char_boundary(a) {
            a += 1;
        }
        let mut z = needle.len() - EDGE;
        while !needle.is_char_boundary(z) {
            z -= 1;
        }
        let head = self.find_from(&needle[..a], self.cursor)?;
        let tail = self
            .text
            .get(head..)
            .and_then(|t| t.find(&needle[z..]))
            .map(|p| head + p + needle.len() - z);
        let end = tail.unwrap_or(head + a);
        self.cursor = end;
        self.span(head, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_paragraphs_across_markup_and_entities() {
        let html = "<html><head><title>Russia met China</title><script>var s = 'Russia met China';</script></head>\
                    <body><p>Russia <b>met</b>\n  China &amp; India.</p><!-- Russia met --><p>Second&nbsp;one</p></body></html>";
        let mut v = VisibleText::new(html);
        let s = v.locate("Russia met China & India.").unwrap();
        assert!(html[s.start..s.end].starts_with("Russia <b>met"));
        assert!(html[s.start..s.end].ends_with("India."));
        let s = v.locate("Second one").unwrap();
        assert_eq!(&html[s.start..s.end], "Second&nbsp;one");
        assert!(v.locate("Nowhere to be seen").is_none());
    }
}
