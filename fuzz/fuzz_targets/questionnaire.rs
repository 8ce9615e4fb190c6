//! The `questionnaire` target: see `exercise::questionnaire`.
#![no_main]

#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::questionnaire(data));
