//! A questionnaire as markdown: the instrument to read, print or hand to an assessor.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::questionnaire::Questionnaire;
use crate::render::Style;
use crate::render::markdown::escape;

/// The questionnaire as an assessment instrument: levels, scale, then each domain's questions
/// by level, with guidance and references.
pub fn render(q: &Questionnaire, _: &Style, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(text(q).as_bytes())
}

fn text(q: &Questionnaire) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&q.title));
    let _ = writeln!(
        out,
        "`{}`, version {}, for the role {}: {} domains, {} questions.\n",
        q.id,
        escape(&q.version),
        escape(&q.role),
        q.domains.len(),
        q.question_count()
    );
    if let Some(description) = &q.description {
        let _ = writeln!(out, "{}\n", escape(description.trim()));
    }
    let _ = writeln!(out, "## Maturity levels\n\n| Level | Name |\n|---:|---|");
    for level in &q.levels {
        let _ = writeln!(out, "| {} | {} |", level.level, escape(&level.name));
    }
    let _ = writeln!(
        out,
        "\nLevel {} is the base. A domain reaches a level when every applicable question at that level and below is met (answered at {} or above).\n",
        q.base_level(),
        q.met_at
    );
    let _ = writeln!(
        out,
        "## Answer scale\n\n| Option | Meaning | Value |\n|---|---|---:|"
    );
    for option in &q.scale {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            option.id,
            escape(&option.label),
            option.value
        );
    }
    out.push('\n');
    if !q.groups.is_empty() {
        out.push_str("## Groups of domains\n\nA group's score is the weight-averaged score of its applicable domains, its level the lowest of their levels.\n\n");
        for group in &q.groups {
            let members: Vec<String> = q
                .domains
                .iter()
                .filter(|d| d.group.as_deref() == Some(group.id.as_str()))
                .map(|d| escape(d.short_title()))
                .collect();
            let _ = writeln!(
                out,
                "- **{}** (`{}`): {}.",
                escape(&group.title),
                group.id,
                members.join(", ")
            );
            if let Some(b) = &group.benchmark {
                let _ = writeln!(out, "  Benchmark {}: {}", b.figure(), escape(&b.about()));
            }
        }
        out.push('\n');
    }
    for (number, domain) in q.domains.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", number + 1, escape(&domain.title));
        if let Some(description) = &domain.description {
            let _ = writeln!(out, "{}\n", escape(description.trim()));
        }
        if let Some(group) = domain.group.as_deref().and_then(|id| q.group(id)) {
            let _ = writeln!(out, "Group: {}.\n", escape(&group.title));
        }
        if !domain.streams.is_empty() {
            let streams: Vec<String> = domain
                .streams
                .iter()
                .map(|s| format!("`{}` {}", s.id, escape(&s.title)))
                .collect();
            let _ = writeln!(out, "Streams: {}.\n", streams.join("; "));
        }
        if !domain.references.is_empty() {
            let refs: Vec<String> = domain.references.iter().map(|r| escape(r)).collect();
            let _ = writeln!(out, "References: {}.\n", refs.join("; "));
        }
        for level in q.levels.iter().skip(1) {
            let questions: Vec<_> = domain
                .questions
                .iter()
                .filter(|x| x.level == level.level)
                .collect();
            if questions.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### Level {} — {}\n", level.level, escape(&level.name));
            for question in questions {
                let mut marks = Vec::new();
                if question.is_regulatory() {
                    marks.push("regulatory".to_string());
                }
                if question.na {
                    marks.push("may be N/A".to_string());
                }
                if let Some(stream) = &question.stream {
                    marks.push(format!("stream `{stream}`"));
                }
                let marks = if marks.is_empty() {
                    String::new()
                } else {
                    format!(" *({})*", marks.join(", "))
                };
                let _ = writeln!(
                    out,
                    "- **{}**{marks} {}",
                    escape(&question.id),
                    escape(&question.text)
                );
                if let Some(guidance) = &question.guidance {
                    let _ = writeln!(out, "  - Guidance: {}", escape(guidance.trim()));
                }
                if !question.references.is_empty() {
                    let refs: Vec<String> = question.references.iter().map(|r| escape(r)).collect();
                    let _ = writeln!(out, "  - References: {}", refs.join("; "));
                }
            }
            out.push('\n');
        }
    }
    out
}
