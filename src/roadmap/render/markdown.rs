//! The roadmap as markdown: on its own (`jsp roadmap --format markdown`), and as a section of
//! `jsp report`.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Plan, overall_line, phase_title, targeted};
use crate::assessment::Assessment;
use crate::assessment::render::markdown::header;
use crate::render::markdown::escape;
use crate::render::{Style, percent};
use crate::roadmap::{Roadmap, Step};
use crate::target::DEFAULT_PRIORITY;

/// The roadmap on its own: the report's header, then the roadmap section.
pub fn render(plan: &Plan, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::new();
    header(&mut text, plan.assessment);
    section(&mut text, plan.assessment, plan.roadmap);
    out.write_all(text.as_bytes())
}

/// `## Roadmap to the target`: the domains against their targets, then the phases.
pub fn section(out: &mut String, assessment: &Assessment, roadmap: &Roadmap) {
    let heading = if super::full_value(assessment) {
        "## Roadmap to full value"
    } else {
        "## Roadmap to the target"
    };
    let _ = writeln!(out, "{heading}\n");
    let _ = writeln!(out, "**{}**\n", overall_line(assessment));
    let standing = if assessment.card.questionnaire.is_continuous() {
        "Score"
    } else {
        "Level"
    };
    let _ = writeln!(
        out,
        "| Domain | {standing} | Target | Gap | To target | Priority | Open |\n|---|---|---:|---:|---:|---:|---:|"
    );
    for scored in targeted(assessment) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&scored.domain.title),
            escape(&scored.standing(assessment.card.questionnaire)),
            scored.target_text().unwrap_or_default(),
            scored.gap_text().unwrap_or_default(),
            scored.percent_to_target().map(percent).unwrap_or_default(),
            scored.priority.unwrap_or(DEFAULT_PRIORITY),
            roadmap.open_in(&scored.domain.id)
        );
    }
    out.push('\n');
    phases(out, assessment, roadmap);
}

/// The phases, each a `###` heading and its numbered steps: what `jsp report` shows as what to
/// do next when there is a target.
pub fn phases(out: &mut String, assessment: &Assessment, roadmap: &Roadmap) {
    if roadmap.is_empty() {
        let _ = writeln!(out, "{}\n", super::done_line(assessment));
        return;
    }
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let title = phase_title(assessment, index + 1, phase.level, phase.steps.len());
        let _ = writeln!(out, "### {}\n", escape(&title));
        for (number, step) in phase.steps.iter().enumerate() {
            step_item(out, assessment, number + 1, step);
        }
        out.push('\n');
    }
}

/// `1. Domain: **id** (regulatory) text (now: label)`, with guidance and references below.
fn step_item(out: &mut String, assessment: &Assessment, number: usize, step: &Step) {
    let question = step.question;
    let mark = if question.is_regulatory() {
        " *(regulatory)*"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{number}. {}: **{}**{mark} {} (now: {})",
        escape(&step.domain.title),
        escape(&question.id),
        escape(&question.text),
        escape(assessment.answer_label(question))
    );
    if let Some(guidance) = &question.guidance {
        let _ = writeln!(out, "   - Guidance: {}", escape(guidance));
    }
    if !question.references.is_empty() {
        let references: Vec<String> = question.references.iter().map(|r| escape(r)).collect();
        let _ = writeln!(out, "   - References: {}", references.join("; "));
    }
}
