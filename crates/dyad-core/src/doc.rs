//! A document: the article text cut into sentences and tokens, with flat annotation arrays
//! beside the tokens (filled by later stages).

use chrono::NaiveDate;
use serde::Serialize;

/// A byte range `[start, end)` into `Article::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One token: its byte span into the text. The token's text is `&doc.text[span]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    /// True when whitespace follows the token in the text.
    pub space_after: bool,
    /// True when this word continues the previous one's surface token, as a clitic split off
    /// it ("n't" of "don't", "'s" of "Russia's"): CoNLL-U writes them as one multi-word token.
    pub joined: bool,
}

/// One sentence: its byte span and the range of its tokens in `Doc::tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}

/// How precisely a temporal expression fixes a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexPrecision {
    Day,
    Week,
    Month,
    Year,
}

/// A temporal expression found in the text ("on Wednesday", "last month"), resolved against
/// the article date. `tokens` indexes `Doc::tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    pub tokens: std::ops::Range<usize>,
    pub date: NaiveDate,
    pub precision: TimexPrecision,
}

/// The document every stage after text extraction reads. Tokens never move once made;
/// annotations live in arrays parallel to `tokens` (empty until the stage that fills them runs).
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub text: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Lower-cased token text, parallel to `tokens`.
    pub norm: Vec<String>,
    /// Universal POS tags, parallel to `tokens` (empty before tagging).
    pub upos: Vec<String>,
    /// Language-specific (Penn Treebank) POS tags, parallel to `tokens` (empty before tagging).
    pub xpos: Vec<String>,
    /// Lemmas, parallel to `tokens` (empty before lemmatization).
    pub lemma: Vec<String>,
    /// Head token index (absolute, into `tokens`) or `None` for the root (empty before parsing).
    pub head: Vec<Option<usize>>,
    /// Dependency relation to the head (empty before parsing).
    pub deprel: Vec<String>,
    /// Temporal expressions, in text order.
    pub timexes: Vec<Timex>,
}

impl Doc {
    /// A one-sentence document of already tokenized text: `text`'s space-separated words are
    /// its tokens (normalised to lower case), with no parse. For tests and callers that bring
    /// their own tokens.
    pub fn from_words(text: &str) -> Doc {
        let mut d = Doc::default();
        for (i, w) in text.split_whitespace().enumerate() {
            if i > 0 {
                d.text.push(' ');
            }
            let start = d.text.len();
            d.text.push_str(w);
            d.tokens.push(Token {
                span: Span::new(start, d.text.len()),
                space_after: true,
                joined: false,
            });
            d.norm.push(w.to_lowercase());
        }
        d.sentences.push(Sentence {
            span: Span::new(0, d.text.len()),
            tokens: 0..d.tokens.len(),
        });
        d
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        let s = self.tokens[i].span;
        &self.text[s.start..s.end]
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = self.sentences[i].span;
        &self.text[s.start..s.end]
    }

    /// The text covering tokens `range` (from the first token's start to the last one's end).
    pub fn tokens_text(&self, range: std::ops::Range<usize>) -> &str {
        if range.is_empty() {
            return "";
        }
        let start = self.tokens[range.start].span.start;
        let end = self.tokens[range.end - 1].span.end;
        &self.text[start..end]
    }

    /// Byte span covering tokens `range`.
    pub fn tokens_span(&self, range: std::ops::Range<usize>) -> Span {
        if range.is_empty() {
            return Span::default();
        }
        Span::new(
            self.tokens[range.start].span.start,
            self.tokens[range.end - 1].span.end,
        )
    }
}
