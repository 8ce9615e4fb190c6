//! The `workbook` target: see `exercise::workbook`.
#![no_main]

#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::workbook(data));
