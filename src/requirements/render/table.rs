//! The requirement sets in the terminal: one row per set after `jsp score`'s domain table, and
//! a row per requirement for the sets `--require` names.

use std::io::{self, Write};

use comfy_table::{Cell, Color};

use super::counts;
use crate::render::Style;
use crate::requirements::{SetResult, Verdict};
use crate::text::printable;

/// Every set in one table; each required set requirement by requirement below it.
pub fn section(
    sets: &[SetResult],
    required: &[String],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if sets.is_empty() {
        return Ok(());
    }
    let mut table = crate::render::table(style);
    table.set_header(vec!["Requirement set", "Requirements"]);
    for set in sets {
        table.add_row(vec![
            Cell::new(format!(
                "{} {}",
                printable(&set.set.id),
                printable(&set.set.title)
            )),
            Cell::new(counts(set)),
        ]);
    }
    writeln!(out, "\n{table}")?;
    let shown: Vec<&SetResult> = sets
        .iter()
        .filter(|s| required.contains(&s.set.id))
        .collect();
    if shown.is_empty() {
        let note =
            "`--require SET` shows a set requirement by requirement and fails when one is not met.";
        let width = style.width.map_or(usize::MAX, usize::from);
        return writeln!(out, "{}", crate::render::fill(note, width, "", ""));
    }
    for set in shown {
        let mut table = crate::render::table(style);
        table.set_header(vec!["Requirement", "Citation", "Verdict", "Why"]);
        for result in &set.requirements {
            let verdict = Cell::new(result.verdict.label());
            let colour = match result.verdict {
                Verdict::Met => Some(Color::Green),
                Verdict::NotMet => Some(Color::Red),
                Verdict::NotAssessed if result.fails_gate() => Some(Color::Yellow),
                Verdict::NotAssessed | Verdict::NotApplicable => None,
            };
            table.add_row(vec![
                Cell::new(printable(&result.requirement.id)),
                // The first source only: the others are in markdown, JSON and the report.
                Cell::new(printable(
                    result
                        .requirement
                        .citation
                        .as_deref()
                        .and_then(|c| c.split(';').next())
                        .unwrap_or_default(),
                )),
                match colour {
                    Some(colour) if style.colour => verdict.fg(colour),
                    _ => verdict,
                },
                Cell::new(printable(&result.reason())),
            ]);
        }
        writeln!(
            out,
            "\n{}: {} ({})\n{table}",
            printable(&set.set.id),
            printable(&set.set.title),
            counts(set)
        )?;
    }
    Ok(())
}

/// `jsp aggregate`: a row per requirement with how many assessments meet it, fail it, leave it
/// not assessed or not applicable.
pub fn portfolio(
    questionnaire: &crate::questionnaire::Questionnaire,
    counts: &[crate::requirements::VerdictCounts],
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if questionnaire.requirement_sets.is_empty() {
        return Ok(());
    }
    // A table per set, the set named above it: two id columns side by side do not fit 60
    // columns, and the counts line up under their headings.
    writeln!(out, "\nRequirement sets (assessments per verdict)")?;
    let right = |n: u64| {
        comfy_table::Cell::new(n.to_string()).set_alignment(comfy_table::CellAlignment::Right)
    };
    let mut rows = super::portfolio_rows(questionnaire, counts).peekable();
    while let Some((set, _, _)) = rows.peek() {
        let set_id = set.id.as_str();
        let heading = format!("{}: {}", printable(set_id), printable(&set.title));
        writeln!(out, "{}", crate::render::paragraph(&heading, style))?;
        let mut table = crate::render::table(style);
        table.set_header(vec!["Requirement", "Met", "Not met", "Not assessed", "N/A"]);
        while let Some((_, requirement, c)) = rows.next_if(|(s, _, _)| s.id == set_id) {
            table.add_row(vec![
                comfy_table::Cell::new(printable(&requirement.id)),
                right(c.met),
                right(c.not_met),
                right(c.not_assessed),
                right(c.not_applicable),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}
