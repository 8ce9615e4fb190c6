//! The whole assessment as one self-contained HTML file: inline CSS and SVG, no script, no
//! network, the system's fonts. Readable on a phone and a desktop, printable on A4 and Letter.
//! Every piece of user text goes through [`escape`] (or [`attr`] inside an attribute).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::chart::{self, Chart};
use super::{Report, SECTIONS, Section};
use crate::assessment::Assessment;
use crate::crosswalk::Standard;
use crate::evidence::Review;
use crate::history::History;
use crate::questionnaire::Question;
use crate::render::Style;
use crate::render::xml::{attr, escape, link};
use crate::requirements::Finding;
use crate::roadmap::Roadmap;
use crate::roadmap::render::{done_line, full_value, intro, overall_line, phase_title};
use crate::scoring::{DomainScore, Status, round2};

/// The page's one stylesheet, inlined: no request leaves the page.
const STYLE: &str = include_str!("html.css");

/// The whole assessment, section by section, as one page, after a table of contents.
pub fn report(report: &Report, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    let assessment = report.assessment;
    let mut text = String::new();
    head(&mut text, assessment);
    text.push_str("<main>\n");
    header(&mut text, assessment);
    contents(&mut text, report);
    for section in SECTIONS {
        match section {
            Section::Summary => summary(&mut text, report),
            Section::NextSteps => match report.roadmap {
                Some(roadmap) => roadmap_section(&mut text, assessment, roadmap),
                None => next_steps(&mut text, assessment),
            },
            Section::Scorecard => {
                scorecard(&mut text, assessment, &Chart::from_assessment(assessment));
            }
            Section::Findings => {
                if report.has(section) {
                    crate::requirements::render::html::findings(&mut text, &assessment.findings());
                }
            }
            Section::Domains => domains(&mut text, assessment, report.evidence),
            Section::History => {
                if let Some(history) = report.history {
                    history_section(&mut text, history);
                }
            }
            Section::Evidence => {
                if report.has(section) {
                    evidence_section(&mut text, report.evidence);
                }
            }
            Section::RequirementSets => crate::requirements::render::html::section(
                &mut text,
                &assessment.requirement_sets(),
            ),
            Section::Unanswered => unanswered(&mut text, assessment),
            Section::Crosswalk => {
                if let Some(standards) = report.crosswalk {
                    by_reference(&mut text, standards);
                }
            }
        }
    }
    text.push_str("</main>\n</body>\n</html>\n");
    out.write_all(text.as_bytes())
}

/// A section's opening: its `<section>` and `<h2>`, the id its anchor; `page` starts it on a
/// new page in print.
fn open_section(out: &mut String, section: Section, page: bool) {
    let _ = writeln!(
        out,
        "<section{} aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
        if page { " class=\"page\"" } else { "" },
        section.title(),
        id = section.anchor()
    );
}

