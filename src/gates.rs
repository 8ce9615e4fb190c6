//! The CI gates of `jsp score`: a level every domain must reach (`--min-level`, the target) and
//! an overall score (`--min-score`). Pure: the command prints and exits, JUnit reports them.
//! The other gates: `--require SET` (`requirements::SetResult::gate_failures`) and
//! `--fail-on-stale-evidence` (`evidence::Review::failures`, also on `jsp evidence`): every
//! item expired, too old, a missing or untracked file, or a path outside the repository.

use crate::error::{Error, Result};
use crate::questionnaire::Questionnaire;
use crate::scoring::{DomainScore, Scorecard, round2};

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Gates {
    pub min_level: Option<u32>,
    pub min_score: Option<f64>,
}

impl Gates {
    /// `--min-level` one of the questionnaire's levels, `--min-score` a number its scores can
    /// reach: a gate that can never fail (`nan`) or never pass (level 6 of five) is a mistake.
    pub fn check(&self, questionnaire: &Questionnaire) -> Result<()> {
        let levels = || {
            questionnaire
                .levels
                .iter()
                .map(|l| l.level.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(min) = self.min_level
            && !questionnaire.levels.iter().any(|l| l.level == min)
        {
            return Err(Error::usage(format!(
                "--min-level {min} is not a level of `{}`\n  hint: its levels are {}",
                questionnaire.id,
                levels()
            )));
        }
        let (low, high) = (questionnaire.base_level(), questionnaire.top_level());
        if let Some(min) = self.min_score
            && !(f64::from(low)..=f64::from(high)).contains(&min)
        {
            return Err(Error::usage(format!(
                "--min-score {min} is not a score of `{}`\n  hint: its scores run from {low} to {high}, as the reports show them",
                questionnaire.id
            )));
        }
        Ok(())
    }

    /// The level a domain must reach: the higher of `--min-level` and its target.
    pub fn required_level(&self, domain: &DomainScore) -> Option<u32> {
        match (self.min_level, domain.target) {
            (Some(min), Some(target)) => Some(min.max(target)),
            (min, target) => min.or(target),
        }
    }

    /// True when an applicable domain is below the level it must reach.
    pub fn domain_fails(&self, domain: &DomainScore) -> bool {
        domain.applicable
            && self
                .required_level(domain)
                .is_some_and(|required| domain.level < required)
    }

    /// The overall score as the reports show it, when `--min-score` asks for more.
    pub fn score_fails(&self, card: &Scorecard) -> bool {
        self.min_score.is_some_and(|min| round2(card.score) < min)
    }

    /// One line per failed gate, in domain order, the overall score last.
    pub fn failures(&self, card: &Scorecard) -> Vec<String> {
        let mut failures = Vec::new();
        for domain in card.domains.iter().filter(|d| d.applicable) {
            if let Some(min) = self.min_level.filter(|min| domain.level < *min) {
                failures.push(format!(
                    "domain `{}` is at level {}, below --min-level {min}",
                    domain.domain.id, domain.level
                ));
            }
            if let (true, Some(target)) = (domain.below_target(), domain.target) {
                failures.push(format!(
                    "domain `{}` is at level {}, below its target {target}",
                    domain.domain.id, domain.level
                ));
            }
        }
        if let Some(min) = self.min_score.filter(|_| self.score_fails(card)) {
            failures.push(format!(
                "the overall score {:.2} is below --min-score {min}",
                round2(card.score)
            ));
        }
        failures
    }
}
