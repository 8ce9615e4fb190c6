//! GitHub-flavoured markdown: the summary (`jsp score --format markdown`) and the whole
//! assessment (`jsp report`). Every piece of user text goes through [`escape`].

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Report, SECTIONS, Score, Section};
use crate::assessment::Assessment;
use crate::assessment::render::markdown::header;
use crate::questionnaire::{NaLevels, Question};
use crate::render::markdown::{escape, link};
use crate::render::{Style, bar, percent};
use crate::scoring::{DomainScore, Status, round2};

/// The summary that `jsp score --format markdown` prints: title, metadata, the domain table.
pub fn score(score: &Score, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::new();
    header(&mut text, score.assessment);
    heading(&mut text, Section::Summary);
    overall(&mut text, score.assessment);
    scorecard(&mut text, score.assessment);
    crate::requirements::render::markdown::section(&mut text, &score.assessment.requirement_sets());
    out.write_all(text.as_bytes())
}

/// The whole assessment, section by section, after a table of contents; the charts open the
/// scorecard.
pub fn report(report: &Report, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let assessment = report.assessment;
    let mut text = String::new();
    header(&mut text, assessment);
    contents(&mut text, report);
    for section in SECTIONS {
        match section {
            Section::Summary => summary(&mut text, report),
            Section::NextSteps => {
                heading(&mut text, section);
                match report.roadmap {
                    Some(roadmap) => {
                        let _ = writeln!(
                            text,
                            "The way to the target in phases, a level at a time, legal duties first in each phase.\n\n**{}**\n",
                            crate::roadmap::render::overall_line(assessment)
                        );
                        crate::roadmap::render::markdown::phases(&mut text, assessment, roadmap);
                    }
                    None => next_steps(&mut text, assessment),
                }
            }
            Section::Scorecard => {
                heading(&mut text, section);
                for (description, target) in report.charts {
                    let _ = writeln!(text, "![{}]({target})\n", escape(description));
                }
                scorecard(&mut text, assessment);
            }
            Section::Findings => crate::requirements::render::markdown::findings(
                &mut text,
                &assessment.requirement_sets(),
            ),
            Section::Domains => domains(&mut text, assessment),
            Section::RequirementSets => crate::requirements::render::markdown::section(
                &mut text,
                &assessment.requirement_sets(),
            ),
            Section::Unanswered => unanswered(&mut text, assessment),
            Section::Crosswalk => {
                if let Some(standards) = report.crosswalk {
                    crate::crosswalk::render::markdown::section(&mut text, standards);
                }
            }
        }
    }
    out.write_all(text.as_bytes())
}

fn heading(out: &mut String, section: Section) {
    let _ = writeln!(out, "## {}\n", section.title());
}

/// The sections as links to their headings, which GitHub and GitLab give these anchors.
fn contents(out: &mut String, report: &Report) {
    let _ = writeln!(out, "**Contents:**\n");
    for section in SECTIONS.into_iter().filter(|s| report.has(*s)) {
        let _ = writeln!(out, "- [{}](#{})", section.title(), section.anchor());
    }
    out.push('\n');
}

/// The overall level and score, and how far to the target.
fn overall(out: &mut String, assessment: &Assessment) {
    let card = assessment.card;
    let continuous = card.questionnaire.is_continuous();
    if card.applicable && continuous {
        let _ = writeln!(
            out,
            "**Overall: score {:.2} of {}.** Scored continuously, without a staged level: the score is the weighted mean of the domain scores, each the base level plus, for every level, the weighted average of its answer values.\n",
            round2(card.score),
            card.questionnaire.top_level()
        );
    } else if card.applicable {
        let _ = writeln!(
            out,
            "**Overall: level {} ({}), score {:.2} of {}.** The level is that of the weakest domain; the score is the weighted mean of the domain scores, which add partial credit above each domain's level.\n",
            card.level,
            escape(assessment.level_name(card.level)),
            round2(card.score),
            card.questionnaire.top_level()
        );
    } else {
        let _ = writeln!(out, "**Overall: no domain is applicable.**\n");
    }
    if card.questionnaire.na_levels == NaLevels::NotCounted {
        let _ = writeln!(
            out,
            "A level whose questions are all not applicable is not counted: it adds nothing to the score and neither reaches nor blocks a level.\n"
        );
    }
    if let Some(to_target) = card.percent_to_target().filter(|_| continuous) {
        let _ = writeln!(
            out,
            "**{} of the way to the target** (the answer values reached, each counted up to its target value, over the target values, level by level; going beyond a target earns nothing).\n",
            percent(to_target)
        );
    } else if let Some(to_target) = card.percent_to_target() {
        let _ = writeln!(
            out,
            "**{} of the way to the target** (1 - the sum of the gaps / the sum of the targets; going beyond a target earns nothing).\n",
            percent(to_target)
        );
    }
}

