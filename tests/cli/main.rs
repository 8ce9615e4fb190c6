//! Command-line tests: the real binary, run in a temporary folder on fixture files.
//! One test binary for all of them keeps `cargo test` fast.
// The no-panic lints guard the library; a test that cannot set up should fail loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod aggregate;
mod assess;
mod ci;
mod commands;
mod corpus;
mod custom_model;
mod diff;
mod evidence;
mod groups;
mod harden;
mod history;
mod hostile;
mod html;
mod interrupt;
mod roadmap;
mod shipped;
mod terminal;
mod tooling;
mod workbook;

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

/// `jsp ARGS` (with the fixture questionnaires) writes to `-o FILE` what it prints to stdout.
pub fn assert_file_gets_stdout(args: &[std::ffi::OsString]) {
    let (dir, mut cmd) = jsp();
    let stdout = cmd.args(args).output().unwrap().stdout;
    let file = dir.path().join("out");
    let (_d, mut cmd) = jsp();
    cmd.args(args).arg("-o").arg(&file);
    cmd.assert().success().stdout("");
    assert_eq!(std::fs::read(&file).unwrap(), stdout, "{args:?}");
}
