//! A portfolio in GitHub-flavoured markdown. Every piece of user text goes through `escape`.

use std::io::{self, Write};

use super::{STATISTICS_HEADERS, STATISTICS_LEVELS, View, decimal, statistics_cells};
use crate::portfolio::Tally;
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
    let domains = view.statistics().map(|(title, id, tally)| {
        let title = if id == "overall" {
            format!("**{}**", escape(title))
        } else {
            escape(title)
        };
        (title, tally)
    });
    statistics(out, view, "Domain", domains)?;

    if view.group_statistics().next().is_some() {
        writeln!(out, "\n## Groups and streams\n")?;
        let groups = view
            .group_statistics()
            .map(|(title, _, tally)| (escape(&title), tally));
        statistics(out, view, "Group or stream", groups)?;
    }

    writeln!(out, "\n## Assessments\n")?;
    let headers = [
        "File",
        "Organization",
        "Subject",
        "Level",
        "Score",
        "Weakest domain",
        "Unanswered",
    ];
    let aligns = ["---", "---", "---", "---", "---:", "---", "---:"];
    writeln!(out, "| {} |", view.shown(headers, &[3]).join(" | "))?;
    writeln!(out, "|{}|", view.shown(aligns, &[3]).join("|"))?;
    for row in view.portfolio.rows() {
        let cells = [
            escape(row.file),
            escape(row.organization.unwrap_or_default()),
            escape(row.subject.unwrap_or_default()),
            escape(&view.level(&row)),
            decimal(Some(row.score)),
            escape(view.weakest(&row)),
            row.unanswered.to_string(),
        ];
        writeln!(out, "| {} |", view.shown(cells, &[3]).join(" | "))?;
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

/// A statistics table: one line per (title, tally), the level columns left out when no staged
/// level is shown.
fn statistics<'a>(
    out: &mut dyn Write,
    view: &View,
    first: &str,
    lines: impl Iterator<Item = (String, &'a Tally)>,
) -> io::Result<()> {
    let mut headers: Vec<String> = STATISTICS_HEADERS.map(String::from).to_vec();
    headers.push(format!("Per level ({})", view.spread_header()));
    let mut aligns: Vec<&str> = vec!["---:"; STATISTICS_HEADERS.len()];
    aligns.push("---");
    writeln!(
        out,
        "| {first} | {} |",
        view.shown(headers, &STATISTICS_LEVELS).join(" | ")
    )?;
    writeln!(
        out,
        "|---|{}|",
        view.shown(aligns, &STATISTICS_LEVELS).join("|")
    )?;
    for (title, tally) in lines {
        let cells = view.shown(statistics_cells(tally), &STATISTICS_LEVELS);
        writeln!(out, "| {title} | {} |", cells.join(" | "))?;
    }
    Ok(())
}
