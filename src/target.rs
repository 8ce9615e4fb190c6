//! A target profile (TOML): the maturity level each domain should reach, and how much it matters
//! (its priority), for every questionnaire or for the questionnaires of one role.
//!
//! ```toml
//! default = 2                                  # every domain not named
//! [domains]
//! governance = 3                               # a level
//! secure-design = { level = 3, priority = 5 }  # a level and a priority (1 lowest, 5 highest)
//! [roles.manufacturer]                         # laid over the above for role `manufacturer`
//! default = 3
//! [roles.manufacturer.domains]
//! verification = { priority = 4 }
//! ```
//!
//! For a questionnaire scored `continuous`, a level may be fractional (`governance = 1.5`, a
//! score) and `[questions]` gives single questions a target answer value (`gov-2a = 0.5`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::catalog::Catalog;
use crate::error::{Error, Problem, Result, first_problems_with};
use crate::questionnaire::Questionnaire;
use crate::text::nearest;

/// The priority of a domain that the target does not give one.
pub const DEFAULT_PRIORITY: u32 = 3;
/// Priorities run from 1 (lowest) to this (highest).
pub const TOP_PRIORITY: u32 = 5;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The level for every domain not named in `domains`.
    #[serde(default)]
    pub default: Option<Goal>,
    #[serde(default)]
    pub domains: BTreeMap<String, DomainTarget>,
    /// Target answer values (0 to 1) of single questions, for a questionnaire scored
    /// `continuous`; a question not named takes its target from its domain's.
    #[serde(default)]
    pub questions: BTreeMap<String, f64>,
    /// Profiles for the questionnaires of one role, laid over the one above.
    #[serde(default)]
    pub roles: BTreeMap<String, Profile>,
    /// How many months old (from its `date`) an evidence item may be before reports call it
    /// too old; replaces the questionnaire's `evidence_max_age_months`.
    #[serde(default)]
    pub evidence_max_age_months: Option<u32>,
}

/// The target for the questionnaires of one role; also what [`Target::profile`] resolves to.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default)]
    pub default: Option<Goal>,
    #[serde(default)]
    pub domains: BTreeMap<String, DomainTarget>,
    #[serde(default)]
    pub questions: BTreeMap<String, f64>,
}

/// A target level as the file writes it: a whole number, or, for a questionnaire scored
/// `continuous`, a score such as `1.5`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Goal {
    pub value: f64,
    /// Written as a TOML float (`1.5`, `2.0`), which a staged questionnaire refuses.
    pub float: bool,
}

impl Goal {
    pub fn whole(level: u32) -> Goal {
        Goal {
            value: f64::from(level),
            float: false,
        }
    }

    /// The whole level; `None` for a number written as a float.
    pub fn level(self) -> Option<u32> {
        if self.float {
            None
        } else {
            // Whole numbers are read from a u32, so the conversion is exact.
            u32::try_from(self.value as u64).ok()
        }
    }
}

/// What a target says about one domain: written `id = LEVEL` or `id = { level, priority }`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DomainTarget {
    pub level: Option<Goal>,
    pub priority: Option<u32>,
    /// Written `id = LEVEL` rather than as a table; only messages differ.
    pub short_form: bool,
}

impl DomainTarget {
    /// `self`, with what it leaves out taken from `under`.
    fn over(self, under: DomainTarget) -> DomainTarget {
        DomainTarget {
            level: self.level.or(under.level),
            priority: self.priority.or(under.priority),
            short_form: self.short_form,
        }
    }
}

impl Profile {
    /// The whole level a staged questionnaire's domain should reach.
    pub fn level_for(&self, domain: &str) -> Option<u32> {
        self.goal_for(domain).and_then(Goal::level)
    }

    /// The score a domain should reach, whole or fractional.
    pub fn goal_for(&self, domain: &str) -> Option<Goal> {
        self.domains
            .get(domain)
            .and_then(|d| d.level)
            .or(self.default)
    }

