//! JSON documents: pretty-printed, ending in a newline.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` as pretty JSON and a newline; a failure is an error, never empty output.
pub fn write(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Where an assessment, a domain, a stream, a group or a side of a diff stands, as every JSON
/// output writes it: the staged level and its name are left out for a questionnaire scored
/// `continuous`, which has none; the score has two decimals. Flattened into its owner.
#[derive(Serialize)]
pub struct Standing<'a> {
    pub applicable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_name: Option<&'a str>,
    pub score: f64,
}

impl<'a> Standing<'a> {
    /// `staged` is the level and its name, `None` when scored `continuous`.
    pub fn new(applicable: bool, staged: Option<(u32, &'a str)>, score: f64) -> Standing<'a> {
        Standing {
            applicable,
            level: staged.map(|(level, _)| level),
            level_name: staged.map(|(_, name)| name),
            score: crate::text::round2(score),
        }
    }
}
