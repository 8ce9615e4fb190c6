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

/// The 1-based line on which `key: value` (or `- key: value`) first appears, so that a rule
/// broken by a value can point at it; `value` may be quoted in the file.
pub fn line_of(source: &str, key: &str, value: &str) -> Option<usize> {
    source
        .lines()
        .position(|line| {
            let line = line.trim_start().trim_start_matches("- ").trim_start();
            line.strip_prefix(key)
                .and_then(|rest| rest.trim_start().strip_prefix(':'))
                .and_then(|rest| rest.split(" #").next())
                .map(|found| found.trim().trim_matches(|c| c == '"' || c == '\''))
                .is_some_and(|found| found == value)
        })
        .map(|index| index + 1)
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
        .filter(|c| !c.is_control())
        .collect()
}

/// The address when `text` is a plain http(s) web address (no spaces, no control characters),
/// the one rule every report uses to decide what becomes a link: a `javascript:` or `data:`
/// address never does.
pub fn web_address(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    let scheme_ends = trimmed.find("://")?;
    let scheme = trimmed.get(..scheme_ends)?;
    let is_web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    let host_given = trimmed.len() > scheme_ends + 3;
    (is_web && host_given && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control()))
        .then_some(trimmed)
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
    }

    #[test]
    fn only_plain_http_addresses_are_web_addresses() {
        assert_eq!(
            web_address(" https://a.example/x "),
            Some("https://a.example/x")
        );
        assert_eq!(web_address("HTTP://a.example"), Some("HTTP://a.example"));
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("javascript://%0aalert(1)"), None);
        assert_eq!(web_address("https://a.example/x y"), None);
        assert_eq!(web_address("https://"), None);
        assert_eq!(web_address("SOP-7 rev C"), None);
    }
}
