//! `aggregate` on real files: a hand-made portfolio checked by hand, a generated portfolio of
//! 200 assessments checked against the scores of each file, broken files, folders, globs and
//! every format.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use jsp::internals::Answers;
use jsp::internals::Catalog;
use jsp::internals::Questionnaire;

use crate::{fixtures, jsp, jsp_in, root};

/// Three assessments of the fixture questionnaire, whose figures are worked out below.
fn hand_made(dir: &Path) {
    std::fs::copy(fixtures().join("acme-answers.yaml"), dir.join("a.yaml")).unwrap();
    let header = "questionnaire: acme-lite\nversion: \"0.3\"\n";
    std::fs::write(
        dir.join("b.yaml"),
        format!("{header}organization: Beta\nanswers:\n  gov-2a: all\n  gov-3a: all\n  test-2a: all\n  test-2b: all\n  test-3a: all\n"),
    )
    .unwrap();
    std::fs::create_dir(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("more/c.yaml"),
        format!("{header}subject: Gamma site\nanswers:\n  gov-2a: \"no\"\n  test-2a: most\n  test-2b: some\n  test-3a: \"no\"\n"),
    )
    .unwrap();
}

fn json_of(cmd: &mut assert_cmd::Command) -> Value {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn close(value: &Value, expected: f64) -> bool {
    (value.as_f64().unwrap() - expected).abs() < 0.0051
}

#[test]
fn a_hand_made_portfolio_adds_up_as_worked_out_by_hand() {
    let (dir, mut cmd) = jsp();
    hand_made(dir.path());
    let json = json_of(cmd.args(["aggregate", ".", "--format", "json"]));
    assert_eq!(json["assessments"], 3);
    // a: governance 3 (2.80), testing 1 (1.50); b: 3 (3.00) and 3 (3.00); c: 1 (1.00), 1 (1.65).
    let governance = &json["domains"][0];
    assert_eq!(governance["id"], "governance");
    assert_eq!(governance["assessed"], 3);
    assert_eq!(governance["level"]["min"], 1.0);
    assert_eq!(governance["level"]["median"], 3.0);
    assert!(close(&governance["level"]["mean"], 7.0 / 3.0));
    assert_eq!(governance["level"]["max"], 3.0);
    assert_eq!(governance["score"]["min"], 1.0);
    assert_eq!(governance["score"]["median"], 2.8);
    assert!(close(&governance["score"]["mean"], (2.8 + 3.0 + 1.0) / 3.0));
    assert_eq!(governance["score"]["max"], 3.0);
    assert_eq!(
        governance["spread"],
        serde_json::json!({"1": 1, "2": 0, "3": 2})
    );
    let testing = &json["domains"][1];
    assert_eq!(testing["level"]["median"], 1.0);
    assert_eq!(testing["score"]["median"], 1.65);
    assert!(close(&testing["score"]["mean"], (1.5 + 3.0 + 1.65) / 3.0));
    assert_eq!(
        testing["spread"],
        serde_json::json!({"1": 2, "2": 0, "3": 1})
    );
    // Overall: a (2.80*2 + 1.50)/3 = 2.37, b 3.00, c (1.00*2 + 1.65)/3 = 1.22.
    let overall = &json["overall"];
    assert_eq!(overall["level"]["median"], 1.0);
    assert_eq!(overall["score"]["min"], 1.22);
    assert_eq!(overall["score"]["median"], 2.37);
    assert!(close(
        &overall["score"]["mean"],
        (7.1 / 3.0 + 3.0 + 3.65 / 3.0) / 3.0
    ));

    let rows = json["rows"].as_array().unwrap();
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["./a.yaml", "./b.yaml", "./more/c.yaml"]);
    let weakest: Vec<&str> = rows
        .iter()
        .map(|r| r["weakest_domain"].as_str().unwrap())
        .collect();
    assert_eq!(weakest, ["testing", "governance", "governance"]);
    assert_eq!(rows[0]["organization"], "Acme Medical");
    assert_eq!(rows[2]["subject"], "Gamma site");
    assert_eq!(rows[2]["score"], 1.22);
    assert_eq!(rows[2]["unanswered"], 1);

    // test-3a: unanswered in a, "no" in c. The rest once each, in questionnaire order.
    let unmet = json["most_unmet"].as_array().unwrap();
    let ids: Vec<&str> = unmet.iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["test-3a", "gov-2a", "gov-3a", "test-2a", "test-2b"]);
    assert_eq!(unmet[0]["unmet"], 2);
    assert_eq!(unmet[0]["unanswered"], 1);
    assert_eq!(unmet[0]["applicable"], 3);
    // test-2b is `na` in a: it applies in two assessments only.
    assert_eq!(unmet[4]["applicable"], 2);
    assert_eq!(unmet[4]["share"], 0.5);
}

