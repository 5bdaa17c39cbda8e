//! The lines of a dyad dictionary file with comments and the version line taken out
//! (the common layer of every dictionary format; see `dicts/FORMAT.md`).

/// The dictionary format version this build reads.
pub const DICT_FORMAT_VERSION: u32 = 1;

/// One meaningful line: its 1-based number, whether it was indented, and its text with the
/// comment and surrounding whitespace removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictLine<'a> {
    pub line: u32,
    pub indented: bool,
    pub text: &'a str,
}

/// Splits a dictionary file into meaningful lines. A `dyad-dict N` version line is checked:
/// a version this build does not read is returned as `Err((line, message))`.
pub fn dict_lines(text: &str) -> Result<Vec<DictLine<'_>>, (u32, String)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u32 + 1;
        let content = match raw.find('#') {
            Some(p) => &raw[..p],
            None => raw,
        };
        let trimmed = content.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("dyad-dict") {
            let v = v.trim();
            match v.parse::<u32>() {
                Ok(DICT_FORMAT_VERSION) => continue,
                _ => {
                    return Err((
                        line,
                        format!(
                            "dictionary format version {v:?} is not supported \
                             (this dyad reads version {DICT_FORMAT_VERSION})"
                        ),
                    ))
                }
            }
        }
        let indented = raw.starts_with([' ', '\t']);
        out.push(DictLine {
            line,
            indented,
            text: trimmed,
        });
    }
    Ok(out)
}

/// One line of a PETRARCH/TABARI dictionary with its comments removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrarchLine {
    /// 1-based line number.
    pub no: u32,
    /// The line was empty or white space before comments were removed.
    pub blank: bool,
    /// The text without comments, trimmed.
    pub text: String,
}

/// Splits PETRARCH/TABARI dictionary text into lines without `<!-- -->` (which may span
/// lines), `#` and `;` comments. Used by the importers of both actor and verb dictionaries.
pub fn petrarch_lines(text: &str) -> Vec<PetrarchLine> {
    let mut out = Vec::new();
    let mut in_xml = false;
    for (i, raw) in text.lines().enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let mut kept = String::new();
        let mut rest = raw;
        loop {
            if in_xml {
                match rest.find("-->") {
                    Some(p) => {
                        rest = &rest[p + 3..];
                        in_xml = false;
                    }
                    None => break,
                }
            }
            let hash = rest.find(['#', ';']).unwrap_or(rest.len());
            match rest.find("<!") {
                Some(p) if p < hash => {
                    kept.push_str(&rest[..p]);
                    rest = &rest[p + 2..];
                    in_xml = true;
                }
                _ => {
                    kept.push_str(&rest[..hash]);
                    break;
                }
            }
        }
        out.push(PetrarchLine {
            no,
            blank: raw.trim().is_empty(),
            text: kept.trim().to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_comments_and_keeps_line_numbers() {
        let text = "dyad-dict 1\n# header\nRUS Russia  # comment\n\n  name: Russia\n";
        let lines = dict_lines(text).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].line, 3);
        assert_eq!(lines[0].text, "RUS Russia");
        assert!(!lines[0].indented);
        assert_eq!(lines[1].line, 5);
        assert!(lines[1].indented);
    }

    #[test]
    fn petrarch_comments() {
        let l = petrarch_lines("A_ [X] # c\n<!-- one\ntwo --> B_ ; c\n\n");
        assert_eq!(l[0].text, "A_ [X]");
        assert_eq!(l[1].text, "");
        assert_eq!(l[2].text, "B_");
        assert!(l[3].blank && !l[2].blank);
    }

    #[test]
    fn rejects_unknown_version() {
        let err = dict_lines("dyad-dict 7\nRUS Russia\n").unwrap_err();
        assert_eq!(err.0, 1);
        assert!(err.1.contains("version"));
    }
}
