//! Small text helpers shared by the loaders.

use std::cell::OnceCell;
use std::collections::HashMap;

/// The one rounding rule for every number shown, in every format: two decimals, a half
/// rounded away from zero (3.625 is 3.63, which `{:.2}` alone would show as 3.62).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `x` with two decimals by [`round2`].
pub fn decimal2(x: f64) -> String {
    format!("{:.2}", round2(x))
}

/// The candidate closest to `word`, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The `key: value` pairs of one line: block (`- key: value # comment`) or flow
/// (`{key: value, other: value}`), values unquoted.
fn pairs(line: &str) -> impl Iterator<Item = (&str, &str)> {
    let code = line.split(" #").next().unwrap_or_default();
    code.split(['{', ',', '}']).filter_map(|part| {
        let part = part.trim_start().trim_start_matches("- ").trim_start();
        let (key, value) = part.split_once(':')?;
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        Some((key.trim_end(), value))
    })
}

/// Where the `key: value` pairs of some keys are, found in one pass over a file, for checks
/// that look up many values (a line scan each would take time with the square of the size).
/// The pass is made at the first lookup: a file without problems never pays for it.
pub struct Lines<'a> {
    source: &'a str,
    keys: &'a [&'a str],
    pairs: OnceCell<HashMap<(&'a str, &'a str), Vec<usize>>>,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str, keys: &'a [&'a str]) -> Self {
        Lines {
            source,
            keys,
            pairs: OnceCell::new(),
        }
    }

    fn pairs(&self) -> &HashMap<(&'a str, &'a str), Vec<usize>> {
        self.pairs.get_or_init(|| {
            let mut found: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
            for (index, line) in self.source.lines().enumerate() {
                for (key, value) in pairs(line).filter(|(key, _)| self.keys.contains(key)) {
                    found.entry((key, value)).or_default().push(index + 1);
                }
            }
            found
        })
    }

    /// The line of the first `key: value`.
    pub fn of(&self, key: &str, value: &str) -> Option<usize> {
        self.nth(key, value, 0)
    }

    /// The line of the `n`th `key: value` (from 0).
    pub fn nth(&self, key: &str, value: &str, n: usize) -> Option<usize> {
        self.pairs()
            .get(&(key, value))
            .and_then(|lines| lines.get(n))
            .copied()
    }

    /// The line of the first `key: value` at or after line `start` (the first anywhere without
    /// one): ids of different kinds may be the same word.
    pub fn after(&self, key: &str, value: &str, start: Option<usize>) -> Option<usize> {
        let lines = self.pairs().get(&(key, value))?;
        let start = start.unwrap_or_default();
        lines.iter().find(|l| **l >= start).copied()
    }

    /// The line of the first `key:` or `key =`.
    pub fn key(&self, key: &str) -> Option<usize> {
        line_of_key(self.source, key)
    }
}

/// The first 1-based line from `start` on that holds `word` as a whole word (in a YAML list,
/// flow or block); `None` without a start or when no line does.
pub fn line_of_word_after(source: &str, start: Option<usize>, word: &str) -> Option<usize> {
    let start = start?;
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '.';
    source
        .lines()
        .enumerate()
        .skip(start.saturating_sub(1))
        .find(|(_, line)| line.split(|c: char| !is_word(c)).any(|w| w == word))
        .map(|(index, _)| index + 1)
}

/// The 1-based line on which the key `key:` (YAML) or `key =` (TOML) first appears.
pub fn line_of_key(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|line| {
            let line = line.trim_start();
            let quoted = |quote: char| {
                line.strip_prefix(quote)
                    .and_then(|rest| rest.strip_prefix(key))
                    .and_then(|rest| rest.strip_prefix(quote))
            };
            let line = line
                .strip_prefix(key)
                .or_else(|| quoted('"'))
                .or_else(|| quoted('\''));
            line.is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })
        .map(|index| index + 1)
}

/// A number from a file as a message quotes it: `1.5`, but `1e308` rather than 309 digits.
pub fn number(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
    }
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
    fn one_rounding_rule_rounds_half_away_from_zero() {
        assert_eq!(decimal2(3.625), "3.63");
        assert_eq!(decimal2(-3.625), "-3.63");
        assert_eq!(decimal2(3.624), "3.62");
        assert_eq!(round2(3.625), 3.63);
    }

    #[test]
    fn nearest_finds_typos_only() {
        assert_eq!(nearest("levle", ["level", "name"]), Some("level"));
        assert_eq!(nearest("zzz", ["level", "name"]), None);
    }

    #[test]
    fn lines_are_found_by_key_and_value() {
        let src = "id: x\ndomains:\n  - id: gov\n    questions:\n      - id: \"gov-2a\" # c\n";
        let lines = Lines::new(src, &["id"]);
        assert_eq!(lines.of("id", "gov"), Some(3));
        assert_eq!(lines.of("id", "gov-2a"), Some(5));
        assert_eq!(lines.of("id", "nope"), None);
        assert_eq!(line_of_key(src, "questions"), Some(4));
        let flow = "scale:\n  - {id: \"no\", value: 0}\n  - {label: x, id: no}\n";
        let lines = Lines::new(flow, &["id"]);
        assert_eq!(
            (lines.of("id", "no"), lines.nth("id", "no", 1)),
            (Some(2), Some(3))
        );
        assert_eq!(lines.of("value", "0"), None);
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
