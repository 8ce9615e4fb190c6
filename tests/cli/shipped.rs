//! The shipped JSP questionnaires follow the rules we promise their users, and every example
//! assessment scores.

use std::collections::HashSet;

use jsp::internals::Questionnaire;
use jsp::internals::{BUILT_IN, Catalog};

use crate::{jsp_in, root};

/// One citation style per standard: every reference starts with one of these.
const CITATION_PREFIXES: &[&str] = &[
    "JSP2 ",
    "JSP2: ",
    "JSP 2019: ",
    "FDA premarket 2025 ",
    "FDA postmarket 2016 ",
    "FD&C Act 524B",
    "IEC 81001-5-1",
    "IEC 62443-4-1 ",
    "IEC 80001-1",
    "AAMI TIR57",
    "AAMI TIR97",
    "AAMI SW96",
    "ISO 14971",
    "ISO 13485",
    "ISO/IEC 29147",
    "ISO/IEC 30111",
    "NIST CSF 2.0 ",
    "HICP 2023 practice ",
    "HPH CPG essential: ",
    "HPH CPG enhanced: ",
    "MDS2 (ANSI/NEMA HN 1-2019)",
    "HSCC MC2 v2 (2025)",
    "HSCC HIC-MaLTS",
    "21 CFR 820 (QMSR)",
    "21 CFR 803",
    "EU MDR: Annex I ",
    "MDCG 2019-16",
];

/// The ten essential and ten enhanced HHS HPH Cybersecurity Performance Goals, by the topic the
/// provider questionnaire cites them with.
const HPH_CPGS: &[&str] = &[
    "HPH CPG essential: mitigate known vulnerabilities",
    "HPH CPG essential: email security",
    "HPH CPG essential: multifactor authentication",
    "HPH CPG essential: basic cybersecurity training",
    "HPH CPG essential: strong encryption",
    "HPH CPG essential: revoke credentials of departing workforce",
    "HPH CPG essential: basic incident planning and preparedness",
    "HPH CPG essential: unique credentials",
    "HPH CPG essential: separate user and privileged accounts",
    "HPH CPG essential: vendor/supplier cybersecurity requirements",
    "HPH CPG enhanced: asset inventory",
    "HPH CPG enhanced: third-party vulnerability disclosure",
    "HPH CPG enhanced: third-party incident reporting",
    "HPH CPG enhanced: cybersecurity testing",
    "HPH CPG enhanced: cybersecurity mitigation",
    "HPH CPG enhanced: detect and respond to relevant threats and TTPs",
    "HPH CPG enhanced: network segmentation",
    "HPH CPG enhanced: centralized log collection",
    "HPH CPG enhanced: centralized incident planning and preparedness",
    "HPH CPG enhanced: configuration management",
];

fn shipped() -> Vec<Questionnaire> {
    let mut warnings = Vec::new();
    let entries = Catalog::new(Vec::new()).all(&mut warnings).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    entries.into_iter().map(|e| e.questionnaire).collect()
}

