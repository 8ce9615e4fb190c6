//! The requirement sets in JUnit XML: a test suite per set, a test case per requirement. A
//! requirement that fails a `--require` gate is a failure; the same in a set not required is
//! skipped, with why, so that CI shows it without failing on it.

use quick_junit::{TestCase, TestCaseStatus, TestSuite};

use crate::render::junit::{failure, not_gated};

use crate::requirements::{SetResult, Verdict};

pub fn suites(sets: &[SetResult], required: &[String], classname: &str) -> Vec<TestSuite> {
    sets.iter()
        .map(|set| {
            let gated = required.contains(&set.set.id);
            let mut suite = TestSuite::new(format!("{}: {}", set.set.id, set.set.title));
            for result in &set.requirements {
                let requirement = result.requirement;
                let message = format!(
                    "`{}` is {}: {}",
                    requirement.id,
                    result.verdict.label(),
                    result.reason()
                );
                let status = match (result.fails_gate(), gated) {
                    (true, true) => failure(
                        result.verdict.key(),
                        message,
                        Some(requirement.statement.clone()),
                    ),
                    (true, false) => not_gated(&message, &format!("--require {}", set.set.id)),
                    (false, _) if result.verdict == Verdict::Met => TestCaseStatus::success(),
                    (false, _) => {
                        let mut status = TestCaseStatus::skipped();
                        status.set_message(message);
                        status
                    }
                };
                let mut case = TestCase::new(
                    format!(
                        "{}: {}",
                        requirement.id,
                        requirement.citation.as_deref().unwrap_or_default()
                    ),
                    status,
                );
                case.set_classname(format!("{classname}.{}", set.set.id));
                suite.add_test_case(case);
            }
            suite
        })
        .collect()
}
