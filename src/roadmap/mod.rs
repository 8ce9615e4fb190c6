//! The roadmap to a target: the unmet questions that stand between each domain and its target,
//! in phases. Pure: drawn from a scorecard (which carries each domain's target and priority,
//! from the target file) and the answers.
//!
//! A phase is a level being climbed, lowest first: a domain cannot reach level 3 before level 2.
//! Within a phase, the questions that restate a legal duty come first, then those of the domains
//! with the highest priority, then (scored `continuous`) the largest gain to the overall score,
//! then the heaviest questions; ties keep questionnaire order.

pub mod render;

use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::questionnaire::{Domain, Question};
use crate::scoring::{Scorecard, Status};
use crate::target::DEFAULT_PRIORITY;

#[derive(Debug, Clone)]
pub struct Roadmap<'q> {
    /// Phases in order, each with at least one step.
    pub phases: Vec<Phase<'q>>,
}

#[derive(Debug, Clone)]
pub struct Phase<'q> {
    /// The level being climbed.
    pub level: u32,
    pub steps: Vec<Step<'q>>,
}

/// One unmet question on the way to a target.
#[derive(Debug, Clone)]
pub struct Step<'q> {
    pub domain: &'q Domain,
    pub question: &'q Question,
    /// The domain's priority, 1 to 5.
    pub priority: u32,
    /// Unanswered, or answered below `met_at`.
    pub status: Status,
    /// Scored `continuous`: what the step adds to the overall score (see
    /// [`Scorecard::below_target_values`]); 0 when staged.
    pub gain: f64,
}