/// The executive summary: the verdict and the few things to act on first.
fn summary(out: &mut String, report: &Report) {
    let assessment = report.assessment;
    heading(out, Section::Summary);
    overall(out, assessment);
    if assessment.has_target() {
        let below: Vec<&DomainScore> = assessment
            .card
            .domains
            .iter()
            .filter(|d| d.below_target())
            .collect();
        if below.is_empty() {
            let _ = writeln!(out, "**Every domain meets its target.**\n");
        } else {
            let _ = writeln!(
                out,
                "**{} of {} domains below target:**\n",
                below.len(),
                assessment.card.domains.len()
            );
            for scored in below.iter().filter(|d| d.continuous.is_some()) {
                let _ = writeln!(
                    out,
                    "- {}: score {:.2}, target {}, **{} below**",
                    escape(&scored.domain.title),
                    round2(scored.score),
                    scored.target_text().unwrap_or_default(),
                    scored.gap_text().unwrap_or_default()
                );
            }
            for scored in below.iter().filter(|d| d.continuous.is_none()) {
                let _ = writeln!(
                    out,
                    "- {}: level {}, target {}, **{} below**",
                    escape(&scored.domain.title),
                    scored.level,
                    scored.target.unwrap_or_default(),
                    scored.gap().unwrap_or_default()
                );
            }
            out.push('\n');
        }
    }
    let legal: Vec<_> = assessment.regulatory_unmet().collect();
    if legal.is_empty() {
        if super::restates_legal_duties(assessment) {
            let _ = writeln!(
                out,
                "**Every legal duty the questionnaire restates is met.**\n"
            );
        }
    } else {
        let _ = writeln!(out, "**Legal duties not yet met ({}):**\n", legal.len());
        for (domain, question) in legal {
            let _ = writeln!(
                out,
                "- {} ({}, level {}; now: {})",
                question_cell(question),
                escape(&domain.title),
                question.level,
                escape(assessment.answer_label(question))
            );
        }
        out.push('\n');
    }
    let first = report.first_steps();
    if !first.is_empty() {
        let _ = writeln!(
            out,
            "**First steps** (after the legal duties; highest priority first; all of them in [{}](#{})):\n",
            Section::NextSteps.title(),
            Section::NextSteps.anchor()
        );
        for (number, (domain, question)) in first.into_iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. {} ({}; now: {})",
                number + 1,
                question_cell(question),
                escape(&domain.title),
                escape(assessment.answer_label(question))
            );
        }
        out.push('\n');
    }
}

