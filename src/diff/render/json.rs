//! Progress as JSON, for scripts and dashboards.

use std::io::{self, Write};

use serde::Serialize;

use crate::answers::Answers;
use crate::diff::{Compared, Diff, Figure};
use crate::questionnaire::Reference;
use crate::render::Style;
use crate::render::json::Standing;
use crate::scoring::round2;

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: Reference<'a>,
    old: FileJson<'a>,
    new: FileJson<'a>,
    overall: FiguresJson<'a>,
    domains: Vec<DomainJson<'a>>,
    /// Each group of domains; left out when the questionnaire has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    groups: Vec<DomainJson<'a>>,
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
struct FiguresJson<'a> {
    before: Standing<'a>,
    after: Standing<'a>,
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
    /// A domain's streams, each with the same figures; left out when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    streams: Vec<DomainJson<'a>>,
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

fn figures<'a>(diff: &Diff<'a>, before: Figure, after: Figure) -> FiguresJson<'a> {
    let questionnaire = diff.questionnaire();
    let staged = !questionnaire.is_continuous();
    let both = before.applicable && after.applicable;
    let side =
        |f: Figure| Standing::new(f.applicable, questionnaire.staged_level(f.level), f.score);
    FiguresJson {
        before: side(before),
        after: side(after),
        level_change: staged
            .then(|| both.then(|| i64::from(after.level) - i64::from(before.level))),
        score_change: both.then(|| round2(round2(after.score) - round2(before.score))),
    }
}

/// A domain's, stream's or group's figures, with the streams given.
fn compared<'a>(
    diff: &Diff<'a>,
    line: &Compared<'a>,
    streams: Vec<DomainJson<'a>>,
) -> DomainJson<'a> {
    DomainJson {
        id: line.id,
        title: line.title,
        figures: figures(diff, line.before, line.after),
        streams,
    }
}

pub fn render(diff: &Diff, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let (before, after) = (&diff.before, &diff.after);
    let document = Document {
        questionnaire: diff.questionnaire().reference(),
        old: file(diff.old),
        new: file(diff.new),
        overall: figures(diff, before.into(), after.into()),
        domains: diff
            .domains()
            .map(|(domain, streams)| {
                let streams = streams.iter().map(|s| compared(diff, s, Vec::new()));
                compared(diff, &domain, streams.collect())
            })
            .collect(),
        groups: diff
            .groups()
            .map(|g| compared(diff, &g, Vec::new()))
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
