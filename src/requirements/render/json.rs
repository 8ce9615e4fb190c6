//! The requirement sets as JSON, part of `jsp score --format json`, the JSON report and the
//! aggregate.

use serde::Serialize;

use crate::questionnaire::{Question, Requirement, RequirementSet};
use crate::requirements::{Finding, RequirementResult, SetResult, Verdict};

#[derive(Serialize)]
pub(crate) struct SetJson<'a> {
    id: &'a str,
    title: &'a str,
    regulatory: bool,
    met: usize,
    not_met: usize,
    not_assessed: usize,
    not_applicable: usize,
    requirements: Vec<RequirementJson<'a>>,
}

#[derive(Serialize)]
struct RequirementJson<'a> {
    id: &'a str,
    statement: &'a str,
    citation: Option<&'a str>,
    /// `met`, `not_met`, `not_assessed` or `not_applicable`.
    verdict: &'static str,
    satisfied_by: &'a [String],
    supporting: &'a [String],
    /// The deciding questions answered and not met.
    failing: Vec<&'a str>,
    /// The deciding questions not answered.
    unanswered: Vec<&'a str>,
}

/// Each set with its counts and every requirement's verdict.
pub(crate) fn sets<'a>(sets: &[SetResult<'a>]) -> Vec<SetJson<'a>> {
    sets.iter().map(set).collect()
}

fn set<'a>(result: &SetResult<'a>) -> SetJson<'a> {
    let declared: &'a RequirementSet = result.set;
    SetJson {
        id: &declared.id,
        title: &declared.title,
        regulatory: declared.regulatory,
        met: result.count(Verdict::Met),
        not_met: result.count(Verdict::NotMet),
        not_assessed: result.count(Verdict::NotAssessed),
        not_applicable: result.count(Verdict::NotApplicable),
        requirements: result.requirements.iter().map(requirement).collect(),
    }
}

fn requirement<'a>(result: &RequirementResult<'a>) -> RequirementJson<'a> {
    let declared: &'a Requirement = result.requirement;
    let ids = |questions: &[&'a Question]| -> Vec<&'a str> {
        questions.iter().map(|q| q.id.as_str()).collect()
    };
    RequirementJson {
        id: &declared.id,
        statement: &declared.statement,
        citation: declared.citation.as_deref(),
        verdict: result.verdict.key(),
        satisfied_by: &declared.satisfied_by,
        supporting: &declared.supporting,
        failing: ids(&result.failing),
        unanswered: ids(&result.unanswered),
    }
}

#[derive(Serialize)]
pub(crate) struct FindingJson<'a> {
    /// The regulatory set and its requirement; both null for a question tagged `regulatory`
    /// that no such set decides.
    set: Option<&'a str>,
    requirement: Option<&'a str>,
    /// That question; null for a requirement.
    question: Option<&'a str>,
    citation: Option<&'a str>,
    /// `not_met` or `not_assessed`.
    verdict: &'static str,
    /// Why, in words: the questions not met or unanswered.
    reason: String,
}

/// Every legal duty not yet met: the report's compliance findings.
pub(crate) fn findings<'a>(findings: &[Finding<'a>]) -> Vec<FindingJson<'a>> {
    findings
        .iter()
        .map(|finding| {
            let verdict = finding.verdict();
            match finding {
                Finding::Requirement { set, result } => {
                    let declared: &'a RequirementSet = set;
                    let requirement: &'a Requirement = result.requirement;
                    FindingJson {
                        set: Some(&declared.id),
                        requirement: Some(&requirement.id),
                        question: None,
                        citation: requirement.citation.as_deref(),
                        verdict: verdict.key(),
                        reason: finding.reason(),
                    }
                }
                Finding::Question { question, .. } => {
                    let question: &'a Question = question;
                    FindingJson {
                        set: None,
                        requirement: None,
                        question: Some(&question.id),
                        citation: None,
                        verdict: verdict.key(),
                        reason: finding.reason(),
                    }
                }
            }
        })
        .collect()
}

#[derive(Serialize)]
pub(crate) struct PortfolioRequirementJson<'a> {
    set: &'a str,
    requirement: &'a str,
    citation: Option<&'a str>,
    met: u64,
    not_met: u64,
    not_assessed: u64,
    not_applicable: u64,
}

/// `jsp aggregate`: each requirement with how many assessments give each verdict.
pub(crate) fn portfolio<'a>(
    questionnaire: &'a crate::questionnaire::Questionnaire,
    counts: &'a [crate::requirements::VerdictCounts],
) -> Vec<PortfolioRequirementJson<'a>> {
    super::portfolio_rows(questionnaire, counts)
        .map(|(set, requirement, c)| PortfolioRequirementJson {
            set: &set.id,
            requirement: &requirement.id,
            citation: requirement.citation.as_deref(),
            met: c.met,
            not_met: c.not_met,
            not_assessed: c.not_assessed,
            not_applicable: c.not_applicable,
        })
        .collect()
}
