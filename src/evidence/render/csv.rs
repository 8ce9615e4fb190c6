//! The evidence review as CSV: a row per item, for a spreadsheet of what to renew.

use std::io::{self, Write};

use crate::answers::format_date;
use crate::evidence::Review;
use crate::render::Style;
use crate::render::csv::{cell, io_error};

pub fn render(review: &Review, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record([
            "question",
            "domain",
            "ref",
            "date",
            "expires",
            "owner",
            "age_months",
            "age_days",
            "good_until",
            "status",
            "detail",
        ])
        .map_err(io_error)?;
    let date = |d: Option<time::Date>| d.map(format_date).unwrap_or_default();
    for item in &review.items {
        writer
            .write_record([
                cell(&item.question.id),
                cell(&item.domain.id),
                cell(&item.evidence.reference),
                date(item.evidence.date),
                date(item.evidence.expires),
                cell(item.evidence.owner.as_deref().unwrap_or_default()),
                item.age.map(|a| a.months.to_string()).unwrap_or_default(),
                item.age
                    .map(|a| a.total_days.to_string())
                    .unwrap_or_default(),
                date(item.good_until),
                item.status.id().to_string(),
                cell(&item.detail(review)),
            ])
            .map_err(io_error)?;
    }
    writer.flush()
}
