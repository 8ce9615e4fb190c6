//! The roadmap as CSV: one row per step, a plan of action to track in a spreadsheet.

use std::io::{self, Write};

use super::Plan;
use crate::render::Style;
use crate::render::csv::{cell, io_error};

/// One row per step, a plan of action to track in a spreadsheet.
pub fn render(plan: &Plan, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let (assessment, roadmap) = (plan.assessment, plan.roadmap);
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "phase",
            "domain",
            "question",
            "level",
            "current answer",
            "priority",
            "weight",
            "regulatory",
            "text",
            "guidance",
            "references",
        ])
        .map_err(io_error)?;
    for (phase, step) in roadmap.steps() {
        let question = step.question;
        writer
            .write_record([
                phase.to_string(),
                cell(&step.domain.title),
                cell(&question.id),
                question.level.to_string(),
                cell(assessment.answer_label(question)),
                step.priority.to_string(),
                question.weight.to_string(),
                if question.is_regulatory() {
                    "yes"
                } else {
                    "no"
                }
                .to_string(),
                cell(&question.text),
                cell(question.guidance.as_deref().unwrap_or_default()),
                cell(&question.references.join("; ")),
            ])
            .map_err(io_error)?;
    }
    writer.flush()
}
