//! Bytes → text. The encoding is chosen in this order: a byte-order mark (UTF-8, UTF-16 LE/BE);
//! valid UTF-8; the charset the transport declared (HTTP `Content-Type`, WARC record) or the
//! page declared (`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding>`);
//! otherwise a guess by `chardetng` (Windows-1252/Latin-1, Windows-1251, KOI8-R, …), decoded by
//! `encoding_rs`. NUL bytes are removed and other control characters (except tab, newline and
//! carriage return) become spaces; typographic quotes are kept as they are.
//!
//! Decoding fails only when the result is not text in any encoding: when more than a tenth of
//! the characters are undecodable or control characters.

use encoding_rs::Encoding;

/// Why bytes are not text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("line {line}: not text in any known encoding (best guess {encoding}: {bad} of {chars} characters undecodable or control characters)")]
    NotText {
        line: u32,
        encoding: &'static str,
        bad: usize,
        chars: usize,
    },
}

impl DecodeError {
    /// The 1-based line of the problem, when known.
    pub fn line(&self) -> Option<u32> {
        match self {
            DecodeError::NotText { line, .. } => Some(*line),
        }
    }
}

/// Decoded text and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used (`UTF-8`, `UTF-16LE`, `windows-1252`, `KOI8-R`, …).
    pub encoding: &'static str,
    /// How the encoding was chosen.
    pub how: Detection,
}

/// How the encoding of an input was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detection {
    Bom,
    ValidUtf8,
    /// The charset given by the caller (HTTP `Content-Type`, a WARC record).
    Declared,
    /// A `<meta charset>` or `<?xml encoding>` in the first bytes.
    Meta,
    /// Guessed from the byte statistics.
    Guessed,
}

/// How many bytes at the start of a page are searched for a `<meta charset>`.
const META_SCAN: usize = 4096;

/// Decodes `bytes` as text, with no declared charset.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_with(bytes, None).map(|d| d.text)
}

/// Decodes `bytes`, honouring `declared` (a charset label such as `iso-8859-1`) when the bytes
/// have no byte-order mark and are not valid UTF-8.
pub fn decode_with(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    let (encoding, how, body) = choose(bytes, declared);
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    let chars = text.chars().count();
    let (text, bad, line) = clean_controls(&text);
    if chars >= 16 && bad * 10 > chars {
        return Err(DecodeError::NotText {
            line,
            encoding: encoding.name(),
            bad,
            chars,
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        how,
    })
}

fn choose<'a>(bytes: &'a [u8], declared: Option<&str>) -> (&'static Encoding, Detection, &'a [u8]) {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return (enc, Detection::Bom, &bytes[len..]);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (encoding_rs::UTF_8, Detection::ValidUtf8, bytes);
    }
    // A UTF-8 declaration on bytes that are not UTF-8 is wrong; anything else is believed.
    let usable = |e: &&'static Encoding| {
        *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
    };
    if let Some(enc) = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .filter(usable)
    {
        return (enc, Detection::Declared, bytes);
    }
    if let Some(enc) = meta_charset(bytes).filter(usable) {
        return (enc, Detection::Meta, bytes);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    (det.guess(None, false), Detection::Guessed, bytes)
}

/// The charset named by a `<meta charset=…>`, `<meta http-equiv="Content-Type"
/// content="…; charset=…">` or `<?xml … encoding="…"?>` near the start of the bytes.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_SCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta").map(|p| p + from) {
        let end = lower[pos..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(lower.len(), |e| pos + e);
        let tag = &lower[pos..end];
        if let Some(label) = find(tag, b"charset").and_then(|c| label_after(&tag[c + 7..])) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(enc);
            }
        }
        from = end;
    }
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        let decl = &lower[..end];
        if let Some(label) = find(decl, b"encoding").and_then(|c| label_after(&decl[c + 8..])) {
            return Encoding::for_label(label);
        }
    }
    None
}

