//! An assessment's history: a terminal table, markdown, JSON, CSV, and an SVG line chart, one
//! file each, and the wording they share.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod svg;
pub mod table;

use super::{History, Point};
use crate::scoring::round2;

/// A point's place in the history: its commit, or "working copy".
pub(crate) fn source(point: &Point) -> String {
    match &point.commit {
        Some(commit) => commit.clone(),
        None => "working copy".to_string(),
    }
}

/// The questionnaire version a point answered, marked when it is not the one scored against.
pub(crate) fn version(point: &Point) -> String {
    match (&point.answered_version, point.older_version) {
        (Some(v), true) => format!("{v} (older)"),
        (Some(v), false) => v.clone(),
        (None, _) => String::new(),
    }
}

/// `2 Managed`, or `n/a` when nothing applies.
pub(crate) fn level(history: &History, applicable: bool, level: u32) -> String {
    if applicable {
        format!("{level} {}", history.questionnaire.level_name(level))
    } else {
        "n/a".to_string()
    }
}

/// `cells` without the level columns at `levels` when the questionnaire is scored continuous.
pub(crate) fn shown<T>(
    history: &History,
    cells: impl IntoIterator<Item = T>,
    levels: &[usize],
) -> Vec<T> {
    crate::render::without(cells, levels, history.questionnaire.is_continuous())
}

/// `+0.25`, `-0.50`, or empty when the shown scores are equal.
pub(crate) fn change(before: f64, after: f64) -> String {
    let change = round2(round2(after) - round2(before));
    if change == 0.0 {
        String::new()
    } else {
        format!("{change:+.2}")
    }
}

/// The sentence under every history: how many versions, and why only one where that is so,
/// and what an older version means.
pub(crate) fn notes(history: &History) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(why) = &history.single {
        notes.push(format!("One point only: {why}."));
    }
    if history.points.iter().any(|p| p.older_version) {
        notes.push(format!(
            "Versions marked (older) answered an earlier version of the questionnaire; they are scored against version {}, and answers to questions it no longer has count for nothing.",
            history.questionnaire.version
        ));
    }
    notes
}
