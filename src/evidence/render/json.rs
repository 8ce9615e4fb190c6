//! The evidence review as JSON, for scripts; the report's `evidence` member is the same.

use std::io::{self, Write};

use serde::Serialize;

use crate::answers::format_date;
use crate::evidence::{Review, Source, Within};
use crate::render::Style;

#[derive(Serialize)]
pub(crate) struct Document<'a> {
    as_of: String,
    max_age_months: Option<u32>,
    /// `questionnaire` or `target`: who set the maximum age.
    max_age_set_by: Option<&'static str>,
    /// What no path may leave: `repository` or `folder`.
    within: &'static str,
    stale: usize,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    question: &'a str,
    domain: &'a str,
    #[serde(rename = "ref")]
    reference: &'a str,
    date: Option<String>,
    expires: Option<String>,
    owner: Option<&'a str>,
    /// Whether the reference is read as a path (see the README's rule).
    path: bool,
    /// Whole months, then every day, from `date` to `as_of`; null when undated or dated later.
    age_months: Option<u32>,
    age_days: Option<u32>,
    good_until: Option<String>,
    status: &'static str,
    detail: String,
}

pub(crate) fn document<'a>(review: &'a Review<'a>) -> Document<'a> {
    Document {
        as_of: format_date(review.as_of),
        max_age_months: review.policy.max_age_months,
        max_age_set_by: review.policy.source.map(|s| match s {
            Source::Questionnaire => "questionnaire",
            Source::Target => "target",
        }),
        within: match review.within {
            Within::Repository => "repository",
            Within::Folder => "folder",
        },
        stale: review.stale().count(),
        items: review
            .items
            .iter()
            .map(|item| ItemJson {
                question: &item.question.id,
                domain: &item.domain.id,
                reference: &item.evidence.reference,
                date: item.evidence.date.map(format_date),
                expires: item.evidence.expires.map(format_date),
                owner: item.evidence.owner.as_deref(),
                path: item.place.is_some(),
                age_months: item.age.map(|a| a.months),
                age_days: item.age.map(|a| a.total_days),
                good_until: item.good_until.map(format_date),
                status: item.status.id(),
                detail: item.detail(review),
            })
            .collect(),
    }
}

pub fn render(review: &Review, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write(&document(review), out)
}