    /// The answer value a single question should reach, when the target names it.
    pub fn value_for(&self, question: &str) -> Option<f64> {
        self.questions.get(question).copied()
    }

    pub fn priority_for(&self, domain: &str) -> u32 {
        self.domains
            .get(domain)
            .and_then(|d| d.priority)
            .unwrap_or(DEFAULT_PRIORITY)
    }
}

impl Target {
    pub fn parse(text: &str, path: &Path) -> Result<Target> {
        toml::from_str(text).map_err(|error| {
            Error::invalid(path, short_form_wording(Problem::from_toml(&error, text)))
        })
    }

    /// Reads a target file and checks it against the questionnaire it is used with; the role
    /// sections for other roles are checked against the catalog's questionnaires of that role.
    pub fn load(path: &Path, questionnaire: &Questionnaire, catalog: &Catalog) -> Result<Target> {
        let text = crate::files::read_text(path)?;
        let target = Target::parse(&text, path)?;
        let problems = target.problems(catalog, Some(questionnaire), &text)?;
        if problems.is_empty() {
            Ok(target)
        } else {
            Err(Error::Invalid {
                path: path.to_path_buf(),
                problems,
            })
        }
    }

    /// Everything wrong with the target: the top level and the section of `questionnaire`'s
    /// role against that questionnaire, every other role section against the catalog's
    /// questionnaires of that role. The catalog is read only when there is such a section.
    pub fn problems(
        &self,
        catalog: &Catalog,
        questionnaire: Option<&Questionnaire>,
        source: &str,
    ) -> Result<Vec<Problem>> {
        let own = questionnaire.map(|q| q.role.as_str());
        let loaded: Vec<Questionnaire> = if self.roles.keys().any(|r| Some(r.as_str()) != own) {
            // Problems with the other questionnaires are not this file's; `jsp validate` shows them.
            let mut ignored = Vec::new();
            catalog
                .all_except(questionnaire.map(|q| q.id.as_str()), &mut ignored)?
                .into_iter()
                .map(|e| e.questionnaire)
                .collect()
        } else {
            Vec::new()
        };
        let others: Vec<&Questionnaire> = questionnaire.into_iter().chain(&loaded).collect();
        let mut faults = questionnaire.map_or_else(Vec::new, |q| self.check(q));
        faults.extend(self.check_other_roles(own, &others));
        Ok(describe(faults, source))
    }

    /// The profile for a questionnaire of `role`: the role's section laid over the top level,
    /// key by key, so that a domain named anywhere beats either `default`.
    pub fn profile(&self, role: &str) -> Profile {
        let Some(section) = self.roles.get(role) else {
            return Profile {
                default: self.default,
                domains: self.domains.clone(),
                questions: self.questions.clone(),
            };
        };
        let mut domains = self.domains.clone();
        for (id, over) in &section.domains {
            let under = domains.get(id).copied().unwrap_or_default();
            domains.insert(id.clone(), over.over(under));
        }
        let mut questions = self.questions.clone();
        questions.extend(section.questions.iter().map(|(id, v)| (id.clone(), *v)));
        Profile {
            default: section.default.or(self.default),
            domains,
            questions,
        }
    }

    /// How many domains are named, in any section.
    pub fn domain_count(&self) -> usize {
        let sections =
            std::iter::once(&self.domains).chain(self.roles.values().map(|r| &r.domains));
        sections
            .flat_map(BTreeMap::keys)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }

    /// The top level and the section of the questionnaire's role, against that questionnaire.
    fn check<'a>(&'a self, questionnaire: &'a Questionnaire) -> Vec<Fault<'a>> {
        let mut faults = Vec::new();
        let only = [questionnaire];
        Section { keys: &[] }.check(&only, self.default, &self.domains, &mut faults);
        Section { keys: &[] }.check_questions(&only, &self.questions, &mut faults);
        if let Some(section) = self.roles.get(&questionnaire.role) {
            let keys = ["roles", questionnaire.role.as_str()];
            Section { keys: &keys }.check(&only, section.default, &section.domains, &mut faults);
            Section { keys: &keys }.check_questions(&only, &section.questions, &mut faults);
        }
        faults
    }

