//! The bad-input corpus: one case a file in `tests/cmd/` (the command, exit code 2, or 0 for
//! input that loads with a warning, and the exact message), its input files in the `.in` folder beside it. `TRYCMD=overwrite cargo test
//! corpus` re-blesses the messages after a deliberate change.

#[test]
fn every_bad_input_exits_2_with_its_message() {
    trycmd::TestCases::new()
        .register_bin("jsp", assert_cmd::cargo::cargo_bin!("jsp"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .case("tests/cmd/*.toml");
}
