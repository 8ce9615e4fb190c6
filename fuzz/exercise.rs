//! What each fuzz target does with its input, shared by the targets (`fuzz_targets/`) and the
//! regression test of kept crash inputs (`tests/fuzz_regressions.rs`). Each function may
//! return early on bad input, but must never panic, hang or run out of memory.

// Each fuzz target uses one of these functions.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use jsp::internals::formats::{html, json, junit, markdown, questionnaire as show, table};
use jsp::internals::{
    Answers, Assessment, Goal, Questionnaire, Report, Roadmap, Score, Style, Target, chart,
};

/// A questionnaire file: read as text, parsed and checked; then shown in every format.
pub fn questionnaire(data: &[u8]) {
    let Ok(text) = jsp::internals::text_from_bytes(data.to_vec()) else {
        return;
    };
    if let Ok((questionnaire, _)) = Questionnaire::parse(&text, Path::new("q.yaml")) {
        for style in styles() {
            let _ = show::table::render(&questionnaire, &style, &mut std::io::sink());
            let _ = show::markdown::render(&questionnaire, &style, &mut std::io::sink());
            let _ = show::json::render(&questionnaire, &style, &mut std::io::sink());
        }
    }
}

/// The built-in manufacturer questionnaire, which answers and targets are checked against;
/// parsed once, as parsing it would otherwise take most of each run.
fn built_in() -> Option<&'static Questionnaire> {
    static BUILT_IN: OnceLock<Option<Questionnaire>> = OnceLock::new();
    BUILT_IN
        .get_or_init(|| {
            let built_in = jsp::internals::BUILT_IN.first()?;
            Questionnaire::parse(built_in.text, Path::new(built_in.file))
                .ok()
                .map(|(q, _)| q)
        })
        .as_ref()
}

/// An answers file: parsed and checked against the built-in questionnaire, then scored and
/// reported in every format.
pub fn answers(data: &[u8]) {
    let Ok(text) = jsp::internals::text_from_bytes(data.to_vec()) else {
        return;
    };
    let path = Path::new("a.yaml");
    let (Ok(answers), Some(questionnaire)) = (read_answers(&text, path), built_in()) else {
        return;
    };
    if answers.check(questionnaire, &text, path).is_ok() {
        reports(questionnaire, &answers, &text, None);
    }
}

/// An answers file read by both readers, which must agree: the fast one reads a file as serde
/// does, or leaves it to serde.
fn read_answers(text: &str, path: &Path) -> jsp::internals::Result<Answers> {
    let read = Answers::parse(text, path);
    let serde = Answers::parse_with_serde(text, path);
    assert_eq!(
        read.as_ref().ok(),
        serde.as_ref().ok(),
        "the readers disagree"
    );
    read
}

/// YAML made of the pieces the reader's limits are about, from the input's bytes taken two at
/// a time (a piece, then its count or name): flow and block collections nested up to a
/// million deep in any mix, anchors and aliases, quotes, CR and CRLF line breaks, and the keys
/// of jsp's files. Read as an answers file (both readers) and as a questionnaire; nothing may
/// panic, hang or take much memory, at any size up to the file limit.
pub fn yaml_mix(data: &[u8]) {
    let text = mixed_yaml(data);
    let _ = read_answers(&text, Path::new("a.yaml"));
    let _ = Questionnaire::parse(&text, Path::new("q.yaml"));
}

