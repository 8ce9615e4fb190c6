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
