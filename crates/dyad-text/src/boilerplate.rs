//! Plain-text boilerplate removal: cuts reader-comment sections, comment forms, share prompts,
//! author bios and contact blocks, disclaimers, link lists of other headlines and
//! copyright/"powered by" footers out of text dumps of web pages (and out of the text an HTML
//! extractor kept), so that only the article's own words reach the coder. Every dropped line
//! carries its reason.
//!
//! The rules read the *shape* of the text, not strings of any one site:
//! - where the article body is: its prose lines (long, ending like a sentence); what comes after
//!   the last of them is the tail, where bios, contact lines, forms and footers live;
//! - comment threads: short header lines that repeat (same last word: "… says:", "…'s
//!   picture") or are followed by a timestamp line (a time of day, a date with a year), or a
//!   counted heading ("7 thoughts on …", "Comments (12)");
//! - templates: lines that share their first words with another line (form widgets);
//! - link lists: runs of "Headline -- Outlet" lines or of bare URLs, with the short heading
//!   above them;
//! - prompts: short lines ending in a colon that introduce nothing but short lines, short
//!   lines ending in an ellipsis or arrow, and the usual calls to action;
//! - contact and bio lines: e-mail addresses, phone numbers and URLs in the tail, "About …:" or
//!   "… contact:" labels, and whatever short lines follow them;
//! - fragments: short unpunctuated lines after the article's last prose line, and runs of
//!   three or more such lines anywhere.

/// Why a line was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DropReason {
    /// Inside or after a reader-comment section.
    Comments,
    /// A comment or sign-in form, or widget text repeated from a template.
    CommentForm,
    /// A run of short lines: share buttons, menus, tags.
    ShortLineRun,
    /// A list of other headlines ("Headline -- Outlet", bare URLs) and its heading.
    LinkList,
    /// A call to action: "Read more", "Subscribe", "Share this:", "Follow us".
    Prompt,
    /// Copyright, "Powered by", "All rights reserved".
    Footer,
    /// An author bio, signature or contact block (e-mail, phone, web site).
    Contact,
    /// A disclaimer or republication notice.
    Disclaimer,
    /// A line repeated from earlier in the text (a title printed twice).
    Duplicate,
    /// After an end-of-article marker ("###", "-30-").
    AfterEnd,
    /// A short fragment after the article's last prose line.
    Trailing,
    /// Not in the main content of an HTML page (decided by the extractor).
    NotMainContent,
    /// Kept by the HTML extractor, but inside an element the page marks as reader comments or
    /// a form (`<form>`, class or id naming comments).
    PageFurniture,
    /// A paragraph in a language other than English (the coder reads English).
    Language,
    /// A heading above the article's first paragraph: its headline, kicker or standfirst (the
    /// title is kept in the metadata).
    Headline,
    /// A line that only dates the page ("Updated: 19 November 2019, 09:01 AM").
    Timestamp,
    /// HTML only: a block whose text is mostly links (navigation, lists of other articles).
    LinkDense,
    /// HTML only: a figure's caption or credit (`<figure>`, `<figcaption>`, a class or id
    /// naming a caption).
    Caption,
}

impl DropReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::Comments => "comment section",
            DropReason::CommentForm => "comment form or widget",
            DropReason::ShortLineRun => "run of short lines (share/menu)",
            DropReason::LinkList => "list of links to other articles",
            DropReason::Prompt => "call to action",
            DropReason::Footer => "page footer",
            DropReason::Contact => "author bio or contact block",
            DropReason::Disclaimer => "disclaimer or republication notice",
            DropReason::Duplicate => "repeated line",
            DropReason::AfterEnd => "after the end-of-article marker",
            DropReason::Trailing => "short fragment after the article's last paragraph",
            DropReason::NotMainContent => "not main content (HTML extractor)",
            DropReason::PageFurniture => "inside the page's comment section or a form",
            DropReason::Language => "not English",
            DropReason::Timestamp => "date or time line",
            DropReason::Headline => "headline or standfirst above the article",
            DropReason::LinkDense => "mostly link text",
            DropReason::Caption => "figure caption or credit",
        }
    }

    /// A short machine name (`--json`, snapshots).
    pub fn code(self) -> &'static str {
        match self {
            DropReason::Comments => "comments",
            DropReason::CommentForm => "comment_form",
            DropReason::ShortLineRun => "short_line_run",
            DropReason::LinkList => "link_list",
            DropReason::Prompt => "prompt",
            DropReason::Footer => "footer",
            DropReason::Contact => "contact",
            DropReason::Disclaimer => "disclaimer",
            DropReason::Duplicate => "duplicate",
            DropReason::AfterEnd => "after_end",
            DropReason::Trailing => "trailing",
            DropReason::NotMainContent => "not_main_content",
            DropReason::PageFurniture => "page_furniture",
            DropReason::Language => "language",
            DropReason::Timestamp => "timestamp",
            DropReason::Headline => "headline",
            DropReason::LinkDense => "link_dense",
            DropReason::Caption => "caption",
        }
    }
}

