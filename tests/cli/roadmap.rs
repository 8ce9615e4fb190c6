//! `roadmap`, target profiles and percent to target, on the fixtures and the shipped examples.

use predicates::prelude::*;
use serde_json::Value;

use crate::{assert_file_gets_stdout, fixtures, jsp, jsp_in, root};

fn answers() -> std::path::PathBuf {
    fixtures().join("acme-answers.yaml")
}

fn target() -> std::path::PathBuf {
    fixtures().join("acme-target.toml")
}

fn roadmap_json(answers: &std::path::Path, target: &std::path::Path) -> Value {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .arg("roadmap")
        .arg(answers)
        .arg("--target")
        .arg(target)
        .args(["-f", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_table_lists_phases_lowest_level_first_with_percent_to_target() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("roadmap")
        .arg(answers())
        .arg("--target")
        .arg(target());
    cmd.assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Roadmap: 67% of the way to the target",
        ))
        .stdout(predicate::str::contains(
            "Phase 1: to level 2 (Managed), 1 question",
        ))
        .stdout(predicate::str::contains(
            "  1. test-2a, Testing, now Partly implemented",
        ))
        .stdout(predicate::str::contains(
            "Phase 2: to level 3 (Defined), 1 question",
        ))
        .stdout(predicate::str::contains(
            "  1. test-3a, Testing, now Unanswered",
        ))
        // Met and not-applicable questions are no steps.
        .stdout(predicate::str::contains("test-2b").not())
        .stdout(predicate::str::contains("gov-").not());
}

#[test]
fn json_holds_domains_phases_and_steps() {
    let json = roadmap_json(&answers(), &target());
    // Governance at 3 of 3, testing at 1 of 3: 1 - (0 + 2) / (3 + 3).
    assert_eq!(json["percent_to_target"], 66.67);
    assert_eq!(json["domains"][0]["percent_to_target"], 100.0);
    assert_eq!(json["domains"][1]["id"], "testing");
    assert_eq!(json["domains"][1]["priority"], 5);
    assert_eq!(json["domains"][1]["gap"], 2);
    assert_eq!(json["domains"][1]["open"], 2);
    assert_eq!(json["phases"][0]["phase"], 1);
    assert_eq!(json["phases"][0]["level"], 2);
    let step = &json["phases"][0]["steps"][0];
    assert_eq!(step["question"], "test-2a");
    assert_eq!(step["answer"], "some");
    assert_eq!(step["label"], "Partly implemented");
    assert_eq!(step["priority"], 5);
    assert_eq!(json["phases"][1]["steps"][0]["question"], "test-3a");
    assert!(json["phases"][1]["steps"][0]["answer"].is_null());
}

#[test]
fn csv_is_a_plan_with_one_row_per_step() {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .arg("roadmap")
        .arg(root().join("examples/manufacturer-partial-answers.yaml"))
        .arg("--target")
        .arg(root().join("examples/targets-by-role.toml"))
        .args(["-f", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "phase",
            "domain",
            "question",
            "level",
            "current answer",
            "priority",
            "weight",
            "regulatory",
            "text",
            "guidance",
            "references"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json = roadmap_json(
        &root().join("examples/manufacturer-partial-answers.yaml"),
        &root().join("examples/targets-by-role.toml"),
    );
    let steps: Vec<&Value> = json["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["steps"].as_array().unwrap())
        .collect();
    assert_eq!(rows.len(), steps.len());
    for (row, step) in rows.iter().zip(&steps) {
        assert_eq!(&row[2], step["question"].as_str().unwrap());
        assert_eq!(&row[9], step["guidance"].as_str().unwrap_or_default());
    }
    // Guidance holds commas: quoted, so that every row has all its columns.
    assert!(rows.iter().all(|r| r.len() == 11));
}

/// Within a phase: regulatory first, then highest domain priority, then highest weight.
#[test]
fn the_shipped_role_target_orders_every_phase() {
    let json = roadmap_json(
        &root().join("examples/manufacturer-partial-answers.yaml"),
        &root().join("examples/targets-by-role.toml"),
    );
    let phases = json["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 2);
    let mut last_level = 0;
    for phase in phases {
        let level = phase["level"].as_u64().unwrap();
        assert!(level > last_level);
        last_level = level;
        let keys: Vec<(bool, u64, f64)> = phase["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                assert_eq!(s["level"], phase["level"]);
                (
                    s["regulatory"].as_bool().unwrap(),
                    s["priority"].as_u64().unwrap(),
                    s["weight"].as_f64().unwrap(),
                )
            })
            .collect();
        for pair in keys.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                (a.0, a.1) > (b.0, b.1) || ((a.0, a.1) == (b.0, b.1) && a.2 >= b.2),
                "{a:?} before {b:?}"
            );
        }
    }
    // The manufacturer section applies: governance at level 2, priority 4 from the top level.
    let governance = &json["domains"][0];
    assert_eq!(governance["id"], "governance");
    assert_eq!(governance["target"], 2);
    assert_eq!(governance["priority"], 4);
    // Open legal duties lead the phase they fall in: in version 2.0 the example's level-2
    // duties (cyber device determination, SBOM in the submission) are met, so the first phase
    // opens with the highest priority and the legal duties lead a later one.
    let regulatory: Vec<&serde_json::Value> = phases
        .iter()
        .filter(|p| {
            p["steps"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["regulatory"] == true)
        })
        .collect();
    assert!(!regulatory.is_empty());
    for phase in regulatory {
        assert_eq!(phase["steps"][0]["regulatory"], true);
    }
    assert_eq!(phases[0]["steps"][0]["priority"], 5);
}

#[test]
fn the_provider_section_applies_to_the_provider_questionnaire() {
    let json = roadmap_json(
        &root().join("examples/provider-answers.yaml"),
        &root().join("examples/targets-by-role.toml"),
    );
    let inventory = json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "inventory")
        .unwrap();
    assert_eq!(inventory["target"], 3);
    assert_eq!(inventory["priority"], 5);
    let training = json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "training")
        .unwrap();
    assert_eq!(training["target"], 2);
    assert_eq!(training["priority"], 3);
}

