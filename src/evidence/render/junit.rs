//! The evidence review in JUnit XML: a test suite with a test case per item, so that a CI
//! dashboard shows what `--fail-on-stale-evidence` fails on. With the gate on, a stale item is
//! a failure with the gate's own words; with it off, a skipped case that says so. Nothing
//! else fails: the suite fails exactly when the gate does.

use std::io::{self, Write};

use quick_junit::{Report, TestCase, TestCaseStatus, TestSuite};

use crate::render::junit::{failure, not_gated};

use crate::answers::format_date;
use crate::evidence::Review;
use crate::render::Style;

/// `jsp evidence --format junit`, gated or not as the command line says.
pub struct Gated<'r, 'a> {
    pub review: &'r Review<'a>,
    pub gated: bool,
}

pub fn render(gated: &Gated, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut report = Report::new("jsp evidence");
    report.add_test_suite(suite(gated.review, gated.gated));
    crate::render::xml::write_document(report.to_string().map_err(io::Error::other)?, out)
}

/// The suite `evidence as of DATE`: a case per item, named `question: reference` (its control
/// characters as escapes, as in the gate's message).
pub fn suite(review: &Review, gated: bool) -> TestSuite {
    let mut suite = TestSuite::new(format!("evidence as of {}", format_date(review.as_of)));
    let classname = format!("{}.evidence", review.answers.questionnaire);
    for item in &review.items {
        let status = match (item.status.is_stale(), gated) {
            (true, true) => failure(item.status.id(), item.failure(review), None),
            (true, false) => not_gated(&item.failure(review), "--fail-on-stale-evidence"),
            (false, _) => TestCaseStatus::success(),
        };
        let mut case = TestCase::new(
            format!(
                "{}: {}",
                item.question.id,
                crate::evidence::visible(&item.evidence.reference)
            ),
            status,
        );
        let mut out = item.status.id().to_string();
        let owner = item
            .evidence
            .owner
            .as_ref()
            .map(|o| format!("owner {o}"))
            .unwrap_or_default();
        for part in [super::age(item), item.detail(review), owner] {
            if !part.is_empty() {
                out.push_str(&format!(", {part}"));
            }
        }
        out.push('\n');
        case.set_classname(&classname).set_system_out(out);
        suite.add_test_case(case);
    }
    suite
}