/// One line of the input and whether it was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line without its line break (and without a trailing `\r`).
    pub text: &'a str,
    /// Byte offset of the line in the input.
    pub start: usize,
    pub dropped: Option<DropReason>,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with("a.m.") || t.ends_with("p.m.") {
        return false;
    }
    t.ends_with(['.', '!', '?', '"', '”', '’', '…', ')', '»', '\'']) && !ends_like_ellipsis_link(t)
}

/// "Read more ....", "Continue →", "More »": a short line that points somewhere else.
fn ends_like_ellipsis_link(t: &str) -> bool {
    words(t) <= 3 && (t.ends_with("...") || t.ends_with('…') || t.ends_with(['→', '»', '›']))
}

/// A prose line of the article body: long and ending like a sentence, or very long.
fn is_prose(s: &str) -> bool {
    let w = words(s);
    (w >= 10 && ends_like_sentence(s)) || w >= 30
}

/// Lines of a comment thread's headers, timestamps and actions are short.
fn is_short(s: &str) -> bool {
    words(s) <= 6
}

/// A time of day ("8:14 am", "14:05"), or a short line holding a month and a four-digit year,
/// or a numeric date ("17/07/2018", "2018-07-17"): the timestamp line of a comment.
fn is_timestamp(s: &str) -> bool {
    let t = s.trim();
    if words(t) > 10 || t.is_empty() {
        return false;
    }
    let b = t.as_bytes();
    let time = (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() && {
            b.get(i + 2).is_some_and(|c| c.is_ascii_digit())
        }
    });
    let has_year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let lower = t.to_lowercase();
    let has_month = lower.split(|c: char| !c.is_alphabetic()).any(|w| {
        dyad_core::calendar::MONTH_NAMES
            .iter()
            .any(|m| w.starts_with(&m[..3]))
    });
    // "17/07/2018", "2018-07-17", "12.3.19"; not a phone number ("02-751-1500": a date has
    // no three-digit part and its middle part is a day or a month).
    let numeric_date = t.split_whitespace().any(|w| {
        let w = w.trim_end_matches([',', ';', ':', ')']);
        let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
        parts.len() == 3
            && w.chars().filter(char::is_ascii_digit).count() >= 4
            && parts
                .iter()
                .all(|p| matches!(p.len(), 1 | 2 | 4) && p.chars().all(|c| c.is_ascii_digit()))
            && parts[1].len() <= 2
    });
    let relative = lower.ends_with(" ago");
    time || (has_year && has_month) || numeric_date || relative
}

/// "8:14 am", "14:05".
fn has_time_of_day(t: &str) -> bool {
    let b = t.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b.get(i + 2).is_some_and(|c| c.is_ascii_digit())
    })
}

