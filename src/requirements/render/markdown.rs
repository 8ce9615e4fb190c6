//! The requirement sets as markdown: the section of `jsp score --format markdown` and of the
//! markdown report, and the report's compliance findings.

use std::fmt::Write as _;

use super::{counts, questions};
use crate::render::markdown::escape;
use crate::requirements::{Finding, SetResult};

/// `## Requirement sets`: a summary row per set, then each set requirement by requirement.
pub fn section(out: &mut String, sets: &[SetResult]) {
    if sets.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Requirement sets\n\nPass/fail views beside the levels: a requirement is met when the questions that satisfy it are met.\n\n| Set | Requirements |\n|---|---|"
    );
    for set in sets {
        let _ = writeln!(
            out,
            "| {} {} | {} |",
            escape(&set.set.id),
            escape(&set.set.title),
            counts(set)
        );
    }
    out.push('\n');
    for set in sets {
        let _ = writeln!(
            out,
            "### {}: {}\n",
            escape(&set.set.id),
            escape(&set.set.title)
        );
        if let Some(description) = &set.set.description {
            let _ = writeln!(out, "{}\n", escape(description));
        }
        let _ = writeln!(
            out,
            "| Requirement | Statement | Citation | Verdict | Why | Questions |\n|---|---|---|---|---|---|"
        );
        for result in &set.requirements {
            let requirement = result.requirement;
            let _ = writeln!(
                out,
                "| {} | {} | {} | **{}** | {} | {} |",
                escape(&requirement.id),
                escape(&requirement.statement),
                escape(requirement.citation.as_deref().unwrap_or_default()),
                result.verdict.label(),
                escape(&result.reason()),
                escape(&questions(result))
            );
        }
        out.push('\n');
    }
}
/// `## Compliance findings`: every legal duty not yet met, as [`crate::requirements::findings`]
/// decides, whatever level its domain is at.
pub fn findings(out: &mut String, findings: &[Finding]) {
    let _ = writeln!(out, "## Compliance findings\n");
    if findings.is_empty() {
        let _ = writeln!(
            out,
            "No finding: every legal duty that a question evidences is met."
        );
    }
    for finding in findings {
        let _ = writeln!(
            out,
            "- **{} {}** ({}): {}",
            escape(finding.id()),
            finding.verdict().label(),
            escape(&finding.source()),
            escape(&finding.detail())
        );
    }
    out.push('\n');
}

/// `## Requirement sets` of `jsp aggregate`: how many assessments give each verdict.
pub fn portfolio(
    out: &mut String,
    questionnaire: &crate::questionnaire::Questionnaire,
    counts: &[crate::requirements::VerdictCounts],
) {
    if questionnaire.requirement_sets.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## Requirement sets\n\nHow many assessments meet each requirement, fail it, leave it not assessed or not applicable.\n\n| Set | Requirement | Citation | Met | Not met | Not assessed | N/A |\n|---|---|---|---:|---:|---:|---:|"
    );
    for (set, requirement, c) in super::portfolio_rows(questionnaire, counts) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&set.id),
            escape(&requirement.id),
            escape(requirement.citation.as_deref().unwrap_or_default()),
            c.met,
            c.not_met,
            c.not_assessed,
            c.not_applicable
        );
    }
}
