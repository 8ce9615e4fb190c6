//! The scoring model: answers in, maturity level and score per domain and overall out.
//! Pure: it never reads files or prints. The README documents the same rules.

use std::collections::HashMap;

use crate::answers::Answers;
use crate::questionnaire::{Domain, Group, NaLevels, Question, Questionnaire, Stream};
use crate::target::Target;

/// Where one question stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Unanswered,
    NotApplicable,
    Answered { value: f64, met: bool },
}

impl Status {
    /// What the question contributes: unanswered counts 0; `None` when it does not count.
    pub fn value(self) -> Option<f64> {
        match self {
            Status::Unanswered => Some(0.0),
            Status::NotApplicable => None,
            Status::Answered { value, .. } => Some(value),
        }
    }

    pub fn is_met(self) -> bool {
        matches!(self, Status::Answered { met: true, .. })
    }

    /// Applicable and not met: a practice still to put in place.
    pub fn is_open(self) -> bool {
        self != Status::NotApplicable && !self.is_met()
    }
}

pub fn status(questionnaire: &Questionnaire, answers: &Answers, question: &Question) -> Status {
    match answers.answers.get(&question.id) {
        None => Status::Unanswered,
        Some(answer) if answer.is_not_applicable() => Status::NotApplicable,
        Some(answer) => {
            // Answers are checked against the scale on load; an unknown option counts as 0.
            let value = questionnaire
                .option(question, &answer.choice)
                .map_or(0.0, |o| o.value);
            Status::Answered {
                value,
                met: value >= questionnaire.met_at,
            }
        }
    }
}

/// One level of one domain: how far its applicable questions are implemented.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelProgress {
    pub level: u32,
    /// Applicable questions at this level.
    pub questions: usize,
    pub met: usize,
    /// Weight-averaged value of the applicable questions; 1 where there are none, 0 where all
    /// are `na` and the questionnaire does not count such levels.
    pub progress: f64,
    /// False when the level has questions, all `na`, and the questionnaire's `na_levels` is
    /// `not-counted`: the level then neither adds nor blocks.
    pub counted: bool,
}

impl LevelProgress {
    /// The share of the level's applicable questions that are met, what its bars show: 0 when
    /// it has none.
    pub fn share_met(&self) -> f64 {
        share_met(self.met, self.questions)
    }
}

/// `met` of `questions` as a share; 0 of 0 is 0.
pub fn share_met(met: usize, questions: usize) -> f64 {
    if questions == 0 {
        0.0
    } else {
        met as f64 / questions as f64
    }
}

#[derive(Debug, Clone)]
pub struct DomainScore<'q> {
    pub domain: &'q Domain,
    /// False when every question of the domain is not applicable.
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
    /// Applicable questions, and how many of them are answered.
    pub questions: usize,
    pub answered: usize,
    pub levels: Vec<LevelProgress>,
    pub target: Option<u32>,
    /// How much the domain matters, 1 to 5, when a target is given.
    pub priority: Option<u32>,
    /// Scored `continuous`, with a target: what the target asks and what the answers reach.
    pub continuous: Option<ContinuousTarget>,
    /// Each of the domain's streams, in the domain's order.
    pub streams: Vec<StreamScore<'q>>,
}

/// A stream: the domain's rule over the stream's own questions.
#[derive(Debug, Clone)]
pub struct StreamScore<'q> {
    pub stream: &'q Stream,
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
    pub questions: usize,
    pub answered: usize,
}

/// A group of domains: the overall rule over the group's domains.
#[derive(Debug, Clone)]
pub struct GroupScore<'q> {
    pub group: &'q Group,
    /// Ids of the group's domains, in questionnaire order.
    pub domains: Vec<&'q str>,
    /// False when none of its domains is applicable; level and score are then the base.
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
}

