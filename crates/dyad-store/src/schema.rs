//! The database schema and its migrations. The schema version lives in `PRAGMA user_version`;
//! [`MIGRATIONS`] lists the SQL that takes a database from version `n` to `n + 1`, applied in
//! order, each in its own transaction together with the version bump. A database whose version
//! is higher than this code knows is refused (with advice), never written to. The file is
//! marked with `PRAGMA application_id` so another program's SQLite file is not mistaken for
//! an empty store.

use crate::error::{Result, StoreError};
use rusqlite::Connection;

/// `PRAGMA application_id` of a dyad store ("dyad" in ASCII).
pub const APPLICATION_ID: i64 = 0x6479_6164;

/// One schema step: the SQL that takes the database from `version - 1` to `version`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub sql: &'static str,
}

/// Every migration, in order. Never edit a released step: add a new one.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    sql: V1,
}];

/// The schema version this code writes: the version of the last migration.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const V1: &str = r#"
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT CHECK (published IS NULL
                            OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    text_hash   TEXT NOT NULL UNIQUE,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE dedup_events (
    id                 INTEGER PRIMARY KEY,
    date               TEXT CHECK (date IS NULL
                                   OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    source             TEXT NOT NULL,
    target             TEXT,
    code               TEXT NOT NULL,
    root_code          TEXT NOT NULL,
    quad_class         INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
    goldstein          REAL NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
    first_seen_article INTEGER NOT NULL REFERENCES articles(id),
    mentions           INTEGER NOT NULL DEFAULT 0 CHECK (mentions >= 0),
    articles           INTEGER NOT NULL DEFAULT 0 CHECK (articles >= 0)
);
CREATE INDEX dedup_events_key ON dedup_events(source, target, code, date);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id),
    event_id         INTEGER NOT NULL REFERENCES dedup_events(id),
    schema_version   INTEGER NOT NULL,
    date             TEXT CHECK (date IS NULL
                                 OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    date_precision   TEXT,
    source           TEXT NOT NULL,
    source_text      TEXT NOT NULL,
    target           TEXT,
    target_text      TEXT,
    code             TEXT NOT NULL,
    root_code        TEXT NOT NULL,
    event_name       TEXT NOT NULL,
    quad_class       INTEGER NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
    goldstein        REAL NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
    plover           TEXT,
    sentence         TEXT NOT NULL,
    sentence_index   INTEGER NOT NULL CHECK (sentence_index >= 0),
    span_start       INTEGER NOT NULL CHECK (span_start >= 0),
    span_end         INTEGER NOT NULL CHECK (span_end >= span_start),
    verb_text        TEXT NOT NULL,
    modality         TEXT NOT NULL
                     CHECK (modality IN ('asserted', 'negated', 'hypothetical', 'future')),
    attribution_code TEXT,
    attribution_text TEXT,
    rule             TEXT NOT NULL,
    source_rules     TEXT NOT NULL DEFAULT '[]',
    target_rules     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_pair_date ON events(source, target, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_dedup ON events(event_id);
"#;

/// Reads `PRAGMA user_version`.
pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Sets the connection options every store uses: WAL journal (files only; an in-memory
/// database keeps its `memory` journal), foreign keys on, and a busy timeout so that a second
/// process waits for a writer instead of failing at once.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // journal_mode answers with the mode now in force; in-memory databases answer "memory".
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    // With WAL, NORMAL keeps every committed transaction through a crash of the program (a
    // kill -9 included); only a power failure may lose the last commits. FULL would fsync on
    // every article and make ingest several times slower.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Brings the database at `path` (for messages) up to the last of `migrations`.
pub fn migrate(conn: &mut Connection, path: &str, migrations: &[Migration]) -> Result<()> {
    let supported = migrations.last().map_or(0, |m| m.version);
    let found = user_version(conn).map_err(|source| StoreError::Open {
        path: path.to_string(),
        source,
    })?;
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|source| StoreError::Open {
            path: path.to_string(),
            source,
        })?;
    let has_tables: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%')",
            [],
            |r| r.get(0),
        )
        .map_err(|source| StoreError::Open {
            path: path.to_string(),
            source,
        })?;
    if app_id != APPLICATION_ID && (app_id != 0 || found != 0 || has_tables) {
        return Err(StoreError::NotAStore {
            path: path.to_string(),
            found: app_id,
        });
    }
    if found > supported {
        return Err(StoreError::NewerSchema {
            path: path.to_string(),
            found,
            supported,
        });
    }
    for m in migrations.iter().filter(|m| m.version > found) {
        let fail = |source| StoreError::Migration {
            path: path.to_string(),
            version: m.version,
            source,
        };
        let tx = conn.transaction().map_err(fail)?;
        tx.execute_batch(m.sql).map_err(fail)?;
        tx.pragma_update(None, "user_version", m.version)
            .map_err(fail)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_names(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap();
        let rows = st.query_map([], |r| r.get(0)).unwrap();
        rows.map(|r| r.unwrap()).collect()
    }

    #[test]
    fn migrations_are_numbered_in_order() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
        }
        assert_eq!(SCHEMA_VERSION, MIGRATIONS.len() as i64);
    }

    #[test]
    fn pending_steps_run_once_in_order() {
        let steps = [
            Migration {
                version: 1,
                sql: "CREATE TABLE a (x INTEGER);",
            },
            Migration {
                version: 2,
                sql: "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1);",
            },
        ];
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, ":memory:", &steps[..1]).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(table_names(&conn), ["a"]);
        // Step 1 is not re-run (it would fail: table a exists); step 2 runs.
        migrate(&mut conn, ":memory:", &steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        assert_eq!(table_names(&conn), ["a", "b"]);
        // Up to date: nothing runs (step 2 would insert a second row).
        migrate(&mut conn, ":memory:", &steps).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM a", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn failed_step_leaves_previous_version() {
        let steps = [
            Migration {
                version: 1,
                sql: "CREATE TABLE a (x INTEGER);",
            },
            Migration {
                version: 2,
                sql: "CREATE TABLE b (y INTEGER); THIS IS NOT SQL;",
            },
        ];
        let mut conn = Connection::open_in_memory().unwrap();
        let err = migrate(&mut conn, "t.db", &steps).unwrap_err();
        assert!(
            matches!(err, StoreError::Migration { version: 2, .. }),
            "{err}"
        );
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(table_names(&conn), ["a"]);
    }

    #[test]
    fn foreign_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE notes (t TEXT);").unwrap();
        let err = migrate(&mut conn, "notes.db", MIGRATIONS).unwrap_err();
        assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    }
}
