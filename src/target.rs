//! A target profile (TOML): the maturity level each domain should reach.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Problem, Result, first_problems_with};
use crate::questionnaire::Questionnaire;
use crate::text::{line_of_key, nearest};

#[derive(Debug, Clone, Default, Deserialize)]
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
        toml::from_str(text).map_err(|error| Error::invalid(path, Problem::from_toml(&error, text)))
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

    /// Every level within the questionnaire's levels, every domain one of its domains.
    pub fn check(&self, questionnaire: &Questionnaire, source: &str, path: &Path) -> Result<()> {
        let (base, top) = (questionnaire.base_level(), questionnaire.top_level());
        let known: HashSet<&str> = questionnaire
            .domains
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        // Faults are found first and described (a line search each) only when reported.
        let mut faults: Vec<(&str, Option<u32>)> = Vec::new();
        if let Some(level) = self.default.filter(|l| !(base..=top).contains(l)) {
            faults.push(("default", Some(level)));
        }
        for (id, level) in &self.domains {
            if !(base..=top).contains(level) {
                faults.push((id, Some(*level)));
            }
        }
        faults.extend(
            self.domains
                .keys()
                .filter(|id| !known.contains(id.as_str()))
                .map(|id| (id.as_str(), None)),
        );
        let describe = |(key, level): (&str, Option<u32>)| {
            let problem = match level {
                Some(level) => Problem::new(format!(
                    "`{key}` asks for level {level}, outside the levels {base}..{top} of `{}`",
                    questionnaire.id
                ))
                .hint(format!("use a level from {base} to {top}")),
                None => {
                    let ids = questionnaire.domains.iter().map(|d| d.id.as_str());
                    let hint = match nearest(key, ids) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("see `jsp show {}` for its domains", questionnaire.id),
                    };
                    Problem::new(format!("`{key}` is not a domain of `{}`", questionnaire.id))
                        .hint(hint)
                }
            };
            problem.at(line_of_key(source, key))
        };
        let problems = first_problems_with(faults, describe);
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
