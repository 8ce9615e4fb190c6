//! JSON output: the score summary, and the whole assessment.

use serde::Serialize;

use super::Assessment;
use crate::questionnaire::Benchmark;
use crate::scoring::{DomainScore, Status, round2};

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: QuestionnaireRef<'a>,
    organization: Option<&'a str>,
    subject: Option<&'a str>,
    assessor: Option<&'a str>,
    date: Option<&'a str>,
    unanswered: usize,
    /// Ids of the unmet questions that restate a legal duty (full report only).
    #[serde(skip_serializing_if = "Option::is_none")]
    regulatory_unmet: Option<Vec<&'a str>>,
    overall: Overall<'a>,
    domains: Vec<Domain<'a>>,
}

#[derive(Serialize)]
pub(super) struct QuestionnaireRef<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    role: &'a str,
}

impl<'a> QuestionnaireRef<'a> {
    pub(super) fn of(questionnaire: &'a crate::questionnaire::Questionnaire) -> Self {
        QuestionnaireRef {
            id: &questionnaire.id,
            title: &questionnaire.title,
            version: &questionnaire.version,
            role: &questionnaire.role,
        }
    }
}

/// A percentage as reports give it: two decimals.
pub(super) fn percent(value: Option<f64>) -> Option<f64> {
    value.map(round2)
}

#[derive(Serialize)]
struct Overall<'a> {
    applicable: bool,
    level: u32,
    level_name: &'a str,
    score: f64,
    below_target: bool,
    /// 100 × (1 - sum of gaps / sum of targets); null without a target.
    percent_to_target: Option<f64>,
}

#[derive(Serialize)]
struct Domain<'a> {
    id: &'a str,
    title: &'a str,
    applicable: bool,
    level: u32,
    level_name: &'a str,
    score: f64,
    target: Option<u32>,
    gap: Option<u32>,
    percent_to_target: Option<f64>,
    answered: usize,
    questions: usize,
    benchmark: Option<&'a Benchmark>,
    levels: Vec<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_steps: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<Vec<QuestionAnswer<'a>>>,
}

#[derive(Serialize)]
struct Level {
    level: u32,
    questions: usize,
    met: usize,
    progress: f64,
}

#[derive(Serialize)]
struct QuestionAnswer<'a> {
    id: &'a str,
    level: u32,
    text: &'a str,
    tags: &'a [String],
    references: &'a [String],
    /// The option id, "na", or null when unanswered.
    answer: Option<&'a str>,
    label: &'a str,
    value: Option<f64>,
    met: bool,
    note: Option<&'a str>,
    evidence: Vec<&'a str>,
}

/// The per-domain summary that `jsp score --format json` prints.
pub fn score(assessment: &Assessment) -> String {
    render(assessment, false)
}

/// The whole assessment, with every answer and the next steps.
pub fn report(assessment: &Assessment) -> String {
    render(assessment, true)
}

fn render(assessment: &Assessment, full: bool) -> String {
    let card = assessment.card;
    let answers = assessment.answers;
    let questionnaire = card.questionnaire;
    let document = Document {
        questionnaire: QuestionnaireRef::of(questionnaire),
        organization: answers.organization.as_deref(),
        subject: answers.subject.as_deref(),
        assessor: answers.assessor.as_deref(),
        date: answers.date.as_deref(),
        unanswered: card.unanswered,
        regulatory_unmet: full.then(|| {
            assessment
                .regulatory_unmet()
                .map(|(_, q)| q.id.as_str())
                .collect()
        }),
        overall: Overall {
            applicable: card.applicable,
            level: card.level,
            level_name: questionnaire.level_name(card.level),
            score: round2(card.score),
            below_target: card.domains.iter().any(DomainScore::below_target),
            percent_to_target: percent(card.percent_to_target()),
        },
        domains: card
            .domains
            .iter()
            .map(|d| domain(assessment, d, full))
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn domain<'a>(assessment: &'a Assessment<'a>, scored: &DomainScore<'a>, full: bool) -> Domain<'a> {
    let d = scored.domain;
    Domain {
        id: &d.id,
        title: &d.title,
        applicable: scored.applicable,
        level: scored.level,
        level_name: assessment.card.questionnaire.level_name(scored.level),
        score: round2(scored.score),
        target: scored.target,
        gap: scored.gap(),
        percent_to_target: percent(scored.percent_to_target()),
        answered: scored.answered,
        questions: scored.questions,
        benchmark: d.benchmark.as_ref(),
        levels: scored
            .levels
            .iter()
            .map(|l| Level {
                level: l.level,
                questions: l.questions,
                met: l.met,
                progress: round2(l.progress),
            })
            .collect(),
        next_steps: full.then(|| {
            assessment
                .next_steps(scored)
                .iter()
                .map(|q| q.id.as_str())
                .collect()
        }),
        answers: full.then(|| {
            d.questions
                .iter()
                .map(|q| {
                    let given = assessment.answers.answers.get(&q.id);
                    let status = assessment.status(q);
                    QuestionAnswer {
                        id: &q.id,
                        level: q.level,
                        text: &q.text,
                        tags: &q.tags,
                        references: &q.references,
                        answer: given.map(|a| a.choice.as_str()),
                        label: assessment.answer_label(q),
                        value: match status {
                            Status::Answered { value, .. } => Some(value),
                            _ => None,
                        },
                        met: status.is_met(),
                        note: given.and_then(|a| a.note.as_deref()),
                        evidence: given
                            .map(|a| a.evidence.iter().map(String::as_str).collect())
                            .unwrap_or_default(),
                    }
                })
                .collect()
        }),
    }
}
