//! A bar per domain: the score on the level scale with the target and the industry average
//! marked on it, the level reached, and a thin bar of the progress toward the next level.

use std::fmt::Write;

use super::{
    BENCHMARK, Chart, DomainPoint, GRID, INK, MUTED, SCORE, TARGET, fixed1, fixed2, open,
    series_legend, xml,
};

const WIDTH: f64 = 760.0;
const LEFT: f64 = 20.0;
/// The right end of the score scale; the figures stand to its right.
const SCALE_RIGHT: f64 = 460.0;
const ROW: f64 = 54.0;
const TOP: f64 = 104.0;
const NEXT_BAR: f64 = 120.0;

/// The bar chart of `chart` as an SVG document.
pub fn svg(chart: &Chart) -> String {
    let count = chart.domains.len();
    let height = TOP + count as f64 * ROW + 8.0;
    let title = format!("Maturity level and score by domain: {}", chart.subject);
    let mut out = String::new();
    open(
        &mut out,
        "bars",
        WIDTH,
        height,
        &title,
        &chart.description("Bar chart"),
    );
    let _ = writeln!(
        out,
        "<text x=\"{LEFT}\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        xml(&crate::render::clip(
            &title,
            ((WIDTH - 2.0 * LEFT) / (16.0 * 0.6)) as usize
        ))
    );
    series_legend(&mut out, chart, LEFT, 50.0);
    let names: Vec<String> = chart
        .levels
        .iter()
        .map(|(level, name)| format!("{level} {name}"))
        .collect();
    let _ = writeln!(
        out,
        "<text class=\"level-names\" x=\"{LEFT}\" y=\"72\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
        xml(&crate::render::clip(
            &format!("Levels: {}", names.join(" · ")),
            110
        ))
    );

    // A grid line and number per level across every row.
    let x_of = |value: f64| LEFT + (SCALE_RIGHT - LEFT) * chart.fraction(value);
    let _ = write!(
        out,
        "<g class=\"scale\" font-size=\"10\" fill=\"{MUTED}\" text-anchor=\"middle\">"
    );
    for (level, _) in &chart.levels {
        let x = x_of(f64::from(*level));
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\"/><text x=\"{x}\" y=\"{}\">{level}</text>",
            fixed1(TOP - 10.0),
            fixed1(height - 8.0),
            fixed1(TOP - 14.0),
            x = fixed1(x),
        );
    }
    out.push_str("</g>\n");

    for (index, domain) in chart.domains.iter().enumerate() {
        row(&mut out, chart, index, domain, TOP + index as f64 * ROW);
    }
    out.push_str("</svg>\n");
    out
}

fn row(out: &mut String, chart: &Chart, index: usize, domain: &DomainPoint, top: f64) {
    let x_of = |value: f64| LEFT + (SCALE_RIGHT - LEFT) * chart.fraction(value);
    let room = ((WIDTH - 2.0 * LEFT) / (12.0 * 0.6)) as usize;
    let _ = write!(
        out,
        "<g class=\"bar\"><text class=\"bar-label\" x=\"{LEFT}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" fill=\"{INK}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}. {}</text>",
        fixed1(top + 12.0),
        index + 1,
        xml(&crate::render::clip(&domain.title, room.saturating_sub(4)))
    );
    let bar_top = top + 18.0;
    let _ = write!(
        out,
        "<rect x=\"{LEFT}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"#eef2f7\"/>",
        fixed1(bar_top),
        fixed1(SCALE_RIGHT - LEFT)
    );
    let Some(score) = domain.score else {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{MUTED}\">Not applicable</text></g>",
            fixed1(SCALE_RIGHT + 12.0),
            fixed1(bar_top + 10.0)
        );
        return;
    };
    let _ = write!(
        out,
        "<rect class=\"{}\" x=\"{LEFT}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{}\"/>",
        SCORE.class,
        fixed1(bar_top),
        fixed1(x_of(score) - LEFT),
        SCORE.colour
    );
    for (style, value) in [
        (TARGET, domain.target.map(f64::from)),
        (BENCHMARK, domain.benchmark),
    ] {
        if let Some(value) = value {
            let x = x_of(value);
            let _ = write!(
                out,
                "<g class=\"{}\"><line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" {}/>{}</g>",
                style.class,
                fixed1(bar_top - 3.0),
                fixed1(bar_top + 15.0),
                style.stroke(2.0),
                style.marker(x_of(value), bar_top + 6.0),
                x = fixed1(x),
            );
        }
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{INK}\">Level {} {} · {}</text>",
        fixed1(SCALE_RIGHT + 12.0),
        fixed1(bar_top + 10.0),
        domain.level,
        xml(chart.level_name(domain.level)),
        fixed2(score)
    );

    // Progress toward the next level, with the target in words.
    let next_top = bar_top + 20.0;
    let mut words = match domain.next {
        Some(next) => {
            let _ = write!(
                out,
                "<rect x=\"{LEFT}\" y=\"{}\" width=\"{NEXT_BAR}\" height=\"6\" fill=\"#eef2f7\"/><rect class=\"next-progress\" x=\"{LEFT}\" y=\"{}\" width=\"{}\" height=\"6\" fill=\"{MUTED}\"/>",
                fixed1(next_top),
                fixed1(next_top),
                fixed1(NEXT_BAR * next.progress.clamp(0.0, 1.0))
            );
            format!(
                "Next: level {} {}, {} of {} met",
                next.level,
                chart.level_name(next.level),
                next.met,
                next.questions
            )
        }
        None => "Top level reached".to_string(),
    };
    if let Some(target) = domain.target {
        let gap = target.saturating_sub(domain.level);
        if gap == 0 {
            let _ = write!(words, " · target {target} met");
        } else {
            let _ = write!(words, " · target {target}, {gap} below");
        }
    }
    let x = if domain.next.is_some() {
        LEFT + NEXT_BAR + 8.0
    } else {
        LEFT
    };
    let room = ((WIDTH - LEFT - x) / (11.0 * 0.6)) as usize;
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{MUTED}\">{}</text></g>",
        fixed1(x),
        fixed1(next_top + 6.0),
        xml(&crate::render::clip(&words, room))
    );
}

/// The chart as `jsp chart` writes it.
pub fn render(
    chart: &Chart,
    _: &crate::render::Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(svg(chart).as_bytes())
}
