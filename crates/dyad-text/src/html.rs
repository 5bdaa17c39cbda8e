//! HTML page → the article's paragraphs and its metadata (title, outlet, URL, author, date,
//! publisher). The main text comes from `rs-trafilatura` (a Rust port of trafilatura: DOM
//! scoring, link density, boilerplate patterns); when it fails or finds nothing, a walker over
//! the `scraper` (html5ever) tree keeps the text outside scripts, navigation, headers,
//! footers, asides, forms and elements whose class or id names comments, sharing, related
//! links or menus. Metadata: `<meta>` tags, `<link rel=canonical>`, `<time datetime>` and
//! JSON-LD (`NewsArticle`, `Article`, `BlogPosting`…: `headline`, `datePublished`, `author`,
//! `publisher`).

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

/// Which extractor produced the paragraphs.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Extractor {
    /// `rs-trafilatura`.
    #[default]
    Trafilatura,
    /// Our own tree walker (rs-trafilatura failed or found no text).
    Walker,
}

/// Where the page's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageDate {
    /// A `<meta>` tag or `<time datetime>`.
    Meta,
    /// JSON-LD `datePublished`.
    JsonLd,
}

/// What the page gives us.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: Option<PageDate>,
    /// JSON-LD `publisher.name`.
    pub publisher: Option<String>,
    /// `<meta name="description">` (or `og:description`).
    pub description: Option<String>,
    /// Paragraph texts of the main content, in page order.
    pub paragraphs: Vec<String>,
    /// Per paragraph: whether it is a heading (`h1`–`h6`; known when the extractor's text lines
    /// up with the page's blocks).
    pub headings: Vec<bool>,
    /// Per paragraph: whether it sits inside page furniture (see `furniture_blocks`): the
    /// extractor kept it, but the page marks it as comments, navigation, sharing…
    pub furniture: Vec<bool>,
    /// Per paragraph: the share of its characters inside links, in percent (0 when the
    /// paragraphs are the extractor's own lines).
    pub link_density: Vec<u8>,
    /// Per paragraph: whether it sits in a figure or caption (see `PageBlock::caption`).
    pub captions: Vec<bool>,
    pub extractor: Extractor,
}

/// What JSON-LD says about the article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct JsonLd {
    pub headline: Option<String>,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub publisher: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
];

fn ld_name(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Object(o) => o.get("name").and_then(ld_name),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn ld_is_article(o: &serde_json::Map<String, serde_json::Value>) -> bool {
    match o.get("@type") {
        Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

fn ld_collect<'a>(
    v: &'a serde_json::Value,
    out: &mut Vec<&'a serde_json::Map<String, serde_json::Value>>,
) {
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| ld_collect(x, out)),
        serde_json::Value::Object(o) => {
            if ld_is_article(o) {
                out.push(o);
            }
            if let Some(g) = o.get("@graph") {
                ld_collect(g, out);
            }
            if let Some(m) = o.get("mainEntity") {
                ld_collect(m, out);
            }
        }
        _ => {}
    }
}

/// Reads the first article object of the page's JSON-LD scripts. Scripts that are not valid
/// JSON (HTML comments, CDATA wrappers and trailing junk are tolerated) are ignored.
pub fn json_ld(doc: &Html) -> JsonLd {
    let Ok(sel) = Selector::parse(r#"script[type="application/ld+json"]"#) else {
        return JsonLd::default();
    };
    let mut ld = JsonLd::default();
    for script in doc.select(&sel) {
        let body: String = script.text().collect();
        let body = body
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>")
            .trim();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(body) else {
            continue;
        };
        let mut objs = Vec::new();
        ld_collect(&v, &mut objs);
        for o in objs {
            ld.headline = ld.headline.or_else(|| o.get("headline").and_then(ld_name));
            ld.published = ld.published.or_else(|| {
                o.get("datePublished")
                    .and_then(|d| d.as_str())
                    .and_then(meta_date)
            });
            ld.author = ld.author.or_else(|| o.get("author").and_then(ld_name));
            ld.publisher = ld
                .publisher
                .or_else(|| o.get("publisher").and_then(ld_name));
        }
    }
    ld
}

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "template", "head", "menu", "figure",
];