    fn check_other_roles<'a>(
        &'a self,
        own: Option<&str>,
        questionnaires: &[&'a Questionnaire],
    ) -> Vec<Fault<'a>> {
        let mut faults = Vec::new();
        for (role, section) in self.roles.iter().filter(|(r, _)| Some(r.as_str()) != own) {
            let keys = ["roles", role.as_str()];
            let of_role: Vec<&Questionnaire> = questionnaires
                .iter()
                .copied()
                .filter(|q| q.role == *role)
                .collect();
            if of_role.is_empty() {
                let mut roles: Vec<&str> = questionnaires.iter().map(|q| q.role.as_str()).collect();
                roles.sort_unstable();
                roles.dedup();
                let hint = match nearest(role, roles.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the questionnaires' roles are {}", roles.join(", ")),
                };
                let problem = Problem::new(format!("no questionnaire has the role `{role}`"));
                faults.push(Fault::at(|| problem.hint(hint), &keys));
                continue;
            }
            Section { keys: &keys }.check(&of_role, section.default, &section.domains, &mut faults);
            Section { keys: &keys }.check_questions(&of_role, &section.questions, &mut faults);
        }
        faults
    }
}

/// A problem found in a target and the path of keys that locates it. Its words (with a
/// nearest-name search) and its line (a parse of the file) are worked out only for the
/// problems that are reported: a file may have hundreds of thousands.
struct Fault<'a> {
    problem: Box<dyn FnOnce() -> Problem + 'a>,
    keys: Vec<String>,
    /// Located at the value, with its column, as a parse error is; else at the key's line.
    at_value: bool,
}

impl<'a> Fault<'a> {
    fn at(problem: impl FnOnce() -> Problem + 'a, keys: &[&str]) -> Fault<'a> {
        let keys = keys.iter().map(|k| k.to_string()).collect();
        Fault {
            problem: Box::new(problem),
            keys,
            at_value: false,
        }
    }
}

/// The first faults, each with its line.
fn describe(faults: Vec<Fault>, source: &str) -> Vec<Problem> {
    if faults.is_empty() {
        return Vec::new();
    }
    // One parse of the file locates every fault reported.
    let root = toml::de::DeTable::parse(source).ok();
    first_problems_with(faults, |fault| {
        let start = root
            .as_ref()
            .and_then(|root| toml_start(root.get_ref(), &fault.keys, fault.at_value));
        let before = start.and_then(|start| source.get(..start));
        let mut problem = (fault.problem)().at(before.map(|b| b.matches('\n').count() + 1));
        if fault.at_value {
            problem.column = before.map(|b| b.len() - b.rfind('\n').map_or(0, |i| i + 1) + 1);
        }
        problem
    })
}

/// One section of a target file (the top level, or `[roles.ROLE]`), named by its keys.
struct Section<'a> {
    keys: &'a [&'a str],
}