/// A continuous domain's target: the score it asks, and an answer value for each question.
#[derive(Debug, Clone, PartialEq)]
pub struct ContinuousTarget {
    /// The score the target asks of the domain: the base plus `aimed`. The domain's target
    /// in the file when it names no question of the domain and every level has applicable
    /// questions; it counts the questions' own targets and leaves out levels all `na`.
    pub score: f64,
    /// The target answer value of each question, in the domain's order; 0 where none is asked.
    pub values: Vec<f64>,
    /// Summed over the levels: each level's weighted average of the target values (`aimed`)
    /// and of the answer values capped at them (`reached`). Percent to target is their ratio.
    pub aimed: f64,
    pub reached: f64,
}

impl DomainScore<'_> {
    /// How many levels the domain lacks to reach its target.
    pub fn gap(&self) -> Option<u32> {
        self.target.map(|t| t.saturating_sub(self.level))
    }

    pub fn below_target(&self) -> bool {
        match &self.continuous {
            Some(c) => self.applicable && c.reached < c.aimed - EPSILON,
            None => self.applicable && self.gap().is_some_and(|g| g > 0),
        }
    }

    /// How far the domain is on the way to its target, in percent: 100 × (1 - gap / target),
    /// never above 100 (going beyond a target earns nothing). Scored `continuous`: 100 ×
    /// reached / aimed (see [`ContinuousTarget`]). `None` without a target or when the domain
    /// is not applicable.
    pub fn percent_to_target(&self) -> Option<f64> {
        if let Some(c) = &self.continuous {
            return (self.applicable && c.aimed > 0.0).then(|| 100.0 * c.reached / c.aimed);
        }
        let target = self.target.filter(|t| *t > 0 && self.applicable)?;
        Some(100.0 * (1.0 - f64::from(self.gap()?) / f64::from(target)))
    }

    /// Scored `continuous`: the score still missing to the target, aimed - reached.
    pub fn score_gap(&self) -> Option<f64> {
        let c = self.continuous.as_ref().filter(|_| self.applicable)?;
        Some((c.aimed - c.reached).max(0.0))
    }

    /// The target as the reports show it: the level, or, scored `continuous`, the score it
    /// asks.
    pub fn target_text(&self) -> Option<String> {
        match &self.continuous {
            Some(c) => Some(crate::text::decimal2(c.score)),
            None => self.target.map(|t| t.to_string()),
        }
    }

    /// Scored `continuous` with a target: the score it asks, see [`ContinuousTarget::score`].
    pub fn target_score(&self) -> Option<f64> {
        self.continuous.as_ref().map(|c| c.score)
    }

    /// The gap as the reports show it: `met`, the levels missing, or, scored `continuous`, the
    /// score missing.
    pub fn gap_text(&self) -> Option<String> {
        if self.continuous.is_none() {
            return match self.gap() {
                Some(0) => Some("met".to_string()),
                gap => gap.map(|g| g.to_string()),
            };
        }
        match self.target_met() {
            Some(true) => Some("met".to_string()),
            _ => self.score_gap().map(crate::text::decimal2),
        }
    }

    /// The standing the reports show beside the domain: `2 Managed`, or, scored `continuous`,
    /// the score, as there is no staged level.
    pub fn standing(&self, q: &Questionnaire) -> String {
        if q.is_continuous() {
            crate::text::decimal2(self.score)
        } else {
            format!("{} {}", self.level, q.level_name(self.level))
        }
    }

    /// Whether the domain has reached its target; `None` without one or when not applicable.
    pub fn target_met(&self) -> Option<bool> {
        (self.applicable && self.has_target()).then(|| !self.below_target())
    }

    pub fn has_target(&self) -> bool {
        self.target.is_some() || self.continuous.is_some()
    }

    /// The level above the current one, and its progress; `None` at the top.
    pub fn next_level(&self) -> Option<&LevelProgress> {
        let next = self.level.checked_add(1)?;
        self.levels.iter().find(|l| l.level == next)
    }
}

#[derive(Debug, Clone)]
pub struct Scorecard<'q> {
    pub questionnaire: &'q Questionnaire,
    pub domains: Vec<DomainScore<'q>>,
    /// False when no domain is applicable; level and score are then the base level.
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
    /// Applicable questions without an answer, across all domains.
    pub unanswered: usize,
    /// Each group of the questionnaire, in its order.
    pub groups: Vec<GroupScore<'q>>,
    /// Whether the answers were scored against a target file.
    pub targeted: bool,
}