#[test]
fn every_built_in_passes_every_check_and_reads_the_same_from_its_compiled_form() {
    for built_in in BUILT_IN {
        // What `jsp` skips at start-up for a built-in questionnaire: the YAML and its checks.
        let (from_yaml, warnings) =
            Questionnaire::parse(built_in.text, std::path::Path::new(built_in.file)).unwrap();
        assert!(warnings.is_empty(), "{}: {warnings:?}", built_in.file);
        let json = built_in.json.expect("build.rs converts every shipped file");
        let from_json: Questionnaire = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::to_value(&from_json).unwrap(),
            serde_json::to_value(&from_yaml).unwrap(),
            "{}",
            built_in.file
        );
    }
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
                // A manufacturer question cites the JSP; a provider question the JSP or the
                // HHS practices and goals a hospital is measured against, so that the JSP's
                // device management plan is not cited as filler.
                let anchors: &[&str] = if q.role == "provider" {
                    &["JSP", "HICP 2023 ", "HPH CPG "]
                } else {
                    &["JSP"]
                };
                assert!(
                    question
                        .references
                        .iter()
                        .any(|r| anchors.iter().any(|a| r.starts_with(a))),
                    "{}: `{id}` cites none of {anchors:?}",
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
fn regulatory_questions_restate_524b_and_no_domain_carries_a_guessed_benchmark() {
    for q in shipped() {
        let regulatory = q.questions().filter(|(_, x)| x.is_regulatory()).count();
        if q.role == "manufacturer" {
            assert!(regulatory >= 5, "524B duties are tagged: {regulatory}");
        } else {
            assert_eq!(regulatory, 0, "524B binds manufacturers, not providers");
        }
        for (_, question) in q.questions().filter(|(_, x)| x.is_regulatory()) {
            assert!(
                question
                    .references
                    .iter()
                    .any(|r| r.starts_with("FD&C Act 524B")),
                "`{}` is tagged regulatory but cites no 524B duty",
                question.id
            );
            assert!(
                question
                    .guidance
                    .as_deref()
                    .is_some_and(|g| g.contains("524B")),
                "`{}` is tagged regulatory but its guidance does not state the 524B duty",
                question.id
            );
        }
        // The MDIC survey's categories are not our domains: a per-domain line would be a guess
        // (and the field is deprecated); figures go on the groups.
        let benchmarked: Vec<&str> = q
            .domains
            .iter()
            .filter(|d| d.benchmark.is_some())
            .map(|d| d.id.as_str())
            .collect();
        assert!(benchmarked.is_empty(), "{}: {benchmarked:?}", q.id);
    }
}

/// The manufacturer's groups are the MDIC survey's four categories, each benchmark with its
/// facts, only Organizational Structure confirmed; the provider's are NIST CSF functions with
/// no benchmark; every group holds a domain.
#[test]
fn group_benchmarks_carry_their_facts_and_only_the_survey_categories_carry_one() {
    for q in shipped() {
        for group in &q.groups {
            assert!(
                q.domains
                    .iter()
                    .any(|d| d.group.as_deref() == Some(group.id.as_str())),
                "{}: group `{}` holds no domain",
                q.id,
                group.id
            );
            let Some(b) = &group.benchmark else { continue };
            assert!(!b.source.trim().is_empty(), "{}: {}", q.id, group.id);
            assert!(b.sample_size > 0, "{}: {}", q.id, group.id);
            assert!((2015..=2026).contains(&b.year), "{}: {}", q.id, group.id);
            assert!(b.measures.contains("not the staged level"), "{}", group.id);
        }
        let titles: Vec<&str> = q.groups.iter().map(|g| g.title.as_str()).collect();
        if q.role == "manufacturer" {
            assert_eq!(
                titles,
                [
                    "Organizational Structure",
                    "Risk Management",
                    "Design Control",
                    "Complaint Handling"
                ]
            );
            let confirmed: Vec<&str> = q
                .groups
                .iter()
                .filter(|g| g.benchmark.as_ref().is_some_and(|b| b.confirmed))
                .map(|g| g.id.as_str())
                .collect();
            assert_eq!(confirmed, ["organizational-structure"]);
            assert!(
                q.groups
                    .iter()
                    .all(|g| g.benchmark.as_ref().is_some_and(|b| {
                        b.sample_size == 17 && b.year == 2022 && b.source.starts_with("MDIC 2022")
                    }))
            );
        } else {
            assert!(
                titles.iter().all(|t| t.contains("NIST CSF 2.0")),
                "{titles:?}"
            );
            assert!(q.groups.iter().all(|g| g.benchmark.is_none()));
            assert!(q.domains.iter().all(|d| d.group.is_some()));
        }
    }
}

#[test]
fn both_questionnaires_are_the_second_edition_and_cite_no_superseded_edition() {
    for q in shipped() {
        assert!(q.version.starts_with("2."), "{}: {}", q.id, q.version);
    }
    for name in ["jsp-manufacturer.yaml", "jsp-provider.yaml"] {
        let text = std::fs::read_to_string(root().join("questionnaires").join(name)).unwrap();
        for superseded in [
            "FDA premarket 2023",
            "820.30",
            "\"21 CFR 820\"",
            "HSCC MC2\"",
        ] {
            assert!(
                !text.contains(superseded),
                "{name} still cites `{superseded}`"
            );
        }
    }
    for q in shipped() {
        let domains = q.domains.iter().flat_map(|d| &d.references);
        let questions = q.questions().flat_map(|(_, x)| &x.references);
        for reference in domains.chain(questions) {
            assert!(
                reference != "21 CFR 820" && !reference.contains("premarket 2023"),
                "{}: `{reference}`",
                q.id
            );
        }
    }
}

#[test]
fn every_hph_cpg_is_evidenced_by_a_provider_question() {
    let provider = shipped()
        .into_iter()
        .find(|q| q.role == "provider")
        .unwrap();
    for goal in HPH_CPGS {
        assert!(
            provider
                .questions()
                .any(|(_, x)| x.references.iter().any(|r| r == goal)),
            "no provider question evidences `{goal}`"
        );
    }
    for (_, question) in provider.questions() {
        for reference in question
            .references
            .iter()
            .filter(|r| r.starts_with("HPH CPG"))
        {
            assert!(
                HPH_CPGS.contains(&reference.as_str()),
                "`{}` cites `{reference}`, which is not one of the 20 goals",
                question.id
            );
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

#[test]
fn every_requirement_maps_to_existing_questions_and_the_shipped_sets_are_there() {
    let mut sets = Vec::new();
    for questionnaire in shipped() {
        let ids: HashSet<&str> = questionnaire
            .questions()
            .map(|(_, q)| q.id.as_str())
            .collect();
        for set in &questionnaire.requirement_sets {
            sets.push((questionnaire.role.clone(), set.id.clone()));
            assert!(!set.requirements.is_empty(), "{}", set.id);
            for requirement in &set.requirements {
                for id in requirement
                    .satisfied_by
                    .iter()
                    .chain(&requirement.supporting)
                {
                    assert!(
                        ids.contains(id.as_str()),
                        "{} {}: `{id}` is not a question of {}",
                        set.id,
                        requirement.id,
                        questionnaire.id
                    );
                }
                assert!(
                    !requirement.statement.trim().is_empty()
                        && requirement
                            .citation
                            .as_deref()
                            .is_some_and(|c| !c.is_empty()),
                    "{} {}: a statement and a citation",
                    set.id,
                    requirement.id
                );
            }
        }
    }
    for (role, id, count) in [
        ("manufacturer", "fda-524b", 6),
        ("manufacturer", "fda-premarket-2025", 16),
        ("manufacturer", "eu-mdr-annex-i", 15),
        ("provider", "hph-cpg-essential", 10),
        ("provider", "hph-cpg-enhanced", 10),
    ] {
        assert!(
            sets.contains(&(role.to_string(), id.to_string())),
            "{role} ships {id}"
        );
        let questionnaire = shipped().into_iter().find(|q| q.role == role).unwrap();
        let set = questionnaire.requirement_set(id).unwrap();
        assert_eq!(set.requirements.len(), count, "{id}");
    }
    // Each CPG requirement cites one of the 20 goals, each goal once.
    let provider = shipped()
        .into_iter()
        .find(|q| q.role == "provider")
        .unwrap();
    let cited: Vec<&str> = provider
        .requirement_sets
        .iter()
        .flat_map(|s| &s.requirements)
        .filter_map(|r| r.citation.as_deref())
        .collect();
    let mut sorted_goals: Vec<&str> = HPH_CPGS.to_vec();
    let mut sorted_cited = cited.clone();
    sorted_goals.sort_unstable();
    sorted_cited.sort_unstable();
    assert_eq!(sorted_cited, sorted_goals);
}

/// Runs `jsp score` on the manufacturer example with `--require SET`, checks that the gate fails
/// and that each requirement's row shows its verdict, and returns stderr.
fn assert_gate(set: &str, verdicts: &[(&str, &str)]) -> String {
    let output = jsp_in(&root())
        .args([
            "score",
            "examples/manufacturer-answers.yaml",
            "--require",
            set,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for (requirement, verdict) in verdicts {
        let line = stdout
            .lines()
            .find(|l| l.contains(&format!(" {requirement} ")))
            .unwrap_or_else(|| panic!("no row for {requirement}: {stdout}"));
        assert!(
            line.contains(&format!(" {verdict} ")),
            "{requirement}: {verdict} in {line}"
        );
    }
    stderr
}

#[test]
fn the_524b_gate_gives_a_verdict_per_duty() {
    let stderr = assert_gate(
        "fda-524b",
        &[
            ("524b-b1", "met"),
            ("524b-b2", "not met"),
            ("524b-b2a", "met"),
            ("524b-b2b", "met"),
            ("524b-b3", "met"),
            ("524b-b4", "not assessed"),
        ],
    );
    assert_eq!(
        stderr.trim(),
        "jsp: gate failed: requirement `524b-b2` of `fda-524b` is not met: des-3f not met"
    );

    let json = jsp_in(&root())
        .args(["score", "examples/manufacturer-answers.yaml", "-f", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let set = &json["requirement_sets"][0];
    assert_eq!(set["id"], "fda-524b");
    assert_eq!(set["requirements"][1]["verdict"], "not_met");
    assert_eq!(set["requirements"][1]["failing"][0], "des-3f");
}

#[test]
fn the_provider_example_shows_its_cpg_sets() {
    let output = jsp_in(&root())
        .args([
            "score",
            "examples/provider-answers.yaml",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for needle in [
        "## Requirement sets",
        "### hph-cpg-essential:",
        "### hph-cpg-enhanced:",
        "| cpg-e-mfa |",
        "| cpg-x-segmentation |",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    let gate = jsp_in(&root())
        .args([
            "score",
            "examples/provider-answers.yaml",
            "--require",
            "hph-cpg-essential",
            "--require",
            "hph-cpg-enhanced",
            "-f",
            "junit",
        ])
        .output()
        .unwrap();
    assert_eq!(gate.status.code(), Some(1));
    let xml = String::from_utf8_lossy(&gate.stdout);
    assert!(xml.contains("hph-cpg-essential: HHS HPH"), "{xml}");
    assert!(xml.contains("<failure"), "{xml}");
}

#[test]
fn an_unknown_required_set_is_a_usage_error_naming_the_sets() {
    let output = jsp_in(&root())
        .args([
            "score",
            "examples/provider-answers.yaml",
            "--require",
            "fda-524b",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("hint: its sets are hph-cpg-essential, hph-cpg-enhanced"),
        "{stderr}"
    );
}

#[test]
fn every_cited_clause_exists_in_its_standard_file() {
    let files = jsp::internals::standard_files(&[]).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.standard.as_str()).collect();
    for standard in [
        "IEC 81001-5-1",
        "IEC 62443-4-1",
        "NIST CSF 2.0",
        "HPH CPG essential",
        "HPH CPG enhanced",
        "FDA premarket 2025",
        "FD&C Act",
        "EU MDR",
    ] {
        assert!(
            names.contains(&standard),
            "a file for {standard}: {names:?}"
        );
    }
    let mut checked = 0;
    for questionnaire in shipped() {
        let domains = questionnaire.domains.iter().flat_map(|d| &d.references);
        let questions = questionnaire.questions().flat_map(|(_, q)| &q.references);
        for reference in domains.chain(questions) {
            let citation = jsp::internals::split(reference);
            let Some(file) = files.iter().find(|f| f.standard == citation.standard) else {
                continue;
            };
            if citation.clause.is_empty() {
                continue;
            }
            checked += 1;
            assert!(
                file.clause(&citation.clause).is_some(),
                "{}: `{reference}` cites clause `{}`, which {} does not list",
                questionnaire.id,
                citation.clause,
                file.standard
            );
        }
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn the_eu_mdr_set_is_a_legal_duty_citing_annex_i_clauses_its_standard_file_lists() {
    let files = jsp::internals::standard_files(&[]).unwrap();
    let mdr = files.iter().find(|f| f.standard == "EU MDR").unwrap();
    let manufacturer = shipped()
        .into_iter()
        .find(|q| q.role == "manufacturer")
        .unwrap();
    let set = manufacturer.requirement_set("eu-mdr-annex-i").unwrap();
    assert!(set.regulatory);
    // A requirement citation lists its references with `; `; each EU MDR one is a listed clause.
    let mut checked = 0;
    for requirement in &set.requirements {
        let citation = requirement.citation.as_deref().unwrap_or_default();
        assert!(
            citation.starts_with("EU MDR: Annex I "),
            "{}: {citation}",
            requirement.id
        );
        for reference in citation.split("; ") {
            let split = jsp::internals::split(reference);
            if split.standard == "EU MDR" {
                checked += 1;
                assert!(
                    mdr.clause(&split.clause).is_some(),
                    "{}: `{reference}` is not in the EU MDR file",
                    requirement.id
                );
            }
        }
    }
    assert!(checked >= set.requirements.len(), "{checked}");

    let stderr = assert_gate(
        "eu-mdr-annex-i",
        &[
            ("mdr-17-2", "met"),
            ("mdr-18-8", "not met"),
            ("mdr-23-1g", "not met"),
            ("mdr-23-4", "not met"),
        ],
    );
    assert!(
        stderr.contains("requirement `mdr-18-8` of `eu-mdr-annex-i` is not met: des-3d not met"),
        "{stderr}"
    );
}

/// `jsp show jsp-manufacturer --by-reference --format csv`: a row per clause of every standard.
fn manufacturer_crosswalk_csv() -> String {
    let output = jsp_in(&root())
        .args([
            "show",
            "jsp-manufacturer",
            "--by-reference",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_annex_i_section_mdcg_2019_16_names_is_asked_by_a_question() {
    // What an EU notified body asks first: which of the cybersecurity-relevant sections no
    // question covers. The answer must be none.
    let text = manufacturer_crosswalk_csv();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("EU MDR,")).collect();
    let files = jsp::internals::standard_files(&[]).unwrap();
    let mdr = files.iter().find(|f| f.standard == "EU MDR").unwrap();
    assert_eq!(rows.len(), mdr.clauses.len(), "{text}");
    for row in rows {
        assert!(row.ends_with(",yes,,"), "not covered: {row}");
    }
}

#[test]
fn the_crosswalk_lists_every_clause_of_iec_81001_5_1_and_62443_4_1_with_its_coverage() {
    let text = manufacturer_crosswalk_csv();
    let files = jsp::internals::standard_files(&[]).unwrap();
    for standard in ["IEC 81001-5-1", "IEC 62443-4-1"] {
        let file = files.iter().find(|f| f.standard == standard).unwrap();
        for clause in &file.clauses {
            let row = format!("{standard},{},", clause.id);
            assert!(text.contains(&row), "{row}");
        }
    }
    // Clauses an auditor asks about that no question cites are marked, not left out.
    assert!(
        text.contains("IEC 62443-4-1,SM-3,Identification of applicability,,no,"),
        "{text}"
    );
    assert!(text.contains("IEC 81001-5-1,5.7.4,Penetration testing,vv-2c vv-3g,yes,"));
}

#[test]
fn a_failed_legal_duty_is_a_compliance_finding_in_every_report_format_and_aggregate_counts_it() {
    let report = |format: &str| {
        let output = jsp_in(&root())
            .args(["report", "examples/manufacturer-answers.yaml", "-f", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{format}");
        String::from_utf8(output.stdout).unwrap()
    };
    let markdown = report("markdown");
    let findings = markdown.find("## Compliance findings").unwrap();
    assert!(findings < markdown.find("## Domains").unwrap());
    assert!(markdown.contains("- **524b-b2 not met**"), "{markdown}");
    assert!(markdown.contains("### fda-premarket-2025:"));
    let html = report("html");
    assert!(html.contains("id=\"compliance-findings\""));
    assert!(html.contains("<strong>524b-b2 not met</strong>"));
    assert!(html.contains("id=\"requirement-sets\""));
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(json["compliance_findings"][0]["requirement"], "524b-b2");
    assert_eq!(json["requirement_sets"][1]["id"], "fda-premarket-2025");

    let output = jsp_in(&root())
        .args([
            "aggregate",
            "examples/manufacturer-answers.yaml",
            "examples/manufacturer-partial-answers.yaml",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let b2 = &json["requirement_sets"][1];
    assert_eq!(b2["requirement"], "524b-b2");
    let total = ["met", "not_met", "not_assessed", "not_applicable"]
        .iter()
        .map(|k| b2[k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(total, 2, "{b2}");
}
