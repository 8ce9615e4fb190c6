//! The crosswalk's formats: `jsp show QUESTIONNAIRE --by-reference` (table, markdown, JSON, CSV), one
//! file each; the markdown section and the JSON standards are also part of `jsp report
//! --by-reference`. The HTML report draws its own.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use crate::crosswalk::Standard;
use crate::questionnaire::Questionnaire;

/// What `jsp show --by-reference` shows: a questionnaire's questions by the standards they cite.
pub struct Crosswalk<'a> {
    pub questionnaire: &'a Questionnaire,
    pub standards: &'a [Standard<'a>],
}
