//! Plain-text boilerplate removal: cuts reader-comment sections, comment forms, share prompts,
//! link lists of other headlines, and copyright/"powered by" footers out of text dumps of web
//! pages, so that only the article's own words reach the coder. Every dropped line carries the
//! reason. The rules look at the shape of lines (short, unpunctuated, "Headline -- Outlet",
//! "Name says:"), not at strings from any one site.

/// Why a line was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// Inside or after a reader-comment section or comment form.
    Comments,
    /// A run of short lines: share buttons, menus, tags.
    ShortLineRun,
    /// A list of other headlines ("Headline -- Outlet") and its heading.
    LinkList,
    /// A call to action: "Read more", "Subscribe", "Click here", "Follow us".
    Prompt,
    /// Copyright, "Powered by", "All rights reserved".
    Footer,
}

impl DropReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::Comments => "comment section",
            DropReason::ShortLineRun => "run of short lines (share/menu)",
            DropReason::LinkList => "list of links to other articles",
            DropReason::Prompt => "call to action",
            DropReason::Footer => "page footer",
        }
    }
}

/// One line of the input and whether it was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub dropped: Option<DropReason>,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', '!', '?', '"', '”', '’', '…', ')'])
}

/// "N comments", "7 thoughts on “…”", "Leave a Reply", "Comments (12)", "Reader comments".
fn is_comment_heading(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    if words(&l) > 12 {
        return false;
    }
    let mut it = l.split_whitespace();
    let first = it.next().unwrap_or("");
    let second = it.next().unwrap_or("");
    let counted = first.parse::<u32>().is_ok()
        && matches!(
            second,
            "comments" | "comment" | "thoughts" | "responses" | "replies" | "reactions"
        );
    counted
        || l.starts_with("leave a reply")
        || l.starts_with("leave a comment")
        || l.starts_with("post a comment")
        || l.starts_with("add a comment")
        || l.starts_with("reader comments")
        || l == "comments"
        || l.starts_with("comments (")
        || l.starts_with("join the discussion")
        || l.starts_with("your email address will not be published")
}

/// "Jane Doe says:", "Jane's picture", "Reply" — lines of a comment thread.
fn is_commenter_line(s: &str) -> bool {
    let t = s.trim();
    (t.ends_with(" says:") || t.ends_with(" said:") || t.ends_with("'s picture")) && words(t) <= 6
}

/// "Headline text -- Outlet" or "Headline text - Outlet Name".
fn is_headline_link(s: &str) -> bool {
    let t = s.trim();
    if ends_like_sentence(t) && !t.ends_with(')') {
        return false;
    }
    for sep in [" -- ", " — ", " – ", " - ", " | "] {
        if let Some(p) = t.rfind(sep) {
            let tail = &t[p + sep.len()..];
            if (1..=6).contains(&words(tail)) && words(&t[..p]) >= 3 {
                return true;
            }
        }
    }
    false
}

fn is_prompt(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    let starts = [
        "read more",
        "subscribe",
        "click here",
        "follow us",
        "sign up",
        "share this",
        "like this:",
        "related:",
        "advertisement",
        "continue reading",
        "tags:",
        "filed under",
    ];
    words(&l) <= 14 && starts.iter().any(|p| l.starts_with(p))
}

fn is_footer(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    words(&l) <= 30
        && (l.starts_with('©')
            || l.starts_with("copyright")
            || l.contains("all rights reserved")
            || l.contains("powered by")
            || l.starts_with("(c) "))
}

/// Marks the boilerplate lines of `text`.
pub fn classify(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = text
        .lines()
        .map(|l| Line {
            text: l,
            dropped: None,
        })
        .collect();
    let n = lines.len();
    // 1. Comment sections: from a comment heading (or a run of commenter lines) to the end.
    let first_content = lines.iter().position(|l| words(l.text) >= 8).unwrap_or(0);
    let cut = (0..n).find(|&i| {
        i > first_content
            && (is_comment_heading(lines[i].text)
                || (is_commenter_line(lines[i].text)
                    && lines[i + 1..]
                        .iter()
                        .filter(|l| is_commenter_line(l.text))
                        .count()
                        >= 1))
    });
    if let Some(c) = cut {
        for l in &mut lines[c..] {
            l.dropped = Some(DropReason::Comments);
        }
    }
    // 2. Prompts and footers, line by line.
    for l in lines.iter_mut().filter(|l| l.dropped.is_none()) {
        if is_prompt(l.text) {
            l.dropped = Some(DropReason::Prompt);
        } else if is_footer(l.text) {
            l.dropped = Some(DropReason::Footer);
        }
    }
    // 3. Link lists: two or more headline-link lines (blank lines between allowed), plus a
    //    short unpunctuated heading just before them.
    let nonblank: Vec<usize> = (0..n)
        .filter(|&i| !lines[i].text.trim().is_empty() && lines[i].dropped.is_none())
        .collect();
    let mut k = 0;
    while k < nonblank.len() {
        let mut e = k;
        while e < nonblank.len() && is_headline_link(lines[nonblank[e]].text) {
            e += 1;
        }
        if e - k >= 2 {
            for &i in &nonblank[k..e] {
                lines[i].dropped = Some(DropReason::LinkList);
            }
            if k > 0 {
                let h = nonblank[k - 1];
                if !ends_like_sentence(lines[h].text) && words(lines[h].text) <= 10 {
                    lines[h].dropped = Some(DropReason::LinkList);
                }
            }
            k = e;
        } else {
            k += 1;
        }
    }
    // 4. Runs of three or more short unpunctuated lines (share buttons, menus).
    let nonblank: Vec<usize> = (0..n)
        .filter(|&i| !lines[i].text.trim().is_empty() && lines[i].dropped.is_none())
        .collect();
    let short = |s: &str| words(s) <= 3 && !ends_like_sentence(s);
    let mut k = 0;
    while k < nonblank.len() {
        let mut e = k;
        while e < nonblank.len() && short(lines[nonblank[e]].text) {
            e += 1;
        }
        if e - k >= 3 {
            for &i in &nonblank[k..e] {
                lines[i].dropped = Some(DropReason::ShortLineRun);
            }
            k = e;
        } else {
            k += 1;
        }
    }
    lines
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
}
