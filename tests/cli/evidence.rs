//! `jsp evidence`, the report's evidence ages and `--fail-on-stale-evidence`, on a real git
//! repository made for the test: a tracked file, an untracked one, a missing one, and paths
//! that leave the repository by `..`, by an absolute path and by a symbolic link.

use std::path::Path;
use std::process::Command;

use crate::{fixtures, jsp_in};

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

const ANSWERS: &str = r#"questionnaire: acme-lite
organization: Acme Medical
answers:
  gov-2a:
    answer: all
    evidence:
      - ref: docs/tracked.pdf
        date: 2026-01-31
        owner: QA
      - ref: docs/untracked.pdf
        date: 2026-06-01
      - docs/missing.pdf
      - ../top.md
  gov-3a:
    answer: most
    evidence:
      - ../../../../../../etc/passwd
      - /etc/passwd
      - docs/link-out.pdf
      - docs/loop.pdf
      - https://qms.example/policy
      - JIRA-1234
  test-2a:
    answer: some
    evidence:
      - ref: SOP-7 rev C
        date: 2026-01-15
        expires: 2026-03-31
      - ref: Pen test PT-9
        date: 2025-02-28
      - "docs/<img src=x onerror=alert(1)>.pdf"
"#;

/// `repo/top.md` and `repo/audit/docs/tracked.pdf` tracked; the answers in `repo/audit`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    let audit = repo.join("audit");
    std::fs::create_dir_all(audit.join("docs")).unwrap();
    std::fs::write(repo.join("top.md"), "top").unwrap();
    std::fs::write(audit.join("docs/tracked.pdf"), "pdf").unwrap();
    std::fs::write(audit.join("answers.yaml"), ANSWERS).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/passwd", audit.join("docs/link-out.pdf")).unwrap();
        std::os::unix::fs::symlink("loop2.pdf", audit.join("docs/loop.pdf")).unwrap();
        std::os::unix::fs::symlink("loop.pdf", audit.join("docs/loop2.pdf")).unwrap();
    }
    git(
        repo,
        &[
            "add",
            "top.md",
            "audit/docs/tracked.pdf",
            "audit/answers.yaml",
        ],
    );
    git(repo, &["commit", "-qm", "assessment"]);
    std::fs::write(audit.join("docs/untracked.pdf"), "pdf").unwrap();
    dir
}

fn jsp(dir: &Path) -> assert_cmd::Command {
    let mut cmd = jsp_in(dir);
    cmd.arg("--questionnaires")
        .arg(fixtures().join("questionnaires"));
    cmd
}

