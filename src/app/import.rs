//! `jsp import`: a filled-in workbook back into an answers file, all of it or nothing.

use crate::cli::ImportArgs;
use crate::error::{Error, Problem};
use crate::exit::Exit;
use crate::workbook::{MAX_FILE_BYTES, import};

use super::{Context, output};

pub(super) fn run(context: &Context, args: &ImportArgs) -> anyhow::Result<Exit> {
    if let Some(path) = &args.output {
        super::export::refuse_existing(path, args.force)?;
    }
    let path = args.workbook.as_path();
    let invalid = |problems: Vec<Problem>| Error::Invalid {
        path: path.to_path_buf(),
        problems,
    };
    let bytes = crate::files::read_bytes(path, MAX_FILE_BYTES, "a workbook")?;
    let sheets = import::open(&bytes).map_err(invalid)?;
    let named = sheets.questionnaire().unwrap_or_default();
    let entry = match &args.questionnaire {
        Some(name) => context.find(name)?,
        None => context.find(&named).map_err(|error| match error {
            Error::Usage { message } => invalid(vec![Problem::new(format!(
                "{}: {message}",
                sheets.questionnaire_place()
            ))]),
            other => other,
        })?,
    };
    let questionnaire = &entry.questionnaire;
    if questionnaire.id != named {
        return Err(invalid(vec![
            Problem::new(format!(
                "{}: the workbook answers `{named}`, not `{}`",
                sheets.questionnaire_place(),
                questionnaire.id
            ))
            .hint(format!(
                "name `{named}` with --questionnaire, or leave it out"
            )),
        ])
        .into());
    }
    let answers = sheets.answers(questionnaire).map_err(invalid)?;
    // What every answers file is checked for: the warnings (a version behind, `na` without a
    // note) are printed; the errors were all found above, cell by cell.
    let warnings = answers.check(questionnaire, "", path)?;
    super::print_warnings(&warnings);
    let text = answers
        .to_yaml(questionnaire)
        .map_err(|message| anyhow::anyhow!("cannot write the answers: {message}"))?;
    // The YAML writer escapes control characters: the text is safe on a terminal as it is.
    output::emit(output::Destination::new(args.output.as_deref()), |out| {
        out.write_all(text.as_bytes())
    })?;
    Ok(Exit::Success)
}
