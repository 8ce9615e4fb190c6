//! JSON documents: pretty-printed, ending in a newline.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` as pretty JSON and a newline; a failure is an error, never empty output.
pub fn write(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
