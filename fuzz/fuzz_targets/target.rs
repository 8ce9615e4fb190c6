//! A target file: parsed and checked against the built-in manufacturer questionnaire.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    let path = Path::new("t.toml");
    let Ok(target) = jsp::target::Target::parse(&text, path) else {
        return;
    };
    let Some(built_in) = jsp::catalog::BUILT_IN.first() else {
        return;
    };
    if let Ok((questionnaire, _)) =
        jsp::questionnaire::Questionnaire::parse(built_in.text, Path::new(built_in.file))
    {
        let _ = target.check(&questionnaire, &text, path);
        for domain in &questionnaire.domains {
            target.level_for(&domain.id);
        }
    }
});
