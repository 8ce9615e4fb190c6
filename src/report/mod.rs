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
use crate::gates::Gates;
use crate::roadmap::Roadmap;

/// What `jsp score` shows: an assessment and the gates it is held to.
pub struct Score<'a> {
    pub assessment: &'a Assessment<'a>,
    pub gates: Gates,
    /// The requirement sets `--require` gates on; every set is shown, these in detail.
    pub required: &'a [String],
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
}

/// One part of the whole report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Who and what was assessed, the overall result and each domain's level (and the charts).
    Summary,
    /// The requirements of regulatory sets that are not met or not assessed: compliance
    /// findings, whatever level their domain is at.
    Findings,
    /// Every domain's questions with their answers, notes and evidence.
    Domains,
    /// The questions that restate a legal duty and are not met, at any level; then, for each
    /// domain, the questions open at its next level.
    NextSteps,
    /// Each requirement set of the questionnaire, requirement by requirement.
    RequirementSets,
    /// The way to the target in phases, when there is a target.
    Roadmap,
    /// The questions not yet answered.
    Unanswered,
    /// The questions by the standards they cite, when asked for.
    Crosswalk,
}

/// The report's sections in order. Each format matches on [`Section`] without a catch-all, so a
/// section added here is a compile error until every format renders it.
pub const SECTIONS: [Section; 8] = [
    Section::Summary,
    Section::Findings,
    Section::Domains,
    Section::NextSteps,
    Section::RequirementSets,
    Section::Roadmap,
    Section::Unanswered,
    Section::Crosswalk,
];
