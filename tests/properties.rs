//! Properties of the scoring model over random questionnaires and answers (proptest).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use jsp::internals::{Answer, Answers, Assessment, Evidence, Export, Gates, Score, Style};
use jsp::internals::{
    Domain, Group, Level, NOT_APPLICABLE, NaLevels, Question, Questionnaire, ScaleOption, Scoring,
    Stream,
};
use jsp::internals::{Scorecard, score};
use jsp::internals::{export_workbook, format_date, open_workbook};
use proptest::prelude::*;

const EPSILON: f64 = 1e-9;

/// A questionnaire as the format allows it: levels from `base` up, a scale of values in
/// [0, 1], `met_at` in (0, 1], domains of questions above the base.
fn questionnaire() -> impl Strategy<Value = Questionnaire> {
    (
        0u32..=1,
        2u32..=5,
        prop::collection::vec(0.0f64..=1.0, 1..=5),
        prop_oneof![Just(1.0), 0.01f64..=1.0],
    )
        .prop_flat_map(|(base, count, values, met_at)| {
            let top = base + count - 1;
            let question = (base + 1..=top, 0.1f64..5.0, any::<bool>());
            let domain = (0.1f64..5.0, prop::collection::vec(question, 1..=6));
            prop::collection::vec(domain, 1..=4).prop_map(move |domains| Questionnaire {
                id: "p".into(),
                title: "P".into(),
                version: "1".into(),
                role: "test".into(),
                description: None,
                levels: (base..=top)
                    .map(|level| Level {
                        level,
                        name: format!("L{level}"),
                        description: None,
                    })
                    .collect(),
                scale: values
                    .iter()
                    .enumerate()
                    .map(|(i, value)| ScaleOption {
                        id: format!("o{i}"),
                        label: format!("O{i}"),
                        value: *value,
                    })
                    .collect(),
                scales: Vec::new(),
                scoring: Scoring::Staged,
                met_at,
                requirement_sets: Vec::new(),
                // One group of every domain, one stream of every question: each must score as
                // the whole it is the same set of questions as.
                groups: vec![Group {
                    id: "all".into(),
                    title: "All".into(),
                    description: None,
                    benchmark: None,
                }],
                na_levels: NaLevels::Met,
                evidence_max_age_months: None,
                domains: domains
                    .into_iter()
                    .enumerate()
                    .map(|(d, (weight, questions))| Domain {
                        id: format!("d{d}"),
                        title: format!("D{d}"),
                        short: None,
                        description: None,
                        weight,
                        references: Vec::new(),
                        benchmark: None,
                        group: Some("all".into()),
                        streams: vec![Stream {
                            id: "all".into(),
                            title: "All".into(),
                            description: None,
                        }],
                        questions: questions
                            .into_iter()
                            .enumerate()
                            .map(|(q, (level, weight, na))| Question {
                                id: format!("d{d}-q{q}"),
                                level,
                                text: "?".into(),
                                guidance: None,
                                weight,
                                na,
                                references: Vec::new(),
                                tags: Vec::new(),
                                stream: Some("all".into()),
                                scale: None,
                                criteria: Vec::new(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
        })
}

/// A questionnaire and answers to it: each question unanswered, an option, or `na` where
/// the question allows it.
fn assessment() -> impl Strategy<Value = (Questionnaire, Answers)> {
    questionnaire().prop_flat_map(|q| {
        let questions: Vec<(String, bool)> =
            q.questions().map(|(_, x)| (x.id.clone(), x.na)).collect();
        let options = q.scale.len();
        let choices = prop::collection::vec((0..options + 2, any::<bool>()), questions.len());
        (Just(q), choices).prop_map(move |(q, choices)| {
            let mut answers = Answers {
                questionnaire: q.id.clone(),
                ..Answers::default()
            };
            for ((id, na), (choice, _)) in questions.iter().zip(choices) {
                let answer = if choice < options {
                    format!("o{choice}")
                } else if choice == options && *na {
                    NOT_APPLICABLE.to_string()
                } else {
                    continue;
                };
                answers
                    .answers
                    .insert(id.clone(), Answer::new(answer, None));
            }
            (q, answers)
        })
    })
}

fn value_of(q: &Questionnaire, answers: &Answers, id: &str) -> f64 {
    let question = q.question(id).map(|(_, question)| question);
    answers
        .answers
        .get(id)
        .zip(question)
        .and_then(|(a, question)| q.option(question, &a.choice))
        .map_or(0.0, |o| o.value)
}

fn assert_bounds(q: &Questionnaire, card: &Scorecard) {
    let (base, top) = (f64::from(q.base_level()), f64::from(q.top_level()));
    for d in &card.domains {
        assert!(
            d.score >= base - EPSILON && d.score <= top + EPSILON,
            "{}",
            d.score
        );
        assert!((q.base_level()..=q.top_level()).contains(&d.level));
        // Each level reached is met: every question in it is at `met_at` or above.
        let reached = f64::from(d.level) - base;
        assert!(d.score + EPSILON >= base + q.met_at * reached);
    }
    assert!(card.score >= base - EPSILON && card.score <= top + EPSILON);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_stay_within_the_levels((q, answers) in assessment()) {
        let card = score(&q, &answers, None);
        assert_bounds(&q, &card);
    }

    #[test]
    fn level_is_at_most_the_score_when_met_means_full((q, answers) in assessment()) {
        // With `met_at` below 1 a level is reached at less than full progress, so the
        // staged level may pass the score (README: Governance, level 3, score 2.80).
        let mut q = q;
        q.met_at = 1.0;
        let card = score(&q, &answers, None);
        for d in card.domains.iter().filter(|d| d.applicable) {
            prop_assert!(f64::from(d.level) <= d.score + EPSILON, "{} > {}", d.level, d.score);
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_a_domain(
        (q, answers) in assessment(),
        pick in any::<prop::sample::Index>(),
        option in any::<prop::sample::Index>(),
    ) {
        let ids: Vec<String> = q
            .questions()
            .filter(|(_, x)| answers.answers.get(&x.id).is_none_or(|a| !a.is_not_applicable()))
            .map(|(_, x)| x.id.clone())
            .collect();
        prop_assume!(!ids.is_empty());
        let id = pick.get(&ids).clone();
        let now = value_of(&q, &answers, &id);
        let higher: Vec<&ScaleOption> = q.scale.iter().filter(|o| o.value >= now).collect();
        prop_assume!(!higher.is_empty());
        let mut raised = answers.clone();
        raised.answers.insert(id, Answer::new(option.get(&higher).id.clone(), None));
        let (before, after) = (score(&q, &answers, None), score(&q, &raised, None));
        for (b, a) in before.domains.iter().zip(&after.domains) {
            prop_assert!(a.level >= b.level);
            prop_assert!(a.score >= b.score - EPSILON);
        }
        prop_assert!(after.score >= before.score - EPSILON);
    }

    #[test]
    fn marking_na_never_lowers_a_domains_level(
        (q, answers) in assessment(),
        pick in any::<prop::sample::Index>(),
    ) {
        let ids: Vec<String> = q
            .questions()
            .filter(|(_, x)| x.na)
            .map(|(_, x)| x.id.clone())
            .collect();
        prop_assume!(!ids.is_empty());
        let id = pick.get(&ids).clone();
        let mut marked = answers.clone();
        marked.answers.insert(id, Answer::new(NOT_APPLICABLE, Some("out of scope".into())));
        let (before, after) = (score(&q, &answers, None), score(&q, &marked, None));
        for (b, a) in before.domains.iter().zip(&after.domains) {
            prop_assert!(a.level >= b.level, "{}: {} -> {}", b.domain.id, b.level, a.level);
        }
    }

    #[test]
    fn a_group_of_every_domain_and_a_stream_of_every_question_score_as_the_whole(
        (q, answers) in assessment()
    ) {
        let card = score(&q, &answers, None);
        let group = &card.groups[0];
        prop_assert_eq!(group.applicable, card.applicable);
        prop_assert_eq!(group.level, card.level);
        prop_assert!((group.score - card.score).abs() < EPSILON);
        for domain in &card.domains {
            let stream = &domain.streams[0];
            prop_assert_eq!(stream.applicable, domain.applicable);
            prop_assert_eq!(stream.level, domain.level);
            prop_assert!((stream.score - domain.score).abs() < EPSILON);
            prop_assert_eq!((stream.questions, stream.answered), (domain.questions, domain.answered));
        }
    }

    #[test]
    fn overall_level_is_the_lowest_applicable_domain_level((q, answers) in assessment()) {
        let card = score(&q, &answers, None);
        let lowest = card.domains.iter().filter(|d| d.applicable).map(|d| d.level).min();
        match lowest {
            Some(level) => prop_assert_eq!(card.level, level),
            None => prop_assert_eq!(card.level, q.base_level()),
        }
    }

    /// Weights are relative: every weight scaled by one power of two, within the bounds the
    /// format allows (0.001 to 1000), gives the same scores and levels, exactly. (A weight of
    /// 5e-324, which the format now refuses, scored differently from equal weights.)
    #[test]
    fn weights_are_relative((q, answers) in assessment(), power in -6i32..=7) {
        let factor = 2f64.powi(power);
        let mut scaled = q.clone();
        for domain in &mut scaled.domains {
            domain.weight *= factor;
            for question in &mut domain.questions {
                question.weight *= factor;
            }
        }
        let text = serde_yaml_text(&scaled);
        jsp::internals::Questionnaire::parse(&text, std::path::Path::new("p.yaml")).unwrap();
        let (card, scaled_card) = (score(&q, &answers, None), score(&scaled, &answers, None));
        prop_assert_eq!(card.score, scaled_card.score);
        prop_assert_eq!(card.level, scaled_card.level);
        for (d, s) in card.domains.iter().zip(&scaled_card.domains) {
            prop_assert_eq!((d.score, d.level), (s.score, s.level));
        }
    }

    #[test]
    fn not_counted_na_levels_never_score_above_met_and_agree_without_all_na_levels(
        (q, answers) in assessment()
    ) {
        // The same answers under both rules: a level whose questions are all `na` adds 1 and
        // passes under `met`; it adds 0 and is passed over under `not-counted`.
        let mut strict = q.clone();
        strict.na_levels = NaLevels::NotCounted;
        let met = score(&q, &answers, None);
        let not_counted = score(&strict, &answers, None);
        // (Not `assert_bounds`: a level passed over adds 0, so a level reached above it may
        // have a score below base + met_at × levels.)
        for (m, n) in met.domains.iter().zip(&not_counted.domains) {
            let all_na = n.levels.iter().filter(|l| !l.counted).count();
            prop_assert!(n.score <= m.score + EPSILON);
            prop_assert!(n.level <= m.level);
            // Each level not counted is exactly 1 point less.
            prop_assert!((m.score - n.score - all_na as f64).abs() < EPSILON);
            if all_na == 0 {
                prop_assert_eq!(n.level, m.level);
            }
        }
    }

    #[test]
    fn generated_questionnaires_pass_the_format_checks(q in questionnaire()) {
        // The properties above are about files jsp accepts.
        let text = serde_yaml_text(&q);
        jsp::internals::Questionnaire::parse(&text, std::path::Path::new("p.yaml")).unwrap();
    }
}

fn serde_yaml_text(q: &Questionnaire) -> String {
    // JSON is YAML: the questionnaire written as JSON parses as a questionnaire file.
    let mut text = Vec::new();
    jsp::internals::formats::questionnaire::json::render(q, &Default::default(), &mut text)
        .unwrap();
    String::from_utf8(text).unwrap()
}

/// Text as people (and hostile files) write it: unicode, line breaks, a leading `=` that a
/// spreadsheet would take for a formula, the `_x0041_` escapes of xlsx, control characters.
fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+@-]?[a-zA-Z0-9 _\n\t\"'<>&;,é漢字🙂]{1,40}",
        Just("=SUM(A1:A9)".to_string()),
        Just("=HYPERLINK(\"http://x\",\"y\")".to_string()),
        Just("_x0041_ and _x005F_x0042_".to_string()),
        Just("  spaced  \r\nlines\r\n".to_string()),
        Just("\u{0}\u{1}\u{b}\u{7f}\u{85}\u{2028}\u{fffe}\u{ffff}\u{10ffff}".to_string()),
        any::<String>(),
    ]
}

fn date() -> impl Strategy<Value = time::Date> {
    (1900i32..=2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
        time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap()
    })
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        odd_text().prop_filter("a reference", |r| !r.is_empty()),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of(odd_text()),
        any::<bool>(),
    )
        .prop_map(|(reference, date, expires, owner, plain)| {
            if plain {
                return Evidence::plain(reference);
            }
            Evidence {
                reference,
                date,
                expires,
                owner: owner.filter(|o| !o.trim().is_empty()),
            }
        })
}

/// An assessment with notes, evidence and the header fields filled in with odd text.
fn filled_assessment() -> impl Strategy<Value = (Questionnaire, Answers)> {
    assessment().prop_flat_map(|(q, answers)| {
        let count = answers.answers.len();
        let extras = prop::collection::vec(
            (
                proptest::option::of(odd_text()),
                prop::collection::vec(evidence(), 0..=3),
            ),
            count,
        );
        let header = (
            proptest::option::of(odd_text().prop_filter("not empty", |t| !t.is_empty())),
            proptest::option::of(odd_text().prop_filter("not empty", |t| !t.is_empty())),
            proptest::option::of(date()),
        );
        (Just(q), Just(answers), extras, header).prop_map(
            |(q, mut answers, extras, (organization, assessor, date))| {
                for (answer, (note, evidence)) in answers.answers.values_mut().zip(extras) {
                    answer.note = note.filter(|n| !n.trim().is_empty());
                    answer.evidence = evidence;
                }
                answers.version = Some(q.version.clone());
                answers.organization = organization;
                answers.assessor = assessor;
                answers.date = date.map(format_date);
                (q, answers)
            },
        )
    })
}

fn score_json(q: &Questionnaire, answers: &Answers) -> String {
    let card = score(q, answers, None);
    let assessment = Assessment {
        answers,
        card: &card,
    };
    let mut out = Vec::new();
    let document = Score {
        assessment: &assessment,
        gates: Gates::default(),
        required: &[],
        evidence: None,
    };
    jsp::internals::formats::json::score(&document, &Style::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Export, import, score: the same JSON, and the same answers file, as the original.
    #[test]
    fn a_workbook_reads_back_as_the_answers_it_was_written_from((q, answers) in filled_assessment()) {
        let card = score(&q, &answers, None);
        let assessment = Assessment { answers: &answers, card: &card };
        let bytes = export_workbook(&Export { assessment: &assessment, roadmap: None }).unwrap();
        let back = open_workbook(&bytes).unwrap().answers(&q).unwrap();
        prop_assert_eq!(back.to_yaml(&q).unwrap(), answers.to_yaml(&q).unwrap());
        prop_assert_eq!(score_json(&q, &back), score_json(&q, &answers));
        // And the same bytes again.
        let again = export_workbook(&Export { assessment: &assessment, roadmap: None }).unwrap();
        prop_assert!(again == bytes);
    }
}
