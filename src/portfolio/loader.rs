//! Finding the answers files of a portfolio and reading them in parallel into a [`Portfolio`].
//!
//! The questionnaire is loaded once. Readers take files in turn and send back each file's small
//! [`Summary`] through a bounded channel; the calling thread counts it in and drops it, so memory
//! stays flat however many files there are.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{Portfolio, Summary};
use crate::answers::Answers;
use crate::catalog::Catalog;
use crate::error::{Error, Problem, Result, Warning};
use crate::questionnaire::Questionnaire;
use crate::text::line_of_key;

#[derive(Debug, Clone)]
pub struct Options {
    /// The questionnaire every file must answer; without it, the first readable file's.
    pub questionnaire: Option<String>,
    /// Report broken files and go on without them, instead of failing.
    pub keep_going: bool,
    /// Files read at once.
    pub jobs: NonZeroUsize,
}

/// The files that `paths` name: files as given, folders searched recursively for `*.yaml` and
/// `*.yml` (hidden folders left out), patterns such as `sites/*/answers.yaml` expanded. Sorted,
/// each file once.
pub fn find_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            walk(path, &mut files)?;
            if files.len() == before {
                return Err(Error::invalid(
                    path,
                    Problem::new("the folder holds no .yaml or .yml file")
                        .hint("name the folder that holds the answers files"),
                ));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            expand(path, &mut files)?;
        }
    }
    files.sort();
    // One file reached by two names (`sites ./sites`, a link) is counted once.
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|file| crate::files::identity(file).is_none_or(|id| seen.insert(id)));
    Ok(files)
}

fn walk(folder: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let read_error = |source| Error::Read {
        path: folder.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(folder).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let path = entry.path();
        // Symbolic links to folders are not followed: they could loop.
        let kind = entry.file_type().map_err(read_error)?;
        if kind.is_dir() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                walk(&path, files)?;
            }
        } else if crate::files::is_yaml(&path) && path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

