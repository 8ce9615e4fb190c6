//! JUnit test case outcomes, as every JUnit output words them.

use quick_junit::{NonSuccessKind, TestCaseStatus};

/// A failed case: `kind` is its type (`below target`, `not met`, `expired`), `message` the one
/// line a dashboard shows, `description` the details under it.
pub fn failure(kind: &str, message: String, description: Option<String>) -> TestCaseStatus {
    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
    status.set_type(kind).set_message(message);
    if let Some(description) = description {
        status.set_description(description);
    }
    status
}

/// A case that would fail if its gate were on: skipped, saying how to turn the gate on.
pub fn not_gated(message: &str, gate: &str) -> TestCaseStatus {
    let mut status = TestCaseStatus::skipped();
    status.set_message(format!("{message} (not gated: add {gate})"));
    status
}
