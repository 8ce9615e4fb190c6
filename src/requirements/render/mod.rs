//! The requirement sets in each format, as sections of `jsp score`, `jsp report` and
//! `jsp aggregate`; the report formats call these, one file each.

pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod table;

use crate::requirements::{SetResult, Verdict};

/// `3 of 6 met, 1 not met, 2 not assessed`: the counts that are not zero after the met ones.
pub(crate) fn counts(set: &SetResult) -> String {
    let mut text = format!(
        "{} of {} met",
        set.count(Verdict::Met),
        set.requirements.len()
    );
    for verdict in [
        Verdict::NotMet,
        Verdict::NotAssessed,
        Verdict::NotApplicable,
    ] {
        let count = set.count(verdict);
        if count > 0 {
            text.push_str(&format!(", {count} {}", verdict.label()));
        }
    }
    text
}

/// The questions a requirement shows: the ones that decide it, then the supporting ones.
pub(crate) fn questions(result: &crate::requirements::RequirementResult) -> String {
    let requirement = result.requirement;
    let mut text = requirement.satisfied_by.join(", ");
    if !requirement.supporting.is_empty() {
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str("supporting: ");
        text.push_str(&requirement.supporting.join(", "));
    }
    text
}

/// Each requirement of each set with its counts across a portfolio, in the sets' order.
pub(crate) fn portfolio_rows<'q>(
    questionnaire: &'q crate::questionnaire::Questionnaire,
    counts: &'q [crate::requirements::VerdictCounts],
) -> impl Iterator<
    Item = (
        &'q crate::questionnaire::RequirementSet,
        &'q crate::questionnaire::Requirement,
        crate::requirements::VerdictCounts,
    ),
> + 'q {
    questionnaire
        .requirement_sets
        .iter()
        .flat_map(|set| set.requirements.iter().map(move |r| (set, r)))
        .zip(counts.iter().copied())
        .map(|((set, requirement), counts)| (set, requirement, counts))
}
