//! A bar per domain on the level scale: the level reached as a solid bar, the target level as
//! a dashed mark across it, and inside the next level a thin pale strip of the share of that
//! level's questions met. Beside each bar, the same figures in words.

use std::fmt::Write;

use super::{
    Chart, DomainPoint, GRID, HALO, INK, LEVEL, MUTED, PROGRESS, TARGET, benchmark_note, document,
    figures, fixed1, series_legend, title_lines, wrap, xml,
};

const WIDTH: f64 = 760.0;
const LEFT: f64 = 20.0;
/// The right end of the level scale; the figures stand to its right.
const SCALE_RIGHT: f64 = 440.0;
const FIGURES: f64 = SCALE_RIGHT + 14.0;
const LINE: f64 = 14.0;
const BAR: f64 = 14.0;
const STRIP: f64 = 4.0;

/// The bar chart of `chart` as an SVG document.
pub fn svg(chart: &Chart) -> String {
    let title = chart.title();
    let mut body = String::new();
    let mut y = 26.0;
    for line in title_lines(&title, WIDTH - 2.0 * LEFT, 16.0) {
        let _ = writeln!(
            body,
            "<text class=\"chart-title\" x=\"{LEFT}\" y=\"{}\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
            fixed1(y),
            xml(&line)
        );
        y += 20.0;
    }
    y = series_legend(&mut body, chart, LEFT, y + 4.0, WIDTH - LEFT) + 20.0;
    let names: Vec<String> = chart
        .levels
        .iter()
        .map(|(level, name)| format!("{level} {name}"))
        .collect();
    for line in wrap(
        &format!("Levels: {}", names.join(" · ")),
        ((WIDTH - 2.0 * LEFT) / (11.0 * 0.6)) as usize,
        3,
    ) {
        let _ = writeln!(
            body,
            "<text class=\"level-names\" x=\"{LEFT}\" y=\"{}\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
            fixed1(y),
            xml(&line)
        );
        y += LINE;
    }
    if let Some(note) = benchmark_note(chart) {
        for line in wrap(&note, ((WIDTH - 2.0 * LEFT) / (11.0 * 0.6)) as usize, 3) {
            let _ = writeln!(
                body,
                "<text class=\"benchmark-note\" x=\"{LEFT}\" y=\"{}\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
                fixed1(y),
                xml(&line)
            );
            y += LINE;
        }
    }
    let scale_top = y + 12.0;
    let mut rows = String::new();
    let mut top = scale_top + 8.0;
    for (index, domain) in chart.domains.iter().enumerate() {
        let label = format!("{}. {}", index + 1, domain.title);
        top = row(&mut rows, chart, index, domain, &label, top);
    }
    for (index, group) in chart.groups.iter().enumerate() {
        let label = group.title.clone();
        top = row(
            &mut rows,
            chart,
            chart.domains.len() + index,
            group,
            &label,
            top,
        );
    }
    let height = top + 4.0;

    // A grid line and number per level across every row.
    let x_of = |value: f64| LEFT + (SCALE_RIGHT - LEFT) * chart.fraction(value);
    let _ = write!(
        body,
        "<g class=\"scale\" font-size=\"10\" fill=\"{MUTED}\" text-anchor=\"middle\">"
    );
    for (level, _) in &chart.levels {
        let x = x_of(f64::from(*level));
        let _ = write!(
            body,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\"/><text x=\"{x}\" y=\"{}\">{level}</text>",
            fixed1(scale_top + 2.0),
            fixed1(height - 4.0),
            fixed1(scale_top),
            x = fixed1(x),
        );
    }
    body.push_str("</g>\n");
    body.push_str(&rows);

    document(
        "bars",
        (WIDTH, height),
        &title,
        &chart.description("Bar chart"),
        &body,
    )
}

/// One domain's (or group's) row from `top`, titled `label`; returns where the next row starts.
fn row(
    out: &mut String,
    chart: &Chart,
    index: usize,
    domain: &DomainPoint,
    label: &str,
    top: f64,
) -> f64 {
    let x_of = |value: f64| LEFT + (SCALE_RIGHT - LEFT) * chart.fraction(value);
    // Group rows come after the domains, with a class and number of their own.
    let _ = match index.checked_sub(chart.domains.len()) {
        Some(group) => write!(out, "<g class=\"group-bar\" data-group=\"{group}\">"),
        None => write!(out, "<g class=\"bar\" data-domain=\"{index}\">"),
    };
    // The title over the bar, wrapped to the scale's width, on a halo over the grid lines.
    let mut y = top + 12.0;
    for line in wrap(label, ((SCALE_RIGHT - LEFT) / (12.0 * 0.6)) as usize, 3) {
        let _ = write!(
            out,
            "<text class=\"bar-label\" x=\"{LEFT}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"{INK}\" {HALO}>{}</text>",
            fixed1(y),
            xml(&line)
        );
        y += LINE;
    }
    let bar_top = y - 6.0;
    let _ = write!(
        out,
        "<rect class=\"track\" x=\"{LEFT}\" y=\"{}\" width=\"{}\" height=\"{BAR}\" fill=\"#eef2f7\"/>",
        fixed1(bar_top),
        fixed1(SCALE_RIGHT - LEFT)
    );
    // The figures in words to the right of the bar, wrapped into the room there.
    let words = figures(chart, domain, true);
    let lines = wrap(
        &words,
        ((WIDTH - LEFT - FIGURES) / (11.0 * 0.6)) as usize,
        6,
    );
    let mut text_y = top + 12.0;
    for line in &lines {
        let _ = write!(
            out,
            "<text class=\"figures\" x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{INK}\">{}</text>",
            fixed1(FIGURES),
            fixed1(text_y),
            xml(line)
        );
        text_y += LINE;
    }
    let bottom = (bar_top + BAR + STRIP + 14.0).max(text_y);
    if domain.score.is_none() {
        out.push_str("</g>\n");
        return bottom;
    }
    let level_x = x_of(domain.drawn());
    let _ = write!(
        out,
        "<rect class=\"{}\" x=\"{LEFT}\" y=\"{}\" width=\"{}\" height=\"{BAR}\" fill=\"{}\"/>",
        LEVEL.class,
        fixed1(bar_top),
        fixed1(level_x - LEFT),
        LEVEL.colour
    );
    if let Some(end) = Chart::progress_end(domain) {
        let _ = write!(
            out,
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{STRIP}\" fill=\"{}\"/>",
            PROGRESS.class,
            fixed1(level_x),
            fixed1(bar_top + BAR - STRIP),
            fixed1(x_of(end) - level_x),
            PROGRESS.colour
        );
    }
    if let Some(target) = domain.drawn_target() {
        let x = x_of(target);
        let _ = write!(
            out,
            "<g class=\"{}\"><line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" {}/>{}</g>",
            TARGET.class,
            fixed1(bar_top - 4.0),
            fixed1(bar_top + BAR + 4.0),
            TARGET.stroke(2.0),
            TARGET.marker(x_of(target), bar_top + BAR / 2.0, index),
            x = fixed1(x),
        );
    }
    out.push_str("</g>\n");
    bottom
}

/// The chart as `jsp chart` writes it.
pub fn render(
    chart: &Chart,
    _: &crate::render::Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(svg(chart).as_bytes())
}
