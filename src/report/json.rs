//! JSON output: the score summary, and the whole assessment.

use std::io::{self, Write};

use serde::Serialize;

use super::{Report, SECTIONS, Score, Section};
use crate::assessment::Assessment;
use crate::crosswalk::render::json::StandardJson;
use crate::questionnaire::{Benchmark, Reference};
use crate::render::Style;
use crate::render::json::Standing;
use crate::requirements::render::json::{FindingJson, SetJson};
use crate::roadmap::render::json::{PhaseJson, phases};
use crate::scoring::{DomainScore, Status, round2};

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: Reference<'a>,
    /// The file of a custom questionnaire that replaces the built-in one (full report only).
    #[serde(skip_serializing_if = "Option::is_none")]
    questionnaire_file: Option<String>,
    organization: Option<&'a str>,
    subject: Option<&'a str>,
    assessor: Option<&'a str>,
    date: Option<&'a str>,
    unanswered: usize,
    /// The domains below their target with their gaps, as the executive summary names them
    /// (full report with a target only).
    #[serde(skip_serializing_if = "Option::is_none")]
    below_target: Option<Vec<Below<'a>>>,
    /// Ids of the few steps that matter most after the legal duties, as the executive summary
    /// lists them (full report only).
    #[serde(skip_serializing_if = "Option::is_none")]
    first_steps: Option<Vec<&'a str>>,
    /// The levels with their descriptions, when the questionnaire describes them.
    #[serde(skip_serializing_if = "Option::is_none")]
    levels: Option<&'a [crate::questionnaire::Level]>,
    overall: Overall<'a>,
    domains: Vec<Domain<'a>>,
    /// Each group of domains: the overall rule over its domains, and any benchmark.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    groups: Vec<GroupJson<'a>>,
    /// The way to the target (full report with a target only).
    #[serde(skip_serializing_if = "Option::is_none")]
    roadmap: Option<Vec<PhaseJson<'a>>>,
    /// The questions by the standards they cite (full report with `--by-reference` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    by_reference: Option<Vec<StandardJson<'a>>>,
    /// Every legal duty not yet met, as the summary counts them (full report of a
    /// questionnaire that states legal duties only).
    #[serde(skip_serializing_if = "Option::is_none")]
    compliance_findings: Option<Vec<FindingJson<'a>>>,
    /// Each requirement set and every requirement's verdict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    requirement_sets: Vec<SetJson<'a>>,
    /// Every evidence item with its age and status (full report, when an answer gives one).
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<crate::evidence::render::json::Document<'a>>,
    /// The trend over the committed versions (full report with `--history` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<crate::history::render::json::Document<'a>>,
}

#[derive(Serialize)]
struct Below<'a> {
    id: &'a str,
    // Staged: the level, the target level and the levels missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gap: Option<u32>,
    // Continuous: the score, the target score (null for targets per question) and the score
    // missing.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    continuous: Option<Continuous>,
}

/// A continuous domain's figures against its target, where staged ones give levels.
#[derive(Serialize)]
struct Continuous {
    score: f64,
    target_score: f64,
    score_gap: f64,
}

impl Continuous {
    fn of(scored: &DomainScore) -> Option<Continuous> {
        let c = scored.continuous.as_ref()?;
        Some(Continuous {
            score: round2(scored.score),
            target_score: round2(c.score),
            score_gap: round2(scored.score_gap().unwrap_or_default()),
        })
    }
}

#[derive(Serialize)]
struct Overall<'a> {
    #[serde(flatten)]
    standing: Standing<'a>,
    below_target: bool,
    /// 100 × (1 - sum of gaps / sum of targets); null without a target.
    percent_to_target: Option<f64>,
}

