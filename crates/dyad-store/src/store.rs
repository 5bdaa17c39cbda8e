//! Opening a store and writing articles into it, with cross-article deduplication of events.
//!
//! # Writing
//!
//! [`Store::insert_article`] stores one article and all its events in ONE transaction: the
//! article is kept whole or not at all. An article whose URL (when it has one) or whose text
//! hash is already stored is not stored again; the call answers
//! [`InsertOutcome::Duplicate`] with the stored article's id.
//!
//! Article-level fields of the stored events (article name, outlet, URL, article date) come
//! from the [`ArticleInfo`], not from each [`Event`], so they cannot disagree within an article.
//!
//! # Deduplication rule
//!
//! Every event row (one mention of an event in one article) belongs to exactly one
//! `dedup_events` row (one real-world event). A new event row joins an existing dedup row when
//!
//! * `source`, `target` and `code` are equal (a missing target equals a missing target), and
//! * both the event and the dedup row have a date, and the dates are at most one day apart
//!   (the dedup row's date is that of its first mention; rows do not drift by chaining).
//!
//! Among several candidates the one with the nearest date wins, then the oldest. Otherwise
//! the event opens a new dedup row, which copies its date, actors, codes, quad class and
//! Goldstein score and records the article as `first_seen_article`. Events without a date never
//! merge. Modality is not part of the key. After each insert, `mentions` (the number of event
//! rows) and `articles` (the number of distinct articles among them) are recounted for the
//! dedup rows touched, so several mentions in one article count as several mentions but one
//! article.

use crate::error::{Result, StoreError};
use crate::schema::{self, MIGRATIONS};
use chrono::NaiveDate;
use dyad_core::{Event, Modality};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::BTreeSet;
use std::path::Path;

/// What the store records about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleInfo {
    /// The article's name in dyad's output: its origin (path, `-`, or `path#record`).
    pub name: String,
    /// Canonical URL, when known; an empty or blank URL counts as none.
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// What [`Store::insert_article`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The article was stored with this many event rows.
    Inserted { article_id: i64, events: usize },
    /// An article with the same URL or the same text hash was already stored; nothing changed.
    Duplicate { existing_id: i64 },
}

/// One real-world event: the key and codes of its first mention and how often it was seen.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupEvent {
    pub id: i64,
    pub date: Option<NaiveDate>,
    pub source: String,
    pub target: Option<String>,
    pub code: String,
    pub root_code: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub first_seen_article: i64,
    /// Number of event rows (mentions) that belong to it.
    pub mentions: u64,
    /// Number of distinct articles among those mentions.
    pub articles: u64,
}

