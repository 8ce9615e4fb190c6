//! What each fuzz target does with its input, shared by the targets (`fuzz_targets/`) and the
//! regression test of kept crash inputs (`tests/fuzz_regressions.rs`). Each function may
//! return early on bad input, but must never panic, hang or run out of memory.

// Each fuzz target uses one of these functions.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use jsp::answers::Answers;
use jsp::questionnaire::Questionnaire;
use jsp::report::{Assessment, chart, html, json, markdown, table};
use jsp::target::Target;

/// A questionnaire file: read as text, parsed and checked; then shown in every format.
pub fn questionnaire(data: &[u8]) {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    if let Ok((questionnaire, _)) = Questionnaire::parse(&text, Path::new("q.yaml")) {
        jsp::report::questionnaire::table(&questionnaire);
        jsp::report::questionnaire::markdown(&questionnaire);
        jsp::report::questionnaire::json(&questionnaire);
    }
}

/// The built-in manufacturer questionnaire, which answers and targets are checked against;
/// parsed once, as parsing it would otherwise take most of each run.
fn built_in() -> Option<&'static Questionnaire> {
    static BUILT_IN: OnceLock<Option<Questionnaire>> = OnceLock::new();
    BUILT_IN
        .get_or_init(|| {
            let built_in = jsp::catalog::BUILT_IN.first()?;
            Questionnaire::parse(built_in.text, Path::new(built_in.file))
                .ok()
                .map(|(q, _)| q)
        })
        .as_ref()
}

/// An answers file: parsed and checked against the built-in questionnaire, then scored and
/// reported in every format.
pub fn answers(data: &[u8]) {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    let path = Path::new("a.yaml");
    let (Ok(answers), Some(questionnaire)) = (Answers::parse(&text, path), built_in()) else {
        return;
    };
    if answers.check(questionnaire, &text, path).is_ok() {
        reports(questionnaire, &answers, None);
    }
}

/// A target file: parsed and checked against the built-in questionnaire.
pub fn target(data: &[u8]) {
    let Ok(text) = jsp::files::text_from_bytes(data.to_vec()) else {
        return;
    };
    let path = Path::new("t.toml");
    let (Ok(target), Some(questionnaire)) = (Target::parse(&text, path), built_in()) else {
        return;
    };
    let catalog = jsp::catalog::Catalog::new(Vec::new());
    if target
        .problems(&catalog, Some(questionnaire), &text)
        .is_ok_and(|problems| problems.is_empty())
    {
        reports(questionnaire, &Answers::default(), Some(&target));
    }
}

/// A questionnaire and an answers file in one input, split at a line `---8<---`: both parsed
/// and checked, then scored and written in every format, with and without a target.
pub fn report(data: &[u8]) {
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
        roles: Default::default(),
    };
    reports(&questionnaire, &answers, None);
    reports(&questionnaire, &answers, Some(&target));
}

fn reports(questionnaire: &Questionnaire, answers: &Answers, target: Option<&Target>) {
    let card = jsp::scoring::score(questionnaire, answers, target);
    let assessment = Assessment {
        answers,
        card: &card,
    };
    table::render(&assessment, Some(40), true);
    table::render(&assessment, None, false);
    markdown::score(&assessment);
    markdown::report(&assessment);
    json::score(&assessment);
    json::report(&assessment);
    let crosswalk = jsp::crosswalk::crosswalk(questionnaire, Some(answers));
    html::report(&assessment, Some(&crosswalk));
    let chart = chart::Chart::from_assessment(&assessment);
    chart::radar::svg(&chart);
    chart::bars::svg(&chart);
}
