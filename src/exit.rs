//! The exit codes, as scripts and CI read them: the grep convention of 0, 1 and 2, and 130 as
//! shells report a process ended by Ctrl-C.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done; every gate passed.
    Success,
    /// A gate failed: a domain below its target or `--min-level`, or the score below `--min-score`.
    GateFailed,
    /// The input or the command line is wrong; nothing was written.
    BadInput,
    /// Ended by Ctrl-C or SIGTERM; every answer given is saved.
    Interrupted,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::GateFailed => 1,
            Exit::BadInput => 2,
            Exit::Interrupted => 130,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}