impl<'q> Scorecard<'q> {
    /// How far the whole assessment is on the way to its target, in percent: 100 × (1 - the sum
    /// of the gaps / the sum of the targets), over the applicable domains that have one. A domain
    /// beyond its target has gap 0, so it cannot hide another's gap.
    pub fn percent_to_target(&self) -> Option<f64> {
        if self.questionnaire.is_continuous() {
            // The domains' sums added: 100 × Σ reached / Σ aimed.
            let (reached, aimed) = self
                .domains
                .iter()
                .filter(|d| d.applicable)
                .filter_map(|d| d.continuous.as_ref())
                .fold((0.0, 0.0), |(r, a), c| (r + c.reached, a + c.aimed));
            return (aimed > 0.0).then(|| 100.0 * reached / aimed);
        }
        let (gaps, targets) = self
            .domains
            .iter()
            .filter(|d| d.applicable)
            .filter_map(|d| Some((d.gap()?, d.target?)))
            .fold((0, 0), |(g, t), (gap, target)| (g + gap, t + target));
        (targets > 0).then(|| 100.0 * (1.0 - f64::from(gaps) / f64::from(targets)))
    }

    pub fn status(&self, answers: &Answers, question: &Question) -> Status {
        status(self.questionnaire, answers, question)
    }

    /// The applicable questions, not yet met, of the levels above a domain's own up to `level`:
    /// what stands between the domain and that level, lowest level first, in questionnaire
    /// order within a level. The one rule behind next steps, failed gates and the roadmap.
    pub fn open_questions(
        &self,
        answers: &Answers,
        scored: &DomainScore<'q>,
        level: u32,
    ) -> Vec<&'q Question> {
        let mut open: Vec<&'q Question> = scored
            .domain
            .questions
            .iter()
            .filter(|q| q.level > scored.level && q.level <= level)
            .filter(|q| self.status(answers, q).is_open())
            .collect();
        open.sort_by_key(|q| q.level);
        open
    }

    /// Scored `continuous`, THE rule of its next steps and roadmap: the applicable questions
    /// (unanswered counts 0) below their target value, each with its gain, lowest level first,
    /// then the largest gain first; ties keep questionnaire order. The gain is what answering
    /// the question at its target value would add to the overall score: the missing value ×
    /// its weight / the weights of its level, times the domain's share of the domain weights.
    /// Without a target file every question aims at its full value, the highest of its scale;
    /// with one, a domain it asks nothing of has no steps.
    pub fn below_target_values(
        &self,
        answers: &Answers,
        scored: &DomainScore<'q>,
    ) -> Vec<(&'q Question, f64)> {
        let questions = &scored.domain.questions;
        let targets: Vec<f64> = match &scored.continuous {
            Some(c) => c.values.clone(),
            None if !self.targeted => questions
                .iter()
                .map(|q| self.questionnaire.full_value(q))
                .collect(),
            None => return Vec::new(),
        };
        let values: Vec<Option<f64>> = questions
            .iter()
            .map(|q| self.status(answers, q).value())
            .collect();
        let mut level_weights: HashMap<u32, f64> = HashMap::new();
        for (question, value) in questions.iter().zip(&values) {
            if value.is_some() {
                *level_weights.entry(question.level).or_default() += question.weight;
            }
        }
        let domain_weights: f64 = self
            .domains
            .iter()
            .filter(|d| d.applicable)
            .map(|d| d.domain.weight)
            .sum();
        let share = if domain_weights > 0.0 {
            scored.domain.weight / domain_weights
        } else {
            0.0
        };
        let mut open: Vec<(&'q Question, f64)> = questions
            .iter()
            .zip(values.iter().zip(&targets))
            .filter_map(|(q, (value, target))| {
                let missing = target - (*value)?;
                let level_weight = level_weights.get(&q.level).copied().unwrap_or_default();
                (missing > EPSILON).then(|| {
                    let gain = if level_weight > 0.0 {
                        missing * q.weight / level_weight * share
                    } else {
                        0.0
                    };
                    (q, gain)
                })
            })
            .collect();
        open.sort_by(|a, b| a.0.level.cmp(&b.0.level).then(b.1.total_cmp(&a.1)));
        open
    }
}

