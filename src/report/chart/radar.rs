//! The radar ("spider") chart: one spoke per domain, a named ring per level, the score as a
//! filled polygon, the target and the industry average as dashed and dotted outlines.

use std::f64::consts::PI;
use std::fmt::Write;

use super::{
    Chart, DomainPoint, GRID, INK, MUTED, SCORE, Style, fixed1, fixed2, open, series,
    series_legend, text_width, wrap, xml,
};

const WIDTH: f64 = 760.0;
const RADIUS: f64 = 175.0;
/// From the outer ring to a spoke's label.
const LABEL_GAP: f64 = 20.0;
const LABEL_SIZE: f64 = 11.0;
const LINE: f64 = 13.0;
const MAX_LINES: usize = 3;
const LEGEND_LINE: f64 = 16.0;
/// Where the spoke labels may go: the canvas less a margin.
const MARGIN: f64 = 8.0;

/// A spoke's label: its lines and the box they take.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub lines: Vec<String>,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub x: f64,
    /// The first line's baseline.
    pub y: f64,
    pub bounds: Bounds,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Bounds {
    pub fn overlaps(&self, other: &Bounds) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// The angle of spoke `index` of `count`, clockwise from the top.
fn angle(index: usize, count: usize) -> f64 {
    2.0 * PI * index as f64 / count.max(1) as f64
}

/// The point at `radius` along spoke `index`.
fn point(cx: f64, cy: f64, radius: f64, index: usize, count: usize) -> (f64, f64) {
    let a = angle(index, count);
    (cx + radius * a.sin(), cy - radius * a.cos())
}

/// Lays out one label per spoke: the number and the title wrapped as wide as room allows,
/// anchored by angle (left of the chart end-anchored, right start-anchored, top and bottom
/// centred). Narrower wrapping is tried until no two labels overlap and all fit the canvas;
/// the last resort is the number alone, which the numbered legend explains.
pub fn labels(titles: &[String], cx: f64, cy: f64, width: f64) -> Vec<Label> {
    let count = titles.len();
    for chars in [24, 20, 16, 12, 0] {
        let laid: Vec<Label> = titles
            .iter()
            .enumerate()
            .map(|(index, title)| {
                let number = format!("{}.", index + 1);
                let lines = if chars == 0 {
                    vec![number]
                } else {
                    let mut lines = wrap(&format!("{number} {title}"), chars, MAX_LINES);
                    if lines.is_empty() {
                        lines.push(number);
                    }
                    lines
                };
                place(lines, cx, cy, index, count)
            })
            .collect();
        let fits = laid.iter().all(|l| {
            l.bounds.left >= MARGIN && l.bounds.right <= width - MARGIN && l.bounds.top >= 0.0
        });
        let apart = laid.iter().enumerate().all(|(i, a)| {
            laid.iter()
                .skip(i + 1)
                .all(|b| !a.bounds.overlaps(&b.bounds))
        });
        if (fits && apart) || chars == 0 {
            return laid;
        }
    }
    Vec::new()
}

fn place(lines: Vec<String>, cx: f64, cy: f64, index: usize, count: usize) -> Label {
    let a = angle(index, count);
    let (sin, cos) = (a.sin(), a.cos());
    let (x, y) = point(cx, cy, RADIUS + LABEL_GAP, index, count);
    let widest = lines
        .iter()
        .map(|l| text_width(l, LABEL_SIZE))
        .fold(0.0, f64::max);
    let height = lines.len() as f64 * LINE;
    let (anchor, left) = if sin > 0.2 {
        ("start", x)
    } else if sin < -0.2 {
        ("end", x - widest)
    } else {
        ("middle", x - widest / 2.0)
    };
    // Above the centre the block grows upwards from the spoke's end, below it downwards.
    let top = if cos > 0.2 {
        y - height
    } else if cos < -0.2 {
        y
    } else {
        y - height / 2.0
    };
    Label {
        lines,
        anchor,
        x,
        y: top + LINE - 3.0,
        bounds: Bounds {
            left,
            top,
            right: left + widest,
            bottom: top + height,
        },
    }
}

/// The radar chart of `chart` as an SVG document.
pub fn svg(chart: &Chart) -> String {
    let count = chart.domains.len();
    let cx = WIDTH / 2.0;
    let cy = 64.0 + MAX_LINES as f64 * LINE + LABEL_GAP + RADIUS;
    let legend_top = cy + RADIUS + LABEL_GAP + MAX_LINES as f64 * LINE + 24.0;
    let height = legend_top + count as f64 * LEGEND_LINE + 12.0;
    let title = format!("Maturity by domain: {}", chart.subject);
    let mut out = String::new();
    open(
        &mut out,
        "radar",
        WIDTH,
        height,
        &title,
        &chart.description("Radar chart"),
    );
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        xml(&crate::render::clip(&title, 80))
    );
    series_legend(&mut out, chart, 20.0, 50.0);

    // Spokes, then a ring per level, each named along the top spoke.
    let _ = write!(out, "<g class=\"grid\" stroke=\"{GRID}\" fill=\"none\">");
    for index in 0..count {
        let (x, y) = point(cx, cy, RADIUS, index, count);
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            fixed1(cx),
            fixed1(cy),
            fixed1(x),
            fixed1(y)
        );
    }
    out.push_str("</g>\n");
    for (level, name) in &chart.levels {
        let radius = RADIUS * chart.fraction(f64::from(*level));
        if radius <= 0.0 {
            continue;
        }
        let _ = write!(
            out,
            "<g class=\"ring\"><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{GRID}\"/>",
            fixed1(cx),
            fixed1(cy),
            fixed1(radius)
        );
        let _ = writeln!(
            out,
            "<text class=\"ring-label\" x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"{MUTED}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{} {}</text></g>",
            fixed1(cx + 4.0),
            fixed1(cy - radius - 3.0),
            level,
            xml(name)
        );
    }

    // The benchmark and target outlines under the score, so that the score stays on top.
    for (style, values) in series(chart).iter().rev() {
        outline(&mut out, chart, style, values, cx, cy);
    }

    let titles: Vec<String> = chart.domains.iter().map(|d| d.title.clone()).collect();
    let _ = write!(
        out,
        "<g class=\"axis-labels\" font-size=\"{}\" fill=\"{INK}\">",
        fixed1(LABEL_SIZE)
    );
    for label in labels(&titles, cx, cy, WIDTH) {
        let _ = write!(
            out,
            "<text class=\"axis-label\" text-anchor=\"{}\">",
            label.anchor
        );
        for (number, line) in label.lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                fixed1(label.x),
                fixed1(label.y + number as f64 * LINE),
                xml(line)
            );
        }
        out.push_str("</text>");
    }
    out.push_str("</g>\n");

    // The numbered legend: full titles and figures, so no label has to carry them.
    let _ = write!(
        out,
        "<g class=\"domain-legend\" font-size=\"11\" fill=\"{INK}\">"
    );
    for (index, domain) in chart.domains.iter().enumerate() {
        let y = legend_top + index as f64 * LEGEND_LINE;
        let detail = legend_figures(domain);
        let room = ((WIDTH - 40.0 - text_width(&detail, 11.0) - 12.0) / (11.0 * 0.6)).max(8.0);
        let _ = write!(
            out,
            "<text class=\"legend-entry\" x=\"20\" y=\"{}\">{}. {}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>",
            fixed1(y),
            index + 1,
            xml(&crate::render::clip(&domain.title, room as usize)),
            fixed1(WIDTH - 20.0),
            fixed1(y),
            xml(&detail)
        );
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// A domain's figures for the legend, short: the rings name the levels.
fn legend_figures(domain: &DomainPoint) -> String {
    let Some(score) = domain.score else {
        return "not applicable".to_string();
    };
    let mut out = format!("level {} · score {}", domain.level, fixed2(score));
    if let Some(target) = domain.target {
        let _ = write!(out, " · target {target}");
    }
    if let Some(benchmark) = domain.benchmark {
        let _ = write!(out, " · industry {}", fixed2(benchmark));
    }
    out
}

/// One series as a single path through its values; a domain without a value breaks the
/// outline rather than pulling it to the centre.
fn outline(
    out: &mut String,
    chart: &Chart,
    style: &Style,
    values: &[Option<f64>],
    cx: f64,
    cy: f64,
) {
    let count = values.len();
    let points: Vec<Option<(f64, f64)>> = values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            value.map(|v| point(cx, cy, RADIUS * chart.fraction(v), index, count))
        })
        .collect();
    let complete = points.iter().all(Option::is_some);
    let mut path = String::new();
    let mut drawing = false;
    // Walk once round, and on to the first point again when the ring is broken somewhere.
    let first_gap = points.iter().position(Option::is_none).unwrap_or(0);
    for step in 0..=count {
        let index = (first_gap + step) % count.max(1);
        match points.get(index).copied().flatten() {
            Some((x, y)) => {
                let command = if drawing { 'L' } else { 'M' };
                let _ = write!(path, "{command}{} {}", fixed1(x), fixed1(y));
                drawing = true;
            }
            None => drawing = false,
        }
        if complete && step + 1 == count {
            path.push('Z');
            break;
        }
    }
    if path.is_empty() {
        return;
    }
    let fill = if style.class == SCORE.class {
        format!("fill=\"{}\" fill-opacity=\"0.15\"", style.colour)
    } else {
        "fill=\"none\"".to_string()
    };
    let _ = write!(
        out,
        "<g class=\"series {}\"><path class=\"outline\" d=\"{path}\" {fill} {} stroke-linejoin=\"round\"/>",
        style.class,
        style.stroke(2.0)
    );
    for (x, y) in points.iter().flatten() {
        out.push_str(&style.marker(*x, *y));
    }
    out.push_str("</g>\n");
}

/// The chart as `jsp chart` writes it.
pub fn render(
    chart: &Chart,
    _: &crate::render::Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(svg(chart).as_bytes())
}
