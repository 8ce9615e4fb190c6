//! Domain groups and streams on a small questionnaire whose figures are worked out by hand:
//! `score` (JSON, table, JUnit), the markdown report and `aggregate` give the same numbers.

use std::path::Path;

use serde_json::Value;

use crate::jsp_in;

/// Default levels 1 to 5 and scale (`partial` 0.5, `largely` 0.75, `full` 1, met at 0.75).
const QUESTIONNAIRE: &str = r#"id: grouped
title: Grouped
version: "1"
role: test
groups:
  - id: g1
    title: First group
    benchmark:
      score: 1.5
      source: A survey
      sample_size: 12
      year: 2024
      confirmed: false
      measures: The mean of self-ratings on another scale.
  - id: g2
    title: Second group
domains:
  - id: a
    title: A
    weight: 2
    group: g1
    streams:
      - {id: s1, title: Stream one}
      - {id: s2, title: Stream two}
    questions:
      - {id: a2x, level: 2, text: x, stream: s1}
      - {id: a2y, level: 2, text: y, stream: s2}
      - {id: a3x, level: 3, text: z, stream: s1}
  - id: b
    title: B
    group: g1
    questions:
      - {id: b2x, level: 2, text: x}
      - {id: b3x, level: 3, text: y}
  - id: c
    title: C
    group: g2
    questions:
      - {id: c2x, level: 2, text: x, na: true}
  - id: d
    title: D
    questions:
      - {id: d2x, level: 2, text: x}
"#;

const ANSWERS: &str = "questionnaire: grouped\nanswers:\n  a2x: full\n  a2y: partial\n  a3x: full\n  b2x: full\n  b3x: partial\n  c2x: na\n  d2x: none\n";

fn setup(dir: &Path) {
    std::fs::create_dir_all(dir.join("q")).unwrap();
    std::fs::write(dir.join("q/grouped.yaml"), QUESTIONNAIRE).unwrap();
    std::fs::write(dir.join("answers.yaml"), ANSWERS).unwrap();
}