/// "N comments", "7 thoughts on “…”", "Leave a Reply", "Comments (12)", "Reader comments".
fn is_comment_heading(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    // A counted heading may quote the article's title.
    if words(&l) > 30
        || l.is_empty()
        || (words(&l) > 12 && !l.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let mut it = l.split_whitespace();
    let first = it.next().unwrap_or("");
    let second = it.next().unwrap_or("");
    let counted = first.parse::<u32>().is_ok()
        && matches!(
            second.trim_end_matches(':'),
            "comments"
                | "comment"
                | "thoughts"
                | "responses"
                | "response"
                | "replies"
                | "reactions"
                | "reader"
        );
    counted
        || l.starts_with("leave a reply")
        || l.starts_with("leave a comment")
        || l.starts_with("post a comment")
        || l.starts_with("add a comment")
        || l.starts_with("add new comment")
        || l.starts_with("reader comments")
        || l.starts_with("readers' comments")
        || l == "comments"
        || l == "comments:"
        || l.starts_with("comments (")
        || l.starts_with("join the discussion")
        || l.starts_with("join the conversation")
}

/// A comment form: "Your email address will not be published", required-field labels ("Name
/// *"), "Post Comment", "Notify me of …".
fn is_form_line(s: &str) -> bool {
    let t = s.trim();
    let l = t.to_lowercase();
    let label = t.trim_end_matches('*').trim_end();
    let required_field = t.ends_with('*')
        && !t.ends_with("**")
        && words(label) <= 3
        && label.starts_with(|c: char| c.is_alphabetic())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    required_field
        || l.starts_with("your email address will not be published")
        || l.starts_with("required fields are marked")
        || l.starts_with("notify me of")
        || l.starts_with("save my name")
        || l.starts_with("you must be logged in")
        || l == "post comment"
        || l == "submit comment"
}

/// The first three words of a line, lower-cased: lines of a template share them.
fn lead(s: &str) -> Option<String> {
    let w: Vec<&str> = s.split_whitespace().take(4).collect();
    (w.len() == 4).then(|| w.join(" ").to_lowercase())
}

/// "Headline text -- Outlet" or "Headline text | Outlet Name".
fn is_headline_link(s: &str) -> bool {
    let t = s.trim();
    if ends_like_sentence(t) && !t.ends_with(')') {
        return false;
    }
    // " - " and " – " join words inside titles too often to mark an outlet; a line with two
    // or more " | " is a table row.
    if t.matches(" | ").count() > 1 {
        return false;
    }
    for sep in [" -- ", " — ", " | "] {
        if let Some(p) = t.rfind(sep) {
            let tail = &t[p + sep.len()..];
            let outlet_like = tail.split_whitespace().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || w.len() <= 3
            });
            if (1..=6).contains(&words(tail)) && words(&t[..p]) >= 3 && outlet_like {
                return true;
            }
        }
    }
    false
}