impl Section<'_> {
    /// Levels and domains against `questionnaires` (a domain must be in one of them), and
    /// priorities against 1..=5.
    fn check<'a>(
        &self,
        questionnaires: &[&'a Questionnaire],
        default: Option<Goal>,
        domains: &'a BTreeMap<String, DomainTarget>,
        faults: &mut Vec<Fault<'a>>,
    ) {
        if let Some(level) = default {
            self.check_level(
                questionnaires,
                level,
                false,
                &["default"],
                "default",
                faults,
            );
        }
        for (id, entry) in domains {
            let Some(questionnaire) = questionnaires.iter().find(|q| q.domain(id).is_some()) else {
                let questionnaires = questionnaires.to_vec();
                let unknown = move || {
                    let ids = questionnaires
                        .iter()
                        .flat_map(|q| q.domains.iter().map(|d| d.id.as_str()));
                    let names = questionnaires
                        .iter()
                        .map(|q| format!("`{}`", q.id))
                        .collect::<Vec<_>>()
                        .join(" or ");
                    let hint = match nearest(id, ids) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!(
                            "see `jsp show {}` for its domains",
                            questionnaires.first().map_or("", |q| q.id.as_str())
                        ),
                    };
                    Problem::new(format!("`{id}` is not a domain of {names}")).hint(hint)
                };
                faults.push(self.fault(unknown, &["domains", id]));
                continue;
            };
            if let Some(level) = entry.level {
                self.check_level(
                    &[questionnaire],
                    level,
                    entry.short_form,
                    &["domains", id, "level"],
                    id,
                    faults,
                );
            }
            if let Some(priority) = entry.priority
                && !(1..=TOP_PRIORITY).contains(&priority)
            {
                let problem = move || {
                    Problem::new(format!(
                        "`{id}` has priority {priority}, outside 1..{TOP_PRIORITY}"
                    ))
                    .hint(format!(
                        "use 1 (lowest) to {TOP_PRIORITY} (highest); a domain without one has {DEFAULT_PRIORITY}"
                    ))
                };
                faults.push(self.fault(problem, &["domains", id, "priority"]));
            }
        }
    }

    fn check_level<'a>(
        &self,
        questionnaires: &[&'a Questionnaire],
        goal: Goal,
        short_form: bool,
        keys: &[&str],
        name: &'a str,
        faults: &mut Vec<Fault<'a>>,
    ) {
        for &questionnaire in questionnaires {
            if goal.float && !questionnaire.is_continuous() {
                // Worded as the parse error it was before fractional targets were read.
                let problem = move || whole_number(goal.value, short_form);
                let mut fault = self.fault(problem, keys);
                fault.at_value = true;
                faults.push(fault);
                return;
            }
            let (base, top) = (questionnaire.base_level(), questionnaire.top_level());
            if !(f64::from(base)..=f64::from(top)).contains(&goal.value) {
                let level = crate::text::number(goal.value);
                let problem = move || {
                    if questionnaire.is_continuous() {
                        return Problem::new(format!(
                            "`{name}` asks for the score {level}, outside the scores {base}..{top} of `{}`",
                            questionnaire.id
                        ))
                        .hint(format!(
                            "`{}` is scored continuous: use a score from {base} to {top}, e.g. 1.5",
                            questionnaire.id
                        ));
                    }
                    Problem::new(format!(
                        "`{name}` asks for level {level}, outside the levels {base}..{top} of `{}`",
                        questionnaire.id
                    ))
                    .hint(format!("use a level from {base} to {top}"))
                };
                faults.push(self.fault(problem, keys));
                return;
            }
        }
    }

    /// Each question named in `[questions]`: a question of one of `questionnaires`, scored
    /// `continuous`, with a value from 0 to 1.
    fn check_questions<'a>(
        &self,
        questionnaires: &[&'a Questionnaire],
        questions: &'a BTreeMap<String, f64>,
        faults: &mut Vec<Fault<'a>>,
    ) {
        for (id, value) in questions {
            let keys = ["questions", id.as_str()];
            let Some(questionnaire) = questionnaires
                .iter()
                .find(|q| q.question(id).is_some())
                .copied()
            else {
                let questionnaires = questionnaires.to_vec();
                let unknown = move || {
                    let ids = questionnaires
                        .iter()
                        .flat_map(|q| q.questions().map(|(_, x)| x.id.as_str()));
                    let names = questionnaires
                        .iter()
                        .map(|q| format!("`{}`", q.id))
                        .collect::<Vec<_>>()
                        .join(" or ");
                    let hint = match nearest(id, ids) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => "list question ids (`jsp show` lists them)".to_string(),
                    };
                    Problem::new(format!("`{id}` is not a question of {names}")).hint(hint)
                };
                faults.push(self.fault(unknown, &keys));
                continue;
            };
            if !questionnaire.is_continuous() {
                let problem = move || {
                    Problem::new(format!(
                        "`{id}`: a target per question needs a questionnaire scored `continuous`, and `{}` is staged",
                        questionnaire.id
                    ))
                    .hint("give the question's domain a level under `[domains]`, or add `scoring: continuous` to the questionnaire")
                };
                faults.push(self.fault(problem, &keys));
            } else if !(0.0..=1.0).contains(value) {
                let value = crate::text::number(*value);
                let problem = move || {
                    Problem::new(format!(
                        "`{id}` asks for the answer value {value}, outside 0..1"
                    ))
                    .hint("a question's target is an answer value from 0 (none) to 1 (full), e.g. 0.5")
                };
                faults.push(self.fault(problem, &keys));
            }
        }
    }

    fn fault<'a>(&self, problem: impl FnOnce() -> Problem + 'a, keys: &[&str]) -> Fault<'a> {
        let path: Vec<&str> = self.keys.iter().chain(keys).copied().collect();
        Fault::at(problem, &path)
    }
}

