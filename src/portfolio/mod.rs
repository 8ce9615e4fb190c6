//! A portfolio: many assessments of one questionnaire, summed up as they are read (`jsp
//! aggregate`). Pure: [`Summary::new`] reduces one scored assessment to what a portfolio keeps,
//! [`Portfolio::add`] counts it in; the [`loader`] finds and reads the files, in parallel.
//!
//! Memory does not grow with the answers: per domain the portfolio keeps counts per level, a
//! histogram of scores at a resolution of 0.01 (the precision every report shows), an exact
//! fixed-point sum for the mean, and the minimum and maximum; per question three counters. The
//! one thing that grows with the number of files is a small [`Row`] per assessment.

pub mod loader;
pub mod render;

use std::ops::Range;
use std::path::Path;

use crate::answers::Answers;
use crate::questionnaire::{Question, Questionnaire};
use crate::scoring::{Scorecard, Status};

/// Fixed-point units per score point in sums: integer sums do not depend on the order in which
/// parallel readers deliver the assessments, so the mean is the same on every run.
const SCORE_UNITS: f64 = 1e9;

/// What a portfolio needs of one assessment, made where the file is read.
#[derive(Debug, Clone)]
pub struct Summary {
    pub file: String,
    pub organization: Option<String>,
    pub subject: Option<String>,
    pub date: Option<String>,
    /// False when every domain is not applicable.
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
    /// Index of the domain with the lowest level (then the lowest score), if any applies.
    pub weakest: Option<usize>,
    pub unanswered: usize,
    /// Per domain of the questionnaire: its level and score, `None` when not applicable.
    pub domains: Vec<Option<(u32, f64)>>,
    /// Per question of the questionnaire, in its order.
    pub marks: Vec<Mark>,
    /// Per requirement of the questionnaire's sets, in their order.
    pub verdicts: Vec<crate::requirements::Verdict>,
    /// Per group of the questionnaire, then per stream of its domains in their order: level
    /// and score, `None` when not applicable.
    pub groups: Vec<Option<(u32, f64)>>,
    pub streams: Vec<Option<(u32, f64)>>,
}

/// Where one question of one assessment stands, for the counts of unmet questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    NotApplicable,
    Met,
    /// Answered below `met_at`.
    Unmet,
    /// Not answered: unmet too.
    Unanswered,
}

/// One assessment in the list of a portfolio, as reports read it: no answers, only the figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub file: &'a str,
    pub organization: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub date: Option<&'a str>,
    pub applicable: bool,
    pub level: u32,
    pub score: f64,
    pub weakest: Option<usize>,
    pub unanswered: usize,
    /// Per domain: level and score (rounded to 0.01), `None` when not applicable.
    pub domains: Vec<Option<(u32, f64)>>,
    /// The same per group, then per stream, as in [`Summary`].
    pub groups: Vec<Option<(u32, f64)>>,
    pub streams: Vec<Option<(u32, f64)>>,
}

/// A row as the portfolio keeps it, a few hundred bytes: its text in the portfolio's one text
/// buffer, its domain, group and stream cells in one shared list, so that a row costs no
/// allocation of its own.
#[derive(Debug, Clone)]
struct Stored {
    file: Range<usize>,
    organization: Option<Range<usize>>,
    subject: Option<Range<usize>>,
    date: Option<Range<usize>>,
    applicable: bool,
    level: u32,
    score: f64,
    weakest: Option<usize>,
    unanswered: usize,
    /// Where its cells start in `Portfolio::cells`.
    cells: usize,
}

/// A domain that does not apply, among the packed cells.
const NOT_APPLICABLE_CELL: u32 = u32::MAX;

/// A domain's level and score in hundredths, in one number.
fn pack(level: u32, score: f64) -> u32 {
    let hundredths = (score.max(0.0) * 100.0).round().min(f64::from(u16::MAX)) as u32;
    (level.min(0x7FFF) << 16) | hundredths
}

