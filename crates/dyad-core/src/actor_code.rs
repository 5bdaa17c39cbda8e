//! What an actor code says about itself: whether it starts with a country, and which. One
//! test for the actor matcher (`dyad-actors`) and the event coder's "the country" (`dyad-events`).

/// Code prefixes that are not countries: organisations, regions, the unknown country.
const NOT_COUNTRIES: &[&str] = &[
    "---", "IGO", "NGO", "MNC", "IMG", "AFR", "ASA", "EUR", "LAM", "SAM", "NAM", "MEA", "WST",
    "CAS", "SEA", "BLK", "CRB",
];

/// The country at the head of `code` ("RUS" of `RUSGOV`), if it starts with one.
pub fn country_prefix(code: &str) -> Option<&str> {
    let p = code.get(..3)?;
    (p.chars().all(|c| c.is_ascii_uppercase()) && !NOT_COUNTRIES.contains(&p)).then_some(p)
}

/// The role part of an actor code after its three-letter head ("GOV" of `ISRGOV`, "REB" of
/// `---REB`), if it has one.
pub fn role(code: &str) -> Option<&str> {
    code.get(3..).filter(|r| !r.is_empty())
}

/// The first sector of an actor code's role ("REB" of `PSEREBHMS`, "GOV" of `RUSGOVMIL`), if
/// it has a role.
pub fn sector(code: &str) -> Option<&str> {
    role(code).map(|r| r.get(..3).unwrap_or(r))
}

/// Whether `code` is a plain country code ("KGZ"), not a country with a role ("KGZGOV"), an
/// organisation ("IGO") or a region ("WST").
pub fn is_country_code(code: &str) -> bool {
    code.len() == 3 && country_prefix(code).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_others() {
        assert!(is_country_code("KGZ"));
        assert!(!is_country_code("KGZGOV"));
        assert!(!is_country_code("IGO"));
        assert!(!is_country_code("WST"));
        assert!(!is_country_code("---"));
        assert_eq!(country_prefix("RUSGOV"), Some("RUS"));
        assert_eq!(country_prefix("IGOUNO"), None);
        assert_eq!(country_prefix("US"), None);
        assert_eq!(role("ISRGOV"), Some("GOV"));
        assert_eq!(role("---REB"), Some("REB"));
        assert_eq!(role("ISR"), None);
        assert_eq!(sector("PSEREBHMS"), Some("REB"));
        assert_eq!(sector("---REB"), Some("REB"));
        assert_eq!(sector("ISR"), None);
    }
}
