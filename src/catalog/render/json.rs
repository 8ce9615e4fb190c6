//! The questionnaires found, as JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::source;
use crate::catalog::Entry;
use crate::render::Style;

pub fn render(entries: &[Entry], _: &Style, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Row<'a> {
        id: &'a str,
        title: &'a str,
        role: &'a str,
        version: &'a str,
        domains: usize,
        questions: usize,
        source: String,
    }
    let rows: Vec<Row> = entries
        .iter()
        .map(|e| Row {
            id: &e.questionnaire.id,
            title: &e.questionnaire.title,
            role: &e.questionnaire.role,
            version: &e.questionnaire.version,
            domains: e.questionnaire.domains.len(),
            questions: e.questionnaire.question_count(),
            source: source(e),
        })
        .collect();
    crate::render::json::write(&rows, out)
}
