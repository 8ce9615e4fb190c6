//! `jsp assess` driven through piped standard input.

use predicates::prelude::*;

use crate::jsp;

fn assess(dir: &std::path::Path, input: &str) -> assert_cmd::assert::Assert {
    let mut cmd = crate::jsp_in(dir);
    cmd.arg("--questionnaires")
        .arg(crate::fixtures().join("questionnaires"))
        .args([
            "assess",
            "acme-lite",
            "--answers",
            "a.yaml",
            "--date",
            "2026-11-28",
        ])
        .write_stdin(input);
    cmd.assert()
}

fn saved(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("a.yaml")).unwrap()
}

#[test]
fn a_new_interview_asks_for_metadata_then_answers_with_notes() {
    let (dir, _) = jsp();
    assess(dir.path(), "Acme Medical\nPump line\nJ. Doe\n?\n4 named in SOP-1\nmaybe\nmost\nb\n\n3\nna no fuzzable interfaces\n1\n")
        .success()
        .stderr(predicate::str::contains("[1/5] Governance · level 2 Managed"))
        .stderr(predicate::str::contains("Guidance: A named lead"))
        .stderr(predicate::str::contains("`maybe` is not an answer"))
        .stderr(predicate::str::contains("Done. Answers saved to a.yaml"))
        .stdout(predicate::str::contains("Overall"));
    let text = saved(dir.path());
    assert_eq!(
        text,
        "questionnaire: acme-lite\nversion: '0.3'\norganization: Acme Medical\nsubject: Pump line\nassessor: J. Doe\ndate: 2026-11-28\nanswers:\n  gov-2a:\n    answer: all\n    note: named in SOP-1\n  gov-3a: most\n  test-2a: most\n  test-2b:\n    answer: na\n    note: no fuzzable interfaces\n  test-3a: no\n"
    );
}

#[test]
fn quitting_keeps_what_was_answered_and_the_next_run_resumes() {
    let (dir, _) = jsp();
    assess(dir.path(), "A\nB\nC\nall\nq\n")
        .success()
        .stderr(predicate::str::contains(
            "Saved to a.yaml (4 of 5 questions unanswered",
        ));
    assert!(saved(dir.path()).contains("gov-2a: all"));
    // Resumes at the first unanswered question; end of input saves and quits.
    assess(dir.path(), "some\n")
        .success()
        .stderr(predicate::str::contains("Resuming a.yaml"))
        .stderr(predicate::str::contains(
            "[2/5] Governance · level 3 Defined",
        ));
    let text = saved(dir.path());
    assert!(
        text.contains("gov-2a: all") && text.contains("gov-3a: some"),
        "{text}"
    );
}

#[test]
fn review_walks_answered_questions_with_their_answer_as_default() {
    let (dir, _) = jsp();
    assess(dir.path(), "A\nB\nC\nall\nsome\nq\n").success();
    let mut cmd = crate::jsp_in(dir.path());
    cmd.arg("--questionnaires")
        .arg(crate::fixtures().join("questionnaires"))
        .args([
            "assess",
            "--answers",
            "a.yaml",
            "--review",
            "--domain",
            "governance",
        ])
        .write_stdin("\nall\n");
    cmd.assert()
        .success()
        .stderr(predicate::str::contains("current: all"))
        .stderr(predicate::str::contains("[all]"));
    let text = saved(dir.path());
    assert!(
        text.contains("gov-2a: all") && text.contains("gov-3a: all"),
        "{text}"
    );
}

#[test]
fn an_answers_path_that_cannot_be_written_fails_before_the_first_question() {
    let (dir, _) = jsp();
    let mut cmd = crate::jsp_in(dir.path());
    cmd.arg("--questionnaires")
        .arg(crate::fixtures().join("questionnaires"))
        .args([
            "assess",
            "acme-lite",
            "--answers",
            "no/such/folder/a.yaml",
            "--org",
            "A",
            "--subject",
            "B",
            "--assessor",
            "C",
        ])
        .write_stdin("all\n");
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/folder/a.yaml: cannot write",
        ))
        .stderr(predicate::str::contains("[1/5]").not());
}
