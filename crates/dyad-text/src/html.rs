//! HTML page → the article's paragraphs and its metadata (title, outlet, URL, author, date).
//! Uses `scraper` (html5ever) to parse; drops scripts, navigation, headers, footers, asides,
//! forms and elements whose class or id names comments, sharing, related links or menus.

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

/// What the page gives us.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    /// Paragraph texts in page order.
    pub paragraphs: Vec<String>,
}

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "template", "head", "menu", "figure",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "dd",
    "dt",
    "figcaption",
    "div",
    "section",
    "article",
    "main",
    "body",
    "tr",
    "ul",
    "ol",
    "table",
    "br",
    "hr",
];

/// Class or id words that mark page furniture rather than the article.
const SKIP_MARKERS: &[&str] = &[
    "comment",
    "share",
    "social",
    "related",
    "sidebar",
    "footer",
    "menu",
    "navbar",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "cookie",
    "disqus",
    "respond",
    "reply",
    "widget",
    "popup",
    "modal",
    "byline-share",
    "tags",
];

fn skip_by_attrs(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    let mut names = String::new();
    if let Some(c) = v.attr("class") {
        names.push_str(&c.to_lowercase());
        names.push(' ');
    }
    if let Some(i) = v.attr("id") {
        names.push_str(&i.to_lowercase());
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if names.is_empty() {
        return false;
    }
    // Don't drop the article container because its class says "article-comments-count".
    if names.contains("article-body")
        || names.contains("entry-content")
        || names.contains("post-content")
    {
        return false;
    }
    SKIP_MARKERS.iter().any(|m| names.contains(m))
}

fn walk(el: ElementRef<'_>, cur: &mut String, out: &mut Vec<String>) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP_TAGS.contains(&name) {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                if skip_by_attrs(&child_el) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    flush(cur, out);
                }
                walk(child_el, cur, out);
                if block {
                    flush(cur, out);
                }
            }
            _ => {}
        }
    }
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let norm = cur.split_whitespace().collect::<Vec<_>>().join(" ");
    if !norm.is_empty() {
        out.push(norm);
    }
    cur.clear();
}

fn select_attr(doc: &Html, sel: &str, attr: &str) -> Option<String> {
    let s = Selector::parse(sel).ok()?;
    doc.select(&s)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

fn select_text(doc: &Html, sel: &str) -> Option<String> {
    let s = Selector::parse(sel).ok()?;
    doc.select(&s)
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
}

/// Reads the leading `YYYY-MM-DD` of a meta date ("2021-03-18T09:00:00Z").
fn meta_date(s: &str) -> Option<NaiveDate> {
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Parses an HTML page. Returns the page with no paragraphs when it has no text.
pub fn extract(html: &str) -> HtmlPage {
    let doc = Html::parse_document(html);
    let title = select_attr(&doc, r#"meta[property="og:title"]"#, "content")
        .or_else(|| select_text(&doc, "title"))
        .or_else(|| select_text(&doc, "h1"));
    let outlet = select_attr(&doc, r#"meta[property="og:site_name"]"#, "content")
        .or_else(|| select_attr(&doc, r#"meta[name="application-name"]"#, "content"));
    let url = select_attr(&doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| select_attr(&doc, r#"meta[property="og:url"]"#, "content"));
    let author = select_attr(&doc, r#"meta[name="author"]"#, "content")
        .or_else(|| select_attr(&doc, r#"meta[property="article:author"]"#, "content"));
    let published = [
        (r#"meta[property="article:published_time"]"#, "content"),
        (r#"meta[name="date"]"#, "content"),
        (r#"meta[name="pubdate"]"#, "content"),
        (r#"meta[itemprop="datePublished"]"#, "content"),
        ("time[datetime]", "datetime"),
    ]
    .iter()
    .filter_map(|(sel, attr)| select_attr(&doc, sel, attr))
    .find_map(|v| meta_date(&v));

    // Prefer an <article> (or <main>) element when the page has one.
    let mut paragraphs = Vec::new();
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|t| Selector::parse(t).ok())
        .find_map(|s| doc.select(&s).next());
    if let Some(root) = root {
        let mut cur = String::new();
        walk(root, &mut cur, &mut paragraphs);
        flush(&mut cur, &mut paragraphs);
    }
    HtmlPage {
        title,
        outlet,
        url,
        author,
        published,
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_drops_furniture() {
        let page = r#"<html><head><title>T</title>
            <meta property="og:site_name" content="Wire">
            <meta property="article:published_time" content="2021-03-18T10:00:00Z">
            <link rel="canonical" href="https://example.org/a"></head>
            <body><nav>Home | World</nav>
            <article><h1>Russia recalls envoy</h1><p>Russia recalled its ambassador.</p>
            <div class="share-tools">Share on Twitter</div>
            <p>It said &amp; did more.</p></article>
            <div id="comments"><p>Reader: Russia attacked us.</p></div>
            <footer>(c) 2021</footer><script>var x = 1;</script></body></html>"#;
        let p = extract(page);
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(p.outlet.as_deref(), Some("Wire"));
        assert_eq!(p.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(p.published, NaiveDate::from_ymd_opt(2021, 3, 18));
        assert_eq!(
            p.paragraphs,
            vec![
                "Russia recalls envoy",
                "Russia recalled its ambassador.",
                "It said & did more."
            ]
        );
    }

    #[test]
    fn broken_html_still_yields_text() {
        let p = extract("<p>Russia met <b>China<p>Second");
        assert_eq!(p.paragraphs, vec!["Russia met China", "Second"]);
    }
}
