//! A maturity questionnaire: levels, answer scale, domains and questions, and the rules a
//! questionnaire file must follow. Nothing here knows about the JSP: it all comes from the file.

mod check;
pub mod render;

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, Warning, first_problems};

/// Larger questionnaires are refused: the JSP ones have 5 levels, 4 options, 14 domains and
/// 126 questions, and checking and scoring take time with levels times questions.
pub const MAX_LEVELS: usize = 100;
pub const MAX_OPTIONS: usize = 100;
/// Named scales: SAMM, the largest model met, has 24.
pub const MAX_SCALES: usize = 1_000;
pub const MAX_DOMAINS: usize = 1_000;
pub const MAX_QUESTIONS: usize = 10_000;
/// Requirements across all sets, and question ids they name (`satisfied_by` and `supporting`).
pub const MAX_REQUIREMENTS: usize = 10_000;
pub const MAX_REQUIREMENT_LINKS: usize = 100_000;

/// The id reserved for "not applicable" answers.
pub const NOT_APPLICABLE: &str = "na";

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub title: String,
    pub version: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default = "default_levels")]
    pub levels: Vec<Level>,
    /// The default answer scale: the one of every question that names no other.
    #[serde(default = "default_scale")]
    pub scale: Vec<ScaleOption>,
    /// Named answer scales beside the default one; a question picks one with `scale: ID`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    /// `staged` (the default): a domain's level is the highest whose questions, and those of
    /// every level below, are all met. `continuous`: no level, only the score, and targets are
    /// scores (fractional) per domain and answer values per question.
    #[serde(default, skip_serializing_if = "Scoring::is_default")]
    pub scoring: Scoring,
    #[serde(default = "default_met_at")]
    pub met_at: f64,
    /// How a level whose questions in a domain are all answered `na` counts: `met` (the
    /// default) or `not-counted`.
    #[serde(default, skip_serializing_if = "NaLevels::is_default")]
    pub na_levels: NaLevels,
    /// How many months old (from its `date`) an evidence item may be before reports call it
    /// too old; a target's `evidence_max_age_months` replaces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_max_age_months: Option<u32>,
    pub domains: Vec<Domain>,
    /// Named pass/fail views beside the maturity levels: each requirement is met when the
    /// questions that satisfy it are met (see the README, "Requirement sets").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirement_sets: Vec<RequirementSet>,
    /// Groups of domains, such as a model's business functions: each domain names its group
    /// with `group`, and each group gets a score and level (see the README, "Domain groups").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
}

/// A group of domains. Its score is the weight-averaged score of its applicable domains, its
/// level the lowest of their levels: the overall rule, over the group's domains.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A published figure to show beside the group's score, with the facts that say how far
    /// it compares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
}

/// Another survey's published figure for what a group measures: shown beside the group's
/// score with its source, never drawn on the level scale.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// The published figure, e.g. an average on the survey's own scale.
    pub score: f64,
    /// Who published it, and where.
    pub source: String,
    /// How many organizations the figure is drawn from.
    pub sample_size: u32,
    /// The year the figure was published.
    pub year: u32,
    /// True when a primary source or a report citing it confirms the figure; false when it
    /// comes from secondary summaries.
    pub confirmed: bool,
    /// One sentence on what the figure measures and how it differs from this score.
    pub measures: String,
}

impl Benchmark {
    /// "1.47 (unconfirmed)": the figure as a table cell shows it.
    pub fn figure(&self) -> String {
        format!(
            "{} ({})",
            crate::text::decimal2(self.score),
            if self.confirmed {
                "confirmed"
            } else {
                "unconfirmed"
            }
        )
    }

    /// "MDIC ..., 2022, n = 17": where the figure comes from.
    pub fn origin(&self) -> String {
        format!("{}, {}, n = {}", self.source, self.year, self.sample_size)
    }

    /// "MDIC ..., 2022, n = 17: The mean of ...": what a note under the table says of it.
    pub fn about(&self) -> String {
        format!("{}: {}", self.origin(), self.measures)
    }
}

