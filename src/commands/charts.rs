//! `jsp report --charts DIR`: the SVG charts written beside a markdown report, and the links to
//! them, relative to where the report is written so that a forge shows them.

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};
use crate::report::chart::{Chart, bars, radar};

/// Writes `radar.svg` and `bars.svg` into `dir` and returns each chart's description and its
/// link target as seen from the folder of `output` (or `dir` as given when the report goes to
/// standard output).
pub fn write_beside(
    chart: &Chart,
    dir: &Path,
    output: Option<&Path>,
) -> Result<Vec<(String, String)>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let base = output
        .map(|file| match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        })
        .and_then(|folder| {
            let from = folder.canonicalize().ok()?;
            let to = dir.canonicalize().ok()?;
            Some(relative(&from, &to))
        })
        .unwrap_or_else(|| dir.to_path_buf());
    let mut links = Vec::new();
    for (file, description, svg) in [
        (
            "radar.svg",
            "Radar chart: score per domain",
            radar::svg(chart),
        ),
        (
            "bars.svg",
            "Bar chart: level, score and progress per domain",
            bars::svg(chart),
        ),
    ] {
        crate::files::write_atomic(&dir.join(file), svg.as_bytes())?;
        links.push((description.to_string(), link_target(&base.join(file))));
    }
    Ok(links)
}

/// The path from folder `from` to `to`, both absolute.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for component in to.iter().skip(common) {
        path.push(component.as_os_str());
    }
    path
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
    fn links_are_relative_to_the_report() {
        assert_eq!(
            relative(Path::new("/r/docs"), Path::new("/r/docs/charts")),
            PathBuf::from("charts")
        );
        assert_eq!(
            relative(Path::new("/r/docs"), Path::new("/r/img")),
            PathBuf::from("../img")
        );
        assert_eq!(relative(Path::new("/r"), Path::new("/r")), PathBuf::new());
    }

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