/// Tags that never hold visible text (skipped even when walking the whole page).
const HARD_SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "iframe", "svg", "template", "head", "select", "textarea",
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

/// Collects the text of `el` in blocks. With `furniture_out`, page furniture (navigation,
/// headers, footers, forms, elements whose class or id names comments, sharing…) is skipped;
/// without it only tags that hold no visible text are.
fn walk(el: ElementRef<'_>, cur: &mut String, out: &mut Vec<String>, furniture_out: bool) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                let skip = if furniture_out {
                    SKIP_TAGS
                } else {
                    HARD_SKIP_TAGS
                };
                if skip.contains(&name) {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                if furniture_out && skip_by_attrs(&child_el) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    flush(cur, out);
                }
                walk(child_el, cur, out, furniture_out);
                if block {
                    flush(cur, out);
                }
            }
            _ => {}
        }
    }
}

/// A block of the page's text: the text (whitespace squeezed), whether it is a heading, and how
/// many of its non-whitespace characters sit inside links (`<a>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageBlock {
    pub text: String,
    pub heading: bool,
    pub chars: usize,
    pub link_chars: usize,
    /// Inside a figure or a caption (`<figure>`, `<figcaption>`, a class or id naming a
    /// caption).
    pub caption: bool,
}

/// The text of the block being collected by `walk_tagged`.
#[derive(Default)]
struct Pending {
    text: String,
    chars: usize,
    link_chars: usize,
}

impl Pending {
    fn flush(&mut self, out: &mut Vec<PageBlock>, heading: bool, caption: bool) {
        let norm = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !norm.is_empty() {
            out.push(PageBlock {
                text: norm,
                heading,
                chars: self.chars,
                link_chars: self.link_chars,
                caption,
            });
        }
        *self = Pending::default();
    }
}

