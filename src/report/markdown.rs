//! GitHub-flavoured markdown: the summary (`jsp score --format markdown`) and the whole
//! assessment (`jsp report`). Every piece of user text goes through [`escape`].

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Report, SECTIONS, Score, Section};
use crate::assessment::Assessment;
use crate::assessment::render::markdown::header;
use crate::evidence::Review;
use crate::questionnaire::{NaLevels, Question};
use crate::render::markdown::{escape, link};
use crate::render::{Style, bar, percent};
use crate::requirements::Finding;
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
                        let _ = writeln!(text, "{}\n", crate::roadmap::render::intro(assessment));
                        if !crate::roadmap::render::full_value(assessment) {
                            let _ = writeln!(
                                text,
                                "**{}**\n",
                                crate::roadmap::render::overall_line(assessment)
                            );
                        }
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
            Section::Findings => {
                if report.has(section) {
                    crate::requirements::render::markdown::findings(
                        &mut text,
                        &assessment.findings(),
                    );
                }
            }
            Section::Domains => domains(&mut text, assessment, report.evidence),
            Section::History => {
                if let Some(history) = report.history {
                    heading(&mut text, section);
                    crate::history::render::markdown::table(&mut text, history);
                    text.push('\n');
                }
            }
            Section::Evidence => {
                if report.has(section) {
                    heading(&mut text, section);
                    let review = report.evidence;
                    let _ = writeln!(
                        text,
                        "The evidence to renew or fix, {}.\n",
                        escape(&crate::evidence::render::summary(review))
                    );
                    crate::evidence::render::markdown::table(&mut text, review, review.stale());
                    text.push('\n');
                }
            }
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
    let legal = assessment.findings();
    if legal.is_empty() {
        if crate::requirements::states_legal_duties(assessment.card.questionnaire) {
            let _ = writeln!(
                out,
                "**Every legal duty the questionnaire states is met.**\n"
            );
        }
    } else {
        let _ = writeln!(
            out,
            "**Legal duties not yet met ({})** (the details in [{}](#{})):\n",
            legal.len(),
            Section::Findings.title(),
            Section::Findings.anchor()
        );
        for finding in &legal {
            let _ = match finding {
                Finding::Requirement { .. } => writeln!(
                    out,
                    "- **{}** {} ({}): {}",
                    escape(finding.id()),
                    finding.verdict().label(),
                    escape(&finding.source()),
                    escape(&finding.reason())
                ),
                Finding::Question {
                    domain, question, ..
                } => writeln!(
                    out,
                    "- {} ({}, level {}; now: {})",
                    question_cell(question),
                    escape(&domain.title),
                    question.level,
                    escape(assessment.answer_label(question))
                ),
            };
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
        let _ = writeln!(out, "{row}");
        // Each stream under its domain, scored by the same rule.
        for stream in &scored.streams {
            let mut row = format!("| ↳ {} |", escape(&stream.stream.title));
            let level = if stream.applicable {
                format!(
                    "{} {}",
                    stream.level,
                    escape(assessment.level_name(stream.level))
                )
            } else {
                "not applicable".to_string()
            };
            let _ = write!(row, " {level} |");
            if target {
                row.push_str(" | | |");
            }
            if stream.applicable {
                let _ = write!(row, " {:.2} | |", round2(stream.score));
            } else {
                row.push_str(" | |");
            }
            let _ = writeln!(out, "{row}");
        }
    }
    out.push('\n');
    groups(out, assessment);
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
        // Each stream under its domain, scored by the same rule.
        for stream in &scored.streams {
            let score = if stream.applicable {
                format!("{:.2}", round2(stream.score))
            } else {
                "not applicable".to_string()
            };
            let rest = if target { " | | |" } else { "" };
            let _ = writeln!(
                out,
                "| ↳ {} | {score} |{rest}",
                escape(&stream.stream.title)
            );
        }
    }
    out.push('\n');
    groups(out, assessment);
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

/// The groups of domains: level, score, and any benchmark with its facts and what it
/// measures, as another survey's figure.
fn groups(out: &mut String, assessment: &Assessment) {
    let card = assessment.card;
    if card.groups.is_empty() {
        return;
    }
    let benchmark = card.groups.iter().any(|g| g.group.benchmark.is_some());
    // Scored continuous: no staged level, so no level column.
    let staged = !card.questionnaire.is_continuous();
    let (head, rule) = if staged {
        (
            "| Group | Domains | Level | Score |",
            "\n|---|---|---|---:|",
        )
    } else {
        ("| Group | Domains | Score |", "\n|---|---|---:|")
    };
    out.push_str(head);
    if benchmark {
        out.push_str(" Benchmark (another survey) |");
    }
    out.push_str(rule);
    if benchmark {
        out.push_str("---|");
    }
    out.push('\n');
    for scored in &card.groups {
        let titles: Vec<String> = scored
            .domains
            .iter()
            .filter_map(|id| card.questionnaire.domain(id))
            .map(|d| escape(d.short_title()))
            .collect();
        let _ = write!(
            out,
            "| {} | {} |",
            escape(&scored.group.title),
            titles.join(", ")
        );
        if !scored.applicable {
            out.push_str(if staged {
                " not applicable | |"
            } else {
                " not applicable |"
            });
        } else if staged {
            let _ = write!(
                out,
                " {} {} | {:.2} |",
                scored.level,
                escape(assessment.level_name(scored.level)),
                round2(scored.score)
            );
        } else {
            let _ = write!(out, " {:.2} |", round2(scored.score));
        }
        if benchmark {
            match &scored.group.benchmark {
                Some(b) => {
                    let _ = write!(out, " {} |", b.figure());
                }
                None => out.push_str(" |"),
            }
        }
        out.push('\n');
    }
    out.push_str(if staged {
        "\nA group's score is the weight-averaged score of its applicable domains, its level the lowest of their levels."
    } else {
        "\nA group's score is the weight-averaged score of its applicable domains."
    });
    out.push_str("\n\n");
    for note in card.questionnaire.benchmark_notes() {
        let _ = writeln!(out, "Benchmark: {}\n", escape(&note));
    }
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

fn domains(out: &mut String, assessment: &Assessment, review: &Review) {
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
            let evidence = review
                .of(question)
                .map(|item| match crate::evidence::render::note(item) {
                    Some(note) => format!("{} ({})", link(&item.evidence.reference), escape(&note)),
                    None => link(&item.evidence.reference),
                })
                .collect::<Vec<_>>()
                .join("<br>");
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
