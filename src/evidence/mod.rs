//! Evidence that ages: each evidence item of an assessment with its age on a given day, and
//! what is wrong with it: expired, older than the maximum age, undated where an age matters, or
//! a path that is missing, untracked or outside the repository. The day comes in (the clock is
//! read by `app` alone), and [`place::Locator`] is what looks at the file system, by name only.

pub mod place;
pub mod render;

use time::{Date, Month};

use crate::answers::{Answers, Evidence};
use crate::error::{Problem, first_problems_with};
use crate::questionnaire::{Domain, Question, Questionnaire};
use crate::target::Target;

pub use place::{Place, Within};

/// An item whose last good day is this many days away or fewer "expires soon".
pub const SOON_DAYS: i64 = 30;

/// Who set the maximum age: the target wins over the questionnaire, since it is the
/// organization's own policy (stricter or looser than the questionnaire author's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Questionnaire,
    Target,
}

/// How old evidence may be, in months, and who said so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    pub max_age_months: Option<u32>,
    pub source: Option<Source>,
}

impl Policy {
    /// The target's `evidence_max_age_months` when it sets one, else the questionnaire's.
    pub fn of(questionnaire: &Questionnaire, target: Option<&Target>) -> Policy {
        match (
            target.and_then(|t| t.evidence_max_age_months),
            questionnaire.evidence_max_age_months,
        ) {
            (Some(months), _) => Policy {
                max_age_months: Some(months),
                source: Some(Source::Target),
            },
            (None, Some(months)) => Policy {
                max_age_months: Some(months),
                source: Some(Source::Questionnaire),
            },
            (None, None) => Policy::default(),
        }
    }

    /// "at most 12 months (the target)", or `None` without a maximum.
    pub fn words(&self) -> Option<String> {
        let months = self.max_age_months?;
        let by = match self.source {
            Some(Source::Target) => " (set by the target)",
            Some(Source::Questionnaire) => " (set by the questionnaire)",
            None => "",
        };
        Some(format!("at most {months} month{}{by}", plural(months)))
    }
}

/// How long ago an item was dated: whole calendar months, then the days left over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Age {
    pub months: u32,
    pub days: u32,
    /// Every day between the date and the day of the review.
    pub total_days: u32,
}

impl Age {
    /// `date` to `as_of`; `None` when `date` is later.
    pub fn between(date: Date, as_of: Date) -> Option<Age> {
        if date > as_of {
            return None;
        }
        // At most 12 months a year apart, so the search is short whatever the dates.
        let year_months = u32::try_from(as_of.year() - date.year()).unwrap_or(0) * 12;
        let mut months = year_months.saturating_sub(12);
        while add_months(date, months + 1).is_some_and(|d| d <= as_of) {
            months += 1;
        }
        let start = add_months(date, months).unwrap_or(date);
        let days = u32::try_from((as_of - start).whole_days()).unwrap_or(0);
        let total_days = u32::try_from((as_of - date).whole_days()).unwrap_or(0);
        Some(Age {
            months,
            days,
            total_days,
        })
    }

    /// "14 months", "1 month", "20 days": months once there is one.
    pub fn words(&self) -> String {
        if self.months == 0 {
            format!("{} day{}", self.days, plural(self.days))
        } else {
            format!("{} month{}", self.months, plural(self.months))
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `date` plus `months` calendar months; a day the later month lacks is its last day
/// (31 January + 1 month is 28 or 29 February). `None` past the calendar's end.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1;
    let index = index.checked_add(i64::from(months))?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// What an evidence item needs, the worst first; one per item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// A path that leaves the repository (or the answers file's folder outside git).
    Outside,
    /// A path to nothing.
    Missing,
    /// A file in a git work tree that git does not track: a clone would not have it.
    Untracked,
    /// Past its `expires` date.
    Expired,
    /// Older than the maximum age.
    TooOld,
    /// A maximum age applies, but the item has no `date` (nor `expires`).
    Undated,
    /// Good for [`SOON_DAYS`] days or fewer.
    ExpiresSoon,
    Ok,
}

impl Status {
    /// Every status, in the order above.
    pub const ALL: [Status; 8] = [
        Status::Outside,
        Status::Missing,
        Status::Untracked,
        Status::Expired,
        Status::TooOld,
        Status::Undated,
        Status::ExpiresSoon,
        Status::Ok,
    ];

    /// The status as tables and JSON name it.
    pub fn id(self) -> &'static str {
        match self {
            Status::Outside => "outside",
            Status::Missing => "missing",
            Status::Untracked => "untracked",
            Status::Expired => "expired",
            Status::TooOld => "too-old",
            Status::Undated => "undated",
            Status::ExpiresSoon => "expires-soon",
            Status::Ok => "ok",
        }
    }

    /// Whether the item must be renewed or fixed: what the report lists and what
    /// `--fail-on-stale-evidence` fails on. Expiring soon and undated are shown, not failed:
    /// the one is not yet due, the other has no date to hold against the maximum age.
    pub fn is_stale(self) -> bool {
        !matches!(self, Status::Ok | Status::ExpiresSoon | Status::Undated)
    }
}

/// What `jsp validate` makes of an item's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Error,
    Warning,
}

