//! The library's one error type, and the diagnostics it carries.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::exit::Exit;

/// One thing wrong (or suspicious) in one file, with its place where known.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    #[must_use]
    pub fn at(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    #[must_use]
    pub fn column(mut self, column: Option<usize>) -> Self {
        self.column = column;
        self
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A TOML parse error, with the line and column of its span.
    pub fn from_toml(error: &toml::de::Error, text: &str) -> Self {
        let (message, hint) = crate::wording::plain(error.message().trim());
        let mut problem = Problem::new(message);
        problem.hint = hint.or_else(|| {
            Some("check the TOML syntax here: `key = value` lines, `[table]` headers, text in quotes".to_string())
        });
        if let Some(span) = error.span() {
            let before = text.get(..span.start).unwrap_or_default();
            problem.line = Some(before.matches('\n').count() + 1);
            problem.column = Some(before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1);
        }
        problem
    }

    /// `file:line:column: message`, and the hint on a line of its own.
    pub fn render(&self, path: &Path) -> String {
        let mut place = path.display().to_string();
        if let Some(line) = self.line {
            place.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                place.push_str(&format!(":{column}"));
            }
        }
        let mut text = format!("{place}: {}", self.message);
        if let Some(hint) = &self.hint {
            text.push_str(&format!("\n  hint: {hint}"));
        }
        text
    }
}

/// At most this many problems of one file are reported: enough to fix, and a broken file of
/// many megabytes neither floods the terminal nor costs a line search for each of its faults.
pub const MAX_PROBLEMS: usize = 20;

/// The first [`MAX_PROBLEMS`] problems, and a last one that counts the rest.
pub fn first_problems(problems: Vec<Problem>) -> Vec<Problem> {
    first_problems_with(problems, |p| p)
}

/// [`first_problems`] of faults found cheaply, described (the costly part) only when kept.
pub fn first_problems_with<T>(found: Vec<T>, describe: impl Fn(T) -> Problem) -> Vec<Problem> {
    let more = found.len().saturating_sub(MAX_PROBLEMS);
    let mut problems: Vec<Problem> = found.into_iter().take(MAX_PROBLEMS).map(describe).collect();
    if more > 0 {
        problems.push(Problem::new(format!(
            "and {more} more like these; fix these first"
        )));
    }
    problems
}

/// A warning about a file: printed, never fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub path: PathBuf,
    pub problem: Problem,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}", self.problem.render(&self.path))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {}", path.display(), read_words(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot write: {}", path.display(), write_words(source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", render_problems(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// Several files failed (as `jsp validate` reports them).
    #[error("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Many { errors: Vec<Error> },
    #[error("{message}")]
    Usage { message: String },
    /// The interview's terminal (standard input or error) failed.
    #[error("cannot {doing} the terminal: {source}")]
    Terminal {
        doing: &'static str,
        source: std::io::Error,
    },
}

/// What went wrong reading a file, and how to fix it.
fn read_words(source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::NotFound => {
            "no such file or folder\n  hint: check the spelling of the path".to_string()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied\n  hint: check the file's permissions".to_string()
        }
        _ => source.to_string(),
    }
}

/// What went wrong writing a file, and how to fix it.
fn write_words(source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::NotFound => {
            "its folder does not exist\n  hint: create the folder first, or write the file elsewhere".to_string()
        }
        std::io::ErrorKind::IsADirectory => {
            "it is a folder\n  hint: name a file, not a folder".to_string()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied\n  hint: check that you may write to the folder".to_string()
        }
        _ => format!(
            "{source}\n  hint: check that the folder exists and that you may write to it"
        ),
    }
}

fn render_problems(path: &Path, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.render(path))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// Every error of the library is bad input or usage: the command wrote nothing.
    pub fn exit_code(&self) -> Exit {
        Exit::BadInput
    }

    pub fn invalid(path: &Path, problem: Problem) -> Self {
        Error::Invalid {
            path: path.to_path_buf(),
            problems: vec![problem],
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