/// An open event store (one SQLite connection).
pub struct Store {
    pub(crate) conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    /// A database from a newer dyad, or another program's SQLite file, is an error.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let shown = path.as_ref().display().to_string();
        let conn = Connection::open(path.as_ref()).map_err(|source| StoreError::Open {
            path: shown.clone(),
            source,
        })?;
        Store::init(conn, &shown)
    }

    /// A fresh store that lives in memory (tests, one-shot runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Store::init(conn, ":memory:")
    }

    fn init(mut conn: Connection, path: &str) -> Result<Store> {
        schema::configure(&conn).map_err(|source| StoreError::Open {
            path: path.to_string(),
            source,
        })?;
        schema::migrate(&mut conn, path, MIGRATIONS)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(schema::user_version(&self.conn)?)
    }

    /// Stores an article and its events in one transaction, or reports the stored duplicate.
    /// `text_hash` identifies the cleaned text; compute it with [`crate::text_hash`].
    pub fn insert_article(
        &mut self,
        meta: &ArticleInfo,
        text_hash: &str,
        events: &[Event],
    ) -> Result<InsertOutcome> {
        let url = meta.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        // IMMEDIATE: take the write lock before the duplicate check, so two writers cannot
        // both decide an article is new.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(existing_id) = find_duplicate(&tx, url, text_hash)? {
            return Ok(InsertOutcome::Duplicate { existing_id });
        }
        tx.execute(
            "INSERT INTO articles (name, url, outlet, title, published, text_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                meta.name,
                url,
                meta.outlet,
                meta.title,
                meta.published.map(fmt_date),
                text_hash
            ],
        )?;
        let article_id = tx.last_insert_rowid();
        let mut touched = BTreeSet::new();
        for (index, ev) in events.iter().enumerate() {
            let dedup_id = insert_event(&tx, article_id, ev).map_err(|e| match e {
                StoreError::Sqlite(source) => StoreError::InsertEvent {
                    article: meta.name.clone(),
                    index,
                    source,
                },
                other => other,
            })?;
            touched.insert(dedup_id);
        }
        {
            let mut recount = tx.prepare_cached(
                "UPDATE dedup_events SET
                   mentions = (SELECT count(*) FROM events WHERE event_id = ?1),
                   articles = (SELECT count(DISTINCT article_id) FROM events WHERE event_id = ?1)
                 WHERE id = ?1",
            )?;
            for id in &touched {
                recount.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(InsertOutcome::Inserted {
            article_id,
            events: events.len(),
        })
    }

    /// Number of stored (articles, event rows, dedup events).
    pub fn counts(&self) -> Result<(u64, u64, u64)> {
        let (a, e, d): (i64, i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM articles),
                    (SELECT count(*) FROM events),
                    (SELECT count(*) FROM dedup_events)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok((count(a), count(e), count(d)))
    }

    /// The dedup event with this id, if any.
    pub fn dedup_event(&self, id: i64) -> Result<Option<DedupEvent>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, date, source, target, code, root_code, quad_class, goldstein,
                        first_seen_article, mentions, articles
                 FROM dedup_events WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, f64>(7)?,
                        r.get::<_, i64>(8)?,
                        r.get::<_, i64>(9)?,
                        r.get::<_, i64>(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, date, source, target, code, root_code, quad, gold, first, mentions, arts)) =
            row
        else {
            return Ok(None);
        };
        Ok(Some(DedupEvent {
            id,
            date: parse_opt_date(id, "date", date)?,
            source,
            target,
            code,
            root_code,
            quad_class: quad_from_sql(id, quad)?,
            goldstein: gold as f32,
            first_seen_article: first,
            mentions: count(mentions),
            articles: count(arts),
        }))
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn find_duplicate(tx: &Transaction<'_>, url: Option<&str>, hash: &str) -> Result<Option<i64>> {
    if let Some(url) = url {
        let by_url = tx
            .query_row("SELECT id FROM articles WHERE url = ?1", [url], |r| {
                r.get(0)
            })
            .optional()?;
        if by_url.is_some() {
            return Ok(by_url);
        }
    }
    Ok(tx
        .query_row(
            "SELECT id FROM articles WHERE text_hash = ?1",
            [hash],
            |r| r.get(0),
        )
        .optional()?)
}

