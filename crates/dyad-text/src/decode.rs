//! Bytes → text: UTF-8 (with or without BOM) and UTF-16 with BOM. Anything else is an error
//! that names the line where the bad bytes are.

/// Why bytes are not text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("line {line}: invalid UTF-8 (byte offset {offset})")]
    InvalidUtf8 { line: u32, offset: usize },
    #[error("invalid UTF-16 text")]
    InvalidUtf16,
}

impl DecodeError {
    /// The 1-based line of the problem, when known.
    pub fn line(&self) -> Option<u32> {
        match self {
            DecodeError::InvalidUtf8 { line, .. } => Some(*line),
            DecodeError::InvalidUtf16 => None,
        }
    }
}

/// Decodes `bytes` as text.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes, 0)
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = bytes[..offset].iter().filter(|b| **b == b'\n').count() as u32 + 1;
            Err(DecodeError::InvalidUtf8 {
                line,
                offset: offset + skipped,
            })
        }
    }
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| DecodeError::InvalidUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(&[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap(), "hi");
    }

    #[test]
    fn invalid_utf8_names_line() {
        let e = decode(b"ok\nalso ok\nbad \xFF here").unwrap_err();
        assert_eq!(
            e,
            DecodeError::InvalidUtf8 {
                line: 3,
                offset: 15
            }
        );
        assert!(e.to_string().starts_with("line 3:"));
    }
}
