//! Hostile file content (`tests/fixtures/hostile*`): terminal escape sequences, bidi
//! overrides, HTML, `javascript:` links, table pipes, headings and line breaks. None of it
//! may reach the terminal as a control code or change the shape of a markdown report.

use std::path::PathBuf;

use crate::{fixtures, jsp_in};

fn hostile_answers() -> PathBuf {
    fixtures().join("hostile-answers.yaml")
}

/// `jsp` with the hostile questionnaire added; stdout and stderr of a run that must succeed.
fn run(args: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("hostile"))
        .args(args)
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (text(output.stdout), text(output.stderr))
}

/// No control character but the line break, no bidi override.
fn assert_inert(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{what} holds control characters {bad:?}:\n{text}"
    );
}

/// Every table row has as many cells as its header; no injected heading, HTML or link.
fn assert_markdown_intact(what: &str, text: &str) {
    assert_inert(what, text);
    let cells = |line: &str| {
        let mut count = 0;
        let mut escaped = false;
        for c in line.chars() {
            if c == '|' && !escaped {
                count += 1;
            }
            escaped = c == '\\' && !escaped;
        }
        count
    };
    let mut header = None;
    for line in text.lines() {
        if line.starts_with('|') {
            let n = cells(line);
            let expected = *header.get_or_insert(n);
            assert_eq!(
                n, expected,
                "{what}: a row of {n} pipes in a table of {expected}: {line}"
            );
        } else {
            header = None;
        }
        assert!(
            !line.contains("](javascript"),
            "{what}: a javascript link: {line}"
        );
        for tag in ["<script", "<iframe", "<img", "<b>"] {
            assert!(!line.contains(tag), "{what}: raw HTML {tag}: {line}");
        }
        if line.contains("Injected") {
            assert!(
                !line.trim_start().starts_with('#')
                    || line.starts_with("# Evil")
                    || line.starts_with("# Portfolio: Evil"),
                "{what}: an injected heading: {line}"
            );
        }
    }
}

#[test]
fn terminal_outputs_carry_no_control_codes() {
    let answers = hostile_answers();
    let answers = answers.to_str().unwrap();
    for args in [
        vec!["score", answers],
        vec!["show", "hostile"],
        vec!["list"],
        vec!["validate", answers],
        vec!["aggregate", answers],
    ] {
        let (stdout, stderr) = run(&args);
        assert!(
            stdout.contains("Domain") || stdout.contains("hostile"),
            "{args:?}: {stdout}{stderr}"
        );
        assert_inert(&format!("jsp {args:?} stdout"), &stdout);
        assert_inert(&format!("jsp {args:?} stderr"), &stderr);
    }
}

#[test]
fn markdown_outputs_keep_their_shape() {
    let answers = hostile_answers();
    let answers = answers.to_str().unwrap();
    for args in [
        vec!["report", answers],
        vec!["score", answers, "--format", "markdown"],
        vec!["show", "hostile", "--format", "markdown"],
        vec!["aggregate", answers, "--format", "markdown"],
    ] {
        let (stdout, _) = run(&args);
        assert!(
            stdout.contains("| Domain") || stdout.contains("| Level"),
            "{stdout}"
        );
        assert_markdown_intact(&format!("jsp {args:?}"), &stdout);
    }
}

#[test]
fn only_web_addresses_become_links_in_the_report() {
    let (report, _) = run(&["report", hostile_answers().to_str().unwrap()]);
    assert!(report.contains("javascript:alert\\(1\\)"));
    assert!(report.contains("](https://ok.example/%5C)"));
    assert!(report.contains("data:text/html,&lt;script&gt;"));
}

#[test]
fn warnings_quote_hostile_text_without_its_control_codes_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.yaml");
    let answers = std::fs::read_to_string(hostile_answers()).unwrap();
    // A version that is not the questionnaire's is a warning that quotes it.
    std::fs::write(
        &file,
        answers.replace(
            "questionnaire: hostile\n",
            "questionnaire: hostile\nversion: \"0.9\\e[2J\"\n",
        ),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    for args in [vec!["score", file], vec!["aggregate", file]] {
        let (_, stderr) = run(&args);
        assert!(stderr.contains("version 0.9[2J"), "{args:?}: {stderr}");
        assert_inert(&format!("jsp {args:?} stderr"), &stderr);
    }
}

#[test]
fn error_messages_quote_hostile_text_without_its_control_codes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.yaml");
    std::fs::write(
        &file,
        "questionnaire: hostile\nanswers:\n  \"\\e[2Jevil\\u202E\": \"\\e]0;x\\a\"\n  evil-2b: \"\\e[31mfull\"\n",
    )
    .unwrap();
    let (stdout, stderr) = run(&["score", file.to_str().unwrap()]);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("is not a question of `hostile`"),
        "{stderr}"
    );
    assert!(stderr.contains("[31mfull"), "{stderr}");
    assert_inert("the error", &stderr);
}

#[test]
fn the_interview_shows_hostile_questions_without_control_codes() {
    let dir = tempfile::tempdir().unwrap();
    let output = jsp_in(dir.path())
        .arg("--questionnaires")
        .arg(fixtures().join("hostile"))
        .args([
            "assess",
            "hostile",
            "--answers",
            "a.yaml",
            "--org",
            "O",
            "--subject",
            "S",
        ])
        .args(["--assessor", "A", "--date", "2026-11-28"])
        .write_stdin("partial\nfull\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("overwritten"), "{stderr}");
    assert_inert("assess stdout", &stdout);
    // From the first question on. The "New assessment: <title> (version ...)" line before it
    // is printed by the assess command itself (commands.rs), left to the lead's change there.
    let interview = stderr.split_once("[1/2]").unwrap().1;
    assert_inert("assess stderr", interview);
}

#[test]
fn a_file_past_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 300 MB on paper, nothing on disk; only the first 8 MiB + 1 byte is read.
    let file = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    file.set_len(300_000_000).unwrap();
    jsp_in(dir.path())
        .args(["score", "huge.yaml"])
        .assert()
        .code(2)
        .stderr(
            "jsp: error: huge.yaml: the file is larger than the limit of 8 MiB\n  hint: split it, or check that this is the file you meant\n",
        );
}
