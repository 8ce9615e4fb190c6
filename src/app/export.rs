//! `jsp export`: the assessment as a workbook to fill in without jsp.

use std::path::Path;

use crate::answers::{Answers, Kind};
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::Error;
use crate::exit::Exit;
use crate::roadmap::Roadmap;
use crate::workbook::export::{Export, write};

use super::{Context, Loaded, output};

pub(super) fn run(context: &Context, args: &ExportArgs) -> anyhow::Result<Exit> {
    let ExportFormat::Xlsx = args.format;
    refuse_existing(&args.output, args.force)?;
    let (loaded, input) = load(context, &args.input)?;
    let target = context.target(args.target.as_deref(), loaded.questionnaire())?;
    super::assess(&loaded, target.as_ref(), |assessment| {
        let roadmap = Roadmap::of(assessment);
        let bytes = write(&Export {
            assessment,
            roadmap: roadmap.as_ref(),
        })
        .map_err(|problems| Error::Invalid {
            path: input.clone(),
            problems,
        })?;
        output::emit(output::Destination::new(Some(&args.output)), |out| {
            out.write_all(&bytes)
        })?;
        Ok(Exit::Success)
    })
}

/// Refuses to replace a file without `--force`: an answers file or a workbook an assessor filled
/// in is lost by a slip of the `-o`.
pub(super) fn refuse_existing(path: &Path, force: bool) -> Result<(), Error> {
    if force || std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    Err(Error::usage(format!(
        "`{}` exists\n  hint: add --force to replace it, or name another file",
        path.display()
    )))
}

/// An answers file with its questionnaire; or a questionnaire (an id or a file) with no answers
/// yet. The path of what was read, for messages.
fn load(context: &Context, input: &str) -> anyhow::Result<(Loaded, std::path::PathBuf)> {
    let path = Path::new(input);
    let is_path = path.is_file() || input.contains(['/', '\\']) || crate::files::is_yaml(path);
    if is_path {
        let text = crate::files::read_text(path)?;
        if crate::answers::kind_of(&text, path) != Some(Kind::Questionnaire) {
            return Ok((context.load_text(path, text)?, path.to_path_buf()));
        }
    }
    let entry = context.find(input)?;
    let answers = Answers {
        questionnaire: entry.questionnaire.id.clone(),
        version: Some(entry.questionnaire.version.clone()),
        ..Answers::default()
    };
    let path = entry.path.clone();
    // No answers file: no text of one.
    let text = String::new();
    Ok((
        Loaded {
            entry,
            answers,
            text,
        },
        path,
    ))
}