fn manufacturer() -> Questionnaire {
    Catalog::default()
        .find("jsp-manufacturer", &mut Vec::new())
        .unwrap()
        .questionnaire
}

/// The median as a textbook computes it.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    (values[(n - 1) / 2] + values[n / 2]) / 2.0
}

#[test]
fn a_generated_portfolio_of_200_matches_the_scores_of_its_files() {
    let q = manufacturer();
    let dir = tempfile::tempdir().unwrap();
    let files = jsp::internals::write_portfolio(&q, dir.path(), 200, 42).unwrap();
    let json = json_of(
        jsp_in(dir.path())
            .args(["aggregate", "--format", "json", "--top", "200"])
            .arg(dir.path()),
    );
    assert_eq!(json["assessments"], 200);
    assert_eq!(json["rows"].as_array().unwrap().len(), 200);

    // Every file scored on its own, as `jsp score` does, and the figures computed from the lists.
    let mut levels = vec![Vec::new(); q.domains.len()];
    let mut scores = vec![Vec::new(); q.domains.len()];
    let mut exact = vec![Vec::new(); q.domains.len()];
    let mut unmet = vec![0u64; q.question_count()];
    for file in &files {
        let (answers, _) = Answers::load(file).unwrap();
        let card = jsp::internals::score(&q, &answers, None);
        for (i, domain) in card.domains.iter().enumerate() {
            if domain.applicable {
                levels[i].push(f64::from(domain.level));
                scores[i].push(jsp::internals::round2(domain.score));
                exact[i].push(domain.score);
            }
        }
        for (i, (_, question)) in q.questions().enumerate() {
            let status = card.status(&answers, question);
            if status != jsp::internals::Status::NotApplicable && !status.is_met() {
                unmet[i] += 1;
            }
        }
    }
    for (i, domain) in json["domains"].as_array().unwrap().iter().enumerate() {
        let (levels, scores) = (&levels[i], &scores[i]);
        assert_eq!(domain["assessed"], levels.len());
        let max = |v: &Vec<f64>| v.iter().copied().fold(f64::MIN, f64::max);
        let min = |v: &Vec<f64>| v.iter().copied().fold(f64::MAX, f64::min);
        let mean = |v: &Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
        assert_eq!(domain["level"]["min"], min(levels));
        assert_eq!(domain["level"]["max"], max(levels));
        assert_eq!(domain["level"]["median"], median(levels.clone()));
        assert!(close(&domain["level"]["mean"], mean(levels)));
        assert!(close(&domain["score"]["min"], min(scores)));
        assert!(close(&domain["score"]["max"], max(scores)));
        assert!(
            (domain["score"]["median"].as_f64().unwrap() - median(scores.clone())).abs() < 1e-9
        );
        assert!(close(&domain["score"]["mean"], mean(&exact[i])));
        let spread: u64 = domain["spread"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(spread, levels.len() as u64);
    }
    for question in json["most_unmet"].as_array().unwrap() {
        let index = q
            .questions()
            .position(|(_, q)| q.id == question["id"].as_str().unwrap())
            .unwrap();
        assert_eq!(question["unmet"], unmet[index]);
    }
    // The most often unmet question is unmet at least as often as every other.
    assert_eq!(
        json["most_unmet"][0]["unmet"],
        unmet.iter().copied().max().unwrap()
    );
}

fn broken_portfolio() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    hand_made(dir.path());
    let broken = dir.path().join("more/broken.yaml");
    std::fs::write(
        &broken,
        "questionnaire: acme-lite\nanswers:\n  gov-2a: all\n  gov-9z: all\n",
    )
    .unwrap();
    (dir, broken)
}

#[test]
fn a_broken_file_fails_the_run_with_its_name_and_line() {
    let (dir, _) = broken_portfolio();
    let (_, mut cmd) = jsp();
    cmd.current_dir(dir.path()).args(["aggregate", "."]);
    cmd.assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "more/broken.yaml:4: `gov-9z` is not a question of `acme-lite`",
        ))
        .stderr(predicate::str::contains("--keep-going"));
}

#[test]
fn keep_going_skips_a_broken_file_and_says_so() {
    let (dir, _) = broken_portfolio();
    let (_, mut cmd) = jsp();
    cmd.current_dir(dir.path())
        .args(["aggregate", ".", "--keep-going", "--format", "json"]);
    let output = cmd.output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("jsp: skipped: ./more/broken.yaml:4:"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["assessments"], 3);
    assert_eq!(json["skipped"][0]["file"], "./more/broken.yaml");

    let (_, mut cmd) = jsp();
    cmd.current_dir(dir.path())
        .args(["aggregate", ".", "--keep-going"]);
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("3 assessments, 1 file skipped"));
}

