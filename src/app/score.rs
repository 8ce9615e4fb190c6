//! `jsp score`: the maturity per domain, in one format or several, and the CI gates.

use crate::cli::{ScoreArgs, ScoreFormat};
use crate::exit::Exit;
use crate::gates::Gates;
use crate::questionnaire::Questionnaire;
use crate::report::{Score, json, junit, markdown, table};

use super::{Context, output};

pub(super) fn run(context: &Context, args: ScoreArgs) -> anyhow::Result<Exit> {
    output::check_distinct(args.output.as_deref(), &args.out)?;
    let as_of = super::evidence::as_of(args.as_of.as_deref())?;
    let loaded = context.load(&args.answers)?;
    let target = context.target(args.target.as_deref(), loaded.questionnaire())?;
    check_required(loaded.questionnaire(), &args.require)?;
    let gates = Gates {
        min_level: args.min_level,
        min_score: args.min_score,
    };
    gates.check(loaded.questionnaire())?;
    let review = args
        .fail_on_stale_evidence
        .then(|| super::evidence::review(&loaded, &args.answers, target.as_ref(), as_of));
    super::assess(&loaded, target.as_ref(), |assessment| {
        let score = Score {
            assessment,
            gates,
            required: &args.require,
            evidence: review.as_ref(),
        };
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
        let mut failures = gates.failures(assessment.card);
        failures.extend(
            assessment
                .requirement_sets()
                .iter()
                .filter(|set| args.require.contains(&set.set.id))
                .flat_map(crate::requirements::SetResult::gate_failures),
        );
        if let Some(review) = &review {
            failures.extend(review.failures());
        }
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

/// Every `--require SET` names a set of the questionnaire; else exit 2 with the known ones.
fn check_required(questionnaire: &Questionnaire, required: &[String]) -> anyhow::Result<()> {
    for name in required {
        if questionnaire.requirement_set(name).is_some() {
            continue;
        }
        let known: Vec<&str> = questionnaire
            .requirement_sets
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let mut message = format!(
            "--require {name}: `{}` declares no requirement set `{name}`",
            questionnaire.id
        );
        if let Some(near) = crate::text::nearest(name, known.iter().copied()) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        message.push_str(&if known.is_empty() {
            "\n  hint: this questionnaire has no requirement sets".to_string()
        } else {
            format!("\n  hint: its sets are {}", known.join(", "))
        });
        return Err(crate::error::Error::usage(message).into());
    }
    Ok(())
}
