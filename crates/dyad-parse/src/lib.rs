//! dyad-parse: dyad's own language layer after tokenization — a part-of-speech tagger, a
//! lemmatizer and a dependency parser, trained from Universal Dependencies treebanks, stored in
//! one versioned, checksummed model file, and applied to a `Doc` in place.

pub mod arcs;
pub mod clauseroot;
pub mod determiner;
pub mod hash;
pub mod headline;
pub mod lemmatizer;
pub mod mainverb;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod possconj;
pub mod rng;
pub mod tagger;
pub mod timesubject;
pub mod titlesplit;
pub mod train;

use dyad_core::Doc;
pub use lemmatizer::Lemmatizer;
pub use model::ModelError;
pub use parser::Parser;
pub use tagger::Tagger;

/// Tagger, lemmatizer and parser together: the contents of a model file.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    /// Free-text description of how the model was trained.
    pub info: String,
}

impl Pipeline {
    /// Serializes into the model container format.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut w = model::ByteWriter::default();
        w.str(&self.info);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        model::encode(&w.buf)
    }

    /// Reads a model file's bytes; every problem is a `ModelError`, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Pipeline, ModelError> {
        let (version, payload) = model::decode_versioned(bytes)?;
        let mut r = model::ByteReader::new(&payload);
        let info = r.str()?;
        let tagger = Tagger::read(&mut r, version)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        Ok(Pipeline {
            tagger,
            lemmatizer,
            parser,
            info,
        })
    }

    /// Tags one sentence (its words as written). A sentence the tagger leaves without a verb
    /// is repaired (see `headline`): a Title Case or capitals headline is tagged again with
    /// its common words in lower case, kept only if that gives it a verb (a caption of names
    /// stays as it was); otherwise its most verb-like word may become the verb. Returns the
    /// classes and, if the sentence was tagged in lower case, the forms it was tagged with.
    fn tag_sentence(&self, text: &[&str]) -> (Vec<u16>, Option<Vec<String>>) {
        let mut tags = self.tagger.tag(text);
        if headline::has_verb(&self.tagger, &tags) {
            headline::repair_verbs(&self.tagger, text, &mut tags);
            determiner::repair_nouns(&self.tagger, text, &mut tags);
            mainverb::repair_main_verb(&self.tagger, text, &mut tags);
            return (tags, None);
        }
        if let Some(lower) = headline::tagging_forms(&self.tagger, text) {
            let forms: Vec<&str> = lower.iter().map(String::as_str).collect();
            let mut retagged = self.tagger.tag(&forms);
            headline::repair_verbs(&self.tagger, &forms, &mut retagged);
            if headline::has_verb(&self.tagger, &retagged) {
                return (retagged, Some(lower));
            }
        }
        headline::repair_verbs(&self.tagger, text, &mut tags);
        (tags, None)
    }

    /// Tags every sentence of `doc` (UPOS, XPOS, lemma), then repairs sentences left without
    /// a verb (see `headline`).
    pub fn tag(&self, doc: &mut Doc) {
        let n = doc.tokens.len();
        doc.upos = vec![String::new(); n];
        doc.xpos = vec![String::new(); n];
        doc.lemma = vec![String::new(); n];
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let text: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
            let (tags, lower) = self.tag_sentence(&text);
            let forms: Vec<&str> = match &lower {
                Some(l) => l.iter().map(String::as_str).collect(),
                None => text.clone(),
            };
            let mut lemmas = Vec::with_capacity(forms.len());
            for (k, t) in tags.iter().enumerate() {
                let (u, x) = self.tagger.split(*t);
                // Names keep their lemma as written, even in a lower-cased headline.
                let form = if u == "PROPN" { text[k] } else { forms[k] };
                lemmas.push((u.to_string(), x.to_string(), self.lemmatizer.lemma(form, u)));
            }
            for (k, (u, x, l)) in lemmas.into_iter().enumerate() {
                let i = range.start + k;
                doc.upos[i] = u;
                doc.xpos[i] = x;
                doc.lemma[i] = l;
            }
        }
    }

    /// Parses every sentence of a tagged `doc` (head, deprel).
    pub fn parse(&self, doc: &mut Doc) {
        let n = doc.tokens.len();
        doc.head = vec![None; n];
        doc.deprel = vec![String::new(); n];
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let text: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
            // A headline tagged in lower case is parsed in lower case too. Only such headlines
            // are tagged again here, to learn which forms their tags came from.
            let lower = if headline::tagging_forms(&self.tagger, &text).is_some() {
                self.tag_sentence(&text).1
            } else {
                None
            };
            let forms: Vec<&str> = match &lower {
                Some(l) => l.iter().map(String::as_str).collect(),
                None => text,
            };
            let tags: Vec<&str> = range.clone().map(|i| doc.xpos[i].as_str()).collect();
            let coarse: Vec<&str> = range.clone().map(|i| doc.upos[i].as_str()).collect();
            let (heads, labels) = self
                .parser
                .parse(&parser::Input::new(&forms, &tags, &coarse));
            let mut arcs = arcs::Arcs {
                forms: &forms,
                upos: &coarse,
                xpos: &tags,
                heads: heads.iter().map(|h| h.checked_sub(1)).collect(),
                labels: labels
                    .iter()
                    .map(|l| self.parser.label(*l).to_string())
                    .collect(),
            };
            repair_arcs(&mut arcs);
            for (k, (h, l)) in arcs.heads.into_iter().zip(arcs.labels).enumerate() {
                let i = range.start + k;
                doc.head[i] = h.map(|h| range.start + h);
                doc.deprel[i] = l;
            }
        }
    }

    /// Tags and parses.
    pub fn annotate(&self, doc: &mut Doc) {
        self.tag(doc);
        self.parse(doc);
    }
}

/// The run-time repairs of a parse (see each module): a possessive given to a coordination,
/// a clause rooted in its subject, a time phrase taken for a subject, a title split from its
/// name. The order matters: the clause's subject must be found before subjects are counted.
fn repair_arcs(arcs: &mut arcs::Arcs<'_>) {
    possconj::repair_possessive_coordination(arcs);
    clauseroot::repair_clause_root(arcs);
    timesubject::repair_time_subjects(arcs);
    titlesplit::repair_title_split(arcs);
}