impl Status {
    /// The one rule of `jsp validate`: a path that is not there for whoever reads the
    /// repository (missing, untracked, outside it) is an error, since it is wrong whatever the
    /// day and an auditor cannot open it; an item past its expiry or older than the maximum age
    /// is a warning, since only the day made it so (the file was right when written, and
    /// `--fail-on-stale-evidence` is the gate for age). The rest are not problems.
    pub fn weight(self) -> Option<Weight> {
        match self {
            Status::Outside | Status::Missing | Status::Untracked => Some(Weight::Error),
            Status::Expired | Status::TooOld => Some(Weight::Warning),
            Status::Undated | Status::ExpiresSoon | Status::Ok => None,
        }
    }

    /// How to fix an item of this status.
    fn hint(self) -> &'static str {
        match self {
            Status::Outside => {
                "evidence is checked only inside the repository: add the file to it, or cite it by its id or address"
            }
            Status::Missing => {
                "correct the path (relative to the answers file's folder) or add the file; a document kept elsewhere is cited by its id or address"
            }
            Status::Untracked => {
                "`git add` it and commit, so that a clone of the repository has it"
            }
            Status::Expired
            | Status::TooOld
            | Status::Undated
            | Status::ExpiresSoon
            | Status::Ok => {
                "renew it, then update its `date` and `expires`; `jsp evidence` lists every item with its age"
            }
        }
    }
}

/// How far past an item's question (or the item before it) its line is looked for: an item
/// takes a few lines, and a reference the file writes otherwise (escaped, folded) is not
/// looked for to the end of the file, item after item.
const ITEM_LINES: usize = 64;

/// One evidence item, reviewed.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub domain: &'a Domain,
    pub question: &'a Question,
    pub evidence: &'a Evidence,
    /// Its age on the day of the review, when dated (and not dated later).
    pub age: Option<Age>,
    /// Its last good day: the earlier of `expires` and the date plus the maximum age.
    pub good_until: Option<Date>,
    /// What the file system says, when the reference is a path.
    pub place: Option<Place>,
    pub status: Status,
}

impl Item<'_> {
    /// "evidence `docs/sop-7.pdf` of `gov-2a` is missing: no such file": what the gate says of
    /// a stale item, on stderr and in JUnit.
    pub fn failure(&self, review: &Review) -> String {
        format!(
            "evidence `{}` of `{}` is {}: {}",
            visible(&self.evidence.reference),
            self.question.id,
            self.status.id(),
            self.detail(review)
        )
    }

    /// Why the status is what it is, in a few words.
    pub fn detail(&self, review: &Review) -> String {
        let date = |d: Option<Date>| d.map(crate::answers::format_date).unwrap_or_default();
        match self.status {
            Status::Outside => format!("the path leaves {}; not opened", review.within.words()),
            Status::Missing => "no such file".to_string(),
            Status::Untracked => "the file is not tracked by git".to_string(),
            Status::Expired => format!("past its expiry date {}", date(self.evidence.expires)),
            Status::TooOld => format!(
                "older than {} month{}; good until {}",
                review.policy.max_age_months.unwrap_or_default(),
                plural(review.policy.max_age_months.unwrap_or_default()),
                date(self.good_until)
            ),
            Status::Undated => "no date, and a maximum age applies".to_string(),
            Status::ExpiresSoon | Status::Ok => match self.good_until {
                Some(until) => format!("good until {}", crate::answers::format_date(until)),
                None => String::new(),
            },
        }
    }
}

/// A reference with its control characters written as escapes (`\n`, `\u{0}`): a line break
/// in a message would pass for another line, a NUL dropped for another file name.
pub(crate) fn visible(reference: &str) -> String {
    let mut text = String::with_capacity(reference.len());
    for c in reference.chars() {
        if c.is_control() {
            text.extend(c.escape_default());
        } else {
            text.push(c);
        }
    }
    text
}

/// Every evidence item of an assessment, reviewed on one day, in questionnaire order.
#[derive(Debug, Clone)]
pub struct Review<'a> {
    pub answers: &'a Answers,
    pub as_of: Date,
    pub policy: Policy,
    /// What a path may not leave.
    pub within: Within,
    pub items: Vec<Item<'a>>,
}

