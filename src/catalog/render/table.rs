//! The questionnaires found, as a terminal table.

use std::io::{self, Write};

use super::source;
use crate::catalog::Entry;
use crate::render::Style;
use crate::text::printable;

pub fn render(entries: &[Entry], style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut table = crate::render::table(style);
    table.set_header([
        "Id",
        "Title",
        "Role",
        "Version",
        "Domains",
        "Questions",
        "Source",
    ]);
    for entry in entries {
        let q = &entry.questionnaire;
        table.add_row([
            printable(&q.id),
            printable(&q.title),
            printable(&q.role),
            printable(&q.version),
            q.domains.len().to_string(),
            q.question_count().to_string(),
            printable(&source(entry)),
        ]);
    }
    // Too wide: the version goes first, then the counts, the role and the source; the title
    // is cut, the id (to copy) never.
    crate::render::fit(
        &mut table,
        style,
        crate::render::Fit {
            drop: &[3, 5, 4, 2, 6],
            flexible: 1,
            one_line: true,
        },
    );
    writeln!(out, "{table}")
}
