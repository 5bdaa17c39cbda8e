//! dyad: the pipeline that wires the stages together (ingest → text → actors → events) and
//! the `dyad` command line. Stage crates never depend on each other; only this crate does.

pub mod dicts;
pub mod models;
pub mod output;
mod role_date;

use dyad_actors::{ActorDicts, LexKind};
use dyad_core::{Article, Diagnostic, Doc, Event, Mention, RawArticle};
use dyad_events::{Coder, Trace, VerbDict};

pub use dicts::{DictFile, DictKind};

/// Loaded dictionaries and language model, ready to code articles.
pub struct Pipeline {
    pub actors: ActorDicts,
    pub verbs: VerbDict,
    /// Tagger, lemmatizer and parser; without one, roles come from the surface.
    pub language: Option<dyad_parse::Pipeline>,
    /// What the loaders reported about dictionary lines they could not use.
    pub diagnostics: Vec<Diagnostic>,
    /// Infer the country of bare agents (`--agent-country`; see `Coder::agent_country`).
    pub agent_country: bool,
}

fn phrase_tokens(s: &str) -> Vec<String> {
    dyad_text::tokenize::tokenize(s)
        .iter()
        .map(|t| s[t.span.start..t.span.end].to_string())
        .collect()
}

/// One sentence as the coder saw it, for `dyad explain`.
pub struct SentenceTrace {
    pub mentions: Vec<Mention>,
    pub trace: Trace,
    pub events: Vec<Event>,
    /// The date the sentence's people were coded on (see `role_date`).
    pub roles_date: Option<chrono::NaiveDate>,
}

impl Pipeline {
    /// Loads dictionary files. Bad lines become diagnostics; the good ones are kept.
    pub fn load(files: &[DictFile]) -> Pipeline {
        let mut actors = ActorDicts::default();
        let mut verbs = VerbDict::new();
        let mut diagnostics = Vec::new();
        for f in files {
            let d = match f.kind {
                DictKind::Actors => actors.actors.load(
                    &f.name,
                    &f.text,
                    LexKind::Actors,
                    &phrase_tokens,
                    &dyad_text::normalize_token,
                ),
                DictKind::Agents => actors.agents.load(
                    &f.name,
                    &f.text,
                    LexKind::Agents,
                    &phrase_tokens,
                    &dyad_text::normalize_token,
                ),
                DictKind::Verbs => verbs.load(&f.name, &f.text),
            };
            diagnostics.extend(d);
        }
        Pipeline {
            actors,
            verbs,
            language: None,
            diagnostics,
            agent_country: false,
        }
    }

    /// Adds a language model: sentences are parsed and roles read from the parse.
    pub fn with_language(mut self, model: dyad_parse::Pipeline) -> Pipeline {
        self.language = Some(model);
        self
    }

    /// The pipeline with the dictionaries and the language model bundled in the binary.
    pub fn bundled() -> Pipeline {
        let p = Self::load(&dicts::bundled());
        match models::load(None) {
            Ok(m) => p.with_language(m),
            Err(_) => p,
        }
    }

    /// Cuts an article into a `Doc` and, with a language model, tags and parses it.
    pub fn doc(&self, article: &Article) -> Doc {
        let mut doc = dyad_text::doc(article);
        if let Some(m) = &self.language {
            m.annotate(&mut doc);
        }
        doc
    }

    /// Extracts, cuts and codes one raw input.
    pub fn code_raw(&self, raw: &RawArticle) -> Result<Vec<Event>, dyad_text::TextError> {
        let article = dyad_text::extract(raw)?;
        Ok(self.code_article(&article))
    }

    /// Codes an extracted article.
    pub fn code_article(&self, article: &Article) -> Vec<Event> {
        let doc = self.doc(article);
        let mut out = Vec::new();
        let mut context: Vec<Mention> = Vec::new();
        for s in 0..doc.sentences.len() {
            let st = self.code_sentence(article, &doc, s, &context, None);
            // Later sentences refer back to people as they are on the article's date, even
            // when this sentence coded them on an earlier one ("in 2016").
            let published = article.meta.published;
            if st.roles_date != published {
                let range = doc.sentences[s].tokens.clone();
                let mut now = self.actors.mentions(&doc, range.clone(), published);
                ActorDicts::resolve_roles(&doc, &mut now, &context);
                ActorDicts::resolve_two_sides(&doc, range, &mut now, &context);
                context.extend(now);
            } else {
                context.extend(st.mentions);
            }
            out.extend(st.events);
        }
        out
    }

    /// Codes sentence `s` of `doc`, keeping what the coder tried when `explain` is set.
    pub fn code_sentence(
        &self,
        article: &Article,
        doc: &Doc,
        s: usize,
        context: &[Mention],
        explain: Option<()>,
    ) -> SentenceTrace {
        let range = doc.sentences[s].tokens.clone();
        let roles_date = role_date::roles_date(doc, range.clone(), article.meta.published);
        let mut mentions = self.actors.mentions(doc, range.clone(), roles_date);
        ActorDicts::resolve_surnames(doc, range.clone(), &mut mentions, context);
        ActorDicts::resolve_roles(doc, &mut mentions, context);
        ActorDicts::resolve_two_sides(doc, range, &mut mentions, context);
        let mut coder = Coder::new(&self.verbs);
        coder.agent_country = self.agent_country;
        // Envoys named by a person: (last token, office noun, country posted to).
        let offices: Vec<(usize, &str, Option<String>)> = mentions
            .iter()
            .filter_map(|m| {
                let (noun, post) = self.actors.office(m)?;
                Some((m.tokens.end.checked_sub(1)?, noun, post))
            })
            .collect();
        coder.office_posts = offices
            .iter()
            .filter_map(|(t, _, post)| Some((*t, post.clone()?)))
            .collect();
        if !offices.is_empty() && !doc.lemma.is_empty() {
            let mut lemmas = doc.lemma.clone();
            for (t, noun, _) in offices {
                if let Some(l) = lemmas.get_mut(t) {
                    *l = noun.to_string();
                }
            }
            coder.office_lemmas = Some(lemmas);
        }
        let mut trace = Trace { tried: Vec::new() };
        let found =
            coder.code_sentence(doc, s, &mut mentions, context, explain.map(|_| &mut trace));
        let events = coder.records(article, doc, s, &mentions, &found);
        SentenceTrace {
            roles_date,
            mentions,
            trace,
            events,
        }
    }
}
