//! CI formats: JUnit XML from `jsp score`, and several formats from one run with `--out`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::{fixtures, jsp, jsp_in, root};

fn answers() -> PathBuf {
    fixtures().join("acme-answers.yaml")
}

/// Runs `jsp score` on the acme fixture with `args`; stdout and the exit code.
fn score(args: &[&str]) -> (String, i32) {
    let (_dir, mut cmd) = jsp();
    let output = cmd.arg("score").arg(answers()).args(args).output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap(),
    )
}

/// The test cases of a JUnit document: name, and the failure's message and text if it failed.
fn cases(xml: &str) -> Vec<(String, Option<(String, String)>)> {
    let document = roxmltree::Document::parse(xml).unwrap();
    document
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|case| {
            let failure = case
                .children()
                .find(|n| n.has_tag_name("failure"))
                .map(|f| {
                    (
                        f.attribute("message").unwrap().to_string(),
                        f.text().unwrap_or_default().to_string(),
                    )
                });
            (case.attribute("name").unwrap().to_string(), failure)
        })
        .collect()
}

#[test]
fn junit_has_a_passing_case_per_domain_without_gates() {
    let (xml, code) = score(&["--format", "junit"]);
    assert_eq!(code, 0);
    let cases = cases(&xml);
    assert_eq!(cases.len(), 2, "{xml}");
    assert_eq!(cases[0].0, "governance: Governance");
    assert_eq!(cases[1].0, "testing: Testing");
    assert!(cases.iter().all(|(_, failure)| failure.is_none()), "{xml}");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let suite = document
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(
        suite.attribute("name"),
        Some("acme-lite (Acme Medical, Infusion pump line)")
    );
    assert_eq!(suite.attribute("failures"), Some("0"));
    // Deterministic: nothing from the clock or the machine.
    for attribute in ["timestamp", "time", "hostname"] {
        assert!(
            !xml.contains(&format!(" {attribute}=")),
            "{attribute} in {xml}"
        );
    }
    assert_eq!(score(&["--format", "junit"]).0, xml);
}

#[test]
fn junit_fails_a_domain_below_min_level_with_the_unmet_questions() {
    let (xml, code) = score(&["--format", "junit", "--min-level", "3"]);
    assert_eq!(code, 1, "the gate still fails the run");
    let cases = cases(&xml);
    assert_eq!(cases.len(), 2);
    assert!(cases[0].1.is_none(), "governance is at level 3");
    let (message, text) = cases[1].1.clone().unwrap();
    assert_eq!(
        message,
        "`testing` is at level 1, below the required level 3 (--min-level 3)"
    );
    // Both levels between 1 and 3, each question with its id, text and current answer;
    // test-2b is not applicable and so not in the way.
    assert!(
        text.contains("2 unmet questions between `testing` and level 3"),
        "{text}"
    );
    assert!(text.contains(
        "- test-2a (level 2): Are security requirements verified by tests? [current answer: Partly implemented]"
    ), "{text}");
    assert!(text.contains(
        "- test-3a (level 3): Is a penetration test run before each major release? [current answer: Unanswered]"
    ), "{text}");
    assert!(!text.contains("test-2b"), "{text}");
}

#[test]
fn junit_has_a_case_for_min_score() {
    let (xml, code) = score(&["--format", "junit", "--min-score", "2.5"]);
    assert_eq!(code, 1);
    let cases = cases(&xml);
    assert_eq!(cases.len(), 3);
    let (name, failure) = &cases[2];
    assert_eq!(name, "overall score >= 2.5");
    let (message, text) = failure.clone().unwrap();
    assert_eq!(message, "the overall score 2.37 is below --min-score 2.5");
    assert!(text.contains("- testing: score 1.50, level 1"), "{text}");

    let (xml, code) = score(&["--format", "junit", "--min-score", "2"]);
    assert_eq!(code, 0);
    assert!(self::cases(&xml)[2].1.is_none());
}

