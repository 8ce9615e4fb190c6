//! Every use of the YAML library lives here, so that it can be swapped in one place.

mod guard;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Problem;

/// Parses `text` into `T`, turning the parser's error into a [`Problem`] with its line and
/// column and a hint how to fix it. Text that nests too deeply or holds aliases is refused
/// before the parser sees it (see `guard`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    if is_empty(text) {
        return Err(Problem::new("the file is empty").hint("see the README for the file format"));
    }
    guard::check(text)?;
    serde_yaml::from_str(text).map_err(|error| problem_from(&error, text))
}

pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|error| error.to_string())
}

/// Nothing but blank lines, comments and document markers.
fn is_empty(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

fn problem_from(error: &serde_yaml::Error, text: &str) -> Problem {
    let full = error.to_string();
    // The location is reported as line and column; keep the message itself short, but keep
    // the parser's context ("while parsing a flow sequence") with the line where it started.
    let (message, context) = match full.split_once(" at line ") {
        Some((message, rest)) => (message, rest.split_once(", while ").map(|(_, c)| c)),
        None => (full.as_str(), None),
    };
    let (mut message, mut hint) = crate::wording::plain(message);
    let (mut line, column) = match error.location() {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    if let Some(context) = context {
        let context = match context.split_once(" at line ") {
            Some((what, place)) => {
                let start = place.split(' ').next().unwrap_or_default();
                format!("while {what} that starts on line {start}")
            }
            None => format!("while {context}"),
        };
        message.push_str(&format!(" ({context})"));
    }
    if let Some(key) = duplicate_key(&message) {
        // serde places a duplicate at the start of its map; point at the second one instead.
        if let Some(found) = second_key_line(text, key, line, column) {
            hint = Some(format!(
                "keep one of them: `{key}` is first given on line {}",
                found.0
            ));
            line = Some(found.1);
        }
    }
    if hint.is_none() && !message.contains(": ") {
        hint = Some(
            "a YAML syntax error: check the indentation, quotes and brackets here and on the lines above"
                .to_string(),
        );
    }
    // A key's column is that of its map, so the column holds when the line moves.
    Problem {
        line,
        column,
        message,
        hint,
    }
}

/// The key of a "given twice" message, from serde's derive or from a map that refuses them.
fn duplicate_key(message: &str) -> Option<&str> {
    let (before, _) = message
        .split_once("` is given twice")
        .or_else(|| message.split_once("` is answered twice"))?;
    before.rsplit_once('`').map(|(_, key)| key)
}

/// The lines of the first and the second `key:` of the map that starts at `line`, `column`.
fn second_key_line(
    text: &str,
    key: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> Option<(usize, usize)> {
    let (line, column) = (line?, column?);
    let key_column = column.checked_sub(1)?;
    let mut found = Vec::new();
    for (index, source) in text.lines().enumerate().skip(line.checked_sub(1)?) {
        let indent = source.chars().take_while(|c| *c == ' ').count();
        let starts_map = index + 1 == line;
        if !starts_map && !source.trim().is_empty() && indent < key_column {
            break;
        }
        let at = source.get(key_column..).unwrap_or_default();
        let rest = at
            .strip_prefix(key)
            .or_else(|| at.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| at.strip_prefix(&format!("'{key}'")));
        if rest.is_some_and(|r| r.trim_start().starts_with(':')) {
            found.push(index + 1);
        }
    }
    match found.as_slice() {
        [first, second, ..] => Some((*first, *second)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_of_two_keys_is_found_in_its_map() {
        let text = "a: 1\nlist:\n  - id: x\n    level: 2\n    level: 3\n  - id: y\n    level: 4\n";
        assert_eq!(
            second_key_line(text, "level", Some(3), Some(5)),
            Some((4, 5))
        );
        assert_eq!(second_key_line(text, "id", Some(3), Some(5)), None);
    }
}
