//! `jsp history` on a real git repository made for the test: three commits of one answers file,
//! renamed on the way, and the file changed again on disk.

use std::path::Path;
use std::process::Command;

use crate::{jsp_in, root};

fn git(dir: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// A repository whose answers file improves at every commit: first every `full` answer given as
/// `partial`, then the example as it is, then renamed with one more answer raised.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let example =
        std::fs::read_to_string(root().join("examples/manufacturer-answers.yaml")).unwrap();
    let version = example
        .lines()
        .find(|line| line.starts_with("version: "))
        .unwrap();
    assert_ne!(version, "version: \"1.0\"");
    let older = example
        .replace(": full", ": partial")
        .replace(version, "version: \"1.0\"");
    git(dir.path(), &["init", "-q"], "2025-01-01T00:00:00");
    std::fs::write(dir.path().join("acme.yaml"), older).unwrap();
    git(dir.path(), &["add", "acme.yaml"], "2025-03-01T10:00:00");
    git(
        dir.path(),
        &["commit", "-qm", "First assessment"],
        "2025-03-01T10:00:00",
    );
    std::fs::write(dir.path().join("acme.yaml"), &example).unwrap();
    git(
        dir.path(),
        &["commit", "-qam", "Second"],
        "2025-09-01T10:00:00",
    );
    git(
        dir.path(),
        &["mv", "acme.yaml", "acme-2026.yaml"],
        "2026-03-01T10:00:00",
    );
    let raised = example.replacen(": partial", ": full", 1);
    std::fs::write(dir.path().join("acme-2026.yaml"), &raised).unwrap();
    git(
        dir.path(),
        &["commit", "-qam", "Renamed"],
        "2026-03-01T10:00:00",
    );
    dir
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let output = jsp_in(dir)
        .args(["history", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn every_commit_is_scored_oldest_first_through_a_rename() {
    let repo = repository();
    let history = json(repo.path(), &["acme-2026.yaml"]);
    let points = history["points"].as_array().unwrap();
    let dates: Vec<&str> = points.iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-03-01", "2025-09-01", "2026-03-01"]);
    let scores: Vec<f64> = points
        .iter()
        .map(|p| p["score"].as_f64().unwrap())
        .collect();
    assert!(scores[0] < scores[1] && scores[1] < scores[2], "{scores:?}");
    // The first version answered 1.0: scored against the current one, and marked.
    assert_eq!(points[0]["older_version"], true);
    assert_eq!(points[2]["older_version"], false);
    assert_eq!(points[0]["domains"].as_array().unwrap().len(), 14);
    assert!(points.iter().all(|p| p["commit"].is_string()));
    assert!(history["notes"][0].as_str().unwrap().contains("(older)"));
}

#[test]
fn since_leaves_out_older_commits_and_a_change_on_disk_is_the_last_point() {
    let repo = repository();
    let history = json(repo.path(), &["acme-2026.yaml", "--since", "2025-06-01"]);
    assert_eq!(history["points"].as_array().unwrap().len(), 2);
    let file = repo.path().join("acme-2026.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen(": partial", ": full", 1)).unwrap();
    let history = json(repo.path(), &["acme-2026.yaml"]);
    let points = history["points"].as_array().unwrap();
    assert_eq!(points.len(), 4);
    assert!(points[3]["commit"].is_null());
    jsp_in(repo.path())
        .args(["history", "acme-2026.yaml", "--since", "March"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not a date"));
}

#[test]
fn a_file_outside_git_is_one_point_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/provider-answers.yaml"),
        dir.path().join("p.yaml"),
    )
    .unwrap();
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary folder.
    let output = jsp_in(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["history", "p.yaml"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("working copy"), "{stdout}");
    assert!(
        stdout.contains("One point only: the file is not in a git work tree."),
        "{stdout}"
    );
}

#[test]
fn the_chart_is_svg_with_a_marker_per_version_and_every_format_agrees() {
    let repo = repository();
    let run = |format: &str| {
        let output = jsp_in(repo.path())
            .args(["history", "acme-2026.yaml", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let output = jsp_in(repo.path())
        .args(["history", "acme-2026.yaml", "--chart", "trend.svg"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let svg = std::fs::read_to_string(repo.path().join("trend.svg")).unwrap();
    let document = roxmltree::Document::parse(&svg).unwrap();
    let markers = document
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert_eq!(markers, 3);
    assert_eq!(run("csv").lines().count(), 4);
    assert!(run("markdown").contains("| 2026-03-01 |"));
    assert!(run("table").contains("2025-09-01"));
    jsp_in(repo.path())
        .args(["history", "acme-2026.yaml", "--chart", "acme-2026.yaml"])
        .assert()
        .code(2);
}

/// How many times `jsp ARGS` (run in `dir` under strace) opens `file`; `None` when strace is
/// missing or may not trace here (under CI that fails the test).
fn opens(dir: &Path, args: &[&str], file: &str) -> Option<usize> {
    let log = dir.join("strace.log");
    let output = Command::new("strace")
        .current_dir(dir)
        .args(["-f", "-qq", "-e", "trace=open,openat,openat2", "-o"])
        .arg(&log)
        .arg(assert_cmd::cargo::cargo_bin!("jsp"))
        .args(args)
        .env_remove("JSP_QUESTIONNAIRES")
        .stdin(std::process::Stdio::null())
        .output();
    let log = match output {
        Ok(output) if output.status.success() => std::fs::read_to_string(&log).ok(),
        // Tracing refused (a container without ptrace): nothing to count.
        Ok(output) if String::from_utf8_lossy(&output.stderr).contains("ptrace") => None,
        Ok(output) => panic!("{args:?}: {output:?}"),
        Err(_) => None,
    };
    let Some(log) = log else {
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is missing or cannot trace"
        );
        eprintln!("skipped: strace is missing or cannot trace here");
        return None;
    };
    let quoted = format!("\"{file}\"");
    Some(log.lines().filter(|l| l.contains(&quoted)).count())
}

/// `validate`, `history` and `export` read the answers file once: twice would cost a second
/// read of a large file, and could check one version of it and use another.
#[test]
fn validate_history_and_export_open_the_answers_file_once() {
    let repo = repository();
    for args in [
        &["validate", "acme-2026.yaml", "--as-of", "2026-01-01"][..],
        &["history", "acme-2026.yaml"],
        &["export", "acme-2026.yaml", "-o", "acme.xlsx"],
    ] {
        let Some(count) = opens(repo.path(), args, "acme-2026.yaml") else {
            return;
        };
        assert_eq!(count, 1, "{args:?}");
    }
}
