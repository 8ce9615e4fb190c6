//! An assessment's history: every committed version of its answers file scored, oldest first,
//! so that leadership sees the trend per domain and overall. Pure: the versions come in, each
//! with the questionnaire it is scored against.

pub mod render;

use crate::answers::Answers;
use crate::questionnaire::Questionnaire;
use crate::scoring;

/// One version of the answers file, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The commit it was read from (short form); `None` for the file as it is on disk.
    pub commit: Option<String>,
    /// The commit date, or the answers file's own date for the file on disk.
    pub date: String,
    /// The commit's subject line.
    pub subject: String,
    /// The questionnaire version the answers were given to, when the file says.
    pub answered_version: Option<String>,
    /// True when that version is not the one scored against: the point is marked.
    pub older_version: bool,
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
    /// Each domain's (applicable, level, score), in questionnaire order.
    pub domains: Vec<(bool, u32, f64)>,
}

/// The scored versions of one answers file.
#[derive(Debug, Clone)]
pub struct History<'q> {
    pub questionnaire: &'q Questionnaire,
    /// The answers file, as the user named it.
    pub file: String,
    pub points: Vec<Point>,
    /// Why there is only one point, when that is so.
    pub single: Option<String>,
}

/// A version to score: where it came from, and its answers.
pub struct Version {
    pub commit: Option<String>,
    pub date: String,
    pub subject: String,
    pub answers: Answers,
}

impl<'q> History<'q> {
    /// Scores every version against `questionnaire` (answers to questions it no longer has
    /// count for nothing, as in `jsp diff`).
    pub fn score(questionnaire: &'q Questionnaire, file: String, versions: Vec<Version>) -> Self {
        let points = versions
            .into_iter()
            .map(|version| {
                let card = scoring::score(questionnaire, &version.answers, None);
                let answered_version = version.answers.version.clone();
                Point {
                    commit: version.commit.map(|c| c.chars().take(10).collect()),
                    date: version.date,
                    subject: version.subject,
                    older_version: answered_version
                        .as_ref()
                        .is_some_and(|v| *v != questionnaire.version),
                    answered_version,
                    applicable: card.applicable,
                    level: card.level,
                    score: card.score,
                    domains: card
                        .domains
                        .iter()
                        .map(|d| (d.applicable, d.level, d.score))
                        .collect(),
                }
            })
            .collect();
        History {
            questionnaire,
            file,
            points,
            single: None,
        }
    }

    /// The first and the last point, when there are two or more.
    pub fn ends(&self) -> Option<(&Point, &Point)> {
        match (self.points.first(), self.points.last()) {
            (Some(first), Some(last)) if self.points.len() > 1 => Some((first, last)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{answers, questionnaire};

    const QUESTIONNAIRE: &str = "id: t\ntitle: T\nversion: \"2\"\nrole: manufacturer\ndomains:\n  - id: d\n    title: D\n    questions:\n      - {id: d-2a, level: 2, text: A?}\n      - {id: d-3a, level: 3, text: B?}\n";

    #[test]
    fn each_version_is_scored_and_an_older_one_is_marked() {
        let q = questionnaire(QUESTIONNAIRE);
        let version = |answers, date: &str| Version {
            commit: Some("0123456789abcdef".into()),
            date: date.into(),
            subject: "s".into(),
            answers,
        };
        let history = History::score(
            &q,
            "a.yaml".into(),
            vec![
                version(
                    answers("t", Some("1"), &[("d-2a", "partial")]),
                    "2025-01-01",
                ),
                version(
                    answers("t", Some("2"), &[("d-2a", "full"), ("d-3a", "full")]),
                    "2026-01-01",
                ),
            ],
        );
        let (first, last) = history.ends().unwrap();
        assert!(first.older_version && !last.older_version);
        assert!(first.level < last.level, "{first:?} {last:?}");
        assert!(last.score > first.score);
        assert_eq!(first.commit.as_deref(), Some("0123456789"));
        assert_eq!(last.domains, vec![(true, last.level, last.score)]);
    }
}
