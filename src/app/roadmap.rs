//! `jsp roadmap`: the way from an assessment to its target, in phases.

use crate::cli::{RoadmapArgs, RoadmapFormat};
use crate::error::Error;
use crate::exit::Exit;
use crate::roadmap::Roadmap;
use crate::roadmap::render::{Plan, csv, json, markdown, table};

use super::{Context, output};

pub(super) fn run(context: &Context, args: RoadmapArgs) -> anyhow::Result<Exit> {
    let loaded = context.load(&args.answers)?;
    let target = context.target(args.target.as_deref(), loaded.questionnaire())?;
    // Scored continuous, a roadmap without a target aims every question at its full value.
    if target.is_none() && !loaded.questionnaire().is_continuous() {
        return Err(Error::usage(
            "`jsp roadmap` needs a target\n  hint: name one with --target FILE, or set `target` in jsp.toml",
        )
        .into());
    }
    super::assess(&loaded, target.as_ref(), |assessment| {
        let roadmap = Roadmap::plan(assessment.card, assessment.answers);
        let plan = Plan {
            assessment,
            roadmap: &roadmap,
        };
        let destination = output::Destination::new(args.output.as_deref());
        let style = &destination.style;
        // CSV quotes the files' text as it is; the other formats escape it themselves.
        output::emit_verbatim(
            destination,
            matches!(args.format, RoadmapFormat::Csv),
            |out| match args.format {
                RoadmapFormat::Table => table::render(&plan, style, out),
                RoadmapFormat::Markdown => markdown::render(&plan, style, out),
                RoadmapFormat::Json => json::render(&plan, style, out),
                RoadmapFormat::Csv => csv::render(&plan, style, out),
            },
        )?;
        Ok(Exit::Success)
    })
}