/// Below this, two sums of answer values are equal.
pub const EPSILON: f64 = 1e-9;

pub fn score<'q>(
    questionnaire: &'q Questionnaire,
    answers: &Answers,
    target: Option<&Target>,
) -> Scorecard<'q> {
    let base = questionnaire.base_level();
    let profile = target.map(|t| t.profile(&questionnaire.role));
    let domains: Vec<DomainScore> = questionnaire
        .domains
        .iter()
        .map(|domain| {
            let mut scored = score_domain(questionnaire, answers, domain);
            if let Some(profile) = &profile {
                if questionnaire.is_continuous() {
                    scored.continuous = continuous_target(questionnaire, answers, domain, profile);
                } else {
                    scored.target = profile.level_for(&domain.id);
                }
                scored.priority = Some(profile.priority_for(&domain.id));
            }
            scored
        })
        .collect();
    let (applicable, level, score) = combine(base, domains.iter());
    let groups = questionnaire
        .groups
        .iter()
        .map(|group| {
            let members = || {
                domains
                    .iter()
                    .filter(|d| d.domain.group.as_deref() == Some(group.id.as_str()))
            };
            let (applicable, level, score) = combine(base, members());
            GroupScore {
                group,
                domains: members().map(|d| d.domain.id.as_str()).collect(),
                applicable,
                level,
                score,
            }
        })
        .collect();
    let unanswered = domains.iter().map(|d| d.questions - d.answered).sum();
    Scorecard {
        questionnaire,
        applicable,
        domains,
        level,
        score,
        unanswered,
        groups,
        targeted: target.is_some(),
    }
}

/// The rule from domains up, for the whole questionnaire and for a group: over the applicable
/// domains, the lowest level and the weight-averaged score; the base when none is applicable.
fn combine<'a, 'q: 'a>(
    base: u32,
    domains: impl Iterator<Item = &'a DomainScore<'q>>,
) -> (bool, u32, f64) {
    let applicable: Vec<&DomainScore> = domains.filter(|d| d.applicable).collect();
    let total_weight: f64 = applicable.iter().map(|d| d.domain.weight).sum();
    if applicable.is_empty() || total_weight <= 0.0 {
        (false, base, f64::from(base))
    } else {
        (
            true,
            applicable.iter().map(|d| d.level).min().unwrap_or(base),
            applicable
                .iter()
                .map(|d| d.score * d.domain.weight)
                .sum::<f64>()
                / total_weight,
        )
    }
}

fn score_domain<'q>(
    questionnaire: &Questionnaire,
    answers: &Answers,
    domain: &'q Domain,
) -> DomainScore<'q> {
    let all: Vec<&Question> = domain.questions.iter().collect();
    let whole = tally(questionnaire, answers, &all);
    // Each stream's questions, found in one pass: a stream costs its own questions only.
    let mut by_stream: HashMap<&str, Vec<&Question>> = HashMap::new();
    for question in &domain.questions {
        if let Some(stream) = &question.stream {
            by_stream.entry(stream.as_str()).or_default().push(question);
        }
    }
    let streams = domain
        .streams
        .iter()
        .map(|stream| {
            let questions = by_stream
                .get(stream.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let t = tally(questionnaire, answers, questions);
            StreamScore {
                stream,
                applicable: t.questions > 0,
                level: t.level,
                score: t.score,
                questions: t.questions,
                answered: t.answered,
            }
        })
        .collect();
    DomainScore {
        domain,
        applicable: whole.questions > 0,
        level: whole.level,
        score: whole.score,
        questions: whole.questions,
        answered: whole.answered,
        levels: whole.levels,
        target: None,
        priority: None,
        continuous: None,
        streams,
    }
}

