//! The history as markdown, for a report to leadership or a pull request.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{change, level, notes, source, version};
use crate::history::History;
use crate::render::Style;
use crate::render::markdown::escape;
use crate::scoring::round2;

pub fn render(history: &History, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut text = format!(
        "# History: {}\n\n{} (`{}`), version {}; {} version{} of `{}`.\n\n",
        escape(&history.file),
        escape(&history.questionnaire.title),
        history.questionnaire.id,
        escape(&history.questionnaire.version),
        history.points.len(),
        if history.points.len() == 1 { "" } else { "s" },
        escape(&history.file)
    );
    table(&mut text, history);
    out.write_all(text.as_bytes())
}

/// The versions, each domain's first and last figures, and the notes: the body of
/// `jsp history --format markdown` and of a report's history section.
pub(crate) fn table(text: &mut String, history: &History) {
    text.push_str(
        "| Date | Commit | Answered to | Level | Score | Change |\n|---|---|---|---|---:|---:|\n",
    );
    let mut previous: Option<f64> = None;
    for point in &history.points {
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {:.2} | {} |",
            escape(&point.date),
            escape(&source(point)),
            escape(&version(point)),
            escape(&level(history, point.applicable, point.level)),
            round2(point.score),
            previous.map(|p| change(p, point.score)).unwrap_or_default()
        );
        previous = Some(point.score);
    }
    if let Some((first, last)) = history.ends() {
        text.push_str("\n| Domain | First | Last | Score first | Score last | Change |\n|---|---|---|---:|---:|---:|\n");
        for (index, domain) in history.questionnaire.domains.iter().enumerate() {
            let (Some(a), Some(b)) = (first.domains.get(index), last.domains.get(index)) else {
                continue;
            };
            let _ = writeln!(
                text,
                "| {} | {} | {} | {:.2} | {:.2} | {} |",
                escape(&domain.title),
                escape(&level(history, a.0, a.1)),
                escape(&level(history, b.0, b.1)),
                round2(a.2),
                round2(b.2),
                change(a.2, b.2)
            );
        }
    }
    for note in notes(history) {
        let _ = write!(text, "\n{}\n", escape(&note));
    }
}
