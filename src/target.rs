//! A target profile (TOML): the maturity level each domain should reach.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::error::{Error, Problem, Result};
use crate::questionnaire::Questionnaire;
use crate::text::{line_of_key, nearest};

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The level for every domain not named in `domains`.
    #[serde(default)]
    pub default: Option<u32>,
    #[serde(default)]
    pub domains: BTreeMap<String, u32>,
}

impl Target {
    pub fn parse(text: &str, path: &Path) -> Result<Target> {
        toml::from_str(text).map_err(|error| {
            let mut problem = Problem::from_toml(&error, text);
            if problem.message.contains("unknown field") {
                problem = problem.hint(
                    "a target file has `default = LEVEL` and a `[domains]` table of `id = LEVEL`",
                );
            }
            Error::invalid(path, problem)
        })
    }

    /// Reads a target file and checks it against the questionnaire it is used with.
    pub fn load(path: &Path, questionnaire: &Questionnaire) -> Result<Target> {
        let text = crate::files::read_text(path)?;
        let target = Target::parse(&text, path)?;
        target.check(questionnaire, &text, path)?;
        Ok(target)
    }

    pub fn level_for(&self, domain: &str) -> Option<u32> {
        self.domains.get(domain).copied().or(self.default)
    }

    fn check(&self, questionnaire: &Questionnaire, source: &str, path: &Path) -> Result<()> {
        let mut problems = Vec::new();
        let (base, top) = (questionnaire.base_level(), questionnaire.top_level());
        let mut check_level = |level: u32, key: &str| {
            if !(base..=top).contains(&level) {
                problems.push(
                    Problem::new(format!(
                        "`{key}` asks for level {level}, outside the levels {base}..{top} of `{}`",
                        questionnaire.id
                    ))
                    .at(line_of_key(source, key))
                    .hint(format!("use a level from {base} to {top}")),
                );
            }
        };
        if let Some(level) = self.default {
            check_level(level, "default");
        }
        for (id, level) in &self.domains {
            check_level(*level, id);
        }
        for id in self.domains.keys() {
            if questionnaire.domain(id).is_none() {
                let ids = questionnaire.domains.iter().map(|d| d.id.as_str());
                let hint = match nearest(id, ids) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("see `jsp show {}` for its domains", questionnaire.id),
                };
                problems.push(
                    Problem::new(format!("`{id}` is not a domain of `{}`", questionnaire.id))
                        .at(line_of_key(source, id))
                        .hint(hint),
                );
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid {
                path: path.to_path_buf(),
                problems,
            })
        }
    }
}