/// A group of questions within a domain (a stream): scored the way its domain is, over its
/// own questions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stream {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A named set of requirements, such as the duties of a law or the goals of a framework.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementSet {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A legal duty: a requirement of the set not met is a compliance finding in reports.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub regulatory: bool,
    pub requirements: Vec<Requirement>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    /// What the requirement asks, in a sentence.
    pub statement: String,
    /// Where it comes from, e.g. `FD&C Act 524B(b)(1)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// The questions whose being met satisfies the requirement, as `rule` combines them.
    /// Empty when no question can evidence it: the requirement is then never assessed.
    #[serde(default)]
    pub satisfied_by: Vec<String>,
    /// Questions shown beside the requirement that do not decide it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporting: Vec<String>,
    #[serde(default, skip_serializing_if = "Rule::is_all")]
    pub rule: Rule,
}

/// How a requirement's questions combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Every applicable question met.
    #[default]
    All,
    /// At least one question met.
    Any,
}

impl Rule {
    fn is_all(&self) -> bool {
        *self == Rule::All
    }
}

/// The rule for a level whose questions in a domain are all `na`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NaLevels {
    /// The level counts as fully done: it adds 1 to the score and does not block (the default).
    #[default]
    Met,
    /// The level neither adds to the score nor blocks: it adds 0, is not reached by itself, and
    /// the levels above it can still be reached.
    NotCounted,
}

impl NaLevels {
    pub fn is_default(&self) -> bool {
        *self == NaLevels::Met
    }
}

/// How a domain's standing is read from its answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Scoring {
    /// Levels earned one after another, each fully met (the default).
    #[default]
    Staged,
    /// The score alone, without a threshold or a staged level, as models such as OWASP SAMM
    /// score: targets are fractional scores, percent to target sums answer values.
    Continuous,
}

impl Scoring {
    pub fn is_default(&self) -> bool {
        *self == Scoring::Staged
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub level: u32,
    pub name: String,
    /// What an organization at this level does; line breaks are kept where it is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A named answer scale: its own wording on its own values.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub options: Vec<ScaleOption>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    pub id: String,
    pub label: String,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub title: String,
    /// A title of a few words for the terminal's tables (`Vulnerabilities` for `Vulnerability
    /// management and coordinated disclosure`); the title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default = "default_weight")]
    pub weight: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Deprecated and ignored, with a warning: a domain's industry average, which
    /// no report shows any more. Put the figure on a group's `benchmark`, with its facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("deprecated" = true))]
    pub benchmark: Option<DomainBenchmark>,
    pub questions: Vec<Question>,
    /// The id of the group (in the questionnaire's `groups`) the domain belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Groups of this domain's questions, each scored as the domain is; a question names its
    /// stream with `stream`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streams: Vec<Stream>,
}

/// The per-domain benchmark of version 1: parsed so that old files still load, and ignored.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DomainBenchmark {
    pub source: String,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub level: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    #[serde(default = "default_weight")]
    pub weight: f64,
    #[serde(default)]
    pub na: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The id of one of its domain's `streams`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
    /// The id of the named scale its answers use; the default `scale` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Quality criteria an assessor ticks off before answering: one statement each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
}

impl Domain {
    /// The title to show where room is short: `short` when given, else the title.
    pub fn short_title(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }
}

/// The tag of questions that restate a legal duty; reports mark them and list them first.
pub const REGULATORY_TAG: &str = "regulatory";

impl Question {
    pub fn is_regulatory(&self) -> bool {
        self.tags.iter().any(|t| t == REGULATORY_TAG)
    }
}

fn default_levels() -> Vec<Level> {
    [
        "Initial",
        "Managed",
        "Defined",
        "Quantitatively Managed",
        "Optimizing",
    ]
    .iter()
    .zip(1..)
    .map(|(name, level)| Level {
        level,
        name: (*name).to_string(),
        description: None,
    })
    .collect()
}

fn default_scale() -> Vec<ScaleOption> {
    [
        ("none", "Not implemented", 0.0),
        ("partial", "Partially implemented", 0.5),
        ("largely", "Largely implemented", 0.75),
        ("full", "Fully implemented", 1.0),
    ]
    .iter()
    .map(|(id, label, value)| ScaleOption {
        id: (*id).to_string(),
        label: (*label).to_string(),
        value: *value,
    })
    .collect()
}

fn default_met_at() -> f64 {
    0.75
}

fn default_weight() -> f64 {
    1.0
}

/// How every JSON output names the questionnaire its figures are of.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Reference<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub role: &'a str,
    /// Shown only when the questionnaire chooses `not-counted`, so outputs stay as they were.
    #[serde(skip_serializing_if = "NaLevels::is_default")]
    pub na_levels: NaLevels,
}

