//! serde's messages in the words of the people who edit the files, with a hint how to fix
//! them: "invalid type: sequence, expected struct Answers" becomes "found a list, expected a
//! map of `key: value` lines" and says what to write instead.

use crate::text::nearest;

/// A message from serde (YAML or TOML) made plain, and its hint where one helps.
pub fn plain(message: &str) -> (String, Option<String>) {
    // serde_yaml puts the path of the value first: `domains[1].questions[0].level: ...`.
    let (path, rest) = match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains(' ') => {
            (format!("{path}: "), rest)
        }
        _ => (String::new(), message),
    };
    let (text, hint) = plain_rest(rest);
    (format!("{path}{text}"), hint)
}

fn plain_rest(message: &str) -> (String, Option<String>) {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            let (found, expected) = (found_words(found), expected_words(expected));
            let hint = type_hint(&found, &expected);
            return (format!("found {found}, expected {expected}"), hint);
        }
    }
    if message.ends_with("is not a date (YYYY-MM-DD)") {
        return (
            message.to_string(),
            Some("write the date as YYYY-MM-DD, e.g. 2025-06-01".to_string()),
        );
    }
    if let Some(field) = quoted(message, "missing field `") {
        return (
            format!("`{field}` is missing"),
            Some(format!("add `{field}:` to this map")),
        );
    }
    if let Some(field) = quoted(message, "duplicate field `") {
        return (
            format!("`{field}` is given twice"),
            Some("keep one of them".to_string()),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((unknown, expected)) = rest.split_once('`')
    {
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = match nearest(unknown, known.iter().copied()) {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!("known keys here: {}", known.join(", ")),
        };
        return (format!("unknown key `{unknown}`"), Some(hint));
    }
    if message.starts_with("recursion limit exceeded")
        || message.starts_with("cannot recurse further")
    {
        return (
            "the file nests too deeply".to_string(),
            Some(
                "no jsp file nests more than a few levels: check that this is the file you meant"
                    .to_string(),
            ),
        );
    }
    (message.to_string(), None)
}

/// The text between `prefix` and the next backquote.
fn quoted<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').next()
}

fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for (serde, plain) in [
        ("floating point `", "the number "),
        ("integer `", "the number "),
        ("boolean `", ""),
    ] {
        if let Some(value) = found.strip_prefix(serde) {
            let value = value.trim_end_matches('`');
            return format!("{plain}`{value}`");
        }
    }
    match found {
        "sequence" => "a list".to_string(),
        "map" => "a map".to_string(),
        "unit value" => "an empty value".to_string(),
        other => other.to_string(),
    }
}

fn expected_words(expected: &str) -> String {
    if expected.starts_with("struct ") {
        return "a map of `key: value` lines".to_string();
    }
    match expected {
        "u32" | "u64" | "usize" => "a whole number from 0 up".to_string(),
        "f64" | "f32" => "a number".to_string(),
        "a string" => "text".to_string(),
        "a sequence" => "a list".to_string(),
        "a boolean" => "`true` or `false`".to_string(),
        other => other.to_string(),
    }
}

fn type_hint(found: &str, expected: &str) -> Option<String> {
    let hint = if expected.starts_with("a map from question id") {
        "write one `question-id: option` line per answer, not `- ` items"
    } else if expected.starts_with("an option id") {
        "answer with an option id (`gov-2a: full`) or a map (`gov-2a: {answer: full, note: ...}`)"
    } else if expected.starts_with("a map") && found == "a list" {
        "write `key: value` lines here, not `- ` items"
    } else if expected.starts_with("a map") {
        "write `key: value` lines here"
    } else if expected == "a list" {
        "write a list: `[a, b]`, or one `- item` line each"
    } else if expected == "a whole number from 0 up" {
        "write a number such as `2`, without quotes"
    } else if expected == "a number" {
        "write a number such as `0.5`, without quotes"
    } else if expected == "`true` or `false`" {
        "write `true` or `false`, without quotes"
    } else if expected == "text" && found.starts_with("the number") {
        "put the value in quotes, e.g. \"1.0\", to keep it as text"
    } else if expected == "text" {
        "put the text in quotes when it holds `[`, `{`, `: ` or starts with `-`, e.g. \"[draft] plan\""
    } else {
        return None;
    };
    Some(hint.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_types_become_plain_words_with_a_hint() {
        let (message, hint) =
            plain("domains[1].level: invalid type: string \"three\", expected u32");
        assert_eq!(
            message,
            "domains[1].level: found the text \"three\", expected a whole number from 0 up"
        );
        assert_eq!(
            hint.as_deref(),
            Some("write a number such as `2`, without quotes")
        );
        let (message, hint) = plain("invalid type: floating point `1.0`, expected a string");
        assert_eq!(message, "found the number `1.0`, expected text");
        assert!(hint.unwrap().contains("quotes"));
        let (message, _) = plain("invalid type: sequence, expected struct Answers");
        assert_eq!(
            message,
            "found a list, expected a map of `key: value` lines"
        );
    }

    #[test]
    fn unknown_keys_name_the_nearest() {
        let (message, hint) = plain("unknown field `titel`, expected `id` or `title`");
        assert_eq!(message, "unknown key `titel`");
        assert_eq!(hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn other_messages_pass_through() {
        assert_eq!(
            plain("did not find expected key"),
            ("did not find expected key".to_string(), None)
        );
    }
}
