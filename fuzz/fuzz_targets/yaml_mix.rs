//! The `yaml_mix` target: structure-aware, see `exercise::yaml_mix`.
#![no_main]

#[path = "../exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::yaml_mix(data));
