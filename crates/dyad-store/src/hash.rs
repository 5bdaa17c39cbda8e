//! The text hash that identifies an article's cleaned text: 64-bit FNV-1a, as 16 lowercase hex
//! digits. Stable across platforms and releases (it is stored in databases), not cryptographic.

/// 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", dyad_core::fnv::fnv1a64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // Reference values of FNV-1a 64 (Fowler/Noll/Vo test suite).
        assert_eq!(text_hash(""), "cbf29ce484222325");
        assert_eq!(text_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(text_hash("foobar"), "85944171f73967e8");
    }
}
