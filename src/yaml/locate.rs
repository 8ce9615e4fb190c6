//! Where an error is: the parser walks the text again up to the place serde-saphyr names, and
//! says what is there (the path of the value, what kind of node, the keys of the map around
//! it). Run only to word an error.

use super::{MAX_DEPTH, parser_options};

/// What the parser reads at one place of the text: the path of the value there (as serde_yaml
/// wrote it: `domains[1].questions[0].level`), what kind of value starts there, the keys given
/// so far in the map around it, and where that map or the innermost open collection starts.
#[derive(Debug, Default)]
pub(super) struct Place {
    pub(super) path: String,
    pub(super) found: String,
    /// Where the node described starts.
    pub(super) at: Option<(usize, usize)>,
    /// Keys of the map around the place, with their lines, up to and including the place.
    pub(super) keys: Vec<(String, usize)>,
    pub(super) map_start: Option<(usize, usize)>,
    pub(super) open_start: Option<usize>,
    /// The line of the innermost open flow collection (`[` or `{`), and whether it is a list.
    pub(super) open_flow: Option<(usize, bool)>,
}

impl Place {
    pub(super) fn prefix(&self) -> String {
        if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        }
    }

    /// A serde message in plain words, behind the path of the value.
    pub(super) fn plain(&self, message: &str) -> (String, Option<String>) {
        crate::wording::plain(&format!("{}{message}", self.prefix()))
    }

    pub(super) fn first_key_line(&self, key: &str) -> Option<usize> {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, line)| *line)
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

struct Frame {
    is_map: bool,
    is_flow: bool,
    /// Line and (1-based) column of the `[`, `{` or first key.
    start: (usize, usize),
    /// In a map: the next scalar or collection is a key.
    expecting_key: bool,
    keys: Vec<(String, usize)>,
    next_index: usize,
}

/// Walks `text` with the parser up to `line`, `column` (1-based) and describes what is there.
/// Run only to word an error; it stops at the place, at the depth limit and at a parse error.
/// With `want` (`sequence`, `map` or `scalar`: what serde found; `any`), a key at the place stands for
/// its value, and a node of another kind for the first of that kind after it.
pub(super) fn locate(text: &str, line: usize, column: usize, want: Option<&str>) -> Place {
    let mut skips = 0;
    use granit_parser::Event;
    let mut place = Place::default();
    let mut frames: Vec<Frame> = Vec::new();
    let mut path: Vec<Segment> = Vec::new();
    // The parser as serde-saphyr configures it for these budgets (`Budget::parser_options`).
    let mut parser = granit_parser::Parser::new_from_str_with_options(text, parser_options());
    while let Some(Ok((event, span))) = parser.next_event() {
        let at = (span.start.line(), span.start.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
        );
        let is_key = frames.last().is_some_and(|f| f.is_map && f.expecting_key);
        if is_node && at >= (line, column) {
            let kind = match &event {
                Event::SequenceStart(..) => "sequence",
                Event::MappingStart(..) => "map",
                _ => "scalar",
            };
            // serde-saphyr places some type errors at the key, or at the block map that
            // starts with it: describe the value of the kind serde found instead.
            let skip =
                want.is_some_and(|want| is_key || (want != "any" && want != kind)) && skips < 4;
            if skip {
                skips += 1;
            } else {
                // A key belongs to its map; a value has a path of its own.
                if let Event::Scalar(key, ..) = &event
                    && is_key
                    && let Some(frame) = frames.last_mut()
                {
                    frame.keys.push((key.to_string(), at.0));
                }
                if !is_key
                    && let Some(frame) = frames.last()
                    && !frame.is_map
                {
                    path.push(Segment::Index(frame.next_index));
                }
                place.at = Some(at);
                place.found = match &event {
                    Event::SequenceStart(..) => "sequence".to_string(),
                    Event::MappingStart(..) => "map".to_string(),
                    Event::Scalar(value, style, ..) => {
                        let plain = *style == granit_parser::ScalarStyle::Plain;
                        if plain && matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL") {
                            "unit value".to_string()
                        } else {
                            format!("string {value:?}")
                        }
                    }
                    _ => "an alias".to_string(),
                };
                break;
            }
        }
        match event {
            Event::Scalar(value, ..) => {
                if let Some(frame) = frames.last_mut() {
                    if !frame.is_map {
                        frame.next_index += 1;
                    } else if frame.expecting_key {
                        frame.keys.push((value.to_string(), at.0));
                        frame.expecting_key = false;
                        path.push(Segment::Key(value.to_string()));
                    } else {
                        end_value(frame, &mut path);
                    }
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let (is_map, style) = match &event {
                    Event::MappingStart(style, ..) => (true, *style),
                    Event::SequenceStart(style, ..) => (false, *style),
                    _ => continue,
                };
                let is_flow = style == granit_parser::StructureStyle::Flow;
                if let Some(frame) = frames.last()
                    && !frame.is_map
                {
                    path.push(Segment::Index(frame.next_index));
                }
                if frames.len() > MAX_DEPTH {
                    break;
                }
                frames.push(Frame {
                    is_map,
                    is_flow,
                    start: at,
                    expecting_key: true,
                    keys: Vec::new(),
                    next_index: 0,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                frames.pop();
                if let Some(frame) = frames.last_mut() {
                    end_value(frame, &mut path);
                }
            }
            _ => {}
        }
    }
    // The map around the place (a missing field's map is the innermost open one).
    if let Some(frame) = frames.iter().rev().find(|f| f.is_map) {
        place.map_start = Some(frame.start);
    }
    if let Some(frame) = frames.iter().rev().find(|f| f.is_flow) {
        place.open_flow = Some((frame.start.0, !frame.is_map));
    }
    if let Some(frame) = frames.last_mut() {
        place.open_start = Some(frame.start.0);
        if frame.is_map {
            place.keys = std::mem::take(&mut frame.keys);
        }
    }
    place.path = render_path(&path);
    place
}

/// A value in `frame` is complete: the map expects its next key, the list its next item.
fn end_value(frame: &mut Frame, path: &mut Vec<Segment>) {
    if frame.is_map {
        if !frame.expecting_key {
            path.pop();
        }
        frame.expecting_key = true;
    } else {
        path.pop();
        frame.next_index += 1;
    }
}

fn render_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}
