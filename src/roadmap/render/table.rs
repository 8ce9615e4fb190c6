//! The roadmap in the terminal: the domains against their targets, then each phase's steps.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{Plan, overall_line, phase_title, targeted};
use crate::assessment::Assessment;
use crate::render::{LongWords, Style, fill, percent, wrap};
use crate::roadmap::Roadmap;
use crate::target::DEFAULT_PRIORITY;
use crate::text::printable;

/// The terminal table: the domains against their targets, then one table per phase.
pub fn render(plan: &Plan, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(text(plan.assessment, plan.roadmap, style).as_bytes())
}

fn text(assessment: &Assessment, roadmap: &Roadmap, style: &Style) -> String {
    let width = style.width.map_or(usize::MAX, usize::from);
    let headline = format!("Roadmap: {}", overall_line(assessment));
    let mut out = format!("{}\n\n", fill(&headline, width, "", ""));
    let mut domains = crate::render::table(style);
    domains.set_header(vec![
        "Domain",
        if assessment.card.questionnaire.is_continuous() {
            "Score"
        } else {
            "Level"
        },
        "Target",
        "Gap",
        "To target",
        "Priority",
        "Open",
    ]);
    for scored in targeted(assessment) {
        let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
        domains.add_row(vec![
            Cell::new(printable(scored.domain.short_title())),
            if assessment.card.questionnaire.is_continuous() {
                right(printable(&scored.standing(assessment.card.questionnaire)))
            } else {
                Cell::new(printable(&scored.standing(assessment.card.questionnaire)))
            },
            right(scored.target_text().unwrap_or_default()),
            right(scored.gap_text().unwrap_or_default()),
            right(scored.percent_to_target().map(percent).unwrap_or_default()),
            right(scored.priority.unwrap_or(DEFAULT_PRIORITY).to_string()),
            right(roadmap.open_in(&scored.domain.id).to_string()),
        ]);
    }
    // Too wide: the open count goes first, then the priority and the percentage to target.
    crate::render::fit(
        &mut domains,
        style,
        crate::render::Fit {
            drop: &[6, 5, 4],
            flexible: 0,
            one_line: true,
        },
    );
    let _ = writeln!(out, "{domains}\n");
    if roadmap.is_empty() {
        let _ = writeln!(out, "{}", super::done_line(assessment));
        return out;
    }
    // The steps as a numbered list: their guidance is too long for table cells.
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let title = phase_title(assessment, index + 1, phase.level, phase.steps.len());
        let _ = writeln!(out, "{}\n", printable(&title));
        for (number, step) in phase.steps.iter().enumerate() {
            let question = step.question;
            let regulatory = if question.is_regulatory() {
                " (regulatory)"
            } else {
                ""
            };
            let step_line = format!(
                "{}{regulatory}, {}, now {}",
                printable(&question.id),
                printable(step.domain.short_title()),
                printable(assessment.answer_label(question))
            );
            let number = format!("{:>3}. ", number + 1);
            let _ = writeln!(out, "{}", fill(&step_line, width, &number, INDENT));
            let mut lines = vec![printable(&question.text)];
            if let Some(guidance) = &question.guidance {
                lines.push(format!("Guidance: {}", printable(guidance)));
            }
            if !question.references.is_empty() {
                let references = question.references.join("; ");
                lines.push(format!("References: {}", printable(&references)));
            }
            for line in lines {
                for wrapped in wrap(&line, width.saturating_sub(INDENT.len()), LongWords::Keep) {
                    let _ = writeln!(out, "{INDENT}{wrapped}");
                }
            }
        }
        // A blank line between phases, none after the last.
        if index + 1 < roadmap.phases.len() {
            out.push('\n');
        }
    }
    out
}

const INDENT: &str = "     ";
