//! Which JSON fields hold an article's text, HTML and metadata. The defaults read news-please
//! (`maintext`, `title`, `url`, `date_publish`, `source_domain`, `authors`) and trafilatura
//! (`text`, `raw_text`, `title`, `url`/`source`, `date`, `hostname`/`sitename`, `author`)
//! output; `--field ROLE=NAME` puts another name first. A name may be a dotted path into nested
//! objects (`article.body`).

/// The roles a JSON field can play.
pub const ROLES: &[&str] = &["text", "html", "title", "url", "date", "outlet", "author"];

/// Field names tried, in order, for each role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    pub text: Vec<String>,
    pub html: Vec<String>,
    pub title: Vec<String>,
    pub url: Vec<String>,
    pub date: Vec<String>,
    pub outlet: Vec<String>,
    pub author: Vec<String>,
}

fn names(n: &[&str]) -> Vec<String> {
    n.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            text: names(&["maintext", "text", "raw_text", "content", "body"]),
            html: names(&["html", "raw_html"]),
            title: names(&["title", "headline"]),
            url: names(&["url", "source", "link"]),
            date: names(&["date_publish", "date", "published", "date_published"]),
            outlet: names(&["source_domain", "sitename", "hostname", "outlet"]),
            author: names(&["authors", "author"]),
        }
    }
}

impl FieldMap {
    /// Applies one `ROLE=NAME` setting: `NAME` is tried first for `ROLE`.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (role, name) = spec
            .split_once('=')
            .filter(|(r, n)| !r.trim().is_empty() && !n.trim().is_empty())
            .ok_or_else(|| format!("{spec:?}: want ROLE=NAME, e.g. text=body"))?;
        let list = match role.trim() {
            "text" => &mut self.text,
            "html" => &mut self.html,
            "title" => &mut self.title,
            "url" => &mut self.url,
            "date" => &mut self.date,
            "outlet" => &mut self.outlet,
            "author" => &mut self.author,
            other => {
                return Err(format!(
                    "{other:?} is not a field role (want one of {})",
                    ROLES.join(", ")
                ))
            }
        };
        let name = name.trim().to_string();
        list.retain(|n| *n != name);
        list.insert(0, name);
        Ok(())
    }

    /// Parses a list of `ROLE=NAME` settings over the defaults.
    pub fn from_specs<S: AsRef<str>>(specs: &[S]) -> Result<FieldMap, String> {
        let mut m = FieldMap::default();
        for s in specs {
            m.set(s.as_ref())?;
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_go_first() {
        let m = FieldMap::from_specs(&["text=body", "date=published"]).unwrap();
        assert_eq!(m.text[0], "body");
        assert_eq!(m.text.iter().filter(|n| *n == "body").count(), 1);
        assert_eq!(m.date[0], "published");
        assert!(FieldMap::from_specs(&["colour=red"])
            .unwrap_err()
            .contains("not a field role"));
        assert!(FieldMap::from_specs(&["text"])
            .unwrap_err()
            .contains("ROLE=NAME"));
    }
}