#[derive(Serialize)]
struct Domain<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    standing: Standing<'a>,
    target: Option<u32>,
    gap: Option<u32>,
    /// Scored `continuous` with a target: the target score and the score missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    target_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score_gap: Option<f64>,
    percent_to_target: Option<f64>,
    answered: usize,
    questions: usize,
    levels: Vec<Level>,
    /// Each stream of the domain, scored by the domain's rule over its own questions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    streams: Vec<StreamJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_steps: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<Vec<QuestionAnswer<'a>>>,
}

#[derive(Serialize)]
struct StreamJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    standing: Standing<'a>,
    answered: usize,
    questions: usize,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    title: &'a str,
    domains: &'a [&'a str],
    #[serde(flatten)]
    standing: Standing<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    benchmark: Option<&'a Benchmark>,
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
    /// The named scale the answer is on; left out for the default scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    scale: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    criteria: &'a [String],
    /// Scored `continuous` with a target: the answer value the target asks for.
    #[serde(skip_serializing_if = "Option::is_none")]
    target_value: Option<f64>,
    /// The option id, "na", or null when unanswered.
    answer: Option<&'a str>,
    label: &'a str,
    value: Option<f64>,
    met: bool,
    note: Option<&'a str>,
    /// A string for a reference alone; `{ref, date, expires, owner}` for a dated item.
    evidence: &'a [crate::answers::Evidence],
}

/// The per-domain summary that `jsp score --format json` prints.
pub fn score(score: &Score, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write(&document(score.assessment), out)
}

/// The whole assessment, section by section: every answer, the next steps, the roadmap.
pub fn report(report: &Report, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let assessment = report.assessment;
    let mut document = document(assessment);
    document.questionnaire_file = report
        .questionnaire_file
        .map(|path| path.display().to_string());
    for section in SECTIONS {
        match section {
            // The summary adds to what `jsp score` gives: the executive summary's lists.
            Section::Summary => {
                document.below_target = assessment.has_target().then(|| {
                    assessment
                        .card
                        .domains
                        .iter()
                        .filter(|d| d.below_target())
                        .map(|d| {
                            let continuous = Continuous::of(d);
                            let staged = continuous.is_none();
                            Below {
                                id: &d.domain.id,
                                level: staged.then_some(d.level),
                                target: staged.then(|| d.target.unwrap_or_default()),
                                gap: staged.then(|| d.gap().unwrap_or_default()),
                                continuous,
                            }
                        })
                        .collect()
                });
                document.first_steps = Some(
                    report
                        .first_steps()
                        .iter()
                        .map(|(_, q)| q.id.as_str())
                        .collect(),
                );
            }
            // What to do next: the roadmap with a target; each domain's next steps always, as
            // data for scripts.
            Section::NextSteps => {
                for (json, scored) in document.domains.iter_mut().zip(&assessment.card.domains) {
                    json.next_steps = Some(
                        assessment
                            .next_steps(scored)
                            .iter()
                            .map(|q| q.id.as_str())
                            .collect(),
                    );
                }
                document.roadmap = report.roadmap.map(|roadmap| phases(assessment, roadmap));
            }
            // The summary's legal duties not yet met are these findings.
            Section::Findings => {
                document.compliance_findings = report
                    .has(section)
                    .then(|| crate::requirements::render::json::findings(&assessment.findings()));
            }
            // The requirement sets are part of the summary, as `jsp score` gives them.
            Section::RequirementSets => {}
            // Every domain's figures are in `domains`, always there.
            Section::Scorecard => {}
            Section::History => {
                document.history = report.history.map(crate::history::render::json::document);
            }
            // Every item, not only the stale ones: each with its age and status.
            Section::Evidence => {
                document.evidence = (!report.evidence.items.is_empty())
                    .then(|| crate::evidence::render::json::document(report.evidence));
            }
            Section::Domains => {
                for (json, scored) in document.domains.iter_mut().zip(&assessment.card.domains) {
                    json.answers = Some(answers(assessment, scored));
                }
            }
            // The unanswered questions are those whose answer is null in `answers`.
            Section::Unanswered => {}
            Section::Crosswalk => {
                document.by_reference = report
                    .crosswalk
                    .map(crate::crosswalk::render::json::standards);
            }
        }
    }
    crate::render::json::write(&document, out)
}

