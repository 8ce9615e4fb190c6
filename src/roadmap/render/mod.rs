//! The roadmap's formats (`jsp roadmap`), one file each; the markdown section is also part of
//! `jsp report`, and the JSON phases part of its JSON, whenever a target is given.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use crate::assessment::Assessment;
use crate::render::percent;
use crate::roadmap::Roadmap;
use crate::scoring::DomainScore;

/// What `jsp roadmap` shows: an assessment against its target, and the way there.
pub struct Plan<'a> {
    pub assessment: &'a Assessment<'a>,
    pub roadmap: &'a Roadmap<'a>,
}

/// The domains that have a target, with how far each is and how many steps it has to go;
/// every applicable domain when each question aims at its full value.
pub(crate) fn targeted<'a>(
    assessment: &'a Assessment,
) -> impl Iterator<Item = &'a DomainScore<'a>> {
    let full = full_value(assessment);
    assessment
        .card
        .domains
        .iter()
        .filter(move |d| d.applicable && (full || d.has_target()))
}

/// Scored `continuous` without a target file: every question then aims at its full value
/// (see [`crate::scoring::Scorecard::below_target_values`]).
pub fn full_value(assessment: &Assessment) -> bool {
    assessment.card.questionnaire.is_continuous() && !assessment.card.targeted
}

/// What the roadmap's phases are, in one sentence, for the report's "What to do next".
pub fn intro(assessment: &Assessment) -> &'static str {
    if full_value(assessment) {
        "No target is given, so each question aims at its full value: the questions below it, in phases a level at a time, legal duties first in each phase, then the largest gain to the overall score."
    } else {
        "The way to the target in phases, a level at a time, legal duties first in each phase."
    }
}

/// What an empty roadmap says.
pub fn done_line(assessment: &Assessment) -> &'static str {
    if full_value(assessment) {
        "Every applicable question is at its full value."
    } else {
        "Every domain has reached its target."
    }
}

pub fn phase_title(assessment: &Assessment, number: usize, level: u32, steps: usize) -> String {
    if assessment.card.questionnaire.is_continuous() {
        return format!(
            "Phase {number}: the questions of level {level} ({}) below their {}, {steps} question{}",
            assessment.level_name(level),
            if full_value(assessment) {
                "full value"
            } else {
                "target"
            },
            if steps == 1 { "" } else { "s" }
        );
    }
    format!(
        "Phase {number}: to level {level} ({}), {steps} question{}",
        assessment.level_name(level),
        if steps == 1 { "" } else { "s" }
    )
}

pub fn overall_line(assessment: &Assessment) -> String {
    match assessment.card.percent_to_target() {
        Some(p) if assessment.card.questionnaire.is_continuous() => format!(
            "{} of the way to the target (the answer values reached, each up to its target value / the target values)",
            percent(p)
        ),
        Some(p) => format!(
            "{} of the way to the target (1 - the sum of the gaps / the sum of the targets)",
            percent(p)
        ),
        // A target at the base of every applicable domain asks nothing: no way to go.
        None if assessment
            .card
            .domains
            .iter()
            .any(|d| d.applicable && d.has_target()) =>
        {
            "The target asks for nothing above the base level: there is nothing to do.".to_string()
        }
        None if full_value(assessment) => {
            "No target given: each question aims at its full value, the highest of its scale"
                .to_string()
        }
        None => "No applicable domain has a target.".to_string(),
    }
}