pub fn mixed_yaml(data: &[u8]) -> String {
    const LIMIT: usize = 8 * 1024 * 1024;
    const WORDS: [&str; 24] = [
        "questionnaire: q",
        "answers:",
        "answer: full",
        "note: x",
        "evidence:",
        "ref: r",
        "date: 2026-01-01",
        "domains:",
        "questions:",
        "id: x",
        "level: 2",
        "? ",
        "!!str ",
        "|",
        ">",
        "# c",
        "---",
        "...",
        "<<: ",
        "%YAML 1.2",
        "\t",
        "na",
        "1.0",
        "null",
    ];
    let mut out = String::new();
    let mut indent = 0usize;
    for pair in data.chunks(2) {
        let (piece, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        // 1 to 2^20 (a million) repetitions.
        let times = 1usize << (arg % 21);
        let room = LIMIT.saturating_sub(out.len());
        let mut repeat = |unit: &str| {
            let n = times.min(room / unit.len().max(1));
            out.push_str(&unit.repeat(n));
        };
        match piece % 16 {
            0 => repeat("["),
            1 => repeat("{a: "),
            2 => repeat("]"),
            3 => repeat("}"),
            4 | 5 => {
                let unit = if piece % 16 == 4 { "k:" } else { "- " };
                for _ in 0..times {
                    if out.len() + indent + 3 > LIMIT {
                        break;
                    }
                    out.push('\n');
                    out.push_str(&" ".repeat(indent));
                    out.push_str(unit);
                    indent += 1;
                }
            }
            6 => out.push_str(&format!("&a{} ", arg % 4)),
            7 => repeat(&format!("*a{} ", arg % 4)),
            8 => out.push('\''),
            9 => out.push('"'),
            10 => repeat("\r"),
            11 => repeat("\r\n"),
            12 => {
                out.push('\n');
                indent = usize::from(arg % 8);
                out.push_str(&" ".repeat(indent));
            }
            13 => out.push_str(WORDS[usize::from(arg) % WORDS.len()]),
            14 => out.push_str(", "),
            _ => out.push_str(": "),
        }
    }
    out.truncate(LIMIT);
    out
}

/// A workbook (the bytes of an xlsx file): opened, read against the built-in questionnaire, and
/// what it reads as written again as a workbook and read back, which must give the same answers.
pub fn workbook(data: &[u8]) {
    let Some(questionnaire) = built_in() else {
        return;
    };
    let Ok(sheets) = jsp::internals::open_workbook(data) else {
        return;
    };
    let Ok(answers) = sheets.answers(questionnaire) else {
        return;
    };
    let card = jsp::internals::score(questionnaire, &answers, None);
    let assessment = Assessment {
        answers: &answers,
        card: &card,
    };
    let export = jsp::internals::Export {
        assessment: &assessment,
        roadmap: None,
    };
    let Ok(bytes) = jsp::internals::export_workbook(&export) else {
        return;
    };
    let again = jsp::internals::open_workbook(&bytes).and_then(|s| s.answers(questionnaire));
    assert!(
        again.is_ok_and(|again| again.to_yaml(questionnaire) == answers.to_yaml(questionnaire)),
        "a workbook read back differs from the answers it was written from"
    );
}

/// A target file: parsed and checked against the built-in questionnaire.
pub fn target(data: &[u8]) {
    let Ok(text) = jsp::internals::text_from_bytes(data.to_vec()) else {
        return;
    };
    let path = Path::new("t.toml");
    let (Ok(target), Some(questionnaire)) = (Target::parse(&text, path), built_in()) else {
        return;
    };
    let catalog = jsp::internals::Catalog::new(Vec::new());
    if target
        .problems(&catalog, Some(questionnaire), &text)
        .is_ok_and(|problems| problems.is_empty())
    {
        reports(questionnaire, &Answers::default(), "", Some(&target));
    }
}

/// A questionnaire and an answers file in one input, split at a line `---8<---`: both parsed
/// and checked, then scored and written in every format, with and without a target.
pub fn report(data: &[u8]) {
    let Ok(text) = jsp::internals::text_from_bytes(data.to_vec()) else {
        return;
    };
    let Some((questionnaire_text, answers_text)) = text.split_once("\n---8<---\n") else {
        return;
    };
    let Ok((questionnaire, _)) = Questionnaire::parse(questionnaire_text, Path::new("q.yaml"))
    else {
        return;
    };
    let path = Path::new("a.yaml");
    let Ok(answers) = read_answers(answers_text, path) else {
        return;
    };
    if answers.check(&questionnaire, answers_text, path).is_err() {
        return;
    }
    let target = Target {
        default: Some(Goal::whole(questionnaire.top_level())),
        domains: Default::default(),
        questions: Default::default(),
        roles: Default::default(),
        evidence_max_age_months: None,
    };
    reports(&questionnaire, &answers, answers_text, None);
    reports(&questionnaire, &answers, answers_text, Some(&target));
}

/// A narrow terminal with colour, and a file.
fn styles() -> [Style; 2] {
    [
        Style {
            width: Some(40),
            colour: true,
        },
        Style::default(),
    ]
}

/// Every format of `answers` (read from `source`), the evidence gate's JUnit cases and
/// `jsp validate`'s evidence problems, found at their lines of `source`, included.
fn reports(
    questionnaire: &Questionnaire,
    answers: &Answers,
    source: &str,
    target: Option<&Target>,
) {
    let card = jsp::internals::score(questionnaire, answers, target);
    let assessment = Assessment {
        answers,
        card: &card,
    };
    let score = Score {
        assessment: &assessment,
        gates: Default::default(),
        required: &[],
        evidence: None,
    };
    let crosswalk = jsp::internals::crosswalk(questionnaire, Some(answers));
    let roadmap = Roadmap::of(&assessment);
    let Some(as_of) = jsp::internals::parse_date("2026-12-01") else {
        return;
    };
    let policy = jsp::internals::Policy::of(questionnaire, target);
    let locator = jsp::internals::Locator::detached();
    let evidence = jsp::internals::Review::new(questionnaire, answers, policy, as_of, &locator);
    let report = Report {
        assessment: &assessment,
        roadmap: roadmap.as_ref(),
        crosswalk: Some(&crosswalk),
        charts: &[],
        questionnaire_file: None,
        evidence: &evidence,
        history: None,
    };
    let _ = evidence.problems(source);
    let gated = Score {
        assessment: &assessment,
        gates: Default::default(),
        required: &[],
        evidence: Some(&evidence),
    };
    let sink = &mut std::io::sink();
    for style in styles() {
        let _ = junit::render(&gated, &style, sink);
        let _ = table::render(&score, &style, sink);
        let _ = markdown::score(&score, &style, sink);
        let _ = json::score(&score, &style, sink);
        let _ = junit::render(&score, &style, sink);
        let _ = markdown::report(&report, &style, sink);
        let _ = json::report(&report, &style, sink);
        let _ = html::report(&report, &style, sink);
    }
    let chart = chart::Chart::from_assessment(&assessment);
    chart::radar::svg(&chart);
    chart::bars::svg(&chart);
}