/// A line that is only a URL.
pub(crate) fn is_url_line(t: &str) -> bool {
    words(t) == 1
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

fn is_prompt(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    let starts = [
        "read more",
        "subscribe",
        "click here",
        "follow us",
        "follow me",
        "sign up",
        "share this",
        "share on",
        "like this:",
        "related:",
        "advertisement",
        "advert",
        "sponsored",
        "continue reading",
        "tags:",
        "filed under",
        "get started",
        "log in",
        "log out",
        "recommended:",
        "see also:",
    ];
    let single = ["advert", "advertisement", "ad", "sponsored", "promoted"];
    (words(&l) <= 14 && starts.iter().any(|p| l.starts_with(p)))
        || single.contains(&l.as_str())
        || ends_like_ellipsis_link(s.trim())
}

/// A subscription pitch: a short paragraph offering delivery to the reader ("… delivered to
/// your inbox", "Let our news meet your inbox", "… through your letterbox every month") or a
/// newsletter to sign up or subscribe to.
fn is_pitch(s: &str) -> bool {
    if words(s) > 40 {
        return false;
    }
    let l = s.to_lowercase();
    let delivery = [
        "your inbox",
        "your letterbox",
        "your mailbox",
        "delivered to your",
    ]
    .iter()
    .any(|p| l.contains(p));
    let newsletter = l.contains("newsletter")
        && ["sign up", "subscribe", "signup"]
            .iter()
            .any(|p| l.contains(p));
    delivery || newsletter
}

/// A headline of another article: 4–20 words, capitalized, not ending like a sentence (a
/// question mark is allowed).
fn is_headline(s: &str) -> bool {
    let t = s.trim();
    let w = words(t);
    (4..=20).contains(&w)
        && t.starts_with(|c: char| c.is_uppercase())
        && (!ends_like_sentence(t) || t.ends_with('?'))
        && !t.ends_with(':')
}

/// "SEE MORE: Headline", "READ MORE: …", "RELATED: …": a capitalized label and a headline; or a
/// headline in capitals ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES"), as sites set the
/// links they put inside an article.
fn is_inline_link(s: &str) -> bool {
    let t = s.trim();
    if let Some((label, rest)) = t.split_once(':') {
        let lw = words(label);
        let caps = label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let letters = label.chars().filter(|c| c.is_alphabetic()).count();
        if (1..=3).contains(&lw) && letters >= 4 && caps && is_headline(rest) {
            return true;
        }
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    words(t) >= 8
        && !ends_like_sentence(t)
        && letters.len() >= 24
        && letters.iter().all(|c| c.is_uppercase())
}

/// "You may also like…", "More:", "DON'T MISS": a short heading over a list of other
/// articles: it ends in a colon or an ellipsis, or is a few words in capitals.
fn is_list_heading(s: &str) -> bool {
    let t = s.trim();
    let w = words(t);
    let caps = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && t.chars().any(char::is_alphabetic);
    (1..=6).contains(&w)
        && !t.chars().any(|c| c.is_ascii_digit())
        && (t.ends_with(':') || t.ends_with("...") || t.ends_with('…') || (caps && w <= 3))
}

fn is_footer(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    words(&l) <= 30
        && (l.starts_with('©')
            || l.starts_with("copyright")
            || l.contains("all rights reserved")
            || l.contains("powered by")
            || l.starts_with("(c) ")
            || l.starts_with("create a free website")
            || l.starts_with("create your website")
            || l.starts_with("blog at ")
            || l.contains("theme by "))
}

fn is_disclaimer(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    [
        "disclaimer",
        "disclosure:",
        "the views expressed",
        "the views and opinions expressed",
        "the opinions expressed",
        "this article was originally published",
        "this article was first published",
        "this article originally appeared",
        "originally published",
        "reprinted with permission",
        "republished with permission",
        "note to editors",
        "forward-looking statements",
        "this story has been",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// An e-mail address or a phone number.
fn has_contact(s: &str) -> bool {
    let email = s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.ends_with('.'))
    });
    let digits_run = s
        .split(|c: char| !(c.is_ascii_digit() || " -().+".contains(c)))
        .any(|p| {
            p.chars().filter(char::is_ascii_digit).count() >= 9 && !p.trim().contains(' ') || {
                let d = p.chars().filter(char::is_ascii_digit).count();
                d >= 9 && p.contains(['-', '(', '+'])
            }
        });
    email || digits_run
}

/// "About the author:", "Media contact:", "Press contact": the label of a bio or contact
/// block.
fn is_bio_label(s: &str) -> bool {
    let t = s.trim();
    let label = match t.split_once(':') {
        Some((a, _)) => a,
        None if words(t) <= 5 && !ends_like_sentence(t) => t,
        None => return false,
    };
    if words(label) > 5 {
        return false;
    }
    let l = label.to_lowercase();
    [
        "about the author",
        "about the writer",
        "about me",
        "about us",
        "author bio",
        "bio",
    ]
    .iter()
    .any(|p| l == *p)
        || l.contains("contact")
}

/// "###", "-30-", "— END —": the press-release end-of-article marker.
fn is_end_marker(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        t.as_str(),
        "###" | "-30-" | "-###-" | "—30—" | "-end-" | "--end--" | "—end—"
    )
}

