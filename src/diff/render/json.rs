//! Progress as JSON, for scripts and dashboards.

use std::io::{self, Write};

use serde::Serialize;

use crate::answers::Answers;
use crate::diff::Diff;
use crate::questionnaire::Reference;
use crate::render::Style;
use crate::scoring::round2;

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: Reference<'a>,
    old: FileJson<'a>,
    new: FileJson<'a>,
    overall: FiguresJson<'a>,
    domains: Vec<DomainJson<'a>>,
    changes: Vec<ChangeJson<'a>>,
    added: Vec<QuestionJson<'a>>,
    removed: Vec<RemovedJson<'a>>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    organization: Option<&'a str>,
    subject: Option<&'a str>,
    assessor: Option<&'a str>,
    date: Option<&'a str>,
    version: Option<&'a str>,
}

#[derive(Serialize)]
struct Side<'a> {
    applicable: bool,
    /// Left out when the questionnaire is scored `continuous`: it has no staged level.
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level_name: Option<&'a str>,
    score: f64,
}

#[derive(Serialize)]
struct FiguresJson<'a> {
    before: Side<'a>,
    after: Side<'a>,
    /// Null when the domain is not applicable before or after; left out when the
    /// questionnaire is scored `continuous`.
    #[serde(skip_serializing_if = "Option::is_none")]
    level_change: Option<Option<i64>>,
    score_change: Option<f64>,
}

#[derive(Serialize)]
struct DomainJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    figures: FiguresJson<'a>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    question: &'a str,
    domain: &'a str,
    level: u32,
    text: &'a str,
    /// Option ids, "na", or null when unanswered.
    from: Option<&'a str>,
    to: Option<&'a str>,
    from_label: &'a str,
    to_label: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    question: &'a str,
    domain: &'a str,
    level: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct RemovedJson<'a> {
    question: &'a str,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

fn file(answers: &Answers) -> FileJson<'_> {
    FileJson {
        organization: answers.organization.as_deref(),
        subject: answers.subject.as_deref(),
        assessor: answers.assessor.as_deref(),
        date: answers.date.as_deref(),
        version: answers.version.as_deref(),
    }
}

fn figures<'a>(
    diff: &Diff<'a>,
    (applicable_before, level_before, score_before): (bool, u32, f64),
    (applicable_after, level_after, score_after): (bool, u32, f64),
) -> FiguresJson<'a> {
    let questionnaire = diff.questionnaire();
    let staged = !questionnaire.is_continuous();
    let both = applicable_before && applicable_after;
    FiguresJson {
        before: Side {
            applicable: applicable_before,
            level: staged.then_some(level_before),
            level_name: staged.then(|| questionnaire.level_name(level_before)),
            score: round2(score_before),
        },
        after: Side {
            applicable: applicable_after,
            level: staged.then_some(level_after),
            level_name: staged.then(|| questionnaire.level_name(level_after)),
            score: round2(score_after),
        },
        level_change: staged
            .then(|| both.then(|| i64::from(level_after) - i64::from(level_before))),
        score_change: both.then(|| round2(round2(score_after) - round2(score_before))),
    }
}

pub fn render(diff: &Diff, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let (before, after) = (&diff.before, &diff.after);
    let document = Document {
        questionnaire: diff.questionnaire().reference(),
        old: file(diff.old),
        new: file(diff.new),
        overall: figures(
            diff,
            (before.applicable, before.level, before.score),
            (after.applicable, after.level, after.score),
        ),
        domains: before
            .domains
            .iter()
            .zip(&after.domains)
            .map(|(b, a)| DomainJson {
                id: &a.domain.id,
                title: &a.domain.title,
                figures: figures(
                    diff,
                    (b.applicable, b.level, b.score),
                    (a.applicable, a.level, a.score),
                ),
            })
            .collect(),
        changes: diff
            .changes
            .iter()
            .map(|c| ChangeJson {
                question: &c.question.id,
                domain: &c.domain.id,
                level: c.question.level,
                text: &c.question.text,
                from: c.before.map(|a| a.choice.as_str()),
                to: c.after.map(|a| a.choice.as_str()),
                from_label: c.labels(diff.questionnaire()).0,
                to_label: c.labels(diff.questionnaire()).1,
                note: c.note(),
            })
            .collect(),
        added: diff
            .added
            .iter()
            .map(|(d, q)| QuestionJson {
                question: &q.id,
                domain: &d.id,
                level: q.level,
                text: &q.text,
            })
            .collect(),
        removed: diff
            .removed
            .iter()
            .map(|r| RemovedJson {
                question: r.id,
                from: r.before.map(|a| a.choice.as_str()),
                to: r.after.map(|a| a.choice.as_str()),
            })
            .collect(),
    };
    crate::render::json::write(&document, out)
}
