//! Progress between two assessments of one questionnaire: level and score per domain before and
//! after, every answer that changed, and the questions that came or went between questionnaire
//! versions. Pure: both answers files are scored against the one, current, questionnaire.

pub mod render;

use std::path::Path;

use crate::answers::{Answer, Answers};
use crate::error::{Result, Warning};
use crate::questionnaire::{Domain, Question, Questionnaire};
use crate::scoring::{self, DomainScore, GroupScore, Scorecard, StreamScore};

#[derive(Debug, Clone)]
pub struct Diff<'a> {
    pub old: &'a Answers,
    pub new: &'a Answers,
    pub before: Scorecard<'a>,
    pub after: Scorecard<'a>,
    /// Questions whose answer changed (answered, unanswered, or another option), in
    /// questionnaire order.
    pub changes: Vec<Change<'a>>,
    /// Questions OLD does not answer, listed only when OLD answered another version of the
    /// questionnaire: new in the current version, or left unanswered in OLD.
    pub added: Vec<(&'a Domain, &'a Question)>,
    /// Answers, in OLD or NEW, to questions the questionnaire no longer has; left out of the
    /// scores. By id.
    pub removed: Vec<Removed<'a>>,
}

#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub domain: &'a Domain,
    pub question: &'a Question,
    pub before: Option<&'a Answer>,
    pub after: Option<&'a Answer>,
}

impl<'a> Change<'a> {
    /// The note of the new answer: why it is what it is now.
    pub fn note(&self) -> Option<&'a str> {
        self.after.and_then(|a| a.note.as_deref())
    }

    /// The answers before and after as the question's own scale words them.
    pub fn labels(&self, questionnaire: &'a Questionnaire) -> (&'a str, &'a str) {
        let scale = questionnaire.scale_of(self.question);
        (
            crate::assessment::label(scale, self.before),
            crate::assessment::label(scale, self.after),
        )
    }
}

/// One figure of a scorecard, a domain's, a stream's, a group's or the overall one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
}

impl From<&DomainScore<'_>> for Figure {
    fn from(d: &DomainScore<'_>) -> Figure {
        Figure {
            applicable: d.applicable,
            level: d.level,
            score: d.score,
        }
    }
}

impl From<&StreamScore<'_>> for Figure {
    fn from(s: &StreamScore<'_>) -> Figure {
        Figure {
            applicable: s.applicable,
            level: s.level,
            score: s.score,
        }
    }
}

impl From<&GroupScore<'_>> for Figure {
    fn from(g: &GroupScore<'_>) -> Figure {
        Figure {
            applicable: g.applicable,
            level: g.level,
            score: g.score,
        }
    }
}

impl From<&Scorecard<'_>> for Figure {
    fn from(c: &Scorecard<'_>) -> Figure {
        Figure {
            applicable: c.applicable,
            level: c.level,
            score: c.score,
        }
    }
}

/// A figure before and after: what every format of the diff compares.
#[derive(Debug, Clone)]
pub struct Compared<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The title where room is short: a domain's `short`, else the title.
    pub short: &'a str,
    pub before: Figure,
    pub after: Figure,
}

