//! Progress between two assessments (`jsp diff`): a terminal table, markdown and JSON.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

use super::json::QuestionnaireRef;
use super::label;
use super::markdown::escape;
use crate::answers::{Answer, Answers};
use crate::diff::Diff;
use crate::scoring::{DomainScore, round2};
use crate::text::printable;

/// One figure before and after: the level (with its name) and score, or "n/a".
struct Sides {
    before: String,
    after: String,
    level_change: String,
    score_before: String,
    score_after: String,
    score_change: String,
}

fn sides(diff: &Diff, before: &DomainScore, after: &DomainScore) -> Sides {
    let level = |d: &DomainScore| {
        if d.applicable {
            format!("{} {}", d.level, diff.questionnaire().level_name(d.level))
        } else {
            "n/a".to_string()
        }
    };
    let score = |d: &DomainScore| {
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

/// `+1`, `-1`, or empty when the level did not move.
fn signed_level(before: u32, after: u32) -> String {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => format!("+{}", after - before),
        std::cmp::Ordering::Less => format!("-{}", before - after),
        std::cmp::Ordering::Equal => String::new(),
    }
}

/// `+0.25`, `-0.50`, or empty when the shown scores are equal.
fn signed_score(before: f64, after: f64) -> String {
    let change = round2(round2(after) - round2(before));
    if change == 0.0 {
        String::new()
    } else {
        format!("{change:+.2}")
    }
}

/// "Infusion pump line, 2025-11-20 (version 0.2)": what an answers file is, in one line.
fn describe(answers: &Answers) -> String {
    let mut parts = Vec::new();
    if let Some(what) = answers
        .subject
        .as_deref()
        .or(answers.organization.as_deref())
    {
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

fn removed_label<'a>(diff: &Diff<'a>, answer: Option<&'a Answer>) -> &'a str {
    label(diff.questionnaire(), answer)
}

/// What the list of added questions holds; `text` makes user text safe for the format.
fn added_title(diff: &Diff, text: fn(&str) -> String) -> String {
    format!(
        "Questions the earlier file, answered to version {}, does not answer: new since, or left unanswered then",
        text(diff.old.version.as_deref().unwrap_or_default())
    )
}

/// What the list of removed questions holds; `text` makes user text safe for the format.
fn removed_title(diff: &Diff, text: fn(&str) -> String) -> String {
    format!(
        "Answers to questions that version {} of {} no longer has, left out of the scores",
        text(&diff.questionnaire().version),
        diff.questionnaire().id
    )
}

pub fn table(diff: &Diff, width: Option<u16>, colour: bool) -> String {
    let questionnaire = diff.questionnaire();
    let mut out = format!(
        "{}: {} → {}\n\n",
        printable(&questionnaire.title),
        printable(&describe(diff.old)),
        printable(&describe(diff.new))
    );
    let mut domains = super::table::new(width, colour);
    domains.set_header(vec![
        "Domain",
        "Level before",
        "Level after",
        "Change",
        "Score before",
        "Score after",
        "Change",
    ]);
    let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
    for (before, after) in diff.before.domains.iter().zip(&diff.after.domains) {
        let s = sides(diff, before, after);
        domains.add_row(vec![
            Cell::new(printable(&after.domain.title)),
            Cell::new(printable(&s.before)),
            Cell::new(printable(&s.after)),
            right(s.level_change),
            right(s.score_before),
            right(s.score_after),
            right(s.score_change),
        ]);
    }
    let (before, after) = (&diff.before, &diff.after);
    domains.add_row(vec![
        Cell::new("Overall"),
        Cell::new(format!(
            "{} {}",
            before.level,
            printable(questionnaire.level_name(before.level))
        )),
        Cell::new(format!(
            "{} {}",
            after.level,
            printable(questionnaire.level_name(after.level))
        )),
        right(signed_level(before.level, after.level)),
        right(format!("{:.2}", round2(before.score))),
        right(format!("{:.2}", round2(after.score))),
        right(signed_score(before.score, after.score)),
    ]);
    let _ = writeln!(out, "{domains}\n");

    if diff.changes.is_empty() {
        out.push_str("No answer changed.\n");
    } else {
        let _ = writeln!(out, "Changed answers: {}", diff.changes.len());
        let mut changes = super::table::new(width, colour);
        changes.set_header(vec!["Question", "Domain", "From", "To", "Note"]);
        for change in &diff.changes {
            changes.add_row(vec![
                Cell::new(format!(
                    "{}\n{}",
                    printable(&change.question.id),
                    printable(&change.question.text)
                )),
                Cell::new(printable(&change.domain.title)),
                Cell::new(printable(label(questionnaire, change.before))),
                Cell::new(printable(label(questionnaire, change.after))),
                Cell::new(change.note().map(printable).unwrap_or_default()),
            ]);
        }
        let _ = writeln!(out, "{changes}");
    }
    if !diff.added.is_empty() {
        let _ = writeln!(out, "\n{}:", added_title(diff, printable));
        for (domain, question) in &diff.added {
            let _ = writeln!(
                out,
                "  {} ({}, level {}): {}",
                printable(&question.id),
                printable(&domain.title),
                question.level,
                printable(&question.text)
            );
        }
    }
    if !diff.removed.is_empty() {
        let _ = writeln!(out, "\n{}:", removed_title(diff, printable));
        for removed in &diff.removed {
            let _ = writeln!(
                out,
                "  {}: {} → {}",
                printable(removed.id),
                printable(removed_label(diff, removed.before)),
                printable(removed_label(diff, removed.after))
            );
        }
    }
    out
}

pub fn markdown(diff: &Diff) -> String {
    let questionnaire = diff.questionnaire();
    let mut out = String::new();
    let subject = diff
        .new
        .subject
        .as_deref()
        .or(diff.new.organization.as_deref())
        .unwrap_or("assessment");
    let _ = writeln!(
        out,
        "# Progress: {}\n\n{} (`{}`), version {}.\n",
        escape(subject),
        escape(&questionnaire.title),
        questionnaire.id,
        escape(&questionnaire.version)
    );
    let _ = writeln!(out, "| | Before | After |\n|---|---|---|");
    let field = |value: &Option<String>| value.as_deref().map(escape).unwrap_or_default();
    for (name, old, new) in [
        (
            "Organization",
            &diff.old.organization,
            &diff.new.organization,
        ),
        ("Subject", &diff.old.subject, &diff.new.subject),
        ("Assessor", &diff.old.assessor, &diff.new.assessor),
        ("Date", &diff.old.date, &diff.new.date),
        (
            "Questionnaire version",
            &diff.old.version,
            &diff.new.version,
        ),
    ] {
        if old.is_some() || new.is_some() {
            let _ = writeln!(out, "| {name} | {} | {} |", field(old), field(new));
        }
    }
    let _ = writeln!(
        out,
        "\n## Domains\n\n| Domain | Level before | Level after | Change | Score before | Score after | Change |\n|---|---|---|---:|---:|---:|---:|"
    );
    for (before, after) in diff.before.domains.iter().zip(&diff.after.domains) {
        let s = sides(diff, before, after);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&after.domain.title),
            escape(&s.before),
            escape(&s.after),
            s.level_change,
            s.score_before,
            s.score_after,
            s.score_change
        );
    }
    let (before, after) = (&diff.before, &diff.after);
    let _ = writeln!(
        out,
        "| **Overall** | {} {} | {} {} | {} | {:.2} | {:.2} | {} |\n",
        before.level,
        escape(questionnaire.level_name(before.level)),
        after.level,
        escape(questionnaire.level_name(after.level)),
        signed_level(before.level, after.level),
        round2(before.score),
        round2(after.score),
        signed_score(before.score, after.score)
    );
    let _ = writeln!(out, "## Changed answers\n");
    if diff.changes.is_empty() {
        let _ = writeln!(out, "No answer changed.\n");
    } else {
        let _ = writeln!(
            out,
            "| Question | Domain | From | To | Note |\n|---|---|---|---|---|"
        );
        for change in &diff.changes {
            let _ = writeln!(
                out,
                "| **{}** {} | {} | {} | {} | {} |",
                escape(&change.question.id),
                escape(&change.question.text),
                escape(&change.domain.title),
                escape(label(questionnaire, change.before)),
                escape(label(questionnaire, change.after)),
                change.note().map(escape).unwrap_or_default()
            );
        }
        out.push('\n');
    }
    if !diff.added.is_empty() {
        let _ = writeln!(
            out,
            "## Questions added\n\n{}:\n",
            added_title(diff, escape)
        );
        for (domain, question) in &diff.added {
            let _ = writeln!(
                out,
                "- **{}** {} ({}, level {})",
                escape(&question.id),
                escape(&question.text),
                escape(&domain.title),
                question.level
            );
        }
        out.push('\n');
    }
    if !diff.removed.is_empty() {
        let _ = writeln!(
            out,
            "## Questions removed\n\n{}:\n",
            removed_title(diff, escape)
        );
        for removed in &diff.removed {
            let _ = writeln!(
                out,
                "- **{}**: {} → {}",
                escape(removed.id),
                escape(removed_label(diff, removed.before)),
                escape(removed_label(diff, removed.after))
            );
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: QuestionnaireRef<'a>,
    old: FileJson<'a>,
    new: FileJson<'a>,
    overall: FiguresJson<'a>,
    domains: Vec<DomainJson<'a>>,
    changes: Vec<ChangeJson<'a>>,
    added: Vec<QuestionJson<'a>>,
    removed: Vec<RemovedJson<'a>>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    organization: Option<&'a str>,
    subject: Option<&'a str>,
    assessor: Option<&'a str>,
    date: Option<&'a str>,
    version: Option<&'a str>,
}

#[derive(Serialize)]
struct Side<'a> {
    applicable: bool,
    level: u32,
    level_name: &'a str,
    score: f64,
}

#[derive(Serialize)]
struct FiguresJson<'a> {
    before: Side<'a>,
    after: Side<'a>,
    /// Null when the domain is not applicable before or after.
    level_change: Option<i64>,
    score_change: Option<f64>,
}

#[derive(Serialize)]
struct DomainJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    figures: FiguresJson<'a>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    question: &'a str,
    domain: &'a str,
    level: u32,
    text: &'a str,
    /// Option ids, "na", or null when unanswered.
    from: Option<&'a str>,
    to: Option<&'a str>,
    from_label: &'a str,
    to_label: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    question: &'a str,
    domain: &'a str,
    level: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct RemovedJson<'a> {
    question: &'a str,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

fn file(answers: &Answers) -> FileJson<'_> {
    FileJson {
        organization: answers.organization.as_deref(),
        subject: answers.subject.as_deref(),
        assessor: answers.assessor.as_deref(),
        date: answers.date.as_deref(),
        version: answers.version.as_deref(),
    }
}

