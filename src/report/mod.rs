//! The formats of one assessment: the terminal table, markdown, JSON, JUnit and HTML, one file
//! each, and the SVG charts. `jsp score` shows a [`Score`]; `jsp report` a [`Report`], made of
//! the [`SECTIONS`] that every report format renders. Same input, same bytes out: nothing here
//! reads the clock or the environment.

pub mod chart;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod table;

use crate::assessment::Assessment;
use crate::crosswalk::Standard;
use crate::evidence::Review;
use crate::gates::Gates;
use crate::questionnaire::{Domain, Question};
use crate::roadmap::Roadmap;
use crate::target::DEFAULT_PRIORITY;

/// What `jsp score` shows: an assessment and the gates it is held to.
pub struct Score<'a> {
    pub assessment: &'a Assessment<'a>,
    pub gates: Gates,
    /// The requirement sets `--require` gates on; every set is shown, these in detail.
    pub required: &'a [String],
    /// The evidence review `--fail-on-stale-evidence` gates on; `None` without the flag.
    pub evidence: Option<&'a crate::evidence::Review<'a>>,
}

/// What `jsp report` shows: the assessment, the roadmap when there is a target, and what the
/// command line adds.
pub struct Report<'a> {
    pub assessment: &'a Assessment<'a>,
    /// The way to the target; `None` without one.
    pub roadmap: Option<&'a Roadmap<'a>>,
    /// The questions by the standards they cite (`--by-reference`).
    pub crosswalk: Option<&'a [Standard<'a>]>,
    /// Charts written beside a markdown report (`--charts`): each one's description and link
    /// target, already fit for a markdown link.
    pub charts: &'a [(String, String)],
    /// The file of a custom questionnaire that replaces the built-in one of its id: the
    /// report's reader must know that the scores follow it.
    pub questionnaire_file: Option<&'a std::path::Path>,
    /// Every evidence item with its age on the report's day (`--as-of`).
    pub evidence: &'a Review<'a>,
    /// The trend over the answers file's committed versions (`--history`).
    pub history: Option<&'a crate::history::History<'a>>,
}

/// One part of the whole report, in the order a reader acts on it: the verdict, what to do,
/// then the detail that backs both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Who and what was assessed; the executive summary: the overall level and score, the
    /// domains below target with their gaps, the unmet legal duties, the first steps; and the
    /// table of contents.
    Summary,
    /// Every legal duty not yet met, whatever level its domain is at (the rule is
    /// [`crate::requirements::findings`]): the compliance findings.
    Findings,
    /// What to do next, once: the roadmap's phases when there is a target, otherwise for each
    /// domain the questions open at its next level.
    NextSteps,
    /// Every domain's level, target and progress, with the charts.
    Scorecard,
    /// The trend over the answers file's committed versions, when asked for.
    History,
    /// Each requirement set of the questionnaire, requirement by requirement.
    RequirementSets,
    /// The evidence items to renew or fix: expired, too old, or a path that is missing,
    /// untracked or outside the repository.
    Evidence,
    /// Every domain's questions with their answers, notes and evidence (with its age).
    Domains,
    /// The questions not yet answered.
    Unanswered,
    /// The questions by the standards they cite, when asked for.
    Crosswalk,
}

/// The report's sections in order. Each format matches on [`Section`] without a catch-all, so a
/// section added here is a compile error until every format renders it.
pub const SECTIONS: [Section; 10] = [
    Section::Summary,
    Section::Findings,
    Section::NextSteps,
    Section::Scorecard,
    Section::History,
    Section::RequirementSets,
    Section::Evidence,
    Section::Domains,
    Section::Unanswered,
    Section::Crosswalk,
];

/// How many first steps the executive summary names.
pub const FIRST_STEPS: usize = 5;

impl Section {
    /// The section's heading, the same in every format.
    pub fn title(self) -> &'static str {
        match self {
            Section::Summary => "Summary",
            Section::Findings => "Compliance findings",
            Section::NextSteps => "What to do next",
            Section::RequirementSets => "Requirement sets",
            Section::Scorecard => "Domains at a glance",
            Section::History => "History",
            Section::Evidence => "Evidence to renew",
            Section::Domains => "Answers by domain",
            Section::Unanswered => "Unanswered questions",
            Section::Crosswalk => "By reference",
        }
    }

    /// The heading's anchor: what GitHub and GitLab derive from [`Section::title`] (lower case,
    /// spaces to hyphens), and the id the HTML report gives it.
    pub fn anchor(self) -> String {
        self.title().to_lowercase().replace(' ', "-")
    }
}

impl Report<'_> {
    /// Whether the report holds `section`: the crosswalk only when asked for.
    pub fn has(&self, section: Section) -> bool {
        match section {
            Section::Crosswalk => self.crosswalk.is_some(),
            Section::Findings => {
                crate::requirements::states_legal_duties(self.assessment.card.questionnaire)
            }
            Section::RequirementSets => !self.assessment.requirement_sets().is_empty(),
            Section::History => self.history.is_some(),
            Section::Evidence => self.evidence.stale().next().is_some(),
            Section::Summary
            | Section::NextSteps
            | Section::Scorecard
            | Section::Domains
            | Section::Unanswered => true,
        }
    }

    /// The steps that matter most, at most [`FIRST_STEPS`]: from the roadmap when there is a
    /// target, otherwise from every domain's next steps; the questions of the legal duties not
    /// yet met come first (they are listed apart, so left out here), then the domains of
    /// highest priority, then the lowest level; ties keep questionnaire order.
    pub fn first_steps(&self) -> Vec<(&Domain, &Question)> {
        let assessment = self.assessment;
        let mut steps: Vec<(&Domain, &Question, u32)> = match self.roadmap {
            Some(roadmap) => roadmap
                .steps()
                .map(|(_, step)| (step.domain, step.question, step.priority))
                .collect(),
            None => assessment
                .next_steps_by_domain()
                .flat_map(|(scored, _, steps)| {
                    let priority = scored.priority.unwrap_or(DEFAULT_PRIORITY);
                    steps.into_iter().map(move |q| (scored.domain, q, priority))
                })
                .collect(),
        };
        let findings = assessment.findings();
        let duties: Vec<&Question> = findings.iter().flat_map(|f| f.questions()).collect();
        steps.retain(|(_, q, _)| !duties.iter().any(|d| d.id == q.id));
        steps.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.level.cmp(&b.1.level)));
        steps.truncate(FIRST_STEPS);
        steps.into_iter().map(|(d, q, _)| (d, q)).collect()
    }
}