/// A path that does not exist may be a pattern the shell left alone (quoted, or in a script).
fn expand(path: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let pattern = path.to_string_lossy();
    if !pattern.contains(['*', '?', '[']) {
        return Err(Error::invalid(
            path,
            Problem::new("no such file or folder")
                .hint("name answers files, folders of them, or a pattern such as 'sites/*.yaml'"),
        ));
    }
    let compiled = glob::Pattern::new(&pattern).map_err(|error| {
        Error::invalid(
            path,
            Problem::new(format!("not a valid pattern: {}", error.msg))
                .hint("`*` matches within a name, `**` across folders, `?` one character, `[ab]` one of a set"),
        )
    })?;
    // The folders before the first wildcard, where the search starts.
    let base: PathBuf = path
        .components()
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[']))
        .collect();
    let before = files.len();
    search(&base, &compiled, files)?;
    if files.len() == before {
        return Err(Error::invalid(
            path,
            Problem::new("the pattern matches no file")
                .hint("check the pattern; quote it so that the shell passes it on unexpanded"),
        ));
    }
    Ok(())
}

/// Every path under `folder` that `pattern` matches: a file as it is, a folder walked. The
/// search descends through no symbolic link to a folder (the glob crate does, round a loop:
/// two answers files were counted as 82), and
/// `*` matches no hidden name unless the pattern spells its dot.
fn search(folder: &Path, pattern: &glob::Pattern, files: &mut Vec<PathBuf>) -> Result<()> {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    let read_error = |source| Error::Read {
        path: folder.to_path_buf(),
        source,
    };
    let listing = if folder.as_os_str().is_empty() {
        std::fs::read_dir(".")
    } else {
        std::fs::read_dir(folder)
    };
    let Ok(listing) = listing else {
        return Ok(());
    };
    for entry in listing {
        let entry = entry.map_err(read_error)?;
        let path = folder.join(entry.file_name());
        let kind = entry.file_type().map_err(read_error)?;
        if pattern.matches_path_with(&path, options) {
            // A link the pattern names is followed once: `walk` follows no further one.
            if path.is_dir() {
                walk(&path, files)?;
            } else {
                files.push(path);
            }
        } else if kind.is_dir() {
            search(&path, pattern, files)?;
        }
    }
    Ok(())
}

/// One file read: its summary and its warnings, or why it could not be read.
type Outcome = Result<(Summary, Vec<Warning>)>;

/// Reads every file into a portfolio. Broken files fail the whole run (every one reported)
/// unless `options.keep_going`, which records them in the portfolio as skipped. The warnings
/// come back in file order, for the caller to print.
pub fn load(
    catalog: &Catalog,
    files: &[PathBuf],
    options: &Options,
) -> Result<(Questionnaire, Portfolio, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let mut failures: Vec<(usize, Error)> = Vec::new();
    let mut first = None;
    let questionnaire = match &options.questionnaire {
        Some(name) => catalog.find(name, &mut warnings)?.questionnaire,
        None => {
            // The first file that can be read names the questionnaire of the portfolio.
            let mut found = None;
            for (index, path) in files.iter().enumerate() {
                match first_file(catalog, path, &mut warnings) {
                    Ok((questionnaire, outcome)) => {
                        found = Some(questionnaire);
                        first = Some((index, outcome));
                        break;
                    }
                    Err(error) => failures.push((index, error)),
                }
            }
            match found {
                Some(questionnaire) => questionnaire,
                None => return Err(failed(failures, options.keep_going)),
            }
        }
    };

    let mut portfolio = Portfolio::new(&questionnaire);
    let mut file_warnings: Vec<(usize, Vec<Warning>)> = Vec::new();
    let mut count = |index: usize, outcome: Outcome, portfolio: &mut Portfolio| match outcome {
        Ok((summary, warnings)) => {
            portfolio.add(summary);
            if !warnings.is_empty() {
                file_warnings.push((index, warnings));
            }
        }
        Err(error) => failures.push((index, error)),
    };
    let start = match first {
        Some((index, outcome)) => {
            count(index, outcome, &mut portfolio);
            index + 1
        }
        None => 0,
    };
    let rest = files.get(start..).unwrap_or_default();
    let jobs = options.jobs.get().min(rest.len().max(1));
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::sync_channel::<(usize, Outcome)>(jobs * 4);
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, questionnaire) = (&next, &questionnaire);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = rest.get(index) else { break };
                    if sender.send((index, read(path, questionnaire))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (index, outcome) in receiver {
            count(start + index, outcome, &mut portfolio);
        }
    });

    file_warnings.sort_by_key(|(index, _)| *index);
    warnings.extend(file_warnings.into_iter().flat_map(|(_, w)| w));
    if !failures.is_empty() {
        failures.sort_by_key(|(index, _)| *index);
        if !options.keep_going {
            return Err(failed(failures, false));
        }
        for (index, error) in failures {
            if let Some(path) = files.get(index) {
                portfolio.skip(path, error.to_string());
            }
        }
    }
    if portfolio.assessments() == 0 {
        return Err(Error::usage(
            "no answers file could be read\n  hint: see the messages above",
        ));
    }
    portfolio.sort();
    Ok((questionnaire, portfolio, warnings))
}

/// Every broken file, and what to do about them.
fn failed(failures: Vec<(usize, Error)>, keep_going: bool) -> Error {
    let mut errors: Vec<Error> = failures.into_iter().map(|(_, error)| error).collect();
    errors.push(Error::usage(if keep_going {
        "no answers file could be read"
    } else {
        "  hint: fix the files above, or leave them out with --keep-going"
    }));
    Error::Many { errors }
}

/// Reads the first file, and the questionnaire it names.
fn first_file(
    catalog: &Catalog,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<(Questionnaire, Outcome)> {
    let (answers, text) = Answers::load(path)?;
    let questionnaire = catalog
        .find_named(&answers.questionnaire, path, &text, warnings)?
        .questionnaire;
    let outcome = summarize(path, answers, &text, &questionnaire);
    Ok((questionnaire, outcome))
}

fn read(path: &Path, questionnaire: &Questionnaire) -> Outcome {
    let (answers, text) = Answers::load(path)?;
    summarize(path, answers, &text, questionnaire)
}

/// Checks an answers file against the portfolio's questionnaire and scores it.
fn summarize(path: &Path, answers: Answers, text: &str, questionnaire: &Questionnaire) -> Outcome {
    if answers.questionnaire != questionnaire.id {
        return Err(Error::invalid(
            path,
            Problem::new(format!(
                "the file answers `{}`, but the portfolio is of `{}`",
                answers.questionnaire, questionnaire.id
            ))
            .at(line_of_key(text, "questionnaire"))
            .hint("aggregate the answers of one questionnaire at a time; --questionnaire names it"),
        ));
    }
    let warnings = answers.check(questionnaire, text, path)?;
    let card = crate::scoring::score(questionnaire, &answers, None);
    Ok((Summary::new(path, answers, &card), warnings))
}
