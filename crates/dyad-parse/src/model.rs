//! The model file container: `DYADMODL` magic, format version, payload length, CRC-32 of the
//! payload, then the payload deflate-compressed. A wrong magic, an unknown version, a short
//! file or a bad checksum is a clear error, never a panic.

use std::io::{Read, Write};

pub const MAGIC: &[u8; 8] = b"DYADMODL";
/// Version of the model format. Bump it when the payload layout changes. Version 3 adds the
/// tagger's word lexicon (tags and letter case seen per word) after the closed-class list.
pub const FORMAT_VERSION: u32 = 3;
/// Oldest version still read: version 2 files load with an empty lexicon, so the run-time
/// tag repairs that need it are off, and everything else is as before.
pub const MIN_FORMAT_VERSION: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a dyad model file (bad magic bytes)")]
    BadMagic,
    #[error("model format version {found} is not supported (this dyad reads versions {MIN_FORMAT_VERSION} to {FORMAT_VERSION}); retrain with `dyad train` or use a matching dyad")]
    Version { found: u32 },
    #[error("model file is truncated")]
    Truncated,
    #[error(
        "model file is corrupt: checksum mismatch (expected {expected:08x}, found {found:08x})"
    )]
    Checksum { expected: u32, found: u32 },
    #[error("model file is corrupt: {0}")]
    Corrupt(String),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

/// Little-endian binary writer for model payloads.
#[derive(Default)]
pub struct ByteWriter {
    pub buf: Vec<u8>,
}

impl ByteWriter {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                break;
            }
            self.buf.push(b | 0x80);
        }
    }
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
}

/// Reader matching `ByteWriter`.
pub struct ByteReader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        ByteReader { buf, pos: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.buf.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("varint too long".into()))
    }
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.varint()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec())
            .map_err(|_| ModelError::Corrupt("invalid UTF-8 string".into()))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.varint()? as usize;
        if n > self.buf.len() {
            return Err(ModelError::Truncated);
        }
        (0..n).map(|_| self.str()).collect()
    }
}

/// Wraps a payload into the container bytes.
pub fn encode(payload: &[u8]) -> Result<Vec<u8>, ModelError> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(payload)?;
    let body = enc.finish()?;
    let mut out = Vec::with_capacity(body.len() + 24);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Checks the container and returns the payload.
pub fn decode(bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    decode_versioned(bytes).map(|(_, p)| p)
}

/// Checks the container and returns its format version and the payload.
pub fn decode_versioned(bytes: &[u8]) -> Result<(u32, Vec<u8>), ModelError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    if bytes.len() < 24 {
        return Err(ModelError::Truncated);
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if !(MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&version) {
        return Err(ModelError::Version { found: version });
    }
    let mut len8 = [0u8; 8];
    len8.copy_from_slice(&bytes[12..20]);
    let len = u64::from_le_bytes(len8);
    let expected = u32::from_le_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if len > 1 << 32 {
        return Err(ModelError::Corrupt("payload length out of range".into()));
    }
    let mut payload = Vec::with_capacity(len as usize);
    flate2::read::DeflateDecoder::new(&bytes[24..])
        .take(len)
        .read_to_end(&mut payload)
        .map_err(|_| ModelError::Truncated)?;
    if payload.len() as u64 != len {
        return Err(ModelError::Truncated);
    }
    let found = crc32fast::hash(&payload);
    if found != expected {
        return Err(ModelError::Checksum { expected, found });
    }
    Ok((version, payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let payload = b"hello model".repeat(10);
        let bytes = encode(&payload).unwrap();
        assert_eq!(decode(&bytes).unwrap(), payload);
        assert!(matches!(
            decode(b"NOTAMODELFILE..........."),
            Err(ModelError::BadMagic)
        ));
        let mut v2 = bytes.clone();
        v2[8] = 9;
        assert!(matches!(decode(&v2), Err(ModelError::Version { found: 9 })));
        assert!(matches!(decode(&bytes[..30]), Err(ModelError::Truncated)));
        let mut bad = bytes.clone();
        bad[20] ^= 0xff;
        assert!(matches!(decode(&bad), Err(ModelError::Checksum { .. })));
    }
}
