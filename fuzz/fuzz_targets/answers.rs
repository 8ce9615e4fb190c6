//! An answers file: parsed and checked against the built-in manufacturer questionnaire, then
//! scored and reported in every format.
#![no_main]

use std::path::Path;

use jsp::answers::Answers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    let path = Path::new("a.yaml");
    let Ok(answers) = Answers::parse(&text, path) else {
        return;
    };
    let Some(built_in) = jsp::catalog::BUILT_IN.first() else {
        return;
    };
    let Ok((questionnaire, _)) =
        jsp::questionnaire::Questionnaire::parse(built_in.text, Path::new(built_in.file))
    else {
        return;
    };
    if answers.check(&questionnaire, &text, path).is_ok() {
        jsp_fuzz_report(&questionnaire, &answers);
    }
});

fn jsp_fuzz_report(questionnaire: &jsp::questionnaire::Questionnaire, answers: &Answers) {
    let card = jsp::scoring::score(questionnaire, answers, None);
    let assessment = jsp::report::Assessment {
        answers,
        card: &card,
    };
    jsp::report::table::render(&assessment, Some(80), true);
    jsp::report::markdown::report(&assessment);
    jsp::report::json::report(&assessment);
}
