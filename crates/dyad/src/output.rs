//! Writers of the event record. JSON Lines is the contract (`dyad code`); other formats are
//! other writers of the same record.

use dyad_core::Event;
use std::io::Write;

/// Writes one event as one JSON line.
pub fn write_jsonl(out: &mut impl Write, e: &Event) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, e)?;
    out.write_all(b"\n")
}
