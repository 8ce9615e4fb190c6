//! `jsp history`: every committed version of an answers file, scored, with the trend per
//! domain and overall; the file as it is on disk is the last point when it has changed since.

use std::path::Path;

use crate::answers::Answers;
use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::{Error, Problem};
use crate::exit::Exit;
use crate::git;
use crate::history::render::{csv, json, markdown, svg, table};
use crate::history::{History, Version};

use super::{Context, Loaded, output};

pub(super) fn run(context: &Context, args: &HistoryArgs) -> anyhow::Result<Exit> {
    if let Some(since) = &args.since {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(since, &format).map_err(|_| {
            Error::usage(format!(
                "`{since}` is not a date\n  hint: write it as YYYY-MM-DD, e.g. --since 2025-01-01"
            ))
        })?;
    }
    let path = args.answers.as_path();
    let loaded = context.load(path)?;
    let history = build(&loaded, path, args.since.as_deref())?;

    if let Some(chart) = &args.chart {
        check_not_input(chart, path)?;
        output::emit(output::Destination::new(Some(chart)), |out| {
            svg::render(&history, &Default::default(), out)
        })?;
    }
    let destination = output::Destination::new(args.output.as_deref());
    let style = &destination.style;
    output::emit(destination, |out| match args.format {
        HistoryFormat::Table => table::render(&history, style, out),
        HistoryFormat::Markdown => markdown::render(&history, style, out),
        HistoryFormat::Json => json::render(&history, style, out),
        HistoryFormat::Csv => csv::render(&history, style, out),
    })?;
    Ok(Exit::Success)
}

/// The history of `loaded`, read from `path` (`since`: commits on or after that day); what was
/// left out is said on stderr. Standard input has one point.
pub(super) fn build<'q>(
    loaded: &'q Loaded,
    path: &Path,
    since: Option<&str>,
) -> Result<History<'q>, Error> {
    let questionnaire = loaded.questionnaire();
    let stdin = path == Path::new("-");
    let on_disk = (!stdin).then_some(loaded.text.as_str());

    let mut versions = Vec::new();
    let mut last_committed = None;
    let mut single = None;
    let found = if stdin {
        Err("standard input has no history".to_string())
    } else {
        git::versions(path, since).map_err(|why| why.words())
    };
    match found {
        Ok(found) => {
            for version in found {
                let short: String = version.commit.chars().take(10).collect();
                match Answers::parse(&version.text, path) {
                    Ok(answers) if answers.questionnaire == questionnaire.id => {
                        last_committed = Some(version.text);
                        versions.push(Version {
                            commit: Some(version.commit),
                            date: version.date,
                            subject: version.subject,
                            answers,
                        });
                    }
                    Ok(answers) => super::note(
                        "left out",
                        &format!(
                            "{} at commit {short} answers `{}`, not `{}`",
                            path.display(),
                            answers.questionnaire,
                            questionnaire.id
                        ),
                    ),
                    Err(error) => super::note(
                        "left out",
                        &format!("{} at commit {short}: {error}", path.display()),
                    ),
                }
            }
        }
        Err(why) => single = Some(why),
    }
    if last_committed.is_none() || last_committed.as_deref() != on_disk {
        versions.push(Version {
            commit: None,
            date: loaded
                .answers
                .date
                .clone()
                .unwrap_or_else(|| "uncommitted".to_string()),
            subject: "the file as it is on disk".to_string(),
            answers: loaded.answers.clone(),
        });
    }
    if versions.len() == 1 && single.is_none() {
        single = Some(match since {
            Some(since) => format!("one version since {since}"),
            None => "the file has one version in git".to_string(),
        });
    }
    let mut history = History::score(questionnaire, path.display().to_string(), versions);
    history.single = single;
    Ok(history)
}

/// The chart must not replace the answers file it is drawn from.
fn check_not_input(chart: &Path, answers: &Path) -> Result<(), Error> {
    let same = match (chart.canonicalize(), answers.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::invalid(
            chart,
            Problem::new("is the answers file itself").hint("name another file for --chart"),
        ));
    }
    Ok(())
}
