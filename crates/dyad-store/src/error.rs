//! The errors of the store: opening, schema versions, SQLite failures and stored values that
//! cannot be read back.

use thiserror::Error;

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("{path}: cannot open the event store: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer dyad.
    #[error(
        "{path}: the event store has schema version {found}, but this dyad knows versions up to \
         {supported}; upgrade dyad to use this database, or point it at another file"
    )]
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    /// The file is an SQLite database that some other program made.
    #[error(
        "{path}: not a dyad event store (SQLite application_id {found:#x}); point dyad at a new \
         or a dyad-made database file"
    )]
    NotAStore { path: String, found: i64 },
    /// A migration step failed.
    #[error("{path}: migrating the event store to schema version {version} failed: {source}")]
    Migration {
        path: String,
        version: i64,
        #[source]
        source: rusqlite::Error,
    },
    /// Storing one event of an article failed; the whole article was rolled back.
    #[error("article {article}: event {index} could not be stored (nothing of the article was kept): {source}")]
    InsertEvent {
        article: String,
        index: usize,
        #[source]
        source: rusqlite::Error,
    },
    /// A value does not fit the column (e.g. an offset beyond i64).
    #[error("{field}: value {value} is out of range for the store")]
    OutOfRange { field: &'static str, value: String },
    /// A stored value could not be read back as the type it should have.
    #[error("stored row {id}: bad {field} value {value:?}")]
    Corrupt {
        id: i64,
        field: &'static str,
        value: String,
    },
    /// Any other SQLite failure.
    #[error("event store: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
