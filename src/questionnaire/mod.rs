//! A maturity questionnaire: levels, answer scale, domains and questions, and the rules a
//! questionnaire file must follow. Nothing here knows about the JSP: it all comes from the file.

pub mod render;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Result, Warning, first_problems};
use crate::text::Lines;

/// Larger questionnaires are refused: the JSP ones have 5 levels, 4 options, 14 domains and
/// 126 questions, and checking and scoring take time with levels times questions.
pub const MAX_LEVELS: usize = 100;
pub const MAX_OPTIONS: usize = 100;
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
    #[serde(default = "default_scale")]
    pub scale: Vec<ScaleOption>,
    #[serde(default = "default_met_at")]
    pub met_at: f64,
    /// How a level whose questions in a domain are all answered `na` counts: `met` (the
    /// default) or `not-counted`.
    #[serde(default, skip_serializing_if = "NaLevels::is_default")]
    pub na_levels: NaLevels,
    pub domains: Vec<Domain>,
    /// Named pass/fail views beside the maturity levels: each requirement is met when the
    /// questions that satisfy it are met (see the README, "Requirement sets").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirement_sets: Vec<RequirementSet>,
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

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub level: u32,
    pub name: String,
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
    /// An industry average to show beside the domain's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
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

    pub fn level_name(&self, level: u32) -> &str {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map_or("", |l| l.name.as_str())
    }

    pub fn option(&self, id: &str) -> Option<&ScaleOption> {
        self.scale.iter().find(|o| o.id == id)
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

    pub fn question_count(&self) -> usize {
        self.domains.iter().map(|d| d.questions.len()).sum()
    }

    /// Every rule of the format: (errors, warnings), each with the line where it can be found.
    fn check(&self, source: &str) -> (Vec<Problem>, Vec<Problem>) {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        if let Some(problem) = self.too_large(source) {
            return (vec![problem], warnings);
        }
        let lines = Lines::new(source, &["id", "level"]);
        let at_id = |id: &str| lines.of("id", id);

        if !is_slug(&self.id) {
            errors.push(
                Problem::new(format!("questionnaire id `{}` is not valid", self.id))
                    .at(at_id(&self.id))
                    .hint("use lowercase letters, digits and `-` only, e.g. `acme-lite`"),
            );
        }
        for (field, value) in [
            ("title", &self.title),
            ("version", &self.version),
            ("role", &self.role),
        ] {
            if value.trim().is_empty() {
                errors.push(
                    Problem::new(format!("`{field}` is empty"))
                        .at(crate::text::line_of_key(source, field))
                        .hint("give it a value"),
                );
            }
        }
        self.check_levels(&lines, &mut errors);
        self.check_scale(&lines, &mut errors, &mut warnings);
        if !(self.met_at > 0.0 && self.met_at <= 1.0) {
            errors.push(
                Problem::new(format!(
                    "met_at {} is outside (0, 1]",
                    crate::text::number(self.met_at)
                ))
                .at(crate::text::line_of_key(source, "met_at"))
                .hint("met_at is the answer value from which a question counts as met, e.g. 0.75"),
            );
        }
        if self.domains.is_empty() {
            errors.push(
                Problem::new("the questionnaire has no domains")
                    .at(crate::text::line_of_key(source, "domains"))
                    .hint("add at least one domain with questions"),
            );
        }
        let mut domain_ids = HashSet::new();
        let mut question_ids = HashMap::new();
        for domain in &self.domains {
            let line = at_id(&domain.id);
            if !is_slug(&domain.id) {
                errors.push(
                    Problem::new(format!("domain id `{}` is not valid", domain.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only"),
                );
            }
            if !domain_ids.insert(domain.id.as_str()) {
                errors.push(
                    Problem::new(format!("domain id `{}` is used twice", domain.id))
                        .at(lines.nth("id", &domain.id, 1).or(line))
                        .hint("give every domain its own id"),
                );
            }
            if domain.title.trim().is_empty() {
                errors.push(
                    Problem::new(format!("domain `{}` has an empty title", domain.id))
                        .at(line)
                        .hint("give the domain a title"),
                );
            }
            check_weight(
                &mut errors,
                domain.weight,
                &format!("domain `{}`", domain.id),
                line,
            );
            if let Some(benchmark) = &domain.benchmark
                && !(f64::from(self.base_level())..=f64::from(self.top_level()))
                    .contains(&benchmark.score)
            {
                errors.push(
                    Problem::new(format!(
                        "domain `{}`: benchmark score {} is outside the levels {}..{}",
                        domain.id,
                        crate::text::number(benchmark.score),
                        self.base_level(),
                        self.top_level()
                    ))
                    .at(line)
                    .hint(format!(
                        "a benchmark is a score from {} to {}, as the report shows them",
                        self.base_level(),
                        self.top_level()
                    )),
                );
            }
            if domain.questions.is_empty() {
                errors.push(
                    Problem::new(format!("domain `{}` has no questions", domain.id))
                        .at(line)
                        .hint("add questions, or remove the domain"),
                );
            }
            for question in &domain.questions {
                self.check_question(&lines, question, &mut question_ids, &mut errors);
            }
            for level in self.levels.iter().skip(1) {
                if !domain.questions.iter().any(|q| q.level == level.level) {
                    warnings.push(
                        Problem::new(format!(
                            "domain `{}` has no question at level {} ({}); that level will not hold it back",
                            domain.id, level.level, level.name
                        ))
                        .at(line),
                    );
                }
            }
        }
        self.check_requirement_sets(source, &lines, &question_ids, &mut errors);
        (errors, warnings)
    }

    /// Set and requirement ids unique, no empty set, every question id known.
    fn check_requirement_sets(
        &self,
        source: &str,
        lines: &Lines,
        question_ids: &HashMap<&str, usize>,
        errors: &mut Vec<Problem>,
    ) {
        let mut set_ids = HashSet::new();
        for set in &self.requirement_sets {
            let line = lines.of("id", &set.id);
            if !is_slug(&set.id) {
                errors.push(
                    Problem::new(format!("requirement set id `{}` is not valid", set.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only, e.g. `fda-524b`"),
                );
            }
            if !set_ids.insert(set.id.as_str()) {
                errors.push(
                    Problem::new(format!("requirement set id `{}` is used twice", set.id))
                        .at(lines.nth("id", &set.id, 1).or(line))
                        .hint("give every requirement set its own id"),
                );
            }
            if set.title.trim().is_empty() {
                errors.push(
                    Problem::new(format!("requirement set `{}` has an empty title", set.id))
                        .at(line)
                        .hint("give the set a title"),
                );
            }
            if set.requirements.is_empty() {
                errors.push(
                    Problem::new(format!("requirement set `{}` has no requirements", set.id))
                        .at(line)
                        .hint("list its requirements under `requirements:`, or remove the set"),
                );
            }
            let mut requirement_ids = HashSet::new();
            for requirement in &set.requirements {
                let at = lines.of("id", &requirement.id).or(line);
                if requirement.id.trim().is_empty() {
                    errors.push(
                        Problem::new(format!(
                            "requirement set `{}` has a requirement without an id",
                            set.id
                        ))
                        .at(at)
                        .hint("give the requirement an id such as `524b-b1`"),
                    );
                }
                if !requirement_ids.insert(requirement.id.as_str()) {
                    errors.push(
                        Problem::new(format!(
                            "requirement id `{}` is used twice in set `{}`",
                            requirement.id, set.id
                        ))
                        .at(lines.nth("id", &requirement.id, 1).or(at))
                        .hint("give every requirement of a set its own id"),
                    );
                }
                if requirement.statement.trim().is_empty() {
                    errors.push(
                        Problem::new(format!(
                            "requirement `{}` has an empty statement",
                            requirement.id
                        ))
                        .at(at)
                        .hint("say in a sentence what the requirement asks"),
                    );
                }
                let cited = requirement
                    .satisfied_by
                    .iter()
                    .map(|id| ("satisfied_by", id));
                let shown = requirement.supporting.iter().map(|id| ("supporting", id));
                for (field, id) in cited.chain(shown) {
                    if question_ids.contains_key(id.as_str()) {
                        continue;
                    }
                    // Only the problems that are shown pay for a hint and a line search.
                    if errors.len() > crate::error::MAX_PROBLEMS {
                        errors.push(Problem::new(format!("`{id}` is not a question")));
                        continue;
                    }
                    let mut message = format!(
                        "requirement `{}` of set `{}`: `{field}` names `{id}`, which is not a question",
                        requirement.id, set.id
                    );
                    if let Some(near) =
                        crate::text::nearest(id, self.questions().map(|(_, q)| q.id.as_str()))
                    {
                        message.push_str(&format!("; did you mean `{near}`?"));
                    }
                    errors.push(
                        Problem::new(message)
                            .at(crate::text::line_of_word_after(source, at, id).or(at))
                            .hint(
                                "list question ids of this questionnaire (`jsp show` lists them)",
                            ),
                    );
                }
            }
        }
    }

    /// A limit passed, if any: the other checks are not worth running then.
    fn too_large(&self, source: &str) -> Option<Problem> {
        [
            ("levels", self.levels.len(), MAX_LEVELS),
            ("scale", self.scale.len(), MAX_OPTIONS),
            ("domains", self.domains.len(), MAX_DOMAINS),
            ("questions", self.question_count(), MAX_QUESTIONS),
            (
                "requirements",
                self.requirements().count(),
                MAX_REQUIREMENTS,
            ),
            (
                "question ids in requirements",
                self.requirements()
                    .map(|r| r.satisfied_by.len() + r.supporting.len())
                    .sum(),
                MAX_REQUIREMENT_LINKS,
            ),
        ]
        .into_iter()
        .find(|(_, count, limit)| count > limit)
        .map(|(what, count, limit)| {
            let key = match what {
                "questions" => "domains",
                "requirements" | "question ids in requirements" => "requirement_sets",
                _ => what,
            };
            Problem::new(format!(
                "the questionnaire has {count} {what}, more than the limit of {limit}"
            ))
            .at(crate::text::line_of_key(source, key))
            .hint(if key == "domains" {
                "split it into several questionnaires"
            } else {
                "check that this is the file you meant"
            })
        })
    }

    fn check_levels(&self, lines: &Lines, errors: &mut Vec<Problem>) {
        let line = lines.key("levels");
        if self.levels.len() < 2 {
            errors.push(
                Problem::new("`levels` needs at least two levels: the base and one to earn")
                    .at(line),
            );
        }
        if let Some(base) = self.levels.first().filter(|l| l.level > 1) {
            errors.push(
                Problem::new(format!(
                    "the lowest level is {}; levels start at 0 or 1",
                    base.level
                ))
                .at(lines.of("level", &base.level.to_string()).or(line))
                .hint("number the levels 1, 2, 3, ... (or 0, 1, 2, ...)"),
            );
        }
        for pair in self.levels.windows(2) {
            if let [low, high] = pair
                && low.level.checked_add(1) != Some(high.level)
            {
                errors.push(
                    Problem::new(format!(
                        "levels must count up by one, lowest first: {} follows {}",
                        high.level, low.level
                    ))
                    .at(lines.of("level", &high.level.to_string()).or(line))
                    .hint("number the levels 1, 2, 3, ... (or 0, 1, 2, ...)"),
                );
            }
        }
        for level in &self.levels {
            if level.name.trim().is_empty() {
                errors.push(
                    Problem::new(format!("level {} has no name", level.level))
                        .at(lines.of("level", &level.level.to_string()).or(line))
                        .hint("name the level, e.g. `name: Managed`"),
                );
            }
        }
    }

    fn check_scale(&self, lines: &Lines, errors: &mut Vec<Problem>, warnings: &mut Vec<Problem>) {
        if self.scale.is_empty() {
            errors.push(
                Problem::new("`scale` has no options")
                    .at(lines.key("scale"))
                    .hint("list the answer options, or leave `scale` out for the default"),
            );
        }
        let mut ids = HashSet::new();
        for option in &self.scale {
            let line = lines.of("id", &option.id);
            if option.id == NOT_APPLICABLE {
                errors.push(
                    Problem::new(
                        "`na` is reserved for \"not applicable\" and cannot be a scale option",
                    )
                    .at(line)
                    .hint("give the option another id"),
                );
            } else if !is_slug(&option.id) {
                errors.push(
                    Problem::new(format!("option id `{}` is not valid", option.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only"),
                );
            }
            if !ids.insert(option.id.as_str()) {
                errors.push(
                    Problem::new(format!("option id `{}` is used twice", option.id))
                        .at(lines.nth("id", &option.id, 1).or(line))
                        .hint("give every option its own id"),
                );
            }
            if !(0.0..=1.0).contains(&option.value) {
                errors.push(
                    Problem::new(format!(
                        "option `{}` has value {}, outside [0, 1]",
                        option.id,
                        crate::text::number(option.value)
                    ))
                    .at(line)
                    .hint("0 means not implemented, 1 fully implemented"),
                );
            }
            if option.label.trim().is_empty() {
                errors.push(
                    Problem::new(format!("option `{}` has no label", option.id))
                        .at(line)
                        .hint("give it a label, e.g. `label: Partly implemented`"),
                );
            }
        }
        if !self.scale.is_empty() && self.scale.iter().all(|o| o.value < self.met_at) {
            warnings.push(Problem::new(format!(
                "no answer option reaches met_at {}, so no question can ever be met",
                self.met_at
            )));
        }
    }

    fn check_question<'a>(
        &self,
        lines: &Lines,
        question: &'a Question,
        ids: &mut HashMap<&'a str, usize>,
        errors: &mut Vec<Problem>,
    ) {
        let line = lines.of("id", &question.id);
        if question.id.trim().is_empty() || question.id == NOT_APPLICABLE {
            errors.push(
                Problem::new(format!("question id `{}` is not valid", question.id))
                    .at(line)
                    .hint("give the question an id such as `gov-2a`"),
            );
        } else if !is_slug(&question.id) {
            // As for domains: answers files and reports match ids exactly.
            errors.push(
                Problem::new(format!("question id `{}` is not valid", question.id))
                    .at(line)
                    .hint(format!(
                        "use lowercase letters, digits and `-` only, e.g. `{}`",
                        question.id.to_ascii_lowercase()
                    )),
            );
        }
        let seen = ids.entry(question.id.as_str()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            let first = lines.of("id", &question.id);
            let again = lines.nth("id", &question.id, *seen - 1).or(line);
            let first_at = first
                .map(|l| format!(" (first at line {l})"))
                .unwrap_or_default();
            errors.push(
                Problem::new(format!(
                    "question id `{}` is used again{first_at}",
                    question.id
                ))
                .at(again)
                .hint("question ids must be unique across the whole questionnaire"),
            );
        }
        if question.level == self.base_level() {
            errors.push(
                Problem::new(format!(
                    "question `{}` is at the base level {}, which everyone has without answering",
                    question.id, question.level
                ))
                .at(line)
                .hint(match question.level.checked_sub(1) {
                    Some(below) => format!(
                        "put it at a level above the base; or, if the model's levels start at {}, add a level {below} below them: the first level is the base, which everyone has",
                        question.level
                    ),
                    None => "put it at a level above the base".to_string(),
                }),
            );
        } else if !self.levels.iter().any(|l| l.level == question.level) {
            let known: Vec<String> = self.levels.iter().map(|l| l.level.to_string()).collect();
            errors.push(
                Problem::new(format!(
                    "question `{}` has level {}, which is not one of the levels",
                    question.id, question.level
                ))
                .at(line)
                .hint(format!("use one of {}", known.join(", "))),
            );
        }
        if question.text.trim().is_empty() {
            errors.push(
                Problem::new(format!("question `{}` has an empty text", question.id))
                    .at(line)
                    .hint("write the question"),
            );
        }
        check_weight(
            errors,
            question.weight,
            &format!("question `{}`", question.id),
            line,
        );
    }
}

/// Weights are relative; a bound keeps their sums finite.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The least weight: with [`MAX_WEIGHT`], a ratio of a million, far from where the products
/// and sums of scoring lose precision (a weight of 5e-324 scored differently from 1).
pub const MIN_WEIGHT: f64 = 0.001;

fn check_weight(errors: &mut Vec<Problem>, weight: f64, what: &str, line: Option<usize>) {
    if !(MIN_WEIGHT..=MAX_WEIGHT).contains(&weight) {
        errors.push(
            Problem::new(format!(
                "{what} has weight {}; a weight must be at least {MIN_WEIGHT} and at most {MAX_WEIGHT}",
                crate::text::number(weight)
            ))
            .at(line)
            .hint("leave `weight` out for the default of 1"),
        );
    }
}

/// Ids of questionnaires, domains and options: `[a-z0-9-]+`.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
