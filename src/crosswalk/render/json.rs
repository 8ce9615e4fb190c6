//! The crosswalk as JSON, for an auditor's spreadsheet or a script.

use std::io::{self, Write};

use serde::Serialize;

use super::Crosswalk;
use crate::crosswalk::Standard;
use crate::render::Style;

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: &'a str,
    standards: Vec<StandardJson<'a>>,
}

#[derive(Serialize)]
pub(crate) struct StandardJson<'a> {
    standard: &'a str,
    title: Option<&'a str>,
    /// True when a standard file lists its clauses, so that `covered: false` rows are shown.
    listed: bool,
    clauses: Vec<ClauseJson<'a>>,
}

#[derive(Serialize)]
struct ClauseJson<'a> {
    clause: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    questions: Vec<&'a str>,
    /// False for a clause of the standard's file that no question cites, nor any sub-clause.
    covered: bool,
    /// Cited only through its sub-clauses.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    through_subclauses: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    met: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicable: Option<usize>,
}

pub fn render(crosswalk: &Crosswalk, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let document = Document {
        questionnaire: &crosswalk.questionnaire.id,
        standards: standards(crosswalk.standards),
    };
    crate::render::json::write(&document, out)
}

/// The standards, their clauses and the questions citing each, with coverage when answered.
pub(crate) fn standards<'a>(standards: &'a [Standard<'a>]) -> Vec<StandardJson<'a>> {
    standards
        .iter()
        .map(|s| StandardJson {
            standard: &s.standard,
            title: s.title,
            listed: s.listed,
            clauses: s
                .clauses
                .iter()
                .map(|c| ClauseJson {
                    clause: &c.clause,
                    topic: c.topic.as_deref(),
                    questions: c.questions.iter().map(|q| q.id.as_str()).collect(),
                    covered: !c.uncovered(),
                    through_subclauses: c.through_subclauses,
                    met: c.coverage.map(|x| x.met),
                    applicable: c.coverage.map(|x| x.applicable),
                })
                .collect(),
        })
        .collect()
}
