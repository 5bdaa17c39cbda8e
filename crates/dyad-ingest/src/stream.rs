//! The streaming reader: command-line inputs (files, directories, `-`, URLs) → one iterator of
//! `RawArticle`s, many per input for containers. Each input is opened only when the previous
//! one is exhausted, and containers are read record by record, so memory stays bounded by the
//! size limit whatever the inputs hold. Every failure is one `Err` item naming the file (and
//! line or record), and the iteration goes on with the next record or input.

use crate::bounded::read_all;
use crate::error::IngestError;
use crate::feed::{self, FeedItems};
use crate::fields::FieldMap;
use crate::http::{Client, HttpOptions};
use crate::json::JsonDoc;
use crate::jsonl::JsonLines;
use crate::sniff::{self, Kind, SNIFF_BYTES};
use crate::urllist::UrlList;
use crate::warc::Warc;
use dyad_core::{Origin, RawArticle, SourceHints};
use std::cell::OnceCell;
use std::collections::VecDeque;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Inputs larger than this are refused (they are not news articles); also the limit for one
/// record of a container and for an HTTP body.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// File extensions taken when walking a directory (also under `.gz`). Files named on the
/// command line are always read, whatever their name.
const DIR_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "json", "jsonl", "ndjson", "warc", "rss", "atom", "urls",
];

/// A stream of articles (or errors) from one input.
pub type Items = Box<dyn Iterator<Item = Result<RawArticle, IngestError>>>;

/// The next item of a stream of streams (inputs, feed items, listed URLs): what is left of
/// `current`, then the streams `open` gives one at a time. `open` returns `None` when there
/// are no more, and an error to report as the next item.
pub(crate) fn drain_then_open(
    current: &mut Option<Items>,
    mut open: impl FnMut() -> Option<Result<Items, IngestError>>,
) -> Option<Result<RawArticle, IngestError>> {
    loop {
        if let Some(x) = current.as_mut().and_then(Iterator::next) {
            return Some(x);
        }
        *current = None;
        match open()? {
            Ok(items) => *current = Some(items),
            Err(e) => return Some(Err(e)),
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Hints from the command line, given to every article.
    pub hints: SourceHints,
    /// Limit for one article, one record, one line and one HTTP body.
    pub max_bytes: u64,
    pub fields: FieldMap,
    pub http: HttpOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            hints: SourceHints::default(),
            max_bytes: DEFAULT_MAX_BYTES,
            fields: FieldMap::default(),
            http: HttpOptions::default(),
        }
    }
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// An `http://` or `https://` URL.
    Url(String),
    /// A path that does not exist (reported when read, in order).
    Missing(String),
}

/// Expands command-line paths into inputs: directories become the files under them with a
/// known extension, sorted by path; `-` is standard input; `http(s)://…` is a URL.
pub fn expand(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        if p.starts_with("http://") || p.starts_with("https://") {
            out.push(Input::Url(p.clone()));
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut files = Vec::new();
            walk_dir(path, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Input::File));
        } else if path.exists() {
            out.push(Input::File(path.to_path_buf()));
        } else {
            out.push(Input::Missing(p.clone()));
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_ascii_lowercase();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk_dir(&p, out);
            continue;
        }
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| DIR_EXTENSIONS.contains(&ext))
        {
            out.push(p);
        }
    }
}

/// An opened input that a container reader (JSON, JSON Lines, WARC) reads record by record:
/// its name in messages, its bytes, the run's options and the hints for its articles.
pub struct Stream {
    pub path: String,
    pub reader: Box<dyn std::io::BufRead>,
    pub ctx: Rc<Ctx>,
    pub hints: SourceHints,
    /// Inside a gzip stream.
    pub gzip: bool,
}

impl Stream {
    /// The input broke at `at` (a read error) after `records` articles.
    pub fn broken(&self, at: String, records: u64, source: std::io::Error) -> IngestError {
        IngestError::Broken {
            path: self.path.clone(),
            at,
            records,
            gzip: self.gzip,
            source,
        }
    }
}

/// Shared state of one run: the options and the HTTP client (built on first use).
pub struct Ctx {
    pub opts: Options,
    client: OnceCell<Client>,
}

