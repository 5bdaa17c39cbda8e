//! CoNLL-U, the interchange format between stages and with treebanks: a reader that keeps
//! multi-word tokens and `# text` lines, a writer for annotated `Doc`s, and `Doc::from_conllu`,
//! which rebuilds the text and byte spans so that any stage can be tested on gold input.

use crate::doc::{Doc, Sentence, Span, Token};
use std::fmt::Write as _;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
    pub misc: String,
}

impl Word {
    /// False when the MISC column says `SpaceAfter=No`.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A multi-word token: words `first..=last` (1-based) written as `form` in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiWord {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub misc: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// The `# text = …` comment, if any.
    pub text: Option<String>,
    /// True when a `# newdoc` comment opens this sentence.
    pub newdoc: bool,
    /// The id of the document the sentence belongs to (from the last `# newdoc id = …`).
    pub doc_id: Option<String>,
    /// True when a `# newpar` (or `# newdoc`) comment opens this sentence.
    pub newpar: bool,
    pub words: Vec<Word>,
    pub multiwords: Vec<MultiWord>,
}

impl ConlluSentence {
    /// The surface tokens: (first word, last word, form, space after), 0-based word indexes.
    pub fn surface(&self) -> Vec<(usize, usize, String, bool)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            if let Some(m) = self.multiwords.iter().find(|m| m.first == i + 1) {
                let space = !m.misc.split('|').any(|x| x == "SpaceAfter=No");
                out.push((i, m.last - 1, m.form.clone(), space));
                i = m.last;
            } else {
                let w = &self.words[i];
                out.push((i, i, w.form.clone(), w.space_after()));
                i += 1;
            }
        }
        out
    }
}

/// A CoNLL-U line that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    pub line: u32,
    pub message: String,
}

