//! The parser's events, for a reader that builds its value by hand where serde costs too much
//! (the answers file, read thousands of times by `jsp aggregate`: see `answers/fast.rs`).
//!
//! The cursor hands out only what such a reader can take as it is: text that serde-saphyr
//! would also read as text, and the start and end of maps and lists. Anything else (a value
//! serde would read as a number, a boolean or null, an anchor, a tag, an alias, a second
//! document, a syntax error, more values or text than the budgets allow) ends the walk with
//! `None`. The caller then reads the file with [`super::from_str`], which either reads it or
//! says what is wrong: every file is accepted or refused by serde-saphyr's rules, and every
//! error is its located message. The cursor is the same parser with the same options, and it
//! stops at the first event it does not take, so a hostile file costs it no more than it costs
//! serde-saphyr.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle, StrInput};

use super::{MAX_DEPTH, MAX_NODES, MAX_SCALAR_BYTES, parser_options};

/// What the reader gets from [`Cursor::next`].
#[derive(Debug, PartialEq)]
pub enum Node<'a> {
    Text(Cow<'a, str>),
    Map,
    List,
    /// The end of the innermost open map or list.
    End,
}

pub struct Cursor<'a> {
    parser: Parser<'a, StrInput<'a>>,
    depth: usize,
    nodes: usize,
    scalar_bytes: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of the one document of `text`.
    pub fn new(text: &'a str) -> Option<Self> {
        let mut cursor = Cursor {
            parser: Parser::new_from_str_with_options(text, parser_options()),
            depth: 0,
            nodes: 0,
            scalar_bytes: 0,
        };
        match cursor.event()? {
            Event::StreamStart => {}
            _ => return None,
        }
        match cursor.event()? {
            Event::DocumentStart(..) => Some(cursor),
            _ => None,
        }
    }

    /// The next node, or `None` where the walk ends (see the module's comment).
    pub fn next(&mut self) -> Option<Node<'a>> {
        let node = match self.event()? {
            Event::Scalar(text, style, 0, None) => {
                if style == ScalarStyle::Plain && !reads_as_text(&text) {
                    return None;
                }
                self.scalar_bytes += text.len();
                Node::Text(text)
            }
            Event::MappingStart(_, 0, None) => Node::Map,
            Event::SequenceStart(_, 0, None) => Node::List,
            Event::MappingEnd | Event::SequenceEnd => {
                self.depth = self.depth.checked_sub(1)?;
                return Some(Node::End);
            }
            _ => return None,
        };
        if matches!(node, Node::Map | Node::List) {
            self.depth += 1;
        }
        self.nodes += 1;
        let within = self.depth <= MAX_DEPTH
            && self.nodes <= MAX_NODES
            && self.scalar_bytes <= MAX_SCALAR_BYTES;
        within.then_some(node)
    }

    /// The document is over, and nothing follows it.
    pub fn finish(mut self) -> Option<()> {
        match self.event()? {
            Event::DocumentEnd => {}
            _ => return None,
        }
        match self.event()? {
            Event::StreamEnd => Some(()),
            _ => None,
        }
    }

    fn event(&mut self) -> Option<Event<'a>> {
        match self.parser.next_event()? {
            Ok((event, _)) => Some(event),
            Err(_) => None,
        }
    }
}

/// Whether serde-saphyr reads a plain scalar as the text it is, with the options jsp gives it
/// (YAML 1.2 booleans only): not empty, not null, not a boolean, not a number. Rather than
/// follow every number form YAML knows, a scalar starting with anything but a letter is taken
/// only as a `YYYY-MM-DD` date, which jsp's files hold often; everything else goes to serde.
pub fn reads_as_text(text: &str) -> bool {
    const WORDS: [&str; 9] = [
        "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
    ];
    match text.chars().next() {
        Some(c) if c.is_alphabetic() => {
            !WORDS.contains(&text)
                // Rust's float parser, which YAML readers lean on, takes these in any case.
                && !["inf", "infinity", "nan"]
                    .iter()
                    .any(|word| text.eq_ignore_ascii_case(word))
        }
        Some(c) if c.is_ascii_digit() => is_date(text),
        _ => false,
    }
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hands_out_text_maps_and_lists_and_stops_at_anything_else() {
        let mut cursor = Cursor::new("a: [b, 'c']\n").unwrap();
        let mut nodes = Vec::new();
        while let Some(node) = cursor.next() {
            let end = node == Node::End && nodes.contains(&Node::List);
            nodes.push(node);
            if end {
                break;
            }
        }
        assert_eq!(
            nodes,
            [
                Node::Map,
                Node::Text("a".into()),
                Node::List,
                Node::Text("b".into()),
                Node::Text("c".into()),
                Node::End,
            ]
        );
        for stop in [
            "a: 1",
            "a: &x b",
            "a: !!str b",
            "a: *x",
            "a: true",
            "a:",
            "a: [b",
        ] {
            let mut cursor = Cursor::new(stop).unwrap();
            let taken: Vec<_> = std::iter::from_fn(|| cursor.next()).collect();
            assert!(!taken.ends_with(&[Node::End]), "{stop:?} gave {taken:?}");
        }
    }

    #[test]
    fn plain_text_is_what_serde_reads_as_text() {
        for text in [
            "full",
            "yes",
            "no",
            "On",
            "Évaluation",
            "2026-06-25",
            "nanny",
        ] {
            assert!(reads_as_text(text), "{text}");
        }
        for text in [
            "", "~", "null", "True", "NaN", "inf", "1", "1.0", "0x1f", "-1", ".inf",
        ] {
            assert!(!reads_as_text(text), "{text}");
        }
    }

    #[test]
    fn a_second_document_is_not_finished() {
        let mut cursor = Cursor::new("a: b\n---\nc: d\n").unwrap();
        while cursor.next().is_some_and(|n| n != Node::End) {}
        assert!(cursor.finish().is_none());
        let mut cursor = Cursor::new("a: b\n").unwrap();
        while cursor.next().is_some_and(|n| n != Node::End) {}
        assert!(cursor.finish().is_some());
    }
}
