//! The rest of a polished CLI: JSON Schemas, completions, man page, `jsp init`, and jsp.toml
//! found from a subfolder.

use std::path::Path;

use predicates::prelude::*;

use crate::{fixtures, jsp_in, root};

fn stdout_of(args: &[&str]) -> String {
    let output = jsp_in(&root()).args(args).output().unwrap();
    assert!(output.status.success(), "jsp {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn schema(kind: &str) -> serde_json::Value {
    serde_json::from_str(&stdout_of(&["schema", kind])).unwrap()
}

/// A YAML or TOML file as JSON, the way an editor's language server sees it.
fn as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|e| e == "toml") {
        let value: toml::Value = toml::from_str(&text).unwrap();
        serde_json::to_value(value).unwrap()
    } else {
        serde_yaml::from_str(&text).unwrap()
    }
}

fn files_in(folder: &Path, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

fn assert_valid(schema: &serde_json::Value, files: &[std::path::PathBuf]) {
    assert!(!files.is_empty());
    let validator = jsonschema::validator_for(schema).unwrap();
    for file in files {
        let instance = as_json(file);
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
    }
}

#[test]
fn schemas_are_draft_7() {
    for kind in ["questionnaire", "answers", "target", "config"] {
        let schema = schema(kind);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert!(jsonschema::meta::is_valid(&schema), "{kind}");
    }
}

#[test]
fn the_questionnaire_schema_accepts_the_shipped_questionnaires() {
    let mut files = files_in(&root().join("questionnaires"), ".yaml");
    files.extend(files_in(&fixtures().join("questionnaires"), ".yaml"));
    assert_valid(&schema("questionnaire"), &files);
}

#[test]
fn the_answers_and_target_schemas_accept_the_examples() {
    let mut answers = files_in(&root().join("examples"), "answers.yaml");
    answers.push(fixtures().join("acme-answers.yaml"));
    assert_valid(&schema("answers"), &answers);
    assert_valid(
        &schema("target"),
        &files_in(&root().join("examples"), ".toml"),
    );
}

#[test]
fn the_schemas_reject_broken_files() {
    let answers = jsonschema::validator_for(&schema("answers")).unwrap();
    let broken = [
        "questionnaire: acme-lite\norganisation: Acme\n",
        "organization: Acme\n",
        "questionnaire: acme-lite\nanswers:\n  gov-2a: {note: no answer given}\n",
        "questionnaire: acme-lite\nanswers:\n  gov-2a: {answer: all, notes: typo}\n",
        "questionnaire: acme-lite\nanswers:\n  gov-2a: [all]\n",
    ];
    for text in broken {
        let value: serde_json::Value = serde_yaml::from_str(text).unwrap();
        assert!(!answers.is_valid(&value), "accepted: {text}");
    }
    let fine: serde_json::Value = serde_yaml::from_str(
        "questionnaire: acme-lite\nanswers:\n  gov-2a: 3\n  gov-3a: {answer: na, note: why}\n",
    )
    .unwrap();
    assert!(answers.is_valid(&fine));

    let questionnaire = jsonschema::validator_for(&schema("questionnaire")).unwrap();
    let value: serde_json::Value =
        serde_yaml::from_str("id: x\ntitle: X\nversion: '1'\nrole: manufacturer\n").unwrap();
    assert!(!questionnaire.is_valid(&value), "domains are required");

    let target = jsonschema::validator_for(&schema("target")).unwrap();
    assert!(!target.is_valid(&serde_json::json!({"default": "three"})));
    assert!(!target.is_valid(&serde_json::json!({"domain": {"governance": 2}})));
    let domain = |value| serde_json::json!({"domains": {"governance": value}});
    assert!(!target.is_valid(&domain(serde_json::json!({"level": 3, "priority": 9}))));
    assert!(!target.is_valid(&domain(serde_json::json!({"levle": 3}))));
    assert!(target.is_valid(&domain(serde_json::json!({"level": 3, "priority": 5}))));
    assert!(target.is_valid(&serde_json::json!({"roles": {"manufacturer": {"default": 3}}})));
}

#[test]
fn an_unknown_schema_is_a_usage_error() {
    jsp_in(&root())
        .args(["schema", "report"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("questionnaire, answers, target"));
}

#[test]
fn completions_name_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(&["completions", shell]);
        for command in ["assess", "score", "report", "validate", "schema", "init"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        assert!(
            script.contains("junit"),
            "{shell} completes --format values"
        );
    }
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH jsp 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"));
    for command in ["jsp\\-score(1)", "jsp\\-init(1)"] {
        assert!(page.contains(command), "{command} in {page}");
    }
    let score = stdout_of(&["man", "score"]);
    assert!(score.contains(".TH jsp-score 1"), "{score}");
    assert!(score.contains(&format!("\"jsp {}\"", env!("CARGO_PKG_VERSION"))));
    assert!(score.contains("\\-\\-min\\-level"));
    jsp_in(&root())
        .args(["man", "scor"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the commands are assess, score"));
}

#[test]
fn the_man_pages_say_the_interview_files_environment_exit_status_and_examples() {
    let page = stdout_of(&["man"]);
    for section in [
        ".SH INTERVIEW",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "{section}");
    }
    assert!(page.contains("\\fB130\\fR"));
    assert!(stdout_of(&["man", "assess"]).contains(".SH INTERVIEW"));
    // --questionnaires does nothing for schema, completions and man.
    assert!(!stdout_of(&["man", "schema"]).contains("questionnaires"));
    let help = stdout_of(&["--help"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(help.contains("130 interrupted"), "{help}");
}

#[test]
fn completions_offer_questionnaire_ids_and_man_pages() {
    let script = stdout_of(&["completions", "bash"]);
    assert!(script.contains("jsp-manufacturer") && script.contains("jsp-provider"));
    let man = script
        .lines()
        .skip_while(|l| !l.contains("jsp__subcmd__man)"))
        .nth(1)
        .unwrap();
    assert!(
        man.contains("roadmap") && man.contains("aggregate"),
        "{man}"
    );
}

#[test]
fn init_writes_a_commented_config_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    jsp_in(dir.path())
        .args([
            "init",
            "--org",
            "Acme Medical",
            "--questionnaire",
            "jsp-provider",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote ./jsp.toml"));
    let path = dir.path().join("jsp.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("organization = \"Acme Medical\""), "{text}");
    assert!(text.contains("questionnaire = \"jsp-provider\""), "{text}");
    assert!(
        text.contains("# questionnaires = [\"questionnaires\"]"),
        "{text}"
    );
    assert!(text.contains("# target = "), "{text}");
    jsp_in(dir.path())
        .args(["validate", "jsp.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("jsp.toml: ok"));

    jsp_in(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("jsp.toml: already exists"))
        .stderr(predicate::str::contains(
            "hint: `jsp init --force` replaces it",
        ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    // --force replaces even a broken file, which would stop the commands that read it.
    std::fs::write(&path, "organisation = 'typo'\n").unwrap();
    jsp_in(dir.path()).arg("list").assert().code(2);
    jsp_in(dir.path())
        .args(["init", "--force"])
        .assert()
        .success();
    let replaced = std::fs::read_to_string(&path).unwrap();
    assert!(
        replaced.contains("# organization = \"Acme Medical\""),
        "{replaced}"
    );
    jsp_in(dir.path()).arg("list").assert().success();
}

#[test]
fn validate_checks_the_questionnaire_jsp_toml_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("jsp.toml"),
        "questionnaire = \"jsp-provder\"\n",
    )
    .unwrap();
    jsp_in(dir.path())
        .args(["validate", "jsp.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("jsp.toml:1:"))
        .stderr(predicate::str::contains("jsp-provder"));
}

/// A project with jsp.toml at its root naming a questionnaire folder and a target, both
/// relative to it; `jsp score` run two folders down uses both.
#[test]
fn jsp_toml_is_found_in_a_parent_folder_and_its_paths_are_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path();
    std::fs::create_dir_all(project.join("custom")).unwrap();
    std::fs::create_dir_all(project.join("targets")).unwrap();
    std::fs::create_dir_all(project.join("sites/north")).unwrap();
    std::fs::copy(
        fixtures().join("questionnaires/acme-lite.yaml"),
        project.join("custom/acme-lite.yaml"),
    )
    .unwrap();
    std::fs::write(project.join("targets/all-3.toml"), "default = 3\n").unwrap();
    std::fs::write(
        project.join("jsp.toml"),
        "questionnaires = [\"custom\"]\ntarget = \"targets/all-3.toml\"\n",
    )
    .unwrap();
    std::fs::copy(
        fixtures().join("acme-answers.yaml"),
        project.join("sites/north/answers.yaml"),
    )
    .unwrap();

    // Without jsp.toml's folder, acme-lite is unknown; with it, the target fails `testing`.
    jsp_in(&project.join("sites/north"))
        .args(["score", "answers.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "domain `testing` is at level 1, below its target 3",
        ));
    std::fs::remove_file(project.join("jsp.toml")).unwrap();
    jsp_in(&project.join("sites/north"))
        .args(["score", "answers.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("acme-lite"));
}
