//! Questionnaires as output: the list of those found (`jsp list`) and one in full (`jsp show`).

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use super::markdown::escape;
use crate::catalog::Entry;
use crate::questionnaire::Questionnaire;
use crate::text::printable;

pub(super) fn plain_table() -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        table.set_width(width);
    }
    table
}

fn source(entry: &Entry) -> String {
    if entry.built_in {
        "built-in".to_string()
    } else {
        entry.path.display().to_string()
    }
}

pub fn list_table(entries: &[Entry]) -> String {
    let mut table = plain_table();
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
    format!("{table}\n")
}

pub fn list_json(entries: &[Entry]) -> String {
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
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
    text.push('\n');
    text
}

pub fn json(q: &Questionnaire) -> String {
    let mut text = serde_json::to_string_pretty(q).unwrap_or_default();
    text.push('\n');
    text
}

/// Each domain with its questions, for a quick look in the terminal.
pub fn table(q: &Questionnaire) -> String {
    let mut out = format!(
        "{} ({}, version {}, {})\n",
        printable(&q.title),
        printable(&q.id),
        printable(&q.version),
        printable(&q.role)
    );
    let mut table = plain_table();
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
    let _ = writeln!(out, "{table}");
    out
}

/// The questionnaire as an assessment instrument: levels, scale, then each domain's questions
/// by level, with guidance and references.
pub fn markdown(q: &Questionnaire) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&q.title));
    let _ = writeln!(
        out,
        "`{}`, version {}, for the role {}: {} domains, {} questions.\n",
        q.id,
        escape(&q.version),
        escape(&q.role),
        q.domains.len(),
        q.question_count()
    );
    if let Some(description) = &q.description {
        let _ = writeln!(out, "{}\n", escape(description.trim()));
    }
    let _ = writeln!(out, "## Maturity levels\n\n| Level | Name |\n|---:|---|");
    for level in &q.levels {
        let _ = writeln!(out, "| {} | {} |", level.level, escape(&level.name));
    }
    let _ = writeln!(
        out,
        "\nLevel {} is the base. A domain reaches a level when every applicable question at that level and below is met (answered at {} or above).\n",
        q.base_level(),
        q.met_at
    );
    let _ = writeln!(
        out,
        "## Answer scale\n\n| Option | Meaning | Value |\n|---|---|---:|"
    );
    for option in &q.scale {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            option.id,
            escape(&option.label),
            option.value
        );
    }
    out.push('\n');
    for (number, domain) in q.domains.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", number + 1, escape(&domain.title));
        if let Some(description) = &domain.description {
            let _ = writeln!(out, "{}\n", escape(description.trim()));
        }
        if let Some(benchmark) = &domain.benchmark {
            let _ = writeln!(
                out,
                "Industry average: {:.2} ({}).\n",
                benchmark.score,
                escape(&benchmark.source)
            );
        }
        if !domain.references.is_empty() {
            let refs: Vec<String> = domain.references.iter().map(|r| escape(r)).collect();
            let _ = writeln!(out, "References: {}.\n", refs.join("; "));
        }
        for level in q.levels.iter().skip(1) {
            let questions: Vec<_> = domain
                .questions
                .iter()
                .filter(|x| x.level == level.level)
                .collect();
            if questions.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### Level {} — {}\n", level.level, escape(&level.name));
            for question in questions {
                let mut marks = Vec::new();
                if question.is_regulatory() {
                    marks.push("regulatory");
                }
                if question.na {
                    marks.push("may be N/A");
                }
                let marks = if marks.is_empty() {
                    String::new()
                } else {
                    format!(" *({})*", marks.join(", "))
                };
                let _ = writeln!(
                    out,
                    "- **{}**{marks} {}",
                    escape(&question.id),
                    escape(&question.text)
                );
                if let Some(guidance) = &question.guidance {
                    let _ = writeln!(out, "  - Guidance: {}", escape(guidance.trim()));
                }
                if !question.references.is_empty() {
                    let refs: Vec<String> = question.references.iter().map(|r| escape(r)).collect();
                    let _ = writeln!(out, "  - References: {}", refs.join("; "));
                }
            }
            out.push('\n');
        }
    }
    out
}
