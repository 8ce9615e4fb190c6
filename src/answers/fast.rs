//! The answers file read straight from the parser's events, for speed: serde-saphyr spends
//! half its time on an answers file beyond the parser itself, and `jsp aggregate` reads
//! thousands of them (README, "Speed"). This reader takes only the files it can read exactly
//! as serde does (see `yaml::events`); for anything else (an error, an unknown or repeated
//! key, a number where text is expected) it gives `None`, and the file is read with serde,
//! which decides what it means and words every error. `tests/properties.rs` checks that the
//! two agree on generated files; the `answers` fuzz target checks it on any input.

use std::collections::BTreeMap;

use super::{Answer, Answers, Evidence, given, parse_date};
use crate::yaml::events::{Cursor, Node};

/// `text` as serde reads it, or `None` where this reader leaves the file to serde.
pub(super) fn read(text: &str) -> Option<Answers> {
    let mut cursor = Cursor::new(text)?;
    expect_map(&mut cursor)?;
    let mut out = Answers::default();
    let mut questionnaire = None;
    let mut answers = None;
    while let Some(key) = next_key(&mut cursor)? {
        match &*key {
            "questionnaire" => set(&mut questionnaire, text_of(&mut cursor)?)?,
            "version" => set(&mut out.version, text_of(&mut cursor)?)?,
            "organization" => set(&mut out.organization, text_of(&mut cursor)?)?,
            "subject" => set(&mut out.subject, text_of(&mut cursor)?)?,
            "assessor" => set(&mut out.assessor, text_of(&mut cursor)?)?,
            "date" => set(&mut out.date, text_of(&mut cursor)?)?,
            "answers" => set(&mut answers, answer_map(&mut cursor)?)?,
            _ => return None,
        }
    }
    cursor.finish()?;
    out.questionnaire = questionnaire?;
    out.answers = answers.unwrap_or_default();
    Some(out)
}

fn answer_map(cursor: &mut Cursor) -> Option<BTreeMap<String, Answer>> {
    expect_map(cursor)?;
    let mut answers = BTreeMap::new();
    while let Some(id) = next_key(cursor)? {
        let answer = match cursor.next()? {
            Node::Text(choice) => Answer::new(choice, None),
            Node::Map => long_answer(cursor)?,
            Node::List | Node::End => return None,
        };
        if answers.insert(id.into_owned(), answer).is_some() {
            return None;
        }
    }
    Some(answers)
}

fn long_answer(cursor: &mut Cursor) -> Option<Answer> {
    let (mut choice, mut note, mut evidence) = (None, None, None);
    while let Some(key) = next_key(cursor)? {
        match &*key {
            "answer" => set(&mut choice, text_of(cursor)?)?,
            "note" => set(&mut note, text_of(cursor)?)?,
            "evidence" => set(&mut evidence, evidence_list(cursor)?)?,
            _ => return None,
        }
    }
    Some(Answer {
        evidence: evidence.unwrap_or_default(),
        ..Answer::new(choice?, note)
    })
}

fn evidence_list(cursor: &mut Cursor) -> Option<Vec<Evidence>> {
    if cursor.next()? != Node::List {
        return None;
    }
    let mut items = Vec::new();
    loop {
        items.push(match cursor.next()? {
            Node::Text(reference) => Evidence::plain(reference),
            Node::Map => evidence_map(cursor)?,
            Node::List => return None,
            Node::End => return Some(items),
        });
    }
}

fn evidence_map(cursor: &mut Cursor) -> Option<Evidence> {
    let (mut reference, mut date, mut expires, mut owner) = (None, None, None, None);
    while let Some(key) = next_key(cursor)? {
        match &*key {
            "ref" => set(&mut reference, text_of(cursor)?)?,
            "date" => set(&mut date, parse_date(&text_of(cursor)?)?)?,
            "expires" => set(&mut expires, parse_date(&text_of(cursor)?)?)?,
            "owner" => set(&mut owner, text_of(cursor)?)?,
            _ => return None,
        }
    }
    Some(Evidence {
        reference: reference?,
        date,
        expires,
        owner: given(owner),
    })
}

fn expect_map(cursor: &mut Cursor) -> Option<()> {
    (cursor.next()? == Node::Map).then_some(())
}

/// The next key of the open map, `Some(None)` at its end.
fn next_key<'a>(cursor: &mut Cursor<'a>) -> Option<Option<std::borrow::Cow<'a, str>>> {
    match cursor.next()? {
        Node::Text(key) => Some(Some(key)),
        Node::End => Some(None),
        Node::Map | Node::List => None,
    }
}

fn text_of(cursor: &mut Cursor) -> Option<String> {
    match cursor.next()? {
        Node::Text(text) => Some(text.into_owned()),
        _ => None,
    }
}

/// A key given twice is serde's error to word.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(text: &str) -> Option<Answers> {
        crate::yaml::from_str(text).ok()
    }

    #[test]
    fn reads_what_serde_reads() {
        let text = "questionnaire: q\nversion: '2.0'\ndate: 2026-06-25\nanswers:\n  a: full\n  b:\n    answer: na\n    note: |\n      Not sold in the EU.\n    evidence:\n      - SOP-7\n      - ref: docs/x.pdf\n        date: 2025-06-01\n        owner: ' '\n  c: {answer: 'none', evidence: []}\n";
        let fast = read(text).unwrap();
        assert_eq!(Some(&fast), serde(text).as_ref());
        assert_eq!(fast.answers["b"].evidence[1].owner, None);
    }

    #[test]
    fn takes_the_shipped_examples() {
        for text in [
            include_str!("../../examples/manufacturer-answers.yaml"),
            include_str!("../../examples/provider-answers.yaml"),
        ] {
            assert!(read(text).is_some());
        }
    }

    #[test]
    fn leaves_to_serde_what_it_does_not_take() {
        for text in [
            "questionnaire: q\nanswers:\n  a: 3\n",
            "questionnaire: q\nanswers:\n  a: full\n  a: none\n",
            "questionnaire: q\nquestionnaire: r\n",
            "questionnaire: q\nanswer:\n  a: full\n",
            "answers:\n  a: full\n",
            "questionnaire: q\nanswers:\n  a: {answer: full, evidence: [{ref: x, date: 2026-02-30}]}\n",
            "questionnaire: q\nanswers:\n  a: {note: x}\n",
            "questionnaire: q\n---\nquestionnaire: r\n",
            "questionnaire: &q q\n",
            "",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