/// The domain table: level against target, the score, and the next level's questions met.
fn scorecard(out: &mut String, assessment: &Assessment) {
    let card = assessment.card;
    let benchmark = assessment.has_benchmark();
    let target = assessment.has_target();
    if card.questionnaire.is_continuous() {
        return continuous_scorecard(out, assessment);
    }
    let mut head = String::from("| Domain | Level |");
    let mut rule = String::from("|---|---|");
    if target {
        head.push_str(" Target | Gap | To target |");
        rule.push_str("---:|---:|---:|");
    }
    head.push_str(" Score | Next level: questions met |");
    rule.push_str("---:|---|");
    if benchmark {
        head.push_str(" Benchmark (another survey) |");
        rule.push_str("---:|");
    }
    let _ = writeln!(out, "{head}\n{rule}");
    for scored in &card.domains {
        let d = scored.domain;
        let mut row = format!("| {} |", escape(&d.title));
        if !scored.applicable {
            row.push_str(" not applicable |");
            if target {
                row.push_str(" | | |");
            }
            row.push_str(" | |");
        } else {
            let _ = write!(
                row,
                " {} {} |",
                scored.level,
                escape(assessment.level_name(scored.level))
            );
            if target {
                match (scored.target, scored.gap()) {
                    (Some(t), Some(0)) => {
                        let _ = write!(row, " {t} | met |");
                    }
                    (Some(t), Some(g)) => {
                        let _ = write!(row, " {t} | **{g} below** |");
                    }
                    _ => row.push_str(" | |"),
                }
                let to_target = scored.percent_to_target().map(percent);
                let _ = write!(row, " {} |", to_target.unwrap_or_default());
            }
            let _ = write!(
                row,
                " {:.2} | {} |",
                round2(scored.score),
                next_level_cell(scored)
            );
        }
        if benchmark {
            match &d.benchmark {
                Some(b) => {
                    let _ = write!(row, " {:.2} |", b.score);
                }
                None => row.push_str(" |"),
            }
        }
        let _ = writeln!(out, "{row}");
    }
    if benchmark {
        let _ = writeln!(
            out,
            "\nBenchmarks ({}) are another survey's averages, not levels of this questionnaire: they compare with neither the level nor the score.",
            escape(&assessment.benchmark_sources().join("; "))
        );
    }
    out.push('\n');
    levels(out, assessment);
}

/// The domain table of a questionnaire scored `continuous`: the score against the target, no
/// level; then what each level means, when the questionnaire says.
fn continuous_scorecard(out: &mut String, assessment: &Assessment) {
    let target = assessment.has_target();
    let mut head = String::from("| Domain | Score |");
    let mut rule = String::from("|---|---:|");
    if target {
        head.push_str(" Target | Gap | To target |");
        rule.push_str("---:|---:|---:|");
    }
    let _ = writeln!(out, "{head}\n{rule}");
    for scored in &assessment.card.domains {
        let mut row = format!("| {} |", escape(&scored.domain.title));
        if !scored.applicable {
            row.push_str(" not applicable |");
            if target {
                row.push_str(" | | |");
            }
        } else {
            let _ = write!(row, " {:.2} |", round2(scored.score));
            if target {
                let gap = match scored.gap_text() {
                    Some(gap) if scored.below_target() => format!("**{gap} below**"),
                    gap => gap.unwrap_or_default(),
                };
                let _ = write!(
                    row,
                    " {} | {gap} | {} |",
                    scored.target_text().unwrap_or_default(),
                    scored.percent_to_target().map(percent).unwrap_or_default()
                );
            }
        }
        let _ = writeln!(out, "{row}");
    }
    out.push('\n');
    levels(out, assessment);
}

/// What each level means, when the questionnaire describes its levels.
fn levels(out: &mut String, assessment: &Assessment) {
    let levels = &assessment.card.questionnaire.levels;
    if levels.iter().all(|l| l.description.is_none()) {
        return;
    }
    let _ = writeln!(out, "| Level | Name | Description |\n|---:|---|---|");
    for level in levels {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            level.level,
            escape(&level.name),
            escape(level.description.as_deref().unwrap_or_default().trim())
        );
    }
    out.push('\n');
}

/// "4 of 7 of level 3 `███████░░░`": the words first, then a bar filled to the same share.
fn next_level_cell(scored: &DomainScore) -> String {
    match scored.next_level() {
        Some(next) => {
            let share = next.share_met();
            format!(
                "{} of {} of level {} `{}`",
                next.met,
                next.questions,
                next.level,
                bar(share, 10)
            )
        }
        None => "top level reached".to_string(),
    }
}

