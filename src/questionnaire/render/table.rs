//! A questionnaire in the terminal: each domain with its questions.

use std::io::{self, Write};

use crate::questionnaire::Questionnaire;
use crate::render::Style;
use crate::text::printable;

/// Each domain with its questions, for a quick look in the terminal.
pub fn render(q: &Questionnaire, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} ({}, version {}, {})",
        printable(&q.title),
        printable(&q.id),
        printable(&q.version),
        printable(&q.role)
    )?;
    let mut table = crate::render::table(style);
    table.set_header(["Question", "Level", "Text"]);
    for domain in &q.domains {
        table.add_row([
            format!("{} ({})", printable(&domain.title), printable(&domain.id)),
            String::new(),
            String::new(),
        ]);
        for question in &domain.questions {
            let mark = if question.is_regulatory() {
                " [regulatory]"
            } else {
                ""
            };
            table.add_row([
                format!("  {}", printable(&question.id)),
                question.level.to_string(),
                format!("{}{mark}", printable(&question.text)),
            ]);
        }
    }
    writeln!(out, "{table}")
}
