//! `jsp report`: the whole assessment in markdown, JSON or HTML, with charts beside a markdown
//! report and the crosswalk when asked.

use crate::cli::{ReportArgs, ReportFormat};
use crate::error::Error;
use crate::exit::Exit;
use crate::report::chart::Chart;
use crate::report::{Report, html, json, markdown};
use crate::roadmap::Roadmap;

use super::{Context, chart, output};

pub(super) fn run(context: &Context, args: ReportArgs) -> anyhow::Result<Exit> {
    output::check_distinct(args.output.as_deref(), &args.out)?;
    let writes = |format| output::writes(&format, &args.format, &args.out);
    if args.charts.is_some() && !writes(ReportFormat::Markdown) {
        return Err(Error::usage(
            "--charts writes SVG files for a markdown report\n  hint: add --format markdown or --out markdown=FILE; the HTML report draws its charts inline",
        )
        .into());
    }
    let as_of = super::evidence::as_of(args.as_of.as_deref())?;
    let loaded = context.load(&args.answers)?;
    let questionnaire = loaded.questionnaire();
    let target = context.target(args.target.as_deref(), questionnaire)?;
    let evidence = super::evidence::review(&loaded, &args.answers, target.as_ref(), as_of);
    let history = if args.history {
        Some(super::history::build(&loaded, &args.answers, None)?)
    } else {
        None
    };
    let crosswalk = if args.by_reference {
        let files = context.catalog.standards(&loaded.entry)?;
        let walk = crate::crosswalk::crosswalk(questionnaire, Some(&loaded.answers));
        Some(crate::crosswalk::with_files(walk, &files, true))
    } else {
        None
    };
    // No file is written when any destination is an input: the charts neither.
    let charts = args.charts.iter().flat_map(|dir| chart::files(dir));
    let destinations = args
        .output
        .iter()
        .chain(args.out.iter().map(|out| &out.path));
    for path in destinations.cloned().chain(charts) {
        crate::files::check_not_an_input(&path)?;
    }
    super::assess(&loaded, target.as_ref(), |assessment| {
        if let Some(dir) = &args.charts {
            chart::write_files(&Chart::from_assessment(assessment), dir)?;
        }
        let roadmap = Roadmap::of(assessment);
        output::write_all(
            args.format,
            args.output.as_deref(),
            &args.out,
            |format, destination, out| {
                // Chart links are relative to the folder each report is written to.
                let charts = match &args.charts {
                    Some(dir) => chart::links(dir, destination.path),
                    None => Vec::new(),
                };
                let report = Report {
                    assessment,
                    roadmap: roadmap.as_ref(),
                    crosswalk: crosswalk.as_deref(),
                    charts: &charts,
                    questionnaire_file: loaded
                        .entry
                        .replaces_built_in()
                        .then_some(loaded.entry.path.as_path()),
                    evidence: &evidence,
                    history: history.as_ref(),
                };
                let style = &destination.style;
                match format {
                    ReportFormat::Markdown => markdown::report(&report, style, out),
                    ReportFormat::Json => json::report(&report, style, out),
                    ReportFormat::Html => html::report(&report, style, out),
                }
            },
        )?;
        Ok(Exit::Success)
    })
}
