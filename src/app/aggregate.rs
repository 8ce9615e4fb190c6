//! `jsp aggregate`: many answers files of one questionnaire summed up, read in parallel and
//! streamed, so that memory stays flat however many there are.

use crate::cli::{AggregateArgs, AggregateFormat};
use crate::exit::Exit;
use crate::portfolio::loader::{self, Options};
use crate::portfolio::render::{View, csv, json, markdown, table};

use super::{Context, output};

pub(super) fn run(context: &Context, args: AggregateArgs) -> anyhow::Result<Exit> {
    let files = loader::find_files(&args.paths)?;
    let options = Options {
        questionnaire: args.questionnaire,
        keep_going: args.keep_going,
        jobs: args.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN)
        }),
    };
    let (questionnaire, portfolio, warnings) = loader::load(&context.catalog, &files, &options)?;
    super::print_warnings(&warnings);
    for skipped in &portfolio.skipped {
        super::note("skipped", &skipped.message);
    }
    let view = View {
        questionnaire: &questionnaire,
        portfolio: &portfolio,
        top: args.top,
    };
    let destination = output::Destination::new(args.output.as_deref());
    let style = &destination.style;
    // CSV quotes the files' text as it is; the other formats escape it themselves.
    output::emit_verbatim(
        destination,
        matches!(args.format, AggregateFormat::Csv),
        |out| match args.format {
            AggregateFormat::Table => table::render(&view, style, out),
            AggregateFormat::Markdown => markdown::render(&view, style, out),
            AggregateFormat::Json => json::render(&view, style, out),
            AggregateFormat::Csv => csv::render(&view, style, out),
        },
    )?;
    Ok(Exit::Success)
}