fn run(dir: &Path, args: &[&str]) -> String {
    let output = jsp_in(dir)
        .args(["--questionnaires", "q"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn close(value: &Value, expected: f64) -> bool {
    (value.as_f64().unwrap() - expected).abs() < 0.0051
}

#[test]
fn group_and_stream_scores_follow_the_documented_rule() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let json: Value = serde_json::from_str(&run(
        dir.path(),
        &["score", "answers.yaml", "--format", "json"],
    ))
    .unwrap();
    // a: level 2 (1 + 0.5) / 2 = 0.75, not all met; level 3: 1; levels 4 and 5 empty: 1 each.
    // Score 1 + 0.75 + 1 + 1 + 1 = 4.75, level 1.
    let a = &json["domains"][0];
    assert!(close(&a["score"], 4.75));
    assert_eq!(a["level"], 1);
    // Stream s1 (a2x, a3x both met): 1 + 1 + 1 + 1 + 1 = 5, level 5. Stream s2 (a2y at 0.5):
    // 1 + 0.5 + 1 + 1 + 1 = 4.5, level 1: the domain's rule over the stream's questions.
    let streams = &a["streams"];
    assert_eq!(streams[0]["id"], "s1");
    assert!(close(&streams[0]["score"], 5.0));
    assert_eq!(streams[0]["level"], 5);
    assert!(close(&streams[1]["score"], 4.5));
    assert_eq!(streams[1]["level"], 1);
    assert_eq!(
        (
            streams[1]["answered"].clone(),
            streams[1]["questions"].clone()
        ),
        (1.into(), 1.into())
    );
    // b: level 2 met (1), level 3 at 0.5: 1 + 1 + 0.5 + 1 + 1 = 4.5, level 2.
    assert!(close(&json["domains"][1]["score"], 4.5));
    assert_eq!(json["domains"][1]["level"], 2);
    // g1 = (4.75 × 2 + 4.5 × 1) / 3 = 4.67, level min(1, 2) = 1; g2's only domain is all N/A,
    // so it is not applicable and sits at the base.
    let groups = &json["groups"];
    assert_eq!(groups[0]["id"], "g1");
    assert_eq!(groups[0]["domains"], serde_json::json!(["a", "b"]));
    assert!(close(&groups[0]["score"], 14.0 / 3.0));
    assert_eq!(groups[0]["level"], 1);
    assert_eq!(groups[0]["applicable"], true);
    assert_eq!(groups[0]["benchmark"]["sample_size"], 12);
    assert_eq!(groups[0]["benchmark"]["confirmed"], false);
    assert_eq!(groups[1]["applicable"], false);
    assert!(groups[1].get("benchmark").is_none());
    // d (in no group) counts in the overall score: (4.75 × 2 + 4.5 + 4) / 4 = 4.5, d being
    // 1 + 0 + 1 + 1 + 1 = 4; so the overall differs from g1.
    assert!(close(&json["overall"]["score"], 4.5));

    // The markdown report: a row per stream under its domain, and the group table with the
    // benchmark's figure, its facts and what it measures.
    let markdown = run(
        dir.path(),
        &["report", "answers.yaml", "--format", "markdown"],
    );
    assert!(
        markdown.contains("| ↳ Stream one | 5 Optimizing | 5.00 | |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| ↳ Stream two | 1 Initial | 4.50 | |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| First group | A, B | 1 Initial | 4.67 | 1.50 (unconfirmed) |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Second group | C | not applicable | |"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "Benchmark: A survey, 2024, n = 12: The mean of self-ratings on another scale."
        )
    );
    // JUnit names each applicable group's figures as properties, beside the overall ones.
    let junit = run(dir.path(), &["score", "answers.yaml", "--format", "junit"]);
    assert!(
        junit.contains(r#"<property name="group.g1.score" value="4.67"/>"#),
        "{junit}"
    );
    assert!(
        junit.contains(r#"<property name="group.g1.level" value="1"/>"#),
        "{junit}"
    );
    assert!(!junit.contains("group.g2."), "{junit}");
    let table = run(dir.path(), &["score", "answers.yaml"]);
    assert!(table.contains("↳ Stream one"), "{table}");
    assert!(table.contains("1.50 (unconfirmed)"), "{table}");
}

#[test]
fn aggregate_gives_each_group_and_stream_its_statistics() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    std::fs::create_dir(dir.path().join("portfolio")).unwrap();
    std::fs::rename(
        dir.path().join("answers.yaml"),
        dir.path().join("portfolio/one.yaml"),
    )
    .unwrap();
    // A second assessment: everything met, so every group and stream is at 5.00.
    std::fs::write(
        dir.path().join("portfolio/two.yaml"),
        "questionnaire: grouped\nanswers:\n  a2x: full\n  a2y: full\n  a3x: full\n  b2x: full\n  b3x: full\n  c2x: full\n  d2x: full\n",
    )
    .unwrap();
    let json: Value = serde_json::from_str(&run(
        dir.path(),
        &["aggregate", "portfolio", "--format", "json"],
    ))
    .unwrap();
    let groups = json["groups"].as_array().unwrap();
    let ids: Vec<&str> = groups.iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["g1", "g2", "a/s1", "a/s2"]);
    assert!(close(&groups[0]["score"]["mean"], (14.0 / 3.0 + 5.0) / 2.0));
    assert_eq!(groups[0]["level"]["min"], 1.0);
    // g2 is not applicable in the first assessment: assessed once.
    assert_eq!(groups[1]["assessed"], 1);
    assert!(close(&groups[3]["score"]["mean"], (4.5 + 5.0) / 2.0));
    let markdown = run(
        dir.path(),
        &["aggregate", "portfolio", "--format", "markdown"],
    );
    assert!(markdown.contains("## Groups and streams"), "{markdown}");
    assert!(markdown.contains("| A: Stream two |"), "{markdown}");
}

/// A consultant's spreadsheet gets every group's and stream's level and score per assessment,
/// after the domains' columns, the same figures as `score`; JSON rows carry them too.
#[test]
fn aggregate_rows_carry_each_group_and_stream_in_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let csv = run(
        dir.path(),
        &["aggregate", "answers.yaml", "--format", "csv"],
    );
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.ends_with(
            ",d_level,d_score,group:g1_level,group:g1_score,group:g2_level,group:g2_score,a/s1_level,a/s1_score,a/s2_level,a/s2_score"
        ),
        "{header}"
    );
    // g1 1 4.67; g2 not applicable (empty); s1 5 5.00; s2 1 4.50.
    let row = lines.next().unwrap();
    assert!(row.ends_with(",1,4.67,,,5,5.00,1,4.50"), "{row}");
    let json: Value = serde_json::from_str(&run(
        dir.path(),
        &["aggregate", "answers.yaml", "--format", "json"],
    ))
    .unwrap();
    let row = &json["rows"][0];
    assert_eq!(
        row["groups"],
        serde_json::json!({"g1": {"level": 1, "score": 4.67}})
    );
    assert_eq!(
        row["streams"]["a/s2"],
        serde_json::json!({"level": 1, "score": 4.5})
    );
}

