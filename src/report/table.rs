//! The terminal table that `jsp score` prints: one row per domain, overall last.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, CellAlignment, Color};

use super::Score;
use crate::render::{Style, bar, percent};
use crate::scoring::round2;
use crate::text::printable;

/// The style's width fits the table to a terminal; its colour marks targets met and missed.
pub fn render(score: &Score, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let assessment = score.assessment;
    let colour = style.colour;
    let card = assessment.card;
    let benchmark = assessment.has_benchmark();
    let target = assessment.has_target();
    // Scored continuous: no staged level, so no level and no next level.
    let staged = !card.questionnaire.is_continuous();
    let mut table = crate::render::table(style);
    let mut header = if staged {
        vec!["Domain", "Level", "Score", "Next level"]
    } else {
        vec!["Domain", "Score"]
    };
    if benchmark {
        header.push("Industry avg");
    }
    if target {
        header.extend(["Target", "Gap", "To target"]);
    }
    table.set_header(header);

    let paint = |cell: Cell, color: Color| if colour { cell.fg(color) } else { cell };
    for scored in &card.domains {
        let mut row = vec![Cell::new(printable(scored.domain.short_title()))];
        if scored.applicable && !staged {
            let score = Cell::new(format!("{:.2}", round2(scored.score)))
                .set_alignment(CellAlignment::Right);
            row.push(if scored.below_target() {
                paint(score, Color::Red)
            } else {
                score
            });
        } else if !staged {
            row.push(Cell::new("n/a"));
        } else if scored.applicable {
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
        if benchmark {
            row.push(
                Cell::new(
                    scored
                        .domain
                        .benchmark
                        .as_ref()
                        .map(|b| crate::text::decimal2(b.score))
                        .unwrap_or_default(),
                )
                .set_alignment(CellAlignment::Right),
            );
        }
        if target && !staged {
            row.push(
                Cell::new(scored.target_text().unwrap_or_default())
                    .set_alignment(CellAlignment::Right),
            );
            row.push(match (scored.target_met(), scored.score_gap()) {
                (Some(true), _) => paint(Cell::new("met"), Color::Green),
                (Some(false), Some(gap)) => paint(
                    Cell::new(crate::text::decimal2(gap)).set_alignment(CellAlignment::Right),
                    Color::Red,
                ),
                _ => Cell::new(""),
            });
            row.push(
                Cell::new(scored.percent_to_target().map(percent).unwrap_or_default())
                    .set_alignment(CellAlignment::Right),
            );
        } else if target {
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
    let unanswered = Cell::new(if card.unanswered > 0 {
        format!("{} unanswered", card.unanswered)
    } else {
        String::new()
    });
    let overall_score =
        bold(format!("{:.2}", round2(card.score))).set_alignment(CellAlignment::Right);
    let mut overall = if staged {
        vec![
            bold("Overall".to_string()),
            bold(overall_level),
            overall_score,
            unanswered,
        ]
    } else {
        vec![bold("Overall".to_string()), overall_score]
    };
    if benchmark {
        overall.push(Cell::new(""));
    }
    if target {
        overall.extend([
            Cell::new(""),
            Cell::new(""),
            bold(card.percent_to_target().map(percent).unwrap_or_default())
                .set_alignment(CellAlignment::Right),
        ]);
    }
    table.add_row(overall);
    // Too wide: the industry average goes first, then the percentage to target, then the
    // target (the gap stays), then the next level's progress; the domain's title is cut last.
    let mut drop = Vec::new();
    // Columns after the staged level and next level shift left by two without them.
    let shift = if staged { 0 } else { 2 };
    if benchmark {
        drop.push(4 - shift);
    }
    if target {
        let first = if benchmark { 5 } else { 4 } - shift;
        drop.extend([first + 2, first]);
    }
    if staged {
        drop.push(3);
    }
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
    crate::requirements::render::table::section(
        &assessment.requirement_sets(),
        score.required,
        style,
        out,
    )
}
