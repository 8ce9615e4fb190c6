//! The radar ("spider") chart: one spoke per domain, a named ring per level, the level reached
//! as a filled polygon and the target level as a dashed outline on the same rings; along each
//! spoke, a thin pale segment inside the next ring shows the share of that level's questions
//! met. Ring labels sit between two spokes on a halo, drawn over the data.

use std::f64::consts::PI;
use std::fmt::Write;

use super::{
    Chart, GRID, HALO, INK, LEVEL, MUTED, PROGRESS, Style, TARGET, document, figures, fixed1,
    series_legend, text_width, title_lines, wrap, xml,
};

const WIDTH: f64 = 760.0;
/// The width of the drawing embedded in the HTML report.
const FIGURE_WIDTH: f64 = 460.0;
const FIGURE_LABEL_SIZE: f64 = 15.0;
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
    labels_within(titles, cx, cy, width, &[24, 20, 16, 12, 0])
}

fn labels_within(titles: &[String], cx: f64, cy: f64, width: f64, widths: &[usize]) -> Vec<Label> {
    let count = titles.len();
    for &chars in widths {
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

/// How much the chart carries itself: all of it for a file of its own, or only the drawing
/// (numbered spokes) inside the HTML report, whose list and key say the rest and reflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Full,
    Figure,
}

/// The radar chart of `chart` as an SVG document of its own: title, key, numbered legend.
pub fn svg(chart: &Chart) -> String {
    draw(chart, Layout::Full)
}

/// The radar as the HTML report embeds it: the drawing with numbered spokes and larger text,
/// which stays legible when a phone scales it down; the page's numbered list names the domains.
pub fn figure(chart: &Chart) -> String {
    draw(chart, Layout::Figure)
}

fn draw(chart: &Chart, layout: Layout) -> String {
    let count = chart.domains.len();
    let full = layout == Layout::Full;
    let width = if full { WIDTH } else { FIGURE_WIDTH };
    let title = chart.title();
    let mut body = String::new();
    let mut top = 8.0;
    if full {
        let mut y = 26.0;
        for line in title_lines(&title, WIDTH - 40.0, 16.0) {
            let _ = writeln!(
                body,
                "<text class=\"chart-title\" x=\"20\" y=\"{}\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
                fixed1(y),
                xml(&line)
            );
            y += 20.0;
        }
        top = series_legend(&mut body, chart, 20.0, y + 4.0, WIDTH - 20.0) + 8.0;
    }
    let (label_lines, label_size) = if full {
        (MAX_LINES, LABEL_SIZE)
    } else {
        (1, FIGURE_LABEL_SIZE)
    };
    let cx = width / 2.0;
    let cy = top + label_lines as f64 * LINE.max(label_size + 2.0) + LABEL_GAP + RADIUS;

    // Spokes, then a ring per level.
    let _ = write!(body, "<g class=\"grid\" stroke=\"{GRID}\" fill=\"none\">");
    for index in 0..count {
        let (x, y) = point(cx, cy, RADIUS, index, count);
        let _ = write!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            fixed1(cx),
            fixed1(cy),
            fixed1(x),
            fixed1(y)
        );
    }
    for (level, _) in &chart.levels {
        let radius = RADIUS * chart.fraction(f64::from(*level));
        if radius > 0.0 {
            let _ = write!(
                body,
                "<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                fixed1(cx),
                fixed1(cy),
                fixed1(radius)
            );
        }
    }
    body.push_str("</g>\n");

    // The target under the level, so that the level stays on top; then the progress segments.
    let level_values: Vec<Option<f64>> = chart
        .domains
        .iter()
        .map(|d| d.score.map(|_| d.drawn()))
        .collect();
    if chart.has_target() {
        let targets: Vec<Option<f64>> = chart
            .domains
            .iter()
            .map(|d| d.score.and(d.drawn_target()))
            .collect();
        outline(&mut body, chart, &TARGET, &targets, cx, cy);
    }
    outline(&mut body, chart, &LEVEL, &level_values, cx, cy);
    let _ = write!(
        body,
        "<g class=\"series {}\" stroke=\"{}\" stroke-width=\"4\" stroke-linecap=\"butt\">",
        PROGRESS.class, PROGRESS.colour
    );
    for (index, domain) in chart.domains.iter().enumerate() {
        if let Some(end) = Chart::progress_end(domain) {
            let (x1, y1) = point(
                cx,
                cy,
                RADIUS * chart.fraction(f64::from(domain.level)),
                index,
                count,
            );
            let (x2, y2) = point(cx, cy, RADIUS * chart.fraction(end), index, count);
            let _ = write!(
                body,
                "<line data-domain=\"{index}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                fixed1(x1),
                fixed1(y1),
                fixed1(x2),
                fixed1(y2)
            );
        }
    }
    body.push_str("</g>\n");

    // Ring labels over the data, on a halo: centred between the first two spokes where that
    // gap points steeply enough upwards for the labels to stack (5 spokes or more), else just
    // right of the top spoke.
    let (between, anchor, nudge) = if count >= 5 {
        (PI / count as f64, "middle", 0.0)
    } else {
        (0.0, "start", 5.0)
    };
    let (sin, cos) = (between.sin(), between.cos());
    let ring_size = if full { 10.0 } else { 13.0 };
    let _ = write!(
        body,
        "<g class=\"ring-labels\" font-size=\"{}\" fill=\"{MUTED}\" {HALO}>",
        fixed1(ring_size)
    );
    for (level, name) in &chart.levels {
        let radius = RADIUS * chart.fraction(f64::from(*level));
        if radius <= 0.0 {
            continue;
        }
        let text = if full {
            format!("{level} {name}")
        } else {
            level.to_string()
        };
        let _ = write!(
            body,
            "<text class=\"ring-label\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            fixed1(cx + radius * sin + nudge),
            fixed1(cy - radius * cos + ring_size * 0.35),
            xml(&text)
        );
    }
    body.push_str("</g>\n");

    let titles: Vec<String> = chart.domains.iter().map(|d| d.title.clone()).collect();
    let laid = if full {
        labels(&titles, cx, cy, width)
    } else {
        labels_within(&vec![String::new(); titles.len()], cx, cy, width, &[0])
    };
    let _ = write!(
        body,
        "<g class=\"axis-labels\" font-size=\"{}\" fill=\"{INK}\"{}>",
        fixed1(label_size),
        if full { "" } else { " font-weight=\"bold\"" }
    );
    for label in laid {
        let _ = write!(
            body,
            "<text class=\"axis-label\" text-anchor=\"{}\">",
            label.anchor
        );
        for (number, line) in label.lines.iter().enumerate() {
            let _ = write!(
                body,
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                fixed1(label.x),
                fixed1(label.y + number as f64 * LINE),
                xml(line)
            );
        }
        body.push_str("</text>");
    }
    body.push_str("</g>\n");

    let mut height = cy + RADIUS + LABEL_GAP + label_lines as f64 * LINE + 8.0;
    if full {
        // The numbered legend: full titles and figures, so no label has to carry them.
        let mut y = height + 16.0;
        let _ = write!(
            body,
            "<g class=\"domain-legend\" font-size=\"11\" fill=\"{INK}\">"
        );
        let chars = ((WIDTH - 40.0) / (11.0 * 0.6)) as usize;
        for (index, domain) in chart.domains.iter().enumerate() {
            let entry = format!(
                "{}. {}: {}",
                index + 1,
                domain.title,
                figures(chart, domain, false)
            );
            for line in wrap(&entry, chars, 4) {
                let _ = write!(
                    body,
                    "<text class=\"legend-entry\" x=\"20\" y=\"{}\">{}</text>",
                    fixed1(y),
                    xml(&line)
                );
                y += LEGEND_LINE;
            }
        }
        body.push_str("</g>\n");
        height = y;
    }
    document(
        "radar",
        (width, height),
        &title,
        &chart.description("Radar chart"),
        &body,
    )
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
    let fill = if style.class == LEVEL.class {
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
    for (index, point) in points.iter().enumerate() {
        if let Some((x, y)) = point {
            out.push_str(&style.marker(*x, *y, index));
        }
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