/// Marks the boilerplate lines of `text`.
pub fn classify(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let t = raw.strip_suffix('\n').unwrap_or(raw);
        let t = t.strip_suffix('\r').unwrap_or(t);
        lines.push(Line {
            text: t,
            start,
            dropped: None,
        });
        start += raw.len();
    }
    let n = lines.len();
    let nonblank: Vec<usize> = (0..n)
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    let Some(&first_prose) = nonblank.iter().find(|&&i| is_prose(lines[i].text)) else {
        // No prose at all: only the line rules apply.
        line_rules(&mut lines, &nonblank, n, None);
        return lines;
    };
    let set = |lines: &mut Vec<Line<'_>>, i: usize, r: DropReason| {
        if lines[i].dropped.is_none() {
            lines[i].dropped = Some(r);
        }
    };

    // 1. An end-of-article marker ends the article.
    if let Some(&m) = nonblank
        .iter()
        .find(|&&i| i > first_prose && is_end_marker(lines[i].text))
    {
        for i in m..n {
            set(&mut lines, i, DropReason::AfterEnd);
        }
    }

    // 2. The comment section: a counted heading, or the first of the thread's header lines.
    let tail_from = first_prose + 1;
    let headers = comment_headers(&lines, &nonblank, tail_from);
    let heading = nonblank
        .iter()
        .copied()
        .find(|&i| i > first_prose && is_comment_heading(lines[i].text));
    let comments_at = match (heading, headers.first().copied()) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };

    // 3. Line rules before the comment section (and refining reasons inside it).
    line_rules(&mut lines, &nonblank, n, comments_at);
    // Inside the comment section, "comment section" is the reason unless a rule gave a more
    // specific one (form, footer, link list).
    if let Some(c) = comments_at {
        for l in &mut lines[c..] {
            if !matches!(
                l.dropped,
                Some(DropReason::Footer | DropReason::LinkList | DropReason::CommentForm)
            ) || (l.dropped == Some(DropReason::CommentForm) && is_timestamp(l.text))
            {
                l.dropped = Some(DropReason::Comments);
            }
        }
    }

    // 4. The article body ends at its last prose line still kept; contact lines, bios and
    //    short fragments after it go.
    let kept = |lines: &Vec<Line<'_>>, i: usize| lines[i].dropped.is_none();
    let last_prose = nonblank
        .iter()
        .copied()
        .rfind(|&i| kept(&lines, i) && is_prose(lines[i].text))
        .unwrap_or(first_prose);
    // A contact line or bio label in the last third of the text before the comments, with at
    // most two prose lines after it, starts the signature block.
    let body: Vec<usize> = nonblank
        .iter()
        .copied()
        .filter(|&i| comments_at.is_none_or(|c| i < c))
        .collect();
    let third = body.len() * 2 / 3;
    let tail_lines: Vec<usize> = body[third.min(body.len())..]
        .iter()
        .copied()
        .filter(|&i| i > first_prose && kept(&lines, i))
        .collect();
    for &i in &tail_lines {
        let t = lines[i].text;
        let signature = (has_contact(t) && words(t) <= 40) || is_bio_label(t);
        let signature = signature && !is_url_line(t.trim());
        if !signature {
            continue;
        }
        let prose_after = nonblank
            .iter()
            .filter(|&&j| j > i && kept(&lines, j) && is_prose(lines[j].text))
            .count();
        if prose_after <= 2 {
            for &j in nonblank.iter().filter(|&&j| j >= i) {
                if lines[j].dropped.is_none() {
                    lines[j].dropped = Some(DropReason::Contact);
                }
            }
            break;
        }
    }
    // A few short fragments after the last prose line are leftovers ("Up ↑", "Get started");
    // many are the article's own list (products, dates) and stay.
    let after: Vec<usize> = nonblank
        .iter()
        .copied()
        .filter(|&i| i > last_prose && kept(&lines, i))
        .collect();

    if after.len() <= 4 {
        for i in after {
            let t = lines[i].text;
            if words(t) < 8 && !ends_like_sentence(t) {
                lines[i].dropped = Some(DropReason::Trailing);
            }
        }
    }

    // 5. A title printed twice: a line that repeats the line before it, or one of the first
    //    three lines while itself among the first six.
    let kept_lines: Vec<usize> = nonblank
        .iter()
        .copied()
        .filter(|&i| kept(&lines, i))
        .collect();
    for (k, &i) in kept_lines.iter().enumerate() {
        let t = lines[i].text.trim();
        if words(t) < 3 {
            continue;
        }
        let repeats_previous = k > 0 && lines[kept_lines[k - 1]].text.trim() == t;
        let repeats_title = k < 6
            && kept_lines[..k.min(3)]
                .iter()
                .any(|&j| lines[j].text.trim() == t);
        if repeats_previous || repeats_title {
            lines[i].dropped = Some(DropReason::Duplicate);
        }
    }
    lines
}

