//! An [`Assessment`]: answers scored against their questionnaire (and a target), and the
//! questions every view asks of it: what is open, what is next, which legal duties are unmet.

pub mod render;

use crate::answers::{Answer, Answers};
use crate::questionnaire::{Domain, Question, ScaleOption};
use crate::requirements::{Finding, SetResult};
use crate::scoring::{DomainScore, Scorecard, Status};

/// What titles call an assessment whose file names neither its subject nor its organization.
pub const UNNAMED: &str = "Unnamed assessment";

/// What every report is drawn from.
pub struct Assessment<'a> {
    pub answers: &'a Answers,
    pub card: &'a Scorecard<'a>,
}

impl<'a> Assessment<'a> {
    pub fn status(&self, question: &Question) -> Status {
        self.card.status(self.answers, question)
    }

    pub fn has_target(&self) -> bool {
        self.card.domains.iter().any(DomainScore::has_target)
    }

    /// A domain's next steps, the ones that restate a legal duty first. Staged: the unmet
    /// questions that stand between it and its next level. Scored `continuous`, which has no
    /// level to reach: the roadmap's, the questions below their target value (their full value
    /// without a target), see [`Scorecard::below_target_values`].
    pub fn next_steps(&self, scored: &DomainScore<'a>) -> Vec<&'a Question> {
        let mut steps = if self.card.questionnaire.is_continuous() {
            self.card
                .below_target_values(self.answers, scored)
                .into_iter()
                .map(|(q, _)| q)
                .collect()
        } else {
            self.card
                .open_questions(self.answers, scored, scored.level.saturating_add(1))
        };
        steps.sort_by_key(|q| !q.is_regulatory());
        steps
    }

    /// Each applicable domain that has next steps, with its next level and those steps.
    pub fn next_steps_by_domain(
        &self,
    ) -> impl Iterator<Item = (&DomainScore<'a>, u32, Vec<&'a Question>)> + '_ {
        self.card
            .domains
            .iter()
            .filter(|d| d.applicable)
            .map(|scored| {
                (
                    scored,
                    scored.level.saturating_add(1),
                    self.next_steps(scored),
                )
            })
            .filter(|(_, _, steps)| !steps.is_empty())
    }

    /// Every legal duty not yet met, by the one rule of [`crate::requirements::findings`]: the
    /// summary counts them and the compliance findings list them.
    pub fn findings(&self) -> Vec<Finding<'a>> {
        crate::requirements::findings(
            self.card.questionnaire,
            self.answers,
            &self.requirement_sets(),
        )
    }

    pub fn unanswered(&self) -> impl Iterator<Item = (&'a Domain, &'a Question)> + '_ {
        self.card
            .questionnaire
            .questions()
            .filter(|(_, q)| self.status(q) == Status::Unanswered)
    }

    /// Every requirement set of the questionnaire, decided by these answers.
    pub fn requirement_sets(&self) -> Vec<SetResult<'a>> {
        crate::requirements::evaluate(self.card.questionnaire, self.answers)
    }

    /// The label of the chosen option, "Not applicable" or "Unanswered".
    pub fn answer_label(&self, question: &Question) -> &str {
        label(
            self.card.questionnaire.scale_of(question),
            self.answers.answers.get(&question.id),
        )
    }

    pub fn level_name(&self, level: u32) -> &str {
        self.card.questionnaire.level_name(level)
    }

    /// What the assessment is of, as titles name it.
    pub fn subject(&self) -> &'a str {
        self.answers.name().unwrap_or(UNNAMED)
    }
}

/// The label of an answer's option in the question's `scale`, "Not applicable" or
/// "Unanswered"; the option id itself when the scale has no such option.
pub fn label<'a>(scale: &'a [ScaleOption], answer: Option<&'a Answer>) -> &'a str {
    match answer {
        None => "Unanswered",
        Some(a) if a.is_not_applicable() => "Not applicable",
        Some(a) => scale
            .iter()
            .find(|o| o.id == a.choice)
            .map_or(a.choice.as_str(), |o| o.label.as_str()),
    }
}
