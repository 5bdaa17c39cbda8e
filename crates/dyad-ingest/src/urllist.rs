//! A file that lists URLs, one a line (blank lines and `#` comments allowed): each URL is
//! fetched and read, as if it had been named on the command line. A line that is not a URL is
//! reported as `file:LINE` and the next is read.

use crate::bounded::{read_line, Line};
use crate::error::IngestError;
use crate::stream::{Ctx, Items};
use dyad_core::SourceHints;
use std::io::BufRead;
use std::rc::Rc;

/// URL lines longer than this are not URLs.
const MAX_URL: usize = 64 * 1024;

pub struct UrlList {
    path: String,
    reader: Box<dyn BufRead>,
    ctx: Rc<Ctx>,
    hints: SourceHints,
    depth: u8,
    line: u64,
    current: Option<Items>,
    done: bool,
}

impl UrlList {
    pub fn new(
        path: String,
        reader: Box<dyn BufRead>,
        ctx: Rc<Ctx>,
        hints: SourceHints,
        depth: u8,
    ) -> Self {
        UrlList {
            path,
            reader,
            ctx,
            hints,
            depth,
            line: 0,
            current: None,
            done: false,
        }
    }
}

impl Iterator for UrlList {
    type Item = Result<dyad_core::RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        crate::stream::drain_then_open(&mut self.current, || loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let cut = match read_line(&mut *self.reader, &mut buf, MAX_URL) {
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::Line { cut, .. }) => cut,
                Err(source) => {
                    self.done = true;
                    return Some(Err(IngestError::Broken {
                        path: self.path.clone(),
                        at: format!("line {}", self.line),
                        records: 0,
                        gzip: false,
                        source,
                    }));
                }
            };
            let text = String::from_utf8_lossy(&buf);
            let url = text.trim();
            if url.is_empty() || url.starts_with('#') {
                continue;
            }
            if cut
                || !(url.starts_with("http://") || url.starts_with("https://"))
                || url.contains(char::is_whitespace)
            {
                return Some(Err(IngestError::Record {
                    path: self.path.clone(),
                    line: self.line,
                    message: "not an http(s):// URL".to_string(),
                }));
            }
            let mut hints = self.hints.clone();
            hints.url = None;
            return Some(self.ctx.fetch_items(url, hints, self.depth + 1));
        })
    }
}
