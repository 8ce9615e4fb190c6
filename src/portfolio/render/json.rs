//! A portfolio as JSON: statistics per domain and overall, a row per assessment, the questions
//! most often unmet, and the files skipped.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::View;
use crate::portfolio::{Skipped, Tally};
use crate::questionnaire::Reference;
use crate::render::Style;
use crate::render::json::Standing;
use crate::scoring::round2;

#[derive(Serialize)]
struct Document<'a> {
    questionnaire: Reference<'a>,
    assessments: usize,
    skipped: Vec<SkippedFile<'a>>,
    overall: Statistics,
    domains: Vec<DomainStatistics<'a>>,
    /// Per group, then per stream (id `domain/stream`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    groups: Vec<GroupStatistics>,
    rows: Rows<'a>,
    most_unmet: Vec<Unmet<'a>>,
    /// Each requirement with how many assessments give each verdict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    requirement_sets: Vec<crate::requirements::render::json::PortfolioRequirementJson<'a>>,
}

#[derive(Serialize)]
struct GroupStatistics {
    id: String,
    title: String,
    #[serde(flatten)]
    statistics: Statistics,
}

#[derive(Serialize)]
struct SkippedFile<'a> {
    file: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct DomainStatistics<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    statistics: Statistics,
}

/// Empty figures are null: a domain that applies nowhere has no median.
#[derive(Serialize)]
struct Statistics {
    /// Assessments in which it applies.
    assessed: u64,
    /// Left out, with `spread`, when the questionnaire is scored `continuous`.
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Figures>,
    score: Figures,
    /// Assessments per level, keyed by level.
    #[serde(skip_serializing_if = "Option::is_none")]
    spread: Option<BTreeMap<u32, u64>>,
}

#[derive(Serialize)]
struct Figures {
    min: Option<f64>,
    median: Option<f64>,
    mean: Option<f64>,
    max: Option<f64>,
}

#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    organization: Option<&'a str>,
    subject: Option<&'a str>,
    date: Option<&'a str>,
    #[serde(flatten)]
    standing: Standing<'a>,
    weakest_domain: Option<&'a str>,
    unanswered: usize,
    /// Per applicable domain, keyed by id.
    domains: BTreeMap<&'a str, DomainCell>,
    /// Per applicable group, keyed by id; then per applicable stream, keyed `domain/stream`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    groups: BTreeMap<&'a str, DomainCell>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    streams: BTreeMap<String, DomainCell>,
}

#[derive(Serialize)]
struct DomainCell {
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u32>,
    score: f64,
}

#[derive(Serialize)]
struct Unmet<'a> {
    id: &'a str,
    domain: &'a str,
    level: u32,
    text: &'a str,
    /// Assessments in which it is not met, unanswered included.
    unmet: u64,
    unanswered: u64,
    /// Assessments in which it applies.
    applicable: u64,
    share: f64,
}

pub fn render(view: &View, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let q = view.questionnaire;
    let portfolio = view.portfolio;
    let document = Document {
        questionnaire: q.reference(),
        assessments: portfolio.rows().len(),
        skipped: portfolio.skipped.iter().map(skipped).collect(),
        overall: statistics(&portfolio.overall, view.staged()),
        domains: q
            .domains
            .iter()
            .zip(&portfolio.domains)
            .map(|(d, tally)| DomainStatistics {
                id: &d.id,
                title: &d.title,
                statistics: statistics(tally, view.staged()),
            })
            .collect(),
        groups: view
            .group_statistics()
            .map(|(title, id, tally)| GroupStatistics {
                id,
                title,
                statistics: statistics(tally, view.staged()),
            })
            .collect(),
        rows: Rows(view),
        most_unmet: portfolio
            .most_unmet(q, view.top)
            .into_iter()
            .map(|(question, domain, tally)| Unmet {
                id: &question.id,
                domain,
                level: question.level,
                text: &question.text,
                unmet: tally.unmet,
                unanswered: tally.unanswered,
                applicable: tally.applicable,
                share: round3(tally.share()),
            })
            .collect(),
        requirement_sets: crate::requirements::render::json::portfolio(q, &portfolio.requirements),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// The rows, each made as it is written: a portfolio of thousands is never held as JSON whole.
struct Rows<'a>(&'a View<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let q = self.0.questionnaire;
        let staged = self.0.staged();
        serializer.collect_seq(self.0.portfolio.rows().map(|row| {
            Row {
                file: row.file,
                organization: row.organization,
                subject: row.subject,
                date: row.date,
                standing: Standing::new(row.applicable, q.staged_level(row.level), row.score),
                weakest_domain: row
                    .weakest
                    .and_then(|i| q.domains.get(i))
                    .map(|d| d.id.as_str()),
                unanswered: row.unanswered,
                domains: keyed(
                    q.domains.iter().map(|d| d.id.as_str()),
                    &row.domains,
                    staged,
                ),
                groups: keyed(q.groups.iter().map(|g| g.id.as_str()), &row.groups, staged),
                streams: keyed(
                    q.domains
                        .iter()
                        .flat_map(|d| d.streams.iter().map(move |s| format!("{}/{}", d.id, s.id))),
                    &row.streams,
                    staged,
                ),
            }
        }))
    }
}

/// The applicable cells of a row, keyed by the ids given in the same order.
fn keyed<K: Ord>(
    ids: impl Iterator<Item = K>,
    cells: &[Option<(u32, f64)>],
    staged: bool,
) -> BTreeMap<K, DomainCell> {
    ids.zip(cells)
        .filter_map(|(id, cell)| {
            cell.map(|(level, score)| {
                (
                    id,
                    DomainCell {
                        level: staged.then_some(level),
                        score: round2(score),
                    },
                )
            })
        })
        .collect()
}

fn skipped(skipped: &Skipped) -> SkippedFile<'_> {
    SkippedFile {
        file: &skipped.file,
        error: &skipped.message,
    }
}

fn statistics(tally: &Tally, staged: bool) -> Statistics {
    Statistics {
        assessed: tally.count(),
        level: staged.then(|| Figures {
            min: tally.min_level().map(f64::from),
            median: tally.median_level(),
            mean: tally.mean_level().map(round2),
            max: tally.max_level().map(f64::from),
        }),
        score: Figures {
            min: tally.min_score().map(round2),
            // A median between two scores ends in a half hundredth: keep it.
            median: tally.median_score().map(round3),
            mean: tally.mean_score().map(round2),
            max: tally.max_score().map(round2),
        },
        spread: staged.then(|| tally.spread().collect()),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
