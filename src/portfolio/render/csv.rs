//! A portfolio as CSV for spreadsheets: one row per assessment, with the level and score of
//! every domain, then of every group (`group:ID_level`) and stream (`DOMAIN/STREAM_level`),
//! empty where it does not apply. The statistics are in the other formats.

use std::io::{self, Write};

use super::View;
use crate::render::Style;
use crate::render::csv::{cell, io_error};
use crate::scoring::round2;

pub fn render(view: &View, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let q = view.questionnaire;
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "file",
        "organization",
        "subject",
        "date",
        "level",
        "score",
        "weakest_domain",
        "unanswered",
    ]
    .map(String::from)
    .to_vec();
    // Group ids are prefixed, since a group may share a domain's id; `/` is in no id.
    let columns = q
        .domains
        .iter()
        .map(|d| d.id.clone())
        .chain(q.groups.iter().map(|g| format!("group:{}", g.id)))
        .chain(
            q.domains
                .iter()
                .flat_map(|d| d.streams.iter().map(move |s| format!("{}/{}", d.id, s.id))),
        );
    let mut pairs = 0;
    for id in columns {
        header.push(format!("{id}_level"));
        header.push(format!("{id}_score"));
        pairs += 1;
    }
    // Scored continuous: the level columns are left out, the overall one and each pair's.
    let levels: Vec<usize> = std::iter::once(4)
        .chain((0..pairs).map(|d| 8 + 2 * d))
        .collect();
    writer
        .write_record(view.shown(header, &levels))
        .map_err(io_error)?;
    for row in view.portfolio.rows() {
        let mut record = vec![
            cell(row.file),
            cell(row.organization.unwrap_or_default()),
            cell(row.subject.unwrap_or_default()),
            cell(row.date.unwrap_or_default()),
            if row.applicable {
                row.level.to_string()
            } else {
                String::new()
            },
            format!("{:.2}", round2(row.score)),
            view.weakest(&row).to_string(),
            row.unanswered.to_string(),
        ];
        for cell in row.domains.iter().chain(&row.groups).chain(&row.streams) {
            match cell {
                Some((level, score)) => {
                    record.push(level.to_string());
                    record.push(format!("{:.2}", round2(*score)));
                }
                None => record.extend([String::new(), String::new()]),
            }
        }
        writer
            .write_record(view.shown(record, &levels))
            .map_err(io_error)?;
    }
    writer.flush()
}
