//! Requirement sets: pass/fail views beside the maturity levels. A requirement is decided by
//! the questions that satisfy it, combined by its rule; the README documents the same rules.
//! Pure: answers in, verdicts out.

pub mod render;

use std::collections::{HashMap, HashSet};

use crate::answers::Answers;
use crate::questionnaire::{Domain, Question, Questionnaire, Requirement, RequirementSet, Rule};
use crate::scoring::{self, Status};

/// Where one requirement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Met,
    /// A question that decides it is answered and not met.
    NotMet,
    /// Not decided yet: a question that decides it is unanswered, or no question maps to it.
    NotAssessed,
    /// Every question that decides it is answered "not applicable".
    NotApplicable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not met",
            Verdict::NotAssessed => "not assessed",
            Verdict::NotApplicable => "not applicable",
        }
    }

    /// The JSON and CSV spelling.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not_met",
            Verdict::NotAssessed => "not_assessed",
            Verdict::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Clone)]
pub struct RequirementResult<'q> {
    pub requirement: &'q Requirement,
    pub verdict: Verdict,
    /// The deciding questions answered and not met.
    pub failing: Vec<&'q Question>,
    /// The deciding questions not answered.
    pub unanswered: Vec<&'q Question>,
}

impl RequirementResult<'_> {
    /// What a `--require` gate holds against it: not met, or not assessed while a question that
    /// would decide it is unanswered (as a level counts an unanswered question as not met).
    /// A requirement no question maps to cannot fail a gate.
    pub fn fails_gate(&self) -> bool {
        match self.verdict {
            Verdict::NotMet => true,
            Verdict::NotAssessed => !self.unanswered.is_empty(),
            Verdict::Met | Verdict::NotApplicable => false,
        }
    }

    /// Why it is not met or not assessed, in words; empty otherwise.
    pub fn reason(&self) -> String {
        let ids = |questions: &[&Question]| {
            questions
                .iter()
                .map(|q| q.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.verdict {
            Verdict::NotMet => format!("{} not met", ids(&self.failing)),
            Verdict::NotAssessed if self.unanswered.is_empty() => {
                "no question evidences it".to_string()
            }
            Verdict::NotAssessed => format!("{} unanswered", ids(&self.unanswered)),
            Verdict::Met | Verdict::NotApplicable => String::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SetResult<'q> {
    pub set: &'q RequirementSet,
    pub requirements: Vec<RequirementResult<'q>>,
}

impl SetResult<'_> {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.requirements
            .iter()
            .filter(|r| r.verdict == verdict)
            .count()
    }

    /// One line per requirement that fails a `--require` gate.
    pub fn gate_failures(&self) -> Vec<String> {
        self.requirements
            .iter()
            .filter(|r| r.fails_gate())
            .map(|r| {
                format!(
                    "requirement `{}` of `{}` is {}: {}",
                    r.requirement.id,
                    self.set.id,
                    r.verdict.label(),
                    r.reason()
                )
            })
            .collect()
    }
}

/// How often each verdict was given to one requirement across a portfolio.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerdictCounts {
    pub met: u64,
    pub not_met: u64,
    pub not_assessed: u64,
    pub not_applicable: u64,
}

impl VerdictCounts {
    pub fn add(&mut self, verdict: Verdict) {
        let count = match verdict {
            Verdict::Met => &mut self.met,
            Verdict::NotMet => &mut self.not_met,
            Verdict::NotAssessed => &mut self.not_assessed,
            Verdict::NotApplicable => &mut self.not_applicable,
        };
        *count += 1;
    }
}

/// Every requirement's verdict, the sets' requirements one after the other in questionnaire
/// order: what a portfolio keeps of one assessment.
pub fn verdicts(questionnaire: &Questionnaire, answers: &Answers) -> Vec<Verdict> {
    evaluate(questionnaire, answers)
        .iter()
        .flat_map(|set| set.requirements.iter().map(|r| r.verdict))
        .collect()
}