/// Scored continuous, the groups and streams of `aggregate` (and JUnit's group properties)
/// show no staged level either.
#[test]
fn aggregate_of_a_continuous_model_shows_no_level_for_groups_and_streams() {
    let examples = crate::root().join("examples/custom-model");
    let commands = [
        ("aggregate", "table"),
        ("aggregate", "markdown"),
        ("aggregate", "csv"),
        ("score", "junit"),
    ];
    for (command, format) in commands {
        let output = jsp_in(&examples)
            .args([
                "--questionnaires",
                "questionnaires",
                command,
                "answers.yaml",
            ])
            .args(["--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        // The spread per level and the level statistics; a question's own level stays.
        for staged in ["per level", "level min", "level\n", "_level", ".level"] {
            assert!(!text.to_lowercase().contains(staged), "{format}: {text}");
        }
        assert!(text.contains("1.28"), "{format}: {text}");
    }
}

/// `jsp diff` shows how each group and stream moved, beside the domains, in every format.
#[test]
fn diff_shows_each_group_and_stream_before_and_after() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    // a2y partial → full: stream s2 4.50 → 5.00 and level 1 → 5; domain a 4.75 → 5.00 and
    // level 1 → 5 (a3x met); g1 (5 × 2 + 4.5) / 3 = 4.83.
    std::fs::write(
        dir.path().join("after.yaml"),
        ANSWERS.replace("a2y: partial", "a2y: full"),
    )
    .unwrap();
    let diff = ["diff", "answers.yaml", "after.yaml"];
    let table = run(dir.path(), &diff);
    assert!(table.contains("↳ Stream two"), "{table}");
    assert!(table.contains("│ Group "), "{table}");
    assert!(table.contains("First group"), "{table}");
    let markdown = run(dir.path(), &[&diff[..], &["--format", "markdown"]].concat());
    assert!(
        markdown.contains("| ↳ Stream two | 1 Initial | 5 Optimizing | +4 | 4.50 | 5.00 | +0.50 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("## Groups\n\n| Group | Level before |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| First group | 1 Initial | 2 Managed | +1 | 4.67 | 4.83 | +0.16 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Second group | n/a | n/a |  |  |  |  |"),
        "{markdown}"
    );
    let json: Value = serde_json::from_str(&run(
        dir.path(),
        &[&diff[..], &["--format", "json"]].concat(),
    ))
    .unwrap();
    let s2 = &json["domains"][0]["streams"][1];
    assert_eq!(s2["id"], "s2");
    assert_eq!(s2["level_change"], 4);
    assert!(close(&s2["score_change"], 0.5));
    assert_eq!(json["groups"][0]["id"], "g1");
    assert_eq!(json["groups"][0]["after"]["level"], 2);
    assert!(json["domains"][1].get("streams").is_none());
}

/// The JSON Schema carries the new fields, and marks the per-domain benchmark deprecated.
#[test]
fn the_schema_has_groups_streams_and_the_benchmark_facts() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let schema: Value =
        serde_json::from_str(&run(dir.path(), &["schema", "questionnaire"])).unwrap();
    let definitions = &schema["definitions"];
    assert_eq!(
        schema["properties"]["groups"]["items"]["$ref"],
        "#/definitions/Group"
    );
    let benchmark = &definitions["Benchmark"];
    for field in [
        "score",
        "source",
        "sample_size",
        "year",
        "confirmed",
        "measures",
    ] {
        assert!(
            benchmark["required"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == field),
            "{field}"
        );
    }
    let domain = &definitions["Domain"]["properties"];
    assert!(domain["group"].is_object() && domain["streams"].is_object());
    assert_eq!(domain["benchmark"]["deprecated"], true);
    assert!(definitions["Question"]["properties"]["stream"].is_object());
}
