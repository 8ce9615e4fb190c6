//! The outputs of `jsp aggregate`, one file per format, drawn from a [`Portfolio`] and its
//! questionnaire. Same files in, same bytes out.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use crate::portfolio::{Portfolio, Row, Tally};
use crate::questionnaire::Questionnaire;

/// What every portfolio output is drawn from.
pub struct View<'a> {
    pub questionnaire: &'a Questionnaire,
    pub portfolio: &'a Portfolio,
    /// How many of the most often unmet questions to list.
    pub top: usize,
}

impl<'a> View<'a> {
    /// One line per domain, then the overall figures: (title, id, tally).
    pub fn statistics(&self) -> impl Iterator<Item = (&'a str, &'a str, &'a Tally)> + 'a {
        let domains = self
            .questionnaire
            .domains
            .iter()
            .zip(&self.portfolio.domains)
            .map(|(d, tally)| (d.title.as_str(), d.id.as_str(), tally));
        domains.chain(std::iter::once((
            "Overall",
            "overall",
            &self.portfolio.overall,
        )))
    }

    /// One line per group, then one per stream (titled "domain: stream", id "domain/stream"):
    /// (title, id, tally); empty when the questionnaire has neither.
    pub fn group_statistics(&self) -> impl Iterator<Item = (String, String, &'a Tally)> + 'a {
        let q = self.questionnaire;
        let groups = q
            .groups
            .iter()
            .zip(&self.portfolio.groups)
            .map(|(g, tally)| (g.title.clone(), g.id.clone(), tally));
        let streams = q
            .domains
            .iter()
            .flat_map(|d| d.streams.iter().map(move |s| (d, s)))
            .zip(&self.portfolio.streams)
            .map(|((d, s), tally)| {
                (
                    format!("{}: {}", d.short_title(), s.title),
                    format!("{}/{}", d.id, s.id),
                    tally,
                )
            });
        groups.chain(streams)
    }

    /// The id of an assessment's weakest domain, or "" when none applies.
    pub fn weakest(&self, row: &Row<'_>) -> &'a str {
        row.weakest
            .and_then(|index| self.questionnaire.domains.get(index))
            .map_or("", |d| d.id.as_str())
    }

    /// A row's overall level with its name, e.g. "2 Managed"; "n/a" when no domain applies.
    pub fn level(&self, row: &Row<'_>) -> String {
        if row.applicable {
            format!("{} {}", row.level, self.questionnaire.level_name(row.level))
        } else {
            "n/a".to_string()
        }
    }

    /// "1/2/3/4/5": the levels that the spread columns count, lowest first.
    pub fn spread_header(&self) -> String {
        let levels: Vec<String> = self
            .questionnaire
            .levels
            .iter()
            .map(|l| l.level.to_string())
            .collect();
        levels.join("/")
    }

    /// The opening line: what was aggregated.
    pub fn headline(&self) -> String {
        let q = self.questionnaire;
        format!("{} ({} {}): {}", q.title, q.id, q.version, self.counts())
    }

    /// "N assessments", and how many files were skipped, if any.
    pub fn counts(&self) -> String {
        let skipped = match self.portfolio.skipped.len() {
            0 => String::new(),
            1 => ", 1 file skipped".to_string(),
            n => format!(", {n} files skipped"),
        };
        format!("{} assessments{skipped}", self.portfolio.assessments())
    }
}

/// Assessments per level, e.g. "3/10/5/0/0".
pub fn spread(tally: &Tally) -> String {
    let counts: Vec<String> = tally.spread().map(|(_, n)| n.to_string()).collect();
    counts.join("/")
}

/// A statistic with two decimals; empty when there is nothing to count.
pub fn decimal(value: Option<f64>) -> String {
    value.map(crate::text::decimal2).unwrap_or_default()
}

/// A level, or a median level that may fall between two (2.5); empty when there is none.
pub fn level(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

/// The cells of one statistics line after its title: N, level min, median, mean, max, score
/// min, median, mean, max, spread.
pub fn statistics_cells(tally: &Tally) -> [String; 10] {
    [
        tally.count().to_string(),
        level(tally.min_level().map(f64::from)),
        level(tally.median_level()),
        decimal(tally.mean_level()),
        level(tally.max_level().map(f64::from)),
        decimal(tally.min_score()),
        decimal(tally.median_score()),
        decimal(tally.mean_score()),
        decimal(tally.max_score()),
        spread(tally),
    ]
}

/// The headers of [`statistics_cells`], after the title's.
pub const STATISTICS_HEADERS: [&str; 9] = [
    "N",
    "Level min",
    "Level median",
    "Level mean",
    "Level max",
    "Score min",
    "Score median",
    "Score mean",
    "Score max",
];

#[cfg(test)]
mod tests {
    /// min, mean and max round as the median and `jsp score` do: 3.625 is 3.63 everywhere.
    #[test]
    fn statistics_round_by_the_one_rule() {
        assert_eq!(super::decimal(Some(3.625)), "3.63");
        assert_eq!(
            super::decimal(Some(3.625)),
            crate::text::decimal2(crate::scoring::round2(3.625))
        );
        assert_eq!(super::decimal(None), "");
    }
}
