//! JSON Schema of each file format, generated from the serde types that read the files, so the
//! schema cannot drift from the parser. Draft 7, the version the YAML language server reads.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::answers::{Answer, Answers};
use crate::config::Config;
use crate::questionnaire::Questionnaire;
use crate::target::{DomainTarget, Goal, TOP_PRIORITY, Target};

/// The schema of a questionnaire, as pretty-printed JSON ending in a newline.
pub fn questionnaire() -> serde_json::Result<String> {
    render::<Questionnaire>("jsp questionnaire")
}

pub fn answers() -> serde_json::Result<String> {
    render::<Answers>("jsp answers file")
}

pub fn target() -> serde_json::Result<String> {
    render::<Target>("jsp target profile")
}

pub fn config() -> serde_json::Result<String> {
    render::<Config>("jsp.toml")
}

fn render<T: JsonSchema>(title: &str) -> serde_json::Result<String> {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    let mut text = serde_json::to_string_pretty(&schema)?;
    text.push('\n');
    Ok(text)
}

/// A `YYYY-MM-DD` date, as the answers file's evidence dates are written.
const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// An answer has a short form (the option id) and a long form with a note and evidence; its
/// `Deserialize` is written by hand, and so is its schema.
impl JsonSchema for Answer {
    fn schema_name() -> Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An option id of the questionnaire's scale (or `na`), or the long form with a note and evidence.",
            "anyOf": [
                {
                    "description": "The option id, e.g. `largely`, or `na` for not applicable.",
                    "type": ["string", "number", "boolean"]
                },
                {
                    "type": "object",
                    "properties": {
                        "answer": {
                            "description": "The option id, or `na` for not applicable.",
                            "type": ["string", "number", "boolean"]
                        },
                        "note": {
                            "description": "Why this answer; required in spirit for `na`.",
                            "type": ["string", "null"]
                        },
                        "evidence": {
                            "description": "Links, document references or paths (relative to the answers file) that back the answer.",
                            "type": "array",
                            "items": {
                                "anyOf": [
                                    {"description": "The reference alone, e.g. `SOP-12`.", "type": ["string", "number"]},
                                    {
                                        "type": "object",
                                        "properties": {
                                            "ref": {"description": "The reference: a document id, a web address, or a path relative to the answers file.", "type": ["string", "number"]},
                                            "date": {"description": "When the evidence was produced, YYYY-MM-DD.", "type": "string", "pattern": DATE},
                                            "expires": {"description": "When it stops being valid, YYYY-MM-DD.", "type": "string", "pattern": DATE},
                                            "owner": {"description": "Who keeps it up to date.", "type": "string"}
                                        },
                                        "required": ["ref"],
                                        "additionalProperties": false
                                    }
                                ]
                            }
                        }
                    },
                    "required": ["answer"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// A target level: a whole number, or a score such as 1.5 for a questionnaire scored
/// `continuous`; read by hand to keep the whole-number messages.
impl JsonSchema for Goal {
    fn schema_name() -> Cow<'static, str> {
        "Goal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A level; fractional (a score, e.g. 1.5) only for a questionnaire scored `continuous`.",
            "type": "number",
            "minimum": 0
        })
    }
}

/// A domain's target has a short form (the level) and a table with a level and a priority; its
/// `Deserialize` is written by hand, and so is its schema.
impl JsonSchema for DomainTarget {
    fn schema_name() -> Cow<'static, str> {
        "DomainTarget".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The level this domain should reach, or a table with the level and a priority.",
            "anyOf": [
                {"description": "The target level (fractional only for a questionnaire scored `continuous`).", "type": "number", "minimum": 0},
                {
                    "type": "object",
                    "properties": {
                        "level": {"description": "The target level (fractional only for a questionnaire scored `continuous`).", "type": "number", "minimum": 0},
                        "priority": {
                            "description": "How much the domain matters, 1 (lowest) to 5 (highest); 3 when left out.",
                            "type": "integer",
                            "minimum": 1,
                            "maximum": TOP_PRIORITY
                        }
                    },
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_is_draft_7_json() {
        for text in [questionnaire(), answers(), target(), config()] {
            let value: serde_json::Value = serde_json::from_str(&text.unwrap()).unwrap();
            assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#");
            assert_eq!(value["type"], "object");
        }
    }
}
