//! Nothing is lost: `kill -9` in the middle of an interview, Ctrl-C and SIGTERM, and a second
//! `jsp assess` on a file that one is answering.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::{fixtures, jsp_in};

fn spawn_assess(dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_jsp"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args([
            "assess",
            "acme-lite",
            "--answers",
            "a.yaml",
            "--org",
            "A",
            "--subject",
            "B",
            "--assessor",
            "C",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the answers file holds `text`; gives up (and fails) after a generous while.
fn wait_for(dir: &Path, text: &str) {
    let start = Instant::now();
    while !std::fs::read_to_string(dir.join("a.yaml")).is_ok_and(|t| t.contains(text)) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never saved `{text}`"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn answer(child: &mut Child, line: &str) {
    let stdin = child.stdin.as_mut().unwrap();
    stdin.write_all(line.as_bytes()).unwrap();
    stdin.flush().unwrap();
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn kill_9_mid_interview_keeps_every_answer_given_and_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_assess(dir.path());
    answer(&mut child, "all\n");
    wait_for(dir.path(), "gov-2a: all");
    answer(&mut child, "2 approved in 2025\n");
    wait_for(dir.path(), "approved in 2025");
    child.kill().unwrap();
    child.wait().unwrap();

    let text = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
    assert!(
        text.contains("gov-2a: all") && text.contains("answer: some"),
        "{text}"
    );
    jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["validate", "a.yaml"])
        .assert()
        .success();
    // The lock died with the process: the next interview resumes.
    jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["assess", "--answers", "a.yaml"])
        .write_stdin("q\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("Resuming a.yaml"))
        .stderr(predicate::str::contains("[3/5]"));
    assert!(
        std::fs::read_dir(dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp"))
    );
}

#[test]
fn a_second_interview_on_the_same_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_assess(dir.path());
    wait_for(dir.path(), "questionnaire: acme-lite");
    jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["assess", "--answers", "a.yaml"])
        .write_stdin("none\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.yaml: another `jsp assess` is answering this file",
        ));
    answer(&mut child, "all\nq\n");
    assert!(child.wait().unwrap().success());
    assert!(
        std::fs::read_to_string(dir.path().join("a.yaml"))
            .unwrap()
            .contains("gov-2a: all")
    );
    assert!(dir.path().join(".a.yaml.jsp-lock").exists());
}

#[test]
fn ctrl_c_and_sigterm_save_and_exit_cleanly() {
    for name in ["-INT", "-TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = spawn_assess(dir.path());
        answer(&mut child, "3 mostly\n");
        wait_for(dir.path(), "mostly");
        // Stdin stays open: the end of input would end the interview on its own.
        let stdin = child.stdin.take();
        signal(&child, name);
        let output = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(output.status.code(), Some(130), "{name}");
        assert!(
            String::from_utf8_lossy(&output.stderr)
                .contains("Interrupted. Every answer given is saved in a.yaml")
        );
        assert!(
            std::fs::read_to_string(dir.path().join("a.yaml"))
                .unwrap()
                .contains("note: mostly")
        );
        assert!(dir.path().join(".a.yaml.jsp-lock").exists(), "{name}");
    }
}

#[cfg(unix)]
#[test]
fn the_same_file_through_a_symlink_shares_the_lock_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("a.yaml", dir.path().join("link.yaml")).unwrap();
    let mut child = spawn_assess(dir.path());
    wait_for(dir.path(), "questionnaire: acme-lite");
    jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["assess", "--answers", "link.yaml"])
        .write_stdin("none\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "link.yaml: another `jsp assess` is answering this file",
        ));
    answer(&mut child, "q\n");
    assert!(child.wait().unwrap().success());
    // Answering through the link writes the file it points to.
    jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["assess", "--answers", "link.yaml"])
        .write_stdin("all\nq\n")
        .assert()
        .success();
    let link = dir.path().join("link.yaml");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(dir.path().join("a.yaml"))
            .unwrap()
            .contains("gov-2a: all")
    );
}

#[test]
fn an_edit_on_disk_during_an_interview_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_assess(dir.path());
    answer(&mut child, "all\n");
    wait_for(dir.path(), "gov-2a: all");
    // Someone else saves the file meanwhile.
    let path = dir.path().join("a.yaml");
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("gov-2a: all", "gov-2a: some");
    std::fs::write(&path, &theirs).unwrap();
    answer(&mut child, "most\n");
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a.yaml: changed on disk while this interview ran"),
        "{stderr}"
    );
    assert!(stderr.contains("saved in a.mine.yaml"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let mine = std::fs::read_to_string(dir.path().join("a.mine.yaml")).unwrap();
    assert!(
        mine.contains("gov-2a: all") && mine.contains("gov-3a: most"),
        "{mine}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_as_answers_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("mkfifo")
        .arg(dir.path().join("a.yaml"))
        .status()
        .unwrap();
    assert!(status.success());
    jsp_in(dir.path())
        .timeout(Duration::from_secs(20))
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["assess", "acme-lite", "--answers", "a.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.yaml: is not a regular file (a device, FIFO or socket), not an answers file",
        ));
}

#[cfg(unix)]
#[test]
fn endless_input_without_line_ends_ends_the_interview_saved() {
    let dir = tempfile::tempdir().unwrap();
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_jsp"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(["assess", "acme-lite", "--answers", "a.yaml"])
        .args(["--org", "A", "--subject", "B", "--assessor", "C"])
        .stdin(zero)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Saved to a.yaml (5 of 5 questions"));
}
