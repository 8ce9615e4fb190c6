//! The requirement sets as markdown: the section of `jsp score --format markdown` and of the
//! markdown report.

use std::fmt::Write as _;

use super::{counts, questions};
use crate::render::markdown::escape;
use crate::requirements::SetResult;

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