fn domains(out: &mut String, assessment: &Assessment) {
    heading(out, Section::Domains);
    for scored in &assessment.card.domains {
        let d = scored.domain;
        let _ = write!(out, "### {}\n\n", escape(&d.title));
        if scored.applicable && assessment.card.questionnaire.is_continuous() {
            let _ = writeln!(
                out,
                "Score {:.2}; {} of {} applicable questions answered.\n",
                round2(scored.score),
                scored.answered,
                scored.questions
            );
        } else if scored.applicable {
            let _ = writeln!(
                out,
                "Level {} ({}), score {:.2}; {} of {} applicable questions answered.\n",
                scored.level,
                escape(assessment.level_name(scored.level)),
                round2(scored.score),
                scored.answered,
                scored.questions
            );
        } else {
            let _ = writeln!(out, "Not applicable: every question is marked N/A.\n");
        }
        if let Some(description) = &d.description {
            let _ = writeln!(out, "{}\n", escape(description));
        }
        let _ = writeln!(
            out,
            "| Question | Level | Answer | Note | Evidence |\n|---|---:|---|---|---|"
        );
        for question in &d.questions {
            let given = assessment.answers.answers.get(&question.id);
            let continuous = assessment.card.questionnaire.is_continuous();
            let mark = match assessment.status(question) {
                _ if continuous => "",
                Status::Answered { met: true, .. } => "✓ ",
                Status::Answered { met: false, .. } => "✗ ",
                _ => "",
            };
            // Scored continuous there is no threshold to meet: the value counts.
            let value = match assessment.status(question) {
                Status::Answered { value, .. } if continuous => {
                    format!(" ({})", crate::text::number(value))
                }
                _ => String::new(),
            };
            let note = given
                .and_then(|a| a.note.as_deref())
                .map(escape)
                .unwrap_or_default();
            let evidence = given
                .map(|a| {
                    a.evidence
                        .iter()
                        .map(|e| link(&e.reference))
                        .collect::<Vec<_>>()
                        .join("<br>")
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {}{} | {} | {mark}{}{value} | {note} | {evidence} |",
                question_cell(question),
                question
                    .criteria
                    .iter()
                    .map(|c| format!("<br>☐ {}", escape(c.trim())))
                    .collect::<String>(),
                question.level,
                escape(assessment.answer_label(question)),
            );
        }
        out.push('\n');
    }
}

/// Without a target: for each domain, the questions open at its next level.
fn next_steps(out: &mut String, assessment: &Assessment) {
    let _ = writeln!(
        out,
        "For each domain, the questions not yet met at its next level, legal duties first.\n"
    );
    let mut any = false;
    for (scored, next, steps) in assessment.next_steps_by_domain() {
        any = true;
        // Scored continuous there is no level to reach, only questions to answer better.
        let to = if assessment.card.questionnaire.is_continuous() {
            "the questions of level"
        } else {
            "to level"
        };
        let _ = write!(
            out,
            "### {}: {to} {} ({})\n\n",
            escape(&scored.domain.title),
            next,
            escape(assessment.level_name(next))
        );
        for question in steps {
            let _ = writeln!(
                out,
                "- {} (now: {})",
                question_cell(question),
                escape(assessment.answer_label(question))
            );
        }
        out.push('\n');
    }
    if !any {
        let _ = writeln!(out, "Every applicable domain is at the top level.\n");
    }
}

fn unanswered(out: &mut String, assessment: &Assessment) {
    heading(out, Section::Unanswered);
    let mut any = false;
    for (domain, question) in assessment.unanswered() {
        any = true;
        let _ = writeln!(
            out,
            "- {} ({}, level {})",
            question_cell(question),
            escape(&domain.title),
            question.level
        );
    }
    if !any {
        let _ = writeln!(out, "None: every question is answered.");
    }
}

/// `**id** text`, marked when the question restates a legal duty.
fn question_cell(question: &Question) -> String {
    let mark = if question.is_regulatory() {
        " *(regulatory)*"
    } else {
        ""
    };
    format!(
        "**{}**{mark} {}",
        escape(&question.id),
        escape(&question.text)
    )
}
