//! The crosswalk in the terminal: one row per clause, the standard named on its first row.

use std::io::{self, Write};

use super::Crosswalk;
use crate::render::Style;
use crate::text::printable;

/// A terminal table: one row per clause, the standard named on its first row.
pub fn render(crosswalk: &Crosswalk, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let (questionnaire, standards) = (crosswalk.questionnaire, crosswalk.standards);
    let mut table = crate::render::table(style);
    let coverage = standards
        .iter()
        .flat_map(|s| &s.clauses)
        .any(|c| c.coverage.is_some());
    let listed = standards.iter().any(|s| s.listed);
    let mut header = vec!["Standard", "Clause"];
    if listed {
        header.push("Topic");
    }
    header.push("Questions");
    if coverage {
        header.push("Met");
    }
    table.set_header(header);
    for standard in standards {
        for (index, clause) in standard.clauses.iter().enumerate() {
            let mut row = vec![
                if index == 0 {
                    printable(&standard.standard)
                } else {
                    String::new()
                },
                printable(&clause.clause),
            ];
            if listed {
                row.push(printable(clause.topic.as_deref().unwrap_or_default()));
            }
            row.push(if clause.uncovered() {
                "NOT COVERED".to_string()
            } else if clause.through_subclauses {
                "(through its sub-clauses)".to_string()
            } else {
                clause
                    .questions
                    .iter()
                    .map(|q| printable(&q.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            match clause.coverage {
                Some(_) if clause.questions.is_empty() => row.push("–".to_string()),
                Some(c) => row.push(format!("{} of {}", c.met, c.applicable)),
                None => {}
            }
            table.add_row(row);
        }
    }
    writeln!(
        out,
        "{}: questions by reference ({} standards)\n{table}",
        printable(&questionnaire.title),
        standards.len()
    )
}
