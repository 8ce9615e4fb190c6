//! Charts as SVG: a radar of every domain's score, and a bar per domain. Each chart is a pure
//! function from [`Chart`] (numbers and titles) to an SVG string; the same numbers give the
//! same bytes (floats are written with fixed precision). Colour is never the only carrier of
//! meaning: each series has its own dash pattern, marker and legend text.

pub mod bars;
pub mod radar;

use std::fmt::Write;

use crate::render::LongWords;

use crate::assessment::Assessment;
// Text in a chart is escaped as in an HTML attribute, which also drops what XML forbids.
use crate::render::xml::attr as xml;

/// What a chart is drawn from.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Names the chart in its `<title>`: the subject or organization assessed.
    pub subject: String,
    /// The questionnaire's levels, lowest (the base) first: number and name.
    pub levels: Vec<(u32, String)>,
    pub domains: Vec<DomainPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DomainPoint {
    pub title: String,
    pub level: u32,
    /// `None` when the domain is not applicable.
    pub score: Option<f64>,
    pub target: Option<u32>,
    /// The industry average, where the questionnaire gives one.
    pub benchmark: Option<f64>,
    /// The level above the current one: its number, questions met and applicable, progress.
    pub next: Option<NextLevel>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NextLevel {
    pub level: u32,
    pub met: usize,
    pub questions: usize,
    pub progress: f64,
}

impl Chart {
    pub fn from_assessment(assessment: &Assessment) -> Chart {
        let questionnaire = assessment.card.questionnaire;
        Chart {
            subject: assessment.subject().to_string(),
            levels: questionnaire
                .levels
                .iter()
                .map(|l| (l.level, l.name.clone()))
                .collect(),
            domains: assessment
                .card
                .domains
                .iter()
                .map(|d| DomainPoint {
                    title: d.domain.title.clone(),
                    level: d.level,
                    score: d.applicable.then_some(d.score),
                    target: d.target,
                    benchmark: d.domain.benchmark.as_ref().map(|b| b.score),
                    next: d.next_level().map(|n| NextLevel {
                        level: n.level,
                        met: n.met,
                        questions: n.questions,
                        progress: n.progress,
                    }),
                })
                .collect(),
        }
    }

    /// The value at the centre of the radar and the left end of a bar: one below the base level,
    /// so that a domain at the base still shows.
    fn low(&self) -> f64 {
        let base = self.levels.first().map_or(0, |l| l.0);
        f64::from(base.saturating_sub(1))
    }

    fn top(&self) -> f64 {
        f64::from(self.levels.last().map_or(1, |l| l.0))
    }

    /// Where `value` lies between [`Chart::low`] (0) and the top level (1).
    pub(crate) fn fraction(&self, value: f64) -> f64 {
        let span = self.top() - self.low();
        if span <= 0.0 {
            return 0.0;
        }
        ((value - self.low()) / span).clamp(0.0, 1.0)
    }

    fn level_name(&self, level: u32) -> &str {
        self.levels
            .iter()
            .find(|l| l.0 == level)
            .map_or("", |l| l.1.as_str())
    }

    fn has_target(&self) -> bool {
        self.domains.iter().any(|d| d.target.is_some())
    }

    fn has_benchmark(&self) -> bool {
        self.domains.iter().any(|d| d.benchmark.is_some())
    }

    /// The chart in words, for `<desc>`: every domain's figures.
    fn description(&self, kind: &str) -> String {
        let mut out = format!(
            "{kind} of the maturity score of {} domains on a scale from {} to {}.",
            self.domains.len(),
            self.levels
                .first()
                .map(|(n, name)| format!("{n} {name}"))
                .unwrap_or_default(),
            self.levels
                .last()
                .map(|(n, name)| format!("{n} {name}"))
                .unwrap_or_default(),
        );
        for (number, domain) in self.domains.iter().enumerate() {
            let _ = write!(
                out,
                " {}. {}: {}.",
                number + 1,
                domain.title,
                figures(self, domain)
            );
        }
        out
    }
}

/// A domain's figures in words: level, score, target, industry average.
fn figures(chart: &Chart, domain: &DomainPoint) -> String {
    let Some(score) = domain.score else {
        return "not applicable".to_string();
    };
    let mut out = format!(
        "level {} {}, score {}",
        domain.level,
        chart.level_name(domain.level),
        fixed2(score)
    );
    if let Some(target) = domain.target {
        let _ = write!(out, ", target {target}");
    }
    if let Some(benchmark) = domain.benchmark {
        let _ = write!(out, ", industry average {}", fixed2(benchmark));
    }
    out
}

/// The font of every chart: the system's, nothing to download.
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK: &str = "#1f2933";
const MUTED: &str = "#52606d";
const GRID: &str = "#cbd2d9";

/// How a series is drawn: colour, dash pattern and marker, so that it reads in grey too.
#[derive(Debug, Clone, Copy)]
struct Style {
    class: &'static str,
    name: &'static str,
    colour: &'static str,
    dash: Option<&'static str>,
    marker: Marker,
}

#[derive(Debug, Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
}

