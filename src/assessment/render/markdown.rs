//! The title and metadata table that open every markdown document about an assessment: the
//! report, the score summary and the roadmap.

use std::fmt::Write as _;

use crate::assessment::Assessment;
use crate::render::markdown::escape;

pub fn header(out: &mut String, assessment: &Assessment) {
    let answers = assessment.answers;
    let questionnaire = assessment.card.questionnaire;
    let title = assessment.subject();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        escape(&questionnaire.title),
        escape(title)
    );
    // A real header row: forges render an empty one as a blank bar.
    let _ = writeln!(out, "| Assessment | Details |\n|---|---|");
    for (label, value) in answers.metadata() {
        let _ = writeln!(out, "| {label} | {} |", escape(value));
    }
    let _ = writeln!(
        out,
        "| Questionnaire | {} (`{}`), version {} |",
        escape(&questionnaire.title),
        questionnaire.id,
        escape(&questionnaire.version)
    );
    let (applicable, answered) = assessment
        .card
        .domains
        .iter()
        .fold((0, 0), |(q, a), d| (q + d.questions, a + d.answered));
    let _ = writeln!(
        out,
        "| Answered | {answered} of {applicable} applicable questions |\n"
    );
}
