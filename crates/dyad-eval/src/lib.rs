//! dyad-eval: scorers that compare dyad's output with gold standards. `parse` scores tagging,
//! lemmatization and dependency parsing the CoNLL 2018 way, on gold tokens and from raw text;
//! `clean` scores article-body extraction the way the Scrapinghub benchmark does; `events` scores
//! coded events on gold sets and `spans` the actors of coded events against gold actor spans.

pub mod clean;
pub mod events;
pub mod parse;
pub mod spans;
