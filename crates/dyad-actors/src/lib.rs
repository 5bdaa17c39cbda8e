//! dyad-actors: actor and agent dictionaries (dyad's own format, lenient loader with
//! `path:line` diagnostics) and the matcher that finds coded actor mentions in a sentence.

pub mod dict;
pub mod import;
pub mod matcher;

pub use dict::{DateRange, Entry, Field, LexKind, Lexicon};
pub use matcher::ActorDicts;