fn figures<'a>(
    diff: &Diff<'a>,
    (applicable_before, level_before, score_before): (bool, u32, f64),
    (applicable_after, level_after, score_after): (bool, u32, f64),
) -> FiguresJson<'a> {
    let questionnaire = diff.questionnaire();
    let both = applicable_before && applicable_after;
    FiguresJson {
        before: Side {
            applicable: applicable_before,
            level: level_before,
            level_name: questionnaire.level_name(level_before),
            score: round2(score_before),
        },
        after: Side {
            applicable: applicable_after,
            level: level_after,
            level_name: questionnaire.level_name(level_after),
            score: round2(score_after),
        },
        level_change: both.then(|| i64::from(level_after) - i64::from(level_before)),
        score_change: both.then(|| round2(round2(score_after) - round2(score_before))),
    }
}

pub fn json(diff: &Diff) -> String {
    let (before, after) = (&diff.before, &diff.after);
    let document = Document {
        questionnaire: QuestionnaireRef::of(diff.questionnaire()),
        old: file(diff.old),
        new: file(diff.new),
        overall: figures(
            diff,
            (before.applicable, before.level, before.score),
            (after.applicable, after.level, after.score),
        ),
        domains: before
            .domains
            .iter()
            .zip(&after.domains)
            .map(|(b, a)| DomainJson {
                id: &a.domain.id,
                title: &a.domain.title,
                figures: figures(
                    diff,
                    (b.applicable, b.level, b.score),
                    (a.applicable, a.level, a.score),
                ),
            })
            .collect(),
        changes: diff
            .changes
            .iter()
            .map(|c| ChangeJson {
                question: &c.question.id,
                domain: &c.domain.id,
                level: c.question.level,
                text: &c.question.text,
                from: c.before.map(|a| a.choice.as_str()),
                to: c.after.map(|a| a.choice.as_str()),
                from_label: label(diff.questionnaire(), c.before),
                to_label: label(diff.questionnaire(), c.after),
                note: c.note(),
            })
            .collect(),
        added: diff
            .added
            .iter()
            .map(|(d, q)| QuestionJson {
                question: &q.id,
                domain: &d.id,
                level: q.level,
                text: &q.text,
            })
            .collect(),
        removed: diff
            .removed
            .iter()
            .map(|r| RemovedJson {
                question: r.id,
                from: r.before.map(|a| a.choice.as_str()),
                to: r.after.map(|a| a.choice.as_str()),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
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