fn unpack(cell: u32) -> Option<(u32, f64)> {
    (cell != NOT_APPLICABLE_CELL).then(|| (cell >> 16, f64::from(cell & 0xFFFF) / 100.0))
}

impl Summary {
    pub fn new(file: &Path, answers: Answers, card: &Scorecard) -> Summary {
        let domains: Vec<Option<(u32, f64)>> = card
            .domains
            .iter()
            .map(|d| d.applicable.then_some((d.level, d.score)))
            .collect();
        // The lowest level, then the lowest score; scored continuous, the lowest score alone.
        let staged = !card.questionnaire.is_continuous();
        let weakest = domains
            .iter()
            .enumerate()
            .filter_map(|(index, cell)| cell.map(|cell| (index, cell)))
            .min_by(|(_, a), (_, b)| {
                let levels = if staged {
                    a.0.cmp(&b.0)
                } else {
                    std::cmp::Ordering::Equal
                };
                levels.then(a.1.total_cmp(&b.1))
            })
            .map(|(index, _)| index);
        // Met as the next steps have it: at `met_at` when staged; at the question's full
        // value when continuous, which has no threshold (and a portfolio no target).
        let marks = card
            .questionnaire
            .questions()
            .map(|(_, q)| match card.status(&answers, q) {
                Status::NotApplicable => Mark::NotApplicable,
                Status::Unanswered => Mark::Unanswered,
                status if staged && status.is_met() => Mark::Met,
                status
                    if !staged
                        && status.value().is_some_and(|value| {
                            value + crate::scoring::EPSILON >= card.questionnaire.full_value(q)
                        }) =>
                {
                    Mark::Met
                }
                _ => Mark::Unmet,
            })
            .collect();
        let verdicts = crate::requirements::verdicts(card.questionnaire, &answers);
        let groups = card
            .groups
            .iter()
            .map(|g| g.applicable.then_some((g.level, g.score)))
            .collect();
        let streams = card
            .domains
            .iter()
            .flat_map(|d| &d.streams)
            .map(|s| s.applicable.then_some((s.level, s.score)))
            .collect();
        Summary {
            file: file.display().to_string(),
            organization: answers.organization,
            subject: answers.subject,
            date: answers.date,
            applicable: card.applicable,
            level: card.level,
            score: card.score,
            weakest,
            unanswered: card.unanswered,
            domains,
            marks,
            verdicts,
            groups,
            streams,
        }
    }
}

/// Levels and scores of one domain (or of the overall figures) across the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    base: u32,
    /// Assessments per level, from the base level up.
    levels: Vec<u64>,
    /// Assessments per score rounded to 0.01, from the base level up.
    scores: Vec<u64>,
    score_sum: u128,
    min_score: f64,
    max_score: f64,
}

impl Tally {
    fn new(questionnaire: &Questionnaire) -> Tally {
        let base = questionnaire.base_level();
        let span = questionnaire.top_level().saturating_sub(base) as usize;
        Tally {
            base,
            levels: vec![0; span + 1],
            scores: vec![0; span * 100 + 1],
            score_sum: 0,
            min_score: f64::INFINITY,
            max_score: f64::NEG_INFINITY,
        }
    }

    fn add(&mut self, level: u32, score: f64) {
        let last = self.levels.len().saturating_sub(1);
        let level_index = (level.saturating_sub(self.base) as usize).min(last);
        if let Some(count) = self.levels.get_mut(level_index) {
            *count += 1;
        }
        // The same rounding as `scoring::round2`, so that the median is one of the reported scores.
        let hundredths = (score * 100.0).round() as i64 - i64::from(self.base) * 100;
        let last = self.scores.len().saturating_sub(1);
        let bin = usize::try_from(hundredths.max(0))
            .unwrap_or_default()
            .min(last);
        if let Some(count) = self.scores.get_mut(bin) {
            *count += 1;
        }
        self.score_sum += (score.max(0.0) * SCORE_UNITS).round() as u128;
        self.min_score = self.min_score.min(score);
        self.max_score = self.max_score.max(score);
    }

