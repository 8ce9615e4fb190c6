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
    summary(&mut text, score.assessment);
    out.write_all(text.as_bytes())
}

/// The whole assessment, section by section; the charts follow the summary.
pub fn report(report: &Report, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let assessment = report.assessment;
    let mut text = String::new();
    for section in SECTIONS {
        match section {
            Section::Summary => {
                header(&mut text, assessment);
                summary(&mut text, assessment);
                for (description, target) in report.charts {
                    let _ = writeln!(text, "![{}]({target})\n", escape(description));
                }
            }
            Section::Domains => domains(&mut text, assessment),
            Section::NextSteps => next_steps(&mut text, assessment),
            Section::Roadmap => {
                if let Some(roadmap) = report.roadmap {
                    crate::roadmap::render::markdown::section(&mut text, assessment, roadmap);
                }
            }
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

fn summary(out: &mut String, assessment: &Assessment) {
    let card = assessment.card;
    let _ = writeln!(out, "## Summary\n");
    if card.applicable {
        let _ = writeln!(
            out,
            "**Overall: level {} ({}), score {:.2}** (the level is that of the weakest domain; the score is the weighted mean)\n",
            card.level,
            escape(assessment.level_name(card.level)),
            round2(card.score)
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
    if let Some(to_target) = card.percent_to_target() {
        let _ = writeln!(
            out,
            "**{} of the way to the target** (1 - the sum of the gaps / the sum of the targets; going beyond a target earns nothing)\n",
            percent(to_target)
        );
    }
    let benchmark = assessment.has_benchmark();
    let target = assessment.has_target();
    let mut head = String::from("| Domain | Level | Score | Next level |");
    let mut rule = String::from("|---|---|---:|---|");
    if benchmark {
        head.push_str(" Industry average |");
        rule.push_str("---:|");
    }
    if target {
        head.push_str(" Target | Gap | To target |");
        rule.push_str("---:|---:|---:|");
    }
    let _ = writeln!(out, "{head}\n{rule}");
    for scored in &card.domains {
        let d = scored.domain;
        let mut row = if scored.applicable {
            format!(
                "| {} | {} {} | {:.2} | {} |",
                escape(&d.title),
                scored.level,
                escape(assessment.level_name(scored.level)),
                round2(scored.score),
                next_level_cell(scored)
            )
        } else {
            format!("| {} | not applicable | | |", escape(&d.title))
        };
        if benchmark {
            match &d.benchmark {
                Some(b) => row.push_str(&format!(" {:.2} |", b.score)),
                None => row.push_str(" |"),
            }
        }
        if target {
            match (scored.target, scored.gap()) {
                (Some(t), Some(0)) => row.push_str(&format!(" {t} | met |")),
                (Some(t), Some(g)) => row.push_str(&format!(" {t} | **{g}** |")),
                _ => row.push_str(" | |"),
            }
            let to_target = scored.percent_to_target().map(percent);
            row.push_str(&format!(" {} |", to_target.unwrap_or_default()));
        }
        let _ = writeln!(out, "{row}");
    }
    if benchmark {
        let _ = writeln!(
            out,
            "\nIndustry averages: {}.",
            escape(&assessment.benchmark_sources().join("; "))
        );
    }
    out.push('\n');
}

fn next_level_cell(scored: &DomainScore) -> String {
    match scored.next_level() {
        Some(next) => format!(
            "{} {}/{} met",
            bar(next.progress, 10),
            next.met,
            next.questions
        ),
        None => "top level".to_string(),
    }
}

fn domains(out: &mut String, assessment: &Assessment) {
    let _ = writeln!(out, "## Domains\n");
    for scored in &assessment.card.domains {
        let d = scored.domain;
        let _ = write!(out, "### {}\n\n", escape(&d.title));
        if scored.applicable {
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
            let mark = match assessment.status(question) {
                Status::Answered { met: true, .. } => "✓ ",
                Status::Answered { met: false, .. } => "✗ ",
                _ => "",
            };
            let note = given
                .and_then(|a| a.note.as_deref())
                .map(escape)
                .unwrap_or_default();
            let evidence = given
                .map(|a| {
                    a.evidence
                        .iter()
                        .map(|e| link(e))
                        .collect::<Vec<_>>()
                        .join("<br>")
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {mark}{} | {note} | {evidence} |",
                question_cell(question),
                question.level,
                escape(assessment.answer_label(question)),
            );
        }
        out.push('\n');
    }
}

fn next_steps(out: &mut String, assessment: &Assessment) {
    let _ = writeln!(out, "## Next steps\n");
    let legal: Vec<_> = assessment.regulatory_unmet().collect();
    if !legal.is_empty() {
        let _ = writeln!(out, "### Legal duties not yet met\n");
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
    let mut any = false;
    for (scored, next, steps) in assessment.next_steps_by_domain() {
        any = true;
        let _ = write!(
            out,
            "### {}: to level {} ({})\n\n",
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
    let _ = writeln!(out, "## Unanswered questions\n");
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