/// The figures of a set of questions, a domain's or a stream's.
struct Tally {
    level: u32,
    score: f64,
    questions: usize,
    answered: usize,
    levels: Vec<LevelProgress>,
}

/// The domain rule, over some questions: the whole domain's, or one stream's.
fn tally(questionnaire: &Questionnaire, answers: &Answers, questions: &[&Question]) -> Tally {
    let base = questionnaire.base_level();
    let mut levels = Vec::new();
    let mut applicable = 0;
    let mut answered = 0;
    for level in questionnaire.levels.iter().skip(1).map(|l| l.level) {
        let (mut count, mut met, mut weighted, mut weights) = (0, 0, 0.0, 0.0);
        let mut present = false;
        for question in questions.iter().filter(|q| q.level == level) {
            present = true;
            let status = status(questionnaire, answers, question);
            let Some(value) = status.value() else {
                continue;
            };
            count += 1;
            met += usize::from(status.is_met());
            answered += usize::from(status != Status::Unanswered);
            weighted += value * question.weight;
            weights += question.weight;
        }
        applicable += count;
        let counted = !(present && count == 0 && questionnaire.na_levels == NaLevels::NotCounted);
        levels.push(LevelProgress {
            level,
            questions: count,
            met,
            progress: match (count, counted) {
                (0, true) => 1.0,
                (0, false) => 0.0,
                _ => weighted / weights,
            },
            counted,
        });
    }
    // Staged: a level counts only when it and every level below it are fully met; a level not
    // counted is passed over, neither reached nor blocking.
    let level = levels
        .iter()
        .take_while(|l| l.met == l.questions)
        .filter(|l| l.counted)
        .last()
        .map_or(base, |l| l.level);
    let score = f64::from(base) + levels.iter().map(|l| l.progress).sum::<f64>();
    Tally {
        level,
        score,
        questions: applicable,
        answered,
        levels,
    }
}

/// A continuous domain's target values and sums; `None` when the target asks nothing of it.
/// A question's target value is the target's for it, else the share of its level below the
/// domain's target score: level L spans the scores L - 1 to L, so a target of 1.5 asks 1 of
/// the questions of level 1, 0.5 of those of level 2 and 0 above.
fn continuous_target(
    questionnaire: &Questionnaire,
    answers: &Answers,
    domain: &Domain,
    profile: &crate::target::Profile,
) -> Option<ContinuousTarget> {
    let score = profile.goal_for(&domain.id).map(|g| g.value);
    let values: Vec<f64> = domain
        .questions
        .iter()
        .map(|q| {
            profile.value_for(&q.id).unwrap_or_else(|| {
                score.map_or(0.0, |s| (s + 1.0 - f64::from(q.level)).clamp(0.0, 1.0))
            })
        })
        .collect();
    if score.is_none() && values.iter().all(|v| *v <= 0.0) {
        return None;
    }
    let (mut aimed, mut reached) = (0.0, 0.0);
    for level in questionnaire.levels.iter().skip(1).map(|l| l.level) {
        let (mut weights, mut aim, mut reach) = (0.0, 0.0, 0.0);
        for (question, target) in domain.questions.iter().zip(&values) {
            if question.level != level {
                continue;
            }
            let Some(value) = status(questionnaire, answers, question).value() else {
                continue;
            };
            weights += question.weight;
            aim += target * question.weight;
            reach += value.min(*target) * question.weight;
        }
        if weights > 0.0 {
            aimed += aim / weights;
            reached += reach / weights;
        }
    }
    Some(ContinuousTarget {
        score: f64::from(questionnaire.base_level()) + aimed,
        values,
        aimed,
        reached,
    })
}