/// Header lines of a comment thread after `from`: short lines followed by a timestamp line, or short lines ending in the same lower-case word as at least one other (the
/// "… says:" / "…'s picture" shape). Only returned when there are at least two.
fn comment_headers(lines: &[Line<'_>], nonblank: &[usize], from: usize) -> Vec<usize> {
    let cand: Vec<usize> = nonblank.iter().copied().filter(|&i| i >= from).collect();
    let mut by_tail: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // A commenter's header names a person: "Jane Doe says:", "Jane's picture", "Bob wrote:".
    let tail_word = |s: &str| -> Option<String> {
        let w = s.split_whitespace().last()?;
        let starts_lower = w.chars().next().is_some_and(char::is_lowercase);
        let names_someone = w.ends_with(':') || s.contains("'s ") || s.contains("’s ");
        (starts_lower && names_someone && words(s) >= 2).then(|| w.to_string())
    };
    for &i in &cand {
        let t = lines[i].text;
        if is_short(t) && !ends_like_sentence(t) {
            if let Some(w) = tail_word(t) {
                *by_tail.entry(w).or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    for (k, &i) in cand.iter().enumerate() {
        let t = lines[i].text;
        if !is_short(t) || ends_like_sentence(t) || is_timestamp(t) {
            continue;
        }
        let stamped = cand
            .get(k + 1)
            .is_some_and(|&j| is_timestamp(lines[j].text));
        let repeated = tail_word(t).is_some_and(|w| by_tail.get(&w).copied().unwrap_or(0) >= 2)
            // Followed by a comment (four words or more) or its timestamp, not by a button.
            && cand
                .get(k + 1)
                .is_some_and(|&j| words(lines[j].text) >= 4 || is_timestamp(lines[j].text));
        if stamped || repeated {
            out.push(i);
        }
    }
    // Consecutive headers need a comment body between them (a line that is neither header nor
    // timestamp): a schedule or a programme is not a thread.
    let bodies_between = out.windows(2).all(|w| {
        cand.iter()
            .filter(|&&j| j > w[0] && j < w[1])
            .any(|&j| !is_timestamp(lines[j].text))
    });
    if out.len() >= 2 && bodies_between {
        out
    } else {
        Vec::new()
    }
}

/// The rules that look at one line or a run of lines.
/// `comments_at`: where the comment section starts, if it has been found (template lines
/// inside it are form text even when they read like sentences).
fn line_rules(lines: &mut [Line<'_>], nonblank: &[usize], n: usize, comments_at: Option<usize>) {
    // Prompts, footers, forms, disclaimers, line by line.
    for &i in nonblank {
        let t = lines[i].text;
        if lines[i].dropped.is_some() {
            continue;
        }
        lines[i].dropped = if is_form_line(t) {
            Some(DropReason::CommentForm)
        } else if is_prompt(t) || is_pitch(t) {
            Some(DropReason::Prompt)
        } else if is_footer(t) {
            Some(DropReason::Footer)
        } else if is_disclaimer(t) && words(t) <= 80 {
            Some(DropReason::Disclaimer)
        } else if is_timestamp(t) && !ends_like_sentence(t) && has_time_of_day(t) {
            Some(DropReason::Timestamp)
        } else if is_inline_link(t) {
            Some(DropReason::LinkList)
        } else {
            None
        };
    }
    // A list heading over two or more headlines.
    let kept: Vec<usize> = nonblank
        .iter()
        .copied()
        .filter(|&i| lines[i].dropped.is_none())
        .collect();
    let mut k = 0;
    while k < kept.len() {
        if !is_list_heading(lines[kept[k]].text) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while e < kept.len() && is_headline(lines[kept[e]].text) {
            e += 1;
        }
        if e - k > 2 {
            for &i in &kept[k..e] {
                lines[i].dropped = Some(DropReason::LinkList);
            }
            k = e;
        } else {
            k += 1;
        }
    }
    // Template lines in the comment section: three or more lines that share their first four
    // words are widget text ("You are commenting using your … account"). (Elsewhere, repeated
    // openings are the article's own lists: recipes, schedules.)
    let mut leads: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &i in nonblank {
        if let Some(l) = lead(lines[i].text) {
            *leads.entry(l).or_default() += 1;
        }
    }
    for &i in nonblank {
        let t = lines[i].text;
        let in_comments = comments_at.is_some_and(|c| i >= c);
        if lines[i].dropped.is_none()
            && words(t) <= 20
            && in_comments
            && lead(t).is_some_and(|l| leads.get(&l).copied().unwrap_or(0) >= 3)
        {
            lines[i].dropped = Some(DropReason::CommentForm);
        }
    }
    // Link lists: two or more headline-link lines (blank lines between allowed) or
    // more bare URLs, plus a short unpunctuated heading just before them.
    let kept: Vec<usize> = nonblank
        .iter()
        .copied()
        .filter(|&i| lines[i].dropped.is_none())
        .collect();
    let url_line = |s: &str| is_url_line(s.trim());
    for (test, min) in [(is_headline_link as fn(&str) -> bool, 2), (url_line, 3)] {
        let mut k = 0;
        while k < kept.len() {
            let mut e = k;
            while e < kept.len() && lines[kept[e]].dropped.is_none() && test(lines[kept[e]].text) {
                e += 1;
            }
            if e - k >= min {
                for &i in &kept[k..e] {
                    lines[i].dropped = Some(DropReason::LinkList);
                }
                if k > 0 {
                    let h = kept[k - 1];
                    if lines[h].dropped.is_none()
                        && !ends_like_sentence(lines[h].text)
                        && words(lines[h].text) <= 10
                    {
                        lines[h].dropped = Some(DropReason::LinkList);
                    }
                }
                k = e;
            } else {
                k += 1;
            }
        }
    }
    // A short line ending in a colon that introduces nothing, or only short lines.
    let kept: Vec<usize> = nonblank
        .iter()
        .copied()
        .filter(|&i| lines[i].dropped.is_none())
        .collect();
    for (k, &i) in kept.iter().enumerate() {
        let t = lines[i].text.trim();
        if !(t.ends_with(':') && words(t) <= 12) {
            continue;
        }
        let next = kept.get(k + 1).map(|&j| lines[j].text);
        let introduces_nothing = match next {
            None => true,
            Some(nx) => words(nx) <= 3 && !ends_like_sentence(nx),
        };
        // A following dropped line (a share block, a form) counts as nothing.
        let next_any = nonblank.iter().find(|&&j| j > i).copied();
        let before_dropped = next_any.is_some_and(|j| lines[j].dropped.is_some());
        if introduces_nothing || before_dropped {
            lines[i].dropped = Some(DropReason::Prompt);
        }
    }
    // Runs of three or more short capitalized unpunctuated lines (share buttons, menus).
    let kept: Vec<usize> = (0..n)
        .filter(|&i| !lines[i].text.trim().is_empty() && lines[i].dropped.is_none())
        .collect();
    // Buttons and menu items are capitalized words without digits; table cells and list items
    // of the article are not (or are broken up by numbers).
    let short = |s: &str| {
        let t = s.trim();
        words(t) <= 3
            && !ends_like_sentence(t)
            && t.starts_with(|c: char| c.is_uppercase())
            && !t.chars().any(|c| c.is_ascii_digit())
    };
    let mut k = 0;
    while k < kept.len() {
        let mut e = k;
        while e < kept.len() && short(lines[kept[e]].text) {
            e += 1;
        }
        if e - k >= 3 {
            for &i in &kept[k..e] {
                lines[i].dropped = Some(DropReason::ShortLineRun);
            }
            k = e;
        } else {
            k += 1;
        }
    }
}

/// The kept text: dropped lines removed, paragraph breaks kept.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for l in classify(text) {
        if l.dropped.is_none() {
            out.push_str(l.text.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_section_is_cut() {
        let t = "Russia recalled its ambassador to Washington on Wednesday after the remarks.\n\n\
                 3 thoughts on “Envoy recalled”\n\nBob says:\nMarch 18, 2021\nRussia attacked us.\nReply\n";
        let kept = clean(t);
        assert!(kept.contains("recalled its ambassador"));
        assert!(!kept.contains("attacked"));
    }

    #[test]
    fn comment_thread_without_heading_is_cut_by_shape() {
        let t = "Russia recalled its ambassador to Washington on Wednesday after the remarks.\n\
                 The ministry said the envoy would return for consultations in Moscow.\n\n\
                 Ann Lee's picture\nRussia attacked us again, obviously.\n\
                 Tom B's picture\nNo it did not.\n\
                 Kim's picture\nSanctions now!\n";
        let lines = classify(t);
        let kept = clean(t);
        assert!(kept.contains("consultations in Moscow"), "{kept}");
        assert!(!kept.contains("attacked"), "{lines:?}");
        assert!(!kept.contains("Sanctions"));
        assert!(lines
            .iter()
            .any(|l| l.text.contains("Ann Lee") && l.dropped == Some(DropReason::Comments)));
    }

    #[test]
    fn timestamps() {
        assert!(is_timestamp("July 17, 2018 at 8:14 am"));
        assert!(is_timestamp("17/07/2018"));
        assert!(is_timestamp("3 hours ago"));
        assert!(is_timestamp("2018-07-17"));
        assert!(!is_timestamp("Russia met China."));
        // A phone number is not a date.
        assert!(!is_timestamp("02-751-1500"));
    }

    #[test]
    fn subscription_pitches() {
        assert!(is_pitch(
            "Let our news meet your inbox. The news and stories that matter, delivered weekday mornings."
        ));
        assert!(is_pitch("Sign up for our free daily newsletter."));
        assert!(!is_pitch(
            "The ministry said in its newsletter that talks would resume."
        ));
    }

    #[test]
    fn link_lists_prompts_footers() {
        let t = "Moscow and Washington held talks in Geneva on Wednesday, officials said.\n\n\
                 More News On The Talks\n\n\
                 Russia savors the outcome of the talks -- AP\n\
                 Here is how the summit played in Moscow -- Time\n\n\
                 Subscribe to receive free email updates:\n\
                 © 2021 Some Site. All rights reserved.\n";
        let kept = clean(t);
        assert!(kept.contains("held talks in Geneva"));
        assert!(!kept.contains("More News"));
        assert!(!kept.contains("savors"));
        assert!(!kept.contains("Subscribe"));
        assert!(!kept.contains("©"));
    }

    #[test]
    fn share_button_runs() {
        let t = "The ministry said the talks were useful and would go on next month.\n\
                 Share this:\nTwitter\nFacebook\nLike\n";
        let kept = clean(t);
        assert!(kept.contains("ministry said"));
        assert!(!kept.contains("Twitter"));
    }

    #[test]
    fn headline_is_kept() {
        let t =
            "Russia Recalls Envoy\n\nMOSCOW, March 18, 2021 -- Russia recalled its ambassador.\n";
        assert!(clean(t).contains("Russia Recalls Envoy"));
    }

    #[test]
    fn contact_block_and_end_marker() {
        let t = "WASHINGTON, May 2, 2021 -- The agency signed a cooperation agreement with the \
                 ministry on Monday, officials said in a statement.\n\n\
                 The agreement covers training and equipment for border guards over three years.\n\n\
                 ###\n\nMedia contact:\nJane Roe\n+1 202 555 0100\npress@agency.example.org\n";
        let lines = classify(t);
        let kept = clean(t);
        assert!(kept.contains("border guards"));
        assert!(!kept.contains("Jane Roe"), "{lines:?}");
        assert!(!kept.contains("###"));
    }

    #[test]
    fn offsets_point_into_the_input() {
        let t = "First line here.\r\nSecond line.\n";
        let lines = classify(t);
        for l in &lines {
            assert_eq!(&t[l.start..l.start + l.text.len()], l.text);
        }
    }
}
