//! Dates in running text: finds temporal expressions ("on Wednesday", "last month",
//! "on March 17", "March 17, 2021", "two days ago") in a sentence and resolves them against the
//! article date, the way news uses them (a bare weekday is the most recent one, not the next);
//! also reads the article date from a dateline ("MOSCOW, March 18, 2021 --").

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_core::{calendar, Timex, TimexPrecision};

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("several", 3),
];

/// A month name or abbreviation (with or without its period) → month number. `raw` is the
/// token as written: "May" needs its capital so that the modal verb "may" is not a month.
fn month_of(raw: &str) -> Option<u32> {
    let w = raw.trim_end_matches('.');
    let lower = w.to_lowercase();
    let m = calendar::month_number(&lower)?;
    if !w.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some(m)
}

fn weekday_of(lower: &str) -> Option<Weekday> {
    let i = calendar::WEEKDAY_NAMES.iter().position(|n| *n == lower)?;
    Weekday::try_from(i as u8).ok()
}

fn day_of(raw: &str) -> Option<u32> {
    let d = raw
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    let v: u32 = d.parse().ok()?;
    (1..=31).contains(&v).then_some(v)
}

fn year_of(raw: &str) -> Option<i32> {
    if raw.len() != 4 {
        return None;
    }
    let v: i32 = raw.parse().ok()?;
    (1900..=2100).contains(&v).then_some(v)
}

fn count_of(lower: &str) -> Option<u32> {
    lower
        .parse::<u32>()
        .ok()
        .filter(|v| *v > 0 && *v < 1000)
        .or_else(|| NUMBER_WORDS.iter().find(|(n, _)| *n == lower).map(|x| x.1))
}

