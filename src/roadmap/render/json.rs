//! The roadmap as JSON, for scripts and dashboards.

use std::io::{self, Write};

use serde::Serialize;

use super::{Plan, targeted};
use crate::assessment::Assessment;
use crate::questionnaire::Reference;
use crate::render::Style;
use crate::roadmap::Roadmap;
use crate::scoring::round2;
use crate::target::DEFAULT_PRIORITY;

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: Reference<'a>,
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
    /// Left out when the questionnaire is scored `continuous`, which gives scores instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    target: Option<u32>,
    gap: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score_gap: Option<f64>,
    percent_to_target: Option<f64>,
    priority: u32,
    open: usize,
}

#[derive(Serialize)]
pub(crate) struct PhaseJson<'a> {
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

pub fn render(plan: &Plan, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let (assessment, roadmap) = (plan.assessment, plan.roadmap);
    let card = assessment.card;
    let answers = assessment.answers;
    let document = Document {
        questionnaire: card.questionnaire.reference(),
        organization: answers.organization.as_deref(),
        subject: answers.subject.as_deref(),
        date: answers.date.as_deref(),
        percent_to_target: card.percent_to_target().map(round2),
        domains: targeted(assessment)
            .map(|scored| DomainJson {
                id: &scored.domain.id,
                title: &scored.domain.title,
                level: scored.continuous.is_none().then_some(scored.level),
                score: scored.continuous.as_ref().map(|_| round2(scored.score)),
                target: scored.target,
                gap: scored.gap(),
                target_score: scored.target_score().map(round2),
                score_gap: scored.score_gap().map(round2),
                percent_to_target: scored.percent_to_target().map(round2),
                priority: scored.priority.unwrap_or(DEFAULT_PRIORITY),
                open: roadmap.open_in(&scored.domain.id),
            })
            .collect(),
        phases: phases(assessment, roadmap),
    };
    crate::render::json::write(&document, out)
}

/// The phases and their steps, as `jsp roadmap` and `jsp report` give them in JSON.
pub(crate) fn phases<'a>(assessment: &'a Assessment, roadmap: &'a Roadmap) -> Vec<PhaseJson<'a>> {
    let answers = assessment.answers;
    roadmap
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
        .collect()
}