fn document<'a>(assessment: &'a Assessment<'a>) -> Document<'a> {
    let card = assessment.card;
    let answers = assessment.answers;
    let questionnaire = card.questionnaire;
    Document {
        questionnaire: questionnaire.reference(),
        questionnaire_file: None,
        organization: answers.organization.as_deref(),
        subject: answers.subject.as_deref(),
        assessor: answers.assessor.as_deref(),
        date: answers.date.as_deref(),
        unanswered: card.unanswered,
        below_target: None,
        first_steps: None,
        levels: questionnaire
            .levels
            .iter()
            .any(|l| l.description.is_some())
            .then_some(questionnaire.levels.as_slice()),
        overall: Overall {
            standing: Standing::new(
                card.applicable,
                questionnaire.staged_level(card.level),
                card.score,
            ),
            below_target: card.domains.iter().any(DomainScore::below_target),
            percent_to_target: card.percent_to_target().map(round2),
        },
        domains: card.domains.iter().map(|d| domain(assessment, d)).collect(),
        groups: card
            .groups
            .iter()
            .map(|g| GroupJson {
                id: &g.group.id,
                title: &g.group.title,
                domains: &g.domains,
                standing: Standing::new(g.applicable, questionnaire.staged_level(g.level), g.score),
                benchmark: g.group.benchmark.as_ref(),
            })
            .collect(),
        roadmap: None,
        by_reference: None,
        compliance_findings: None,
        evidence: None,
        history: None,
        requirement_sets: crate::requirements::render::json::sets(&assessment.requirement_sets()),
    }
}

fn domain<'a>(assessment: &'a Assessment<'a>, scored: &DomainScore<'a>) -> Domain<'a> {
    let d = scored.domain;
    let questionnaire = assessment.card.questionnaire;
    Domain {
        id: &d.id,
        title: &d.title,
        standing: Standing::new(
            scored.applicable,
            questionnaire.staged_level(scored.level),
            scored.score,
        ),
        target: scored.target,
        gap: scored.gap(),
        target_score: scored.target_score().map(round2),
        score_gap: scored.score_gap().map(round2),
        percent_to_target: scored.percent_to_target().map(round2),
        answered: scored.answered,
        questions: scored.questions,
        streams: scored
            .streams
            .iter()
            .map(|s| StreamJson {
                id: &s.stream.id,
                title: &s.stream.title,
                standing: Standing::new(s.applicable, questionnaire.staged_level(s.level), s.score),
                answered: s.answered,
                questions: s.questions,
            })
            .collect(),
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
        next_steps: None,
        answers: None,
    }
}

/// Every question of a domain with its answer; null where it is unanswered.
fn answers<'a>(
    assessment: &'a Assessment<'a>,
    scored: &DomainScore<'a>,
) -> Vec<QuestionAnswer<'a>> {
    let targets = scored.continuous.as_ref().map(|c| c.values.as_slice());
    scored
        .domain
        .questions
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let given = assessment.answers.answers.get(&q.id);
            let status = assessment.status(q);
            QuestionAnswer {
                id: &q.id,
                level: q.level,
                text: &q.text,
                tags: &q.tags,
                references: &q.references,
                scale: q.scale.as_deref(),
                criteria: &q.criteria,
                target_value: targets.and_then(|t| t.get(n)).copied(),
                answer: given.map(|a| a.choice.as_str()),
                label: assessment.answer_label(q),
                value: match status {
                    Status::Answered { value, .. } => Some(value),
                    _ => None,
                },
                met: status.is_met(),
                note: given.and_then(|a| a.note.as_deref()),
                evidence: given.map(|a| a.evidence.as_slice()).unwrap_or_default(),
            }
        })
        .collect()
}
