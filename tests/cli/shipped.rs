//! The shipped JSP questionnaires follow the rules we promise their users, and every example
//! assessment scores.

use std::collections::HashSet;

use jsp::internals::Questionnaire;
use jsp::internals::{BUILT_IN, Catalog};

use crate::{jsp_in, root};

/// One citation style per standard: every reference starts with one of these.
const CITATION_PREFIXES: &[&str] = &[
    "JSP2 ",
    "JSP 2019: ",
    "FDA premarket 2023 ",
    "FDA postmarket 2016 ",
    "FD&C Act 524B",
    "IEC 81001-5-1",
    "IEC 62443-4-1 ",
    "IEC 80001-1",
    "AAMI TIR57",
    "AAMI TIR97",
    "AAMI SW96",
    "ISO 14971",
    "ISO/IEC 29147",
    "ISO/IEC 30111",
    "NIST CSF 2.0 ",
    "HICP 2023 practice ",
    "MDS2 (ANSI/NEMA HN 1-2019)",
    "HSCC MC2",
    "HSCC HIC-MaLTS",
    "21 CFR 820",
];

fn shipped() -> Vec<Questionnaire> {
    let mut warnings = Vec::new();
    let entries = Catalog::new(Vec::new()).all(&mut warnings).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    entries.into_iter().map(|e| e.questionnaire).collect()
}

#[test]
fn both_roles_are_shipped() {
    let ids: Vec<&str> = BUILT_IN.iter().map(|b| b.id).collect();
    assert!(
        ids.contains(&"jsp-manufacturer") && ids.contains(&"jsp-provider"),
        "{ids:?}"
    );
    let roles: HashSet<String> = shipped().into_iter().map(|q| q.role).collect();
    assert!(roles.contains("manufacturer") && roles.contains("provider"));
}

#[test]
fn every_domain_has_questions_at_every_level_from_2_to_5() {
    for q in shipped() {
        assert_eq!(q.levels.len(), 5, "{}: the default CMMI levels", q.id);
        assert!(
            (8..=14).contains(&q.domains.len()),
            "{}: {} domains",
            q.id,
            q.domains.len()
        );
        assert!(
            (60..=200).contains(&q.question_count()),
            "{}: {} questions",
            q.id,
            q.question_count()
        );
        for domain in &q.domains {
            for level in 2..=5 {
                assert!(
                    domain.questions.iter().any(|x| x.level == level),
                    "{}: domain `{}` has no question at level {level}",
                    q.id,
                    domain.id
                );
            }
        }
    }
}

#[test]
fn every_question_is_guided_cited_in_style_and_named_by_domain_and_level() {
    for q in shipped() {
        let mut texts = HashSet::new();
        for domain in &q.domains {
            let prefix = domain
                .questions
                .first()
                .map(|x| x.id.split('-').next().unwrap_or_default())
                .unwrap();
            for question in &domain.questions {
                let id = &question.id;
                assert!(
                    id.starts_with(&format!("{prefix}-{}", question.level)),
                    "{}: `{id}` should read <domain>-<level><letter>",
                    q.id
                );
                assert!(
                    texts.insert(question.text.to_lowercase()),
                    "{}: `{id}` repeats a text",
                    q.id
                );
                let guidance = question.guidance.as_deref().unwrap_or_default();
                assert!(guidance.len() > 60, "{}: `{id}` has no real guidance", q.id);
                assert!(
                    question.references.iter().any(|r| r.starts_with("JSP")),
                    "{}: `{id}` cites no JSP section",
                    q.id
                );
                for reference in question.references.iter().chain(&domain.references) {
                    assert!(
                        CITATION_PREFIXES.iter().any(|p| reference.starts_with(p)),
                        "{}: `{id}` cites `{reference}` outside the citation style",
                        q.id
                    );
                }
            }
        }
    }
}

#[test]
fn regulatory_questions_and_benchmarks_are_where_they_belong() {
    for q in shipped() {
        let regulatory = q.questions().filter(|(_, x)| x.is_regulatory()).count();
        let benchmarked = q.domains.iter().filter(|d| d.benchmark.is_some()).count();
        if q.role == "manufacturer" {
            assert!(regulatory >= 5, "524B duties are tagged: {regulatory}");
            assert!(
                benchmarked >= 8,
                "MDIC averages on most domains: {benchmarked}"
            );
            for (_, question) in q.questions().filter(|(_, x)| x.is_regulatory()) {
                assert!(
                    question
                        .references
                        .iter()
                        .any(|r| r.starts_with("FD&C Act 524B")),
                    "`{}` is tagged regulatory but cites no 524B duty",
                    question.id
                );
            }
        } else {
            assert_eq!(benchmarked, 0, "the benchmark is of manufacturers");
        }
    }
}

#[test]
fn every_example_scores() {
    let examples = root().join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("-answers.yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let output = jsp_in(&root())
            .args(["score", "-f", "json"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let level = json["overall"]["score"].as_f64().unwrap();
        assert!((1.0..=5.0).contains(&level));
    }
}
