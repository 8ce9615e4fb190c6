//! Where results go: standard output or `-o FILE` in `--format`, and any number of
//! `--out FORMAT=FILE`, so that one CI step gates, publishes test results and keeps the report.
//! Each command renders its formats in one function here, used for every destination, so that
//! a file written with `--out` holds the same bytes as the same format on standard output.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cli::{ReportFormat, ScoreFormat};
use crate::error::{Error, Result};
use crate::gates::Gates;
use crate::report::{self, Assessment};

/// One `--out FORMAT=FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output<F> {
    pub format: F,
    pub path: PathBuf,
}

/// Parses `FORMAT=FILE` for clap; the message lists the formats when the format is wrong.
pub fn parse<F: ValueEnum>(value: &str) -> Result<Output<F>, String> {
    let formats = format_names::<F>().join(", ");
    let example = "as in --out markdown=report.md";
    let Some((name, path)) = value.split_once('=') else {
        return Err(format!(
            "expected FORMAT=FILE, {example}\n  hint: the formats are {formats}"
        ));
    };
    let format = F::from_str(name.trim(), true).map_err(|_| {
        format!("`{name}` is not a format here\n  hint: the formats are {formats}, {example}")
    })?;
    if path.is_empty() {
        return Err(format!("no file after `{name}=`\n  hint: {example}"));
    }
    Ok(Output {
        format,
        path: PathBuf::from(path),
    })
}

fn format_names<F: ValueEnum>() -> Vec<String> {
    F::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect()
}

/// Refuses to write one file twice in a run: the last write would silently win.
pub fn check_distinct<F>(output: Option<&Path>, outs: &[Output<F>]) -> Result<()> {
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

/// Where one rendering goes: its file (None: standard output), and whether that is a terminal.
#[derive(Debug, Clone, Copy)]
pub struct Destination<'a> {
    pub path: Option<&'a Path>,
    pub terminal: bool,
}

/// Writes `--format` to stdout (or `-o`), then every `--out` file, each rendered by `render`
/// from its format and its destination.
pub fn write<F: Copy>(
    format: F,
    output: Option<&Path>,
    outs: &[Output<F>],
    render: impl Fn(F, Destination) -> Result<String>,
) -> Result<()> {
    let terminal = output.is_none() && std::io::stdout().is_terminal();
    let main = Destination {
        path: output,
        terminal,
    };
    crate::commands::emit(output, &render(format, main)?)?;
    for out in outs {
        let destination = Destination {
            path: Some(&out.path),
            terminal: false,
        };
        crate::files::write_atomic(&out.path, render(out.format, destination)?.as_bytes())?;
    }
    Ok(())
}

/// True when `format` is written at all: by `--format` or by one of the `--out`s.
pub fn writes<F: PartialEq>(format: &F, main: &F, outs: &[Output<F>]) -> bool {
    main == format || outs.iter().any(|out| out.format == *format)
}

/// Every format of `jsp score`. `terminal` allows colour and the terminal's width in the table.
pub fn score_text(
    format: ScoreFormat,
    assessment: &Assessment,
    gates: &Gates,
    terminal: bool,
) -> Result<String> {
    Ok(match format {
        ScoreFormat::Table => report::table::render(
            assessment,
            crate::commands::table_width(terminal),
            terminal && crate::commands::colour_allowed(),
        ),
        ScoreFormat::Json => report::json::score(assessment),
        ScoreFormat::Markdown => report::markdown::score(assessment),
        ScoreFormat::Junit => report::junit::score(assessment, gates)?,
    })
}

/// Every format of `jsp report`; `extras` holds what the markdown and HTML reports may add.
pub fn report_text(
    format: ReportFormat,
    assessment: &Assessment,
    extras: &report::markdown::Extras,
) -> String {
    match format {
        ReportFormat::Markdown => report::markdown::report_with(assessment, extras),
        ReportFormat::Json => report::json::report(assessment),
        ReportFormat::Html => report::html::report(assessment, extras.crosswalk),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_format_and_file() {
        let out: Output<ScoreFormat> = parse("junit=reports/junit.xml").unwrap();
        assert_eq!(out.format, ScoreFormat::Junit);
        assert_eq!(out.path, PathBuf::from("reports/junit.xml"));
        let out: Output<ScoreFormat> = parse("Markdown=a=b.md").unwrap();
        assert_eq!(out.format, ScoreFormat::Markdown);
        assert_eq!(out.path, PathBuf::from("a=b.md"));
    }

    #[test]
    fn a_wrong_format_lists_the_formats() {
        let error = parse::<ScoreFormat>("xml=a.xml").unwrap_err();
        assert!(error.contains("`xml` is not a format"), "{error}");
        assert!(error.contains("table, json, markdown, junit"), "{error}");
        let error = parse::<ReportFormat>("junit.xml").unwrap_err();
        assert!(error.contains("FORMAT=FILE"), "{error}");
        assert!(error.contains("markdown, json"), "{error}");
        assert!(parse::<ScoreFormat>("json=").is_err());
    }

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
