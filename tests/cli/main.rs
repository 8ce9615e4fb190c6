//! Command-line tests: the real binary, run in a temporary folder on fixture files.
//! One test binary for all of them keeps `cargo test` fast.
// The no-panic lints guard the library; a test that cannot set up should fail loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod assess;
mod commands;
mod html;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository's `tests/fixtures` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository root, where `examples/` and `questionnaires/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `jsp` in `dir`, hermetic: no colour, a fixed table width, no `JSP_*` from the caller, and
/// no standard input unless a test gives one.
pub fn jsp_in(dir: &Path) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("jsp");
    cmd.current_dir(dir)
        .env_remove("JSP_QUESTIONNAIRES")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .write_stdin("");
    cmd
}

/// A temporary folder, and `jsp` in it with the fixture questionnaires added.
pub fn jsp() -> (tempfile::TempDir, Command) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut cmd = jsp_in(dir.path());
    cmd.arg("--questionnaires")
        .arg(fixtures().join("questionnaires"));
    (dir, cmd)
}
