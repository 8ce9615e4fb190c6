//! Every use of the YAML library lives here, so that it can be swapped in one place.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Problem;

/// Parses `text` into `T`, turning the parser's error into a [`Problem`] with its line and
/// column and, for a misspelt key, the nearest known key as a hint.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::new("the file is empty").hint("see the README for the file format"));
    }
    serde_yaml::from_str(text).map_err(|error| problem_from(&error))
}

pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|error| error.to_string())
}

fn problem_from(error: &serde_yaml::Error) -> Problem {
    let mut message = error.to_string();
    // The location is reported as line and column; keep the message itself short.
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    let hint = unknown_field_hint(&message);
    let mut problem = Problem::new(message);
    if let Some(location) = error.location() {
        problem.line = Some(location.line());
        problem.column = Some(location.column());
    }
    problem.hint = hint;
    problem
}

/// serde says "unknown field `x`, expected one of `a`, `b`"; name the closest of those.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (unknown, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let nearest = crate::text::nearest(unknown, known.iter().copied());
    Some(match nearest {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("known keys here: {}", known.join(", ")),
    })
}