    /// How many assessments are counted.
    pub fn count(&self) -> u64 {
        self.levels.iter().sum()
    }

    /// Assessments per level, lowest level first.
    pub fn spread(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        (self.base..).zip(self.levels.iter().copied())
    }

    pub fn min_level(&self) -> Option<u32> {
        self.spread().find(|(_, n)| *n > 0).map(|(level, _)| level)
    }

    pub fn max_level(&self) -> Option<u32> {
        self.spread()
            .filter(|(_, n)| *n > 0)
            .last()
            .map(|(level, _)| level)
    }

    /// The middle level; the mean of the two middle ones for an even count.
    pub fn median_level(&self) -> Option<f64> {
        median(&self.levels).map(|m| f64::from(self.base) + m)
    }

    pub fn mean_level(&self) -> Option<f64> {
        let sum: u64 = self.spread().map(|(level, n)| u64::from(level) * n).sum();
        self.mean(sum as f64)
    }

    pub fn min_score(&self) -> Option<f64> {
        (self.count() > 0).then_some(self.min_score)
    }

    pub fn max_score(&self) -> Option<f64> {
        (self.count() > 0).then_some(self.max_score)
    }

    /// The median of the scores rounded to 0.01, as reports show them: exact, from the histogram.
    pub fn median_score(&self) -> Option<f64> {
        median(&self.scores).map(|m| f64::from(self.base) + m / 100.0)
    }

    pub fn mean_score(&self) -> Option<f64> {
        self.mean(self.score_sum as f64 / SCORE_UNITS)
    }

    fn mean(&self, sum: f64) -> Option<f64> {
        let count = self.count();
        (count > 0).then(|| sum / count as f64)
    }
}

/// The median position in a histogram (bin indices), the mean of the two middle ones for an
/// even count; `None` when it is empty.
fn median(counts: &[u64]) -> Option<f64> {
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return None;
    }
    let nth = |rank: u64| {
        let mut seen = 0;
        counts
            .iter()
            .position(|n| {
                seen += n;
                seen > rank
            })
            .unwrap_or_default() as f64
    };
    Some((nth((total - 1) / 2) + nth(total / 2)) / 2.0)
}

/// How often one question is unmet across the portfolio.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuestionTally {
    /// Assessments in which the question applies (not answered `na`).
    pub applicable: u64,
    /// Of those, the ones in which it is not met, unanswered included.
    pub unmet: u64,
    pub unanswered: u64,
}

impl QuestionTally {
    /// Unmet as a share of the assessments in which the question applies.
    pub fn share(&self) -> f64 {
        if self.applicable == 0 {
            0.0
        } else {
            self.unmet as f64 / self.applicable as f64
        }
    }
}

/// A file left out with `--keep-going`, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub file: String,
    pub message: String,
}

/// The running totals of a portfolio of one questionnaire.
#[derive(Debug, Clone)]
pub struct Portfolio {
    pub overall: Tally,
    /// Per domain of the questionnaire, in its order.
    pub domains: Vec<Tally>,
    /// Per question of the questionnaire, in its order.
    pub questions: Vec<QuestionTally>,
    /// Per requirement of the questionnaire's sets, in their order.
    pub requirements: Vec<crate::requirements::VerdictCounts>,
    /// Per group of the questionnaire, and per stream of its domains, in their order.
    pub groups: Vec<Tally>,
    pub streams: Vec<Tally>,
    rows: Vec<Stored>,
    text: String,
    cells: Vec<u32>,
    pub skipped: Vec<Skipped>,
}