const SCORE: Style = Style {
    class: "series-score",
    name: "Score",
    colour: "#1d4ed8",
    dash: None,
    marker: Marker::Circle,
};
const TARGET: Style = Style {
    class: "series-target",
    name: "Target level",
    colour: "#b45309",
    dash: Some("7 4"),
    marker: Marker::Square,
};
const BENCHMARK: Style = Style {
    class: "series-benchmark",
    name: "Industry average",
    colour: "#4b5563",
    dash: Some("2 3"),
    marker: Marker::Triangle,
};

impl Style {
    fn stroke(&self, width: f64) -> String {
        let dash = self
            .dash
            .map(|d| format!(" stroke-dasharray=\"{d}\""))
            .unwrap_or_default();
        format!(
            "stroke=\"{}\" stroke-width=\"{}\"{dash}",
            self.colour,
            fixed1(width)
        )
    }

    fn marker(&self, x: f64, y: f64) -> String {
        // A white edge keeps a marker visible where it sits on a bar of another colour.
        let fill = format!(
            "fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\" stroke-dasharray=\"none\"",
            self.colour
        );
        match self.marker {
            Marker::Circle => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" {fill}/>",
                fixed1(x),
                fixed1(y)
            ),
            Marker::Square => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" {fill}/>",
                fixed1(x - 3.5),
                fixed1(y - 3.5)
            ),
            Marker::Triangle => format!(
                "<path d=\"M{} {}L{} {}L{} {}Z\" {fill}/>",
                fixed1(x),
                fixed1(y - 4.5),
                fixed1(x + 4.5),
                fixed1(y + 3.5),
                fixed1(x - 4.5),
                fixed1(y + 3.5)
            ),
        }
    }
}

/// The series a chart shows, in drawing order, each with a value per domain.
fn series(chart: &Chart) -> Vec<(Style, Vec<Option<f64>>)> {
    let values = |value: fn(&DomainPoint) -> Option<f64>| -> Vec<Option<f64>> {
        chart.domains.iter().map(value).collect()
    };
    let mut out = vec![(SCORE, values(|d| d.score))];
    if chart.has_target() {
        out.push((TARGET, values(|d| d.target.map(f64::from))));
    }
    if chart.has_benchmark() {
        out.push((BENCHMARK, values(|d| d.benchmark)));
    }
    out
}

/// A legend of the series in one row starting at (x, y): a line sample, its marker, its name.
fn series_legend(out: &mut String, chart: &Chart, x: f64, y: f64) {
    let _ = write!(out, "<g class=\"legend\" font-size=\"12\" fill=\"{INK}\">");
    let mut at = x;
    for (style, _) in series(chart) {
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>{}",
            fixed1(at),
            fixed1(y - 4.0),
            fixed1(at + 28.0),
            fixed1(y - 4.0),
            style.stroke(2.0),
            style.marker(at + 14.0, y - 4.0)
        );
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            fixed1(at + 34.0),
            fixed1(y),
            style.name
        );
        at += 34.0 + text_width(style.name, 12.0) + 22.0;
    }
    out.push_str("</g>\n");
}

/// The opening of an SVG document with its accessible name and description.
fn open(out: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{id}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        xml(title),
        xml(desc),
        w = fixed1(width),
        h = fixed1(height),
    );
}

/// A coordinate with one decimal, never `-0.0`, so that output is the same on every machine.
fn fixed1(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded == 0.0 || !rounded.is_finite() {
        "0".to_string()
    } else {
        format!("{rounded:.1}")
    }
}

/// A score as every report shows it: two decimals.
fn fixed2(x: f64) -> String {
    format!("{:.2}", crate::scoring::round2(x))
}

/// The width of `text` at `size` pixels, estimated generously (0.6 em a character), for layout.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// `text` broken into at most `lines` lines of at most `width` characters, at spaces where it
/// can; an ellipsis marks what does not fit.
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let width = width.max(2);
    let mut out = crate::render::wrap(text, width, LongWords::Cut);
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            let kept: String = last.chars().take(width - 1).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_fixed_precision_and_no_negative_zero() {
        assert_eq!(fixed1(-0.01), "0");
        assert_eq!(fixed1(12.345), "12.3");
        assert_eq!(fixed1(3.0), "3.0");
        assert_eq!(fixed2(2.005), "2.01");
    }

    #[test]
    fn wrap_breaks_at_spaces_cuts_long_words_and_marks_the_rest() {
        assert_eq!(
            wrap("Security risk management", 12, 3),
            ["Security", "risk", "management"]
        );
        assert_eq!(
            wrap("Security risk management", 14, 2),
            ["Security risk", "management"]
        );
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c…"]);
        assert_eq!(
            wrap("Supercalifragilistic", 8, 3),
            ["Supercal", "ifragili", "stic"]
        );
        assert!(wrap("", 8, 3).is_empty());
    }

    #[test]
    fn xml_escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            xml("<a href='x'>]]>&\u{1}"),
            "&lt;a href=&#39;x&#39;&gt;]]&gt;&amp;"
        );
    }
}