fn contents(out: &mut String, report: &Report) {
    out.push_str("<nav class=\"toc\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
    for section in SECTIONS.into_iter().filter(|s| report.has(*s)) {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            section.anchor(),
            section.title()
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

/// The executive summary: the overall figures, the domains below target, the unmet legal
/// duties and the first steps.
fn summary(out: &mut String, report: &Report) {
    let assessment = report.assessment;
    open_section(out, Section::Summary, false);
    overall(out, assessment);
    if assessment.has_target() {
        let below: Vec<&DomainScore> = assessment
            .card
            .domains
            .iter()
            .filter(|d| d.below_target())
            .collect();
        if below.is_empty() {
            out.push_str("<h3 class=\"lead\">Every domain meets its target</h3>\n");
        } else {
            let _ = writeln!(
                out,
                "<h3 class=\"lead\">{} of {} domains below target</h3>\n<ul class=\"gaps\">",
                below.len(),
                assessment.card.domains.len()
            );
            for scored in below.iter().filter(|d| d.continuous.is_some()) {
                let _ = writeln!(
                    out,
                    "<li><a href=\"#d-{}\">{}</a>: score {:.2}, target {}, <span class=\"below\">{} below</span></li>",
                    attr(&scored.domain.id),
                    escape(&scored.domain.title),
                    round2(scored.score),
                    scored.target_text().unwrap_or_default(),
                    scored.gap_text().unwrap_or_default()
                );
            }
            for scored in below.iter().filter(|d| d.continuous.is_none()) {
                let _ = writeln!(
                    out,
                    "<li><a href=\"#d-{}\">{}</a>: level {}, target {}, <span class=\"below\">{} below</span></li>",
                    attr(&scored.domain.id),
                    escape(&scored.domain.title),
                    scored.level,
                    scored.target.unwrap_or_default(),
                    scored.gap().unwrap_or_default()
                );
            }
            out.push_str("</ul>\n");
        }
    }
    let legal = assessment.findings();
    if legal.is_empty() {
        if crate::requirements::states_legal_duties(assessment.card.questionnaire) {
            out.push_str(
                "<h3 class=\"lead\">Every legal duty the questionnaire states is met</h3>\n",
            );
        }
    } else {
        let _ = writeln!(
            out,
            "<h3 class=\"lead\">Legal duties not yet met ({})</h3>\n<p class=\"muted\">The details in <a href=\"#{}\">{}</a>.</p>\n<ul class=\"steps\">",
            legal.len(),
            Section::Findings.anchor(),
            Section::Findings.title()
        );
        for finding in &legal {
            let _ = match finding {
                Finding::Requirement { .. } => writeln!(
                    out,
                    "<li><strong>{}</strong> {} <span class=\"muted\">({})</span>: {}</li>",
                    escape(finding.id()),
                    finding.verdict().label(),
                    escape(&finding.source()),
                    escape(&finding.reason())
                ),
                Finding::Question {
                    domain, question, ..
                } => writeln!(
                    out,
                    "<li>{} <span class=\"muted\">({}, level {}; now: {})</span></li>",
                    question_cell(question),
                    escape(&domain.title),
                    question.level,
                    escape(assessment.answer_label(question))
                ),
            };
        }
        out.push_str("</ul>\n");
    }
    let first = report.first_steps();
    if !first.is_empty() {
        let _ = writeln!(
            out,
            "<h3 class=\"lead\">First steps</h3>\n<p class=\"muted\">After the legal duties, highest priority first; all of them in <a href=\"#{}\">{}</a>.</p>\n<ol class=\"first\">",
            Section::NextSteps.anchor(),
            Section::NextSteps.title()
        );
        for (domain, question) in first {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"muted\">({}; now: {})</span></li>",
                question_cell(question),
                escape(&domain.title),
                escape(assessment.answer_label(question))
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn head(out: &mut String, assessment: &Assessment) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"jsp {}\">\n<title>{}: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(assessment.subject()),
        escape(&assessment.card.questionnaire.title)
    );
}

fn header(out: &mut String, assessment: &Assessment) {
    let answers = assessment.answers;
    let questionnaire = assessment.card.questionnaire;
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Security program maturity assessment</p>\n<h1>{}</h1>\n<dl class=\"meta\">\n",
        escape(assessment.subject())
    );
    for (label, value) in answers.metadata() {
        let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", escape(value));
    }
    let _ = writeln!(
        out,
        "<dt>Questionnaire</dt><dd>{} (<code>{}</code>), version {}</dd>",
        escape(&questionnaire.title),
        escape(&questionnaire.id),
        escape(&questionnaire.version)
    );
    out.push_str("</dl>\n</header>\n");
}

fn overall(out: &mut String, assessment: &Assessment) {
    let card = assessment.card;
    let (applicable, answered) = card
        .domains
        .iter()
        .fold((0, 0), |(q, a), d| (q + d.questions, a + d.answered));
    out.push_str("<div class=\"overall\" role=\"group\" aria-label=\"Overall result\">\n");
    let continuous = card.questionnaire.is_continuous();
    if card.applicable && !continuous {
        let _ = writeln!(
            out,
            "<div><div class=\"muted\">Overall level</div><div class=\"figure\">{} <small>{}</small></div></div>",
            card.level,
            escape(assessment.level_name(card.level))
        );
    }
    if card.applicable {
        let _ = writeln!(
            out,
            "<div><div class=\"muted\">Overall score</div><div class=\"figure\">{:.2} <small>of {}</small></div></div>",
            round2(card.score),
            card.questionnaire.top_level()
        );
    } else {
        out.push_str("<div class=\"figure\">No domain is applicable</div>\n");
    }
    let _ = writeln!(
        out,
        "<div><div class=\"muted\">Answered</div><div class=\"figure\">{answered} <small>of {applicable} questions</small></div></div>"
    );
    if assessment.has_target() {
        let below = card.domains.iter().filter(|d| d.below_target()).count();
        let _ = writeln!(
            out,
            "<div><div class=\"muted\">Below target</div><div class=\"figure\">{below} <small>of {} domains</small></div></div>",
            card.domains.len()
        );
    }
    if let Some(to_target) = card.percent_to_target().filter(|_| continuous) {
        let _ = writeln!(
            out,
            "<div><div class=\"muted\">To target</div><div class=\"figure\">{}</div></div>",
            crate::render::percent(to_target)
        );
    }
    if continuous {
        out.push_str("<p>Scored continuously, without a staged level: the score is the weighted mean of the domain scores, each the base level plus, for every level, the weighted average of its answer values. Percent to target counts each answer value up to its target value, over the target values.</p>\n</div>\n");
    } else {
        out.push_str("<p>The level is that of the weakest domain; the score is the weighted mean of the domain scores, which add partial credit above each domain's level.</p>\n</div>\n");
    }
}

fn scorecard(out: &mut String, assessment: &Assessment, chart: &Chart) {
    open_section(out, Section::Scorecard, false);
    if assessment.card.questionnaire.is_continuous() {
        continuous_scorecard(out, assessment, chart);
        levels(out, assessment);
        out.push_str("</section>\n");
        return;
    }
    let target = assessment.has_target();
    let _ = writeln!(
        out,
        "<figure class=\"chart\">{}<figcaption>The level reached by each domain (solid, circles){} on the level rings; the pale segment along a spoke is the share of the next level's questions met. The numbers are those of the list below.</figcaption></figure>",
        chart::radar::figure(chart),
        if target {
            " against its target level (dashed, squares)"
        } else {
            ""
        },
    );
    out.push_str("<div class=\"key\"><span class=\"k-level\">level reached</span>");
    if target {
        out.push_str("<span class=\"k-target\">target level</span>");
    }
    out.push_str("<span class=\"k-progress\">share of the next level's questions met</span></div>\n<ol class=\"scorecard\">\n");
    for (index, scored) in assessment.card.domains.iter().enumerate() {
        if !scorecard_item(out, index, scored) {
            continue;
        }
        let _ = write!(
            out,
            "<div><strong>Level {} {}</strong>{}</div>",
            scored.level,
            escape(assessment.level_name(scored.level)),
            target_words(scored),
        );
        let point = chart.domains.get(index);
        let mut label = format!("Level {} of {}", scored.level, chart_top(chart));
        let mut marks = String::new();
        if let Some(end) = point.and_then(Chart::progress_end) {
            let from = chart.fraction(f64::from(scored.level));
            let _ = write!(
                marks,
                "<span class=\"progress\" style=\"left:{};width:{}\"></span>",
                css_width(from),
                css_width(chart.fraction(end) - from)
            );
        }
        if let Some(target) = scored.target {
            let _ = write!(label, ", target level {target}");
            let _ = write!(
                marks,
                "<span class=\"target\" style=\"left:{}\"></span>",
                css_width(chart.fraction(f64::from(target)))
            );
        }
        let _ = write!(
            out,
            "<div class=\"meter\" role=\"img\" aria-label=\"{}\"><span class=\"fill\" style=\"width:{}\"></span>{marks}</div>",
            attr(&label),
            css_width(chart.fraction(f64::from(scored.level)))
        );
        let next = match point.and_then(|p| p.next) {
            Some(next) => format!(" · {}", next.words()),
            None => " · top level reached".to_string(),
        };
        let _ = write!(
            out,
            "<div class=\"score\">Score {:.2}{next}</div>",
            round2(scored.score),
        );
        if !scored.streams.is_empty() {
            let streams: Vec<String> = scored
                .streams
                .iter()
                .map(|s| {
                    if s.applicable {
                        format!(
                            "{} level {} {}, score {:.2}",
                            escape(&s.stream.title),
                            s.level,
                            escape(assessment.level_name(s.level)),
                            round2(s.score)
                        )
                    } else {
                        format!("{} not applicable", escape(&s.stream.title))
                    }
                })
                .collect();
            let _ = write!(
                out,
                "<div class=\"streams\">Streams: {}</div>",
                streams.join(" · ")
            );
        }
        out.push_str("</div></li>\n");
    }
    out.push_str("</ol>\n");
    groups(out, assessment);
    levels(out, assessment);
    out.push_str("</section>\n");
}

/// Opens a domain's item of the scorecard list: its number and linked title; a domain not
/// applicable is said so and closed, and gives false.
fn scorecard_item(out: &mut String, index: usize, scored: &DomainScore) -> bool {
    let d = scored.domain;
    let _ = write!(
        out,
        "<li><div class=\"domain-name\"><span class=\"num\">{}.</span><a href=\"#d-{}\">{}</a></div><div>",
        index + 1,
        attr(&d.id),
        escape(&d.title)
    );
    if !scored.applicable {
        out.push_str(
            "<div class=\"muted\">Not applicable: every question is marked N/A.</div></div></li>\n",
        );
    }
    scored.applicable
}

/// The domains of a questionnaire scored `continuous`: each score on a meter from the base to
/// the top level, with the target score marked; no level, as there is none.
fn continuous_scorecard(out: &mut String, assessment: &Assessment, chart: &Chart) {
    let _ = writeln!(
        out,
        "<figure class=\"chart\">{}<figcaption>The score of each domain (solid, circles){} on the level rings. The numbers are those of the list below.</figcaption></figure>",
        chart::radar::figure(chart),
        if assessment.has_target() {
            " against its target score (dashed, squares)"
        } else {
            ""
        },
    );
    out.push_str("<ol class=\"scorecard\">\n");
    for (index, scored) in assessment.card.domains.iter().enumerate() {
        if !scorecard_item(out, index, scored) {
            continue;
        }
        let mut words = String::new();
        if let (Some(target), Some(gap)) = (scored.target_text(), scored.gap_text()) {
            let percent = scored
                .percent_to_target()
                .map(crate::render::percent)
                .unwrap_or_default();
            if scored.below_target() {
                let _ = write!(
                    words,
                    " · <span class=\"below\">target {}, {} below</span> · {percent} of the way",
                    escape(&target),
                    escape(&gap)
                );
            } else {
                let _ = write!(words, " · target {} met", escape(&target));
            }
        }
        let _ = write!(
            out,
            "<div><strong>Score {:.2}</strong>{words}</div>",
            round2(scored.score)
        );
        let mut label = format!("Score {:.2} of {}", round2(scored.score), chart_top(chart));
        let mut marks = String::new();
        if let Some(target) = scored.target_score() {
            let _ = write!(label, ", target {:.2}", round2(target));
            let _ = write!(
                marks,
                "<span class=\"target\" style=\"left:{}\"></span>",
                css_width(chart.fraction(target))
            );
        }
        let _ = write!(
            out,
            "<div class=\"meter\" role=\"img\" aria-label=\"{}\"><span class=\"fill\" style=\"width:{}\"></span>{marks}</div>",
            attr(&label),
            css_width(chart.fraction(scored.score))
        );
        out.push_str("</div></li>\n");
    }
    out.push_str("</ol>\n");
    groups(out, assessment);
}

/// What each level means, when the questionnaire describes its levels; line breaks kept.
fn levels(out: &mut String, assessment: &Assessment) {
    let levels = &assessment.card.questionnaire.levels;
    if levels.iter().all(|l| l.description.is_none()) {
        return;
    }
    out.push_str("<div class=\"scroll\"><table class=\"levels\">\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Name</th><th scope=\"col\">Description</th></tr></thead>\n<tbody>\n");
    for level in levels {
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            level.level,
            escape(&level.name),
            escape(level.description.as_deref().unwrap_or_default().trim()).replace('\n', "<br>")
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
}

/// The groups of domains as a table: level, score, and any benchmark with its facts and
/// what it measures, as another survey's figure.
fn groups(out: &mut String, assessment: &Assessment) {
    let card = assessment.card;
    if card.groups.is_empty() {
        return;
    }
    let benchmark = card.groups.iter().any(|g| g.group.benchmark.is_some());
    // Scored continuous: no staged level, so no level column.
    let staged = !card.questionnaire.is_continuous();
    out.push_str(if staged {
        "<table class=\"groups stack\"><caption>Groups of domains: the weight-averaged score of a group's applicable domains, and the lowest of their levels</caption>\n<thead><tr><th>Group</th><th>Domains</th><th>Level</th><th>Score</th>"
    } else {
        "<table class=\"groups stack\"><caption>Groups of domains: the weight-averaged score of a group's applicable domains</caption>\n<thead><tr><th>Group</th><th>Domains</th><th>Score</th>"
    });
    if benchmark {
        out.push_str("<th>Benchmark (another survey's figure, not a level)</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for scored in &card.groups {
        let titles: Vec<String> = scored
            .domains
            .iter()
            .filter_map(|id| card.questionnaire.domain(id))
            .map(|d| escape(d.short_title()))
            .collect();
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td data-label=\"Domains\">{}</td>",
            escape(&scored.group.title),
            titles.join(", ")
        );
        if !scored.applicable {
            out.push_str(if staged {
                "<td>not applicable</td><td></td>"
            } else {
                "<td>not applicable</td>"
            });
        } else if staged {
            let _ = write!(
                out,
                "<td data-label=\"Level\">{} {}</td><td data-label=\"Score\">{:.2}</td>",
                scored.level,
                escape(assessment.level_name(scored.level)),
                round2(scored.score)
            );
        } else {
            let _ = write!(
                out,
                "<td data-label=\"Score\">{:.2}</td>",
                round2(scored.score)
            );
        }
        if benchmark {
            match &scored.group.benchmark {
                Some(b) => {
                    let _ = write!(out, "<td data-label=\"Benchmark\">{}</td>", b.figure());
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    for note in card.questionnaire.benchmark_notes() {
        let _ = writeln!(
            out,
            "<p class=\"benchmark-note\">Benchmark: {}</p>",
            escape(&note)
        );
    }
}

/// The top of the level scale, as the chart draws it.
fn chart_top(chart: &Chart) -> u32 {
    chart.levels.last().map_or(0, |l| l.0)
}

fn target_words(scored: &DomainScore) -> String {
    match (scored.target, scored.gap()) {
        (Some(target), Some(0)) => format!(" · target {target} met"),
        (Some(target), Some(gap)) => {
            format!(" · <span class=\"below\">target {target}, {gap} below</span>")
        }
        _ => String::new(),
    }
}

/// A CSS length: `fraction` of the width, as a percentage with one decimal.
fn css_width(fraction: f64) -> String {
    format!("{:.1}%", (fraction.clamp(0.0, 1.0) * 100.0))
}

fn domains(out: &mut String, assessment: &Assessment, review: &Review) {
    open_section(out, Section::Domains, true);
    for (index, scored) in assessment.card.domains.iter().enumerate() {
        let d = scored.domain;
        let _ = writeln!(
            out,
            "<h3 id=\"d-{}\"><span class=\"num\">{}.</span>{}</h3>",
            attr(&d.id),
            index + 1,
            escape(&d.title)
        );
        if scored.applicable && assessment.card.questionnaire.is_continuous() {
            let _ = writeln!(
                out,
                "<p>Score {:.2}; {} of {} applicable questions answered.</p>",
                round2(scored.score),
                scored.answered,
                scored.questions
            );
        } else if scored.applicable {
            let _ = writeln!(
                out,
                "<p>Level {} ({}), score {:.2}; {} of {} applicable questions answered.</p>",
                scored.level,
                escape(assessment.level_name(scored.level)),
                round2(scored.score),
                scored.answered,
                scored.questions
            );
        } else {
            out.push_str("<p>Not applicable: every question is marked N/A.</p>\n");
        }
        if let Some(description) = &d.description {
            let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(description));
        }
        out.push_str("<div class=\"scroll\"><table class=\"stack answers\">\n<colgroup><col class=\"c-question\"><col class=\"c-level\"><col class=\"c-answer\"><col class=\"c-note\"><col class=\"c-evidence\"></colgroup>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Level</th><th scope=\"col\">Answer</th><th scope=\"col\">Note</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
        for question in &d.questions {
            let given = assessment.answers.answers.get(&question.id);
            let answer = escape(assessment.answer_label(question));
            let continuous = assessment.card.questionnaire.is_continuous();
            let answer = match assessment.status(question) {
                // Scored continuous there is no threshold to meet: the value counts.
                Status::Answered { value, .. } if continuous => {
                    format!(
                        "{answer} <span class=\"muted\">({})</span>",
                        crate::text::number(value)
                    )
                }
                Status::Answered { met: true, .. } => {
                    format!("<span class=\"met\">✓ met</span> {answer}")
                }
                Status::Answered { met: false, .. } => {
                    format!("<span class=\"unmet\">✗ not met</span> {answer}")
                }
                _ => format!("<span class=\"muted\">{answer}</span>"),
            };
            let note = given
                .and_then(|a| a.note.as_deref())
                .map(escape)
                .unwrap_or_default();
            let evidence = review
                .of(question)
                .map(|item| match crate::evidence::render::note(item) {
                    Some(note) => format!(
                        "{} <span class=\"{}\">({})</span>",
                        link(&item.evidence.reference),
                        if item.status.is_stale() {
                            "unmet"
                        } else {
                            "muted"
                        },
                        escape(&note)
                    ),
                    None => link(&item.evidence.reference),
                })
                .collect::<Vec<_>>()
                .join("<br>");
            let _ = writeln!(
                out,
                "<tr id=\"q-{}\"><td data-label=\"Question\">{}</td><td class=\"n\" data-label=\"Level\">{}</td><td data-label=\"Answer\">{answer}</td><td class=\"note\" data-label=\"Note\">{note}</td><td data-label=\"Evidence\">{evidence}</td></tr>",
                attr(&question.id),
                question_cell(question) + &criteria(question),
                question.level
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    out.push_str("</section>\n");
}

fn next_steps(out: &mut String, assessment: &Assessment) {
    open_section(out, Section::NextSteps, true);
    out.push_str("<p class=\"muted\">For each domain, the questions not yet met at its next level, legal duties first.</p>\n");
    let mut any = false;
    for (scored, next, steps) in assessment.next_steps_by_domain() {
        any = true;
        let _ = writeln!(
            out,
            "<h3>{}: to level {} ({})</h3>\n<ul class=\"steps\">",
            escape(&scored.domain.title),
            next,
            escape(assessment.level_name(next))
        );
        for question in steps {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"muted\">(now: {})</span></li>",
                question_cell(question),
                escape(assessment.answer_label(question))
            );
        }
        out.push_str("</ul>\n");
    }
    if !any {
        out.push_str("<p>Every applicable domain is at the top level.</p>\n");
    }
    out.push_str("</section>\n");
}

/// The way to the target in phases, as `jsp roadmap` plans it.
fn roadmap_section(out: &mut String, assessment: &Assessment, roadmap: &Roadmap) {
    open_section(out, Section::NextSteps, true);
    let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(intro(assessment)));
    if !full_value(assessment) {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong></p>",
            escape(&overall_line(assessment))
        );
    }
    if roadmap.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", done_line(assessment));
    }
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let title = phase_title(assessment, index + 1, phase.level, phase.steps.len());
        let _ = writeln!(out, "<h3>{}</h3>\n<ol class=\"steps\">", escape(&title));
        for step in &phase.steps {
            let question = step.question;
            let _ = write!(
                out,
                "<li>{} <span class=\"muted\">({}; now: {})</span>",
                question_cell(question),
                escape(&step.domain.title),
                escape(assessment.answer_label(question))
            );
            if let Some(guidance) = &question.guidance {
                let _ = write!(
                    out,
                    "<div class=\"muted\">Guidance: {}</div>",
                    escape(guidance)
                );
            }
            if !question.references.is_empty() {
                let references: Vec<String> =
                    question.references.iter().map(|r| escape(r)).collect();
                let _ = write!(
                    out,
                    "<div class=\"muted\">References: {}</div>",
                    references.join("; ")
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn unanswered(out: &mut String, assessment: &Assessment) {
    open_section(out, Section::Unanswered, false);
    let open: Vec<_> = assessment.unanswered().collect();
    if open.is_empty() {
        out.push_str("<p>None: every question is answered.</p>\n");
    } else {
        out.push_str("<ul class=\"open\">\n");
        for (domain, question) in open {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"muted\">({}, level {})</span></li>",
                question_cell(question),
                escape(&domain.title),
                question.level
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn by_reference(out: &mut String, standards: &[Standard]) {
    open_section(out, Section::Crosswalk, true);
    out.push_str("<p class=\"muted\">The questions grouped by the standards and clauses they cite, with how many of them are met.</p>\n");
    if standards.is_empty() {
        out.push_str("<p>No question cites a reference.</p>\n");
    }
    for standard in standards {
        let _ = write!(out, "<h3>{}", escape(&standard.standard));
        if let Some(title) = standard.title {
            let _ = write!(out, " <span class=\"muted\">— {}</span>", escape(title));
        }
        out.push_str("</h3>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">Questions</th><th scope=\"col\">Met</th></tr></thead>\n<tbody>\n");
        for clause in &standard.clauses {
            let questions: Vec<String> = clause
                .questions
                .iter()
                .map(|q| format!("<a href=\"#q-{}\">{}</a>", attr(&q.id), escape(&q.id)))
                .collect();
            let met = clause
                .coverage
                .map(|c| format!("{} of {}", c.met, c.applicable))
                .unwrap_or_default();
            let (questions, met) = crosswalk_uncovered(clause, questions, met);
            let _ = writeln!(
                out,
                "<tr><td data-label=\"Clause\">{}</td><td data-label=\"Questions\">{}</td><td class=\"n\" data-label=\"Met\">{met}</td></tr>",
                if clause.clause.is_empty() {
                    "<span class=\"muted\">(whole standard)</span>".to_string()
                } else {
                    crosswalk_clause_name(clause)
                },
                questions.join(", ")
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    out.push_str("</section>\n");
}

/// A clause with its topic from the standard's file, when there is one.
fn crosswalk_clause_name(clause: &crate::crosswalk::Clause) -> String {
    match &clause.topic {
        Some(topic) => format!(
            "{} <span class=\"muted\">{}</span>",
            escape(&clause.clause),
            escape(topic)
        ),
        None => escape(&clause.clause),
    }
}

/// A clause of a standard's file that no question cites, marked plainly.
fn crosswalk_uncovered(
    clause: &crate::crosswalk::Clause,
    questions: Vec<String>,
    met: String,
) -> (Vec<String>, String) {
    if clause.uncovered() {
        (
            vec!["<strong>Not covered</strong>".to_string()],
            "–".to_string(),
        )
    } else if clause.through_subclauses {
        (
            vec!["<span class=\"muted\">(through its sub-clauses)</span>".to_string()],
            "–".to_string(),
        )
    } else {
        (questions, met)
    }
}

/// A question's criteria as a list of boxes to tick; nothing without criteria.
fn criteria(question: &Question) -> String {
    if question.criteria.is_empty() {
        return String::new();
    }
    let items: String = question
        .criteria
        .iter()
        .map(|c| format!("<li>☐ {}</li>", escape(c.trim()).replace('\n', "<br>")))
        .collect();
    format!("<ul class=\"criteria\">{items}</ul>")
}

/// The question's id and text, marked when it restates a legal duty.
fn question_cell(question: &Question) -> String {
    let mark = if question.is_regulatory() {
        "<span class=\"tag\">regulatory</span>"
    } else {
        ""
    };
    format!(
        "<span class=\"qid\">{}</span>{mark} {}",
        escape(&question.id),
        escape(&question.text)
    )
}

/// The trend over the committed versions: the line chart, then a row per version.
fn history_section(out: &mut String, history: &History) {
    use crate::history::render::{change, level, notes, source, version};
    open_section(out, Section::History, true);
    let _ = writeln!(
        out,
        "<figure class=\"chart\">{}<figcaption>The overall score (solid) and level (dashed) at each committed version of {}, oldest on the left.</figcaption></figure>",
        crate::history::render::svg::svg(history),
        escape(&history.file)
    );
    out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Commit</th><th scope=\"col\">Answered to</th><th scope=\"col\">Level</th><th scope=\"col\" class=\"n\">Score</th><th scope=\"col\" class=\"n\">Change</th></tr></thead>\n<tbody>\n");
    let mut previous: Option<f64> = None;
    for point in &history.points {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{}</td></tr>",
            escape(&point.date),
            escape(&source(point)),
            escape(&version(point)),
            escape(&level(history, point.applicable, point.level)),
            round2(point.score),
            previous.map(|p| change(p, point.score)).unwrap_or_default()
        );
        previous = Some(point.score);
    }
    out.push_str("</tbody>\n</table></div>\n");
    for note in notes(history) {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(&note));
    }
    out.push_str("</section>\n");
}

/// The evidence items to renew or fix, each with its age and why.
fn evidence_section(out: &mut String, review: &Review) {
    use crate::evidence::render::{age, dated};
    open_section(out, Section::Evidence, false);
    let _ = writeln!(
        out,
        "<p class=\"muted\">The evidence to renew or fix, {}.</p>",
        escape(&crate::evidence::render::summary(review))
    );
    out.push_str("<div class=\"scroll\"><table class=\"stack\">\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Evidence</th><th scope=\"col\">Owner</th><th scope=\"col\">Dated</th><th scope=\"col\">Age</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
    for item in review.stale() {
        let _ = writeln!(
            out,
            "<tr><td data-label=\"Question\"><a href=\"#q-{}\">{}</a></td><td data-label=\"Evidence\">{}</td><td data-label=\"Owner\">{}</td><td data-label=\"Dated\">{}</td><td data-label=\"Age\">{}</td><td data-label=\"Status\"><span class=\"unmet\">{}</span></td><td data-label=\"Why\">{}</td></tr>",
            attr(&item.question.id),
            escape(&item.question.id),
            link(&item.evidence.reference),
            item.evidence
                .owner
                .as_deref()
                .map(escape)
                .unwrap_or_default(),
            dated(item),
            age(item),
            item.status.id(),
            escape(&item.detail(review))
        );
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}
