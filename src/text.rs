//! Small text helpers shared by the loaders.

/// The candidate closest to `word`, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The 1-based line on which `key: value` (or `- key: value`, or `{key: value, ...}`) first
/// appears, so that a rule broken by a value can point at it; `value` may be quoted in the file.
pub fn line_of(source: &str, key: &str, value: &str) -> Option<usize> {
    lines_of(source, key, value).next()
}

/// Every 1-based line on which `key: value` appears, as [`line_of`] finds them.
pub fn lines_of<'a>(
    source: &'a str,
    key: &'a str,
    value: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    source
        .lines()
        .enumerate()
        .filter(move |(_, line)| {
            let code = line.split(" #").next().unwrap_or_default();
            code.split(['{', ',', '}']).any(|part| {
                part.trim_start()
                    .trim_start_matches("- ")
                    .trim_start()
                    .strip_prefix(key)
                    .and_then(|rest| rest.trim_start().strip_prefix(':'))
                    .map(|found| found.trim().trim_matches(|c| c == '"' || c == '\''))
                    .is_some_and(|found| found == value)
            })
        })
        .map(|(index, _)| index + 1)
}

/// The 1-based line on which the key `key:` (YAML) or `key =` (TOML) first appears.
pub fn line_of_key(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|line| {
            let line = line.trim_start();
            let line = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
                .or_else(|| line.strip_prefix(&format!("'{key}'")));
            line.is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })
        .map(|index| index + 1)
}

/// Text from a file made safe for a terminal: control characters and escape sequences dropped,
/// so that a hostile file cannot rewrite the user's screen.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect()
}

/// [`printable`] for text of several lines, such as an error with its hint: line breaks stay.
pub fn printable_lines(text: &str) -> String {
    text.split('\n')
        .map(printable)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Characters that reorder the text around them, so that what shows is not what is there.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_only() {
        assert_eq!(nearest("levle", ["level", "name"]), Some("level"));
        assert_eq!(nearest("zzz", ["level", "name"]), None);
    }

    #[test]
    fn lines_are_found_by_key_and_value() {
        let src = "id: x\ndomains:\n  - id: gov\n    questions:\n      - id: \"gov-2a\" # c\n";
        assert_eq!(line_of(src, "id", "gov"), Some(3));
        assert_eq!(line_of(src, "id", "gov-2a"), Some(5));
        assert_eq!(line_of(src, "id", "nope"), None);
        assert_eq!(line_of_key(src, "questions"), Some(4));
        let flow = "scale:\n  - {id: \"no\", value: 0}\n  - {label: x, id: no}\n";
        assert_eq!(lines_of(flow, "id", "no").collect::<Vec<_>>(), [2, 3]);
    }
}