impl<'a> Review<'a> {
    /// Reviews every evidence item of `answers` on `as_of`; `locator` says where a reference
    /// that is a path leads.
    pub fn new(
        questionnaire: &'a Questionnaire,
        answers: &'a Answers,
        policy: Policy,
        as_of: Date,
        locator: &place::Locator,
    ) -> Review<'a> {
        let mut items = Vec::new();
        for (domain, question) in questionnaire.questions() {
            let Some(answer) = answers.answers.get(&question.id) else {
                continue;
            };
            for evidence in &answer.evidence {
                let place = locator.locate(&evidence.reference);
                let (status, good_until) = judge(evidence, place, policy, as_of);
                items.push(Item {
                    domain,
                    question,
                    evidence,
                    age: evidence.date.and_then(|d| Age::between(d, as_of)),
                    good_until,
                    place,
                    status,
                });
            }
        }
        Review {
            answers,
            as_of,
            policy,
            within: locator.within(),
            items,
        }
    }

    /// The items to renew or fix.
    pub fn stale(&self) -> impl Iterator<Item = &Item<'a>> {
        self.items.iter().filter(|i| i.status.is_stale())
    }

    /// The items of one question, in the file's order.
    pub fn of<'r>(&'r self, question: &'r Question) -> impl Iterator<Item = &'r Item<'a>> + 'r {
        self.items
            .iter()
            .filter(move |i| std::ptr::eq(i.question, question))
    }

    /// How many items have each status, the worst first; statuses without one left out.
    pub fn counts(&self) -> Vec<(Status, usize)> {
        Status::ALL
            .iter()
            .map(|s| (*s, self.items.iter().filter(|i| i.status == *s).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// One line per stale item, for the gate.
    pub fn failures(&self) -> Vec<String> {
        self.stale().map(|item| item.failure(self)).collect()
    }
}

impl Review<'_> {
    /// What `jsp validate` reports: (errors, warnings) by [`Status::weight`], each at its line
    /// of `source` (the answers file's text) with how to fix it; at most
    /// [`crate::error::MAX_PROBLEMS`] of each, the rest counted.
    pub fn problems(&self, source: &str) -> (Vec<Problem>, Vec<Problem>) {
        if !self.items.iter().any(|item| item.status.weight().is_some()) {
            return (Vec::new(), Vec::new());
        }
        let lines = self.lines(source);
        let weighed = |weight| {
            self.items
                .iter()
                .zip(&lines)
                .filter(|(item, _)| item.status.weight() == Some(weight))
                .collect::<Vec<_>>()
        };
        let describe = |(item, line): (&Item, &Option<usize>)| {
            Problem::new(item.failure(self))
                .at(*line)
                .hint(item.status.hint())
        };
        (
            first_problems_with(weighed(Weight::Error), describe),
            first_problems_with(weighed(Weight::Warning), describe),
        )
    }

    /// The line of each item in `source`: the first line from its question's key (or from the
    /// item before it: a flow list holds several on one line) that holds its reference, else
    /// the line found for the item before it (or its question's). One pass per question,
    /// whatever the number of items.
    fn lines(&self, source: &str) -> Vec<Option<usize>> {
        let text: Vec<&str> = source.lines().collect();
        let mut lines = Vec::with_capacity(self.items.len());
        let mut current: Option<(&Question, Option<usize>)> = None;
        for item in &self.items {
            let cursor = match current {
                Some((question, cursor)) if std::ptr::eq(question, item.question) => cursor,
                _ => crate::text::line_of_key(source, &item.question.id),
            };
            let reference = item.evidence.reference.trim();
            let found = cursor.and_then(|line| {
                text.iter()
                    .enumerate()
                    .skip(line.saturating_sub(1))
                    .take(ITEM_LINES)
                    .find(|(_, text)| holds(text, reference))
                    .map(|(index, _)| index + 1)
            });
            lines.push(found.or(cursor));
            current = Some((item.question, found.or(cursor)));
        }
        lines
    }
}

/// Whether `line` holds `reference` as a whole YAML value (a list item, a `ref:`, quoted or in
/// a flow list), so that `/etc/passwd` is not found in `../etc/passwd`.
fn holds(line: &str, reference: &str) -> bool {
    if reference.is_empty() {
        return false;
    }
    line.match_indices(reference).any(|(at, _)| {
        let before = line.get(..at).and_then(|b| b.chars().next_back());
        let after = line
            .get(at + reference.len()..)
            .and_then(|a| a.chars().next());
        before.is_none_or(|c| matches!(c, ' ' | '-' | '[' | ',' | '"' | '\'' | ':' | '{'))
            && after.is_none_or(|c| matches!(c, ' ' | ',' | ']' | '}' | '"' | '\'' | '#'))
    })
}

/// The status of one item, and its last good day: where the file is first, then its dates.
pub fn judge(
    evidence: &Evidence,
    place: Option<Place>,
    policy: Policy,
    as_of: Date,
) -> (Status, Option<Date>) {
    let aged = match (evidence.date, policy.max_age_months) {
        (Some(date), Some(months)) => add_months(date, months),
        _ => None,
    };
    let good_until = match (evidence.expires, aged) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let status = match place {
        Some(Place::Outside) => Status::Outside,
        Some(Place::Missing) => Status::Missing,
        Some(Place::Untracked) => Status::Untracked,
        Some(Place::Found) | None => {
            if evidence.expires.is_some_and(|e| as_of > e) {
                Status::Expired
            } else if aged.is_some_and(|a| as_of > a) {
                Status::TooOld
            } else if policy.max_age_months.is_some()
                && evidence.date.is_none()
                && evidence.expires.is_none()
            {
                Status::Undated
            } else if good_until.is_some_and(|g| (g - as_of).whole_days() <= SOON_DAYS) {
                Status::ExpiresSoon
            } else {
                Status::Ok
            }
        }
    };
    (status, good_until)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::parse_date;

    fn day(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn a_month_later_is_the_same_day_or_the_last_of_a_shorter_month() {
        assert_eq!(add_months(day("2026-01-31"), 1), Some(day("2026-02-28")));
        assert_eq!(add_months(day("2028-01-31"), 1), Some(day("2028-02-29")));
        assert_eq!(add_months(day("2026-03-31"), 1), Some(day("2026-04-30")));
        assert_eq!(add_months(day("2026-12-15"), 1), Some(day("2027-01-15")));
        assert_eq!(add_months(day("2024-02-29"), 12), Some(day("2025-02-28")));
        assert_eq!(add_months(day("2026-05-01"), 0), Some(day("2026-05-01")));
    }

    #[test]
    fn age_counts_whole_months_then_days() {
        let age = |a, b| Age::between(day(a), day(b)).unwrap();
        assert_eq!(age("2026-01-31", "2026-02-28").months, 1);
        assert_eq!(age("2026-01-31", "2026-02-27").months, 0);
        assert_eq!(age("2026-01-31", "2026-02-27").days, 27);
        let a = age("2025-06-01", "2026-08-03");
        assert_eq!((a.months, a.days), (14, 2));
        assert_eq!(a.words(), "14 months");
        assert_eq!(age("2026-06-01", "2026-06-02").words(), "1 day");
        assert_eq!(Age::between(day("2026-06-02"), day("2026-06-01")), None);
    }

    proptest::proptest! {
        /// `months` after any day is exactly `months` old that day, and a day later still is;
        /// the age never falls as the day of the review moves on.
        #[test]
        fn a_date_plus_months_is_that_many_months_old(
            julian in 2_400_000i32..2_500_000,
            months in 0u32..400,
            later in 0i64..40,
        ) {
            let date = Date::from_julian_day(julian).unwrap();
            let due = add_months(date, months).unwrap();
            let age = Age::between(date, due).unwrap();
            proptest::prop_assert_eq!((age.months, age.days), (months, 0));
            proptest::prop_assert!(due.day() <= date.day());
            let after = due + time::Duration::days(later);
            let older = Age::between(date, after).unwrap();
            proptest::prop_assert!(older >= age);
        }
    }

    #[test]
    fn a_reference_is_found_as_a_whole_value() {
        assert!(holds("      - /etc/passwd", "/etc/passwd"));
        assert!(!holds("      - ../../etc/passwd", "/etc/passwd"));
        assert!(holds("  q: {evidence: [\"a.pdf\", b.pdf]}", "b.pdf"));
        assert!(holds("      - ref: SOP-7 rev C # signed", "SOP-7 rev C"));
        assert!(!holds("      - docs/a.pdf.bak", "docs/a.pdf"));
        assert!(!holds("anything", ""));
    }

    #[test]
    fn the_last_good_day_is_still_good() {
        let policy = Policy {
            max_age_months: Some(1),
            source: Some(Source::Questionnaire),
        };
        let mut item = Evidence::plain("SOP-7");
        item.date = Some(day("2026-01-31"));
        let judged = |item: &Evidence, as_of| judge(item, None, policy, day(as_of)).0;
        assert_eq!(judged(&item, "2026-02-28"), Status::ExpiresSoon);
        assert_eq!(judged(&item, "2026-03-01"), Status::TooOld);
        item.expires = Some(day("2026-02-10"));
        assert_eq!(judged(&item, "2026-02-10"), Status::ExpiresSoon);
        assert_eq!(judged(&item, "2026-02-11"), Status::Expired);
        let undated = Evidence::plain("SOP-7");
        assert_eq!(
            judge(&undated, None, policy, day("2026-01-01")).0,
            Status::Undated
        );
        assert_eq!(
            judge(&undated, None, Policy::default(), day("2026-01-01")).0,
            Status::Ok
        );
        assert_eq!(
            judge(&undated, Some(Place::Missing), policy, day("2026-01-01")).0,
            Status::Missing
        );
    }
}
