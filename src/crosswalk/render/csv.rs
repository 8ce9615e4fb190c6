//! The crosswalk as CSV, for an auditor's spreadsheet: one row per clause, with its topic where
//! the standard has a file, the questions citing it, and whether any does (`covered`: yes, no,
//! or sub-clauses when only its sub-clauses are cited).

use std::io::{self, Write};

use super::Crosswalk;
use crate::render::Style;
use crate::render::csv::{cell, io_error};

pub fn render(crosswalk: &Crosswalk, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "standard",
            "clause",
            "topic",
            "questions",
            "covered",
            "met",
            "applicable",
        ])
        .map_err(io_error)?;
    for standard in crosswalk.standards {
        for clause in &standard.clauses {
            let questions: Vec<&str> = clause.questions.iter().map(|q| q.id.as_str()).collect();
            writer
                .write_record([
                    cell(&standard.standard),
                    cell(&clause.clause),
                    cell(clause.topic.as_deref().unwrap_or_default()),
                    cell(&questions.join(" ")),
                    match (clause.uncovered(), clause.questions.is_empty()) {
                        (true, _) => "no",
                        (false, true) => "sub-clauses",
                        (false, false) => "yes",
                    }
                    .to_string(),
                    clause
                        .coverage
                        .map(|c| c.met.to_string())
                        .unwrap_or_default(),
                    clause
                        .coverage
                        .map(|c| c.applicable.to_string())
                        .unwrap_or_default(),
                ])
                .map_err(io_error)?;
        }
    }
    writer.flush()
}