impl Portfolio {
    pub fn new(questionnaire: &Questionnaire) -> Portfolio {
        Portfolio {
            overall: Tally::new(questionnaire),
            domains: vec![Tally::new(questionnaire); questionnaire.domains.len()],
            questions: vec![QuestionTally::default(); questionnaire.question_count()],
            requirements: vec![
                crate::requirements::VerdictCounts::default();
                questionnaire
                    .requirement_sets
                    .iter()
                    .map(|s| s.requirements.len())
                    .sum()
            ],
            groups: vec![Tally::new(questionnaire); questionnaire.groups.len()],
            streams: vec![
                Tally::new(questionnaire);
                questionnaire.domains.iter().map(|d| d.streams.len()).sum()
            ],
            rows: Vec::new(),
            text: String::new(),
            cells: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Counts one assessment in; the order in which assessments come does not matter.
    pub fn add(&mut self, summary: Summary) {
        if summary.applicable {
            self.overall.add(summary.level, summary.score);
        }
        let tallies = self.domains.iter_mut().zip(&summary.domains);
        let groups = self.groups.iter_mut().zip(&summary.groups);
        let streams = self.streams.iter_mut().zip(&summary.streams);
        for (tally, cell) in tallies.chain(groups).chain(streams) {
            if let Some((level, score)) = cell {
                tally.add(*level, *score);
            }
        }
        for (tally, mark) in self.questions.iter_mut().zip(&summary.marks) {
            if *mark != Mark::NotApplicable {
                tally.applicable += 1;
            }
            if matches!(mark, Mark::Unmet | Mark::Unanswered) {
                tally.unmet += 1;
            }
            if *mark == Mark::Unanswered {
                tally.unanswered += 1;
            }
        }
        for (counts, verdict) in self.requirements.iter_mut().zip(&summary.verdicts) {
            counts.add(*verdict);
        }
        let cells = self.cells.len();
        let row_cells = summary
            .domains
            .iter()
            .chain(&summary.groups)
            .chain(&summary.streams);
        self.cells.extend(row_cells.map(|cell| match cell {
            Some((level, score)) => pack(*level, *score),
            None => NOT_APPLICABLE_CELL,
        }));
        let stored = Stored {
            file: self.keep(&summary.file),
            organization: summary.organization.as_deref().map(|t| self.keep(t)),
            subject: summary.subject.as_deref().map(|t| self.keep(t)),
            date: summary.date.as_deref().map(|t| self.keep(t)),
            applicable: summary.applicable,
            level: summary.level,
            score: summary.score,
            weakest: summary.weakest,
            unanswered: summary.unanswered,
            cells,
        };
        self.rows.push(stored);
    }

    fn keep(&mut self, text: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }

    /// How many assessments are counted.
    pub fn assessments(&self) -> usize {
        self.rows.len()
    }

    pub fn skip(&mut self, file: &Path, message: String) {
        self.skipped.push(Skipped {
            file: file.display().to_string(),
            message,
        });
    }

    /// Puts rows and skipped files in the order of their file names, whatever order they came in.
    pub fn sort(&mut self) {
        let text = &self.text;
        self.rows
            .sort_by(|a, b| text.get(a.file.clone()).cmp(&text.get(b.file.clone())));
        self.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    }

    /// The assessments counted: one row each, in file order once [`Portfolio::sort`]ed.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_>> + '_ {
        let (domains, groups, streams) =
            (self.domains.len(), self.groups.len(), self.streams.len());
        let text = |range: &Range<usize>| self.text.get(range.clone()).unwrap_or_default();
        let cells = |start: usize, len: usize| -> Vec<Option<(u32, f64)>> {
            self.cells
                .get(start..start + len)
                .unwrap_or_default()
                .iter()
                .map(|cell| unpack(*cell))
                .collect()
        };
        self.rows.iter().map(move |stored| Row {
            file: text(&stored.file),
            organization: stored.organization.as_ref().map(text),
            subject: stored.subject.as_ref().map(text),
            date: stored.date.as_ref().map(text),
            applicable: stored.applicable,
            level: stored.level,
            score: stored.score,
            weakest: stored.weakest,
            unanswered: stored.unanswered,
            domains: cells(stored.cells, domains),
            groups: cells(stored.cells + domains, groups),
            streams: cells(stored.cells + domains + groups, streams),
        })
    }

    /// The `n` questions unmet in the most assessments, most first, then in questionnaire order;
    /// questions never unmet are left out.
    pub fn most_unmet<'q>(
        &self,
        questionnaire: &'q Questionnaire,
        n: usize,
    ) -> Vec<(&'q Question, &'q str, QuestionTally)> {
        let mut unmet: Vec<_> = questionnaire
            .questions()
            .zip(&self.questions)
            .filter(|(_, tally)| tally.unmet > 0)
            .map(|((domain, question), tally)| (question, domain.id.as_str(), *tally))
            .collect();
        // A stable sort keeps questionnaire order among equal counts.
        unmet.sort_by_key(|(_, _, tally)| std::cmp::Reverse(tally.unmet));
        unmet.truncate(n);
        unmet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(entries: &[(u32, f64)]) -> Tally {
        let q = crate::catalog::Catalog::default()
            .find("jsp-manufacturer", &mut Vec::new())
            .unwrap()
            .questionnaire;
        let mut tally = Tally::new(&q);
        for (level, score) in entries {
            tally.add(*level, *score);
        }
        tally
    }

    #[test]
    fn statistics_of_an_odd_and_an_even_count() {
        let t = tally(&[(1, 1.5), (3, 3.25), (2, 2.004)]);
        assert_eq!((t.min_level(), t.max_level()), (Some(1), Some(3)));
        assert_eq!(t.median_level(), Some(2.0));
        assert_eq!(t.median_score(), Some(2.0));
        assert!((t.mean_score().unwrap() - (1.5 + 3.25 + 2.004) / 3.0).abs() < 1e-9);
        assert_eq!(t.min_score(), Some(1.5));
        let t = tally(&[(1, 1.5), (2, 2.0), (4, 4.5), (5, 5.0)]);
        assert_eq!(t.median_level(), Some(3.0));
        assert!((t.median_score().unwrap() - 3.25).abs() < 1e-9);
        assert_eq!(
            t.spread().collect::<Vec<_>>(),
            [(1, 1), (2, 1), (3, 0), (4, 1), (5, 1)]
        );
    }

    #[test]
    fn the_order_in_which_assessments_come_does_not_change_the_portfolio() {
        let q = crate::catalog::Catalog::default()
            .find("jsp-manufacturer", &mut Vec::new())
            .unwrap()
            .questionnaire;
        let summaries: Vec<Summary> = (0..20)
            .map(|i| {
                let answers = crate::generate::assessment(&q, 5, i);
                let card = crate::scoring::score(&q, &answers, None);
                Summary::new(Path::new(&format!("f{i:02}.yaml")), answers, &card)
            })
            .collect();
        let mut forward = Portfolio::new(&q);
        let mut backward = Portfolio::new(&q);
        for summary in summaries.iter().cloned() {
            forward.add(summary);
        }
        for summary in summaries.into_iter().rev() {
            backward.add(summary);
        }
        forward.sort();
        backward.sort();
        assert_eq!(forward.overall, backward.overall);
        assert_eq!(forward.domains, backward.domains);
        assert_eq!(forward.questions, backward.questions);
        assert!(forward.rows().eq(backward.rows()));
        let first = forward.rows().next().unwrap();
        assert_eq!(first.file, "f00.yaml");
        // Packed cells keep the level and the score to the hundredth.
        assert!(first.domains.iter().flatten().all(|(level, score)| {
            (1..=5).contains(level) && (score * 100.0 - (score * 100.0).round()).abs() < 1e-9
        }));
    }

    #[test]
    fn an_empty_tally_has_no_statistics() {
        let t = tally(&[]);
        assert_eq!(t.count(), 0);
        assert_eq!(
            (t.median_level(), t.mean_score(), t.min_score()),
            (None, None, None)
        );
    }
}
