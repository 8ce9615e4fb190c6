//! Progress as markdown, for a pull request or a report to leadership.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{added_title, removed_label, removed_title, sides, signed_level, signed_score};
use crate::diff::Diff;
use crate::render::Style;
use crate::render::markdown::escape;
use crate::scoring::round2;

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
    if questionnaire.is_continuous() {
        continuous_domains(&mut out, diff);
    } else {
        staged_domains(&mut out, diff);
    }
    changes(&mut out, diff);
    out
}

/// A continuous questionnaire's domains: the scores before and after; it has no level.
fn continuous_domains(out: &mut String, diff: &Diff) {
    let _ = writeln!(
        out,
        "\n## Domains\n\n| Domain | Score before | Score after | Change |\n|---|---:|---:|---:|"
    );
    for (before, after) in diff.before.domains.iter().zip(&diff.after.domains) {
        let s = sides(diff, before, after);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            escape(&after.domain.title),
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
    }
    let (before, after) = (&diff.before, &diff.after);
    let _ = writeln!(
        out,
        "| **Overall** | {:.2} | {:.2} | {} |\n",
        round2(before.score),
        round2(after.score),
        signed_score(before.score, after.score)
    );
}

/// A staged questionnaire's domains: level and score, before and after.
fn staged_domains(out: &mut String, diff: &Diff) {
    let questionnaire = diff.questionnaire();
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