impl Questionnaire {
    pub fn reference(&self) -> Reference<'_> {
        Reference {
            id: &self.id,
            title: &self.title,
            version: &self.version,
            role: &self.role,
            na_levels: self.na_levels,
        }
    }

    /// Parses and checks a questionnaire. `path` names the file in messages.
    pub fn parse(text: &str, path: &Path) -> Result<(Questionnaire, Vec<Warning>)> {
        let questionnaire: Questionnaire =
            crate::yaml::from_str(text).map_err(|problem| Error::invalid(path, problem))?;
        let (errors, warnings) = questionnaire.check(text);
        let (errors, warnings) = (first_problems(errors), first_problems(warnings));
        if errors.is_empty() {
            let warnings = warnings
                .into_iter()
                .map(|problem| Warning {
                    path: path.to_path_buf(),
                    problem,
                })
                .collect();
            Ok((questionnaire, warnings))
        } else {
            Err(Error::Invalid {
                path: path.to_path_buf(),
                problems: errors,
            })
        }
    }

    pub fn load(path: &Path) -> Result<(Questionnaire, Vec<Warning>)> {
        let text = crate::files::read_text(path)?;
        Questionnaire::parse(&text, path)
    }

    /// The base level: the one every organization has without meeting any question.
    pub fn base_level(&self) -> u32 {
        self.levels.first().map_or(0, |l| l.level)
    }

    pub fn top_level(&self) -> u32 {
        self.levels.last().map_or(0, |l| l.level)
    }

    /// The description of a level, when the questionnaire gives one.
    pub fn level_description(&self, level: u32) -> Option<&str> {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .and_then(|l| l.description.as_deref())
    }

    /// A staged level with its name, as outputs show it; `None` when the questionnaire is
    /// scored `continuous`, which has no staged level to show.
    pub fn staged_level(&self, level: u32) -> Option<(u32, &str)> {
        (!self.is_continuous()).then(|| (level, self.level_name(level)))
    }

    pub fn level_name(&self, level: u32) -> &str {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map_or("", |l| l.name.as_str())
    }

    /// The answer options of a question: its named scale, or the default one. A name the
    /// questionnaire lacks (refused at load) falls back to the default.
    pub fn scale_of(&self, question: &Question) -> &[ScaleOption] {
        question
            .scale
            .as_deref()
            .and_then(|id| self.scales.iter().find(|s| s.id == id))
            .map_or(&self.scale, |s| &s.options)
    }

    /// The highest value a question's scale offers: what a continuous model's question aims at
    /// when no target says otherwise.
    pub fn full_value(&self, question: &Question) -> f64 {
        self.scale_of(question)
            .iter()
            .map(|o| o.value)
            .fold(0.0, f64::max)
    }

    /// The option `id` of a question's scale.
    pub fn option(&self, question: &Question, id: &str) -> Option<&ScaleOption> {
        self.scale_of(question).iter().find(|o| o.id == id)
    }

    pub fn is_continuous(&self) -> bool {
        self.scoring == Scoring::Continuous
    }

    pub fn questions(&self) -> impl Iterator<Item = (&Domain, &Question)> {
        self.domains
            .iter()
            .flat_map(|d| d.questions.iter().map(move |q| (d, q)))
    }

    pub fn question(&self, id: &str) -> Option<(&Domain, &Question)> {
        self.questions().find(|(_, q)| q.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// Every requirement of every set, in order.
    pub fn requirements(&self) -> impl Iterator<Item = &Requirement> {
        self.requirement_sets.iter().flat_map(|s| &s.requirements)
    }

    pub fn requirement_set(&self, id: &str) -> Option<&RequirementSet> {
        self.requirement_sets.iter().find(|s| s.id == id)
    }

    /// What each distinct benchmark of the groups is, once, in the groups' order: the note
    /// every view prints under its group figures.
    pub fn benchmark_notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = Vec::new();
        for about in self
            .groups
            .iter()
            .filter_map(|g| g.benchmark.as_ref().map(Benchmark::about))
        {
            if !notes.contains(&about) {
                notes.push(about);
            }
        }
        notes
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn question_count(&self) -> usize {
        self.domains.iter().map(|d| d.questions.len()).sum()
    }
}
