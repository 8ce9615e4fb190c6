//! JUnit XML for CI: one test case per applicable domain, failing when the domain is below its
//! target or `--min-level`, and one for `--min-score` when given; a suite per requirement set,
//! and with `--fail-on-stale-evidence` one of every evidence item, failing where the gate does. GitLab, Jenkins and Azure
//! DevOps show these natively. No timestamps, times or host names: same input, same bytes.

use std::io::{self, Write};

use quick_junit::{Property, Report, TestCase, TestCaseStatus, TestSuite};

use crate::render::junit::failure;

use super::Score;
use crate::assessment::Assessment;
use crate::gates::Gates;
use crate::questionnaire::Question;
use crate::render::Style;
use crate::scoring::{DomainScore, round2};

pub fn render(score: &Score, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let (assessment, gates) = (score.assessment, &score.gates);
    let card = assessment.card;
    let questionnaire = card.questionnaire;
    let answers = assessment.answers;

    let mut suite = TestSuite::new(suite_name(assessment));
    let mut properties = vec![
        Property::new("questionnaire", &questionnaire.id),
        Property::new("questionnaire.version", &questionnaire.version),
    ];
    let optional = [
        ("organization", &answers.organization),
        ("subject", &answers.subject),
        ("assessor", &answers.assessor),
        ("date", &answers.date),
    ];
    for (name, value) in optional {
        if let Some(value) = value {
            properties.push(Property::new(name, value));
        }
    }
    if !questionnaire.is_continuous() {
        properties.push(Property::new("level", card.level.to_string()));
    }
    properties.push(Property::new("score", format!("{:.2}", round2(card.score))));
    // Each applicable group's figures, as the overall ones: shown, not gated.
    for group in card.groups.iter().filter(|g| g.applicable) {
        let id = &group.group.id;
        if !questionnaire.is_continuous() {
            properties.push(Property::new(
                format!("group.{id}.level"),
                group.level.to_string(),
            ));
        }
        properties.push(Property::new(
            format!("group.{id}.score"),
            format!("{:.2}", round2(group.score)),
        ));
    }
    if let Some(min) = gates.min_level {
        properties.push(Property::new("min-level", min.to_string()));
    }
    if let Some(min) = gates.min_score {
        properties.push(Property::new("min-score", min.to_string()));
    }
    suite.add_properties(properties);

    for domain in card.domains.iter().filter(|d| d.applicable) {
        suite.add_test_case(domain_case(assessment, domain, gates));
    }
    if let Some(min) = gates.min_score {
        let score = round2(card.score);
        let status = if gates.score_fails(card) {
            failure(
                "below min-score",
                format!("the overall score {score:.2} is below --min-score {min}"),
                Some(weakest_domains(assessment)),
            )
        } else {
            TestCaseStatus::success()
        };
        let mut case = TestCase::new(format!("overall score >= {min}"), status);
        case.set_classname(&questionnaire.id)
            .set_system_out(if questionnaire.is_continuous() {
                format!("overall score {score:.2}\n")
            } else {
                format!(
                    "overall level {} ({}), score {score:.2}\n",
                    card.level,
                    assessment.level_name(card.level)
                )
            });
        suite.add_test_case(case);
    }

    let mut report = Report::new("jsp score");
    report.add_test_suite(suite);
    report.add_test_suites(crate::requirements::render::junit::suites(
        &assessment.requirement_sets(),
        score.required,
        &questionnaire.id,
    ));
    if let Some(review) = score.evidence {
        report.add_test_suite(crate::evidence::render::junit::suite(review, true));
    }
    crate::render::xml::write_document(report.to_string().map_err(io::Error::other)?, out)
}

/// The questionnaire, and whose assessment it is where the file says.
fn suite_name(assessment: &Assessment) -> String {
    let answers = assessment.answers;
    let who: Vec<&str> = [&answers.organization, &answers.subject]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    let id = &assessment.card.questionnaire.id;
    if who.is_empty() {
        id.clone()
    } else {
        format!("{id} ({})", who.join(", "))
    }
}

