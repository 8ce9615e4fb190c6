//! The roadmap to a target (`jsp roadmap`): a terminal table, markdown, JSON and CSV. The
//! markdown section is also part of `jsp report` whenever a target is given.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

use super::json::QuestionnaireRef;
use super::markdown::escape;
use super::{Assessment, percent};
use crate::roadmap::{Roadmap, Step};
use crate::scoring::DomainScore;
use crate::target::DEFAULT_PRIORITY;
use crate::text::printable;

/// The domains that have a target, with how far each is and how many steps it has to go.
fn targeted<'a>(assessment: &'a Assessment) -> impl Iterator<Item = &'a DomainScore<'a>> {
    assessment
        .card
        .domains
        .iter()
        .filter(|d| d.applicable && d.target.is_some())
}

pub(super) fn phase_title(
    assessment: &Assessment,
    number: usize,
    level: u32,
    steps: usize,
) -> String {
    format!(
        "Phase {number}: to level {level} ({}), {steps} question{}",
        assessment.level_name(level),
        if steps == 1 { "" } else { "s" }
    )
}

pub(super) fn overall_line(assessment: &Assessment) -> String {
    match assessment.card.percent_to_target() {
        Some(p) => format!(
            "{} of the way to the target (1 - the sum of the gaps / the sum of the targets)",
            percent(p)
        ),
        None => "No applicable domain has a target.".to_string(),
    }
}