/// Inserts one event row (and its dedup row when it opens one); returns the dedup id.
fn insert_event(tx: &Transaction<'_>, article_id: i64, ev: &Event) -> Result<i64> {
    let date = ev.date.map(fmt_date);
    let goldstein = goldstein_to_sql(ev.goldstein);
    let existing: Option<i64> = match &date {
        None => None,
        Some(d) => tx
            .prepare_cached(
                "SELECT id FROM dedup_events
                 WHERE source = ?1 AND target IS ?2 AND code = ?3 AND date IS NOT NULL
                   AND date BETWEEN date(?4, '-1 day') AND date(?4, '+1 day')
                 ORDER BY abs(julianday(date) - julianday(?4)), id
                 LIMIT 1",
            )?
            .query_row(params![ev.source, ev.target, ev.code, d], |r| r.get(0))
            .optional()?,
    };
    let dedup_id = match existing {
        Some(id) => id,
        None => {
            tx.prepare_cached(
                "INSERT INTO dedup_events (date, source, target, code, root_code, quad_class,
                                           goldstein, first_seen_article)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                date,
                ev.source,
                ev.target,
                ev.code,
                ev.root_code,
                ev.quad_class,
                goldstein,
                article_id
            ])?;
            tx.last_insert_rowid()
        }
    };
    let (attr_code, attr_text) = match &ev.attribution {
        Some(a) => (a.code.as_deref(), Some(a.text.as_str())),
        None => (None, None),
    };
    let source_rules = serde_json::to_string(&ev.source_rules).unwrap_or_else(|_| "[]".into());
    let target_rules = serde_json::to_string(&ev.target_rules).unwrap_or_else(|_| "[]".into());
    tx.prepare_cached(
        "INSERT INTO events (article_id, event_id, schema_version, date, date_precision,
             source, source_text, target, target_text, code, root_code, event_name,
             quad_class, goldstein, plover, sentence, sentence_index, span_start, span_end,
             verb_text, modality, attribution_code, attribution_text, rule,
             source_rules, target_rules)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?
    .execute(params![
        article_id,
        dedup_id,
        ev.schema_version,
        date,
        ev.date_precision,
        ev.source,
        ev.source_text,
        ev.target,
        ev.target_text,
        ev.code,
        ev.root_code,
        ev.event_name,
        ev.quad_class,
        goldstein,
        ev.plover,
        ev.sentence,
        to_i64("sentence_index", ev.sentence_index)?,
        to_i64("span.start", ev.span.start)?,
        to_i64("span.end", ev.span.end)?,
        ev.verb_text,
        modality_str(ev.modality),
        attr_code,
        attr_text,
        ev.rule,
        source_rules,
        target_rules
    ])?;
    Ok(dedup_id)
}

fn to_i64(field: &'static str, v: usize) -> Result<i64> {
    i64::try_from(v).map_err(|_| StoreError::OutOfRange {
        field,
        value: v.to_string(),
    })
}

pub(crate) fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_opt_date(
    id: i64,
    field: &'static str,
    v: Option<String>,
) -> Result<Option<NaiveDate>> {
    v.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| StoreError::Corrupt {
            id,
            field,
            value: s,
        })
    })
    .transpose()
}

/// Goldstein scores are f32 in [`Event`]; stored as the f64 nearest the f32's shortest decimal
/// form, so 3.4 is stored as 3.4 (not 3.4000000953674316) and sums read naturally.
pub(crate) fn goldstein_to_sql(g: f32) -> f64 {
    g.to_string().parse::<f64>().unwrap_or(f64::from(g))
}

pub(crate) fn quad_from_sql(id: i64, v: i64) -> Result<u8> {
    u8::try_from(v).map_err(|_| StoreError::Corrupt {
        id,
        field: "quad_class",
        value: v.to_string(),
    })
}

pub(crate) fn modality_str(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Negated => "negated",
        Modality::Hypothetical => "hypothetical",
        Modality::Future => "future",
    }
}

pub(crate) fn modality_from_str(id: i64, s: String) -> Result<Modality> {
    Ok(match s.as_str() {
        "asserted" => Modality::Asserted,
        "negated" => Modality::Negated,
        "hypothetical" => Modality::Hypothetical,
        "future" => Modality::Future,
        _ => {
            return Err(StoreError::Corrupt {
                id,
                field: "modality",
                value: s,
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_enforces_foreign_keys() {
        let store = Store::open_in_memory().unwrap();
        let on: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
        let err = store
            .conn
            .execute(
                "INSERT INTO dedup_events (source, code, root_code, quad_class, goldstein,
                                           first_seen_article)
                 VALUES ('RUS', '040', '04', 1, 1.0, 999)",
                [],
            )
            .unwrap_err();
        assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    }

    #[test]
    fn goldstein_keeps_its_decimal_form() {
        assert_eq!(goldstein_to_sql(3.4), 3.4);
        assert_eq!(goldstein_to_sql(-10.0), -10.0);
        assert_eq!(goldstein_to_sql(3.4) as f32, 3.4f32);
    }
}
