//! The terminal table that `jsp score` prints: one row per domain, overall last.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, CellAlignment, Color};

use super::Score;
use crate::questionnaire::Benchmark;
use crate::render::{Style, bar, percent};
use crate::scoring::round2;
use crate::text::printable;

/// The style's width fits the table to a terminal; its colour marks targets met and missed.
pub fn render(score: &Score, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let assessment = score.assessment;
    let colour = style.colour;
    let card = assessment.card;
    let target = assessment.has_target();
    let mut table = crate::render::table(style);
    let mut header = vec!["Domain", "Level", "Score", "Next level"];
    if target {
        header.extend(["Target", "Gap", "To target"]);
    }
    table.set_header(header);

    let paint = |cell: Cell, color: Color| if colour { cell.fg(color) } else { cell };
    for scored in &card.domains {
        let mut row = vec![Cell::new(printable(scored.domain.short_title()))];
        if scored.applicable {
            let level = Cell::new(format!(
                "{} {}",
                scored.level,
                printable(assessment.level_name(scored.level))
            ));
            row.push(if scored.below_target() {
                paint(level, Color::Red)
            } else {
                level
            });
            row.push(
                Cell::new(format!("{:.2}", round2(scored.score)))
                    .set_alignment(CellAlignment::Right),
            );
            row.push(Cell::new(match scored.next_level() {
                // The bar shows the share of the next level's questions met, as its figures say.
                Some(next) => format!(
                    "{} {}/{}",
                    bar(next.share_met(), 10),
                    next.met,
                    next.questions
                ),
                None => "top level".to_string(),
            }));
        } else {
            row.push(Cell::new("n/a"));
            row.push(Cell::new(""));
            row.push(Cell::new("all questions N/A"));
        }
        if target {
            row.push(Cell::new(
                scored.target.map(|t| t.to_string()).unwrap_or_default(),
            ));
            row.push(match scored.gap() {
                Some(0) => paint(Cell::new("met"), Color::Green),
                Some(g) if scored.applicable => paint(Cell::new(g), Color::Red),
                _ => Cell::new(""),
            });
            row.push(
                Cell::new(scored.percent_to_target().map(percent).unwrap_or_default())
                    .set_alignment(CellAlignment::Right),
            );
        }
        table.add_row(row);
        // Each stream under its domain, scored by the same rule; the other columns are the
        // domain's.
        for stream in &scored.streams {
            let mut row = vec![Cell::new(format!(
                "  ↳ {}",
                printable(&stream.stream.title)
            ))];
            if stream.applicable {
                row.push(Cell::new(format!(
                    "{} {}",
                    stream.level,
                    printable(assessment.level_name(stream.level))
                )));
                row.push(
                    Cell::new(format!("{:.2}", round2(stream.score)))
                        .set_alignment(CellAlignment::Right),
                );
            } else {
                row.extend([Cell::new("n/a"), Cell::new("")]);
            }
            row.push(Cell::new(""));
            if target {
                row.extend([Cell::new(""), Cell::new(""), Cell::new("")]);
            }
            table.add_row(row);
        }
    }
    let overall_level = if card.applicable {
        format!(
            "{} {}",
            card.level,
            printable(assessment.level_name(card.level))
        )
    } else {
        "n/a".to_string()
    };
    let bold = |text: String| {
        let cell = Cell::new(text);
        if colour {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    };
    let mut overall = vec![
        bold("Overall".to_string()),
        bold(overall_level),
        bold(format!("{:.2}", round2(card.score))).set_alignment(CellAlignment::Right),
        Cell::new(if card.unanswered > 0 {
            format!("{} unanswered", card.unanswered)
        } else {
            String::new()
        }),
    ];
    if target {
        overall.extend([
            Cell::new(""),
            Cell::new(""),
            bold(card.percent_to_target().map(percent).unwrap_or_default())
                .set_alignment(CellAlignment::Right),
        ]);
    }
    table.add_row(overall);
    // Too wide: the percentage to target goes first, then the target (the gap stays), then
    // the next level's progress; the domain's title is cut last.
    let drop = if target { vec![6, 4, 3] } else { vec![3] };
    crate::render::fit(
        &mut table,
        style,
        crate::render::Fit {
            drop: &drop,
            flexible: 0,
            one_line: true,
        },
    );
    writeln!(out, "{table}")?;
    groups(assessment, style, out)?;
    crate::requirements::render::table::section(
        &assessment.requirement_sets(),
        score.required,
        style,
        out,
    )
}

/// The groups of domains, when the questionnaire has any: level, score, and any benchmark
/// with its facts, as another survey's figure.
fn groups(
    assessment: &crate::assessment::Assessment,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let card = assessment.card;
    if card.groups.is_empty() {
        return Ok(());
    }
    let benchmark = card.groups.iter().any(|g| g.group.benchmark.is_some());
    let mut table = crate::render::table(style);
    let mut header = vec!["Group", "Domains", "Level", "Score"];
    if benchmark {
        header.push("Benchmark");
    }
    table.set_header(header);
    for scored in &card.groups {
        let mut row = vec![
            Cell::new(printable(&scored.group.title)),
            Cell::new(scored.domains.len()).set_alignment(CellAlignment::Right),
        ];
        if scored.applicable {
            row.push(Cell::new(format!(
                "{} {}",
                scored.level,
                printable(assessment.level_name(scored.level))
            )));
            row.push(
                Cell::new(format!("{:.2}", round2(scored.score)))
                    .set_alignment(CellAlignment::Right),
            );
        } else {
            row.extend([Cell::new("n/a"), Cell::new("")]);
        }
        if benchmark {
            row.push(Cell::new(
                scored
                    .group
                    .benchmark
                    .as_ref()
                    .map(Benchmark::figure)
                    .unwrap_or_default(),
            ));
        }
        table.add_row(row);
    }
    crate::render::fit(
        &mut table,
        style,
        crate::render::Fit {
            drop: &[1, 4],
            flexible: 0,
            one_line: true,
        },
    );
    writeln!(out, "\n{table}")?;
    let shown = table
        .column(4)
        .is_some_and(|c| c.constraint() != Some(&comfy_table::ColumnConstraint::Hidden));
    if !shown {
        return Ok(());
    }
    // Where each benchmark comes from and what it measures, so that it is not read as a level:
    // another survey's figure, not a level of this questionnaire.
    let width = style.width.map_or(100, usize::from).max(20);
    for note in card.questionnaire.benchmark_notes() {
        let text = format!("Benchmark: {note}");
        for line in crate::render::wrap(&printable(&text), width, crate::render::LongWords::Cut) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