#[test]
fn junit_fails_the_domains_below_their_target_on_the_example() {
    let output = jsp_in(&root())
        .args(["score", "examples/manufacturer-answers.yaml"])
        .args([
            "--target",
            "examples/manufacturer-target.toml",
            "--format",
            "junit",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let xml = String::from_utf8(output.stdout).unwrap();
    let all = cases(&xml);
    // A case per domain, then one per requirement of the three sets, none gated here.
    assert_eq!(all.len(), 14 + 6 + 16 + 15);
    let cases = all.get(..14).unwrap();
    assert!(all.iter().skip(14).all(|(_, failure)| failure.is_none()));
    let failed: Vec<&str> = cases
        .iter()
        .filter(|(_, f)| f.is_some())
        .map(|(name, _)| name.split(':').next().unwrap())
        .collect();
    assert_eq!(
        failed,
        [
            "risk-management",
            "secure-design",
            "software-supply-chain",
            "supplier-management",
            "verification",
            "customer-documentation",
            "vulnerability-management",
            "patch-management"
        ]
    );
    let supplier = cases
        .iter()
        .find(|(name, _)| name.starts_with("supplier-management"))
        .unwrap();
    let (message, text) = supplier.1.clone().unwrap();
    assert_eq!(
        message,
        "`supplier-management` is at level 1, below the required level 2 (target 2)"
    );
    assert!(text.contains("sup-2b (level 2)"), "{text}");
    assert!(
        text.contains("[current answer: Partially implemented]"),
        "{text}"
    );
}

/// What `jsp score` or `jsp report` prints with `--format FORMAT` alone.
fn single(command: &str, format: &str, extra: &[&str]) -> Vec<u8> {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .arg(command)
        .arg(answers())
        .args(["--format", format])
        .args(extra)
        .output()
        .unwrap();
    output.stdout
}

#[test]
fn one_run_writes_several_formats_with_the_same_bytes() {
    let (dir, mut cmd) = jsp();
    cmd.arg("score")
        .arg(answers())
        .args(["--min-level", "2"])
        .args(["--out", "markdown=report.md"])
        .args(["--out", "junit=out/junit.xml"])
        .args(["--out", "json=score.json"])
        .args(["--out", "table=score.txt"]);
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let output = cmd.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "the gate decides the exit code"
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("below --min-level 2"),
        "the gate still says why"
    );
    let gates = ["--min-level", "2"];
    assert_eq!(
        output.stdout,
        single("score", "table", &gates),
        "stdout keeps --format"
    );
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    assert_eq!(read("report.md"), single("score", "markdown", &gates));
    assert_eq!(read("out/junit.xml"), single("score", "junit", &gates));
    assert_eq!(read("score.json"), single("score", "json", &gates));
    assert_eq!(read("score.txt"), single("score", "table", &gates));
}

#[test]
fn dash_o_and_out_together_leave_stdout_empty() {
    let (dir, mut cmd) = jsp();
    cmd.arg("score").arg(answers()).args([
        "--format",
        "junit",
        "-o",
        "junit.xml",
        "--out",
        "json=score.json",
    ]);
    cmd.assert().success().stdout("");
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    assert_eq!(read("junit.xml"), single("score", "junit", &[]));
    assert_eq!(read("score.json"), single("score", "json", &[]));
}

#[test]
fn report_writes_several_formats_too() {
    let (dir, mut cmd) = jsp();
    cmd.arg("report").arg(answers()).args([
        "--out",
        "json=report.json",
        "--out",
        "markdown=report.md",
    ]);
    let output = cmd.output().unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, single("report", "markdown", &[]));
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    assert_eq!(read("report.json"), single("report", "json", &[]));
    assert_eq!(read("report.md"), single("report", "markdown", &[]));
}

#[test]
fn a_wrong_out_is_a_usage_error_that_lists_the_formats() {
    let (dir, mut cmd) = jsp();
    cmd.arg("score")
        .arg(answers())
        .args(["--out", "xml=junit.xml"]);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("`xml` is not a format"))
        .stderr(predicate::str::contains(
            "hint: the formats are table, json, markdown, junit",
        ));
    assert!(!dir.path().join("junit.xml").exists());

    let (_dir, mut cmd) = jsp();
    cmd.arg("score").arg(answers()).args(["--out", "junit.xml"]);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("expected FORMAT=FILE"));

    let (_dir, mut cmd) = jsp();
    cmd.arg("report")
        .arg(answers())
        .args(["--out", "junit=j.xml"]);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("the formats are markdown, json"));
}

#[test]
fn one_file_named_twice_is_a_usage_error() {
    let (dir, mut cmd) = jsp();
    cmd.arg("score")
        .arg(answers())
        .args(["-o", "a.txt", "--out", "json=a.txt"]);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("`a.txt` is named twice"));
    assert!(!Path::new(&dir.path().join("a.txt")).exists());
}
