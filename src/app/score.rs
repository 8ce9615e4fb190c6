//! `jsp score`: the maturity per domain, in one format or several, and the CI gates.

use crate::cli::{ScoreArgs, ScoreFormat};
use crate::exit::Exit;
use crate::gates::Gates;
use crate::report::{Score, json, junit, markdown, table};

use super::{Context, output};

pub(super) fn run(context: &Context, args: ScoreArgs) -> anyhow::Result<Exit> {
    output::check_distinct(args.output.as_deref(), &args.out)?;
    let loaded = context.load(&args.answers)?;
    let target = context.target(args.target.as_deref(), loaded.questionnaire())?;
    let gates = Gates {
        min_level: args.min_level,
        min_score: args.min_score,
    };
    gates.check(loaded.questionnaire())?;
    super::assess(&loaded, target.as_ref(), |assessment| {
        let score = Score { assessment, gates };
        output::write_all(
            args.format,
            args.output.as_deref(),
            &args.out,
            |format, destination, out| {
                let style = &destination.style;
                match format {
                    ScoreFormat::Table => table::render(&score, style, out),
                    ScoreFormat::Json => json::score(&score, style, out),
                    ScoreFormat::Markdown => markdown::score(&score, style, out),
                    ScoreFormat::Junit => junit::render(&score, style, out),
                }
            },
        )?;
        let failures = gates.failures(assessment.card);
        for failure in &failures {
            super::note("gate failed", failure);
        }
        Ok(if failures.is_empty() {
            Exit::Success
        } else {
            Exit::GateFailed
        })
    })
}
