//! Progress as markdown, for a pull request or a report to leadership.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{added_title, domain_lines, group_lines, removed_label, removed_title, sides};
use crate::diff::{Diff, Figure};
use crate::render::Style;
use crate::render::markdown::escape;

pub fn render(diff: &Diff, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(text(diff).as_bytes())
}

fn text(diff: &Diff) -> String {
    let questionnaire = diff.questionnaire();
    let mut out = String::new();
    let subject = diff.new.name().unwrap_or(crate::assessment::UNNAMED);
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
    let _ = writeln!(out, "\n## Domains\n");
    figures(
        &mut out,
        diff,
        "Domain",
        domain_lines(diff, false, "", "**Overall**", escape),
    );
    let groups = group_lines(diff, escape);
    if !groups.is_empty() {
        let _ = writeln!(out, "## Groups\n");
        figures(&mut out, diff, "Group", groups);
    }
    changes(&mut out, diff);
    out
}

/// One table of figures before and after: a continuous questionnaire's scores, or a staged
/// one's level and score.
fn figures(out: &mut String, diff: &Diff, first: &str, lines: Vec<(String, Figure, Figure)>) {
    let continuous = diff.questionnaire().is_continuous();
    if continuous {
        let _ = writeln!(
            out,
            "| {first} | Score before | Score after | Change |\n|---|---:|---:|---:|"
        );
    } else {
        let _ = writeln!(
            out,
            "| {first} | Level before | Level after | Change | Score before | Score after | Change |\n|---|---|---|---:|---:|---:|---:|"
        );
    }
    for (title, before, after) in lines {
        let s = sides(diff, before, after);
        if continuous {
            let _ = writeln!(
                out,
                "| {title} | {} | {} | {} |",
                if before.applicable {
                    s.score_before
                } else {
                    s.before
                },
                if after.applicable {
                    s.score_after
                } else {
                    s.after
                },
                s.score_change
            );
        } else {
            let _ = writeln!(
                out,
                "| {title} | {} | {} | {} | {} | {} | {} |",
                escape(&s.before),
                escape(&s.after),
                s.level_change,
                s.score_before,
                s.score_after,
                s.score_change
            );
        }
    }
    out.push('\n');
}

/// The answers that changed, the questions added and the answers removed.
fn changes(out: &mut String, diff: &Diff) {
    let questionnaire = diff.questionnaire();
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
                escape(change.labels(questionnaire).0),
                escape(change.labels(questionnaire).1),
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
}
