//! The second hardening pass: nothing lost, nothing injected, nothing trusted that should not
//! be. Each test here failed on the code before its fix; the README's "Hardening" section
//! lists them with the guarantee each keeps.

use std::path::{Path, PathBuf};

use crate::{fixtures, jsp_in};

/// A temporary folder holding a copy of the fixture answers (`answers.yaml`) and target
/// (`target.toml`), and `jsp` run in it with the fixture questionnaires.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::copy(fixtures().join("acme-answers.yaml"), &answers).unwrap();
    std::fs::copy(
        fixtures().join("acme-target.toml"),
        dir.path().join("target.toml"),
    )
    .unwrap();
    (dir, answers)
}

fn jsp(dir: &Path) -> assert_cmd::Command {
    let mut cmd = jsp_in(dir);
    cmd.arg("--questionnaires")
        .arg(fixtures().join("questionnaires"));
    cmd
}

// 1. Outputs never overwrite inputs.

/// Each way of naming an input as an output (`-o`, `--out`, another name for it, a hard link,
/// a chart file, the target, the questionnaire) is refused before anything is written; the
/// message names both. Before: `jsp report answers.yaml -o answers.yaml` exited 0 and the
/// assessment was gone.
#[test]
fn no_output_replaces_an_input() {
    let (dir, answers) = project();
    let original = std::fs::read(&answers).unwrap();
    std::fs::hard_link(&answers, dir.path().join("hard.yaml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("answers.yaml", dir.path().join("link.yaml")).unwrap();
    let charts = dir.path().join("charts");
    std::fs::create_dir(&charts).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("../answers.yaml", charts.join("radar.svg")).unwrap();
    let questionnaire = fixtures().join("questionnaires/acme-lite.yaml");
    let q = questionnaire.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["report", "answers.yaml", "-o", "answers.yaml"],
            "answers.yaml",
        ),
        (
            vec!["report", "answers.yaml", "--out", "json=./answers.yaml"],
            "answers.yaml",
        ),
        (
            vec![
                "report",
                "answers.yaml",
                "-o",
                "ok.md",
                "--out",
                "html=hard.yaml",
            ],
            "answers.yaml",
        ),
        #[cfg(unix)]
        (
            vec![
                "score",
                "answers.yaml",
                "--format",
                "json",
                "-o",
                "link.yaml",
            ],
            "answers.yaml",
        ),
        #[cfg(unix)]
        (
            vec![
                "report",
                "answers.yaml",
                "--charts",
                "charts",
                "-o",
                "ok.md",
            ],
            "answers.yaml",
        ),
        (
            vec![
                "roadmap",
                "answers.yaml",
                "--target",
                "target.toml",
                "-o",
                "target.toml",
            ],
            "target.toml",
        ),
        (vec!["score", "answers.yaml", "-o", q], q),
        (
            vec!["diff", "answers.yaml", "answers.yaml", "-o", "hard.yaml"],
            "answers.yaml",
        ),
        (
            vec!["aggregate", "answers.yaml", "-o", "answers.yaml"],
            "answers.yaml",
        ),
        (
            vec!["chart", "answers.yaml", "-o", "answers.yaml"],
            "answers.yaml",
        ),
    ];
    let questionnaire_before = std::fs::read(&questionnaire).unwrap();
    for (args, input) in cases {
        let output = jsp(dir.path()).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(input), "{args:?} names the input: {stderr}");
        assert!(stderr.contains("would replace what was read"), "{stderr}");
        assert_eq!(std::fs::read(&answers).unwrap(), original, "{args:?}");
        assert!(!dir.path().join("ok.md").exists(), "{args:?} wrote a file");
    }
    assert_eq!(std::fs::read(&questionnaire).unwrap(), questionnaire_before);
}

