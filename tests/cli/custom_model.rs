//! The shipped example of a custom model (`examples/custom-model/`): named scales, continuous
//! scoring, level descriptions, criteria, `na_levels: not-counted`, groups of domains and
//! streams within a domain, its scores checked against a computation by hand.
//!
//! Levels 0 (the base) to 3; a domain's score is 0 + the sum over levels 1..3 of the weighted
//! average of the level's applicable answer values (unanswered 0, `na` left out; a level whose
//! questions are all `na` adds 0, as `na_levels: not-counted` says).
//!
//! - threats: thr-1 `half` on the `teams` scale 0.5; thr-2 `current` on `freshness` 1;
//!   thr-3 `na`, so level 3 is not counted: 0.5 + 1 + 0 = 1.5.
//! - testing (weight 2): level 1 is tst-1 `most` 1 and tst-1b `half` on `teams` 0.5:
//!   0.75; level 2 is tst-2a `half` 0.5 (weight 2) and tst-2b `few` on `teams` 0.25
//!   (weight 1): (0.5 × 2 + 0.25) / 3 = 0.41667; level 3 is tst-3 unanswered 0 and tst-3b
//!   `no` 0: 0.75 + 0.41667 + 0 = 1.16667, shown 1.17.
//!   Its streams, each scored the same way over its own questions: automated (tst-1,
//!   tst-2a, tst-3b) 1 + 0.5 + 0 = 1.5; manual (tst-1b, tst-2b, tst-3) 0.5 + 0.25 + 0 = 0.75.
//! - response: rsp-1 `yes` on `yes-no` 1; rsp-2 `some` 0.25; rsp-3 `no` 0: 1.25.
//! - overall, weighted by domain: (1.5 + 2 × 1.16667 + 1.25) / 4 = 1.27083, shown 1.27.
//! - groups, each the weighted mean of its domains: build (threats, testing)
//!   (1.5 + 2 × 1.16667) / 3 = 1.27778, shown 1.28; operate (response) 1.25.
//!
//! Against the target (`default = 1.5`, threats 2.0, testing 1.5; rsp-2 1.0 and rsp-3 0.25
//! per question), a question's target value is the target's for it, else
//! clamp(T + 1 - L, 0, 1) for its domain's target T and its level L. Per level, the weighted averages of the
//! target values (aimed) and of the answer values capped at them (reached):
//!
//! - threats, T = 2: aimed 1 + 1 = 2 (thr-3 is `na`); reached 0.5 + 1 = 1.5; 75 %; gap 0.5.
//! - testing, T = 1.5: level 1 aims 1 and reaches (1 + 0.5) / 2 = 0.75; level 2 aims 0.5
//!   and reaches (0.5 × 2 + 0.25) / 3 = 0.41667; level 3 aims 0: aimed 1.5, reached
//!   1.16667; 77.78 %; gap 0.33.
//! - response, T = 1.5 but rsp-2 1.0 and rsp-3 0.25: aimed 1 + 1 + 0.25 = 2.25, so the
//!   target score shown is 0 + 2.25; reached 1 + 0.25 + 0 = 1.25; 55.56 %; gap 1.
//! - overall: (1.5 + 1.16667 + 1.25) / (2 + 1.5 + 2.25) = 3.91667 / 5.75 = 68.12 %.
//!
//! The roadmap: the questions below their target value: thr-1 (0.5 < 1), tst-1b (0.5 < 1),
//! tst-2b (0.25 < 0.5), rsp-2 (0.25 < 1) and rsp-3 (0 < 0.25); tst-2a is at its 0.5.
//!
//! Without a target, each question aims at its full value (the highest of its scale, 1 here),
//! and within a level the largest gain to the overall score comes first: the missing value
//! × weight / the level's weights × the domain's weight / 4. Level 1: thr-1 0.5 × 1/1 × 1/4
//! = 0.125, tst-1b 0.5 × 1/2 × 2/4 = 0.125 (a tie: questionnaire order). Level 2: rsp-2
//! 0.75 × 1/4 = 0.1875, tst-2a 0.5 × 2/3 × 2/4 = 0.1667, tst-2b 0.75 × 1/3 × 2/4 = 0.125.
//! Level 3: tst-3, tst-3b (1 × 1/2 × 2/4) and rsp-3 (1 × 1/4), 0.25 each.

