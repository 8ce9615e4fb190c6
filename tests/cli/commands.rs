//! `score`, `report`, `validate`, `list` and `show` on real files: formats, gates, exit codes.

use predicates::prelude::*;

use crate::{fixtures, jsp, jsp_in, root};

fn answers() -> std::path::PathBuf {
    fixtures().join("acme-answers.yaml")
}

#[test]
fn score_prints_a_table_with_every_domain_and_overall() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("score").arg(answers());
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("Governance"))
        .stdout(predicate::str::contains("3 Defined"))
        .stdout(predicate::str::contains("2.80"))
        .stdout(predicate::str::contains("Overall"))
        .stdout(predicate::str::contains("2.37"))
        .stdout(predicate::str::contains("1 unanswered"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn score_json_holds_the_documented_fields() {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .args(["score", "--format", "json"])
        .arg(answers())
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["questionnaire"]["id"], "acme-lite");
    assert_eq!(json["questionnaire"]["version"], "0.3");
    assert_eq!(json["organization"], "Acme Medical");
    assert_eq!(json["unanswered"], 1);
    assert_eq!(json["overall"]["level"], 1);
    assert_eq!(json["overall"]["score"], 2.37);
    let testing = &json["domains"][1];
    assert_eq!(testing["id"], "testing");
    assert_eq!(testing["level"], 1);
    assert_eq!(testing["level_name"], "Initial");
    assert_eq!(testing["score"], 1.5);
    assert_eq!(testing["questions"], 2);
    assert_eq!(testing["answered"], 1);
    assert!(testing["target"].is_null());
}

#[test]
fn gates_fail_with_exit_1_and_say_why() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("score").arg(answers()).args(["--min-level", "2"]);
    cmd.assert().code(1).stderr(predicate::str::contains(
        "domain `testing` is at level 1, below --min-level 2",
    ));

    let (_dir, mut cmd) = jsp();
    cmd.arg("score").arg(answers()).args(["--min-score", "2.5"]);
    cmd.assert().code(1).stderr(predicate::str::contains(
        "overall score 2.37 is below --min-score 2.5",
    ));

    let (_dir, mut cmd) = jsp();
    cmd.arg("score")
        .arg(answers())
        .args(["--min-level", "1", "--min-score", "2.37"]);
    cmd.assert().success();
}

#[test]
fn a_target_sets_target_and_gap_and_gates() {
    let (dir, mut cmd) = jsp();
    let target = dir.path().join("target.toml");
    std::fs::write(&target, "default = 2\n[domains]\ngovernance = 3\n").unwrap();
    let output = cmd
        .arg("score")
        .arg(answers())
        .arg("--target")
        .arg(&target)
        .args(["-f", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["domains"][0]["target"], 3);
    assert_eq!(json["domains"][0]["gap"], 0);
    assert_eq!(json["domains"][1]["target"], 2);
    assert_eq!(json["domains"][1]["gap"], 1);
    assert!(String::from_utf8_lossy(&output.stderr).contains("below its target 2"));
}

#[test]
fn a_target_naming_an_unknown_domain_is_bad_input() {
    let (dir, mut cmd) = jsp();
    let target = dir.path().join("target.toml");
    std::fs::write(&target, "default = 2\n[domains]\ngovernence = 3\n").unwrap();
    cmd.arg("score").arg(answers()).arg("--target").arg(&target);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains(
            "target.toml:3: `governence` is not a domain of `acme-lite`",
        ))
        .stderr(predicate::str::contains("did you mean `governance`?"));
}

#[test]
fn output_file_gets_the_same_bytes_as_stdout() {
    for format in ["table", "json", "markdown"] {
        let (dir, mut cmd) = jsp();
        let stdout = cmd
            .arg("score")
            .arg(answers())
            .args(["-f", format])
            .output()
            .unwrap()
            .stdout;
        let file = dir.path().join("out");
        let (_d, mut cmd) = jsp();
        cmd.arg("score")
            .arg(answers())
            .args(["-f", format, "-o"])
            .arg(&file);
        cmd.assert().success().stdout("");
        assert_eq!(std::fs::read(&file).unwrap(), stdout, "{format}");
    }
}

