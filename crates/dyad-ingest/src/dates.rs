//! Dates written by crawlers, feeds and archives: ISO 8601 / RFC 3339 (`2021-03-18`,
//! `2021-03-18 08:00:00`, `2021-03-18T08:00:00Z`), RFC 2822 (`Thu, 18 Mar 2021 08:00:00 GMT`).

use chrono::NaiveDate;

/// The calendar date of a timestamp string, when it is one of the forms above.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // RFC 2822 with a zone name chrono does not know ("EST" is known, "CEST" is not).
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 4 {
        words.pop();
        let s = format!("{} +0000", words.join(" "));
        if let Ok(d) = chrono::DateTime::parse_from_rfc2822(&s) {
            return Some(d.date_naive());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let d = NaiveDate::from_ymd_opt(2021, 3, 18);
        assert_eq!(parse_date("2021-03-18"), d);
        assert_eq!(parse_date("2021-03-18 08:00:00"), d);
        assert_eq!(parse_date("2021-03-18T08:00:00Z"), d);
        assert_eq!(parse_date("Thu, 18 Mar 2021 08:00:00 GMT"), d);
        assert_eq!(parse_date("Thu, 18 Mar 2021 08:00:00 +0100"), d);
        assert_eq!(parse_date("Thu, 18 Mar 2021 08:00:00 CEST"), d);
        assert_eq!(parse_date("yesterday"), None);
    }
}
