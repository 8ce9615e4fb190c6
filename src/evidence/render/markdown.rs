//! The evidence review as markdown, for an auditor or a pull request.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{age, dated, summary};
use crate::answers::format_date;
use crate::evidence::{Item, Review};
use crate::render::Style;
use crate::render::markdown::{escape, link};

pub fn render(review: &Review, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let subject = review.answers.name().unwrap_or(crate::assessment::UNNAMED);
    let mut text = format!(
        "# Evidence: {}\n\n{}.\n\n",
        escape(subject),
        escape(&summary(review))
    );
    if review.items.is_empty() {
        text.push_str("No answer gives evidence.\n");
    } else {
        table(&mut text, review, review.items.iter());
    }
    out.write_all(text.as_bytes())
}

/// A table of `items`: what `jsp evidence` prints, and the report's section of stale ones.
pub(crate) fn table<'a>(
    out: &mut String,
    review: &Review,
    items: impl Iterator<Item = &'a Item<'a>>,
) {
    out.push_str("| Question | Evidence | Owner | Dated | Expires | Age | Status | Why |\n|---|---|---|---|---|---|---|---|\n");
    for item in items {
        let _ = writeln!(
            out,
            "| **{}** | {} | {} | {} | {} | {} | {} | {} |",
            escape(&item.question.id),
            link(&item.evidence.reference),
            item.evidence
                .owner
                .as_deref()
                .map(escape)
                .unwrap_or_default(),
            dated(item),
            item.evidence.expires.map(format_date).unwrap_or_default(),
            age(item),
            item.status.id(),
            escape(&item.detail(review))
        );
    }
}
