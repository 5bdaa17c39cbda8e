//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the feed is parsed, then each item's link is fetched
//! and read as an article, with the item's title, date and link as hints. A bad item (no link,
//! a failed fetch) is reported and the next item is read.

use crate::dates::parse_date;
use crate::error::IngestError;
use crate::stream::{Ctx, Items};
use dyad_core::SourceHints;
use std::rc::Rc;

/// One feed entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub link: Option<String>,
    pub title: Option<String>,
    pub date: Option<chrono::NaiveDate>,
}

/// Parses a feed document into its items.
pub fn parse(bytes: &[u8]) -> Result<Vec<Item>, String> {
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&text, opts).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    let root_name = root.tag_name().name().to_ascii_lowercase();
    if !matches!(root_name.as_str(), "rss" | "feed" | "rdf") {
        return Err(format!(
            "the root element is <{}>, not <rss>, <feed> or <rdf:RDF>",
            root.tag_name().name()
        ));
    }
    let child_text = |n: roxmltree::Node, names: &[&str]| {
        names.iter().find_map(|name| {
            n.children()
                .find(|c| c.is_element() && c.tag_name().name() == *name)
                .and_then(|c| c.text())
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
        })
    };
    let mut items = Vec::new();
    for n in root.descendants().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "item" => items.push(Item {
                link: child_text(n, &["link"]).or_else(|| {
                    // A permalink guid stands in for a missing link.
                    n.children()
                        .find(|c| {
                            c.tag_name().name() == "guid"
                                && c.attribute("isPermaLink") != Some("false")
                        })
                        .and_then(|c| c.text())
                        .map(|t| t.trim().to_string())
                        .filter(|t| t.starts_with("http"))
                }),
                title: child_text(n, &["title"]),
                date: child_text(n, &["pubDate", "date", "published", "updated"])
                    .and_then(|d| parse_date(&d)),
            }),
            "entry" => {
                let links: Vec<roxmltree::Node> = n
                    .children()
                    .filter(|c| c.is_element() && c.tag_name().name() == "link")
                    .collect();
                let link = links
                    .iter()
                    .find(|l| matches!(l.attribute("rel"), None | Some("alternate")))
                    .or(links.first())
                    .and_then(|l| {
                        l.attribute("href")
                            .map(str::to_string)
                            .or_else(|| l.text().map(|t| t.trim().to_string()))
                    });
                items.push(Item {
                    link,
                    title: child_text(n, &["title"]),
                    date: child_text(n, &["published", "updated", "issued"])
                        .and_then(|d| parse_date(&d)),
                });
            }
            _ => {}
        }
    }
    Ok(items)
}

/// Resolves a possibly relative link against the feed's URL.
fn absolute(link: &str, base: &str) -> String {
    if link.starts_with("http://") || link.starts_with("https://") || !base.starts_with("http") {
        return link.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    if let Some(rest) = link.strip_prefix("//") {
        return format!("{}{rest}", &base[..scheme_end]);
    }
    if link.starts_with('/') {
        return format!("{}{link}", &base[..host_end]);
    }
    let dir_end = base
        .rfind('/')
        .filter(|i| *i >= host_end)
        .map_or(base.len(), |i| i + 1);
    let sep = if dir_end == base.len() && !base.ends_with('/') {
        "/"
    } else {
        ""
    };
    format!("{}{sep}{link}", &base[..dir_end])
}

/// The articles behind a feed's items, fetched one at a time as the iterator is advanced.
pub struct FeedItems {
    path: String,
    base: String,
    items: std::vec::IntoIter<(usize, Item)>,
    ctx: Rc<Ctx>,
    hints: SourceHints,
    depth: u8,
    current: Option<Items>,
}

impl FeedItems {
    pub fn new(
        path: String,
        base: String,
        items: Vec<Item>,
        ctx: Rc<Ctx>,
        hints: SourceHints,
        depth: u8,
    ) -> Self {
        let items: Vec<(usize, Item)> = items
            .into_iter()
            .enumerate()
            .map(|(i, it)| (i + 1, it))
            .collect();
        FeedItems {
            path,
            base,
            items: items.into_iter(),
            ctx,
            hints,
            depth,
            current: None,
        }
    }
}

impl Iterator for FeedItems {
    type Item = Result<dyad_core::RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        crate::stream::drain_then_open(&mut self.current, || {
            let (n, item) = self.items.next()?;
            let Some(link) = item.link else {
                return Some(Err(IngestError::Feed {
                    path: self.path.clone(),
                    message: format!("item {n} has no link"),
                }));
            };
            let url = absolute(&link, &self.base);
            let mut hints = self.hints.clone();
            hints.title = item.title.or(hints.title);
            hints.published = item.date.or(hints.published);
            Some(self.ctx.fetch_items(&url, hints, self.depth + 1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom() {
        let rss = br#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Envoy recalled</title><link>https://a.example/1</link>
<pubDate>Thu, 18 Mar 2021 08:00:00 GMT</pubDate></item>
<item><title>No link</title><guid isPermaLink="false">x1</guid></item>
</channel></rss>"#;
        let items = parse(rss).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].link.as_deref(), Some("https://a.example/1"));
        assert_eq!(items[0].title.as_deref(), Some("Envoy recalled"));
        assert_eq!(
            items[0].date.map(|d| d.to_string()).as_deref(),
            Some("2021-03-18")
        );
        assert_eq!(items[1].link, None);
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>
<entry><title>T</title><link rel="self" href="https://a.example/self"/>
<link rel="alternate" href="/2"/><updated>2021-03-18T08:00:00Z</updated></entry></feed>"#;
        let items = parse(atom).unwrap();
        assert_eq!(items[0].link.as_deref(), Some("/2"));
        assert!(parse(b"<html></html>").unwrap_err().contains("<html>"));
        assert!(parse(b"<rss><channel>").is_err());
    }

    #[test]
    fn relative_links() {
        assert_eq!(
            absolute("/2", "http://h.example/feed.xml"),
            "http://h.example/2"
        );
        assert_eq!(
            absolute("2", "http://h.example/news/feed.xml"),
            "http://h.example/news/2"
        );
        assert_eq!(
            absolute("//o.example/x", "https://h.example/f"),
            "https://o.example/x"
        );
        assert_eq!(
            absolute("https://o.example/x", "http://h.example/f"),
            "https://o.example/x"
        );
        assert_eq!(absolute("x", "feeds/local.xml"), "x");
    }
}