/// A legal duty not yet met: the one rule behind the report's summary, its compliance findings
/// and the first steps that come after them.
#[derive(Debug, Clone)]
pub enum Finding<'q> {
    /// A requirement of a regulatory set that fails a gate.
    Requirement {
        set: &'q RequirementSet,
        result: RequirementResult<'q>,
    },
    /// A question tagged `regulatory`, not met or unanswered, that decides no requirement of a
    /// regulatory set (such a set would speak for it).
    Question {
        domain: &'q Domain,
        question: &'q Question,
        verdict: Verdict,
    },
}

impl<'q> Finding<'q> {
    /// The requirement's id, or the question's.
    pub fn id(&self) -> &'q str {
        match self {
            Finding::Requirement { result, .. } => &result.requirement.id,
            Finding::Question { question, .. } => &question.id,
        }
    }

    /// Not met, or not assessed for want of an answer.
    pub fn verdict(&self) -> Verdict {
        match self {
            Finding::Requirement { result, .. } => result.verdict,
            Finding::Question { verdict, .. } => *verdict,
        }
    }

    /// Why, in words, as [`RequirementResult::reason`] gives it: the questions not met or
    /// unanswered.
    pub fn reason(&self) -> String {
        match self {
            Finding::Requirement { result, .. } => result.reason(),
            Finding::Question {
                question, verdict, ..
            } => match verdict {
                Verdict::NotAssessed => format!("{} unanswered", question.id),
                Verdict::NotMet | Verdict::Met | Verdict::NotApplicable => {
                    format!("{} not met", question.id)
                }
            },
        }
    }

    /// Where it comes from: the requirement's citation (else its set's id), or the question's
    /// domain and level.
    pub fn source(&self) -> String {
        match self {
            Finding::Requirement { set, result } => result
                .requirement
                .citation
                .clone()
                .unwrap_or_else(|| set.id.clone()),
            Finding::Question {
                domain, question, ..
            } => format!(
                "regulatory question; {}, level {}",
                domain.title, question.level
            ),
        }
    }

    /// What the compliance findings say of it: why, then the requirement's statement; or the
    /// question's text.
    pub fn detail(&self) -> String {
        match self {
            Finding::Requirement { result, .. } => {
                format!("{}. {}", result.reason(), result.requirement.statement)
            }
            Finding::Question { question, .. } => question.text.clone(),
        }
    }

    /// The questions that leave it unmet: what a step towards it is about.
    pub fn questions(&self) -> Vec<&'q Question> {
        match self {
            Finding::Requirement { result, .. } => result
                .failing
                .iter()
                .chain(&result.unanswered)
                .copied()
                .collect(),
            Finding::Question { question, .. } => vec![*question],
        }
    }
}

/// Whether the questionnaire states a legal duty (a regulatory set, or a question tagged
/// `regulatory`): only then can a report say that every one is met.
pub fn states_legal_duties(questionnaire: &Questionnaire) -> bool {
    questionnaire.requirement_sets.iter().any(|s| s.regulatory)
        || questionnaire.questions().any(|(_, q)| q.is_regulatory())
}

/// Every legal duty not yet met, whatever level its domain is at: the requirements of
/// regulatory sets that fail a gate, in questionnaire order, then the questions tagged
/// `regulatory` that no regulatory set decides and that are not met or unanswered.
pub fn findings<'q>(
    questionnaire: &'q Questionnaire,
    answers: &Answers,
    sets: &[SetResult<'q>],
) -> Vec<Finding<'q>> {
    let mut found: Vec<Finding<'q>> = sets
        .iter()
        .filter(|s| s.set.regulatory)
        .flat_map(|set| {
            set.requirements
                .iter()
                .filter(|r| r.fails_gate())
                .map(|r| Finding::Requirement {
                    set: set.set,
                    result: r.clone(),
                })
        })
        .collect();
    let decided: HashSet<&str> = questionnaire
        .requirement_sets
        .iter()
        .filter(|s| s.regulatory)
        .flat_map(|s| &s.requirements)
        .flat_map(|r| &r.satisfied_by)
        .map(String::as_str)
        .collect();
    for (domain, question) in questionnaire.questions() {
        if !question.is_regulatory() || decided.contains(question.id.as_str()) {
            continue;
        }
        let verdict = match scoring::status(questionnaire, answers, question) {
            Status::Unanswered => Verdict::NotAssessed,
            Status::Answered { met: false, .. } => Verdict::NotMet,
            Status::Answered { met: true, .. } | Status::NotApplicable => continue,
        };
        found.push(Finding::Question {
            domain,
            question,
            verdict,
        });
    }
    found
}

