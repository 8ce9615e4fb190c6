//! The history in the terminal: one row per version, then each domain's first and last figures.

use std::fmt::Write as _;
use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment};

use super::{change, level, notes, shown, source, version};
use crate::history::History;
use crate::render::Style;
use crate::scoring::round2;
use crate::text::printable;

pub fn render(history: &History, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
    let mut text = format!(
        "{}: {} ({} version{})\n",
        printable(&history.questionnaire.title),
        printable(&history.file),
        history.points.len(),
        if history.points.len() == 1 { "" } else { "s" }
    );
    let mut points = crate::render::table(style);
    points.set_header(shown(
        history,
        ["Date", "Commit", "Answered to", "Level", "Score", "Change"],
        &[3],
    ));
    let mut previous: Option<f64> = None;
    for point in &history.points {
        points.add_row(shown(
            history,
            [
                Cell::new(printable(&point.date)),
                Cell::new(printable(&source(point))),
                Cell::new(printable(&version(point))),
                Cell::new(printable(&level(history, point.applicable, point.level))),
                right(format!("{:.2}", round2(point.score))),
                right(previous.map(|p| change(p, point.score)).unwrap_or_default()),
            ],
            &[3],
        ));
        previous = Some(point.score);
    }
    let _ = writeln!(text, "{points}");
    if let Some((first, last)) = history.ends() {
        let mut domains = crate::render::table(style);
        domains.set_header(shown(
            history,
            [
                "Domain",
                "First",
                "Last",
                "Score first",
                "Score last",
                "Change",
            ],
            &[1, 2],
        ));
        for (index, domain) in history.questionnaire.domains.iter().enumerate() {
            let (Some(a), Some(b)) = (first.domains.get(index), last.domains.get(index)) else {
                continue;
            };
            domains.add_row(shown(
                history,
                [
                    Cell::new(printable(&domain.title)),
                    Cell::new(printable(&level(history, a.0, a.1))),
                    Cell::new(printable(&level(history, b.0, b.1))),
                    right(format!("{:.2}", round2(a.2))),
                    right(format!("{:.2}", round2(b.2))),
                    right(change(a.2, b.2)),
                ],
                &[1, 2],
            ));
        }
        let _ = writeln!(text, "\n{domains}");
    }
    for note in notes(history) {
        let _ = writeln!(text, "{}", printable(&note));
    }
    out.write_all(text.as_bytes())
}
