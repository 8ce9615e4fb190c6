//! A questionnaire and an answers file in one input, split at a line `---8<---`: both parsed
//! and checked, then scored and written in every format, with a target at every level.
#![no_main]

use std::path::Path;

use jsp::answers::Answers;
use jsp::questionnaire::Questionnaire;
use jsp::report::{Assessment, json, markdown, table};
use jsp::target::Target;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    let Some((questionnaire_text, answers_text)) = text.split_once("\n---8<---\n") else {
        return;
    };
    let Ok((questionnaire, _)) = Questionnaire::parse(questionnaire_text, Path::new("q.yaml"))
    else {
        return;
    };
    let path = Path::new("a.yaml");
    let Ok(answers) = Answers::parse(answers_text, path) else {
        return;
    };
    if answers.check(&questionnaire, answers_text, path).is_err() {
        return;
    }
    let target = Target {
        default: Some(questionnaire.top_level()),
        domains: Default::default(),
    };
    for target in [None, Some(&target)] {
        let card = jsp::scoring::score(&questionnaire, &answers, target);
        let assessment = Assessment {
            answers: &answers,
            card: &card,
        };
        table::render(&assessment, Some(40), true);
        table::render(&assessment, None, false);
        markdown::score(&assessment);
        markdown::report(&assessment);
        json::score(&assessment);
        json::report(&assessment);
    }
});
