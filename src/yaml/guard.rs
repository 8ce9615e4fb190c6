//! A cheap, linear look at YAML text before the parser sees it. The parser's time grows with
//! the square of the nesting depth (200,000 nested `[` take over a minute before it gives up),
//! and an alias (`*name`) can copy a large value many times over; neither has any use in a
//! `jsp` file, so both are refused here, with the line and column where the limit is passed.
//!
//! The scan follows YAML only as far as it needs to: indentation and `- ` items for block
//! nesting, brackets for flow nesting, and enough of quotes, comments, block scalars (`|`, `>`)
//! and multi-line plain text to not mistake their content for structure. It errs towards
//! counting too deep, so the limit is far above what any real file needs.

use crate::error::Problem;

/// Deeper nesting is refused. A questionnaire nests six levels deep (domains, questions, their
/// references); the parser itself gives up at 128.
pub const MAX_DEPTH: usize = 64;

/// How far into the current line the scan is, and what it expects next.
#[derive(Clone, Copy, PartialEq)]
enum Quote {
    Single,
    Double,
}

struct Scan {
    /// Columns of the open block collections, outermost first.
    block: Vec<usize>,
    /// Open flow collections (`[`, `{`).
    flow: usize,
    /// Inside a quoted scalar, which may span lines.
    quote: Option<Quote>,
    /// Inside a block scalar (`|`, `>`): lines indented more than this column belong to it.
    block_scalar: Option<usize>,
    /// A plain scalar may continue on lines indented more than this column.
    plain: Option<usize>,
}

/// `Ok` when `text` nests at most [`MAX_DEPTH`] levels deep and holds no alias.
pub fn check(text: &str) -> Result<(), Problem> {
    let mut scan = Scan {
        block: Vec::new(),
        flow: 0,
        quote: None,
        block_scalar: None,
        plain: None,
    };
    for (index, line) in text.lines().enumerate() {
        scan.line(line.as_bytes()).map_err(|(at, problem)| {
            // The scan counts bytes; a column counts characters.
            let column = line.get(..at).map_or(at, |before| before.chars().count());
            problem.at(Some(index + 1)).column(Some(column + 1))
        })?;
    }
    Ok(())
}

type Found = (usize, Problem);

