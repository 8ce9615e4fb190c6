//! Reading an answers file through serde: the reader that decides what a file means and words
//! every error (the fast path in `fast.rs` reads the common files the same way, faster).

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Answer, Evidence, given, parse_date};

/// The long form of an evidence item.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LongEvidence {
    #[serde(rename = "ref")]
    reference: Choice,
    #[serde(default)]
    date: Option<Day>,
    #[serde(default)]
    expires: Option<Day>,
    #[serde(default)]
    owner: Option<String>,
}

/// A `YYYY-MM-DD` date in a file; anything else is an error that says how to write it.
struct Day(time::Date);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Choice::deserialize(deserializer)?.0;
        parse_date(&text)
            .map(Day)
            .ok_or_else(|| de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EvidenceVisitor)
    }
}

struct EvidenceVisitor;

impl<'de> Visitor<'de> for EvidenceVisitor {
    type Value = Evidence;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a reference, or a map with `ref`, `date`, `expires` and `owner`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Evidence, E> {
        Ok(Evidence::plain(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Evidence, E> {
        Ok(Evidence::plain(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Evidence, E> {
        Ok(Evidence::plain(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Evidence, E> {
        Ok(Evidence::plain(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Evidence, A::Error> {
        let long = LongEvidence::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Evidence {
            reference: long.reference.0,
            date: long.date.map(|d| d.0),
            expires: long.expires.map(|d| d.0),
            owner: given(long.owner),
        })
    }
}

/// The long form of an answer, as written by hand or by `jsp assess`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LongAnswer {
    answer: Choice,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    evidence: Vec<Evidence>,
}

/// An option id; a bare number (`3`) is read as the id "3".
struct Choice(String);

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ChoiceVisitor).map(Choice)
    }
}

struct ChoiceVisitor;

impl Visitor<'_> for ChoiceVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer option id")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an option id, or a map with `answer`, `note` and `evidence`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
        Ok(Answer::new(v, None))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
        Ok(Answer::new(v.to_string(), None))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
        Ok(Answer::new(v.to_string(), None))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Answer, E> {
        Ok(Answer::new(v.to_string(), None))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Answer, E> {
        Ok(Answer::new(v.to_string(), None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Answer, A::Error> {
        let long = LongAnswer::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Answer {
            evidence: long.evidence,
            ..Answer::new(long.answer.0, long.note)
        })
    }
}

/// A map of answers in which a question answered twice is an error, not a silent overwrite.
pub(super) fn unique_answers<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, Answer>, D::Error> {
    struct UniqueAnswers;

    impl<'de> Visitor<'de> for UniqueAnswers {
        type Value = BTreeMap<String, Answer>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map from question id to answer")
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(BTreeMap::new())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut answers = BTreeMap::new();
            while let Some(id) = map.next_key::<String>()? {
                if answers.contains_key(&id) {
                    return Err(de::Error::custom(format!(
                        "question `{id}` is answered twice"
                    )));
                }
                let answer = map.next_value()?;
                answers.insert(id, answer);
            }
            Ok(answers)
        }
    }

    deserializer.deserialize_any(UniqueAnswers)
}