/// The byte offset of the deepest of `keys` (a path of nested keys) found in a TOML text: of
/// its key, or of its value when `value` is set and the value is not a table.
fn toml_start(root: &toml::de::DeTable, keys: &[String], value: bool) -> Option<usize> {
    let mut table = root;
    let mut found = None;
    for key in keys {
        let Some((name, entry)) = table.iter().find(|(name, _)| name.get_ref() == key) else {
            break;
        };
        found = Some(name.span().start);
        match entry.get_ref() {
            toml::de::DeValue::Table(inner) => table = inner,
            _ => {
                if value {
                    found = Some(entry.span().start);
                }
                break;
            }
        }
    }
    found
}

/// The short form's parse error in words: a level is a whole number.
fn short_form_wording(mut problem: Problem) -> Problem {
    if problem.message.starts_with("found the number")
        && problem.message.contains("expected a level")
    {
        problem.message = problem.message.replace(
            ", expected a level, or a table with `level` and `priority`",
            ": a level is a whole number",
        );
        problem.hint = Some(
            "write the level as a whole number (`2`), or as `{ level = 2, priority = 1 }`"
                .to_string(),
        );
    }
    problem
}

/// A fractional level refused by a staged questionnaire, in the words of the parse error
/// that refused it before: `short_form` for `id = 1.5`, else `default` or `level =`.
fn whole_number(value: f64, short_form: bool) -> Problem {
    let float = de::Unexpected::Float(value);
    let message = if short_form {
        format!("invalid type: {float}, expected {}", DOMAIN_EXPECTED)
    } else {
        format!("invalid type: {float}, expected u32")
    };
    let (message, hint) = crate::wording::plain(&message);
    let mut problem = Problem::new(message);
    problem.hint = hint;
    short_form_wording(problem)
}

impl<'de> Deserialize<'de> for DomainTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DomainTargetVisitor)
    }
}

struct DomainTargetVisitor;

const DOMAIN_EXPECTED: &str = "a level, or a table with `level` and `priority`";

/// The table form of a domain's target.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainTable {
    #[serde(default)]
    level: Option<Goal>,
    #[serde(default)]
    priority: Option<u32>,
}

