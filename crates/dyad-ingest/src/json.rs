//! JSON documents: an array of article objects, or one object. The array is cut into its
//! elements by a small scanner (strings and nesting tracked), so a large array is read one
//! element at a time; each element is parsed on its own, and a bad one is reported as
//! `file:LINE: record N: message` (the line where the element starts) while the rest are read.

use crate::error::IngestError;
use crate::record::to_raw;
use crate::stream::Stream;
use dyad_core::{Origin, RawArticle};
use std::io::BufRead;

pub struct JsonDoc {
    s: Stream,
    /// Inside the top-level array (false for a single object).
    array: Option<bool>,
    line: u64,
    records: u64,
    done: bool,
}

/// One element cut from the document.
enum Element {
    /// The element's bytes and the line it starts on; `cut` when it passed the size limit.
    Value {
        bytes: Vec<u8>,
        line: u64,
        cut: bool,
    },
    End,
}

impl JsonDoc {
    pub fn new(s: Stream) -> Self {
        JsonDoc {
            s,
            array: None,
            line: 1,
            records: 0,
            done: false,
        }
    }

    fn byte(&mut self) -> std::io::Result<Option<u8>> {
        let b = loop {
            match self.s.reader.fill_buf() {
                Ok(buf) => break buf.first().copied(),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        if let Some(b) = b {
            self.s.reader.consume(1);
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(b)
    }

    /// The next non-space byte.
    fn skip_space(&mut self) -> std::io::Result<Option<u8>> {
        loop {
            match self.byte()? {
                Some(b) if b.is_ascii_whitespace() => continue,
                Some(0xEF) if self.records == 0 && self.array.is_none() => {
                    // A UTF-8 byte-order mark before the document.
                    self.byte()?;
                    self.byte()?;
                }
                other => return Ok(other),
            }
        }
    }

    /// Reads one element starting with `first`, up to the `,` or `]` after it (consumed).
    fn element(&mut self, first: u8, limit: usize) -> Result<Element, String> {
        let line = self.line;
        let mut bytes = vec![first];
        let mut cut = false;
        let mut depth: i32 = i32::from(matches!(first, b'{' | b'['));
        let mut in_string = first == b'"';
        let mut escape = false;
        loop {
            let Some(b) = self.byte().map_err(|e| e.to_string())? else {
                return if depth == 0 && !in_string && self.array == Some(false) {
                    Ok(Element::Value { bytes, line, cut })
                } else {
                    Err("unexpected end of the JSON document".to_string())
                };
            };
            if in_string {
                if escape {
                    escape = false;
                } else if b == b'\\' {
                    escape = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b']' if depth == 0 && self.array == Some(true) => {
                        if b == b']' {
                            self.done = true;
                        }
                        return Ok(Element::Value { bytes, line, cut });
                    }
                    _ => {}
                }
            }
            if bytes.len() < limit {
                bytes.push(b);
            } else {
                cut = true;
            }
            if depth == 0 && !in_string && self.array == Some(false) && matches!(b, b'}') {
                return Ok(Element::Value { bytes, line, cut });
            }
        }
    }

    fn next_element(&mut self, limit: usize) -> Result<Element, String> {
        let first = self.skip_space().map_err(|e| e.to_string())?;
        match (self.array, first) {
            (None, Some(b'[')) => {
                self.array = Some(true);
                match self.skip_space().map_err(|e| e.to_string())? {
                    Some(b']') => Ok(Element::End),
                    Some(b) => self.element(b, limit),
                    None => Err("unexpected end of the JSON document".to_string()),
                }
            }
            (None, Some(b)) => {
                self.array = Some(false);
                self.element(b, limit)
            }
            (None, None) => Ok(Element::End),
            (Some(true), Some(b)) => self.element(b, limit),
            (Some(true), None) => Err("unexpected end of the JSON array (no closing `]`)".into()),
            (Some(false), _) => Ok(Element::End),
        }
    }
}

impl Iterator for JsonDoc {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let limit = usize::try_from(self.s.ctx.opts.max_bytes).unwrap_or(usize::MAX);
        match self.next_element(limit) {
            Ok(Element::End) => {
                self.done = true;
                None
            }
            Ok(Element::Value { bytes, line, cut }) => {
                if self.array == Some(false) {
                    self.done = true;
                }
                self.records += 1;
                let n = self.records;
                let err = |message: String| IngestError::Record {
                    path: self.s.path.clone(),
                    line,
                    message: format!("record {n}: {message}"),
                };
                if cut {
                    return Some(Err(err(format!(
                        "record too large (more than {limit} bytes; the limit is set with --max-bytes)"
                    ))));
                }
                let value: serde_json::Value = match serde_json::from_slice(&bytes) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(err(format!("invalid JSON: {e}")))),
                };
                let origin = Origin {
                    path: self.s.path.clone(),
                    record: Some(n),
                };
                Some(to_raw(&value, &self.s.ctx.opts.fields, origin, &self.s.hints).map_err(err))
            }
            Err(message) => {
                self.done = true;
                Some(Err(if self.s.gzip {
                    let at = format!("line {}", self.line);
                    self.s
                        .broken(at, self.records, std::io::Error::other(message))
                } else {
                    IngestError::Record {
                        path: self.s.path.clone(),
                        line: self.line,
                        message,
                    }
                }))
            }
        }
    }
}
