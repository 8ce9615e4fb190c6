//! Builders shared by the unit tests.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::answers::{Answer, Answers};
use crate::questionnaire::Questionnaire;

/// A questionnaire from YAML text that must be valid.
pub fn questionnaire(text: &str) -> Questionnaire {
    Questionnaire::parse(text, Path::new("t.yaml")).unwrap().0
}

/// Answers to `questionnaire` (at `version`, if given): `(question, option)` pairs, each with a
/// note.
pub fn answers(questionnaire: &str, version: Option<&str>, pairs: &[(&str, &str)]) -> Answers {
    Answers {
        questionnaire: questionnaire.into(),
        version: version.map(Into::into),
        answers: pairs
            .iter()
            .map(|(q, a)| ((*q).to_string(), Answer::new(*a, Some("why".into()))))
            .collect(),
        ..Answers::default()
    }
}
