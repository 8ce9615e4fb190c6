//! The history as an SVG line chart: the overall score (a solid line, round markers) and the
//! overall level (a dashed step line) at each version, on the questionnaire's level scale. The
//! same history gives the same bytes; every piece of text is escaped.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::history::History;
use crate::render::Style;
use crate::render::xml::attr;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 360.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 64.0;

pub fn render(history: &History, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(svg(history).as_bytes())
}

/// The chart as SVG text: the file `--chart` writes, and the HTML report's history figure.
pub(crate) fn svg(history: &History) -> String {
    let q = history.questionnaire;
    let (base, top) = (f64::from(q.base_level()), f64::from(q.top_level().max(1)));
    let span = (top - base).max(1.0);
    let y = |value: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (value - base) / span);
    let count = history.points.len();
    let x = |index: usize| {
        if count <= 1 {
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (WIDTH - LEFT - RIGHT) * index as f64 / (count - 1) as f64
        }
    };
    let title = format!("{}: history of {}", q.title, history.file);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"100%\" role=\"img\" aria-labelledby=\"history-title history-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n<title id=\"history-title\">{}</title>\n<desc id=\"history-desc\">Overall score (solid line) and overall level (dashed) at each of {count} versions, oldest on the left.</desc>\n<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fff\"/>\n",
        attr(&title)
    );
    let _ = writeln!(
        out,
        "<text x=\"{LEFT}\" y=\"24\" font-size=\"15\" font-weight=\"600\" fill=\"#1f2933\">{}</text>",
        attr(&crate::render::clip(
            &format!("History of {} ({})", history.file, q.id),
            64
        ))
    );
    for level in &q.levels {
        let ly = y(f64::from(level.level));
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" stroke=\"#d9e2ec\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#52606d\">{} {}</text>",
            WIDTH - RIGHT,
            LEFT - 8.0,
            ly + 4.0,
            level.level,
            attr(&crate::render::clip(&level.name, 18))
        );
    }
    let points: Vec<(f64, f64, f64)> = history
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| (x(i), y(p.score), y(f64::from(p.level))))
        .collect();
    if points.len() > 1 {
        let score: Vec<String> = points
            .iter()
            .map(|(px, py, _)| format!("{px:.1},{py:.1}"))
            .collect();
        let mut steps = Vec::new();
        for pair in points.windows(2) {
            if let [(ax, _, ay), (bx, _, by)] = pair {
                steps.push(format!("{ax:.1},{ay:.1} {bx:.1},{ay:.1} {bx:.1},{by:.1}"));
            }
        }
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#b45309\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
            steps.join(" ")
        );
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2.5\"/>",
            score.join(" ")
        );
    }
    // Every date is labelled when they fit, else about eight of them.
    let every = count.div_ceil(8).max(1);
    for (index, ((px, py, _), point)) in points.iter().zip(&history.points).enumerate() {
        let _ = writeln!(
            out,
            "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"4\" fill=\"#1d4ed8\"><title>{}: score {:.2}, level {}</title></circle>",
            attr(&point.date),
            crate::scoring::round2(point.score),
            point.level
        );
        if index % every == 0 || index + 1 == count {
            // The outermost labels lean inwards, so that none runs off the chart.
            let anchor = match (index, count) {
                (_, 1) => "middle",
                (0, _) => "start",
                (i, n) if i + 1 == n => "end",
                _ => "middle",
            };
            let _ = writeln!(
                out,
                "<text x=\"{px:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" fill=\"#52606d\">{}</text>",
                HEIGHT - BOTTOM + 18.0,
                attr(&point.date)
            );
        }
    }
    let legend = HEIGHT - 20.0;
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{legend}\" x2=\"{:.1}\" y2=\"{legend}\" stroke=\"#1d4ed8\" stroke-width=\"2.5\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\">overall score</text><line x1=\"{:.1}\" y1=\"{legend}\" x2=\"{:.1}\" y2=\"{legend}\" stroke=\"#b45309\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\">overall level (the weakest domain's)</text>\n</svg>",
        LEFT + 24.0,
        LEFT + 30.0,
        legend + 4.0,
        LEFT + 130.0,
        LEFT + 154.0,
        LEFT + 160.0,
        legend + 4.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{History, Version};
    use crate::testing::{answers, questionnaire};

    #[test]
    fn the_chart_is_valid_xml_with_a_marker_per_version() {
        let q = questionnaire(
            "id: t\ntitle: \"T <&>\"\nversion: \"1\"\nrole: r\ndomains:\n  - id: d\n    title: D\n    questions:\n      - {id: d-2a, level: 2, text: A?}\n",
        );
        let version = |choice, date: &str| Version {
            commit: None,
            date: date.into(),
            subject: String::new(),
            answers: answers("t", None, &[("d-2a", choice)]),
        };
        let history = History::score(
            &q,
            "a<b>.yaml".into(),
            vec![version("none", "2025-01-01"), version("full", "2026-01-01")],
        );
        let text = svg(&history);
        assert_eq!(text.matches("<circle").count(), 2);
        assert!(text.contains("T &lt;&amp;&gt;: history of a&lt;b&gt;.yaml"));
        assert!(!text.contains("a<b>"));
    }
}
