//! Reading with a byte limit, so that no single input, line or record can take more memory
//! than `--max-bytes`, however large the file around it is.

use std::io::{BufRead, Read};

/// Reads everything from `r`, or stops after `limit + 1` bytes. Returns the bytes and whether
/// the limit was passed.
pub fn read_all(r: &mut dyn Read, limit: u64) -> std::io::Result<(Vec<u8>, bool)> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    let over = buf.len() as u64 > limit;
    if over {
        buf.truncate(limit as usize);
    }
    Ok((buf, over))
}

/// One line read by [`read_line`].
pub enum Line {
    /// End of input: nothing was read.
    Eof,
    /// A line (without its `\n`, with any `\r` kept). `cut` tells whether it was cut at the
    /// limit (the rest of the line was read and dropped); `consumed` is how many bytes were
    /// read, newline included.
    Line { cut: bool, consumed: u64 },
}

/// Reads one line into `buf` (cleared first), keeping at most `limit` bytes of it; the rest of
/// an over-long line is consumed and dropped, so memory stays bounded.
pub fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut consumed = 0u64;
    let mut cut = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if consumed > 0 {
                Line::Line { cut, consumed }
            } else {
                Line::Eof
            });
        }
        let (part, used, done) = match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        if part.len() > room {
            cut = true;
        }
        buf.extend_from_slice(&part[..part.len().min(room)]);
        r.consume(used);
        consumed += used as u64;
        if done {
            return Ok(Line::Line { cut, consumed });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_and_the_next_line_is_whole() {
        let mut r = std::io::Cursor::new(b"0123456789\nabc\nlast".to_vec());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line(&mut r, &mut buf, 4).unwrap(),
            Line::Line {
                cut: true,
                consumed: 11
            }
        ));
        assert_eq!(buf, b"0123");
        assert!(matches!(
            read_line(&mut r, &mut buf, 4).unwrap(),
            Line::Line {
                cut: false,
                consumed: 4
            }
        ));
        assert_eq!(buf, b"abc");
        assert!(matches!(
            read_line(&mut r, &mut buf, 4).unwrap(),
            Line::Line {
                cut: false,
                consumed: 4
            }
        ));
        assert_eq!(buf, b"last");
        assert!(matches!(read_line(&mut r, &mut buf, 4).unwrap(), Line::Eof));
    }

    #[test]
    fn read_all_stops_past_the_limit() {
        let (b, over) = read_all(&mut &b"abcdef"[..], 3).unwrap();
        assert!(over);
        assert_eq!(b, b"abc");
        let (b, over) = read_all(&mut &b"abc"[..], 3).unwrap();
        assert!(!over);
        assert_eq!(b, b"abc");
    }
}
