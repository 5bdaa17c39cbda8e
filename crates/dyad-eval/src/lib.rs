//! dyad-eval: scorers that compare dyad's output with gold standards. `parse` scores tagging,
//! lemmatization and dependency parsing the CoNLL 2018 way, on gold tokens and from raw text;
//! `clean` scores article-body extraction the way the Scrapinghub benchmark does.

pub mod clean;
pub mod events;
pub mod parse;
