//! Decoded input → blocks (kept or dropped, with the reason and language), the kept text, its
//! map back to the raw input, and the metadata the page and its dateline give.

use crate::boilerplate::{self, DropReason};
use crate::{dateline, html, lang, rawmap};
use dyad_core::article::Format;
use dyad_core::{ArticleMeta, DateSource, Span};
use std::collections::BTreeMap;

/// One block of the input: a line of a text file, or a paragraph of an HTML page's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// Byte range in the raw input (see `Cleaned::raw_map` for the precision).
    pub raw: Option<Span>,
    pub dropped: Option<DropReason>,
    /// Language of the block's paragraph (ISO 639-3), when it was looked at.
    pub lang: Option<&'static str>,
    /// Whether the block starts a paragraph.
    pub para_start: bool,
}

/// What cleaning gives.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub blocks: Vec<Block>,
    /// The kept text: lines of a paragraph joined by `\n`, paragraphs by a blank line.
    pub text: String,
    /// `(span in text, span in raw input)` per kept block.
    pub raw_map: Vec<(Span, Span)>,
    /// Metadata from the page and the dateline (no command-line hints applied).
    pub meta: ArticleMeta,
}

/// Cleans a decoded input. Raw spans are byte offsets into `decoded`; the caller maps them to
/// the input's bytes. With `explain`, HTML blocks the extractor left out are added as dropped
/// blocks (in page order) so that every block of the page can be shown.
pub fn clean(decoded: &str, format: Format, explain: bool) -> Cleaned {
    match format {
        Format::Text => clean_text(decoded),
        Format::Html => clean_html(decoded, explain),
    }
}

fn clean_text(decoded: &str) -> Cleaned {
    let lines = boilerplate::classify(decoded);
    let mut blocks = Vec::with_capacity(lines.len());
    let mut para_start = true;
    for l in &lines {
        let t = l.text.trim();
        if t.is_empty() {
            para_start = true;
            continue;
        }
        let lead = l.text.len() - l.text.trim_start().len();
        blocks.push(Block {
            text: t.to_string(),
            raw: Some(Span::new(l.start + lead, l.start + lead + t.len())),
            dropped: l.dropped,
            lang: None,
            para_start,
        });
        para_start = false;
    }
    let mut meta = ArticleMeta::default();
    if let Some(a) = byline_author(&blocks) {
        meta.author = Some(a);
    }
    finish(blocks, meta)
}

/// An HTML block with at least this share (percent) of its characters inside links is dropped.
const LINK_DENSE_PERCENT: u8 = 50;

fn clean_html(decoded: &str, explain: bool) -> Cleaned {
    let page = html::extract(decoded);
    // A block whose text is mostly link text is navigation or a list of other articles; an
    // address written out as the link's text is part of the article.
    let link_dense: Vec<bool> = page
        .link_density
        .iter()
        .zip(&page.paragraphs)
        .map(|(&l, p)| l >= LINK_DENSE_PERCENT && !boilerplate::is_url_line(p))
        .collect();
    // Furniture, link-dense and caption paragraphs are dropped first; the text rules see the
    // others.
    let main: Vec<&str> = page
        .paragraphs
        .iter()
        .zip(page.furniture.iter().zip(&link_dense).zip(&page.captions))
        .filter(|(_, ((f, l), c))| !**f && !**l && !**c)
        .map(|(p, _)| p.as_str())
        .collect();
    let joined = main.join("\n");
    let lines = boilerplate::classify(&joined);
    let mut reasons = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| l.dropped);
    let mut vis = rawmap::VisibleText::new(decoded);
    let mut blocks: Vec<Block> = Vec::with_capacity(page.paragraphs.len());
    let mut body_started = false;
    for ((((p, &furniture), &heading), &dense), &caption) in page
        .paragraphs
        .iter()
        .zip(&page.furniture)
        .zip(&page.headings)
        .zip(&link_dense)
        .zip(&page.captions)
    {
        let dropped = if furniture {
            Some(DropReason::PageFurniture)
        } else if dense {
            Some(DropReason::LinkDense)
        } else if caption {
            Some(DropReason::Caption)
        } else if p.trim().is_empty() {
            continue;
        } else {
            let r = reasons.next().flatten();
            // Headings above the first paragraph: headline, kicker, standfirst.
            if r.is_none() && heading && !body_started {
                Some(DropReason::Headline)
            } else {
                body_started |= r.is_none();
                r
            }
        };
        blocks.push(Block {
            text: p.trim().to_string(),
            raw: vis.locate(p),
            dropped,
            lang: None,
            para_start: true,
        });
    }
    let mut meta = ArticleMeta {
        title: page.title,
        outlet: page.outlet,
        url: page.url,
        author: page.author,
        publisher: page.publisher,
        ..ArticleMeta::default()
    };
    if let Some(d) = page.published {
        meta.published = Some(d);
        meta.date_source = Some(match page.published_from {
            Some(html::PageDate::JsonLd) => DateSource::JsonLd,
            _ => DateSource::HtmlMeta,
        });
    }
    if meta.author.is_none() {
        meta.author = byline_author(&blocks);
    }
    let mut c = finish(std::mem::take(&mut blocks), meta);
    if explain {
        add_left_out(&mut c, decoded);
    }
    c
}

