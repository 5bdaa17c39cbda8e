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
    /// Where each byte of `text` came from in the input bytes.
    pub offsets: Offsets,
}

/// Maps byte offsets in decoded text back to byte offsets in the input: a list of checkpoints
/// (decoded offset, input offset), one wherever the two stop advancing together (a byte-order
/// mark, a removed NUL, a Cyrillic letter that is one byte in Windows-1251 and two in UTF-8).
/// Valid UTF-8 without a BOM has no checkpoints: the offsets are the same.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offsets {
    points: Vec<(usize, usize)>,
}

impl Offsets {
    /// The input byte offset of decoded byte offset `at` (a char boundary).
    pub fn raw(&self, at: usize) -> usize {
        match self.points.partition_point(|p| p.0 <= at) {
            0 => at,
            i => {
                let (out, raw) = self.points[i - 1];
                raw + (at - out)
            }
        }
    }

    /// True when decoded offsets are input offsets.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }

    fn push(&mut self, out: usize, raw: usize) {
        let delta = |p: &(usize, usize)| p.1 as isize - p.0 as isize;
        let now = raw as isize - out as isize;
        let last = self.points.last().map_or(0, delta);
        if now != last {
            match self.points.last_mut() {
                Some(p) if p.0 == out => *p = (out, raw),
                _ => self.points.push((out, raw)),
            }
        }
    }
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
    let skipped = bytes.len() - body.len();
    let (text, bad, line, offsets) = clean_controls(&text, encoding, skipped);
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
        offsets,
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
/// How many input bytes `c` took in `encoding`.
fn input_len(c: char, encoding: &'static Encoding) -> usize {
    if encoding == encoding_rs::UTF_8 {
        c.len_utf8()
    } else if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        c.len_utf16() * 2
    } else if encoding.is_single_byte() {
        1
    } else {
        let mut buf = [0u8; 4];
        encoding.encode(c.encode_utf8(&mut buf)).0.len()
    }
}

/// Removes NULs and blanks other control characters, counting them, and records where each
/// output byte came from (`skipped`: the byte-order mark before `s`).
fn clean_controls(
    s: &str,
    encoding: &'static Encoding,
    skipped: usize,
) -> (String, usize, u32, Offsets) {
    let mut bad = 0;
    let mut line = 1;
    let mut first_bad_line = 1;
    let mut out = String::with_capacity(s.len());
    let mut offsets = Offsets::default();
    let mut raw = skipped;
    let same = encoding == encoding_rs::UTF_8;
    for c in s.chars() {
        offsets.push(out.len(), raw);
        raw += if same {
            c.len_utf8()
        } else {
            input_len(c, encoding)
        };
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
    offsets.push(out.len(), raw);
    (out, bad, first_bad_line, offsets)
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
