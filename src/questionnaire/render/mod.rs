//! A questionnaire shown whole (`jsp show`): a terminal table, markdown and JSON, one file each.

pub mod json;
pub mod markdown;
pub mod table;
