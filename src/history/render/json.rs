//! The history as JSON, for dashboards.

use std::io::{self, Write};

use serde::Serialize;

use super::notes;
use crate::history::History;
use crate::questionnaire::Reference;
use crate::render::Style;
use crate::scoring::round2;

#[derive(Serialize)]
pub(crate) struct Document<'a> {
    questionnaire: Reference<'a>,
    file: &'a str,
    points: Vec<PointJson<'a>>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct PointJson<'a> {
    date: &'a str,
    /// Null for the file as it is on disk.
    commit: Option<&'a str>,
    subject: &'a str,
    answered_version: Option<&'a str>,
    older_version: bool,
    applicable: bool,
    level: u32,
    score: f64,
    domains: Vec<DomainJson<'a>>,
}

#[derive(Serialize)]
struct DomainJson<'a> {
    id: &'a str,
    applicable: bool,
    level: u32,
    score: f64,
}

pub fn render(history: &History, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write(&document(history), out)
}

/// The history as JSON: what `jsp history --format json` prints and a report's `history`.
pub(crate) fn document<'a>(history: &'a History<'a>) -> Document<'a> {
    Document {
        questionnaire: history.questionnaire.reference(),
        file: &history.file,
        points: history
            .points
            .iter()
            .map(|p| PointJson {
                date: &p.date,
                commit: p.commit.as_deref(),
                subject: &p.subject,
                answered_version: p.answered_version.as_deref(),
                older_version: p.older_version,
                applicable: p.applicable,
                level: p.level,
                score: round2(p.score),
                domains: history
                    .questionnaire
                    .domains
                    .iter()
                    .zip(&p.domains)
                    .map(|(d, (applicable, level, score))| DomainJson {
                        id: &d.id,
                        applicable: *applicable,
                        level: *level,
                        score: round2(*score),
                    })
                    .collect(),
            })
            .collect(),
        notes: notes(history),
    }
}
