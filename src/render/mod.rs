//! What every output format shares. Every format of every command is a function
//! `render(&Data, &Style, &mut dyn Write) -> io::Result<()>`: finished data and a [`Style`] in,
//! bytes out; each command picks one in a single `match` on its format. Here are the pieces
//! the formats need: escaping for where the text goes
//! ([`markdown`], [`xml`], [`csv`]; the terminal's is [`crate::text::printable`]), the house
//! table, wrapping, numbers as reports show them, and JSON. Nothing here knows an assessment.

pub mod csv;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod xml;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

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

/// How [`fit`] fits a table to the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Fit<'a> {
    /// The columns to hide, first to last, while the table is too wide.
    pub drop: &'a [usize],
    /// The one column that gives way (a title); every other keeps its content's width, so that
    /// an id, a number or a bar is never broken.
    pub flexible: usize,
    /// Whether each row stays on one line, the flexible column cut with an ellipsis; else it
    /// wraps there, on word boundaries.
    pub one_line: bool,
}

/// The narrowest the flexible column gets before a column is dropped.
const FLEXIBLE_MIN: usize = 14;

/// Fits `table` (rows added) to the style's width; nothing to do without one.
pub fn fit(table: &mut Table, style: &Style, fit: Fit) {
    let Some(width) = style.width.map(usize::from) else {
        return;
    };
    let content: Vec<usize> = table
        .column_max_content_widths()
        .into_iter()
        .map(usize::from)
        .collect();
    let mut hidden = vec![false; content.len()];
    // Each column is its content, a space either side and a border; one border closes the row.
    let need = |hidden: &[bool], flexible_width: usize| -> usize {
        1 + content
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden.get(*i).copied().unwrap_or(false))
            .map(|(i, w)| if i == fit.flexible { flexible_width } else { *w } + 3)
            .sum::<usize>()
    };
    let flexible_content = content.get(fit.flexible).copied().unwrap_or(0);
    let flexible_min = flexible_content.min(FLEXIBLE_MIN);
    for &column in fit.drop {
        if need(&hidden, flexible_min) <= width {
            break;
        }
        if let Some(h) = hidden.get_mut(column) {
            *h = true;
        }
    }
    let others = need(&hidden, 0);
    let room = width
        .saturating_sub(others)
        .clamp(1, flexible_content.max(1));
    for (index, is_hidden) in hidden.iter().enumerate() {
        let Some(column) = table.column_mut(index) else {
            continue;
        };
        let constraint = if *is_hidden {
            ColumnConstraint::Hidden
        } else if index == fit.flexible {
            // The width given counts the padding, a space either side.
            ColumnConstraint::Absolute(Width::Fixed(u16::try_from(room + 2).unwrap_or(u16::MAX)))
        } else {
            ColumnConstraint::ContentWidth
        };
        column.set_constraint(constraint);
    }
    if fit.one_line {
        table.set_truncation_indicator("…");
        for row in table.row_iter_mut() {
            row.max_height(1);
        }
    }
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

/// A paragraph for the terminal: filled to its width when there is one, else as it is.
pub fn paragraph(text: &str, style: &Style) -> String {
    match style.width {
        Some(width) => fill(text, usize::from(width), "", ""),
        None => text.to_string(),
    }
}

/// `cells` without those at the indices `dropped` when `drop` is set: how outputs leave out
/// the level columns of a questionnaire scored continuous, the others keeping their order.
pub fn without<T>(cells: impl IntoIterator<Item = T>, dropped: &[usize], drop: bool) -> Vec<T> {
    cells
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !drop || !dropped.contains(i))
        .map(|(_, cell)| cell)
        .collect()
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