/// Rounds a score to two decimals, as every report shows it: [`crate::text::round2`].
pub fn round2(x: f64) -> f64 {
    crate::text::round2(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use std::path::Path;

    const QUESTIONNAIRE: &str = r#"
id: t
title: T
version: "1"
role: test
domains:
  - id: a
    title: A
    weight: 3
    questions:
      - {id: a2x, level: 2, text: x}
      - {id: a2y, level: 2, text: y, weight: 3}
      - {id: a3x, level: 3, text: z, na: true}
      - {id: a4x, level: 4, text: w}
  - id: b
    title: B
    questions:
      - {id: b2x, level: 2, text: x, na: true}
"#;

    fn questionnaire(text: &str) -> Questionnaire {
        Questionnaire::parse(text, Path::new("t.yaml")).unwrap().0
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        Answers {
            questionnaire: "t".into(),
            answers: pairs
                .iter()
                .map(|(q, a)| ((*q).to_string(), Answer::new(*a, None)))
                .collect(),
            ..Answers::default()
        }
    }

    #[test]
    fn weights_average_within_a_level_and_empty_levels_count_full() {
        let q = questionnaire(QUESTIONNAIRE);
        // a2: (1*1 + 0.5*3)/4 = 0.625; a3: 0.75; a4: 0 unanswered; a5 empty: 1.
        let card = score(
            &q,
            &answers(&[("a2x", "full"), ("a2y", "partial"), ("a3x", "largely")]),
            None,
        );
        let a = &card.domains[0];
        assert_eq!(a.level, 1);
        assert!((a.score - (1.0 + 0.625 + 0.75 + 0.0 + 1.0)).abs() < 1e-9);
        assert_eq!((a.questions, a.answered), (4, 3));
        assert_eq!(card.unanswered, 2);
    }

    #[test]
    fn a_level_of_only_na_answers_counts_as_met_or_not_at_all_as_the_questionnaire_says() {
        let answers = answers(&[
            ("a2x", "full"),
            ("a2y", "largely"),
            ("a3x", "na"),
            ("a4x", "partial"),
        ]);
        // Met (the default): level 3 adds 1 and passes; level 4 (0.5) stops the domain at 3.
        let met = questionnaire(QUESTIONNAIRE);
        assert_eq!(met.na_levels, NaLevels::Met);
        let a = &score(&met, &answers, None).domains[0];
        let level2 = (1.0 + 0.75 * 3.0) / 4.0;
        assert_eq!(a.level, 3);
        assert!((a.score - (1.0 + level2 + 1.0 + 0.5 + 1.0)).abs() < 1e-9);
        // Not counted: level 3 adds 0 and is passed over, so the domain stays at level 2.
        let strict = questionnaire(&format!("na_levels: not-counted\n{QUESTIONNAIRE}"));
        let a = &score(&strict, &answers, None).domains[0];
        assert_eq!(a.level, 2);
        assert!((a.score - (1.0 + level2 + 0.0 + 0.5 + 1.0)).abs() < 1e-9);
        // It does not block either: with level 4 met, the domain reaches 5 (level 5 is empty,
        // not all `na`, so it still counts as met under both rules).
        let mut full = answers.clone();
        full.answers.insert("a4x".into(), Answer::new("full", None));
        assert_eq!(score(&strict, &full, None).domains[0].level, 5);
        // A domain whose questions are all `na` stays not applicable under both rules.
        full.answers.insert("b2x".into(), Answer::new("na", None));
        assert!(!score(&strict, &full, None).domains[1].applicable);
    }

    #[test]
    fn staged_level_stops_at_the_first_unmet_level_and_skips_empty_ones() {
        let q = questionnaire(QUESTIONNAIRE);
        let card = score(
            &q,
            &answers(&[
                ("a2x", "full"),
                ("a2y", "largely"),
                ("a3x", "na"),
                ("a4x", "full"),
            ]),
            None,
        );
        // Level 3 holds only an N/A question, level 5 none: neither blocks.
        assert_eq!(card.domains[0].level, 5);
        assert!(
            (card.domains[0].score - (1.0 + (1.0 + 0.75 * 3.0) / 4.0 + 1.0 + 1.0 + 1.0)).abs()
                < 1e-9
        );
    }

    #[test]
    fn an_answer_equal_to_met_at_meets_the_question() {
        let q = questionnaire(QUESTIONNAIRE);
        let card = score(
            &q,
            &answers(&[("a2x", "largely"), ("a2y", "largely")]),
            None,
        );
        assert_eq!(card.domains[0].level, 2);
        let card = score(&q, &answers(&[("a2x", "partial"), ("a2y", "full")]), None);
        assert_eq!(card.domains[0].level, 1);
    }

    #[test]
    fn a_domain_with_every_question_na_is_left_out_of_the_overall_figures() {
        let q = questionnaire(QUESTIONNAIRE);
        let card = score(
            &q,
            &answers(&[("b2x", "na"), ("a2x", "full"), ("a2y", "full")]),
            None,
        );
        assert!(!card.domains[1].applicable);
        assert_eq!(card.level, 2);
        assert!((card.score - card.domains[0].score).abs() < 1e-9);
        // Counted in: overall is the weight-averaged score and the lowest level.
        let card = score(&q, &answers(&[("a2x", "full"), ("a2y", "full")]), None);
        assert!(card.domains[1].applicable);
        assert_eq!(card.level, 1);
        let expected = (card.domains[0].score * 3.0 + card.domains[1].score) / 4.0;
        assert!((card.score - expected).abs() < 1e-9);
    }

    #[test]
    fn custom_levels_and_scale_come_from_the_file() {
        let q = questionnaire(
            r#"
id: c
title: C
version: "1"
role: r
levels: [{level: 0, name: None}, {level: 1, name: Basic}, {level: 2, name: Advanced}]
scale: [{id: "no", label: No, value: 0}, {id: "yes", label: Yes, value: 1}]
met_at: 1
domains:
  - id: d
    title: D
    questions:
      - {id: d1, level: 1, text: x}
      - {id: d2, level: 2, text: y}
"#,
        );
        let card = score(&q, &answers(&[("d1", "yes"), ("d2", "no")]), None);
        assert_eq!(card.domains[0].level, 1);
        assert!((card.domains[0].score - 1.0).abs() < 1e-9);
        assert_eq!(q.level_name(card.level), "Basic");
    }

    #[test]
    fn percent_to_target_gives_no_credit_beyond_a_target() {
        let q = questionnaire(QUESTIONNAIRE);
        let target = Target::parse("[domains]\na = 4\nb = 2\n", Path::new("t.toml")).unwrap();
        // a at level 2 (gap 2 of 4), b at level 1 (gap 1 of 2).
        let card = score(
            &q,
            &answers(&[("a2x", "full"), ("a2y", "full")]),
            Some(&target),
        );
        assert_eq!(card.domains[0].percent_to_target(), Some(50.0));
        assert_eq!(card.domains[1].percent_to_target(), Some(50.0));
        // 1 - (2 + 1) / (4 + 2)
        assert_eq!(card.percent_to_target(), Some(50.0));
        // a at 5, beyond its target 4: gap 0, not -1; b's gap still shows.
        let card = score(
            &q,
            &answers(&[
                ("a2x", "full"),
                ("a2y", "full"),
                ("a3x", "na"),
                ("a4x", "full"),
            ]),
            Some(&target),
        );
        assert_eq!(card.domains[0].level, 5);
        assert_eq!(card.domains[0].percent_to_target(), Some(100.0));
        assert!((card.percent_to_target().unwrap() - 100.0 * (1.0 - 1.0 / 6.0)).abs() < 1e-9);
        // A domain that is not applicable counts for nothing.
        let card = score(
            &q,
            &answers(&[("a2x", "full"), ("a2y", "full"), ("b2x", "na")]),
            Some(&target),
        );
        assert_eq!(card.domains[1].percent_to_target(), None);
        assert_eq!(card.percent_to_target(), Some(50.0));
        assert_eq!(score(&q, &answers(&[]), None).percent_to_target(), None);
    }

    #[test]
    fn an_empty_assessment_sits_at_the_base() {
        let q = questionnaire(QUESTIONNAIRE);
        let card = score(&q, &answers(&[]), None);
        assert_eq!(card.level, 1);
        assert_eq!(card.domains[0].level, 1);
        // Only the empty level 5 of domain a counts: 1 + 1.
        assert!((card.domains[0].score - 2.0).abs() < 1e-9);
    }
}
