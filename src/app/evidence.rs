//! `jsp evidence`: every evidence item of an answers file with its age and status; and what
//! `score` and `report` need of the same review (the day, the locator, the gate).

use std::path::Path;

use crate::cli::{EvidenceArgs, EvidenceFormat};
use crate::error::Error;
use crate::evidence::place::Locator;
use crate::evidence::render::{csv, json, junit, markdown, table};
use crate::evidence::{Policy, Review};
use crate::exit::Exit;
use crate::target::Target;

use super::{Context, Loaded, output};

pub(super) fn run(context: &Context, args: &EvidenceArgs) -> anyhow::Result<Exit> {
    let as_of = as_of(args.as_of.as_deref())?;
    let loaded = context.load(&args.answers)?;
    let target = context.target(args.target.as_deref(), loaded.questionnaire())?;
    let review = review(&loaded, &args.answers, target.as_ref(), as_of);
    let destination = output::Destination::new(args.output.as_deref());
    let style = &destination.style;
    output::emit(destination, |out| match args.format {
        EvidenceFormat::Table => table::render(&review, style, out),
        EvidenceFormat::Markdown => markdown::render(&review, style, out),
        EvidenceFormat::Json => json::render(&review, style, out),
        EvidenceFormat::Csv => csv::render(&review, style, out),
        EvidenceFormat::Junit => junit::render(
            &junit::Gated {
                review: &review,
                gated: args.fail_on_stale_evidence,
            },
            style,
            out,
        ),
    })?;
    Ok(gate(&review, args.fail_on_stale_evidence))
}

/// `--as-of DATE`, else today on this machine's clock (its local day where known).
pub(super) fn as_of(given: Option<&str>) -> Result<time::Date, Error> {
    match given {
        Some(text) => crate::answers::parse_date(text).ok_or_else(|| {
            Error::usage(format!(
                "--as-of `{text}` is not a date\n  hint: write it as YYYY-MM-DD, e.g. --as-of 2026-12-01"
            ))
        }),
        None => Ok(time::OffsetDateTime::now_local()
            .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
            .date()),
    }
}

/// Every evidence item of `loaded` (read from `path`) reviewed on `as_of`, its paths checked
/// on disk and against git.
pub(super) fn review<'a>(
    loaded: &'a Loaded,
    path: &Path,
    target: Option<&Target>,
    as_of: time::Date,
) -> Review<'a> {
    let policy = Policy::of(loaded.questionnaire(), target);
    // Git is asked only when some reference is a path.
    let any_path = loaded
        .answers
        .answers
        .values()
        .flat_map(|a| &a.evidence)
        .any(|e| crate::evidence::place::is_path(&e.reference));
    let locator = Locator::new(path, |folder| {
        any_path.then(|| crate::git::work_tree(folder)).flatten()
    });
    Review::new(
        loaded.questionnaire(),
        &loaded.answers,
        policy,
        as_of,
        &locator,
    )
}

/// `--fail-on-stale-evidence`: exit 1, each stale item said on stderr.
pub(super) fn gate(review: &Review, on: bool) -> Exit {
    if !on {
        return Exit::Success;
    }
    let failures = review.failures();
    for failure in &failures {
        super::note("gate failed", failure);
    }
    if failures.is_empty() {
        Exit::Success
    } else {
        Exit::GateFailed
    }
}
