//! `jsp validate`: questionnaire, answers, target and jsp.toml files checked, every problem of
//! every file reported.

use std::path::{Path, PathBuf};

use crate::cli::ValidateArgs;
use crate::config::Config;
use crate::error::{Error, Result, Warning};
use crate::exit::Exit;
use crate::questionnaire::Questionnaire;
use crate::target::Target;

use super::{Context, output};

pub(super) fn run(context: &Context, args: &ValidateArgs) -> anyhow::Result<Exit> {
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && (crate::files::is_yaml(p) || p.extension().is_some_and(|e| e == "toml"))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let as_of = super::evidence::as_of(args.as_of.as_deref())?;
    let mut errors = Vec::new();
    for file in files {
        match validate(context, &file, as_of) {
            Ok(summary) => output::print(&format!(
                "{}: ok, {summary}\n",
                crate::text::printable(&file.display().to_string())
            ))?,
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(Exit::Success)
    } else {
        Err(Error::Many { errors }.into())
    }
}

/// One file checked as what its name and content say it is; what it holds, in a few words.
fn validate(context: &Context, path: &Path, as_of: time::Date) -> Result<String> {
    let text = crate::files::read_text(path)?;
    if path
        .file_name()
        .is_some_and(|n| n == crate::config::FILE_NAME)
    {
        return validate_config(context, path, &text);
    }
    if path.extension().is_some_and(|e| e == "toml") {
        return validate_target(context, path, &text);
    }
    // A questionnaire has domains; an answers file names its questionnaire.
    let is_questionnaire = text.lines().any(|l| l.starts_with("domains:"));
    if is_questionnaire {
        let (questionnaire, warnings) = Questionnaire::parse(&text, path)?;
        super::print_warnings(&warnings);
        Ok(format!(
            "questionnaire `{}` with {} domains and {} questions",
            questionnaire.id,
            questionnaire.domains.len(),
            questionnaire.question_count()
        ))
    } else {
        let loaded = context.load_text(path, text)?;
        check_evidence(context, &loaded, path, as_of)?;
        Ok(format!(
            "answers to `{}`: {} of {} questions answered",
            loaded.questionnaire().id,
            loaded.answers.answers.len(),
            loaded.questionnaire().question_count()
        ))
    }
}

/// The evidence of an answers file, as `jsp evidence` reviews it (jsp.toml's target sets the
/// maximum age where it has one and fits): paths not there are errors, old items warnings, by
/// [`crate::evidence::Status::weight`].
fn check_evidence(
    context: &Context,
    loaded: &super::Loaded,
    path: &Path,
    as_of: time::Date,
) -> Result<()> {
    // jsp.toml's target may be another questionnaire's: its maximum age is used where it
    // fits, and the target itself is checked as the jsp.toml it belongs to.
    let target = context.target(None, loaded.questionnaire()).ok().flatten();
    let review = super::evidence::review(loaded, path, target.as_ref(), as_of);
    let (errors, warnings) = review.problems(&loaded.text);
    let warnings: Vec<Warning> = warnings
        .into_iter()
        .map(|problem| Warning {
            path: path.to_path_buf(),
            problem,
        })
        .collect();
    super::print_warnings(&warnings);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid {
            path: path.to_path_buf(),
            problems: errors,
        })
    }
}

/// A target profile, checked against the questionnaires it may apply to.
fn validate_target(context: &Context, path: &Path, text: &str) -> Result<String> {
    let target = Target::parse(text, path)?;
    let problems = target.problems(&context.catalog, None, text)?;
    if !problems.is_empty() {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    // The top level applies to any questionnaire: checked against each, as `score` would;
    // it is fine if one takes it.
    let mut fits = Vec::new();
    let mut fewest: Option<Vec<crate::error::Problem>> = None;
    if target.default.is_some() || !target.domains.is_empty() || !target.questions.is_empty() {
        for entry in context.all()? {
            let problems = target.problems(&context.catalog, Some(&entry.questionnaire), text)?;
            if problems.is_empty() {
                fits.push(format!("`{}`", entry.questionnaire.id));
            } else if fewest.as_ref().is_none_or(|f| problems.len() < f.len()) {
                fewest = Some(problems);
            }
        }
        if fits.is_empty()
            && let Some(problems) = fewest
        {
            return Err(Error::Invalid {
                path: path.to_path_buf(),
                problems,
            });
        }
    }
    let count = target.domain_count();
    let mut summary = format!(
        "a target for {count} domain{}",
        if count == 1 { "" } else { "s" }
    );
    if !fits.is_empty() {
        summary.push_str(&format!(" that fits {}", fits.join(", ")));
    }
    if !target.roles.is_empty() {
        let roles: Vec<&str> = target.roles.keys().map(String::as_str).collect();
        summary.push_str(&format!(", with sections for {}", roles.join(", ")));
    }
    Ok(summary)
}

/// A jsp.toml: its keys, and the questionnaire and target it names.
fn validate_config(context: &Context, path: &Path, text: &str) -> Result<String> {
    let config = Config::load(path)?;
    if let Some(id) = &config.questionnaire {
        let mut warnings = Vec::new();
        let entry = context.catalog.find_named(id, path, text, &mut warnings)?;
        super::print_warnings(&warnings);
        if let Some(target) = &config.target {
            Target::load(target, &entry.questionnaire, &context.catalog)
                .map_err(super::named_by_config)?;
        }
    } else if let Some(target) = &config.target {
        // No questionnaire to hold it to: the target is checked as `jsp validate TARGET` would.
        let text = crate::files::read_text(target).map_err(super::named_by_config)?;
        validate_target(context, target, &text)?;
    }
    Ok("project defaults".to_string())
}
