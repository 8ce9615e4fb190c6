//! A portfolio in GitHub-flavoured markdown. Every piece of user text goes through `escape`.

use std::io::{self, Write};

use super::{STATISTICS_HEADERS, View, decimal, statistics_cells};
use crate::render::markdown::escape;
use crate::render::{Style, percent};

pub fn render(view: &View, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let q = view.questionnaire;
    writeln!(out, "# Portfolio: {}\n", escape(&q.title))?;
    writeln!(
        out,
        "Questionnaire `{}` version {}: {}.\n",
        escape(&q.id),
        escape(&q.version),
        view.counts()
    )?;

    writeln!(out, "## Domains\n")?;
    writeln!(
        out,
        "| Domain | {} | Per level ({}) |",
        STATISTICS_HEADERS.join(" | "),
        view.spread_header()
    )?;
    writeln!(out, "|---|{}---|", "---:|".repeat(STATISTICS_HEADERS.len()))?;
    for (title, id, tally) in view.statistics() {
        let title = if id == "overall" {
            format!("**{}**", escape(title))
        } else {
            escape(title)
        };
        writeln!(out, "| {title} | {} |", statistics_cells(tally).join(" | "))?;
    }

    if view.group_statistics().next().is_some() {
        writeln!(out, "\n## Groups and streams\n")?;
        writeln!(
            out,
            "| Group or stream | {} | Per level ({}) |",
            STATISTICS_HEADERS.join(" | "),
            view.spread_header()
        )?;
        writeln!(out, "|---|{}---|", "---:|".repeat(STATISTICS_HEADERS.len()))?;
        for (title, _, tally) in view.group_statistics() {
            writeln!(
                out,
                "| {} | {} |",
                escape(&title),
                statistics_cells(tally).join(" | ")
            )?;
        }
    }

    writeln!(out, "\n## Assessments\n")?;
    writeln!(
        out,
        "| File | Organization | Subject | Level | Score | Weakest domain | Unanswered |"
    )?;
    writeln!(out, "|---|---|---|---|---:|---|---:|")?;
    for row in view.portfolio.rows() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(row.file),
            escape(row.organization.unwrap_or_default()),
            escape(row.subject.unwrap_or_default()),
            escape(&view.level(&row)),
            decimal(Some(row.score)),
            escape(view.weakest(&row)),
            row.unanswered
        )?;
    }

    writeln!(out, "\n## Most often unmet questions\n")?;
    let unmet = view.portfolio.most_unmet(q, view.top);
    if unmet.is_empty() {
        writeln!(out, "Every applicable question is met in every assessment.")?;
    } else {
        writeln!(
            out,
            "| Question | Domain | Level | Unmet | Share | Unanswered | Text |"
        )?;
        writeln!(out, "|---|---|---:|---:|---:|---:|---|")?;
        for (question, domain, tally) in unmet {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                escape(&question.id),
                escape(domain),
                question.level,
                tally.unmet,
                percent(100.0 * tally.share()),
                tally.unanswered,
                escape(&question.text)
            )?;
        }
    }

    let mut sets = String::new();
    crate::requirements::render::markdown::portfolio(&mut sets, q, &view.portfolio.requirements);
    out.write_all(sets.as_bytes())?;

    if !view.portfolio.skipped.is_empty() {
        writeln!(out, "\n## Skipped files\n")?;
        for skipped in &view.portfolio.skipped {
            let first_line = skipped.message.lines().next().unwrap_or_default();
            writeln!(out, "- {}", escape(first_line))?;
        }
    }
    Ok(())
}
