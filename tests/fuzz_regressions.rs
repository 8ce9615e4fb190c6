//! Inputs kept from fuzzing (`tests/fuzz-regressions/<target>/`), each run through what its
//! fuzz target does (`fuzz/exercise.rs`): none may panic. Add a crash input here when fixing it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "../fuzz/exercise.rs"]
mod exercise;

use std::path::Path;

fn each_input(target: &str, exercise: fn(&[u8])) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        exercise(&std::fs::read(entry.unwrap().path()).unwrap());
        count += 1;
    }
    // A folder that replays nothing would pass whatever the code did.
    assert!(count > 0, "{} holds no input", folder.display());
}

#[test]
fn kept_questionnaire_inputs() {
    each_input("questionnaire", exercise::questionnaire);
}

#[test]
fn kept_answers_inputs() {
    each_input("answers", exercise::answers);
}

#[test]
fn kept_workbook_inputs() {
    each_input("workbook", exercise::workbook);
}

#[test]
fn kept_target_inputs() {
    each_input("target", exercise::target);
}

#[test]
fn kept_report_inputs() {
    each_input("report", exercise::report);
}

#[test]
fn kept_yaml_mix_inputs() {
    each_input("yaml_mix", exercise::yaml_mix);
}

#[test]
fn mixed_yaml_reaches_a_million_levels_and_the_file_limit() {
    assert_eq!(exercise::mixed_yaml(&[0, 20]), "[".repeat(1 << 20));
    let fat = exercise::mixed_yaml(&[1, 20, 1, 20, 1, 20]);
    assert_eq!(fat.len(), 8 * 1024 * 1024);
    assert!(exercise::mixed_yaml(&[4, 20]).matches("k:").count() > 1_000);
}
