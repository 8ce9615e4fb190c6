//! The evidence review: a terminal table, markdown, JSON, CSV and JUnit, one file each, and the
//! wording they share (the report's sections use it too).

pub mod csv;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod table;

use super::{Item, Review};
use crate::answers::format_date;

/// The item's date, or nothing.
pub(crate) fn dated(item: &Item) -> String {
    item.evidence.date.map(format_date).unwrap_or_default()
}

/// The item's age in words; "dated later" for a date after the review's day.
pub(crate) fn age(item: &Item) -> String {
    match (item.evidence.date, item.age) {
        (_, Some(age)) => age.words(),
        (Some(_), None) => "dated later".to_string(),
        (None, None) => String::new(),
    }
}

/// "as of 2026-12-01; at most 12 months (set by the target); 9 items: 7 ok, 2 expired".
pub(crate) fn summary(review: &Review) -> String {
    let mut text = format!("as of {}", format_date(review.as_of));
    if let Some(policy) = review.policy.words() {
        text.push_str(&format!("; {policy}"));
    }
    let counts: Vec<String> = review
        .counts()
        .iter()
        .map(|(status, n)| format!("{n} {}", status.id()))
        .collect();
    text.push_str(&format!(
        "; {} item{}",
        review.items.len(),
        if review.items.len() == 1 { "" } else { "s" }
    ));
    if !counts.is_empty() {
        text.push_str(&format!(": {}", counts.join(", ")));
    }
    text
}

/// What a report's answers table adds beside an item: its age and, unless ok, its status
/// ("14 months, expired"); `None` when there is neither.
pub(crate) fn note(item: &Item) -> Option<String> {
    let mut parts = Vec::new();
    let age = age(item);
    if !age.is_empty() {
        parts.push(age);
    }
    if item.status != super::Status::Ok {
        parts.push(item.status.id().to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}
