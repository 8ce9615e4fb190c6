//! The interview's line editor on a terminal: arrows, history, Ctrl-A/E, the current answer
//! pre-filled for editing. Used only when standard input and standard error are both a
//! terminal; piped input is read as lines by [`crate::prompt::Piped`], with the same grammar.

use std::io::{IsTerminal, Write};

use rustyline::config::{Behavior, Config};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;

use crate::prompt::{Input, Line, MAX_LINE};

pub(super) struct Editor(rustyline::Editor<(), DefaultHistory>);

impl Editor {
    /// The editor, when both standard input and standard error are a terminal.
    pub(super) fn on_terminal() -> Option<Editor> {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return None;
        }
        // The terminal itself, not standard output, which holds the scores at the end.
        let config = Config::builder()
            .behavior(Behavior::PreferTerm)
            .auto_add_history(true)
            .max_history_size(1000)
            .ok()?
            .build();
        rustyline::Editor::with_config(config).ok().map(Editor)
    }
}

impl Input for Editor {
    fn read(
        &mut self,
        prompt: &str,
        initial: &str,
        output: &mut dyn Write,
    ) -> std::io::Result<Line> {
        // What the interview said before the prompt reaches the terminal first.
        output.flush()?;
        match self.0.readline_with_initial(prompt, (initial, "")) {
            Ok(line) if line.len() > MAX_LINE => Ok(Line::TooLong),
            Ok(line) => Ok(Line::Text(line)),
            Err(ReadlineError::Eof) => Ok(Line::End),
            Err(ReadlineError::Interrupted) => Ok(Line::Interrupted),
            Err(ReadlineError::Io(error)) => Err(error),
            Err(other) => Err(std::io::Error::other(other.to_string())),
        }
    }

    fn edits(&self) -> bool {
        true
    }
}
