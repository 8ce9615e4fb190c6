//! The crosswalk as output: `jsp show QUESTIONNAIRE --by-reference` (table, markdown, JSON) and
//! the "By reference" section of the markdown report. The HTML report draws its own.

use std::fmt::Write;

use serde::Serialize;

use super::markdown::escape;
use crate::crosswalk::Standard;
use crate::questionnaire::Questionnaire;
use crate::text::printable;

/// A terminal table: one row per clause, the standard named on its first row.
pub fn table(questionnaire: &Questionnaire, standards: &[Standard]) -> String {
    let mut table = super::questionnaire::plain_table();
    let coverage = standards
        .iter()
        .flat_map(|s| &s.clauses)
        .any(|c| c.coverage.is_some());
    let mut header = vec!["Standard", "Clause", "Questions"];
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
                clause
                    .questions
                    .iter()
                    .map(|q| printable(&q.id))
                    .collect::<Vec<_>>()
                    .join(", "),
            ];
            if let Some(c) = clause.coverage {
                row.push(format!("{} of {}", c.met, c.applicable));
            }
            table.add_row(row);
        }
    }
    format!(
        "{}: questions by reference ({} standards)\n{table}\n",
        printable(&questionnaire.title),
        standards.len()
    )
}

/// The crosswalk as a markdown document.
pub fn markdown(questionnaire: &Questionnaire, standards: &[Standard]) -> String {
    let mut out = format!("# {}: by reference\n\n", escape(&questionnaire.title));
    section_body(&mut out, standards, "##");
    out
}

/// The "By reference" section of the markdown report.
pub fn markdown_section(out: &mut String, standards: &[Standard]) {
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
        out.push_str(if coverage {
            "| Clause | Questions | Met |\n|---|---|---:|\n"
        } else {
            "| Clause | Questions |\n|---|---|\n"
        });
        for clause in &standard.clauses {
            let questions: Vec<String> = clause.questions.iter().map(|q| escape(&q.id)).collect();
            let name = if clause.clause.is_empty() {
                "*(whole standard)*".to_string()
            } else {
                escape(&clause.clause)
            };
            let _ = write!(out, "| {name} | {} |", questions.join(", "));
            if let Some(c) = clause.coverage {
                let _ = write!(out, " {} of {} |", c.met, c.applicable);
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

pub fn json(questionnaire: &Questionnaire, standards: &[Standard]) -> String {
    #[derive(Serialize)]
    struct Document<'a> {
        questionnaire: &'a str,
        standards: Vec<StandardRow<'a>>,
    }
    #[derive(Serialize)]
    struct StandardRow<'a> {
        standard: &'a str,
        title: Option<&'a str>,
        clauses: Vec<ClauseRow<'a>>,
    }
    #[derive(Serialize)]
    struct ClauseRow<'a> {
        clause: &'a str,
        questions: Vec<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        met: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        applicable: Option<usize>,
    }
    let document = Document {
        questionnaire: &questionnaire.id,
        standards: standards
            .iter()
            .map(|s| StandardRow {
                standard: &s.standard,
                title: s.title,
                clauses: s
                    .clauses
                    .iter()
                    .map(|c| ClauseRow {
                        clause: &c.clause,
                        questions: c.questions.iter().map(|q| q.id.as_str()).collect(),
                        met: c.coverage.map(|x| x.met),
                        applicable: c.coverage.map(|x| x.applicable),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