/// Adds the page's other blocks (found by our walker, not kept by the extractor) as dropped
/// blocks, and puts all blocks in page order.
fn add_left_out(c: &mut Cleaned, decoded: &str) {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let kept: String = c.blocks.iter().map(|b| squash(&b.text)).collect();
    let doc = scraper::Html::parse_document(decoded);
    let mut vis = rawmap::VisibleText::new(decoded);
    for p in html::page_blocks(&doc) {
        let s = squash(&p);
        if s.is_empty() || kept.contains(&s) {
            continue;
        }
        c.blocks.push(Block {
            raw: vis.locate(&p),
            text: p,
            dropped: Some(DropReason::NotMainContent),
            lang: None,
            para_start: true,
        });
    }
    c.blocks
        .sort_by_key(|b| b.raw.map_or(usize::MAX, |r| r.start));
}

/// "by Jane Doe (site.org)", "Posted July 17, 2018 by The Ledger": the author named in a
/// byline among the first lines.
fn byline_author(blocks: &[Block]) -> Option<String> {
    for b in blocks.iter().take(4) {
        let t = b.text.as_str();
        if t.split_whitespace().count() > 14 {
            continue;
        }
        let lower = t.to_lowercase();
        let at = if lower.starts_with("by ") {
            3
        } else if let Some(p) = lower.find(" by ") {
            p + 4
        } else {
            continue;
        };
        let name: String = t[at..]
            .split(['(', ',', '|', '—', '–'])
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let words: Vec<&str> = name.split_whitespace().collect();
        if (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.len() <= 3)
        {
            return Some(name);
        }
    }
    None
}

