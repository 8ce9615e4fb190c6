//! The crosswalk as markdown: a document of its own, and the section of the markdown report.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::Crosswalk;
use crate::crosswalk::Standard;
use crate::render::Style;
use crate::render::markdown::escape;

/// The crosswalk as a markdown document.
pub fn render(crosswalk: &Crosswalk, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut text = format!(
        "# {}: by reference\n\n",
        escape(&crosswalk.questionnaire.title)
    );
    section_body(&mut text, crosswalk.standards, "##");
    out.write_all(text.as_bytes())
}

/// The "By reference" section of the markdown report.
pub fn section(out: &mut String, standards: &[Standard]) {
    let _ = writeln!(
        out,
        "\n## By reference\n\nThe questions grouped by the standards and clauses they cite, with how many of them are met.\n"
    );
    section_body(out, standards, "###");
}

fn section_body(out: &mut String, standards: &[Standard], heading: &str) {
    if standards.is_empty() {
        let _ = writeln!(out, "No question cites a reference.");
    }
    for standard in standards {
        let _ = write!(out, "{heading} {}", escape(&standard.standard));
        if let Some(title) = standard.title {
            let _ = write!(out, ": {}", escape(title));
        }
        out.push_str("\n\n");
        let coverage = standard.clauses.iter().any(|c| c.coverage.is_some());
        if standard.listed {
            let uncovered = standard.clauses.iter().filter(|c| c.uncovered()).count();
            let _ = writeln!(
                out,
                "Every clause of the standard's file: {uncovered} of {} covered by no question.\n",
                standard.clauses.len()
            );
        }
        out.push_str(match (standard.listed, coverage) {
            (true, true) => "| Clause | Topic | Questions | Met |\n|---|---|---|---:|\n",
            (true, false) => "| Clause | Topic | Questions |\n|---|---|---|\n",
            (false, true) => "| Clause | Questions | Met |\n|---|---|---:|\n",
            (false, false) => "| Clause | Questions |\n|---|---|\n",
        });
        for clause in &standard.clauses {
            let questions: Vec<String> = clause.questions.iter().map(|q| escape(&q.id)).collect();
            let name = if clause.clause.is_empty() {
                "*(whole standard)*".to_string()
            } else {
                escape(&clause.clause)
            };
            let questions = if clause.uncovered() {
                "**not covered**".to_string()
            } else if clause.through_subclauses {
                "*(through its sub-clauses)*".to_string()
            } else {
                questions.join(", ")
            };
            let _ = write!(out, "| {name} |");
            if standard.listed {
                let _ = write!(
                    out,
                    " {} |",
                    escape(clause.topic.as_deref().unwrap_or_default())
                );
            }
            let _ = write!(out, " {questions} |");
            match clause.coverage {
                Some(_) if clause.questions.is_empty() => out.push_str(" – |"),
                Some(c) => {
                    let _ = write!(out, " {} of {} |", c.met, c.applicable);
                }
                None => {}
            }
            out.push('\n');
        }
        out.push('\n');
    }
}