#[test]
fn the_markdown_report_matches_the_golden_file() {
    let (_dir, mut cmd) = jsp();
    let output = cmd.arg("report").arg(answers()).output().unwrap();
    assert!(output.status.success());
    insta::assert_snapshot!(
        "acme_report_markdown",
        String::from_utf8(output.stdout).unwrap()
    );
}

#[test]
fn a_note_with_a_pipe_and_html_leaves_the_table_intact() {
    let (_dir, mut cmd) = jsp();
    let output = cmd.arg("report").arg(answers()).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("| **gov-3a**"))
        .unwrap();
    // Five cells: the escaped pipe does not split the note.
    assert_eq!(row.matches(" | ").count() + 2, 6, "{row}");
    assert!(row.contains("Policy approved \\| in QMS &lt;script&gt;"));
    assert!(!text.contains("<script>"));
    assert!(!text.contains("](javascript:"));
}

#[test]
fn report_json_has_every_answer_and_the_next_steps() {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .arg("report")
        .arg(answers())
        .args(["-f", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let testing = &json["domains"][1];
    assert_eq!(testing["next_steps"], serde_json::json!(["test-2a"]));
    assert_eq!(testing["answers"][1]["answer"], "na");
    assert_eq!(testing["answers"][2]["answer"], serde_json::Value::Null);
    assert_eq!(
        json["domains"][0]["answers"][1]["note"],
        "Policy approved | in QMS <script>alert(1)</script>"
    );
}

#[test]
fn validate_reports_every_problem_in_every_file() {
    let (dir, mut cmd) = jsp();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "questionnaire: acme-lite\nanswers:\n  gov-2a: maybe\n  gov-9z: all\n  gov-3a: na\n",
    )
    .unwrap();
    cmd.arg("validate")
        .arg(fixtures().join("questionnaires/acme-lite.yaml"))
        .arg(answers())
        .arg(&bad);
    cmd.assert()
        .code(2)
        .stdout(predicate::str::contains(
            "acme-lite.yaml: ok, questionnaire `acme-lite` with 2 domains and 5 questions",
        ))
        .stdout(predicate::str::contains("acme-answers.yaml: ok"))
        .stderr(predicate::str::contains(
            "bad.yaml:3: `gov-2a`: `maybe` is not an answer option",
        ))
        .stderr(predicate::str::contains(
            "hint: use one of no, some, most, all",
        ))
        .stderr(predicate::str::contains(
            "bad.yaml:4: `gov-9z` is not a question of `acme-lite`",
        ))
        .stderr(predicate::str::contains(
            "bad.yaml:5: question `gov-3a` cannot be answered `na`",
        ));
}

#[test]
fn validate_accepts_the_shipped_questionnaires_and_examples() {
    let root = root();
    jsp_in(&root)
        .args(["--questionnaires", "examples/custom-model/questionnaires"])
        .args([
            "validate",
            "questionnaires",
            "examples",
            "examples/custom-model",
            "examples/custom-model/questionnaires",
            // The examples' day: their evidence is checked as of it, and one item has expired
            // by then, as the example report shows.
            "--as-of",
            "2026-11-20",
        ])
        .assert()
        .success()
        .stderr(
            "jsp: warning: examples/manufacturer-answers.yaml:64: evidence `Supply agreement SA-114 clause 12` of `sup-2a` is expired: past its expiry date 2026-06-30
  hint: renew it, then update its `date` and `expires`; `jsp evidence` lists every item with its age
",
        );
}

#[test]
fn list_shows_built_in_and_custom_questionnaires() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("list");
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("jsp-provider"))
        .stdout(predicate::str::contains("built-in"))
        .stdout(predicate::str::contains("acme-lite"));

    let (_dir, mut cmd) = jsp();
    let output = cmd.args(["list", "-f", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let acme = json
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "acme-lite")
        .unwrap();
    assert_eq!(acme["domains"], 2);
    assert_eq!(acme["questions"], 5);
}

