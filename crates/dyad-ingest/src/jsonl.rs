//! JSON Lines: one JSON object per line, read line by line so that a file of any size is read
//! in bounded memory (one line at a time, each at most `--max-bytes`). A bad line is reported as
//! `file:LINE: message` and the next line is read.

use crate::bounded::{read_line, Line};
use crate::error::IngestError;
use crate::record::to_raw;
use crate::stream::Stream;
use dyad_core::{Origin, RawArticle};

pub struct JsonLines {
    s: Stream,
    line: u64,
    records: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    pub fn new(s: Stream) -> Self {
        JsonLines {
            s,
            line: 0,
            records: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for JsonLines {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let limit = usize::try_from(self.s.ctx.opts.max_bytes).unwrap_or(usize::MAX);
        while !self.done {
            let line = match read_line(&mut *self.s.reader, &mut self.buf, limit) {
                Ok(l) => l,
                Err(source) => {
                    self.done = true;
                    let at = format!("line {}", self.line + 1);
                    return Some(Err(self.s.broken(at, self.records, source)));
                }
            };
            self.line += 1;
            let cut = match line {
                Line::Eof => {
                    self.done = true;
                    return None;
                }
                Line::Line { cut, .. } => cut,
            };
            let mut text: &[u8] = &self.buf;
            if self.line == 1 {
                text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
            }
            if text.trim_ascii().is_empty() {
                continue;
            }
            let err = |message: String| IngestError::Record {
                path: self.s.path.clone(),
                line: self.line,
                message,
            };
            if cut {
                return Some(Err(err(format!(
                    "line too long (more than {limit} bytes; the limit is set with --max-bytes)"
                ))));
            }
            let value: serde_json::Value = match serde_json::from_slice(text) {
                Ok(v) => v,
                Err(e) => return Some(Err(err(format!("invalid JSON: {e}")))),
            };
            let origin = Origin {
                path: self.s.path.clone(),
                record: Some(self.line),
            };
            self.records += 1;
            return Some(
                to_raw(&value, &self.s.ctx.opts.fields, origin, &self.s.hints).map_err(err),
            );
        }
        None
    }
}
