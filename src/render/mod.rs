//! What every output format shares. Every format of every command is a function
//! `render(&Data, &Style, &mut dyn Write) -> io::Result<()>`: finished data and a [`Style`] in,
//! bytes out; each command picks one in a single `match` on its format. Here are the pieces
//! the formats need: escaping for where the text goes
//! ([`markdown`], [`xml`], [`csv`]; the terminal's is [`crate::text::printable`]), the house
//! table, wrapping, numbers as reports show them, and JSON. Nothing here knows an assessment.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod xml;

use comfy_table::{ContentArrangement, Table, presets};

/// How an output is to look, decided at the edge from the terminal and the environment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// The width to fit tables to; `None` for no limit (a file, a pipe).
    pub width: Option<u16>,
    /// Whether ANSI colour is allowed (a terminal, and no `NO_COLOR`).
    pub colour: bool,
}

/// An empty table in the house style, fitted to `style`.
pub fn table(style: &Style) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    if style.colour {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    if let Some(width) = style.width {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width);
    }
    table
}

/// A percentage to show: whole, and never 100% until it is.
pub fn percent(value: f64) -> String {
    let shown = if value < 100.0 {
        value.round().min(99.0)
    } else {
        100.0
    };
    format!("{shown:.0}%")
}

/// A text bar of `width` cells filled to `fraction`.
pub fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// `text` in at most `width` characters, an ellipsis marking where it was cut.
pub fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// A word longer than a line: kept whole on a line of its own, or cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongWords {
    Keep,
    Cut,
}

/// `text` broken into lines of at most `width` columns at spaces (never at a hyphen, so that
/// an id stays whole); runs of white space count as one space.
pub fn wrap(text: &str, width: usize, long_words: LongWords) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let text = words.join(" ");
    let options = textwrap::Options::new(width.max(1))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(long_words == LongWords::Cut);
    textwrap::wrap(&text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// `text` filled to `width` columns like [`wrap`] (ids and paths never split), the first line
/// after `first`, the others after `rest`: the one wrapping of every line the terminal gets.
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::fill(&text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_never_rounded_up_to_done() {
        assert_eq!(percent(99.6), "99%");
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(42.5), "43%");
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("aa bb cc", 5, LongWords::Keep), ["aa bb", "cc"]);
        assert_eq!(
            wrap("averylongword x", 4, LongWords::Keep),
            ["averylongword", "x"]
        );
        assert_eq!(wrap("abcdefg", 3, LongWords::Cut), ["abc", "def", "g"]);
        assert_eq!(wrap("a  b", usize::MAX, LongWords::Keep), ["a b"]);
        assert_eq!(
            wrap("jsp-manufacturer x", 10, LongWords::Keep)[0],
            "jsp-manufacturer"
        );
    }
}
