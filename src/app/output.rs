//! Where results go and how they look: standard output or `-o FILE` in `--format`, and any
//! number of `--out FORMAT=FILE`, so that one CI step gates, publishes test results and keeps
//! the report. A file written with `--out` holds the same bytes as the same format on standard
//! output; the style (width, colour) is the terminal's only where the output is a terminal.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context as _;

use crate::cli::Output;
use crate::error::Error;
use crate::render::Style;

/// Where one rendering goes: its file (`None`: standard output), and the style it gets there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Destination<'a> {
    pub path: Option<&'a Path>,
    pub style: Style,
    /// Standard output, and a terminal: what is written must be printable.
    pub terminal: bool,
}

impl<'a> Destination<'a> {
    /// `path`, or standard output when `None`, with the style that fits it.
    pub fn new(path: Option<&'a Path>) -> Self {
        let terminal = path.is_none() && io::stdout().is_terminal();
        Destination {
            path,
            style: Style {
                width: table_width(terminal),
                colour: terminal && colour_allowed(),
            },
            terminal,
        }
    }

    /// A file named by `--out`: never a terminal.
    fn file(path: &'a Path) -> Self {
        Destination {
            path: Some(path),
            style: Style {
                width: table_width(false),
                colour: false,
            },
            terminal: false,
        }
    }
}

/// Refuses to write one file twice in a run: the last write would silently win.
pub(crate) fn check_distinct<F>(output: Option<&Path>, outs: &[Output<F>]) -> Result<(), Error> {
    let mut seen: Vec<&Path> = output.into_iter().collect();
    for out in outs {
        if seen.contains(&out.path.as_path()) {
            return Err(Error::usage(format!(
                "`{}` is named twice as an output\n  hint: give each format its own file",
                out.path.display()
            )));
        }
        seen.push(&out.path);
    }
    Ok(())
}

/// Writes `--format` to stdout (or `-o`), then every `--out` file, each rendered by `render`
/// in its format for its destination.
pub(crate) fn write_all<F: Copy>(
    format: F,
    output: Option<&Path>,
    outs: &[Output<F>],
    render: impl Fn(F, Destination, &mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    // Every destination checked before the first is written: all or none.
    for path in output
        .into_iter()
        .chain(outs.iter().map(|out| out.path.as_path()))
    {
        crate::files::check_not_an_input(path)?;
    }
    let main = Destination::new(output);
    emit(main, |out| render(format, main, out))?;
    for out in outs {
        let destination = Destination::file(&out.path);
        emit(destination, |w| render(out.format, destination, w))?;
    }
    Ok(())
}

/// True when `format` is written at all: by `--format` or by one of the `--out`s.
pub(crate) fn writes<F: PartialEq>(format: &F, main: &F, outs: &[Output<F>]) -> bool {
    main == format || outs.iter().any(|out| out.format == *format)
}

/// Writes to the destination's file (atomically: the old file or the new one, never half of
/// either) or to standard output, where a closed pipe (`| head`) ends the output quietly.
pub(crate) fn emit(
    destination: Destination,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = destination.path {
        return Ok(crate::files::write_output(path, write)?);
    }
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

/// [`emit`], and when `verbatim` (a format that quotes file content as it is, CSV) on a
/// terminal, each line through the printable filter, so that a file name or a note cannot
/// rewrite the screen.
pub(crate) fn emit_verbatim(
    destination: Destination,
    verbatim: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    if !(verbatim && destination.terminal) {
        return emit(destination, write);
    }
    let mut bytes = Vec::new();
    write(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let shown = crate::text::printable_lines(text.trim_end_matches('\n').trim_end_matches('\r'));
    emit(destination, |out| writeln!(out, "{shown}"))
}

/// Text to standard output.
pub(crate) fn print(text: &str) -> anyhow::Result<()> {
    emit(Destination::new(None), |out| out.write_all(text.as_bytes()))
}

/// Colour only where the user has not asked for none (<https://no-color.org>).
fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `COLUMNS` when set, else the terminal's width, else no limit.
fn table_width(terminal: bool) -> Option<u16> {
    if let Some(columns) = columns() {
        return Some(columns);
    }
    // comfy-table asks the terminal for its size when stdout is one.
    terminal
        .then(|| comfy_table::Table::new().width())
        .flatten()
}

/// The width the interview wraps to: `COLUMNS`, else the terminal's (it writes to stderr).
pub(crate) fn interview_width() -> usize {
    columns()
        .or_else(|| comfy_table::Table::new().use_stderr().width())
        .map_or(80, usize::from)
}

fn columns() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::cli::ScoreFormat;

    #[test]
    fn one_file_named_twice_is_refused() {
        let outs = vec![
            Output {
                format: ScoreFormat::Json,
                path: PathBuf::from("a"),
            },
            Output {
                format: ScoreFormat::Junit,
                path: PathBuf::from("b"),
            },
        ];
        assert!(check_distinct(None, &outs).is_ok());
        assert!(check_distinct(Some(Path::new("b")), &outs).is_err());
    }
}
