//! The two readers of an answers file agree: the fast one (on the parser's events) reads a file
//! exactly as serde does, or leaves it to serde. Generated files mix every scalar form YAML has
//! (plain words, numbers, nulls, booleans, dates, quotes, block scalars), flow and block
//! collections, repeated and unknown keys (proptest).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use jsp::internals::Answers;
use proptest::prelude::*;

/// Scalars as they may stand after `key: `, in a block or a flow collection.
fn scalar() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "full",
        "none",
        "na",
        "partial",
        "yes",
        "no",
        "on",
        "Off",
        "y",
        "n",
        "3",
        "03",
        "1.0",
        "-1",
        "+1",
        "1_000",
        "0x1f",
        "0o17",
        "1e3",
        "12:30",
        "null",
        "Null",
        "~",
        "True",
        "FALSE",
        "NaN",
        "inf",
        "Infinity",
        ".inf",
        "-.inf",
        ".nan",
        "2026-06-25",
        "2026-02-30",
        "2026-6-25",
        " 2026-06-25",
        "'quoted'",
        "''",
        "'1.0'",
        "'null'",
        "\"dq \\u00e9\"",
        "\"\"",
        "Évaluation",
        "a b c",
        "x # comment",
        "SOP-7",
        "docs/sop-7.pdf",
        "https://example.org/x",
        "é",
        "'it''s'",
        "\"tab\\tin\"",
        "nanny",
        "Yes",
    ])
    .prop_map(String::from)
}

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "gov-1a",
        "gov-1b",
        "risk-2a",
        "a",
        "1",
        "null",
        "'x'",
        "\"gov-1a\"",
        "true",
        "é",
    ])
    .prop_map(String::from)
}

/// One evidence item, as a list entry at `indent`.
fn evidence_item(indent: usize) -> impl Strategy<Value = String> {
    let pad = " ".repeat(indent);
    let field = prop::sample::select(vec!["ref", "date", "expires", "owner", "other"]);
    prop_oneof![
        scalar().prop_map({
            let pad = pad.clone();
            move |s| format!("{pad}- {s}\n")
        }),
        prop::collection::vec((field, scalar()), 0..5).prop_map(move |fields| {
            let mut out = String::new();
            for (i, (k, v)) in fields.iter().enumerate() {
                let lead = if i == 0 { "- " } else { "  " };
                out.push_str(&format!("{pad}{lead}{k}: {v}\n"));
            }
            if out.is_empty() {
                format!("{pad}- {{}}\n")
            } else {
                out
            }
        }),
    ]
}

/// The value of one answer: an option id, or the long form in block or flow style.
fn answer_value() -> impl Strategy<Value = String> {
    let field = prop::sample::select(vec!["answer", "note", "evidence", "answer", "notes"]);
    prop_oneof![
        3 => scalar().prop_map(|s| format!(" {s}\n")),
        2 => (
            prop::collection::vec((field.clone(), scalar()), 0..4),
            prop::collection::vec(evidence_item(6), 0..3),
            any::<bool>(),
        )
            .prop_map(|(fields, evidence, block_note)| {
                let mut out = String::from("\n");
                for (k, v) in fields {
                    if k == "evidence" {
                        out.push_str("    evidence:\n");
                        evidence.iter().for_each(|e| out.push_str(e));
                    } else if k == "note" && block_note {
                        out.push_str(&format!("    note: |\n      {v}\n      second line\n"));
                    } else {
                        out.push_str(&format!("    {k}: {v}\n"));
                    }
                }
                out
            }),
        1 => (scalar(), prop::collection::vec(scalar(), 0..3)).prop_map(|(a, e)| {
            format!(" {{answer: {a}, evidence: [{}]}}\n", e.join(", "))
        }),
    ]
}

fn answers_file() -> impl Strategy<Value = String> {
    let top = prop::sample::select(vec![
        "questionnaire",
        "questionnaire",
        "version",
        "organization",
        "subject",
        "assessor",
        "date",
        "answer",
    ]);
    (
        prop::collection::vec((top, scalar()), 0..6),
        prop::collection::vec((key(), answer_value()), 0..6),
        prop::sample::select(vec!["", "---\n", "---\nx: y\n", "...\n"]),
        any::<bool>(),
    )
        .prop_map(|(fields, answers, tail, crlf)| {
            let mut out = String::new();
            for (k, v) in fields {
                out.push_str(&format!("{k}: {v}\n"));
            }
            if !answers.is_empty() {
                out.push_str("answers:\n");
                for (k, v) in answers {
                    out.push_str(&format!("  {k}:{v}"));
                }
            }
            out.push_str(tail);
            if crlf { out.replace('\n', "\r\n") } else { out }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_fast_reader_reads_as_serde_does(text in answers_file()) {
        let path = Path::new("a.yaml");
        let read = Answers::parse(&text, path);
        let serde = Answers::parse_with_serde(&text, path);
        match (&read, &serde) {
            (Ok(read), Ok(serde)) => prop_assert_eq!(read, serde),
            (Err(read), Err(serde)) => prop_assert_eq!(read.to_string(), serde.to_string()),
            _ => prop_assert!(false, "the readers disagree on {text:?}: {read:?} / {serde:?}"),
        }
    }
}

#[test]
fn the_fast_reader_reads_the_shipped_examples() {
    for file in [
        "examples/manufacturer-answers.yaml",
        "examples/provider-answers.yaml",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let path = Path::new(file);
        assert_eq!(
            Answers::parse(&text, path).unwrap(),
            Answers::parse_with_serde(&text, path).unwrap()
        );
    }
}