impl Scan {
    /// One line, as bytes: everything the scan looks for is ASCII, and a line of megabytes
    /// is not copied.
    fn line(&mut self, line: &[u8]) -> Result<(), Found> {
        let indent = line.iter().take_while(|c| **c == b' ').count();
        let blank = line.get(indent..).is_none_or(|rest| {
            rest.iter().all(u8::is_ascii_whitespace) || rest.first() == Some(&b'#')
        });
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return Ok(());
            }
            self.block_scalar = None;
        }
        if self.quote.is_some() || self.flow > 0 {
            // A continuation of a quoted scalar or a flow collection: no indentation to read.
            return self.tokens(line, 0, indent, false);
        }
        if blank {
            return Ok(());
        }
        if let Some(parent) = self.plain {
            if indent > parent {
                return Ok(());
            }
            self.plain = None;
        }
        if line.starts_with(b"---") || line.starts_with(b"...") {
            self.block.clear();
            return self.tokens(line, 3, indent, true);
        }
        while self.block.last().is_some_and(|top| *top > indent) {
            self.block.pop();
        }
        if self.block.last() != Some(&indent) {
            self.open_block(indent)?;
        }
        self.tokens(line, indent, indent, true)
    }

    fn open_block(&mut self, column: usize) -> Result<(), Found> {
        self.block.push(column);
        self.depth_ok(column)
    }

    fn depth_ok(&self, column: usize) -> Result<(), Found> {
        let depth = self.block.len() + self.flow;
        if depth > MAX_DEPTH {
            return Err((
                column,
                Problem::new(format!(
                    "the YAML nests deeper than the limit of {MAX_DEPTH} levels"
                ))
                .hint("no jsp file nests more than a few levels: check that this is the file you meant"),
            ));
        }
        Ok(())
    }

    /// Reads the tokens of one line from `start`; `node` is true where a new node may begin.
    fn tokens(
        &mut self,
        chars: &[u8],
        start: usize,
        indent: usize,
        mut node: bool,
    ) -> Result<(), Found> {
        let mut plain = false;
        let mut at = start;
        while at < chars.len() {
            // Inside a quoted scalar, or plain text outside brackets, only a few bytes can
            // matter: jump to the next of them (most of a file is such text).
            let find = |wanted: fn(&u8) -> bool| {
                chars
                    .get(at..)
                    .and_then(|rest| rest.iter().position(wanted))
            };
            let skip = match self.quote {
                Some(Quote::Double) => find(|c| matches!(c, b'\\' | b'"')),
                Some(Quote::Single) => find(|c| *c == b'\''),
                None if !node && self.flow == 0 => find(|c| matches!(c, b':' | b'#')),
                None => Some(0),
            };
            let Some(skip) = skip else { break };
            at += skip;
            let Some(&c) = chars.get(at) else { break };
            let next = chars.get(at + 1).copied();
            let spaced = next.is_none_or(|n| n.is_ascii_whitespace());
            let after_space = at == 0 || chars.get(at - 1).is_some_and(u8::is_ascii_whitespace);
            if let Some(quote) = self.quote {
                match (quote, c) {
                    (Quote::Double, b'\\') => at += 1,
                    (Quote::Double, b'"') => self.quote = None,
                    (Quote::Single, b'\'') if next == Some(b'\'') => at += 1,
                    (Quote::Single, b'\'') => self.quote = None,
                    _ => {}
                }
                at += 1;
                continue;
            }
            match c {
                b'#' if after_space => break,
                b' ' | b'\t' => {}
                b'[' | b'{' if node || self.flow > 0 => {
                    self.flow += 1;
                    self.depth_ok(at)?;
                    node = true;
                    plain = false;
                }
                b']' | b'}' if self.flow > 0 => {
                    self.flow -= 1;
                    node = false;
                }
                b',' if self.flow > 0 => node = true,
                b':' if spaced || self.flow > 0 => {
                    node = true;
                    plain = false;
                }
                b'-' | b'?' if node && self.flow == 0 && spaced => {
                    // A compact nested item (`- - x`, `- key: x`) opens a level at its column.
                    if self.block.last() != Some(&at) {
                        self.open_block(at)?;
                    }
                    if next.is_some() {
                        self.open_block(at + 2)?;
                    }
                }
                b'*' if node => {
                    return Err((
                        at,
                        Problem::new("YAML aliases (`*name`) are not allowed in jsp files")
                            .hint("write the value out in full: an alias can make a small file expand to gigabytes"),
                    ));
                }
                b'&' | b'!' if node => {
                    // An anchor or a tag: skip its name; the node follows.
                    while chars.get(at + 1).is_some_and(|c| !c.is_ascii_whitespace()) {
                        at += 1;
                    }
                }
                b'"' if node => self.quote = Some(Quote::Double),
                b'\'' if node => self.quote = Some(Quote::Single),
                b'|' | b'>' if node && self.flow == 0 => {
                    self.block_scalar = Some(indent);
                    return Ok(());
                }
                _ => {
                    if node && self.flow == 0 {
                        plain = true;
                    }
                    node = false;
                }
            }
            if self.quote.is_some() {
                node = false;
                plain = false;
            }
            at += 1;
        }
        if plain && self.flow == 0 && self.quote.is_none() {
            self.plain = Some(indent);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_error(text: &str) -> Option<(Option<usize>, Option<usize>)> {
        check(text).err().map(|p| (p.line, p.column))
    }

    #[test]
    fn real_files_pass() {
        for text in [
            include_str!("../../questionnaires/jsp-manufacturer.yaml"),
            include_str!("../../questionnaires/jsp-provider.yaml"),
            include_str!("../../tests/fixtures/questionnaires/acme-lite.yaml"),
            include_str!("../../tests/fixtures/acme-answers.yaml"),
        ] {
            assert_eq!(check(text), Ok(()));
        }
    }

    #[test]
    fn text_that_looks_like_structure_is_not_counted() {
        let text = "a: |\n  [[[[ *x\n  - - -\nb: it's [not {a list\nc: 'x [ *y'\nd: \"[\\\"\"\ne: line one\n   *and* line two [\nf: x # [[[[\n";
        assert_eq!(check(text), Ok(()));
    }

    #[test]
    fn deep_flow_nesting_is_refused_where_it_passes_the_limit() {
        let text = format!("x: {}{}\n", "[".repeat(100), "]".repeat(100));
        // `x:` is one level, so the 64th bracket is the 65th level, at column 4 + 63.
        assert_eq!(depth_error(&text), Some((Some(1), Some(67))));
        let ok = format!("x: {}{}\n", "[".repeat(60), "]".repeat(60));
        assert_eq!(check(&ok), Ok(()));
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let compact = format!("{}x\n", "- ".repeat(100));
        assert!(depth_error(&compact).is_some());
        let indented: String = (0..100)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert_eq!(depth_error(&indented), Some((Some(65), Some(65))));
    }

    #[test]
    fn aliases_are_refused_where_they_are() {
        assert_eq!(
            depth_error("a: &x 1\nb: [1, *x]\n"),
            Some((Some(2), Some(8)))
        );
        assert!(depth_error("a: &x 1\nb: *x\n").is_some());
        // Columns count characters, not bytes.
        assert_eq!(depth_error("ééé: [1, *x]\n"), Some((Some(1), Some(10))));
        assert!(depth_error("- &x 1\n- *x\n").is_some());
    }
}
