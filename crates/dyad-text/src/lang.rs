//! Language of a paragraph, with `whatlang` (trigram profiles and script detection).
//!
//! The coder reads English, so a paragraph is called English unless the detector is sure it
//! is not. A paragraph made of English function words at a rate no other language reaches is
//! English without asking the detector; a paragraph mostly in a non-Latin script is never English; a Latin-script paragraph
//! is another language only when it has enough letters (short lines are too noisy to call)
//! and whatlang calls its guess reliable.

/// ISO 639-3 code for English.
pub const ENGLISH: &str = "eng";
/// ISO 639-3 code for "undetermined": too short to tell, counted as English for coding.
pub const UNDETERMINED: &str = "und";

/// Letters needed before a Latin-script paragraph may be called non-English.
const MIN_LATIN_LETTERS: usize = 40;
/// How much of a paragraph the detector reads.
const MAX_BYTES: usize = 400;
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
    let mostly_latin = latin * 2 >= letters;
    if mostly_latin && (letters < MIN_LATIN_LETTERS || english_by_function_words(text)) {
        return ENGLISH;
    }
    // The first few hundred bytes tell the language as well as the whole paragraph.
    let mut cut = text.len().min(MAX_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let Some(info) = whatlang::detect(&text[..cut]) else {
        return UNDETERMINED;
    };
    if !mostly_latin {
        // Mostly another script (Cyrillic, Arabic, CJK…): not English whatever the guess.
        return if info.lang() == whatlang::Lang::Eng {
            UNDETERMINED
        } else {
            info.lang().code()
        };
    }
    if !info.is_reliable() || info.lang() == whatlang::Lang::Eng {
        return ENGLISH;
    }
    info.lang().code()
}

/// English function words that other Latin-script languages do not share ("in", "a", "is"
/// are left out: Dutch, Italian, German use them too).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "that", "was", "for", "with", "has", "have", "said", "it", "from",
    "are", "were", "this", "be", "which", "would", "not", "by", "its", "their", "will", "been",
];

/// A cheap first look: a paragraph where at least a fifth of the words (and three or more)
/// are English function words is English, without running the detector (whatlang's profile
/// scoring is most of the cleaning time).
fn english_by_function_words(text: &str) -> bool {
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in text.split_whitespace().take(80) {
        words += 1;
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if ENGLISH_FUNCTION_WORDS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(w))
        {
            hits += 1;
        }
    }
    hits >= 3 && hits * 5 >= words
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
        // Shares "in", "is" and "a" with English, not the rest.
        assert_eq!(
            detect("De regering heeft in een verklaring laten weten dat de ambassadeur is ontboden en dat het overleg wordt opgeschort."),
            "nld"
        );
    }
}