/// Reads CoNLL-U text. Empty nodes (`8.1`) are skipped; malformed lines are errors.
pub fn parse(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    let mut pending_newdoc = false;
    let mut doc_id: Option<String> = None;
    let mut pending_newpar = false;
    for (n, line) in text.lines().enumerate() {
        let line_no = n as u32 + 1;
        let err = |m: &str| ConlluError {
            line: line_no,
            message: m.to_string(),
        };
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            } else if let Some(rest) = c.strip_prefix("newdoc") {
                pending_newdoc = true;
                doc_id = rest.split_once('=').map(|x| x.1.trim().to_string());
                pending_newpar = true;
            } else if c.starts_with("newpar") {
                pending_newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(&format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        if cur.words.is_empty() && cur.multiwords.is_empty() {
            cur.newdoc = pending_newdoc;
            cur.newpar = pending_newpar;
            cur.doc_id = doc_id.clone();
            pending_newdoc = false;
            pending_newpar = false;
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = a.parse().map_err(|_| err("bad multi-word token range"))?;
            let last = b.parse().map_err(|_| err("bad multi-word token range"))?;
            cur.multiwords.push(MultiWord {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let idx: usize = id.parse().map_err(|_| err("bad word id"))?;
        if idx != cur.words.len() + 1 {
            return Err(err(&format!("word id {idx} out of order")));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| err("bad head"))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(ConlluError {
                line: 0,
                message: format!("sentence {} has a head outside the sentence", k + 1),
            });
        }
    }
    Ok(out)
}

impl Doc {
    /// Builds an annotated `Doc` from CoNLL-U: the text is rebuilt from the surface tokens
    /// (SpaceAfter respected, a newline between paragraphs), each word gets a byte span (words
    /// of a multi-word token share it out when their forms spell it), and the gold annotations
    /// fill the parallel arrays.
    pub fn from_conllu(text: &str) -> Result<Doc, ConlluError> {
        Ok(Doc::from_sentences(&parse(text)?))
    }

    /// Builds an annotated `Doc` from parsed CoNLL-U sentences.
    pub fn from_sentences(sents: &[ConlluSentence]) -> Doc {
        let mut doc = Doc::default();
        for (k, s) in sents.iter().enumerate() {
            if k > 0 {
                doc.text.push(if s.newpar { '\n' } else { ' ' });
            }
            let base = doc.tokens.len();
            let start = doc.text.len();
            let surface = s.surface();
            let n_surface = surface.len();
            for (si, (first, last, form, space)) in surface.into_iter().enumerate() {
                let tstart = doc.text.len();
                doc.text.push_str(&form);
                let tend = doc.text.len();
                // Share the surface span out among the words when their forms spell it.
                let forms: Vec<&str> = (first..=last).map(|i| s.words[i].form.as_str()).collect();
                let spelled = forms.concat() == form;
                let mut p = tstart;
                for (j, i) in (first..=last).enumerate() {
                    let span = if spelled {
                        let e = p + forms[j].len();
                        let sp = Span::new(p, e);
                        p = e;
                        sp
                    } else {
                        Span::new(tstart, tend)
                    };
                    let w = &s.words[i];
                    doc.tokens.push(Token {
                        span,
                        space_after: i == last && space,
                        joined: j > 0,
                    });
                    doc.norm.push(w.form.to_lowercase());
                    doc.upos.push(w.upos.clone());
                    doc.xpos.push(w.xpos.clone());
                    doc.lemma.push(w.lemma.clone());
                    doc.head.push(if w.head == 0 {
                        None
                    } else {
                        Some(base + w.head - 1)
                    });
                    doc.deprel.push(w.deprel.clone());
                }
                if space && si + 1 < n_surface {
                    doc.text.push(' ');
                }
            }
            let end = doc.text.trim_end().len().max(start);
            doc.sentences.push(Sentence {
                span: Span::new(start, end),
                tokens: base..doc.tokens.len(),
            });
        }
        doc
    }

    /// Writes the document as CoNLL-U, with `# sent_id` and `# text` comments and multi-word
    /// token lines for clitic groups. Columns without annotation are `_`.
    pub fn to_conllu(&self, doc_id: &str) -> String {
        let mut out = String::new();
        let col = |v: &Vec<String>, i: usize| -> String {
            v.get(i)
                .filter(|s| !s.is_empty())
                .cloned()
                .unwrap_or_else(|| "_".into())
        };
        for (k, s) in self.sentences.iter().enumerate() {
            let _ = writeln!(out, "# sent_id = {doc_id}-{}", k + 1);
            let text = self.text[s.span.start..s.span.end].replace('\n', " ");
            let _ = writeln!(out, "# text = {text}");
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                // A surface token: this word and the joined words after it.
                let mut j = i + 1;
                while j < s.tokens.end && self.tokens[j].joined {
                    j += 1;
                }
                let last_space = self.tokens[j - 1].space_after || j == s.tokens.end;
                if j - i > 1 {
                    let span = Span::new(self.tokens[i].span.start, self.tokens[j - 1].span.end);
                    let misc = if last_space { "_" } else { "SpaceAfter=No" };
                    let _ = writeln!(
                        out,
                        "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{misc}",
                        i - s.tokens.start + 1,
                        j - s.tokens.start,
                        &self.text[span.start..span.end]
                    );
                }
                for w in i..j {
                    let head = match self.head.get(w) {
                        Some(Some(h)) => (h - s.tokens.start + 1).to_string(),
                        Some(None) => "0".into(),
                        None => "_".into(),
                    };
                    let misc = if j - i == 1 && !last_space {
                        "SpaceAfter=No"
                    } else {
                        "_"
                    };
                    let _ = writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                        w - s.tokens.start + 1,
                        self.token_text(w),
                        col(&self.lemma, w),
                        col(&self.upos, w),
                        col(&self.xpos, w),
                        head,
                        col(&self.deprel, w),
                        misc
                    );
                }
                i = j;
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# text = Russia's envoy didn't go.\n\
1-2\tRussia's\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n\
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
3\tenvoy\tenvoy\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n\
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tdid\tdo\tAUX\tVBD\t_\t6\taux\t_\t_\n\
5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n\
6\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n";

    #[test]
    fn doc_from_conllu_rebuilds_text_and_spans() {
        let doc = Doc::from_conllu(SAMPLE).unwrap();
        assert_eq!(doc.text, "Russia's envoy didn't go.");
        assert_eq!(doc.tokens.len(), 7);
        assert_eq!(doc.token_text(1), "'s");
        assert_eq!(doc.token_text(4), "n't");
        assert!(doc.tokens[4].joined && !doc.tokens[3].joined);
        assert_eq!(doc.head[0], Some(2));
        assert_eq!(doc.head[5], None);
        assert_eq!(doc.deprel[2], "nsubj");
        assert_eq!(doc.sentence_text(0), "Russia's envoy didn't go.");
    }

    #[test]
    fn round_trip() {
        let doc = Doc::from_conllu(SAMPLE).unwrap();
        let written = doc.to_conllu("d1");
        let again = Doc::from_conllu(&written).unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(again.head, doc.head);
        assert_eq!(again.deprel, doc.deprel);
        assert_eq!(again.upos, doc.upos);
        assert_eq!(again.lemma, doc.lemma);
        assert_eq!(again.tokens, doc.tokens);
        assert!(written.contains("4-5\tdidn't\t"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("1\tA\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("# c\n2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