/// jsp.toml is an input too.
#[test]
fn jsp_toml_is_not_overwritten() {
    let (dir, _) = project();
    std::fs::write(dir.path().join("jsp.toml"), "target = \"target.toml\"\n").unwrap();
    jsp(dir.path())
        .args(["score", "answers.yaml", "-o", "jsp.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("jsp.toml` is also an input"));
}

/// A symbolic link given as `-o` stays a link, and the file it names gets the output; a FIFO
/// gets the bytes written into it and stays a FIFO. Before: both were replaced by a regular
/// file (as root, `-o /dev/null` replaced the device).
#[cfg(unix)]
#[test]
fn links_and_special_files_are_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, _) = project();
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).unwrap();
    jsp(dir.path())
        .args(["report", "answers.yaml", "-o", "link.md"])
        .assert()
        .success();
    let link = dir.path().join("link.md");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(dir.path().join("real.md"))
            .unwrap()
            .contains("# ")
    );

    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    jsp(dir.path())
        .args(["score", "answers.yaml", "--format", "json", "-o", "fifo"])
        .assert()
        .success();
    let bytes = reader.join().unwrap();
    assert!(
        bytes.starts_with(b"{"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
}

// 3. No panic, on any path.

/// Every command (and an error) as run in [`every_command_survives_a_closed_stdout_and_a_full_stderr`].
const EVERY_COMMAND: &[&[&str]] = &[
    &["score", "answers.yaml"],
    &[
        "score",
        "answers.yaml",
        "--format",
        "junit",
        "--out",
        "json=s.json",
    ],
    &["score", "answers.yaml", "--min-level", "5"],
    &["report", "answers.yaml"],
    &["report", "answers.yaml", "--format", "html"],
    &[
        "report",
        "answers.yaml",
        "--format",
        "json",
        "--by-reference",
    ],
    &["chart", "answers.yaml"],
    &["chart", "answers.yaml", "bars"],
    &["roadmap", "answers.yaml", "--target", "target.toml"],
    &[
        "roadmap",
        "answers.yaml",
        "--target",
        "target.toml",
        "--format",
        "csv",
    ],
    &["diff", "answers.yaml", "answers.yaml"],
    &["aggregate", "answers.yaml", "answers.yaml"],
    &["validate", "answers.yaml", "target.toml"],
    &["list"],
    &["show", "acme-lite"],
    &[
        "show",
        "acme-lite",
        "--by-reference",
        "--format",
        "markdown",
    ],
    &["schema", "answers"],
    &["completions", "bash"],
    &["man"],
    &["init", "--force"],
    &["score", "missing.yaml"],
];

/// Runs `args` in `dir` with the given stdout and stderr; the exit code and stderr (when it
/// is not /dev/full).
fn run_with(
    dir: &Path,
    args: &[&str],
    stdout: std::process::Stdio,
    stderr: std::process::Stdio,
) -> Option<i32> {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("jsp"));
    cmd.current_dir(dir)
        .env_remove("JSP_QUESTIONNAIRES")
        .env("NO_COLOR", "1")
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(stderr);
    cmd.status().unwrap().code()
}

/// A pipe nobody reads: its reading end is closed before the command starts.
fn closed_pipe() -> std::process::Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
        .into()
}

/// Every command with stdout a closed pipe (`| head`): the exit code it has otherwise (a closed
/// pipe is no error); with stderr on a full device: 2 when it had anything to say there, else
/// its own; with stdout on a full device: 2 when it prints anything. Never 101 (a panic).
/// Before: `jsp score missing.yaml 2>/dev/full` panicked in `eprintln!` (101).
#[cfg(target_os = "linux")]
#[test]
fn every_command_survives_a_closed_stdout_and_a_full_stderr() {
    use std::process::Stdio;
    let (dir, _) = project();
    for args in EVERY_COMMAND {
        let normal = {
            let mut cmd = jsp(dir.path());
            cmd.args(*args).write_stdin("");
            cmd.output().unwrap()
        };
        let code = normal.status.code();
        assert_ne!(code, Some(101), "{args:?}");
        let said = |bytes: &[u8]| if bytes.is_empty() { code } else { Some(2) };
        let closed = run_with(dir.path(), args, closed_pipe(), Stdio::null());
        assert_eq!(closed, code, "{args:?} with stdout closed");
        let full_stderr = run_with(dir.path(), args, Stdio::null(), dev_full());
        assert_eq!(full_stderr, said(&normal.stderr), "{args:?} 2>/dev/full");
        let full_stdout = run_with(dir.path(), args, dev_full(), Stdio::null());
        assert_eq!(full_stdout, said(&normal.stdout), "{args:?} >/dev/full");
        let both = run_with(dir.path(), args, closed_pipe(), dev_full());
        assert_ne!(both, Some(101), "{args:?} with both");
    }
}