#[test]
fn show_prints_questions_in_every_format() {
    let (_dir, mut cmd) = jsp();
    cmd.args(["show", "acme-lite"]);
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("gov-3a"))
        .stdout(predicate::str::contains("[regulatory]"));

    let (_dir, mut cmd) = jsp();
    cmd.args(["show", "acme-lite", "-f", "markdown"]);
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("# ACME lite maturity model"))
        .stdout(predicate::str::contains("### Level 2 — Managed"))
        .stdout(predicate::str::contains("Guidance: A named lead"));

    let (_dir, mut cmd) = jsp();
    let output = cmd
        .args(["show", "acme-lite", "-f", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["met_at"], 0.8);
    assert_eq!(json["domains"][1]["questions"][1]["na"], true);
}

#[test]
fn an_unknown_questionnaire_is_bad_input_with_a_suggestion() {
    let (_dir, mut cmd) = jsp();
    cmd.args(["show", "acme-lyte"]);
    cmd.assert().code(2).stderr(predicate::str::contains(
        "unknown questionnaire `acme-lyte`; did you mean `acme-lite`?",
    ));
}

#[test]
fn a_custom_questionnaire_replaces_a_built_in_one_with_its_id() {
    let (dir, mut cmd) = jsp();
    let folder = dir.path().join("mine");
    std::fs::create_dir(&folder).unwrap();
    let text = std::fs::read_to_string(fixtures().join("questionnaires/acme-lite.yaml"))
        .unwrap()
        .replace("id: acme-lite", "id: jsp-provider");
    std::fs::write(folder.join("mine.yaml"), text).unwrap();
    cmd.arg("--questionnaires")
        .arg(&folder)
        .args(["show", "jsp-provider"]);
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("ACME lite maturity model"));
}

#[test]
fn usage_errors_exit_2() {
    let (_dir, mut cmd) = jsp();
    cmd.args(["score"]).assert().code(2);
    let (_dir, mut cmd) = jsp();
    cmd.args(["score", "missing.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.yaml: cannot read"));
}

#[test]
fn unmet_legal_duties_lead_the_next_steps_whatever_the_level() {
    let (dir, mut cmd) = jsp();
    let file = dir.path().join("a.yaml");
    std::fs::write(
        &file,
        "questionnaire: acme-lite\nanswers:\n  gov-3a: some\n",
    )
    .unwrap();
    let output = cmd.arg("report").arg(&file).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    // In the executive summary, before what to do next.
    let summary = text.split("## Summary").nth(1).unwrap();
    let steps = summary
        .split("**Legal duties not yet met (1)**")
        .nth(1)
        .unwrap();
    assert!(
        steps.starts_with(
            " (the details in [Compliance findings](#compliance-findings)):\n\n- **gov-3a** *(regulatory)*"
        ),
        "{steps}"
    );
    // A question tagged regulatory that no regulatory set decides is a finding of its own.
    assert!(
        text.contains("## Compliance findings\n\n- **gov-3a not met** (regulatory question; "),
        "{text}"
    );
    assert!(summary.find("Legal duties").unwrap() < summary.find("## What to do next").unwrap());

    let (_dir, mut cmd) = jsp();
    let output = cmd
        .arg("report")
        .arg(&file)
        .args(["-f", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["compliance_findings"][0]["question"], "gov-3a");
    assert_eq!(json["compliance_findings"][0]["verdict"], "not_met");
}

#[test]
fn a_custom_questionnaire_folder_ships_its_own_standard_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("qs");
    std::fs::create_dir_all(folder.join("standards")).unwrap();
    std::fs::copy(
        fixtures().join("questionnaires/acme-lite.yaml"),
        folder.join("acme-lite.yaml"),
    )
    .unwrap();
    std::fs::write(
        folder.join("standards/jsp2.yaml"),
        "standard: JSP2\ntitle: Our own reading of JSP2\nclauses:\n  - {id: \"Concept: security management plan\", topic: Plan}\n  - {id: \"Z.9\", topic: Nobody cites this}\n",
    )
    .unwrap();
    let output = jsp_in(dir.path())
        .args([
            "show",
            "acme-lite",
            "--by-reference",
            "-f",
            "json",
            "--questionnaires",
            "qs",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let jsp2 = json["standards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["standard"] == "JSP2")
        .unwrap();
    assert_eq!(jsp2["listed"], true);
    let z9 = jsp2["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clause"] == "Z.9")
        .unwrap();
    assert_eq!(z9["covered"], false);
    assert_eq!(z9["topic"], "Nobody cites this");
}