impl<'de> Visitor<'de> for DomainTargetVisitor {
    type Value = DomainTarget;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(DOMAIN_EXPECTED)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DomainTarget, E> {
        level_only(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DomainTarget, E> {
        level_only(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DomainTarget, E> {
        Ok(DomainTarget {
            level: Some(fraction(v, &self)?),
            priority: None,
            short_form: true,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DomainTarget, A::Error> {
        let table = DomainTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(DomainTarget {
            level: table.level,
            priority: table.priority,
            short_form: false,
        })
    }
}

/// The short form, `id = LEVEL`.
fn level_only<E: de::Error, N: TryInto<u32> + fmt::Display + Copy>(
    v: N,
) -> Result<DomainTarget, E> {
    let level = v.try_into().map_err(|_| {
        E::custom(format!(
            "{v} is not a level: use a level of the questionnaire"
        ))
    })?;
    Ok(DomainTarget {
        level: Some(Goal {
            value: f64::from(level),
            float: false,
        }),
        priority: None,
        short_form: true,
    })
}

/// A number written as a float: kept for the questionnaire to judge, unless it is no number.
fn fraction<E: de::Error>(v: f64, expected: &dyn de::Expected) -> Result<Goal, E> {
    if v.is_finite() {
        Ok(Goal {
            value: v,
            float: true,
        })
    } else {
        Err(E::invalid_value(de::Unexpected::Float(v), expected))
    }
}

impl<'de> Deserialize<'de> for Goal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(GoalVisitor)
    }
}

/// A level as `u32` reads it (so that its errors read as before), or a float.
struct GoalVisitor;

impl Visitor<'_> for GoalVisitor {
    type Value = Goal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("u32")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Goal, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Goal, E> {
        let level =
            u32::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))?;
        Ok(Goal::whole(level))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Goal, E> {
        fraction(v, &self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUESTIONNAIRE: &str = r#"
id: t
title: T
version: "1"
role: maker
domains:
  - id: a
    title: A
    questions: [{id: a2, level: 2, text: x}]
  - id: b
    title: B
    questions: [{id: b2, level: 2, text: x}]
"#;

    fn questionnaire() -> Questionnaire {
        crate::testing::questionnaire(QUESTIONNAIRE)
    }

    fn parse(text: &str) -> Target {
        Target::parse(text, Path::new("t.toml")).unwrap()
    }

    #[test]
    fn the_old_shape_still_reads() {
        let target = parse("default = 3\n[domains]\na = 2\n");
        let profile = target.profile("maker");
        assert_eq!(profile.level_for("a"), Some(2));
        assert_eq!(profile.level_for("b"), Some(3));
        assert_eq!(profile.priority_for("a"), DEFAULT_PRIORITY);
        assert!(target.check(&questionnaire()).is_empty());
    }

    #[test]
    fn a_role_section_is_laid_over_the_top_level_key_by_key() {
        let target = parse(
            "default = 2\n[domains]\na = { level = 3, priority = 5 }\n\
             [roles.maker]\ndefault = 4\n[roles.maker.domains]\na = { priority = 1 }\n",
        );
        let maker = target.profile("maker");
        assert_eq!(maker.level_for("a"), Some(3));
        assert_eq!(maker.priority_for("a"), 1);
        assert_eq!(maker.level_for("b"), Some(4));
        let other = target.profile("other");
        assert_eq!(other.level_for("b"), Some(2));
        assert_eq!(other.priority_for("a"), 5);
    }

    #[test]
    fn problems_point_at_the_line_in_the_right_section() {
        let text =
            "[domains]\na = 2\n[roles.maker.domains]\nb = { level = 2, priority = 9 }\nzz = 2\n";
        let problems = describe(parse(text).check(&questionnaire()), text);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("priority 9"));
        assert_eq!(problems[0].line, Some(4));
        assert!(problems[1].message.contains("`zz` is not a domain"));
        assert_eq!(problems[1].line, Some(5));
    }

    #[test]
    fn an_unknown_role_is_an_error_with_the_nearest_role() {
        let text = "[roles.maker]\ndefault = 2\n[roles.provder]\ndefault = 2\n";
        let mut provider = questionnaire();
        provider.role = "provider".into();
        let problems = describe(
            parse(text).check_other_roles(Some("maker"), &[&provider]),
            text,
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `provider`?")
        );
    }

    #[test]
    fn a_bad_shape_says_what_a_domain_takes() {
        let error = Target::parse("[domains]\na = \"high\"\n", Path::new("t.toml")).unwrap_err();
        assert!(error.to_string().contains("a level, or a table"));
        let error =
            Target::parse("[domains]\na = { levle = 2 }\n", Path::new("t.toml")).unwrap_err();
        assert!(error.to_string().contains("unknown key `levle`"));
    }
}