use serde_json::Value;

use crate::{jsp_in, root};

fn run(args: &[&str]) -> Value {
    let examples = root().join("examples/custom-model");
    let output = jsp_in(&examples)
        .args(["--questionnaires", "questionnaires"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{output:?}"))
}

fn domain<'a>(document: &'a Value, id: &str) -> &'a Value {
    document["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

#[test]
fn the_example_scores_as_computed_by_hand() {
    let document = run(&["score", "answers.yaml", "-f", "json"]);
    assert_eq!(document["overall"]["score"], 1.27);
    for (id, score) in [("threats", 1.5), ("testing", 1.17), ("response", 1.25)] {
        assert_eq!(domain(&document, id)["score"], score, "{id}");
        // Scored continuously: no staged level.
        assert!(domain(&document, id).get("level").is_none(), "{id}");
    }
    assert!(document["overall"].get("level").is_none());
    let streams: Vec<(&str, f64)> = domain(&document, "testing")["streams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["score"].as_f64().unwrap()))
        .collect();
    assert_eq!(streams, [("automated", 1.5), ("manual", 0.75)]);
    let groups: Vec<(&str, f64)> = document["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            assert!(g.get("level").is_none(), "{g}");
            (g["id"].as_str().unwrap(), g["score"].as_f64().unwrap())
        })
        .collect();
    assert_eq!(groups, [("build", 1.28), ("operate", 1.25)]);
}

#[test]
fn the_example_target_is_reached_as_computed_by_hand() {
    let document = run(&[
        "score",
        "answers.yaml",
        "--target",
        "target.toml",
        "-f",
        "json",
    ]);
    assert_eq!(document["overall"]["percent_to_target"], 68.12);
    for (id, percent, gap, target) in [
        ("threats", 75.0, 0.5, 2.0),
        ("testing", 77.78, 0.33, 1.5),
        ("response", 55.56, 1.0, 2.25),
    ] {
        let scored = domain(&document, id);
        assert_eq!(scored["percent_to_target"], percent, "{id}");
        assert_eq!(scored["score_gap"], gap, "{id}");
        assert_eq!(scored["target_score"], target, "{id}");
    }
}

#[test]
fn the_example_roadmap_lists_the_questions_below_their_target_value() {
    let document = run(&[
        "roadmap",
        "answers.yaml",
        "--target",
        "target.toml",
        "-f",
        "json",
    ]);
    let steps: Vec<&str> = document["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["steps"].as_array().unwrap())
        .map(|s| s["question"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["tst-1b", "thr-1", "tst-2b", "rsp-2", "rsp-3"]);
}

/// The question ids of a JSON list of phases.
fn phase_steps(phases: &Value) -> Vec<&str> {
    phases
        .as_array()
        .unwrap_or_else(|| panic!("{phases}"))
        .iter()
        .flat_map(|p| p["steps"].as_array().unwrap())
        .map(|s| s["question"].as_str().unwrap())
        .collect()
}

/// Without a target, a continuous model has no next level to climb: the report's next steps,
/// its first steps and the roadmap all follow the one continuous rule, full value as target.
#[test]
fn without_a_target_next_steps_are_the_questions_below_full_value_largest_gain_first() {
    let expected = [
        "thr-1", "tst-1b", "rsp-2", "tst-2a", "tst-2b", "tst-3", "tst-3b", "rsp-3",
    ];
    let roadmap = run(&["roadmap", "answers.yaml", "-f", "json"]);
    assert_eq!(phase_steps(&roadmap["phases"]), expected);
    let report = run(&["report", "answers.yaml", "-f", "json"]);
    assert_eq!(phase_steps(&report["roadmap"]), expected);
    assert_eq!(report["first_steps"], serde_json::json!(expected[..5]));
    // Each domain's own next steps, as data: the same rule, domain by domain.
    assert_eq!(
        domain(&report, "testing")["next_steps"],
        serde_json::json!(["tst-1b", "tst-2a", "tst-2b", "tst-3", "tst-3b"])
    );
    let examples = root().join("examples/custom-model");
    let output = jsp_in(&examples)
        .args([
            "--questionnaires",
            "questionnaires",
            "report",
            "answers.yaml",
        ])
        .output()
        .unwrap();
    let markdown = String::from_utf8_lossy(&output.stdout);
    assert!(
        markdown.contains("No target is given, so each question aims at its full value"),
        "{markdown}"
    );
    assert!(
        markdown.contains("### Phase 2: the questions of level 2 \\(Routine\\) below their full value, 3 questions\n\n1. Defect response: **rsp-2**"),
        "{markdown}"
    );
    assert!(
        !markdown.contains("not yet met at its next level"),
        "{markdown}"
    );
}

#[test]
fn a_portfolio_of_a_continuous_model_counts_as_unmet_what_is_below_full_value() {
    // The same rule as the next steps without a target: no threshold, so `met_at` decides
    // nothing; an answer below its scale's highest value is still to do. With `met_at: 0.5`
    // the answers `half` would count as met if it did.
    let dir = tempfile::tempdir().unwrap();
    let examples = root().join("examples/custom-model");
    std::fs::create_dir(dir.path().join("questionnaires")).unwrap();
    let model = std::fs::read_to_string(examples.join("questionnaires/delivery-assurance.yaml"))
        .unwrap()
        .replace(
            "scoring: continuous\n",
            "scoring: continuous\nmet_at: 0.5\n",
        );
    assert!(model.contains("met_at: 0.5"));
    std::fs::write(dir.path().join("questionnaires/model.yaml"), model).unwrap();
    std::fs::copy(
        examples.join("answers.yaml"),
        dir.path().join("answers.yaml"),
    )
    .unwrap();
    let output = jsp_in(dir.path())
        .args([
            "--questionnaires",
            "questionnaires",
            "aggregate",
            "answers.yaml",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let portfolio: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut unmet: Vec<&str> = portfolio["most_unmet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    unmet.sort_unstable();
    let mut expected = [
        "thr-1", "tst-1b", "rsp-2", "tst-2a", "tst-2b", "tst-3", "tst-3b", "rsp-3",
    ];
    expected.sort_unstable();
    assert_eq!(unmet, expected);
}

#[test]
fn each_answer_is_worded_by_its_own_scale() {
    let document = run(&["report", "answers.yaml", "-f", "json"]);
    let answers: Vec<(&str, &str)> = document["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["answers"].as_array().unwrap())
        .map(|a| (a["id"].as_str().unwrap(), a["label"].as_str().unwrap()))
        .collect();
    for expected in [
        ("thr-1", "About half of the teams"),
        ("thr-2", "Reviewed within the last year"),
        ("tst-2a", "Yes, in at least half of the projects"),
        ("rsp-1", "Yes"),
    ] {
        assert!(answers.contains(&expected), "{expected:?} in {answers:?}");
    }
}

/// `jsp assess` of the example model in `dir`, typed `stdin` (piped); what it printed.
fn interview(dir: &std::path::Path, stdin: &str) -> String {
    let output = crate::jsp_in(dir)
        .arg("--questionnaires")
        .arg(root().join("examples/custom-model/questionnaires"))
        .args(["assess", "delivery-assurance", "--answers", "a.yaml"])
        .args(["--date", "2026-11-30"])
        .write_stdin(stdin)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_interview_offers_each_question_its_own_scale_and_its_help_keeps_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = interview(dir.path(), "Team\n\n\n?\nhalf\nq\n");
    // thr-1 is on the `teams` scale: its options, not the default scale's.
    assert!(stderr.contains("1 none  No team"), "{stderr}");
    assert!(stderr.contains("4 all   Every team"), "{stderr}");
    // `?`: the level described, line by line, then the criteria to tick.
    assert!(
        stderr.contains(
            "  Level 1 Occasional: Some teams do it, when they think of it.\n                      Nobody checks that it happens.\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("  Criteria:\n    [ ] The threats are written where the team keeps its design.\n    [ ] Each threat names what it would harm.\n"),
        "{stderr}"
    );
    let saved = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
    assert!(saved.contains("thr-1: half"), "{saved}");
}

/// The interview names a domain's group in its header and a question's stream beside its
/// domain, as the score table nests them.
#[test]
fn the_interview_names_each_domains_group_and_each_questions_stream() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = interview(dir.path(), "Team\n\n\ns\ns\ns\nq\n");
    assert!(
        stderr.contains("== Building it right › Threat assessment · 3 questions"),
        "{stderr}"
    );
    assert!(
        stderr.contains("[4/12] Security testing › Automated checks · level 1"),
        "{stderr}"
    );
    // A question in no stream shows its domain alone.
    assert!(
        stderr.contains("[1/12] Threat assessment · level 1"),
        "{stderr}"
    );
}

/// A model with many scales and streams, as SAMM is: each problem is one warning with its line,
/// not one per scale, per level or per question.
#[test]
fn a_model_with_many_scales_gets_each_warning_once_with_its_line() {
    let mut text = String::from(
        "id: many\ntitle: Many\nversion: \"1\"\nrole: r\nscoring: continuous\nlevels:\n  - {level: 0, name: None}\n  - {level: 1, name: One}\n  - {level: 2, name: Two}\n  - {level: 3, name: Three}\nscales:\n",
    );
    // Scales s0 to s11; every third, and s11, top out at 0.5, below the default met_at 0.75.
    for scale in 0..12 {
        let top = if scale % 3 == 0 || scale == 11 {
            0.5
        } else {
            1.0
        };
        text.push_str(&format!(
            "  - id: s{scale}\n    options:\n      - {{id: lo, label: Low, value: 0}}\n      - {{id: hi, label: High, value: {top}}}\n"
        ));
    }
    text.push_str("domains:\n");
    for domain in 0..4 {
        text.push_str(&format!(
            "  - id: d{domain}\n    title: D{domain}\n    streams:\n      - {{id: a, title: A}}\n    questions:\n"
        ));
        // Levels 1 and 2 only; in domain d0 two questions name no stream, a third holds `a`.
        if domain == 0 {
            text.push_str("      - {id: d0-a, level: 1, scale: s1, stream: a, text: Q}\n");
        }
        for level in 1..=2 {
            let scale = domain * 3 + level - 1;
            let stream = if domain == 0 { "" } else { ", stream: a" };
            text.push_str(&format!(
                "      - {{id: d{domain}-{level}, level: {level}, scale: s{scale}{stream}, text: Q}}\n"
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.yaml"), &text).unwrap();
    let output = jsp_in(dir.path())
        .args(["validate", "many.yaml"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    // s0, s3, s6 and s9; s11 is below too, but no question names it.
    let line_of = |needle: &str| text.lines().position(|l| l == needle).unwrap() + 1;
    assert_eq!(
        warnings,
        [
            format!(
                "jsp: warning: many.yaml:{}: 4 scales have no answer option that reaches met_at 0.75, so their questions can never be met: `s0`, `s3`, `s6`, `s9`",
                line_of("  - id: s0")
            ),
            format!(
                "jsp: warning: many.yaml:{}: 2 questions are in no stream of domain `d0`: they count in the domain's score, in no stream's: `d0-1`, `d0-2`",
                line_of("      - {id: d0-1, level: 1, scale: s0, text: Q}")
            ),
            format!(
                "jsp: warning: many.yaml:{}: 4 domains have no question at level 3 (Three); that level will not hold them back: `d0`, `d1`, `d2`, `d3`",
                line_of("  - id: d0")
            ),
        ],
        "{stderr}"
    );
}

/// The edges of a custom model give a clear error or a documented figure, never a panic or NaN:
/// targets outside their range, a weight on a group, a stream whose questions are all `na`, and
/// a target at the base.
#[test]
fn the_edges_of_a_custom_model_give_clear_errors_or_documented_figures() {
    let dir = tempfile::tempdir().unwrap();
    let examples = root().join("examples/custom-model");
    let q = examples.join("questionnaires");
    let answers = examples.join("answers.yaml");
    let jsp = |args: &[&std::ffi::OsStr]| {
        crate::jsp_in(dir.path())
            .arg("--questionnaires")
            .arg(&q)
            .args(args)
            .output()
            .unwrap()
    };
    for (target, message) in [
        (
            "[questions]\nrsp-2 = 1.5\n",
            "t.toml:2: `rsp-2` asks for the answer value 1.5, outside 0..1",
        ),
        (
            "[questions]\nrsp-2 = -0.5\n",
            "t.toml:2: `rsp-2` asks for the answer value -0.5, outside 0..1",
        ),
        (
            "default = 3.5\n",
            "t.toml:1: `default` asks for the score 3.5, outside the scores 0..3 of `delivery-assurance`",
        ),
        (
            "default = -0.5\n",
            "t.toml:1: `default` asks for the score -0.5, outside the scores 0..3 of `delivery-assurance`",
        ),
    ] {
        std::fs::write(dir.path().join("t.toml"), target).unwrap();
        let output = jsp(&[
            "score".as_ref(),
            answers.as_os_str(),
            "--target".as_ref(),
            "t.toml".as_ref(),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{target}: {stderr}");
        assert!(stderr.contains(message), "{target}: {stderr}");
    }
    // A target at the base asks nothing: no percentage (null), met, and a roadmap that says so.
    std::fs::write(dir.path().join("t.toml"), "default = 0\n").unwrap();
    let output = jsp(&[
        "roadmap".as_ref(),
        answers.as_os_str(),
        "--target".as_ref(),
        "t.toml".as_ref(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with(
            "Roadmap: The target asks for nothing above the base level: there is nothing to do."
        ),
        "{stdout}"
    );
    // Groups carry no weight: a `weight` on one is an unknown key at its line.
    let text = std::fs::read_to_string(q.join("delivery-assurance.yaml")).unwrap();
    let weighted = text.replace(
        "    title: Building it right\n",
        "    title: Building it right\n    weight: 0\n",
    );
    std::fs::create_dir(dir.path().join("q")).unwrap();
    std::fs::write(dir.path().join("q/d.yaml"), &weighted).unwrap();
    let output = crate::jsp_in(dir.path())
        .args(["validate", "q/d.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("groups[0]: unknown key `weight`"),
        "{stderr}"
    );
    // A stream whose questions are all `na` is not applicable: n/a in the tables, empty in CSV,
    // `applicable: false` in JSON, in score, diff and aggregate alike.
    let all_na = text
        .replace(
            "      - id: tst-1\n",
            "      - id: tst-1\n        na: true\n",
        )
        .replace(
            "      - id: tst-2a\n",
            "      - id: tst-2a\n        na: true\n",
        )
        .replace(
            "      - id: tst-3b\n",
            "      - id: tst-3b\n        na: true\n",
        );
    std::fs::write(dir.path().join("q/d.yaml"), &all_na).unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "questionnaire: delivery-assurance\nanswers:\n  tst-1: {answer: na, note: x}\n  tst-2a: {answer: na, note: x}\n  tst-3b: {answer: na, note: x}\n  tst-1b: half\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let output = crate::jsp_in(dir.path())
            .args(["--questionnaires", "q"])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    for args in [
        &["score", "a.yaml"][..],
        &["score", "a.yaml", "-f", "json"],
        &["score", "a.yaml", "-f", "markdown"],
        &["report", "a.yaml", "-f", "html"],
        &["diff", "a.yaml", "a.yaml", "-f", "json"],
        &["aggregate", "a.yaml", "-f", "json"],
        &["roadmap", "a.yaml", "-f", "json"],
    ] {
        let out = run(args);
        assert!(!out.contains("NaN"), "{args:?}: {out}");
    }
    assert!(run(&["score", "a.yaml"]).contains("↳ Automated checks ┆ n/a"));
    let json: Value = serde_json::from_str(&run(&["score", "a.yaml", "-f", "json"])).unwrap();
    assert_eq!(domain(&json, "testing")["streams"][0]["applicable"], false);
    let csv = run(&["aggregate", "a.yaml", "-f", "csv"]);
    assert!(csv.lines().nth(1).unwrap().ends_with(",,0.50"), "{csv}");
}