impl Ctx {
    fn client(&self) -> &Client {
        self.client
            .get_or_init(|| Client::new(&self.opts.http, self.opts.max_bytes))
    }

    /// Fetches a URL and opens what came back (a page, a feed, a JSON or WARC file…).
    pub fn fetch_items(
        self: &Rc<Self>,
        url: &str,
        mut hints: SourceHints,
        depth: u8,
    ) -> Result<Items, IngestError> {
        let f = self.client().get(url)?;
        hints.url = Some(f.final_url.clone());
        if let Some(cs) = f.content_type.as_deref().and_then(crate::httpmsg::charset) {
            hints.charset = Some(cs);
        }
        let size = f.body.len() as u64;
        open(
            self,
            Source {
                path: url.to_string(),
                name: url_path(url).to_string(),
                size: Some(size),
                gzip: false,
                depth,
            },
            Box::new(std::io::Cursor::new(f.body)),
            hints,
        )
    }

    fn open_input(self: &Rc<Self>, input: Input) -> Result<Items, IngestError> {
        let hints = self.opts.hints.clone();
        match input {
            Input::Missing(path) => Err(IngestError::NotFound { path }),
            Input::Url(url) => self.fetch_items(&url, hints, 0),
            Input::Stdin => open(
                self,
                Source {
                    path: "-".into(),
                    name: "-".into(),
                    size: None,
                    gzip: false,
                    depth: 0,
                },
                Box::new(std::io::stdin()),
                hints,
            ),
            Input::File(p) => {
                let path = p.display().to_string();
                let file = std::fs::File::open(&p).map_err(|e| IngestError::io(&path, e))?;
                let size = file.metadata().ok().map(|m| m.len());
                open(
                    self,
                    Source {
                        name: path.clone(),
                        path,
                        size,
                        gzip: false,
                        depth: 0,
                    },
                    Box::new(file),
                    hints,
                )
            }
        }
    }
}

/// The path part of a URL (for its extension).
fn url_path(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

/// Where the bytes being opened come from.
struct Source {
    /// Shown in messages and used as the article's origin.
    path: String,
    /// Used for the extension (without the `.gz` already undone).
    name: String,
    /// The size on disk or of the HTTP body, when known.
    size: Option<u64>,
    /// Inside a gzip stream.
    gzip: bool,
    /// 0 for command-line inputs, 1 for a feed item or listed URL, 2 below that.
    depth: u8,
}

/// Sniffs what `reader` holds and returns the reader of that kind.
fn open(
    ctx: &Rc<Ctx>,
    src: Source,
    mut reader: Box<dyn Read>,
    hints: SourceHints,
) -> Result<Items, IngestError> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    // A read error inside the first bytes (a short, truncated gzip file) is kept for the
    // reader of the kind found, so that what came before it is still read.
    let mut failed = None;
    if let Err(e) = (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
    {
        if head.is_empty() {
            return Err(if src.gzip {
                IngestError::Broken {
                    path: src.path,
                    at: "the start".into(),
                    records: 0,
                    gzip: true,
                    source: e,
                }
            } else {
                IngestError::io(&src.path, e)
            });
        }
        failed = Some(e);
    }
    let whole = head.len() < SNIFF_BYTES && failed.is_none();
    if let Some(e) = failed {
        reader = Box::new(Failing {
            kind: e.kind(),
            message: e.to_string(),
        });
    }
    let mut kind = sniff::kind(&src.name, &head, whole);
    if src.depth > 0 && kind == Kind::UrlList {
        kind = Kind::Text;
    }
    let reader: Box<dyn Read> = Box::new(std::io::Cursor::new(head).chain(reader));
    let buffered = |r: Box<dyn Read>| Box::new(BufReader::with_capacity(256 * 1024, r));
    let ctx2 = Rc::clone(ctx);
    Ok(match kind {
        Kind::Gzip => {
            let name = src
                .name
                .strip_suffix(".gz")
                .unwrap_or(&src.name)
                .to_string();
            let name = name.strip_suffix(".GZ").unwrap_or(&name).to_string();
            let inner = flate2::read::MultiGzDecoder::new(BufReader::new(reader));
            return open(
                ctx,
                Source {
                    name,
                    size: None,
                    gzip: true,
                    ..src
                },
                Box::new(inner),
                hints,
            );
        }
        Kind::Warc | Kind::JsonLines | Kind::JsonDoc => {
            let stream = Stream {
                path: src.path,
                reader: buffered(reader),
                ctx: ctx2,
                hints,
                gzip: src.gzip,
            };
            match kind {
                Kind::Warc => Box::new(Warc::new(stream)),
                Kind::JsonLines => Box::new(JsonLines::new(stream)),
                _ => Box::new(JsonDoc::new(stream)),
            }
        }
        Kind::UrlList => Box::new(UrlList::new(
            src.path,
            buffered(reader),
            ctx2,
            hints,
            src.depth,
        )),
        Kind::Feed => {
            if src.depth >= 2 {
                return Err(IngestError::Feed {
                    path: src.path,
                    message: "a feed reached through a feed or URL list is not followed".into(),
                });
            }
            let bytes = whole_input(reader, &src, ctx.opts.max_bytes)?;
            let items = feed::parse(&bytes).map_err(|message| IngestError::Feed {
                path: src.path.clone(),
                message,
            })?;
            let base = if src.path.starts_with("http") {
                src.path.clone()
            } else {
                String::new()
            };
            Box::new(FeedItems::new(
                src.path, base, items, ctx2, hints, src.depth,
            ))
        }
        Kind::Html | Kind::Text => {
            let bytes = whole_input(reader, &src, ctx.opts.max_bytes)?;
            Box::new(std::iter::once(single(src.path, &src.name, bytes, hints)))
        }
    })
}

/// A reader that fails with a stored error (one met while sniffing).
struct Failing {
    kind: std::io::ErrorKind,
    message: String,
}

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(self.kind, self.message.clone()))
    }
}

