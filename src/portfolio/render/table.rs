//! The terminal view of a portfolio: statistics per domain, a row per assessment, and the
//! questions most often unmet.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{STATISTICS_HEADERS, STATISTICS_LEVELS, View, decimal, statistics_cells};
use crate::portfolio::{Row, Tally};
use crate::render::{Style, clip, percent, without};
use crate::text::printable;

pub fn render(view: &View, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let new_table = |header: Vec<String>| {
        let mut table = crate::render::table(style);
        table.set_header(header);
        table
    };
    let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);

    // Ids, not titles, and headers on two lines: eleven columns fit a terminal.
    let statistics = |first: &str, lines: Vec<(String, &Tally)>| {
        let mut header: Vec<String> = STATISTICS_HEADERS
            .iter()
            .map(|h| h.replacen(' ', "\n", 1))
            .collect();
        header.push(format!("Per level\n{}", view.spread_header()));
        let mut table = new_table(
            std::iter::once(first.to_string())
                .chain(view.shown(header, &STATISTICS_LEVELS))
                .collect(),
        );
        for (id, tally) in lines {
            let mut row = vec![Cell::new(printable(&id))];
            row.extend(
                view.shown(statistics_cells(tally), &STATISTICS_LEVELS)
                    .into_iter()
                    .map(right),
            );
            table.add_row(row);
        }
        table
    };
    let domains = view
        .statistics()
        .map(|(_, id, tally)| (id.to_string(), tally))
        .collect();
    writeln!(
        out,
        "{}\n",
        crate::render::paragraph(&printable(&view.headline()), style)
    )?;
    writeln!(out, "Domains\n{}\n", statistics("Domain", domains))?;
    let groups: Vec<(String, &Tally)> = view
        .group_statistics()
        .map(|(_, id, tally)| (id, tally))
        .collect();
    if !groups.is_empty() {
        writeln!(
            out,
            "Groups and streams\n{}\n",
            statistics("Group or stream", groups)
        )?;
    }

    writeln!(out, "Assessments")?;
    assessments(view, style.width, out)?;

    // Below 100 columns the domain (the id's prefix says it) and the unanswered count (a part
    // of Unmet) give their room to the question's text.
    let narrow = style.width.is_some_and(|w| w < 100);
    let mut unmet = new_table(without(
        UNMET_HEADERS.map(String::from),
        &UNMET_NARROW_DROPS,
        narrow,
    ));
    for (question, domain, tally) in view.portfolio.most_unmet(view.questionnaire, view.top) {
        let cells = [
            Cell::new(printable(&question.id)),
            Cell::new(domain),
            right(question.level.to_string()),
            right(tally.unmet.to_string()),
            right(percent(100.0 * tally.share())),
            right(tally.unanswered.to_string()),
            Cell::new(printable(&question.text)),
        ];
        unmet.add_row(without(cells, &UNMET_NARROW_DROPS, narrow));
    }
    writeln!(out, "\nMost often unmet questions\n{unmet}")?;
    crate::requirements::render::table::portfolio(
        view.questionnaire,
        &view.portfolio.requirements,
        style,
        out,
    )
}

const UNMET_HEADERS: [&str; 7] = [
    "Question",
    "Domain",
    "Level",
    "Unmet",
    "Share",
    "Unanswered",
    "Text",
];
/// Domain and Unanswered, left out of the unmet questions below 100 columns.
const UNMET_NARROW_DROPS: [usize; 2] = [1, 5];

const HEADERS: [&str; 7] = [
    "File",
    "Organization",
    "Subject",
    "Level",
    "Score",
    "Weakest domain",
    "Unanswered",
];
/// Columns that may be cut short to fit the width; the others are right-aligned numbers or short.
const SHRINKABLE: [usize; 4] = [0, 1, 2, 5];
const RIGHT: [usize; 2] = [4, 6];
const NARROWEST: usize = 8;
/// The overall level, left out when no staged level is shown.
const LEVEL: usize = 3;
/// Left out, in this order, when even the narrowest columns are too wide: the file names the
/// assessment, so its subject and then its organization go first.
const DROPPABLE: [usize; 2] = [2, 1];