/// Every set of the questionnaire, in its order.
pub fn evaluate<'q>(questionnaire: &'q Questionnaire, answers: &Answers) -> Vec<SetResult<'q>> {
    let questions: HashMap<&str, &Question> = questionnaire
        .questions()
        .map(|(_, q)| (q.id.as_str(), q))
        .collect();
    questionnaire
        .requirement_sets
        .iter()
        .map(|set| SetResult {
            set,
            requirements: set
                .requirements
                .iter()
                .map(|r| requirement(questionnaire, &questions, answers, r))
                .collect(),
        })
        .collect()
}

/// The rule: with `all`, not met when a deciding question is answered and not met, else not
/// assessed when one is unanswered, else met (not applicable when every one is). With `any`,
/// met when one is met, else not assessed when one is unanswered, else not met (not applicable
/// when every one is). "Not applicable" answers count neither way; no question: not assessed.
fn requirement<'q>(
    questionnaire: &'q Questionnaire,
    questions: &HashMap<&str, &'q Question>,
    answers: &Answers,
    requirement: &'q Requirement,
) -> RequirementResult<'q> {
    let mut statuses = Vec::new();
    for id in &requirement.satisfied_by {
        if let Some(question) = questions.get(id.as_str()).copied() {
            statuses.push((question, scoring::status(questionnaire, answers, question)));
        }
    }
    let failing: Vec<&Question> = statuses
        .iter()
        .filter(|(_, s)| matches!(s, Status::Answered { met: false, .. }))
        .map(|(q, _)| *q)
        .collect();
    let unanswered: Vec<&Question> = statuses
        .iter()
        .filter(|(_, s)| *s == Status::Unanswered)
        .map(|(q, _)| *q)
        .collect();
    let any_met = statuses.iter().any(|(_, s)| s.is_met());
    let all_na = statuses.iter().all(|(_, s)| *s == Status::NotApplicable);
    let verdict = if statuses.is_empty() {
        Verdict::NotAssessed
    } else {
        match requirement.rule {
            Rule::All if !failing.is_empty() => Verdict::NotMet,
            Rule::Any if any_met => Verdict::Met,
            _ if !unanswered.is_empty() => Verdict::NotAssessed,
            _ if all_na => Verdict::NotApplicable,
            Rule::All => Verdict::Met,
            Rule::Any => Verdict::NotMet,
        }
    };
    // With `any`, a met question settles it: the others fail nothing.
    let (failing, unanswered) = match verdict {
        Verdict::NotMet => (failing, Vec::new()),
        Verdict::NotAssessed => (Vec::new(), unanswered),
        Verdict::Met | Verdict::NotApplicable => (Vec::new(), Vec::new()),
    };
    RequirementResult {
        requirement,
        verdict,
        failing,
        unanswered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use std::path::Path;

    const QUESTIONNAIRE: &str = "id: t\ntitle: T\nversion: '1'\nrole: r\ndomains:\n  - id: d\n    title: D\n    questions:\n      - {id: a, level: 2, text: A, na: true}\n      - {id: b, level: 2, text: B, na: true}\nrequirement_sets:\n  - id: s\n    title: S\n    requirements:\n      - {id: all, statement: All, satisfied_by: [a, b]}\n      - {id: any, statement: Any, satisfied_by: [a, b], rule: any}\n      - {id: none, statement: None}\n";

    fn verdicts(choices: &[(&str, &str)]) -> Vec<(Verdict, String)> {
        let (questionnaire, _) = Questionnaire::parse(QUESTIONNAIRE, Path::new("q.yaml")).unwrap();
        let mut answers = Answers::default();
        for (id, choice) in choices {
            answers
                .answers
                .insert((*id).to_string(), Answer::new(*choice, None));
        }
        evaluate(&questionnaire, &answers)[0]
            .requirements
            .iter()
            .map(|r| (r.verdict, r.reason()))
            .collect()
    }

    #[test]
    fn all_needs_every_question_and_any_one() {
        use Verdict::*;
        let v = |choices| {
            verdicts(choices)
                .into_iter()
                .map(|(v, _)| v)
                .collect::<Vec<_>>()
        };
        assert_eq!(v(&[]), [NotAssessed, NotAssessed, NotAssessed]);
        assert_eq!(v(&[("a", "full")]), [NotAssessed, Met, NotAssessed]);
        assert_eq!(v(&[("a", "none")]), [NotMet, NotAssessed, NotAssessed]);
        assert_eq!(
            v(&[("a", "none"), ("b", "partial")]),
            [NotMet, NotMet, NotAssessed]
        );
        assert_eq!(
            v(&[("a", "full"), ("b", "largely")]),
            [Met, Met, NotAssessed]
        );
        assert_eq!(v(&[("a", "na"), ("b", "full")]), [Met, Met, NotAssessed]);
        assert_eq!(
            v(&[("a", "na"), ("b", "na")]),
            [NotApplicable, NotApplicable, NotAssessed]
        );
    }

    #[test]
    fn reasons_name_the_questions() {
        let found = verdicts(&[("a", "none")]);
        assert_eq!(found[0].1, "a not met");
        assert_eq!(found[1].1, "b unanswered");
        assert_eq!(found[2].1, "no question evidences it");
    }

    #[test]
    fn a_legal_duty_not_yet_met_is_a_failed_regulatory_requirement_or_a_lone_tagged_question() {
        // `c` is tagged and decides a regulatory requirement: the requirement speaks for it.
        // `d` is tagged and decides none: it is a finding of its own. Set `p` is not a legal duty.
        let text = "id: t\ntitle: T\nversion: '1'\nrole: r\ndomains:\n  - id: d\n    title: D\n    questions:\n      - {id: c, level: 2, text: C, tags: [regulatory]}\n      - {id: d, level: 3, text: D, tags: [regulatory], na: true}\n      - {id: e, level: 2, text: E}\nrequirement_sets:\n  - id: law\n    title: Law\n    regulatory: true\n    requirements:\n      - {id: l1, statement: L1, satisfied_by: [c]}\n      - {id: l2, statement: L2, satisfied_by: [e]}\n  - id: p\n    title: P\n    requirements:\n      - {id: p1, statement: P1, satisfied_by: [e]}\n";
        let (questionnaire, _) = Questionnaire::parse(text, Path::new("q.yaml")).unwrap();
        assert!(states_legal_duties(&questionnaire));
        let found = |choices: &[(&str, &str)]| {
            let mut answers = Answers::default();
            for (id, choice) in choices {
                answers
                    .answers
                    .insert((*id).to_string(), Answer::new(*choice, None));
            }
            let sets = evaluate(&questionnaire, &answers);
            findings(&questionnaire, &answers, &sets)
                .iter()
                .map(|f| format!("{} {}: {}", f.id(), f.verdict().label(), f.reason()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(&[]),
            [
                "l1 not assessed: c unanswered",
                "l2 not assessed: e unanswered",
                "d not assessed: d unanswered"
            ]
        );
        assert_eq!(
            found(&[("c", "none"), ("d", "partial"), ("e", "full")]),
            ["l1 not met: c not met", "d not met: d not met"]
        );
        assert!(found(&[("c", "full"), ("d", "na"), ("e", "full")]).is_empty());
    }
}