/// The label after `=` (skipping spaces and quotes) in `charset = "label"`.
fn label_after(rest: &[u8]) -> Option<&[u8]> {
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let start = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'"' | b'\''))?;
    let rest = &rest[start..];
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    (len > 0).then_some(&rest[..len])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Removes NUL, turns other control characters (C0 except tab/newline/carriage return, DEL,
/// C1) into spaces. Returns the text and how many characters were undecodable (U+FFFD) or
/// control characters, and the 1-based line of the first of them.
fn clean_controls(s: &str) -> (String, usize, u32) {
    let mut bad = 0;
    let mut line = 1;
    let mut first_bad_line = 1;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if bad == 0 {
            first_bad_line = line;
        }
        match c {
            '\n' => {
                line += 1;
                out.push(c);
            }
            '\t' | '\r' => out.push(c),
            '\0' => bad += 1,
            c if c.is_control() => {
                bad += 1;
                out.push(' ');
            }
            '\u{FFFD}' => {
                bad += 1;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    (out, bad, first_bad_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str, e: &'static Encoding) -> Vec<u8> {
        let (b, _, errors) = e.encode(s);
        assert!(!errors);
        b.into_owned()
    }

    #[test]
    fn utf8_with_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap(), "hi");
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'h', 0, b'i']).unwrap(), "hi");
        let d = decode_with(&[0xFE, 0xFF, 0, b'h', 0, b'i'], None).unwrap();
        assert_eq!((d.encoding, d.how), ("UTF-16BE", Detection::Bom));
    }

    #[test]
    fn smart_quotes_are_kept() {
        let s = "“Talks,” he said — it’s over.";
        assert_eq!(decode(s.as_bytes()).unwrap(), s);
    }

    #[test]
    fn latin1_is_detected() {
        let text = "Le président français a rencontré à Paris le ministre allemand. Les négociations étaient très difficiles.";
        let d = decode_with(&enc(text, encoding_rs::WINDOWS_1252), None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.how, Detection::Guessed);
        // A short Latin-1 file still decodes (it is not an error any more).
        assert_eq!(decode(b"Caf\xe9 talks\n").unwrap(), "Café talks\n");
    }

    #[test]
    fn cyrillic_is_detected() {
        let text = "Министр иностранных дел России Сергей Лавров встретился в Москве с госсекретарём США. Переговоры продолжались три часа.";
        for e in [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R] {
            let d = decode_with(&enc(text, e), None).unwrap();
            assert_eq!(d.text, text, "{}", e.name());
            // KOI8-U is KOI8-R plus Ukrainian letters: the same bytes for Russian text.
            assert_eq!(d.encoding.replace("KOI8-U", "KOI8-R"), e.name());
        }
    }

    #[test]
    fn declared_and_meta_charsets_are_honoured() {
        // Two bytes that are not UTF-8; the guess alone could go either way.
        let bytes = b"\xcf\xf0\xe8";
        let d = decode_with(bytes, Some("windows-1251")).unwrap();
        assert_eq!((d.text.as_str(), d.how), ("При", Detection::Declared));
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body>\xf0\xd2\xc9</body></html>";
        let d = decode_with(page, None).unwrap();
        assert_eq!(d.encoding, "KOI8-R");
        assert_eq!(d.how, Detection::Meta);
        assert!(d.text.contains("<body>При</body>"));
        assert_eq!(
            meta_charset(b"<meta charset='ISO-8859-1'>").map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(
            meta_charset(b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>")
                .map(|e| e.name()),
            Some("windows-1251")
        );
        // A wrong UTF-8 declaration on Latin-1 bytes is not believed.
        let d = decode_with(b"Caf\xe9 au lait, tr\xe8s bien", Some("utf-8")).unwrap();
        assert_eq!(d.text, "Café au lait, très bien");
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(decode(b"a\x00b\x07c\td\r\ne\x7f").unwrap(), "ab c\td\r\ne ");
    }

    #[test]
    fn garbage_is_not_text() {
        let bytes: Vec<u8> = (0..200u32).map(|i| (i % 32) as u8 + 1).collect();
        let e = decode(&bytes).unwrap_err();
        assert!(e.to_string().starts_with("line "), "{e}");
    }
}