fn domain_case(assessment: &Assessment, domain: &DomainScore, gates: &Gates) -> TestCase {
    if domain.continuous.is_some() || assessment.card.questionnaire.is_continuous() {
        return continuous_case(assessment, domain);
    }
    let mut summary = format!(
        "level {} ({}), score {:.2}",
        domain.level,
        assessment.level_name(domain.level),
        round2(domain.score)
    );
    if let Some(target) = domain.target {
        summary.push_str(&format!(", target {target}"));
    }
    if let Some(min) = gates.min_level {
        summary.push_str(&format!(", --min-level {min}"));
    }

    let status = match gates.required_level(domain) {
        Some(required) if gates.domain_fails(domain) => {
            let unmet = assessment
                .card
                .open_questions(assessment.answers, domain, required);
            let mut description = format!(
                "{} unmet question{} between `{}` and level {required}:\n",
                unmet.len(),
                if unmet.len() == 1 { "" } else { "s" },
                domain.domain.id
            );
            list_questions(&mut description, assessment, unmet);
            failure(
                failure_type(domain, gates, required),
                format!(
                    "`{}` is at level {}, below the required level {required} ({})",
                    domain.domain.id,
                    domain.level,
                    requirement(domain, gates)
                ),
                Some(description),
            )
        }
        _ => TestCaseStatus::success(),
    };
    let mut case = TestCase::new(
        format!("{}: {}", domain.domain.id, domain.domain.title),
        status,
    );
    case.set_classname(&assessment.card.questionnaire.id)
        .set_system_out(format!("{summary}\n"));
    case
}

/// The questions a failed case names, a line each with the answer they have now.
fn list_questions<'q>(
    description: &mut String,
    assessment: &Assessment,
    questions: impl IntoIterator<Item = &'q Question>,
) {
    for question in questions {
        description.push_str(&format!(
            "- {} (level {}): {} [current answer: {}]\n",
            question.id,
            question.level,
            question.text,
            assessment.answer_label(question)
        ));
    }
}

/// A domain of a questionnaire scored `continuous`: its score, failed when below its target,
/// with the questions below their target value.
fn continuous_case(assessment: &Assessment, domain: &DomainScore) -> TestCase {
    let mut summary = format!("score {:.2}", round2(domain.score));
    if let (Some(target), Some(percent)) = (domain.target_text(), domain.percent_to_target()) {
        summary.push_str(&format!(
            ", target {target}, {} of the way",
            crate::render::percent(percent)
        ));
    }
    let status = if domain.below_target() {
        let open = assessment.next_steps(domain);
        let mut description = format!(
            "{} question{} of `{}` below the target value:\n",
            open.len(),
            if open.len() == 1 { "" } else { "s" },
            domain.domain.id
        );
        list_questions(&mut description, assessment, open);
        failure(
            "below target",
            format!(
                "`{}` is {} of the way to its target",
                domain.domain.id,
                domain
                    .percent_to_target()
                    .map(crate::render::percent)
                    .unwrap_or_default()
            ),
            Some(description),
        )
    } else {
        TestCaseStatus::success()
    };
    let mut case = TestCase::new(
        format!("{}: {}", domain.domain.id, domain.domain.title),
        status,
    );
    case.set_classname(&assessment.card.questionnaire.id)
        .set_system_out(format!("{summary}\n"));
    case
}

/// Which gate set the required level: the target, `--min-level`, or both.
fn failure_type(domain: &DomainScore, gates: &Gates, required: u32) -> &'static str {
    match (
        domain.target == Some(required),
        gates.min_level == Some(required),
    ) {
        (true, true) => "below target and min-level",
        (true, false) => "below target",
        _ => "below min-level",
    }
}

fn requirement(domain: &DomainScore, gates: &Gates) -> String {
    let mut parts = Vec::new();
    if let Some(target) = domain.target {
        parts.push(format!("target {target}"));
    }
    if let Some(min) = gates.min_level {
        parts.push(format!("--min-level {min}"));
    }
    parts.join(", ")
}

/// For a low overall score: the applicable domains, lowest score first.
fn weakest_domains(assessment: &Assessment) -> String {
    let mut domains: Vec<&DomainScore> = assessment
        .card
        .domains
        .iter()
        .filter(|d| d.applicable)
        .collect();
    domains.sort_by(|a, b| a.score.total_cmp(&b.score));
    let mut text = String::from("domains, lowest score first:\n");
    let staged = !assessment.card.questionnaire.is_continuous();
    for domain in domains {
        text.push_str(&format!(
            "- {}: score {:.2}",
            domain.domain.id,
            round2(domain.score)
        ));
        if staged {
            text.push_str(&format!(", level {}", domain.level));
        }
        text.push('\n');
    }
    text
}
