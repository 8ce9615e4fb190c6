//! The history as CSV: one row per version, a level and a score column per domain.

use std::io::{self, Write};

use super::{shown, source};
use crate::history::History;
use crate::render::Style;
use crate::render::csv::{cell, io_error};
use crate::scoring::round2;

pub fn render(history: &History, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec![
        "date".to_string(),
        "commit".to_string(),
        "answered_version".to_string(),
        "level".to_string(),
        "score".to_string(),
    ];
    for domain in &history.questionnaire.domains {
        header.push(format!("{}_level", domain.id));
        header.push(format!("{}_score", domain.id));
    }
    // Scored continuous: the level columns are left out, the overall and each domain's.
    let levels: Vec<usize> = std::iter::once(3)
        .chain((0..history.questionnaire.domains.len()).map(|d| 5 + 2 * d))
        .collect();
    writer
        .write_record(shown(history, header.iter().map(|h| cell(h)), &levels))
        .map_err(io_error)?;
    for point in &history.points {
        let mut row = vec![
            cell(&point.date),
            cell(&source(point)),
            cell(point.answered_version.as_deref().unwrap_or_default()),
            point.level.to_string(),
            format!("{:.2}", round2(point.score)),
        ];
        for (applicable, level, score) in &point.domains {
            if *applicable {
                row.push(level.to_string());
                row.push(format!("{:.2}", round2(*score)));
            } else {
                row.extend([String::new(), String::new()]);
            }
        }
        writer
            .write_record(shown(history, row, &levels))
            .map_err(io_error)?;
    }
    writer.flush()
}
