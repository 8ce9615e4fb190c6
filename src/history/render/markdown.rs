//! The history as markdown, for a report to leadership or a pull request.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{change, level, notes, shown, source, version};
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
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let rule = |aligns: Vec<&str>| format!("|{}|\n", aligns.join("|"));
    let headers = ["Date", "Commit", "Answered to", "Level", "Score", "Change"];
    text.push_str(&row(shown(history, headers.map(String::from), &[3])));
    text.push_str(&rule(shown(
        history,
        ["---", "---", "---", "---", "---:", "---:"],
        &[3],
    )));
    let mut previous: Option<f64> = None;
    for point in &history.points {
        let cells = [
            escape(&point.date),
            escape(&source(point)),
            escape(&version(point)),
            escape(&level(history, point.applicable, point.level)),
            format!("{:.2}", round2(point.score)),
            previous.map(|p| change(p, point.score)).unwrap_or_default(),
        ];
        text.push_str(&row(shown(history, cells, &[3])));
        previous = Some(point.score);
    }
    if let Some((first, last)) = history.ends() {
        let headers = [
            "Domain",
            "First",
            "Last",
            "Score first",
            "Score last",
            "Change",
        ];
        text.push('\n');
        text.push_str(&row(shown(history, headers.map(String::from), &[1, 2])));
        text.push_str(&rule(shown(
            history,
            ["---", "---", "---", "---:", "---:", "---:"],
            &[1, 2],
        )));
        for (index, domain) in history.questionnaire.domains.iter().enumerate() {
            let (Some(a), Some(b)) = (first.domains.get(index), last.domains.get(index)) else {
                continue;
            };
            let cells = [
                escape(&domain.title),
                escape(&level(history, a.0, a.1)),
                escape(&level(history, b.0, b.1)),
                format!("{:.2}", round2(a.2)),
                format!("{:.2}", round2(b.2)),
                change(a.2, b.2),
            ];
            text.push_str(&row(shown(history, cells, &[1, 2])));
        }
    }
    for note in notes(history) {
        let _ = write!(text, "\n{}\n", escape(&note));
    }
}