/// The terminal table: the domains against their targets, then one table per phase.
pub fn table(
    assessment: &Assessment,
    roadmap: &Roadmap,
    width: Option<u16>,
    colour: bool,
) -> String {
    let mut out = format!("Roadmap: {}\n\n", overall_line(assessment));
    let mut domains = super::table::new(width, colour);
    domains.set_header(vec![
        "Domain",
        "Level",
        "Target",
        "Gap",
        "To target",
        "Priority",
        "Open",
    ]);
    for scored in targeted(assessment) {
        let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
        domains.add_row(vec![
            Cell::new(printable(&scored.domain.title)),
            Cell::new(format!(
                "{} {}",
                scored.level,
                printable(assessment.level_name(scored.level))
            )),
            right(scored.target.map(|t| t.to_string()).unwrap_or_default()),
            right(match scored.gap() {
                Some(0) => "met".to_string(),
                gap => gap.map(|g| g.to_string()).unwrap_or_default(),
            }),
            right(scored.percent_to_target().map(percent).unwrap_or_default()),
            right(scored.priority.unwrap_or(DEFAULT_PRIORITY).to_string()),
            right(roadmap.open_in(&scored.domain.id).to_string()),
        ]);
    }
    let _ = writeln!(out, "{domains}\n");
    if roadmap.is_empty() {
        out.push_str("Every domain has reached its target.\n");
        return out;
    }
    // The steps as a numbered list: their guidance is too long for table cells.
    let width = width.map_or(usize::MAX, usize::from);
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
            let _ = writeln!(
                out,
                "{:>3}. {}{regulatory}, {}, now {}",
                number + 1,
                printable(&question.id),
                printable(&step.domain.title),
                printable(assessment.answer_label(question))
            );
            let mut lines = vec![printable(&question.text)];
            if let Some(guidance) = &question.guidance {
                lines.push(format!("Guidance: {}", printable(guidance)));
            }
            if !question.references.is_empty() {
                let references = question.references.join("; ");
                lines.push(format!("References: {}", printable(&references)));
            }
            for line in lines {
                for wrapped in wrap(&line, width.saturating_sub(INDENT.len())) {
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

/// Breaks `text` into lines of at most `width` characters, at spaces; a longer word stands alone.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + 1 + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The roadmap on its own: the report's header, then the roadmap section.
pub fn markdown(assessment: &Assessment, roadmap: &Roadmap) -> String {
    let mut out = String::new();
    super::markdown::header(&mut out, assessment);
    section(&mut out, assessment, roadmap);
    out
}

/// `## Roadmap to the target`: the domains against their targets, then the phases.
pub fn section(out: &mut String, assessment: &Assessment, roadmap: &Roadmap) {
    let _ = writeln!(out, "## Roadmap to the target\n");
    let _ = writeln!(out, "**{}**\n", overall_line(assessment));
    let _ = writeln!(
        out,
        "| Domain | Level | Target | Gap | To target | Priority | Open |\n|---|---|---:|---:|---:|---:|---:|"
    );
    for scored in targeted(assessment) {
        let _ = writeln!(
            out,
            "| {} | {} {} | {} | {} | {} | {} | {} |",
            escape(&scored.domain.title),
            scored.level,
            escape(assessment.level_name(scored.level)),
            scored.target.map(|t| t.to_string()).unwrap_or_default(),
            match scored.gap() {
                Some(0) => "met".to_string(),
                gap => gap.map(|g| g.to_string()).unwrap_or_default(),
            },
            scored.percent_to_target().map(percent).unwrap_or_default(),
            scored.priority.unwrap_or(DEFAULT_PRIORITY),
            roadmap.open_in(&scored.domain.id)
        );
    }
    out.push('\n');
    if roadmap.is_empty() {
        let _ = writeln!(out, "Every domain has reached its target.\n");
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

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: QuestionnaireRef<'a>,
    organization: Option<&'a str>,
    subject: Option<&'a str>,
    date: Option<&'a str>,
    percent_to_target: Option<f64>,
    domains: Vec<DomainJson<'a>>,
    phases: Vec<PhaseJson<'a>>,
}

#[derive(Serialize)]
struct DomainJson<'a> {
    id: &'a str,
    title: &'a str,
    level: u32,
    target: Option<u32>,
    gap: Option<u32>,
    percent_to_target: Option<f64>,
    priority: u32,
    open: usize,
}

#[derive(Serialize)]
struct PhaseJson<'a> {
    phase: usize,
    level: u32,
    level_name: &'a str,
    steps: Vec<StepJson<'a>>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    domain: &'a str,
    question: &'a str,
    level: u32,
    text: &'a str,
    /// The option id, "na", or null when unanswered.
    answer: Option<&'a str>,
    label: &'a str,
    priority: u32,
    weight: f64,
    regulatory: bool,
    guidance: Option<&'a str>,
    references: &'a [String],
}

pub fn json(assessment: &Assessment, roadmap: &Roadmap) -> String {
    let card = assessment.card;
    let answers = assessment.answers;
    let document = Document {
        questionnaire: QuestionnaireRef::of(card.questionnaire),
        organization: answers.organization.as_deref(),
        subject: answers.subject.as_deref(),
        date: answers.date.as_deref(),
        percent_to_target: super::json::percent(card.percent_to_target()),
        domains: targeted(assessment)
            .map(|scored| DomainJson {
                id: &scored.domain.id,
                title: &scored.domain.title,
                level: scored.level,
                target: scored.target,
                gap: scored.gap(),
                percent_to_target: super::json::percent(scored.percent_to_target()),
                priority: scored.priority.unwrap_or(DEFAULT_PRIORITY),
                open: roadmap.open_in(&scored.domain.id),
            })
            .collect(),
        phases: roadmap
            .phases
            .iter()
            .enumerate()
            .map(|(index, phase)| PhaseJson {
                phase: index + 1,
                level: phase.level,
                level_name: assessment.level_name(phase.level),
                steps: phase
                    .steps
                    .iter()
                    .map(|step| {
                        let question = step.question;
                        StepJson {
                            domain: &step.domain.id,
                            question: &question.id,
                            level: question.level,
                            text: &question.text,
                            answer: answers.answers.get(&question.id).map(|a| a.choice.as_str()),
                            label: assessment.answer_label(question),
                            priority: step.priority,
                            weight: question.weight,
                            regulatory: question.is_regulatory(),
                            guidance: question.guidance.as_deref(),
                            references: &question.references,
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// One row per step, a plan of action to track in a spreadsheet.
pub fn csv(assessment: &Assessment, roadmap: &Roadmap) -> String {
    let write = || -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record([
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
        ])?;
        for (phase, step) in roadmap.steps() {
            let question = step.question;
            writer.write_record([
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
            ])?;
        }
        Ok(writer.into_inner()?)
    };
    write()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// Text from a file made safe for a spreadsheet: one that begins like a formula is quoted, so
/// that opening the plan never runs it (OWASP "CSV injection").
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("averylongword x", 4), ["averylongword", "x"]);
        assert_eq!(wrap("a  b", usize::MAX), ["a b"]);
    }

    #[test]
    fn a_formula_in_a_cell_is_made_inert() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Plain text"), "Plain text");
    }
}