impl<'a> Compared<'a> {
    /// A stream or a group: no short title of its own.
    fn plain<S>(id: &'a str, title: &'a str, before: S, after: S) -> Compared<'a>
    where
        Figure: From<S>,
    {
        Compared {
            id,
            title,
            short: title,
            before: before.into(),
            after: after.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Removed<'a> {
    pub id: &'a str,
    pub before: Option<&'a Answer>,
    pub after: Option<&'a Answer>,
}

impl<'a> Diff<'a> {
    pub fn compare(questionnaire: &'a Questionnaire, old: &'a Answers, new: &'a Answers) -> Self {
        let changes = questionnaire
            .questions()
            .filter_map(|(domain, question)| {
                let before = old.answers.get(&question.id);
                let after = new.answers.get(&question.id);
                let same = before.map(|a| &a.choice) == after.map(|a| &a.choice);
                (!same).then_some(Change {
                    domain,
                    question,
                    before,
                    after,
                })
            })
            .collect();
        let added = if old
            .version
            .as_ref()
            .is_some_and(|v| *v != questionnaire.version)
        {
            questionnaire
                .questions()
                .filter(|(_, q)| !old.answers.contains_key(&q.id))
                .collect()
        } else {
            Vec::new()
        };
        let mut removed: Vec<&str> = old
            .answers
            .keys()
            .chain(new.answers.keys())
            .map(String::as_str)
            .filter(|id| questionnaire.question(id).is_none())
            .collect();
        removed.sort_unstable();
        removed.dedup();
        Diff {
            old,
            new,
            before: scoring::score(questionnaire, old, None),
            after: scoring::score(questionnaire, new, None),
            changes,
            added,
            removed: removed
                .into_iter()
                .map(|id| Removed {
                    id,
                    before: old.answers.get(id),
                    after: new.answers.get(id),
                })
                .collect(),
        }
    }

    pub fn questionnaire(&self) -> &'a Questionnaire {
        self.after.questionnaire
    }

    /// Each domain before and after, with its streams, in questionnaire order.
    pub fn domains(&self) -> impl Iterator<Item = (Compared<'a>, Vec<Compared<'a>>)> + '_ {
        self.before
            .domains
            .iter()
            .zip(&self.after.domains)
            .map(|(b, a)| {
                let streams = b
                    .streams
                    .iter()
                    .zip(&a.streams)
                    .map(|(sb, sa)| Compared::plain(&sa.stream.id, &sa.stream.title, sb, sa))
                    .collect();
                let domain = Compared {
                    id: &a.domain.id,
                    title: &a.domain.title,
                    short: a.domain.short_title(),
                    before: b.into(),
                    after: a.into(),
                };
                (domain, streams)
            })
    }

    /// Each group of domains before and after, in questionnaire order.
    pub fn groups(&self) -> impl Iterator<Item = Compared<'a>> + '_ {
        self.before
            .groups
            .iter()
            .zip(&self.after.groups)
            .map(|(b, a)| Compared::plain(&a.group.id, &a.group.title, b, a))
    }
}

/// Checks an answers file as `jsp score` does, except that answers to questions the
/// questionnaire no longer has are left for the diff to report as removed, and that an older
/// questionnaire version is no warning: the diff reports what changed between versions.
pub fn check(
    answers: &Answers,
    questionnaire: &Questionnaire,
    source: &str,
    path: &Path,
) -> Result<Vec<Warning>> {
    let mut known = answers.clone();
    known.version = None;
    known
        .answers
        .retain(|id, _| questionnaire.question(id).is_some());
    known.check(questionnaire, source, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{answers, questionnaire};

    const QUESTIONNAIRE: &str = r#"
id: t
title: T
version: "2"
role: maker
domains:
  - id: a
    title: A
    questions:
      - {id: a2, level: 2, text: x}
      - {id: a3, level: 3, text: x}
      - {id: a3-new, level: 3, text: x}
"#;

    #[test]
    fn changes_additions_and_removals_are_matched_by_id() {
        let q = questionnaire(QUESTIONNAIRE);
        let old = answers(
            "t",
            Some("1"),
            &[("a2", "partial"), ("a3", "full"), ("gone", "full")],
        );
        let new = answers(
            "t",
            Some("2"),
            &[("a2", "full"), ("a3", "full"), ("a3-new", "none")],
        );
        let diff = Diff::compare(&q, &old, &new);
        let changed: Vec<&str> = diff
            .changes
            .iter()
            .map(|c| c.question.id.as_str())
            .collect();
        assert_eq!(changed, ["a2", "a3-new"]);
        assert_eq!(diff.changes[1].before, None);
        let added: Vec<&str> = diff.added.iter().map(|(_, q)| q.id.as_str()).collect();
        assert_eq!(added, ["a3-new"]);
        assert_eq!(diff.removed.len(), 1);
        assert_eq!(diff.removed[0].id, "gone");
        assert!(diff.removed[0].after.is_none());
        assert_eq!((diff.before.level, diff.after.level), (1, 2));
        // A file with an unknown question fails `check` for scoring, not for the diff.
        assert!(old.check(&q, "", Path::new("old.yaml")).is_err());
        assert!(check(&old, &q, "", Path::new("old.yaml")).is_ok());
    }

    #[test]
    fn the_same_version_adds_nothing() {
        let q = questionnaire(QUESTIONNAIRE);
        let old = answers("t", Some("2"), &[("a2", "partial")]);
        let diff = Diff::compare(&q, &old, &old);
        assert!(diff.changes.is_empty() && diff.added.is_empty() && diff.removed.is_empty());
    }
}
