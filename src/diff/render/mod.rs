//! Progress between two assessments (`jsp diff`): a terminal table, markdown and JSON, one file
//! each, and the wording they share.

pub mod json;
pub mod markdown;
pub mod table;

use crate::answers::{Answer, Answers};
use crate::diff::{Diff, Figure};
use crate::scoring::round2;

/// One figure before and after: the level (with its name) and score, or "n/a".
pub(crate) struct Sides {
    pub before: String,
    pub after: String,
    pub level_change: String,
    pub score_before: String,
    pub score_after: String,
    pub score_change: String,
}

pub(crate) fn sides(diff: &Diff, before: Figure, after: Figure) -> Sides {
    let level = |d: Figure| {
        if d.applicable {
            format!("{} {}", d.level, diff.questionnaire().level_name(d.level))
        } else {
            "n/a".to_string()
        }
    };
    let score = |d: Figure| {
        if d.applicable {
            format!("{:.2}", round2(d.score))
        } else {
            String::new()
        }
    };
    let both = before.applicable && after.applicable;
    Sides {
        before: level(before),
        after: level(after),
        level_change: if both {
            signed_level(before.level, after.level)
        } else {
            String::new()
        },
        score_before: score(before),
        score_after: score(after),
        score_change: if both {
            signed_score(before.score, after.score)
        } else {
            String::new()
        },
    }
}

/// The lines of the domains table: each domain (its short title when `short`), then its streams
/// as `↳ title` (`indent` before the arrow), then `overall`. Title, before, after.
pub(crate) fn domain_lines(
    diff: &Diff,
    short: bool,
    indent: &str,
    overall: &str,
    title: fn(&str) -> String,
) -> Vec<(String, Figure, Figure)> {
    let mut lines = Vec::new();
    for (domain, streams) in diff.domains() {
        let name = if short { domain.short } else { domain.title };
        lines.push((title(name), domain.before, domain.after));
        for stream in streams {
            lines.push((
                format!("{indent}↳ {}", title(stream.title)),
                stream.before,
                stream.after,
            ));
        }
    }
    lines.push((
        overall.to_string(),
        Figure::from(&diff.before),
        Figure::from(&diff.after),
    ));
    lines
}

/// The lines of the groups table, each group: title, before, after; empty without groups.
pub(crate) fn group_lines(diff: &Diff, title: fn(&str) -> String) -> Vec<(String, Figure, Figure)> {
    diff.groups()
        .map(|g| (title(g.title), g.before, g.after))
        .collect()
}

/// `+1`, `-1`, or empty when the level did not move.
pub(crate) fn signed_level(before: u32, after: u32) -> String {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => format!("+{}", after - before),
        std::cmp::Ordering::Less => format!("-{}", before - after),
        std::cmp::Ordering::Equal => String::new(),
    }
}

/// `+0.25`, `-0.50`, or empty when the shown scores are equal.
pub(crate) fn signed_score(before: f64, after: f64) -> String {
    let change = round2(round2(after) - round2(before));
    if change == 0.0 {
        String::new()
    } else {
        format!("{change:+.2}")
    }
}

/// "Infusion pump line, 2025-11-20 (version 0.2)": what an answers file is, in one line.
pub(crate) fn describe(answers: &Answers) -> String {
    let mut parts = Vec::new();
    if let Some(what) = answers.name() {
        parts.push(what.to_string());
    }
    if let Some(date) = &answers.date {
        parts.push(date.clone());
    }
    let mut text = parts.join(", ");
    if let Some(version) = &answers.version {
        text.push_str(&format!(" (version {version})"));
    }
    text.trim().to_string()
}

pub(crate) fn removed_label<'a>(diff: &Diff<'a>, answer: Option<&'a Answer>) -> &'a str {
    // The question is gone, and its scale with it: the default scale words the answer.
    crate::assessment::label(&diff.questionnaire().scale, answer)
}

/// What the list of added questions holds; `text` makes user text safe for the format.
pub(crate) fn added_title(diff: &Diff, text: fn(&str) -> String) -> String {
    format!(
        "Questions the earlier file, answered to version {}, does not answer: new since, or left unanswered then",
        text(diff.old.version.as_deref().unwrap_or_default())
    )
}

/// What the list of removed questions holds; `text` makes user text safe for the format.
pub(crate) fn removed_title(diff: &Diff, text: fn(&str) -> String) -> String {
    format!(
        "Answers to questions that version {} of {} no longer has, left out of the scores",
        text(&diff.questionnaire().version),
        diff.questionnaire().id
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_and_blank_when_nothing_moved() {
        assert_eq!(signed_level(1, 3), "+2");
        assert_eq!(signed_level(3, 2), "-1");
        assert_eq!(signed_level(2, 2), "");
        assert_eq!(signed_score(2.5, 2.75), "+0.25");
        assert_eq!(signed_score(2.754, 2.751), "");
        assert_eq!(signed_score(3.0, 2.5), "-0.50");
    }
}