fn statuses(json: &serde_json::Value) -> Vec<(String, String)> {
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["ref"].as_str().unwrap().to_string(),
                i["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_item_gets_its_status_and_no_path_leaves_the_repository() {
    let repo = repository();
    let output = jsp(&repo.path().join("audit"))
        .args([
            "evidence",
            "answers.yaml",
            "--as-of",
            "2026-12-01",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["within"], "repository");
    let got = statuses(&json);
    let want = [
        ("docs/tracked.pdf", "ok"),
        ("docs/untracked.pdf", "untracked"),
        ("docs/missing.pdf", "missing"),
        ("../top.md", "ok"),
        ("../../../../../../etc/passwd", "outside"),
        ("/etc/passwd", "outside"),
        ("docs/link-out.pdf", "outside"),
        ("docs/loop.pdf", "missing"),
        ("https://qms.example/policy", "ok"),
        ("JIRA-1234", "ok"),
        ("SOP-7 rev C", "expired"),
        ("Pen test PT-9", "ok"),
        ("docs/<img src=x onerror=alert(1)>.pdf", "missing"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    let first = &json["items"][0];
    assert_eq!(first["age_months"], 10);
    assert_eq!(first["owner"], "QA");
    assert_eq!(json["items"][8]["path"], false);
}

#[test]
fn a_maximum_age_from_the_target_wins_and_the_gate_fails_on_stale_items() {
    let repo = repository();
    let audit = repo.path().join("audit");
    std::fs::write(
        audit.join("target.toml"),
        "default = 1\nevidence_max_age_months = 12\n",
    )
    .unwrap();
    let output = jsp(&audit)
        .args([
            "evidence",
            "answers.yaml",
            "--as-of",
            "2026-03-01",
            "--target",
            "target.toml",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["max_age_months"], 12);
    assert_eq!(json["max_age_set_by"], "target");
    let got = statuses(&json);
    // 2025-02-28 + 12 months is 2026-02-28: too old on 1 March.
    assert!(
        got.contains(&("Pen test PT-9".into(), "too-old".into())),
        "{got:?}"
    );
    // Expires on 31 March: within 30 days.
    assert!(
        got.contains(&("SOP-7 rev C".into(), "expires-soon".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("JIRA-1234".into(), "undated".into())),
        "{got:?}"
    );

    // The gate: exit 1, each stale item on stderr; undated items do not fail it.
    let output = jsp(&audit)
        .args([
            "score",
            "answers.yaml",
            "--as-of",
            "2026-03-01",
            "--fail-on-stale-evidence",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("gate failed: evidence `docs/missing.pdf` of `gov-2a` is missing"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "`/etc/passwd` of `gov-3a` is outside: the path leaves the repository; not opened"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("JIRA-1234"), "{stderr}");
    // Without the flag, the same file passes.
    jsp(&audit)
        .args(["score", "answers.yaml", "--as-of", "2026-03-01"])
        .assert()
        .success();
    jsp(&audit)
        .args([
            "evidence",
            "answers.yaml",
            "--as-of",
            "2026-03-01",
            "--fail-on-stale-evidence",
        ])
        .assert()
        .code(1);
}

#[test]
fn outside_git_the_answers_folder_is_the_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit");
    std::fs::create_dir_all(audit.join("docs")).unwrap();
    std::fs::write(dir.path().join("top.md"), "top").unwrap();
    std::fs::write(audit.join("docs/tracked.pdf"), "pdf").unwrap();
    std::fs::write(audit.join("docs/untracked.pdf"), "pdf").unwrap();
    std::fs::write(audit.join("answers.yaml"), ANSWERS).unwrap();
    let output = jsp(&audit)
        .env("GIT_CEILING_DIRECTORIES", dir.path())
        .args([
            "evidence",
            "answers.yaml",
            "--as-of",
            "2026-12-01",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["within"], "folder");
    let got = statuses(&json);
    assert!(
        got.contains(&("docs/untracked.pdf".into(), "ok".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("../top.md".into(), "outside".into())),
        "{got:?}"
    );
}

#[test]
fn reports_show_each_age_and_list_what_to_renew() {
    let repo = repository();
    let audit = repo.path().join("audit");
    let report = |format: &str| {
        let output = jsp(&audit)
            .args([
                "report",
                "answers.yaml",
                "--as-of",
                "2026-12-01",
                "-f",
                format,
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let markdown = report("markdown");
    assert!(markdown.contains("## Evidence to renew"), "{markdown}");
    assert!(markdown.contains("- [Evidence to renew](#evidence-to-renew)"));
    assert!(
        markdown.contains("docs/tracked.pdf (10 months)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("SOP-7 rev C (10 months, expired)"),
        "{markdown}"
    );
    let html = report("html");
    assert!(html.contains("<h2 id=\"evidence-to-renew\">Evidence to renew</h2>"));
    assert!(html.contains("(10 months, expired)"));
    // A hostile reference is listed as text, never as markup.
    assert!(
        html.contains("docs/&lt;img src=x onerror=alert(1)&gt;.pdf"),
        "{html}"
    );
    assert!(!html.contains("<img src=x"), "{html}");
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(json["evidence"]["as_of"], "2026-12-01");
    assert_eq!(json["evidence"]["items"].as_array().unwrap().len(), 13);
}

#[test]
fn the_table_fits_a_60_column_terminal() {
    let repo = repository();
    let output = jsp(&repo.path().join("audit"))
        .env("COLUMNS", "60")
        .args(["evidence", "answers.yaml", "--as-of", "2026-12-01"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    for line in stdout.lines() {
        assert!(line.chars().count() <= 60, "{line:?}\n{stdout}");
    }
    assert!(stdout.contains("untracked"), "{stdout}");
}

#[test]
fn the_html_report_draws_the_history_and_a_file_outside_git_has_one_point() {
    let repo = repository();
    let audit = repo.path().join("audit");
    let html = jsp(&audit)
        .args([
            "report",
            "answers.yaml",
            "--as-of",
            "2026-12-01",
            "-f",
            "html",
            "--history",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("<h2 id=\"history\">History</h2>"), "{html}");
    assert!(html.contains("<svg"), "{html}");
    let markdown = jsp(&audit)
        .args([
            "report",
            "answers.yaml",
            "--as-of",
            "2026-12-01",
            "--history",
        ])
        .output()
        .unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.contains("## History"), "{markdown}");
    assert!(
        markdown.contains("One point only: the file has one version in git."),
        "{markdown}"
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.yaml"), ANSWERS).unwrap();
    let output = jsp(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args([
            "report",
            "answers.yaml",
            "--as-of",
            "2026-12-01",
            "--history",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["history"]["points"].as_array().unwrap().len(), 1);
    assert_eq!(
        json["history"]["notes"][0],
        "One point only: the file is not in a git work tree."
    );
}

/// Each test case of the JUnit XML in `bytes`, parsed: (suite, case, what it is: `failure`,
/// `skipped` or `ok`, the message).
fn junit_cases(bytes: &[u8]) -> Vec<(String, String, String, String)> {
    let text = std::str::from_utf8(bytes).unwrap();
    let xml = roxmltree::Document::parse(text).unwrap();
    let mut cases = Vec::new();
    for suite in xml.descendants().filter(|n| n.has_tag_name("testsuite")) {
        let cases_here: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let failures = cases_here
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        // The counts a dashboard reads agree with the cases.
        assert_eq!(
            suite.attribute("tests"),
            Some(cases_here.len().to_string().as_str())
        );
        assert_eq!(
            suite.attribute("failures"),
            Some(failures.to_string().as_str())
        );
        for case in cases_here {
            let outcome = case
                .children()
                .find(|n| n.has_tag_name("failure") || n.has_tag_name("skipped"));
            cases.push((
                suite.attribute("name").unwrap().to_string(),
                case.attribute("name").unwrap().to_string(),
                outcome.map_or("ok", |n| n.tag_name().name()).to_string(),
                outcome
                    .and_then(|n| n.attribute("message"))
                    .unwrap_or_default()
                    .to_string(),
            ));
        }
    }
    cases
}

/// With `--fail-on-stale-evidence`, the JUnit XML of `score` and of `evidence` has a test case
/// per evidence item, failed exactly for the items the gate fails on, with the gate's words: a
/// dashboard is red exactly when the job is. Without the flag nothing fails (stale items of
/// `jsp evidence` are skipped, saying why).
#[test]
fn junit_fails_an_evidence_case_exactly_when_the_gate_does() {
    let repo = repository();
    let audit = repo.path().join("audit");
    let run = |args: &[&str]| {
        let output = jsp(&audit).args(args).output().unwrap();
        (
            output.status.code(),
            junit_cases(&output.stdout),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let junit = |command: &str, file: &str, gate: bool| {
        let mut args = vec![command, file, "--as-of", "2026-05-01", "-f", "junit"];
        if gate {
            args.push("--fail-on-stale-evidence");
        }
        run(&args)
    };
    let gated = |command: &str, file: &str| junit(command, file, true);
    let of_evidence = |cases: &[(String, String, String, String)]| {
        cases
            .iter()
            .filter(|(suite, ..)| suite.starts_with("evidence"))
            .cloned()
            .collect::<Vec<_>>()
    };
    let stale = [
        ("gov-2a", "docs/untracked.pdf", "untracked"),
        ("gov-2a", "docs/missing.pdf", "missing"),
        ("gov-2a", "../top.md", "ok"),
        ("gov-3a", "../../../../../../etc/passwd", "outside"),
        ("gov-3a", "/etc/passwd", "outside"),
        ("gov-3a", "docs/link-out.pdf", "outside"),
        ("gov-3a", "docs/loop.pdf", "missing"),
        ("test-2a", "SOP-7 rev C", "expired"),
        (
            "test-2a",
            "docs/<img src=x onerror=alert(1)>.pdf",
            "missing",
        ),
    ];
    for command in ["score", "evidence"] {
        let (code, cases, stderr) = gated(command, "answers.yaml");
        assert_eq!(code, Some(1), "{command}: {stderr}");
        let evidence = of_evidence(&cases);
        assert_eq!(evidence.len(), 13, "{command}: {evidence:#?}");
        assert!(
            evidence
                .iter()
                .all(|(suite, ..)| suite == "evidence as of 2026-05-01"),
            "{evidence:#?}"
        );
        let failed: Vec<_> = evidence
            .iter()
            .filter(|(_, _, outcome, _)| outcome == "failure")
            .collect();
        let expected: Vec<_> = stale.iter().filter(|(_, _, s)| *s != "ok").collect();
        assert_eq!(failed.len(), expected.len(), "{command}: {failed:#?}");
        for ((_, name, _, message), (question, reference, status)) in failed.iter().zip(expected) {
            assert_eq!(name, &format!("{question}: {reference}"));
            assert!(
                message.starts_with(&format!(
                    "evidence `{reference}` of `{question}` is {status}: "
                )),
                "{message}"
            );
            // The case says what the gate said on stderr.
            assert!(
                stderr.contains(&format!("jsp: gate failed: {message}\n")),
                "{message}\n{stderr}"
            );
        }
        // Nothing else fails: the domains have no target here.
        assert!(
            cases
                .iter()
                .filter(|(_, _, outcome, _)| outcome == "failure")
                .all(|(suite, ..)| suite.starts_with("evidence")),
            "{cases:#?}"
        );
    }

    // Without the flag the job passes, and so does every case.
    let (code, cases, _) = junit("score", "answers.yaml", false);
    assert_eq!(code, Some(0));
    assert!(cases.iter().all(|(_, _, o, _)| o == "ok"), "{cases:#?}");
    let (code, cases, _) = junit("evidence", "answers.yaml", false);
    assert_eq!(code, Some(0));
    assert!(
        cases.iter().all(|(_, _, o, _)| o != "failure"),
        "{cases:#?}"
    );
    let skipped: Vec<_> = cases.iter().filter(|(_, _, o, _)| o == "skipped").collect();
    assert_eq!(skipped.len(), 8, "{skipped:#?}");
    assert!(
        skipped[0]
            .3
            .ends_with("(not gated: add --fail-on-stale-evidence)"),
        "{skipped:#?}"
    );

    // All fresh: the gate passes, and every case with it.
    std::fs::write(
        audit.join("fresh.yaml"),
        "questionnaire: acme-lite\nanswers:\n  gov-2a:\n    answer: all\n    evidence:\n      - docs/tracked.pdf\n      - {ref: SOP-7, date: 2026-01-01, expires: 2027-01-01}\n",
    )
    .unwrap();
    for command in ["score", "evidence"] {
        let (code, cases, stderr) = gated(command, "fresh.yaml");
        assert_eq!(code, Some(0), "{command}: {stderr}");
        let evidence = of_evidence(&cases);
        assert_eq!(evidence.len(), 2, "{command}: {cases:#?}");
        assert!(evidence.iter().all(|(_, _, o, _)| o == "ok"), "{cases:#?}");
    }
}

/// `jsp validate` checks the evidence too, by the rule of `jsp evidence`: a path that is not
/// there for whoever reads the repository (missing, untracked, outside it) is an error, as it
/// is one whatever the day; an item past its expiry or older than the maximum age is a
/// warning, since only the day made it so (`--fail-on-stale-evidence` is the gate for that).
/// Each at its line, with how to fix it.
#[test]
fn validate_reports_paths_as_errors_and_ages_as_warnings() {
    let repo = repository();
    let audit = repo.path().join("audit");
    let output = jsp(&audit)
        .args(["validate", "answers.yaml", "--as-of", "2026-05-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "jsp: warning: answers.yaml:26: evidence `SOP-7 rev C` of `test-2a` is expired: past its expiry date 2026-03-31
  hint: renew it, then update its `date` and `expires`; `jsp evidence` lists every item with its age
jsp: error: answers.yaml:10: evidence `docs/untracked.pdf` of `gov-2a` is untracked: the file is not tracked by git
  hint: `git add` it and commit, so that a clone of the repository has it
answers.yaml:12: evidence `docs/missing.pdf` of `gov-2a` is missing: no such file
  hint: correct the path (relative to the answers file's folder) or add the file; a document kept elsewhere is cited by its id or address
answers.yaml:17: evidence `../../../../../../etc/passwd` of `gov-3a` is outside: the path leaves the repository; not opened
  hint: evidence is checked only inside the repository: add the file to it, or cite it by its id or address
answers.yaml:18: evidence `/etc/passwd` of `gov-3a` is outside: the path leaves the repository; not opened
  hint: evidence is checked only inside the repository: add the file to it, or cite it by its id or address
answers.yaml:19: evidence `docs/link-out.pdf` of `gov-3a` is outside: the path leaves the repository; not opened
  hint: evidence is checked only inside the repository: add the file to it, or cite it by its id or address
answers.yaml:20: evidence `docs/loop.pdf` of `gov-3a` is missing: no such file
  hint: correct the path (relative to the answers file's folder) or add the file; a document kept elsewhere is cited by its id or address
answers.yaml:31: evidence `docs/<img src=x onerror=alert(1)>.pdf` of `test-2a` is missing: no such file
  hint: correct the path (relative to the answers file's folder) or add the file; a document kept elsewhere is cited by its id or address
"
    );

    // A maximum age (jsp.toml's target) makes an old item a warning; fixed paths, the file is ok.
    std::fs::write(
        audit.join("target.toml"),
        "default = 1\nevidence_max_age_months = 12\n",
    )
    .unwrap();
    std::fs::write(audit.join("jsp.toml"), "target = \"target.toml\"\n").unwrap();
    std::fs::write(
        audit.join("clean.yaml"),
        "questionnaire: acme-lite\nanswers:\n  gov-2a:\n    answer: all\n    evidence:\n      - docs/tracked.pdf\n      - ../top.md\n      - {ref: Pen test PT-9, date: 2025-02-28}\n      - JIRA-1234\n",
    )
    .unwrap();
    jsp(&audit)
        .args(["validate", "clean.yaml", "--as-of", "2026-05-01"])
        .assert()
        .success()
        .stdout("clean.yaml: ok, answers to `acme-lite`: 1 of 5 questions answered\n")
        .stderr(
            "jsp: warning: clean.yaml:8: evidence `Pen test PT-9` of `gov-2a` is too-old: older than 12 months; good until 2026-02-28
  hint: renew it, then update its `date` and `expires`; `jsp evidence` lists every item with its age
",
        );
    // Before its last good day, nothing to say.
    jsp(&audit)
        .args(["validate", "clean.yaml", "--as-of", "2026-01-01"])
        .assert()
        .success()
        .stderr("");
}

/// Hostile references: a NUL, a line break, 10,000 items, no panic and nothing followed out.
#[test]
fn validate_takes_hostile_references_calmly() {
    let repo = repository();
    let audit = repo.path().join("audit");
    let mut text = String::from(
        "questionnaire: acme-lite\nanswers:\n  gov-2a:\n    answer: all\n    evidence:\n      - \"docs/a\\0b.pdf\"\n      - \"docs/a\\nb.pdf\"\n      - \"docs/../../../x.pdf\"\n",
    );
    for n in 0..10_000 {
        text.push_str(&format!("      - docs/missing-{n}.pdf\n"));
    }
    std::fs::write(audit.join("many.yaml"), text).unwrap();
    let output = jsp(&audit)
        .args(["validate", "many.yaml", "--as-of", "2026-05-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Escaped references are not found as written: their question's line, and the NUL and
    // the line break shown as escapes, so that neither passes for another name or line.
    assert!(
        stderr.starts_with(
            "jsp: error: many.yaml:3: evidence `docs/a\\u{0}b.pdf` of `gov-2a` is missing: no such file\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "\nmany.yaml:3: evidence `docs/a\\nb.pdf` of `gov-2a` is missing: no such file\n"
        ),
        "{stderr}"
    );
    // Twenty problems, and a line that counts the rest.
    assert_eq!(stderr.matches("many.yaml:").count(), 21, "{stderr}");
    // The NUL and the line break reach the terminal as neither.
    assert!(!stderr.contains('\0'), "{stderr}");
    assert!(
        stderr.contains("many.yaml:8: evidence `docs/../../../x.pdf` of `gov-2a` is outside"),
        "{stderr}"
    );
    assert!(
        stderr.contains("many.yaml:9: evidence `docs/missing-0.pdf` of `gov-2a` is missing"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("many.yaml: and 9983 more like these; fix these first\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    // The same in JUnit: well-formed XML, a failed case each, the names escaped as the messages.
    let output = jsp(&audit)
        .args([
            "evidence",
            "many.yaml",
            "--as-of",
            "2026-05-01",
            "--fail-on-stale-evidence",
            "-f",
            "junit",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let cases = junit_cases(&output.stdout);
    assert_eq!(cases.len(), 10_003);
    assert!(cases.iter().all(|(_, _, o, _)| o == "failure"));
    assert_eq!(cases[0].1, "gov-2a: docs/a\\u{0}b.pdf");
    assert_eq!(cases[1].1, "gov-2a: docs/a\\nb.pdf");
}
