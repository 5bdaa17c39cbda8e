//! Why an input, or one record inside it, could not be read. Every message starts with the
//! file (or URL) and, where there is one, the line, record or byte offset, so the user can go
//! straight to the problem; the rest of the batch goes on.

/// Why one input, or one record of it, could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error(
        "{path}: binary file (NUL byte at offset {offset}, line {line}); dyad reads text and HTML"
    )]
    Binary {
        path: String,
        offset: usize,
        line: u32,
    },
    /// `size` is the exact size when known (a file on disk), else the limit plus one (a stream).
    #[error("{path}: file too large ({}; the limit is {limit} bytes, see --max-bytes)", size_text(*size, *limit))]
    TooLarge { path: String, size: u64, limit: u64 },
    /// One bad line of a JSON Lines file or URL list, or one bad element of a JSON array.
    #[error("{path}:{line}: {message}")]
    Record {
        path: String,
        line: u64,
        message: String,
    },
    /// One bad record of a WARC file (numbered from 1; the offset is in the uncompressed
    /// stream).
    #[error("{path}: WARC record {record} (byte offset {offset}): {message}")]
    Warc {
        path: String,
        record: u64,
        offset: u64,
        message: String,
    },
    /// A container stopped being readable part-way (truncated or corrupt gzip, a read error);
    /// the records before `at` were read.
    #[error("{path}: {}reading stopped at {at}: {source} ({records} record(s) before it were read)", if *gzip { "truncated or corrupt gzip data; " } else { "" })]
    Broken {
        path: String,
        at: String,
        records: u64,
        gzip: bool,
        #[source]
        source: std::io::Error,
    },
    /// An HTTP fetch failed: status, timeout, size, DNS, TLS, too many redirects.
    #[error("{url}: {message}")]
    Http { url: String, message: String },
    #[error("{path}: not a readable RSS/Atom feed: {message}")]
    Feed { path: String, message: String },
}

fn size_text(size: u64, limit: u64) -> String {
    if size > limit + 1 || size <= limit {
        format!("{size} bytes")
    } else {
        format!("more than {limit} bytes")
    }
}

impl IngestError {
    /// The file or URL the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::NotFound { path }
            | IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::Record { path, .. }
            | IngestError::Warc { path, .. }
            | IngestError::Broken { path, .. }
            | IngestError::Feed { path, .. } => path,
            IngestError::Http { url, .. } => url,
        }
    }

    /// The 1-based line of the problem, when there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            IngestError::Binary { line, .. } => Some(u64::from(*line)),
            IngestError::Record { line, .. } => Some(*line),
            _ => None,
        }
    }

    pub(crate) fn io(path: &str, source: std::io::Error) -> IngestError {
        IngestError::Io {
            path: path.to_string(),
            source,
        }
    }
}
