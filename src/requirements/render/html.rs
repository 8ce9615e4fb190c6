//! The requirement sets in the HTML report: the compliance findings near the top, and a table
//! per set. Every piece of text from the files is escaped.

use std::fmt::Write as _;

use super::{counts, questions};
use crate::render::xml::escape;
use crate::requirements::{Finding, SetResult, Verdict};

/// The report's compliance findings: every legal duty not yet met, as
/// [`crate::requirements::findings`] decides.
pub fn findings(out: &mut String, findings: &[Finding]) {
    out.push_str("<section aria-labelledby=\"compliance-findings\">\n<h2 id=\"compliance-findings\">Compliance findings</h2>\n<p class=\"muted\">The legal duties not met, or not assessed for want of an answer, whatever level their domain is at: requirements of regulatory sets, and questions tagged regulatory that no such set decides.</p>\n");
    if findings.is_empty() {
        out.push_str("<p>No finding: every legal duty that a question evidences is met.</p>\n");
        out.push_str("</section>\n");
        return;
    }
    out.push_str("<ul class=\"steps\">\n");
    for finding in findings {
        let _ = writeln!(
            out,
            "<li><strong>{} {}</strong> <span class=\"muted\">({})</span>: {}</li>",
            escape(finding.id()),
            finding.verdict().label(),
            escape(&finding.source()),
            escape(&finding.detail())
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// A table per requirement set: each requirement, its verdict and why.
pub fn section(out: &mut String, sets: &[SetResult]) {
    if sets.is_empty() {
        return;
    }
    out.push_str("<section class=\"page\" aria-labelledby=\"requirement-sets\">\n<h2 id=\"requirement-sets\">Requirement sets</h2>\n<p class=\"muted\">Pass/fail views beside the levels: a requirement is met when the questions that satisfy it are met.</p>\n");
    for set in sets {
        let _ = writeln!(
            out,
            "<h3>{}: {} <span class=\"muted\">— {}</span></h3>",
            escape(&set.set.id),
            escape(&set.set.title),
            counts(set)
        );
        if let Some(description) = &set.set.description {
            let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(description));
        }
        out.push_str("<div class=\"scroll\"><table class=\"stack\">\n<thead><tr><th scope=\"col\">Requirement</th><th scope=\"col\">Verdict</th><th scope=\"col\">Why</th><th scope=\"col\">Questions</th></tr></thead>\n<tbody>\n");
        for result in &set.requirements {
            let requirement = result.requirement;
            let verdict = match result.verdict {
                Verdict::Met | Verdict::NotApplicable => result.verdict.label().to_string(),
                Verdict::NotMet | Verdict::NotAssessed => {
                    format!("<strong>{}</strong>", result.verdict.label())
                }
            };
            let _ = writeln!(
                out,
                "<tr><td data-label=\"Requirement\"><strong>{}</strong> {}<br><span class=\"muted\">{}</span></td><td data-label=\"Verdict\">{verdict}</td><td data-label=\"Why\">{}</td><td data-label=\"Questions\">{}</td></tr>",
                escape(&requirement.id),
                escape(&requirement.statement),
                escape(requirement.citation.as_deref().unwrap_or_default()),
                escape(&result.reason()),
                escape(&questions(result))
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    out.push_str("</section>\n");
}
