//! `jsp list` and `jsp show`: the questionnaires found, and one of them whole or by reference.

use crate::cli::{ListArgs, ListFormat, ShowArgs, ShowFormat};
use crate::crosswalk::render::Crosswalk;
use crate::exit::Exit;
use crate::{catalog, crosswalk, questionnaire};

use super::{Context, output};

pub(super) fn list(context: &Context, args: &ListArgs) -> anyhow::Result<Exit> {
    let entries = context.all()?;
    let destination = output::Destination::new(None);
    let style = &destination.style;
    output::emit(destination, |out| match args.format {
        ListFormat::Table => catalog::render::table::render(&entries, style, out),
        ListFormat::Json => catalog::render::json::render(&entries, style, out),
    })?;
    Ok(Exit::Success)
}

pub(super) fn show(context: &Context, args: &ShowArgs) -> anyhow::Result<Exit> {
    let entry = context.find(&args.questionnaire)?;
    let q = &entry.questionnaire;
    if matches!(args.format, ShowFormat::Csv) && !args.by_reference {
        return Err(crate::error::Error::usage(
            "--format csv lists the crosswalk: add --by-reference\n  hint: `jsp show QUESTIONNAIRE --by-reference --format csv`",
        )
        .into());
    }
    let destination = output::Destination::new(args.output.as_deref());
    if args.by_reference {
        let files = context.catalog.standards(&entry)?;
        let standards = crosswalk::with_files(crosswalk::crosswalk(q, None), &files, false);
        let view = Crosswalk {
            questionnaire: q,
            standards: &standards,
        };
        let style = &destination.style;
        output::emit(destination, |out| match args.format {
            ShowFormat::Table => crosswalk::render::table::render(&view, style, out),
            ShowFormat::Markdown => crosswalk::render::markdown::render(&view, style, out),
            ShowFormat::Json => crosswalk::render::json::render(&view, style, out),
            ShowFormat::Csv => crosswalk::render::csv::render(&view, style, out),
        })?;
    } else {
        let style = &destination.style;
        output::emit(destination, |out| match args.format {
            ShowFormat::Table => questionnaire::render::table::render(q, style, out),
            ShowFormat::Markdown => questionnaire::render::markdown::render(q, style, out),
            ShowFormat::Json => questionnaire::render::json::render(q, style, out),
            ShowFormat::Csv => Err(std::io::Error::other(
                "csv is a format of `jsp show --by-reference` only",
            )),
        })?;
    }
    Ok(Exit::Success)
}
