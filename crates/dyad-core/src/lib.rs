//! dyad-core: the shared vocabulary of every dyad stage — spans, articles, documents, actor
//! mentions, events and diagnostics. No I/O lives here; every other crate depends on this one.

pub mod actor_code;
pub mod article;
pub mod calendar;
pub mod conllu;
pub mod diag;
pub mod dictfile;
pub mod doc;
pub mod event;
pub mod fnv;
pub mod rule;

pub use article::{Article, ArticleMeta, DateSource, Origin, RawArticle, SourceHints};
pub use diag::{Diagnostic, Severity};
pub use doc::{Doc, Sentence, Span, Timex, TimexPrecision, Token};
pub use event::{
    Attribution, Event, Mention, MentionKind, Modality, QuadClass, EVENT_SCHEMA_VERSION,
};
pub use rule::RuleRef;