/// Language per paragraph, the kept text and its raw map, the dateline.
fn finish(mut blocks: Vec<Block>, mut meta: ArticleMeta) -> Cleaned {
    // Language: one call per paragraph, over its kept blocks.
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut i = 0;
    while i < blocks.len() {
        let mut e = i + 1;
        while e < blocks.len() && !blocks[e].para_start {
            e += 1;
        }
        let text: Vec<&str> = blocks[i..e]
            .iter()
            .filter(|b| b.dropped.is_none())
            .map(|b| b.text.as_str())
            .collect();
        if !text.is_empty() {
            let code = lang::detect(&text.join(" "));
            *languages.entry(code.to_string()).or_default() += 1;
            for b in blocks[i..e].iter_mut().filter(|b| b.dropped.is_none()) {
                b.lang = Some(code);
                if !lang::is_english(code) {
                    b.dropped = Some(DropReason::Language);
                }
            }
        }
        i = e;
    }
    // The kept text.
    let mut text = String::new();
    let mut raw_map = Vec::new();
    let mut gap = false;
    for b in &blocks {
        if b.dropped.is_some() {
            gap = true;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if b.para_start || gap { "\n\n" } else { "\n" });
        }
        gap = false;
        let start = text.len();
        text.push_str(&b.text);
        if let Some(r) = b.raw {
            raw_map.push((Span::new(start, text.len()), r));
        }
    }
    // The dateline: among the first lines of the kept text; a year for a dateline without
    // one from the dropped lines (copyright, comment timestamps).
    let dropped_text: String = blocks
        .iter()
        .filter(|b| b.dropped.is_some())
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let year_hint = meta
        .published
        .map(|d| chrono::Datelike::year(&d))
        .or_else(|| dateline::latest_year(&dropped_text));
    // The head of the article for the dateline includes the lines dropped above it (kicker,
    // byline, time line).
    let head: String = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.dropped,
                None | Some(DropReason::Headline | DropReason::Timestamp)
            )
        })
        .take(8)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let dl = dateline::find(&head, year_hint);
    if meta.published.is_none() {
        if let Some(d) = dl.date {
            meta.published = Some(d);
            meta.date_source = Some(DateSource::Dateline);
        }
    }
    if meta.outlet.is_none() {
        meta.outlet = dl.outlet;
    }
    meta.languages = languages;
    Cleaned {
        blocks,
        text,
        raw_map,
        meta,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_raw_map_is_exact() {
        let raw = "Title line\r\n\r\n  MOSCOW, March 18, 2021 -- Russia recalled its ambassador to \
                   Washington on Wednesday, the ministry said.\r\nShare this:\r\nTwitter\r\nFacebook\r\nEmail\r\n";
        let c = clean(raw, Format::Text, false);
        assert!(!c.text.contains("Twitter"));
        assert_eq!(
            c.meta.published,
            chrono::NaiveDate::from_ymd_opt(2021, 3, 18)
        );
        assert!(!c.raw_map.is_empty());
        for (t, r) in &c.raw_map {
            assert_eq!(&c.text[t.start..t.end], &raw[r.start..r.end]);
        }
    }

    #[test]
    fn russian_paragraph_is_reported_and_left_out() {
        let raw = "Russia and the United States held talks in Geneva on Wednesday, officials said.\n\n\
                   Министр иностранных дел России Сергей Лавров заявил, что Москва готова к диалогу.\n\n\
                   The talks will continue next month in Vienna, the ministry said in a statement.\n";
        let c = clean(raw, Format::Text, false);
        assert!(!c.text.contains("Лавров"));
        assert_eq!(c.meta.languages.get("rus"), Some(&1));
        assert_eq!(c.meta.languages.get("eng"), Some(&2));
        let ru = c.blocks.iter().find(|b| b.text.contains("Лавров")).unwrap();
        assert_eq!(ru.dropped, Some(DropReason::Language));
        assert_eq!(ru.lang, Some("rus"));
    }

    #[test]
    fn html_raw_map_points_at_the_paragraphs() {
        let raw = r#"<html><head><title>Envoy recalled</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Russia recalls envoy","datePublished":"2021-03-18T10:00:00Z",
            "author":{"@type":"Person","name":"Jane Roe"},"publisher":{"@type":"Organization","name":"Wire"}}</script>
            </head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <article><p>Russia recalled its ambassador to Washington on Wednesday, the foreign ministry in Moscow said in a statement.</p>
            <p>The ministry said the envoy would return for consultations &amp; talks on the future of relations with the United States.</p>
            <p>Washington said it regretted the decision and hoped that dialogue between the two countries would continue.</p></article>
            <footer>(c) 2021 Wire</footer></body></html>"#;
        let c = clean(raw, Format::Html, false);
        assert_eq!(c.meta.title.as_deref(), Some("Russia recalls envoy"));
        assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(c.meta.publisher.as_deref(), Some("Wire"));
        assert_eq!(c.meta.date_source, Some(DateSource::JsonLd));
        assert!(c.text.contains("consultations & talks"), "{}", c.text);
        assert!(!c.text.contains("Home"));
        assert!(c.raw_map.len() >= 3, "{:?}", c.raw_map);
        for (t, r) in &c.raw_map {
            let kept = &c.text[t.start..t.end];
            let src = &raw[r.start..r.end];
            assert_eq!(
                kept.split_whitespace().next(),
                src.split_whitespace().next()
            );
            assert!(src.ends_with(kept.chars().last().unwrap()), "{src}");
        }
    }
}
