//! dyad-eval: scorers that compare dyad's output with gold standards. `parse` scores tagging,
//! lemmatization and dependency parsing the CoNLL 2018 way, on gold tokens and from raw text.

pub mod events;
pub mod parse;
