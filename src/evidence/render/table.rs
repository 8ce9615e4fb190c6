//! The evidence review in the terminal: a row per item.

use std::io::{self, Write};

use comfy_table::Cell;

use super::{age, dated, summary};
use crate::evidence::Review;
use crate::render::{Fit, Style};
use crate::text::printable;

pub fn render(review: &Review, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let subject = review.answers.name().unwrap_or(crate::assessment::UNNAMED);
    let heading = format!(
        "Evidence of {}: {}",
        printable(subject),
        printable(&summary(review))
    );
    let mut text = match style.width {
        Some(width) => crate::render::fill(&heading, usize::from(width), "", "  "),
        None => heading,
    };
    text.push('\n');
    if review.items.is_empty() {
        text.push_str("No answer gives evidence.\n");
        return out.write_all(text.as_bytes());
    }
    let mut table = crate::render::table(style);
    table.set_header(["Question", "Evidence", "Dated", "Age", "Status", "Why"]);
    for item in &review.items {
        table.add_row(vec![
            Cell::new(printable(&item.question.id)),
            Cell::new(printable(&item.evidence.reference)),
            Cell::new(dated(item)),
            Cell::new(age(item)),
            Cell::new(item.status.id()),
            Cell::new(printable(&item.detail(review))),
        ]);
    }
    crate::render::fit(
        &mut table,
        style,
        Fit {
            drop: &[5, 2],
            flexible: 1,
            one_line: false,
        },
    );
    text.push_str(&format!("{table}\n"));
    out.write_all(text.as_bytes())
}
