//! Language of a paragraph, with `whatlang` (trigram profiles and script detection).
//!
//! The coder reads English, so a paragraph is called English unless the detector is sure it
//! is not: a paragraph mostly in a non-Latin script is never English; a Latin-script paragraph
//! is another language only when it has enough letters (short lines are too noisy to call)
//! and whatlang calls its guess reliable.

/// ISO 639-3 code for English.
pub const ENGLISH: &str = "eng";
/// ISO 639-3 code for "undetermined": too short to tell, counted as English for coding.
pub const UNDETERMINED: &str = "und";

/// Letters needed before a Latin-script paragraph may be called non-English.
const MIN_LATIN_LETTERS: usize = 40;
/// Letters needed before any call is made.
const MIN_LETTERS: usize = 12;

/// The language of `text` as an ISO 639-3 code (`eng`, `rus`, …; `und` when too short).
pub fn detect(text: &str) -> &'static str {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return UNDETERMINED;
    }
    let latin = text
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(c))
        .count();
    let Some(info) = whatlang::detect(text) else {
        return UNDETERMINED;
    };
    if latin * 2 < letters {
        // Mostly another script (Cyrillic, Arabic, CJK…): not English whatever the guess.
        return if info.lang() == whatlang::Lang::Eng {
            UNDETERMINED
        } else {
            info.lang().code()
        };
    }
    if letters < MIN_LATIN_LETTERS || !info.is_reliable() || info.lang() == whatlang::Lang::Eng {
        return ENGLISH;
    }
    info.lang().code()
}

/// Whether a paragraph with this language code goes to the English coder.
pub fn is_english(code: &str) -> bool {
    code == ENGLISH || code == UNDETERMINED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_russian_german() {
        assert_eq!(
            detect("Russia recalled its ambassador to Washington on Wednesday after the remarks."),
            "eng"
        );
        assert_eq!(
            detect("Министр иностранных дел России Сергей Лавров заявил, что Москва готова к диалогу с Вашингтоном."),
            "rus"
        );
        assert_eq!(
            detect("Die Bundesregierung hat am Mittwoch den russischen Botschafter in Berlin einbestellt, teilte das Auswärtige Amt mit."),
            "deu"
        );
        assert_eq!(detect("Reply"), "und");
    }
}