fn cells(view: &View, row: &Row<'_>) -> [String; 7] {
    [
        printable(row.file),
        printable(row.organization.unwrap_or_default()),
        printable(row.subject.unwrap_or_default()),
        printable(&view.level(row)),
        decimal(Some(row.score)),
        view.weakest(row).to_string(),
        row.unanswered.to_string(),
    ]
}

/// The list of assessments, written row by row in the style of the other tables: a table
/// built in memory would hold every row of a portfolio of thousands at once. Text too wide for
/// `width` is cut short with `…`.
fn assessments(view: &View, width: Option<u16>, out: &mut dyn Write) -> io::Result<()> {
    // The columns shown, by their index in [`HEADERS`]; a width for each.
    let mut columns = view.shown(0..HEADERS.len(), &[LEVEL]);
    let mut widths = HEADERS.map(|h| h.chars().count());
    for row in view.portfolio.rows() {
        for (w, cell) in widths.iter_mut().zip(cells(view, &row)) {
            *w = (*w).max(cell.chars().count());
        }
    }
    if let Some(width) = width {
        let total = |columns: &[usize], widths: &[usize; 7]| {
            columns
                .iter()
                .map(|i| widths.get(*i).copied().unwrap_or_default() + 3)
                .sum::<usize>()
                + 1
        };
        // First the columns that fit at their narrowest, then each as wide as the room allows.
        let mut narrowest = widths;
        for i in SHRINKABLE {
            if let Some(w) = narrowest.get_mut(i) {
                *w = (*w).min(NARROWEST);
            }
        }
        while total(&columns, &narrowest) > usize::from(width)
            && let Some(drop) = DROPPABLE.iter().find(|i| columns.contains(i))
        {
            columns.retain(|i| i != drop);
        }
        while total(&columns, &widths) > usize::from(width) {
            let widest = SHRINKABLE
                .iter()
                .copied()
                .filter(|i| columns.contains(i))
                .filter(|i| widths.get(*i).is_some_and(|w| *w > NARROWEST))
                .max_by_key(|i| widths.get(*i).copied().unwrap_or_default());
            match widest.and_then(|i| widths.get_mut(i)) {
                Some(w) => *w -= 1,
                None => break,
            }
        }
    }
    let rule = |left: &str, fill: &str, middle: &str, right: &str| {
        let parts: Vec<String> = columns
            .iter()
            .filter_map(|i| widths.get(*i))
            .map(|w| fill.repeat(w + 2))
            .collect();
        format!("{left}{}{right}\n", parts.join(middle))
    };
    let line = |texts: [String; 7]| {
        let parts: Vec<String> = texts
            .iter()
            .zip(widths)
            .enumerate()
            .filter(|(i, _)| columns.contains(i))
            .map(|(i, (text, w))| {
                // A path is told apart by its end.
                let text = if i == 0 {
                    clip_start(text, w)
                } else {
                    clip(text, w)
                };
                if RIGHT.contains(&i) {
                    format!("{text:>w$}")
                } else {
                    format!("{text:<w$}")
                }
            })
            .collect();
        format!("│ {} │\n", parts.join(" ┆ "))
    };
    out.write_all(rule("╭", "─", "┬", "╮").as_bytes())?;
    out.write_all(line(HEADERS.map(String::from)).as_bytes())?;
    out.write_all(rule("╞", "═", "╪", "╡").as_bytes())?;
    for row in view.portfolio.rows() {
        out.write_all(line(cells(view, &row)).as_bytes())?;
    }
    out.write_all(rule("╰", "─", "┴", "╯").as_bytes())
}

/// `text` in at most `width` characters, keeping its end.
fn clip_start(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        text.to_string()
    } else {
        let kept: String = text.chars().skip(count + 1 - width.max(1)).collect();
        format!("…{kept}")
    }
}