/// The most recent `weekday` on or before `anchor` (news reads "on Wednesday" as the last one).
fn last_weekday(anchor: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (anchor.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    anchor - Days::new(back as u64)
}

/// The next `weekday` strictly after `anchor`.
fn next_weekday(anchor: NaiveDate, weekday: Weekday) -> NaiveDate {
    let fwd = (weekday.num_days_from_monday() + 7 - anchor.weekday().num_days_from_monday()) % 7;
    anchor + Days::new(if fwd == 0 { 7 } else { fwd as u64 })
}

/// A month/day without a year: the one nearest the anchor, preferring the past unless it is
/// more than about ten months back (then the text speaks of the coming one).
fn nearest_month_day(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(anchor.year(), month, day);
    let prev = NaiveDate::from_ymd_opt(anchor.year() - 1, month, day);
    let next = NaiveDate::from_ymd_opt(anchor.year() + 1, month, day);
    match this {
        Some(d) if d <= anchor + Days::new(31) => Some(d),
        Some(d) => {
            // Later this year by more than a month: more likely last year's.
            if (d - anchor).num_days() > 300 {
                prev
            } else {
                Some(d)
            }
        }
        None => prev.or(next),
    }
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// Finds temporal expressions in `toks` (the raw token texts of one sentence, with `offset`
/// their absolute index) and resolves them against `anchor`.
pub fn find_timexes(toks: &[&str], offset: usize, anchor: NaiveDate) -> Vec<Timex> {
    let mut out = Vec::new();
    let lower: Vec<String> = toks.iter().map(|t| t.to_lowercase()).collect();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if let Some((len, date, precision)) = match_at(toks, &lower, i, anchor) {
            out.push(Timex {
                tokens: offset + i..offset + i + len,
                date,
                precision,
            });
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

fn match_at(
    toks: &[&str],
    lower: &[String],
    i: usize,
    anchor: NaiveDate,
) -> Option<(usize, NaiveDate, TimexPrecision)> {
    let n = toks.len();
    let w = lower[i].as_str();
    let at = |k: usize| lower.get(i + k).map(String::as_str).unwrap_or("");
    let raw = |k: usize| toks.get(i + k).copied().unwrap_or("");
    match w {
        "today" | "tonight" => return Some((1, anchor, TimexPrecision::Day)),
        "yesterday" => return Some((1, anchor - Days::new(1), TimexPrecision::Day)),
        "tomorrow" => return Some((1, anchor + Days::new(1), TimexPrecision::Day)),
        "last" | "this" | "next" | "past" => {
            let dir = w;
            let unit = at(1);
            if let Some(wd) = weekday_of(unit) {
                let d = match dir {
                    "next" => next_weekday(anchor, wd),
                    "this" => last_weekday(anchor, wd),
                    _ => {
                        let d = last_weekday(anchor, wd);
                        if d == anchor {
                            d - Days::new(7)
                        } else {
                            d
                        }
                    }
                };
                return Some((2, d, TimexPrecision::Day));
            }
            let step: i64 = match dir {
                "next" => 1,
                "this" => 0,
                _ => -1,
            };
            match unit {
                "week" => {
                    let d = anchor + chrono::Duration::days(7 * step);
                    return Some((2, d, TimexPrecision::Week));
                }
                "month" => {
                    let first = month_start(anchor.year(), anchor.month())?;
                    let d = match step {
                        -1 => first.checked_sub_months(Months::new(1))?,
                        1 => first.checked_add_months(Months::new(1))?,
                        _ => first,
                    };
                    return Some((2, d, TimexPrecision::Month));
                }
                "year" => {
                    let d = NaiveDate::from_ymd_opt(anchor.year() + step as i32, 1, 1)?;
                    return Some((2, d, TimexPrecision::Year));
                }
                _ => {}
            }
            if let Some(m) = month_of(raw(1)) {
                let y = match dir {
                    "next" => anchor.year() + 1,
                    "this" => anchor.year(),
                    _ if m < anchor.month() => anchor.year(),
                    _ => anchor.year() - 1,
                };
                return Some((2, month_start(y, m)?, TimexPrecision::Month));
            }
            return None;
        }
        _ => {}
    }
    // "two days ago", "a week ago"
    if let Some(k) = count_of(w) {
        let unit = at(1);
        if at(2) == "ago" {
            let (d, p) = match unit {
                "day" | "days" => (anchor - Days::new(k as u64), TimexPrecision::Day),
                "week" | "weeks" => (anchor - Days::new(7 * k as u64), TimexPrecision::Week),
                "month" | "months" => (
                    anchor.checked_sub_months(Months::new(k))?,
                    TimexPrecision::Month,
                ),
                "year" | "years" => (
                    NaiveDate::from_ymd_opt(anchor.year() - k as i32, anchor.month(), 1)
                        .or_else(|| NaiveDate::from_ymd_opt(anchor.year() - k as i32, 1, 1))?,
                    TimexPrecision::Year,
                ),
                _ => return None,
            };
            return Some((3, d, p));
        }
    }
    // Weekday: "on Wednesday", "Wednesday".
    if let Some(wd) = weekday_of(w) {
        if !raw(0).starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        // "Wednesday, March 17" — let the month/day that follows win.
        let mut len = 1;
        if at(1) == "," && month_of(raw(2)).is_some() && day_of(at(3)).is_some() {
            if let Some((l2, d, p)) = match_at(toks, lower, i + 2, anchor) {
                return Some((2 + l2, d, p));
            }
        }
        if at(1) == "night" || at(1) == "morning" || at(1) == "evening" || at(1) == "afternoon" {
            len = 2;
        }
        return Some((len, last_weekday(anchor, wd), TimexPrecision::Day));
    }
    // ISO date 2021-03-17.
    if let Some(d) = parse_iso(w) {
        return Some((1, d, TimexPrecision::Day));
    }
    // "March 17", "March 17, 2021", "March 2019", "in March".
    if let Some(m) = month_of(raw(0)) {
        // "May" needs a day, a year or "in/last/early/late" before it to be a month.
        if let Some(day) = day_of(at(1)) {
            let (len, year) = if at(2) == "," && year_of(at(3)).is_some() {
                (4, year_of(at(3)))
            } else if year_of(at(2)).is_some() {
                (3, year_of(at(2)))
            } else {
                (2, None)
            };
            let d = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, day)?,
                None => nearest_month_day(anchor, m, day)?,
            };
            return Some((len, d, TimexPrecision::Day));
        }
        if let Some(y) = year_of(at(1)) {
            return Some((2, month_start(y, m)?, TimexPrecision::Month));
        }
        let prev = if i > 0 {
            lower_prev(toks, i)
        } else {
            String::new()
        };
        if matches!(
            prev.as_str(),
            "in" | "early" | "late" | "mid" | "since" | "until"
        ) {
            let y = if m <= anchor.month() {
                anchor.year()
            } else {
                anchor.year() - 1
            };
            return Some((1, month_start(y, m)?, TimexPrecision::Month));
        }
        return None;
    }
    // "17 March 2021", "17 March".
    if let Some(day) = day_of(w) {
        if i + 1 < n {
            if let Some(m) = month_of(raw(1)) {
                let (len, d) = match year_of(at(2)) {
                    Some(y) => (3, NaiveDate::from_ymd_opt(y, m, day)?),
                    None => (2, nearest_month_day(anchor, m, day)?),
                };
                return Some((len, d, TimexPrecision::Day));
            }
        }
    }
    // "in 2019"
    if let Some(y) = year_of(w) {
        let prev = if i > 0 {
            lower_prev(toks, i)
        } else {
            String::new()
        };
        if matches!(prev.as_str(), "in" | "since" | "until" | "during") {
            return Some((1, NaiveDate::from_ymd_opt(y, 1, 1)?, TimexPrecision::Year));
        }
    }
    None
}

fn lower_prev(toks: &[&str], i: usize) -> String {
    toks[i - 1].to_lowercase()
}

fn parse_iso(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Reads a full date (with its year) from the start of an article: a dateline or byline such
/// as "MOSCOW, March 18, 2021 (Reuters) --", "Posted July 17, 2018 by", "18 March 2021",
/// "2021-03-18". Looks at the first `max_tokens` tokens only.
pub fn dateline_date(toks: &[&str], max_tokens: usize) -> Option<NaiveDate> {
    let toks = &toks[..toks.len().min(max_tokens)];
    let lower: Vec<String> = toks.iter().map(|t| t.to_lowercase()).collect();
    for i in 0..toks.len() {
        if let Some(d) = parse_iso(&lower[i]) {
            return Some(d);
        }
        if let Some(m) = month_of(toks[i]) {
            if let Some(day) = lower.get(i + 1).and_then(|t| day_of(t)) {
                let y = if lower.get(i + 2).map(String::as_str) == Some(",") {
                    lower.get(i + 3).and_then(|t| year_of(t))
                } else {
                    lower.get(i + 2).and_then(|t| year_of(t))
                };
                if let Some(y) = y {
                    if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
                        return Some(d);
                    }
                }
            }
        }
        if let Some(day) = day_of(&lower[i]) {
            if let (Some(m), Some(y)) = (
                toks.get(i + 1).and_then(|t| month_of(t)),
                lower.get(i + 2).and_then(|t| year_of(t)),
            ) {
                if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn first(sentence: &str, anchor: &str) -> Option<(NaiveDate, TimexPrecision)> {
        let toks: Vec<&str> = sentence.split_whitespace().collect();
        find_timexes(&toks, 0, d(anchor))
            .first()
            .map(|t| (t.date, t.precision))
    }

    #[test]
    fn weekday_is_the_last_one() {
        // 2021-03-18 is a Thursday.
        assert_eq!(
            first("recalled its ambassador on Wednesday .", "2021-03-18"),
            Some((d("2021-03-17"), TimexPrecision::Day))
        );
        assert_eq!(
            first("on Thursday", "2021-03-18"),
            Some((d("2021-03-18"), TimexPrecision::Day))
        );
        assert_eq!(
            first("last Thursday", "2021-03-18"),
            Some((d("2021-03-11"), TimexPrecision::Day))
        );
        assert_eq!(
            first("next Monday", "2021-03-18"),
            Some((d("2021-03-22"), TimexPrecision::Day))
        );
    }

    #[test]
    fn relative_month_and_year() {
        assert_eq!(
            first("last month", "2021-03-18"),
            Some((d("2021-02-01"), TimexPrecision::Month))
        );
        assert_eq!(
            first("last month", "2021-01-05"),
            Some((d("2020-12-01"), TimexPrecision::Month))
        );
        assert_eq!(
            first("last year", "2021-03-18"),
            Some((d("2020-01-01"), TimexPrecision::Year))
        );
        assert_eq!(
            first("two days ago", "2021-03-18"),
            Some((d("2021-03-16"), TimexPrecision::Day))
        );
        assert_eq!(
            first("yesterday", "2021-03-01"),
            Some((d("2021-02-28"), TimexPrecision::Day))
        );
    }

    #[test]
    fn month_day_with_and_without_year() {
        assert_eq!(
            first("on March 17", "2021-03-18"),
            Some((d("2021-03-17"), TimexPrecision::Day))
        );
        assert_eq!(
            first("on December 30", "2021-01-04"),
            Some((d("2020-12-30"), TimexPrecision::Day))
        );
        assert_eq!(
            first("on March 17 , 2019", "2021-03-18"),
            Some((d("2019-03-17"), TimexPrecision::Day))
        );
        assert_eq!(
            first("on 16 June 2021", "2021-06-20"),
            Some((d("2021-06-16"), TimexPrecision::Day))
        );
        assert_eq!(
            first("in June", "2021-04-15"),
            Some((d("2020-06-01"), TimexPrecision::Month))
        );
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert_eq!(first("Russia may respond", "2021-03-18"), None);
        assert_eq!(
            first("on May 14", "2019-05-15"),
            Some((d("2019-05-14"), TimexPrecision::Day))
        );
    }

    #[test]
    fn datelines() {
        let toks: Vec<&str> = "MOSCOW , March 18 , 2021 ( dyad ) --".split(' ').collect();
        assert_eq!(dateline_date(&toks, 40), Some(d("2021-03-18")));
        let toks: Vec<&str> = "Posted July 17 , 2018 by".split(' ').collect();
        assert_eq!(dateline_date(&toks, 40), Some(d("2018-07-17")));
        let toks: Vec<&str> = "Posted on a Tuesday".split(' ').collect();
        assert_eq!(dateline_date(&toks, 40), None);
    }
}