/// Like `walk` over the whole page (only textless tags skipped), noting for each block
/// whether it is a heading (`h1`–`h6`) and how much of its text is link text.
fn walk_tagged(
    el: ElementRef<'_>,
    cur: &mut Pending,
    out: &mut Vec<PageBlock>,
    heading: bool,
    link: bool,
    caption: bool,
) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                cur.text.push_str(t);
                let n = t.chars().filter(|c| !c.is_whitespace()).count();
                cur.chars += n;
                if link {
                    cur.link_chars += n;
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if HARD_SKIP_TAGS.contains(&name) {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let block = BLOCK_TAGS.contains(&name);
                if block {
                    cur.flush(out, heading, caption);
                }
                let h = heading || matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                let l = link || (name == "a" && e.attr("href").is_some());
                let c = caption
                    || matches!(name, "figure" | "figcaption")
                    || [e.attr("class"), e.attr("id")]
                        .iter()
                        .flatten()
                        .any(|v| v.to_ascii_lowercase().contains("caption"));
                walk_tagged(child_el, cur, out, h, l, c);
                if block {
                    cur.flush(out, h, c);
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
    let head = s.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Whether an element holds reader comments: a class or id naming comments (`comments`,
/// `disqus_thread`). (Not `<form>`: some sites wrap the whole page in one.)
fn is_comment_element(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_lowercase();
    ["comment", "disqus"].iter().any(|m| names.contains(m))
        && !["article-body", "entry-content", "post-content"]
            .iter()
            .any(|m| names.contains(m))
}

/// The text blocks that sit inside reader-comment sections and comment forms (see
/// `is_comment_element`). The broader furniture markers of `walk` (navigation, sharing,
/// related links…) are not used here: on real pages the extractor's choice beats them.
pub fn furniture_blocks(doc: &Html) -> std::collections::HashSet<String> {
    fn visit(el: ElementRef<'_>, out: &mut std::collections::HashSet<String>) {
        for child in el.children() {
            let Some(child_el) = ElementRef::wrap(child) else {
                continue;
            };
            let name = child_el.value().name();
            if HARD_SKIP_TAGS.contains(&name) {
                continue;
            }
            if is_comment_element(&child_el) {
                let mut blocks = Vec::new();
                let mut cur = String::new();
                walk(child_el, &mut cur, &mut blocks, false);
                flush(&mut cur, &mut blocks);
                out.extend(blocks);
            } else {
                visit(child_el, out);
            }
        }
    }
    let mut out = std::collections::HashSet::new();
    if let Some(body) = Selector::parse("body")
        .ok()
        .and_then(|s| doc.select(&s).next())
    {
        visit(body, &mut out);
    }
    out
}

/// Every block of text in the page's `<body>`, furniture included (for `dyad clean --explain`).
pub fn page_blocks(doc: &Html) -> Vec<String> {
    page_blocks_tagged(doc)
        .into_iter()
        .map(|b| b.text)
        .collect()
}

/// Every block of text in the page's `<body>`, with its heading flag and link text.
pub fn page_blocks_tagged(doc: &Html) -> Vec<PageBlock> {
    let mut blocks = Vec::new();
    if let Some(body) = Selector::parse("body")
        .ok()
        .and_then(|s| doc.select(&s).next())
    {
        let mut cur = Pending::default();
        walk_tagged(body, &mut cur, &mut blocks, false, false, false);
        cur.flush(&mut blocks, false, false);
    }
    blocks
}

/// The paragraphs our own walker finds under `<article>`, `<main>` or `<body>`.
pub fn walker_paragraphs(doc: &Html) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|t| Selector::parse(t).ok())
        .find_map(|s| doc.select(&s).next());
    if let Some(root) = root {
        let mut cur = String::new();
        walk(root, &mut cur, &mut paragraphs, true);
        flush(&mut cur, &mut paragraphs);
    }
    paragraphs
}

/// The main text of a page as rs-trafilatura gives it, one paragraph (heading, list item,
/// quote) per element; `None` when it fails or finds nothing. rs-trafilatura's plain text
/// is cut at the page's own block boundaries where they line up with it (its text can glue a
/// heading to the next paragraph); when they do not (it rewrote the text), its lines are used.
/// Paragraphs, heading flags and link densities.
type Paragraphs = (Vec<String>, Vec<bool>, Vec<u8>, Vec<bool>);

fn trafilatura_paragraphs(html: &str, doc: &Html) -> Option<Paragraphs> {
    let r = rs_trafilatura::extract(html).ok()?;
    let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squash(&r.content_text);
    if text.is_empty() {
        return None;
    }
    let mut at = 0;
    let mut paras = Vec::new();
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut captions = Vec::new();
    let blocks: Vec<(PageBlock, String)> = page_blocks_tagged(doc)
        .into_iter()
        .map(|b| {
            let sb = squash(&b.text);
            (b, sb)
        })
        .collect();
    let mut used = vec![false; blocks.len()];
    // The extractor may put a later part of the page first (the article above a sidebar that
    // comes before it in the page): a pass over the page's blocks continues where the
    // extractor's text does, and passes repeat while they take a block.
    loop {
        let before = at;
        for (i, (b, sb)) in blocks.iter().enumerate() {
            if !used[i] && !sb.is_empty() && text[at..].starts_with(sb.as_str()) {
                at += sb.len();
                used[i] = true;
                paras.push(b.text.clone());
                headings.push(b.heading);
                links.push((b.link_chars * 100 / b.chars.max(1)).min(100) as u8);
                captions.push(b.caption);
            }
        }
        if at == before || at == text.len() {
            break;
        }
    }
    if at * 10 >= text.len() * 9 {
        return Some((paras, headings, links, captions));
    }
    let lines: Vec<String> = r
        .content_text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let headings = vec![false; lines.len()];
    let links = vec![0; lines.len()];
    let captions = vec![false; lines.len()];
    Some((lines, headings, links, captions))
}

/// Parses an HTML page. Returns the page with no paragraphs when it has no text.
pub fn extract(html: &str) -> HtmlPage {
    let doc = Html::parse_document(html);
    let ld = json_ld(&doc);
    let title = ld
        .headline
        .clone()
        .or_else(|| select_attr(&doc, r#"meta[property="og:title"]"#, "content"))
        .or_else(|| select_text(&doc, "title"))
        .or_else(|| select_text(&doc, "h1"));
    let outlet = select_attr(&doc, r#"meta[property="og:site_name"]"#, "content")
        .or_else(|| select_attr(&doc, r#"meta[name="application-name"]"#, "content"))
        .or_else(|| ld.publisher.clone());
    let url = select_attr(&doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| select_attr(&doc, r#"meta[property="og:url"]"#, "content"));
    let author = select_attr(&doc, r#"meta[name="author"]"#, "content")
        .or_else(|| select_attr(&doc, r#"meta[property="article:author"]"#, "content"))
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.author.clone());
    let meta_published = [
        (r#"meta[property="article:published_time"]"#, "content"),
        (r#"meta[name="date"]"#, "content"),
        (r#"meta[name="pubdate"]"#, "content"),
        (r#"meta[itemprop="datePublished"]"#, "content"),
        ("time[datetime]", "datetime"),
    ]
    .iter()
    .filter_map(|(sel, attr)| select_attr(&doc, sel, attr))
    .find_map(|v| meta_date(&v));
    let (published, published_from) = match (ld.published, meta_published) {
        (Some(d), _) => (Some(d), Some(PageDate::JsonLd)),
        (None, Some(d)) => (Some(d), Some(PageDate::Meta)),
        (None, None) => (None, None),
    };
    // A page whose body holds no text has no article (rs-trafilatura would give its title).
    let body_text = Selector::parse("body").ok().is_some_and(|s| {
        doc.select(&s)
            .next()
            .is_some_and(|b| b.text().any(|t| !t.trim().is_empty()))
    });
    let (paragraphs, headings, link_density, captions, extractor) = match body_text
        .then(|| trafilatura_paragraphs(html, &doc))
        .flatten()
    {
        Some((p, h, l, c)) => (p, h, l, c, Extractor::Trafilatura),
        None => {
            let p = walker_paragraphs(&doc);
            let h = vec![false; p.len()];
            let l = vec![0; p.len()];
            let c = vec![false; p.len()];
            (p, h, l, c, Extractor::Walker)
        }
    };
    let description = select_attr(&doc, r#"meta[name="description"]"#, "content")
        .or_else(|| select_attr(&doc, r#"meta[property="og:description"]"#, "content"));
    let furn = furniture_blocks(&doc);
    let furniture = paragraphs.iter().map(|p| furn.contains(p)).collect();
    HtmlPage {
        title,
        outlet,
        url,
        author,
        published,
        published_from,
        publisher: ld.publisher,
        description,
        paragraphs,
        headings,
        furniture,
        link_density,
        captions,
        extractor,
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
        // The extractor keeps the share line inside the article; boilerplate.rs drops it.
        for want in [
            "Russia recalls envoy",
            "Russia recalled its ambassador.",
            "It said & did more.",
        ] {
            assert!(p.paragraphs.iter().any(|x| x == want), "{:?}", p.paragraphs);
        }
        let all = p.paragraphs.join("\n");
        assert!(!all.contains("Home") && !all.contains("Reader") && !all.contains("(c)"));
        let kept = crate::boilerplate::clean(&all);
        assert!(!kept.contains("Share on Twitter"), "{kept}");
    }

    #[test]
    fn broken_html_still_yields_text() {
        let p = extract("<p>Russia met <b>China<p>Second");
        assert_eq!(p.paragraphs, vec!["Russia met China", "Second"]);
    }
}