impl<'q> Roadmap<'q> {
    /// The roadmap of an assessment that has a target, or is scored `continuous` (without a
    /// target each question then aims at its full value); `None` otherwise.
    pub fn of(assessment: &Assessment<'q>) -> Option<Roadmap<'q>> {
        (assessment.has_target() || assessment.card.questionnaire.is_continuous())
            .then(|| Roadmap::plan(assessment.card, assessment.answers))
    }

    /// The roadmap of an assessment scored against a target; empty when no domain has a target
    /// above its level.
    pub fn plan(card: &Scorecard<'q>, answers: &Answers) -> Roadmap<'q> {
        let mut steps = Vec::new();
        for scored in card.domains.iter().filter(|d| d.applicable) {
            // Staged, the questions up to the target level; continuous, those below their
            // target value, largest gain first.
            let open: Vec<(&Question, f64)> = match scored.target {
                Some(target) => card
                    .open_questions(answers, scored, target)
                    .into_iter()
                    .map(|q| (q, 0.0))
                    .collect(),
                None => card.below_target_values(answers, scored),
            };
            let priority = scored.priority.unwrap_or(DEFAULT_PRIORITY);
            let domain: &'q Domain = scored.domain;
            for (question, gain) in open {
                steps.push(Step {
                    domain,
                    question,
                    priority,
                    status: card.status(answers, question),
                    gain,
                });
            }
        }
        // A stable sort: equal steps keep questionnaire order, so the output is reproducible.
        // Scored continuous, the largest gain comes before the heaviest (its weight is in it).
        steps.sort_by(|a, b| {
            let heavier = b
                .gain
                .total_cmp(&a.gain)
                .then(b.question.weight.total_cmp(&a.question.weight));
            a.question
                .level
                .cmp(&b.question.level)
                .then(b.question.is_regulatory().cmp(&a.question.is_regulatory()))
                .then(b.priority.cmp(&a.priority))
                .then(heavier)
        });
        let mut phases: Vec<Phase> = Vec::new();
        for step in steps {
            match phases.last_mut() {
                Some(phase) if phase.level == step.question.level => phase.steps.push(step),
                _ => phases.push(Phase {
                    level: step.question.level,
                    steps: vec![step],
                }),
            }
        }
        Roadmap { phases }
    }

    pub fn steps(&self) -> impl Iterator<Item = (usize, &Step<'q>)> {
        self.phases
            .iter()
            .enumerate()
            .flat_map(|(n, phase)| phase.steps.iter().map(move |step| (n + 1, step)))
    }

    /// How many steps the roadmap holds for a domain.
    pub fn open_in(&self, domain: &str) -> usize {
        self.steps().filter(|(_, s)| s.domain.id == domain).count()
    }

    pub fn is_empty(&self) -> bool {
        self.phases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::score;
    use crate::target::Target;
    use crate::testing::{answers, questionnaire};
    use std::path::Path;

    const QUESTIONNAIRE: &str = r#"
id: t
title: T
version: "1"
role: maker
domains:
  - id: low
    title: Low priority
    questions:
      - {id: low-2, level: 2, text: x}
      - {id: low-2-heavy, level: 2, text: x, weight: 3}
      - {id: low-3, level: 3, text: x}
      - {id: low-4, level: 4, text: x}
  - id: high
    title: High priority
    questions:
      - {id: high-2, level: 2, text: x}
      - {id: high-2-met, level: 2, text: x}
      - {id: high-2-na, level: 2, text: x, na: true}
      - {id: high-3-legal, level: 3, text: x, tags: [regulatory]}
      - {id: high-3, level: 3, text: x, weight: 2}
  - id: done
    title: Done
    questions:
      - {id: done-2, level: 2, text: x}
"#;

    fn plan_ids(target: &str, pairs: &[(&str, &str)]) -> Vec<(u32, Vec<String>)> {
        let q = questionnaire(QUESTIONNAIRE);
        let target = Target::parse(target, Path::new("t.toml")).unwrap();
        let answers = answers("t", None, pairs);
        let card = score(&q, &answers, Some(&target));
        Roadmap::plan(&card, &answers)
            .phases
            .iter()
            .map(|p| {
                let ids = p.steps.iter().map(|s| s.question.id.clone()).collect();
                (p.level, ids)
            })
            .collect()
    }

    #[test]
    fn phases_climb_levels_then_law_then_priority_then_weight() {
        let phases = plan_ids(
            "default = 3\n[domains]\nhigh = { priority = 5 }\nlow = { priority = 1 }\n",
            &[
                ("high-2-met", "full"),
                ("high-2-na", "na"),
                ("low-2", "partial"),
                ("done-2", "full"),
            ],
        );
        assert_eq!(
            phases,
            vec![
                // Level 2: the high-priority domain first; within the low one, the heavier first.
                (
                    2,
                    vec!["high-2".into(), "low-2-heavy".into(), "low-2".into()]
                ),
                // Level 3: the legal duty first, then priority; level 4 is beyond every target.
                (
                    3,
                    vec!["high-3-legal".into(), "high-3".into(), "low-3".into()]
                ),
            ]
        );
    }

    #[test]
    fn a_domain_at_or_beyond_its_target_and_met_questions_are_left_out() {
        let phases = plan_ids(
            "default = 2\n[domains]\nlow = 4\n",
            &[
                ("low-2", "full"),
                ("low-2-heavy", "full"),
                ("low-3", "largely"),
            ],
        );
        // low is at 3, its target 4: only low-4. high and done are below 2: every question of
        // theirs at level 2 (unanswered), in questionnaire order.
        assert_eq!(
            phases,
            vec![
                (
                    2,
                    vec![
                        "high-2".into(),
                        "high-2-met".into(),
                        "high-2-na".into(),
                        "done-2".into()
                    ]
                ),
                (4, vec!["low-4".into()]),
            ]
        );
    }

    #[test]
    fn questions_above_the_domain_level_but_met_are_not_steps() {
        // low stays at 1 (low-2 unmet), but low-3 is already met: only what is missing shows.
        let phases = plan_ids(
            "[domains]\nlow = 3\n",
            &[("low-2-heavy", "full"), ("low-3", "full")],
        );
        assert_eq!(phases, vec![(2, vec!["low-2".into()])]);
    }
}
