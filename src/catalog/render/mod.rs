//! The questionnaires found (`jsp list`): a terminal table and JSON, one file each.

pub mod json;
pub mod table;

use super::Entry;

/// Where a questionnaire came from, as the list shows it.
pub(crate) fn source(entry: &Entry) -> String {
    if entry.built_in {
        "built-in".to_string()
    } else {
        entry.path.display().to_string()
    }
}