#[test]
fn a_file_of_another_questionnaire_is_an_error_naming_it() {
    let mut cmd = jsp_in(&root());
    cmd.args([
        "aggregate",
        "examples/manufacturer-answers.yaml",
        "examples/provider-answers.yaml",
    ]);
    cmd.assert().code(2).stderr(predicate::str::contains(
        "examples/provider-answers.yaml:3: the file answers `jsp-provider`, but the portfolio is of `jsp-manufacturer`",
    ));

    let mut cmd = jsp_in(&root());
    cmd.args([
        "aggregate",
        "examples/manufacturer-answers.yaml",
        "--questionnaire",
        "jsp-provider",
    ]);
    cmd.assert().code(2).stderr(predicate::str::contains(
        "manufacturer-answers.yaml:3: the file answers `jsp-manufacturer`, but the portfolio is of `jsp-provider`",
    ));
}

#[test]
fn folders_and_quoted_globs_find_the_same_files() {
    let (dir, mut cmd) = jsp();
    hand_made(dir.path());
    let by_folder = json_of(cmd.args(["aggregate", ".", "--format", "json"]));
    let (_, mut cmd) = jsp();
    // As a script or a quoted argument passes it: the pattern reaches jsp unexpanded.
    let by_glob = json_of(cmd.current_dir(dir.path()).args([
        "aggregate",
        "*.yaml",
        "more/*.yaml",
        "--format",
        "json",
    ]));
    assert_eq!(by_glob["assessments"], 3);
    assert_eq!(by_folder["domains"], by_glob["domains"]);

    let (_, mut cmd) = jsp();
    cmd.current_dir(dir.path())
        .args(["aggregate", "nothing/*.yaml"]);
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("the pattern matches no file"));
}

#[test]
fn every_format_shows_the_portfolio() {
    let (dir, mut cmd) = jsp();
    hand_made(dir.path());
    cmd.args(["aggregate", "."]);
    cmd.assert()
        .success()
        .stdout(predicate::str::contains("3 assessments"))
        .stdout(predicate::str::contains("governance"))
        .stdout(predicate::str::contains("2.80"))
        .stdout(predicate::str::contains("Most often unmet questions"))
        .stdout(predicate::str::contains("1/0/2"));

    let (_, mut cmd) = jsp();
    cmd.current_dir(dir.path())
        .args(["aggregate", ".", "--format", "markdown"]);
    cmd.assert()
        .success()
        .stdout(predicate::str::contains(
            "# Portfolio: ACME lite maturity model",
        ))
        .stdout(predicate::str::contains("## Domains"))
        .stdout(predicate::str::contains("| **Overall** | 3 | 1 | 1 |"))
        .stdout(predicate::str::contains(
            "| test-3a | testing | 3 | 2 | 67% | 1 |",
        ));

    let (_, mut cmd) = jsp();
    let output = cmd
        .current_dir(dir.path())
        .args(["aggregate", ".", "--format", "csv"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let csv = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,organization,subject,date,level,score,weakest_domain,unanswered,governance_level,governance_score,testing_level,testing_score"
    );
    assert_eq!(
        lines[1],
        "./a.yaml,Acme Medical,Infusion pump line,2026-11-28,1,2.37,testing,1,3,2.80,1,1.50"
    );
    assert_eq!(lines.len(), 4);

    // -o writes the same bytes as standard output.
    let (_, mut cmd) = jsp();
    cmd.current_dir(dir.path())
        .args(["aggregate", ".", "--format", "csv", "-o", "out.csv"])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.csv")).unwrap(),
        csv
    );
}

#[test]
fn the_readme_example_runs_as_written() {
    let mut cmd = jsp_in(&root());
    cmd.args([
        "aggregate",
        "examples/manufacturer-*answers.yaml",
        "--top",
        "3",
    ]);
    cmd.assert().success().stdout(predicate::str::contains(
        "(jsp-manufacturer 2.1): 2 assessments",
    ));
}

#[test]
fn the_portfolio_table_fits_60_and_80_columns() {
    // Before: the assessments table kept 78 columns at any width, the headline and the set
    // titles ran on, and the unmet questions' text was squeezed to five letters a line.
    for width in [60, 80] {
        let output = jsp_in(&root())
            .env("COLUMNS", width.to_string())
            .args([
                "aggregate",
                "examples/manufacturer-*answers.yaml",
                "--top",
                "3",
            ])
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        assert!(text.contains("Weakest"), "{text}");
        assert!(text.contains("eu-mdr-annex-i: EU MDR Annex I"), "{text}");
        // The question's text keeps whole words on lines of a readable length.
        assert!(text.contains("Are product security"), "{width}:\n{text}");
    }
}
