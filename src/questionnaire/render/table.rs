//! A questionnaire in the terminal: each domain with its questions.

use std::io::{self, Write};

use crate::questionnaire::Questionnaire;
use crate::render::Style;
use crate::text::{printable, printable_lines};

/// Each domain with its questions, for a quick look in the terminal.
pub fn render(q: &Questionnaire, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let title = format!(
        "{} ({}, version {}, {})",
        printable(&q.title),
        printable(&q.id),
        printable(&q.version),
        printable(&q.role)
    );
    let width = style.width.map_or(usize::MAX, usize::from);
    writeln!(out, "{}", crate::render::fill(&title, width, "", ""))?;
    // Levels are listed only when they say what they mean.
    if q.levels.iter().any(|l| l.description.is_some()) {
        let mut levels = crate::render::table(style);
        levels.set_header(["Level", "Name", "Description"]);
        for level in &q.levels {
            levels.add_row([
                level.level.to_string(),
                printable(&level.name),
                printable_lines(level.description.as_deref().unwrap_or_default().trim()),
            ]);
        }
        crate::render::fit(
            &mut levels,
            style,
            crate::render::Fit {
                drop: &[],
                flexible: 2,
                one_line: false,
            },
        );
        writeln!(out, "{levels}")?;
    }
    let mut table = crate::render::table(style);
    table.set_header(["Question", "Level", "Text"]);
    for domain in &q.domains {
        table.add_row([
            printable(&domain.id),
            String::new(),
            printable(&domain.title),
        ]);
        for question in &domain.questions {
            let mark = if question.is_regulatory() {
                " [regulatory]"
            } else {
                ""
            };
            let mut text = format!("{}{mark}", printable(&question.text));
            if let Some(name) = &question.scale {
                text.push_str(&format!(" [scale: {}]", printable(name)));
            }
            for criterion in &question.criteria {
                text.push_str(&format!("\n[ ] {}", printable_lines(criterion.trim())));
            }
            table.add_row([
                format!("  {}", printable(&question.id)),
                question.level.to_string(),
                text,
            ]);
        }
    }
    // The ids and levels keep their width; the text wraps on word boundaries.
    crate::render::fit(
        &mut table,
        style,
        crate::render::Fit {
            drop: &[],
            flexible: 2,
            one_line: false,
        },
    );
    writeln!(out, "{table}")
}
