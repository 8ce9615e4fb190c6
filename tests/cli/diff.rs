//! `diff`: two assessments of one questionnaire, a year apart and a questionnaire version apart.

use predicates::prelude::*;
use serde_json::Value;

use crate::{assert_file_gets_stdout, fixtures, jsp, jsp_in, root};

fn old() -> std::path::PathBuf {
    fixtures().join("acme-answers-2025.yaml")
}

fn new() -> std::path::PathBuf {
    fixtures().join("acme-answers.yaml")
}

#[test]
fn the_table_shows_levels_scores_and_answers_before_and_after() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("diff").arg(old()).arg(new());
    cmd.assert()
        .success()
        .stdout(predicate::str::contains(
            "Infusion pump line, 2025-11-20 (version 0.2) → Infusion pump line, 2026-11-28 (version 0.3)",
        ))
        .stdout(predicate::str::is_match(r"Governance\s+┆ 1 Initial\s+┆ 3 Defined\s+┆\s+\+2 ┆\s+1\.50 ┆\s+2\.80 ┆\s+\+1\.30").unwrap())
        .stdout(predicate::str::is_match(r"Overall\s+┆ 1 Initial\s+┆ 1 Initial\s+┆\s+┆\s+1\.42 ┆\s+2\.37 ┆\s+\+0\.95").unwrap())
        .stdout(predicate::str::contains("Changed answers: 3"))
        .stdout(predicate::str::contains("gov-2b: Fully implemented → Unanswered"))
        .stdout(predicate::str::contains("test-3a (Testing, level 3)"))
        // A version mismatch is what a diff is for: no warning.
        .stderr("");
}

#[test]
fn json_holds_every_change_addition_and_removal() {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .args(["diff", "-f", "json"])
        .arg(old())
        .arg(new())
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["old"]["version"], "0.2");
    assert_eq!(json["new"]["date"], "2026-11-28");
    assert_eq!(json["overall"]["before"]["score"], 1.42);
    assert_eq!(json["overall"]["after"]["score"], 2.37);
    assert_eq!(json["overall"]["level_change"], 0);
    assert_eq!(json["overall"]["score_change"], 0.95);
    let governance = &json["domains"][0];
    assert_eq!(governance["before"]["level"], 1);
    assert_eq!(governance["after"]["level"], 3);
    assert_eq!(governance["level_change"], 2);
    assert_eq!(governance["score_change"], 1.3);
    let changes: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["question"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["gov-2a", "gov-3a", "test-2b"]);
    let gov_3a = &json["changes"][1];
    assert_eq!(gov_3a["from"], "no");
    assert_eq!(gov_3a["to"], "most");
    assert_eq!(gov_3a["to_label"], "Mostly implemented");
    assert!(
        gov_3a["note"]
            .as_str()
            .unwrap()
            .starts_with("Policy approved")
    );
    // The old note explained the old answer; the new answer has none.
    assert!(json["changes"][0]["note"].is_null());
    assert!(json["changes"][2]["from"].is_null());
    assert_eq!(json["added"][0]["question"], "test-2b");
    assert_eq!(json["added"][1]["question"], "test-3a");
    assert_eq!(json["removed"][0]["question"], "gov-2b");
    assert_eq!(json["removed"][0]["from"], "all");
    assert!(json["removed"][0]["to"].is_null());
}

#[test]
fn markdown_escapes_notes_and_lists_every_section() {
    let (_dir, mut cmd) = jsp();
    cmd.args(["diff", "-f", "markdown"]).arg(old()).arg(new());
    cmd.assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Progress: Infusion pump line\n",
        ))
        .stdout(predicate::str::contains(
            "| Questionnaire version | 0.2 | 0.3 |",
        ))
        .stdout(predicate::str::contains(
            "| Governance | 1 Initial | 3 Defined | +2 | 1.50 | 2.80 | +1.30 |",
        ))
        .stdout(predicate::str::contains("## Changed answers"))
        .stdout(predicate::str::contains("&lt;script&gt;"))
        .stdout(predicate::str::contains("<script>").not())
        .stdout(predicate::str::contains("## Questions added"))
        .stdout(predicate::str::contains("## Questions removed"))
        .stdout(predicate::str::contains(
            "- **gov-2b**: Fully implemented → Unanswered",
        ));
}

#[test]
fn an_answer_to_a_removed_question_fails_score_but_not_diff() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("score").arg(old());
    cmd.assert().code(2).stderr(predicate::str::contains(
        "`gov-2b` is not a question of `acme-lite`",
    ));
    // Every other rule still holds in a diff: a bad option is bad input.
    let (dir, mut cmd) = jsp();
    let broken = dir.path().join("broken.yaml");
    let text = std::fs::read_to_string(old())
        .unwrap()
        .replace("test-2a: some", "test-2a: lots");
    std::fs::write(&broken, text).unwrap();
    cmd.arg("diff").arg(&broken).arg(new());
    cmd.assert().code(2).stderr(predicate::str::contains(
        "broken.yaml:13: `test-2a`: `lots` is not an answer option",
    ));
}

#[test]
fn two_questionnaires_cannot_be_compared() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("diff")
        .arg(new())
        .arg(root().join("examples/provider-answers.yaml"));
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains(
            "provider-answers.yaml:3: this file answers `jsp-provider`, but",
        ))
        .stderr(predicate::str::contains("answers `acme-lite`"))
        .stderr(predicate::str::contains(
            "`jsp diff` compares two assessments of the same questionnaire",
        ));
}

#[test]
fn a_file_against_itself_changes_nothing() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("diff").arg(new()).arg(new());
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("No answer changed."))
        .stdout(predicate::str::contains("+").not())
        .stdout(predicate::str::contains("no longer has").not());
}

#[test]
fn the_shipped_examples_show_progress() {
    let mut cmd = jsp_in(&root());
    let output = cmd
        .args([
            "diff",
            "examples/manufacturer-partial-answers.yaml",
            "examples/manufacturer-answers.yaml",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["questionnaire"]["id"], "jsp-manufacturer");
    assert_eq!(json["domains"].as_array().unwrap().len(), 14);
    assert!(json["changes"].as_array().unwrap().len() >= 89);
    assert!(json["removed"].as_array().unwrap().is_empty());
}

#[test]
fn every_format_writes_the_same_bytes_to_a_file() {
    for format in ["table", "markdown", "json"] {
        assert_file_gets_stdout(&[
            "diff".into(),
            old().into(),
            new().into(),
            "-f".into(),
            format.into(),
        ]);
    }
}
