//! A parsed sentence's arcs in the form the run-time parse repairs (`timesubject`,
//! `clauseroot`, `titlesplit`, `possconj`) read and edit: words, tags, heads and labels, and
//! the few tree questions they ask (children, subtrees, time words). The weights are not
//! touched; each repair moves a handful of arcs where the greedy parser's output is a known,
//! recognisable error of news sentences.

/// One sentence's words, tags and arcs. Heads are word indices within the sentence, `None`
/// for the root.
#[derive(Debug, Clone)]
pub struct Arcs<'a> {
    pub forms: &'a [&'a str],
    pub upos: &'a [&'a str],
    pub xpos: &'a [&'a str],
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<String>,
}

impl<'a> Arcs<'a> {
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The dependents of `h`, left to right.
    pub fn children(&self, h: usize) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| self.heads[i] == Some(h))
            .collect()
    }

    /// The dependents of `h` whose label (without subtype) is `base`.
    pub fn children_rel(&self, h: usize, base: &str) -> Vec<usize> {
        self.children(h)
            .into_iter()
            .filter(|&c| self.base(c) == base)
            .collect()
    }

    /// The label of `i` without its subtype ("nsubj:pass" → "nsubj").
    pub fn base(&self, i: usize) -> &str {
        let l = self.labels[i].as_str();
        l.split(':').next().unwrap_or(l)
    }

    /// Is `a` an ancestor of `d` (or `d` itself)? Bounded by the sentence length, so a cycle
    /// (which no repair makes) cannot loop.
    pub fn dominates(&self, a: usize, d: usize) -> bool {
        let mut x = d;
        for _ in 0..=self.len() {
            if x == a {
                return true;
            }
            match self.heads[x] {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }

    /// The first and last word of `i`'s subtree.
    pub fn span(&self, i: usize) -> (usize, usize) {
        let inside: Vec<usize> = (0..self.len()).filter(|&k| self.dominates(i, k)).collect();
        (
            inside.first().copied().unwrap_or(i),
            inside.last().copied().unwrap_or(i),
        )
    }

    /// The sentence's root, if it has exactly one.
    pub fn root(&self) -> Option<usize> {
        let mut roots = (0..self.len()).filter(|&i| self.heads[i].is_none());
        let r = roots.next()?;
        roots.next().is_none().then_some(r)
    }

    /// Makes `d` a dependent of `h` (`None`: the root) labelled `label`.
    pub fn attach(&mut self, d: usize, h: Option<usize>, label: &str) {
        self.heads[d] = h;
        self.labels[d] = label.to_string();
    }

    /// Does the noun phrase headed by `i` name a time ("Tuesday", "last week", "hours
    /// earlier", "this month", "Thursday evening")?
    pub fn is_time(&self, i: usize) -> bool {
        matches!(self.upos[i], "NOUN" | "PROPN") && is_time_word(self.forms[i])
    }

    /// Does `i` have a preposition of its own ("on Tuesday")?
    pub fn has_case(&self, i: usize) -> bool {
        self.children(i)
            .into_iter()
            .any(|c| self.labels[c] == "case" && c < i)
    }

    /// The label for a time noun phrase made a dependent of a verb: an oblique, unmarked if
    /// it has no preposition ("last week", "hours earlier").
    pub fn time_label(&self, i: usize) -> &'static str {
        if self.has_case(i) {
            "obl"
        } else {
            "obl:unmarked"
        }
    }

    /// Is `v` a finite clause's head: a finite verb form or a verb with an auxiliary ("will
    /// lead", "has accused")?
    pub fn is_finite_verb(&self, v: usize) -> bool {
        if self.upos[v] != "VERB" {
            return false;
        }
        matches!(self.xpos[v], "VBD" | "VBZ" | "VBP")
            || self
                .children_rel(v, "aux")
                .into_iter()
                .any(|a| !self.forms[a].eq_ignore_ascii_case("to"))
    }
}

/// Words that head a time noun phrase: units of time, parts of the day, the deictic days and
/// the weekday names (`dyad_core::calendar`). Months are left out: "May" is also a name, and a
/// month's phrase is headed by its day number ("March 27").
pub fn is_time_word(form: &str) -> bool {
    let lower = form.to_lowercase();
    dyad_core::calendar::WEEKDAY_NAMES.contains(&lower.as_str())
        || matches!(
            lower.as_str(),
            "second"
                | "seconds"
                | "minute"
                | "minutes"
                | "hour"
                | "hours"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "weekend"
                | "month"
                | "months"
                | "year"
                | "years"
                | "decade"
                | "decades"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "today"
                | "yesterday"
                | "tonight"
                | "tomorrow"
        )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Arcs from "form/UPOS/XPOS/head/label" words, heads 1-based with 0 for the root, as in
    /// CoNLL-U. The slices are leaked: fine for a test.
    pub(crate) fn arcs(words: &str) -> Arcs<'static> {
        let mut forms = Vec::new();
        let mut upos = Vec::new();
        let mut xpos = Vec::new();
        let mut heads = Vec::new();
        let mut labels = Vec::new();
        for w in words.split_whitespace() {
            let p: Vec<&'static str> = Box::leak(w.to_string().into_boxed_str())
                .split('/')
                .collect();
            forms.push(p[0]);
            upos.push(p[1]);
            xpos.push(p[2]);
            let h: usize = p[3].parse().expect("a head number");
            heads.push(h.checked_sub(1));
            labels.push(p[4].to_string());
        }
        Arcs {
            forms: Box::leak(forms.into_boxed_slice()),
            upos: Box::leak(upos.into_boxed_slice()),
            xpos: Box::leak(xpos.into_boxed_slice()),
            heads,
            labels,
        }
    }

    /// The arcs back in the same notation's "head:label" form, 1-based.
    pub(crate) fn show(a: &Arcs<'_>) -> String {
        (0..a.len())
            .map(|i| format!("{}:{}", a.heads[i].map_or(0, |h| h + 1), a.labels[i]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn tree_questions() {
        let a =
            arcs("on/ADP/IN/2/case Tuesday/PROPN/NNP/3/obl left/VERB/VBD/0/root ./PUNCT/./3/punct");
        assert_eq!(a.root(), Some(2));
        assert!(a.is_time(1));
        assert!(a.has_case(1));
        assert_eq!(a.time_label(1), "obl");
        assert_eq!(a.span(1), (0, 1));
        assert!(a.dominates(2, 0));
        assert!(a.is_finite_verb(2));
        assert!(!is_time_word("May"));
    }
}
