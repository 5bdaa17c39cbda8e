//! dyad-store: a SQLite store of coded articles and their CAMEO events.
//!
//! One database file holds three tables: `articles` (one row per stored article, unique by URL
//! and by a hash of the cleaned text), `events` (one row per coded event, i.e. per mention of an
//! event in an article, with every field of [`dyad_core::Event`]) and `dedup_events` (one row per
//! real-world event, grouping mentions across articles; see [`store`] for the rule).
//!
//! ```no_run
//! use dyad_store::{text_hash, ArticleInfo, Filter, Period, Store};
//! # fn main() -> Result<(), dyad_store::StoreError> {
//! let mut store = Store::open("events.db")?;
//! let info = ArticleInfo { name: "a.html".into(), ..Default::default() };
//! store.insert_article(&info, &text_hash("cleaned text"), &[])?;
//! let rows = store.events(&Filter { actor_a: Some("RUS".into()), ..Default::default() })?;
//! let trend = store.trend("RUS", "UKR", Period::Month)?;
//! # let _ = (rows, trend); Ok(()) }
//! ```

pub mod error;
pub mod hash;
pub mod query;
pub mod schema;
pub mod store;

pub use error::{Result, StoreError};
pub use hash::text_hash;
pub use query::{Direction, Filter, Period, StoredEvent, TrendRow};
pub use schema::SCHEMA_VERSION;
pub use store::{ArticleInfo, DedupEvent, InsertOutcome, Store};