/// Reads a whole input up to the size limit.
fn whole_input(
    mut reader: Box<dyn Read>,
    src: &Source,
    limit: u64,
) -> Result<Vec<u8>, IngestError> {
    if let Some(size) = src.size.filter(|s| *s > limit && !src.gzip) {
        return Err(IngestError::TooLarge {
            path: src.path.clone(),
            size,
            limit,
        });
    }
    let (bytes, over) = read_all(&mut reader, limit).map_err(|e| {
        if src.gzip {
            IngestError::Broken {
                path: src.path.clone(),
                at: "the first document".into(),
                records: 0,
                gzip: true,
                source: e,
            }
        } else {
            IngestError::io(&src.path, e)
        }
    })?;
    if over {
        return Err(IngestError::TooLarge {
            path: src.path.clone(),
            size: limit + 1,
            limit,
        });
    }
    Ok(bytes)
}

/// One text or HTML article: refused when empty or binary.
fn single(
    path: String,
    name: &str,
    bytes: Vec<u8>,
    hints: SourceHints,
) -> Result<RawArticle, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { path });
    }
    if let Some(offset) = find_nul(&bytes) {
        let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() as u32 + 1;
        return Err(IngestError::Binary { path, offset, line });
    }
    let format = sniff::format(name, &bytes);
    Ok(RawArticle {
        origin: Origin::file(path),
        format,
        bytes,
        hints,
    })
}

/// The first NUL byte, ignoring UTF-16 text (which has a byte-order mark).
fn find_nul(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    bytes.iter().position(|b| *b == 0)
}

/// Every article of every input, in order: see [`articles`].
pub struct Articles {
    inputs: VecDeque<Input>,
    current: Option<Items>,
    ctx: Rc<Ctx>,
}

/// Reads `paths` (files, directories, `-`, URLs) as one stream of articles and errors.
pub fn articles(paths: &[String], opts: Options) -> Articles {
    Articles::new(expand(paths), opts)
}

impl Articles {
    pub fn new(inputs: Vec<Input>, opts: Options) -> Articles {
        Articles {
            inputs: inputs.into(),
            current: None,
            ctx: Rc::new(Ctx {
                opts,
                client: OnceCell::new(),
            }),
        }
    }
}

impl Iterator for Articles {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        drain_then_open(&mut self.current, || {
            let input = self.inputs.pop_front()?;
            Some(self.ctx.open_input(input))
        })
    }
}
