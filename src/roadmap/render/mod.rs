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

/// The domains that have a target, with how far each is and how many steps it has to go.
pub(crate) fn targeted<'a>(
    assessment: &'a Assessment,
) -> impl Iterator<Item = &'a DomainScore<'a>> {
    assessment
        .card
        .domains
        .iter()
        .filter(|d| d.applicable && d.has_target())
}

pub fn phase_title(assessment: &Assessment, number: usize, level: u32, steps: usize) -> String {
    if assessment.card.questionnaire.is_continuous() {
        return format!(
            "Phase {number}: the questions of level {level} ({}) below their target, {steps} question{}",
            assessment.level_name(level),
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
        None => "No applicable domain has a target.".to_string(),
    }
}
