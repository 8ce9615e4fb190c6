//! A questionnaire file: read as text, parsed and checked; then shown in every format.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    if let Ok((questionnaire, _)) = jsp::questionnaire::Questionnaire::parse(&text, Path::new("q.yaml")) {
        jsp::report::questionnaire::table(&questionnaire);
        jsp::report::questionnaire::markdown(&questionnaire);
        jsp::report::questionnaire::json(&questionnaire);
    }
});
