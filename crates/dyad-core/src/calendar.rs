//! English month and weekday names: the one table the date readers (`dyad-text`) and the
//! actor matcher's test for proper names (`dyad-actors`) share.

/// Month names, January first, lower case.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first, lower case.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1–12) a lower-case word names exactly: the full name, its first three letters,
/// or "sept".
pub fn month_number(lower: &str) -> Option<u32> {
    if lower == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|m| *m == lower || m[..3] == *lower)
        .map(|i| i as u32 + 1)
}

/// The month (1–12) whose full name starts with the lower-case word `lower` of at least three
/// letters ("mar", "sept", "febr"); `None` for shorter words.
pub fn month_by_prefix(lower: &str) -> Option<u32> {
    if lower.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(lower))
        .map(|i| i as u32 + 1)
}

/// Whether a lower-case word is a month or weekday name.
pub fn is_calendar_name(lower: &str) -> bool {
    MONTH_NAMES.contains(&lower) || WEEKDAY_NAMES.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_number("march"), Some(3));
        assert_eq!(month_number("mar"), Some(3));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("sep"), Some(9));
        assert_eq!(month_number("marc"), None);
        assert_eq!(month_by_prefix("marc"), Some(3));
        assert_eq!(month_by_prefix("sept"), Some(9));
        assert_eq!(month_by_prefix("marching"), None);
        assert_eq!(month_by_prefix("ma"), None);
        assert!(is_calendar_name("tuesday"));
        assert!(is_calendar_name("may"));
        assert!(!is_calendar_name("maybe"));
    }
}
