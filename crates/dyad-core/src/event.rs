//! Actor mentions and coded events: the output contract of dyad (see ARCHITECTURE.md).

use crate::doc::Span;
use crate::rule::RuleRef;
use chrono::NaiveDate;
use serde::Serialize;

/// Version of the event record printed by `dyad code`. Bump it when a field changes meaning
/// or disappears; adding a field does not bump it.
pub const EVENT_SCHEMA_VERSION: u32 = 1;

/// What kind of dictionary phrase named the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Name,
    Adj,
    Capital,
    Metonym,
    Person,
    Agent,
}

/// An actor named in a sentence: its tokens, its CAMEO actor code and where the code came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Token range (absolute indexes into `Doc::tokens`).
    pub tokens: std::ops::Range<usize>,
    /// CAMEO actor code, e.g. `RUS`, `USAGOV`, `IGOWSTNAT`.
    pub code: String,
    /// How the head of the mention was named.
    pub kind: MentionKind,
    /// The dictionary lines that gave the code (country or person first, then agent).
    pub rules: Vec<RuleRef>,
}

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Negated,
    Hypothetical,
    Future,
}

/// Who the text says reported the event, when it is quoted or reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// Actor code of the speaker, when the speaker is a known actor.
    pub code: Option<String>,
    /// The words that name the speaker.
    pub text: String,
}

/// CAMEO quad class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QuadClass {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl QuadClass {
    /// Quad class of a root code ("01"..="20"); `None` outside CAMEO.
    pub fn of_root(root: u8) -> Option<QuadClass> {
        match root {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=8 => Some(QuadClass::MaterialCooperation),
            9..=13 => Some(QuadClass::VerbalConflict),
            14..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
    pub fn number(self) -> u8 {
        self as u8
    }
}

/// One coded event with its evidence: the record `dyad code` prints (one JSON object a line).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub schema_version: u32,
    /// The article's name: its origin (path, `-`, or path#record).
    pub article: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub article_date: Option<NaiveDate>,
    /// The event's own date where the text fixes it, else the article date, else null.
    pub date: Option<NaiveDate>,
    /// `day`, `week`, `month` or `year`: how precisely `date` is known; `article` when it is
    /// the article date.
    pub date_precision: Option<String>,
    pub source: String,
    pub source_text: String,
    pub target: Option<String>,
    pub target_text: Option<String>,
    pub code: String,
    pub root_code: String,
    pub event_name: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub sentence: String,
    pub sentence_index: usize,
    /// Byte range of the sentence in the cleaned article text.
    pub span: Span,
    pub verb_text: String,
    pub modality: Modality,
    pub attribution: Option<Attribution>,
    /// The verb-pattern line that fired, `file:line`.
    pub rule: String,
    /// Dictionary lines that named the source and the target.
    pub source_rules: Vec<String>,
    pub target_rules: Vec<String>,
}
