//! Datelines: the date (and sometimes the outlet) at the head of an article.
//!
//! - "MOSCOW, March 18, 2021 (Reuters) --", "Posted July 17, 2018 by …", "18 March 2021",
//!   "2021-03-18": a full date among the first tokens (`dates::dateline_date`);
//! - "Global Research, March 18, 2021" or "StrategicCultureFoundation, March 29, 2019" on a
//!   line of its own: the words before the comma name the outlet (unless they are an
//!   all-capitals place name);
//! - "MOSCOW, Oct 3 (Reuters) -": a month and day without a year, followed by the wire's name
//!   in parentheses and a dash. The year must come from elsewhere (`year_hint`).

use crate::{dates, tokenize};
use chrono::NaiveDate;

/// What a dateline says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub date: Option<NaiveDate>,
    /// An outlet named by the dateline ("Reuters", "Global Research").
    pub outlet: Option<String>,
}

/// How many tokens at the start of an article may hold its dateline.
const DATELINE_TOKENS: usize = 60;

fn month(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    if !w.starts_with(|c: char| c.is_uppercase()) || w.len() < 3 {
        return None;
    }
    dyad_core::calendar::month_by_prefix(&w.to_lowercase())
}

/// "Reuters" in "(Reuters)": one to three capitalized words.
fn wire(s: &str) -> Option<String> {
    let inner = s.strip_prefix('(')?.split_once(')')?.0.trim();
    let w: Vec<&str> = inner.split_whitespace().collect();
    ((1..=3).contains(&w.len()) && w.iter().all(|x| x.starts_with(|c: char| c.is_uppercase())))
        .then(|| inner.to_string())
}

/// Reads the dateline of a text (its first lines). `year_hint` gives the year for a dateline
/// without one.
pub fn find(text: &str, year_hint: Option<i32>) -> Dateline {
    let mut out = Dateline::default();
    let head: String = text.lines().take(8).collect::<Vec<_>>().join("\n");
    let toks = tokenize::tokenize(&head);
    let words: Vec<&str> = toks
        .iter()
        .take(DATELINE_TOKENS)
        .map(|t| &head[t.span.start..t.span.end])
        .collect();
    out.date = dates::dateline_date(&words, DATELINE_TOKENS);
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
    {
        // "Outlet Name, March 18, 2021" alone on a line.
        if let Some((name, rest)) = line.split_once(", ") {
            let nw = name.split_whitespace().count();
            let rest_words: Vec<&str> = rest.split_whitespace().collect();
            let is_date_line = rest_words.len() == 3
                && month(rest_words[0]).is_some()
                && rest_words[2].len() == 4
                && rest_words[2].chars().all(|c| c.is_ascii_digit());
            let caps_place = name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            if is_date_line && (1..=4).contains(&nw) && !caps_place {
                out.outlet.get_or_insert_with(|| name.trim().to_string());
            }
            // "MOSCOW, Oct 3 (Reuters) -".
            if rest_words.len() >= 3 {
                if let (Some(m), Ok(d)) = (
                    month(rest_words[0]),
                    rest_words[1].trim_end_matches(',').parse::<u32>(),
                ) {
                    let after = rest_words[2..].join(" ");
                    if let Some(w) = wire(&after) {
                        out.outlet.get_or_insert(w);
                        if out.date.is_none() {
                            out.date = year_hint.and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
                        }
                    }
                }
            }
        }
    }
    out
}

/// The latest plausible year (1990–2100) written in `text`: a copyright line or comment
/// timestamps give the year of a dateline that has none.
pub fn latest_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<i32>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn outlet_datelines() {
        let dl = find(
            "Global Research, March 18, 2021\n\nRussia recalled its envoy.",
            None,
        );
        assert_eq!(dl.date, Some(d("2021-03-18")));
        assert_eq!(dl.outlet.as_deref(), Some("Global Research"));
        let dl = find("StrategicCultureFoundation, March 29, 2019\nText.", None);
        assert_eq!(dl.date, Some(d("2019-03-29")));
        assert_eq!(dl.outlet.as_deref(), Some("StrategicCultureFoundation"));
        let dl = find("MOSCOW, March 18, 2021 -- Russia recalled its envoy.", None);
        assert_eq!(dl.date, Some(d("2021-03-18")));
        assert_eq!(dl.outlet, None);
    }

    #[test]
    fn wire_dateline_without_year() {
        let t = "MOSCOW, Oct 3 (Reuters) - Russia said on Thursday it would respond.";
        let dl = find(t, Some(2019));
        assert_eq!(dl.date, Some(d("2019-10-03")));
        assert_eq!(dl.outlet.as_deref(), Some("Reuters"));
        assert_eq!(find(t, None).date, None);
        assert_eq!(latest_year("© 2017–2019 Wire"), Some(2019));
    }
}