#[test]
fn the_shipped_targets_still_load() {
    for (answers, target) in [
        ("manufacturer-answers.yaml", "manufacturer-target.toml"),
        (
            "manufacturer-partial-answers.yaml",
            "manufacturer-target.toml",
        ),
        ("provider-answers.yaml", "provider-target.toml"),
        ("manufacturer-answers.yaml", "targets-by-role.toml"),
        ("provider-answers.yaml", "targets-by-role.toml"),
    ] {
        let mut cmd = jsp_in(&root());
        cmd.arg("roadmap")
            .arg(format!("examples/{answers}"))
            .arg("--target")
            .arg(format!("examples/{target}"));
        cmd.assert().success();
    }
    let mut cmd = jsp_in(&root());
    cmd.args(["validate", "examples/targets-by-role.toml"]);
    cmd.assert().success().stdout(predicate::str::contains(
        "with sections for manufacturer, provider",
    ));
}

#[test]
fn a_roadmap_needs_a_target() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("roadmap").arg(answers());
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("`jsp roadmap` needs a target"));
}

#[test]
fn bad_roles_and_priorities_are_errors_at_their_line() {
    let (dir, mut cmd) = jsp();
    let file = dir.path().join("target.toml");
    std::fs::write(
        &file,
        "default = 2\n[domains]\ntesting = { level = 3, priority = 7 }\n\n[roles.provder]\ndefault = 2\n",
    )
    .unwrap();
    cmd.arg("roadmap").arg(answers()).arg("--target").arg(&file);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains(
            "target.toml:3: `testing` has priority 7, outside 1..5",
        ))
        .stderr(predicate::str::contains(
            "target.toml:5: no questionnaire has the role `provder`",
        ))
        .stderr(predicate::str::contains("did you mean `provider`?"));

    let (dir, mut cmd) = jsp();
    let file = dir.path().join("target.toml");
    std::fs::write(
        &file,
        "[roles.manufacturer.domains]\ngovernance = 2\n[roles.provider.domains]\nnetwork = 3\nnetwrk = 3\n",
    )
    .unwrap();
    cmd.arg("score").arg(answers()).arg("--target").arg(&file);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains(
            "target.toml:5: `netwrk` is not a domain of `jsp-provider`",
        ))
        .stderr(predicate::str::contains("did you mean `network`?"));
}

#[test]
fn score_reports_percent_to_target_only_with_a_target() {
    let (_dir, mut cmd) = jsp();
    let output = cmd
        .arg("score")
        .arg(answers())
        .arg("--target")
        .arg(target())
        .args(["-f", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["overall"]["percent_to_target"], 66.67);
    assert_eq!(json["domains"][1]["percent_to_target"], 33.33);

    let (_dir, mut cmd) = jsp();
    let output = cmd
        .args(["score", "-f", "json"])
        .arg(answers())
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["overall"]["percent_to_target"].is_null());

    let (_dir, mut cmd) = jsp();
    cmd.arg("score")
        .arg(answers())
        .arg("--target")
        .arg(target());
    cmd.assert()
        .code(1)
        .stdout(predicate::str::contains("To target"))
        .stdout(predicate::str::contains("67%"));
    let (_dir, mut cmd) = jsp();
    cmd.args(["score", "-f", "markdown"])
        .arg(answers())
        .arg("--target")
        .arg(target());
    cmd.assert()
        .code(1)
        .stdout(predicate::str::contains("**67% of the way to the target**"))
        .stdout(predicate::str::contains("| 3 | **2 below** | 33% |"));
}

#[test]
fn the_markdown_report_has_the_roadmap_whenever_a_target_is_given() {
    let (_dir, mut cmd) = jsp();
    cmd.arg("report")
        .arg(answers())
        .arg("--target")
        .arg(target());
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("## What to do next"))
        .stdout(predicate::str::contains(
            "### Phase 2: to level 3 \\(Defined\\), 1 question",
        ))
        .stdout(predicate::str::contains(
            "1. Testing: **test-3a** Is a penetration test run before each major release? (now: Unanswered)",
        ));
    let (_dir, mut cmd) = jsp();
    cmd.arg("report").arg(answers());
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("Roadmap").not());
}

#[test]
fn every_format_writes_the_same_bytes_to_a_file() {
    for format in ["table", "markdown", "json", "csv"] {
        assert_file_gets_stdout(&[
            "roadmap".into(),
            answers().into(),
            "--target".into(),
            target().into(),
            "-f".into(),
            format.into(),
        ]);
    }
}
