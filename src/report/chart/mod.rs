//! Charts as SVG: a radar of every domain's level against its target, and a bar per domain.
//! Both draw levels on the level scale, where a target (itself a level) compares like with
//! like: a domain below its target is drawn short of it, one that meets it on or past it. The
//! continuous score is secondary: a thin strip inside the next level shows the share of that
//! level's questions met, and the score itself is given in words. An industry average (another
//! survey's measure, not a level) is never drawn on the level scale; the figures name it with
//! its source. Each chart is a pure function from [`Chart`] (numbers and titles) to an SVG
//! string; the same numbers give the same bytes (floats are written with fixed precision).
//! Colour is never the only carrier of meaning: each series has its own dash pattern, marker
//! and legend text. The SVG scales with its container (viewBox, width 100 %).

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
    /// The groups of domains, drawn as bars after the domains: a group's level is the lowest
    /// of its domains', so its bar is never longer than theirs.
    pub groups: Vec<DomainPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DomainPoint {
    pub title: String,
    pub level: u32,
    /// `None` when the domain is not applicable.
    pub score: Option<f64>,
    pub target: Option<u32>,
    /// A group's benchmark: another survey's measure, not a level, so never drawn on the
    /// level scale. Domains have none.
    pub benchmark: Option<BenchmarkPoint>,
    /// The level above the current one: its number, questions met and applicable.
    pub next: Option<NextLevel>,
    /// Scored `continuous`: the score is drawn where the level would be, against the target
    /// score; there is no level and no next level.
    pub continuous: Option<ContinuousPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContinuousPoint {
    /// The score the target asks, and how much of it is missing, with a target.
    pub target: Option<(f64, f64)>,
}

impl DomainPoint {
    /// Where the domain is drawn on the scale: its level, or, scored continuous, its score.
    pub fn drawn(&self) -> f64 {
        match self.continuous {
            Some(_) => self.score.unwrap_or_default(),
            None => f64::from(self.level),
        }
    }

    /// Where its target is drawn: the target level, or, scored continuous, the target score.
    pub fn drawn_target(&self) -> Option<f64> {
        match self.continuous {
            Some(c) => c.target.map(|(score, _)| score),
            None => self.target.map(f64::from),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkPoint {
    pub value: f64,
    /// Source, year and sample size, as the note under the legend names them.
    pub origin: String,
    pub confirmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NextLevel {
    pub level: u32,
    pub met: usize,
    pub questions: usize,
}

impl NextLevel {
    /// The share of the level's applicable questions that are met: what its bar shows.
    pub fn share_met(&self) -> f64 {
        crate::scoring::share_met(self.met, self.questions)
    }

    /// The bar's meaning in words: "1 of 2 questions of level 2 met".
    pub fn words(&self) -> String {
        format!(
            "{} of {} question{} of level {} met",
            self.met,
            self.questions,
            if self.questions == 1 { "" } else { "s" },
            self.level
        )
    }
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
                    benchmark: None,
                    next: d
                        .applicable
                        .then(|| d.next_level())
                        .flatten()
                        .filter(|_| !questionnaire.is_continuous())
                        .map(|n| NextLevel {
                            level: n.level,
                            met: n.met,
                            questions: n.questions,
                        }),
                    continuous: questionnaire.is_continuous().then(|| ContinuousPoint {
                        target: d.target_score().zip(d.score_gap()),
                    }),
                })
                .collect(),
            groups: assessment
                .card
                .groups
                .iter()
                .map(|g| DomainPoint {
                    title: format!("Group: {}", g.group.title),
                    level: g.level,
                    score: g.applicable.then_some(g.score),
                    target: None,
                    benchmark: g.group.benchmark.as_ref().map(|b| BenchmarkPoint {
                        value: b.score,
                        origin: b.origin(),
                        confirmed: b.confirmed,
                    }),
                    next: None,
                    continuous: questionnaire
                        .is_continuous()
                        .then_some(ContinuousPoint { target: None }),
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

    /// Where the progress strip of a domain ends: its level plus the share of the next level's
    /// questions met, which stays visibly short of the next level (at most 95 % of the way).
    pub(crate) fn progress_end(domain: &DomainPoint) -> Option<f64> {
        let next = domain.next?;
        domain.score?;
        Some(f64::from(domain.level) + next.share_met().min(0.95))
    }

    fn level_name(&self, level: u32) -> &str {
        self.levels
            .iter()
            .find(|l| l.0 == level)
            .map_or("", |l| l.1.as_str())
    }

    fn has_target(&self) -> bool {
        self.domains.iter().any(|d| d.drawn_target().is_some())
    }

    /// Scored `continuous`: scores are drawn, not levels.
    pub(crate) fn is_continuous(&self) -> bool {
        self.domains.iter().any(|d| d.continuous.is_some())
    }

    /// The chart's title: what it draws, and of whom.
    pub(crate) fn title(&self) -> String {
        let what = if self.is_continuous() {
            "score"
        } else {
            "level"
        };
        format!("Maturity {what} by domain: {}", self.subject)
    }

    /// The sources of the benchmarks, each once, in a stable order.
    fn benchmark_sources(&self) -> Vec<&str> {
        let mut sources: Vec<&str> = self
            .groups
            .iter()
            .filter_map(|d| d.benchmark.as_ref().map(|b| b.origin.as_str()))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        sources
    }

    /// The chart in words, for `<desc>`: every domain's figures.
    fn description(&self, kind: &str) -> String {
        let what = if self.is_continuous() {
            "score"
        } else {
            "level"
        };
        let mut out = format!(
            "{kind} of the maturity {what} of {} domains{} on a scale from {} to {}.",
            self.domains.len(),
            if self.has_target() {
                format!(" against the target {what}")
            } else {
                String::new()
            },
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
                figures(self, domain, true)
            );
        }
        for group in &self.groups {
            let _ = write!(out, " {}: {}.", group.title, figures(self, group, true));
        }
        out
    }
}

/// A domain's figures in words: level and target first, then the score and next level, then
/// any benchmark with what it is. `long` names the level.
fn figures(chart: &Chart, domain: &DomainPoint, long: bool) -> String {
    let Some(score) = domain.score else {
        return "not applicable".to_string();
    };
    if let Some(continuous) = domain.continuous {
        let mut out = format!("score {}", fixed2(score));
        if let Some((target, gap)) = continuous.target {
            if gap > 1e-9 {
                let _ = write!(out, ", target {}, {} below", fixed2(target), fixed2(gap));
            } else {
                let _ = write!(out, ", target {} met", fixed2(target));
            }
        }
        return out;
    }
    let mut out = if long {
        format!("level {} {}", domain.level, chart.level_name(domain.level))
    } else {
        format!("level {}", domain.level)
    };
    if let Some(target) = domain.target {
        let _ = write!(out, ", {}", target_words(domain.level, target));
    }
    let _ = write!(out, ", score {}", fixed2(score));
    if long && let Some(next) = domain.next {
        let _ = write!(out, ", {}", next.words());
    }
    if let Some(benchmark) = &domain.benchmark {
        let _ = write!(
            out,
            ", benchmark {} ({}; another survey's measure, not a level)",
            fixed2(benchmark.value),
            if benchmark.confirmed {
                "confirmed"
            } else {
                "unconfirmed"
            }
        );
    }
    out
}

/// "target 3, 1 below" or "target 2 met".
pub(crate) fn target_words(level: u32, target: u32) -> String {
    match target.saturating_sub(level) {
        0 => format!("target {target} met"),
        gap => format!("target {target}, {gap} below"),
    }
}

/// The font of every chart: the system's, nothing to download.
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK: &str = "#1f2933";
const MUTED: &str = "#52606d";
const GRID: &str = "#cbd2d9";
/// The halo behind text that may sit on a line: the background colour, painted first.
const HALO: &str =
    "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

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
    None,
}

const LEVEL: Style = Style {
    class: "series-level",
    name: "Level reached",
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
/// The secondary series: how much of the next level is met, a thin pale strip.
const PROGRESS: Style = Style {
    class: "series-progress",
    name: "Share of the next level's questions met",
    colour: "#93a3b8",
    dash: None,
    marker: Marker::None,
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

    fn marker(&self, x: f64, y: f64, domain: usize) -> String {
        // A white edge keeps a marker visible where it sits on a bar of another colour.
        let fill = format!(
            "data-domain=\"{domain}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\" stroke-dasharray=\"none\"",
            self.colour
        );
        match self.marker {
            Marker::Circle => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"4\" {fill}/>",
                fixed1(x),
                fixed1(y)
            ),
            Marker::Square => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" {fill}/>",
                fixed1(x - 4.0),
                fixed1(y - 4.0)
            ),
            Marker::None => String::new(),
        }
    }
}

/// The series a chart shows, in legend order.
fn series(chart: &Chart) -> Vec<Style> {
    let continuous = chart.is_continuous();
    let mut out = vec![if continuous {
        Style {
            name: "Score",
            ..LEVEL
        }
    } else {
        LEVEL
    }];
    if chart.has_target() {
        out.push(if continuous {
            Style {
                name: "Target score",
                ..TARGET
            }
        } else {
            TARGET
        });
    }
    if chart
        .domains
        .iter()
        .any(|d| Chart::progress_end(d).is_some())
    {
        out.push(PROGRESS);
    }
    out
}

/// A legend of the series from (x, y), wrapping onto a new row where `right` is reached: a
/// line sample, its marker, its name. Returns the baseline of its last row.
fn series_legend(out: &mut String, chart: &Chart, x: f64, y: f64, right: f64) -> f64 {
    let _ = write!(out, "<g class=\"legend\" font-size=\"12\" fill=\"{INK}\">");
    let (mut at, mut row) = (x, y);
    for style in series(chart) {
        let width = 34.0 + text_width(style.name, 12.0);
        if at > x && at + width > right {
            at = x;
            row += 18.0;
        }
        let sample = if style.class == PROGRESS.class {
            format!(
                "<rect x=\"{}\" y=\"{}\" width=\"28\" height=\"4\" fill=\"{}\"/>",
                fixed1(at),
                fixed1(row - 6.0),
                style.colour
            )
        } else {
            format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>{}",
                fixed1(at),
                fixed1(row - 4.0),
                fixed1(at + 28.0),
                fixed1(row - 4.0),
                style.stroke(2.0),
                style
                    .marker(at + 14.0, row - 4.0, 0)
                    .replace(" data-domain=\"0\"", "")
            )
        };
        let _ = write!(
            out,
            "{sample}<text x=\"{}\" y=\"{}\">{}</text>",
            fixed1(at + 34.0),
            fixed1(row),
            style.name
        );
        at += width + 22.0;
    }
    out.push_str("</g>\n");
    row
}

/// A line naming what the benchmarks are, when there are any: the chart does not draw them.
fn benchmark_note(chart: &Chart) -> Option<String> {
    let sources = chart.benchmark_sources();
    (!sources.is_empty()).then(|| {
        format!(
            "Benchmarks ({}) are another survey's averages, not levels: given in the figures, not drawn.",
            sources.join("; ")
        )
    })
}

/// A title broken into lines of at most `width` pixels at `size`; returns the lines.
fn title_lines(title: &str, width: f64, size: f64) -> Vec<String> {
    wrap(title, (width / (size * 0.6)) as usize, 3)
}

/// The SVG document around `body`, with its accessible name and description. It scales with
/// its container: `viewBox` gives the proportions, the width is that of the container.
fn document(id: &str, (width, height): (f64, f64), title: &str, desc: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 512);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{id}\" viewBox=\"0 0 {w} {h}\" width=\"100%\" preserveAspectRatio=\"xMidYMin meet\" style=\"max-width:{w}px\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        xml(title),
        xml(desc),
        w = fixed1(width),
        h = fixed1(height),
    );
    out.push_str(body);
    out.push_str("</svg>\n");
    out
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
