//! `jsp chart`: an assessment as an SVG chart; and `jsp report --charts DIR`: the charts written
//! beside a markdown report, with links to them relative to where each report is written, so
//! that a forge shows them.

use std::path::{Component, Path, PathBuf};

use crate::cli::{ChartArgs, ChartKind};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::report::chart::{Chart, bars, radar};

use super::{Context, output};

pub(super) fn run(context: &Context, args: &ChartArgs) -> anyhow::Result<Exit> {
    let loaded = context.load(&args.answers)?;
    let target = context.target(args.target.as_deref(), loaded.questionnaire())?;
    let chart = super::assess(&loaded, target.as_ref(), Chart::from_assessment);
    let destination = output::Destination::new(args.output.as_deref());
    let style = &destination.style;
    output::emit(destination, |out| match args.kind {
        ChartKind::Radar => radar::render(&chart, style, out),
        ChartKind::Bars => bars::render(&chart, style, out),
    })?;
    Ok(Exit::Success)
}

/// How a chart is drawn.
type Draw = fn(&Chart) -> String;

/// Each chart's file name, description and drawing.
const CHARTS: [(&str, &str, Draw); 2] = [
    (
        "radar.svg",
        "Radar chart: level against target per domain",
        radar::svg,
    ),
    (
        "bars.svg",
        "Bar chart: level against target and the next level's questions met per domain",
        bars::svg,
    ),
];

/// The files [`write_files`] writes into `dir`.
pub(super) fn files(dir: &Path) -> impl Iterator<Item = PathBuf> {
    CHARTS.iter().map(move |(file, _, _)| dir.join(file))
}

/// Writes `radar.svg` and `bars.svg` into `dir`, creating it when needed.
pub(super) fn write_files(chart: &Chart, dir: &Path) -> Result<()> {
    for file in files(dir) {
        crate::files::check_not_an_input(&file)?;
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    for (file, _, draw) in CHARTS {
        crate::files::write_output(&dir.join(file), |out| out.write_all(draw(chart).as_bytes()))?;
    }
    Ok(())
}

/// Each chart's description and its link target as seen from the folder of the report written
/// to `output` (or `dir` as given when the report goes to standard output).
pub(super) fn links(dir: &Path, output: Option<&Path>) -> Vec<(String, String)> {
    let base = output
        .map(|file| match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        })
        .and_then(|folder| {
            let from = folder.canonicalize().ok()?;
            let to = dir.canonicalize().ok()?;
            pathdiff::diff_paths(to, from)
        })
        .unwrap_or_else(|| dir.to_path_buf());
    CHARTS
        .iter()
        .map(|(file, description, _)| (description.to_string(), link_target(&base.join(file))))
        .collect()
}

/// A path as a markdown link target: `/` between components, anything unusual percent-encoded.
fn link_target(path: &Path) -> String {
    let mut out = String::new();
    let parts: Vec<String> = path
        .components()
        .filter(|c| *c != Component::CurDir)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let absolute = path.has_root();
    for (index, part) in parts.iter().enumerate() {
        if index > 0 && !(absolute && index == 1) {
            out.push('/');
        }
        if absolute && index == 0 {
            out.push('/');
            continue;
        }
        for byte in part.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(byte));
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_are_encoded() {
        assert_eq!(
            link_target(Path::new("./my charts/radar (1).svg")),
            "my%20charts/radar%20%281%29.svg"
        );
        assert_eq!(link_target(Path::new("../c/radar.svg")), "../c/radar.svg");
        assert_eq!(
            link_target(Path::new("/tmp/c/radar.svg")),
            "/tmp/c/radar.svg"
        );
    }
}
