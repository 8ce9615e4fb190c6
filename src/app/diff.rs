//! `jsp diff`: what changed between two assessments of one questionnaire.

use crate::answers::Answers;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::Diff;
use crate::diff::render::{json, markdown, table};
use crate::error::{Error, Problem};
use crate::exit::Exit;

use super::{Context, output};

pub(super) fn run(context: &Context, args: &DiffArgs) -> anyhow::Result<Exit> {
    let (old, old_text) = Answers::load(&args.old)?;
    let (new, new_text) = Answers::load(&args.new)?;
    if old.questionnaire != new.questionnaire {
        return Err(Error::invalid(
            &args.new,
            Problem::new(format!(
                "this file answers `{}`, but {} answers `{}`",
                new.questionnaire,
                args.old.display(),
                old.questionnaire
            ))
            .at(crate::text::line_of_key(&new_text, "questionnaire"))
            .hint("`jsp diff` compares two assessments of the same questionnaire"),
        )
        .into());
    }
    let mut warnings = Vec::new();
    let entry =
        context
            .catalog
            .find_named(&new.questionnaire, &args.new, &new_text, &mut warnings)?;
    let questionnaire = &entry.questionnaire;
    for (answers, text, path) in [(&old, &old_text, &args.old), (&new, &new_text, &args.new)] {
        warnings.extend(crate::diff::check(answers, questionnaire, text, path)?);
    }
    super::print_warnings(&warnings);
    let diff = Diff::compare(questionnaire, &old, &new);
    let destination = output::Destination::new(args.output.as_deref());
    let style = &destination.style;
    output::emit(destination, |out| match args.format {
        DiffFormat::Table => table::render(&diff, style, out),
        DiffFormat::Markdown => markdown::render(&diff, style, out),
        DiffFormat::Json => json::render(&diff, style, out),
    })?;
    Ok(Exit::Success)
}
