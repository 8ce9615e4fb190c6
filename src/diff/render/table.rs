//! Progress in the terminal: a table of domains, then the answers that changed.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{
    added_title, describe, domain_lines, group_lines, removed_label, removed_title, sides,
};
use crate::diff::{Diff, Figure};
use crate::render::Style;
use crate::text::printable;

/// Below this width the changed answers are a list, not a table.
const NARROW: usize = 100;

pub fn render(diff: &Diff, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(text(diff, style).as_bytes())
}

fn text(diff: &Diff, style: &Style) -> String {
    let questionnaire = diff.questionnaire();
    let headline = format!(
        "{}: {} → {}",
        printable(&questionnaire.title),
        printable(&describe(diff.old)),
        printable(&describe(diff.new))
    );
    let width = style.width.map_or(usize::MAX, usize::from);
    let mut out = format!("{}\n\n", crate::render::fill(&headline, width, "", ""));
    let tables = [
        (
            "Domain",
            domain_lines(diff, true, "  ", "Overall", printable),
        ),
        ("Group", group_lines(diff, printable)),
    ];
    for (first, lines) in tables {
        if lines.is_empty() {
            continue;
        }
        let table = figures(diff, style, first, lines);
        let _ = writeln!(out, "{table}\n");
    }
    changes(&mut out, diff, width, style);
    out
}

/// One table of figures before and after: a continuous questionnaire's scores, or a staged
/// one's level and score.
fn figures(
    diff: &Diff,
    style: &Style,
    first: &str,
    lines: Vec<(String, Figure, Figure)>,
) -> comfy_table::Table {
    let continuous = diff.questionnaire().is_continuous();
    let mut table = crate::render::table(style);
    let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
    if continuous {
        table.set_header(vec![first, "Score before", "Score after", "Change"]);
    } else {
        table.set_header(vec![
            first,
            "Level before",
            "Level after",
            "Change",
            "Score before",
            "Score after",
            "Change",
        ]);
    }
    for (title, before, after) in lines {
        let s = sides(diff, before, after);
        if continuous {
            table.add_row(vec![
                Cell::new(title),
                right(if before.applicable {
                    s.score_before
                } else {
                    s.before
                }),
                right(if after.applicable {
                    s.score_after
                } else {
                    s.after
                }),
                right(s.score_change),
            ]);
        } else {
            table.add_row(vec![
                Cell::new(title),
                Cell::new(printable(&s.before)),
                Cell::new(printable(&s.after)),
                right(s.level_change),
                right(s.score_before),
                right(s.score_after),
                right(s.score_change),
            ]);
        }
    }
    // Too wide: the scores go first, then the level before (the level after and its change
    // stay); the title is cut.
    crate::render::fit(
        &mut table,
        style,
        crate::render::Fit {
            drop: if continuous { &[] } else { &[4, 5, 6, 1] },
            flexible: 0,
            one_line: true,
        },
    );
    table
}

/// The answers that changed, the questions added and the answers removed.
fn changes(out: &mut String, diff: &Diff, width: usize, style: &Style) {
    let questionnaire = diff.questionnaire();
    if diff.changes.is_empty() {
        out.push_str("No answer changed.\n");
    } else {
        let _ = writeln!(out, "Changed answers: {}", diff.changes.len());
        // Five columns of text do not fit a narrow terminal: there, one entry per change.
        if width < NARROW {
            for change in &diff.changes {
                let head = format!(
                    "{}, {}: {} → {}",
                    printable(&change.question.id),
                    printable(change.domain.short_title()),
                    printable(change.labels(questionnaire).0),
                    printable(change.labels(questionnaire).1)
                );
                let _ = writeln!(out, "\n{}", crate::render::fill(&head, width, "", "  "));
                let text = printable(&change.question.text);
                let _ = writeln!(out, "{}", crate::render::fill(&text, width, "  ", "  "));
                if let Some(note) = change.note() {
                    let note = printable(note);
                    let _ = writeln!(
                        out,
                        "{}",
                        crate::render::fill(&note, width, "  Note: ", "  ")
                    );
                }
            }
        } else {
            let mut changes = crate::render::table(style);
            changes.set_header(vec!["Question", "Domain", "From", "To", "Note"]);
            for change in &diff.changes {
                changes.add_row(vec![
                    Cell::new(format!(
                        "{}\n{}",
                        printable(&change.question.id),
                        printable(&change.question.text)
                    )),
                    Cell::new(printable(change.domain.short_title())),
                    Cell::new(printable(change.labels(questionnaire).0)),
                    Cell::new(printable(change.labels(questionnaire).1)),
                    Cell::new(change.note().map(printable).unwrap_or_default()),
                ]);
            }
            // The question's text and the note wrap; the id never breaks.
            let id_width = diff
                .changes
                .iter()
                .map(|c| c.question.id.chars().count())
                .max()
                .unwrap_or(0);
            if let Some(column) = changes.column_mut(0) {
                column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                    comfy_table::Width::Fixed(u16::try_from(id_width + 2).unwrap_or(u16::MAX)),
                ));
            }
            let _ = writeln!(out, "{changes}");
        }
    }
    if !diff.added.is_empty() {
        let _ = writeln!(out, "\n{}:", added_title(diff, printable));
        for (domain, question) in &diff.added {
            let line = format!(
                "{} ({}, level {}): {}",
                printable(&question.id),
                printable(domain.short_title()),
                question.level,
                printable(&question.text)
            );
            let _ = writeln!(out, "{}", crate::render::fill(&line, width, "  ", "    "));
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
}
