//! An answers file: who was assessed, by whom, and the answer to each question, with notes and
//! evidence. Written by `jsp assess`, fine to edit by hand, kept in git.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use schemars::JsonSchema;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

mod de;
mod fast;

use crate::error::{Error, Problem, Result, Warning, first_problems_with};
use crate::questionnaire::{NOT_APPLICABLE, Questionnaire};
use crate::text::{line_of_key, nearest};

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub questionnaire: String,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub assessor: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "de::unique_answers")]
    #[schemars(with = "BTreeMap<String, Answer>")]
    pub answers: BTreeMap<String, Answer>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// An option id of the questionnaire's scale, or [`NOT_APPLICABLE`].
    pub choice: String,
    pub note: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// One evidence item: a reference (a document id, a web address, a path relative to the answers
/// file), with the date it was produced, when it expires and who owns it where given.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub reference: String,
    pub date: Option<time::Date>,
    pub expires: Option<time::Date>,
    pub owner: Option<String>,
}

impl Evidence {
    /// A reference with nothing more: what the short (string) form holds.
    pub fn plain(reference: impl Into<String>) -> Self {
        Evidence {
            reference: reference.into(),
            date: None,
            expires: None,
            owner: None,
        }
    }

    fn is_plain(&self) -> bool {
        self.date.is_none() && self.expires.is_none() && self.owner.is_none()
    }
}

/// Blank text counts as not given: a note or an owner of spaces says nothing.
fn given(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// `YYYY-MM-DD`, the one date format of jsp's files.
pub fn format_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A `YYYY-MM-DD` date, or `None`.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format).ok()
}

impl Answer {
    pub fn new(choice: impl Into<String>, note: Option<String>) -> Self {
        Answer {
            choice: choice.into(),
            note: given(note),
            evidence: Vec::new(),
        }
    }

    pub fn is_not_applicable(&self) -> bool {
        self.choice == NOT_APPLICABLE
    }
}

impl Answers {
    /// Who and what was assessed, as every report's header lists it: (label, value) of the
    /// fields the file gives, in a fixed order.
    pub fn metadata(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("Organization", &self.organization),
            ("Subject", &self.subject),
            ("Assessor", &self.assessor),
            ("Date", &self.date),
        ]
        .into_iter()
        .filter_map(|(label, value)| value.as_deref().map(|v| (label, v)))
    }

    /// What was assessed, as titles name it: the subject, else the organization.
    pub fn name(&self) -> Option<&str> {
        self.subject.as_deref().or(self.organization.as_deref())
    }

    /// The questionnaire among `candidates` (not `named`) that most of these answers are to,
    /// with how many; `None` unless more than half are, and at least five are not `named`'s.
    pub fn answer_another<'a>(
        &self,
        named: &Questionnaire,
        candidates: impl IntoIterator<Item = &'a Questionnaire>,
    ) -> Option<(&'a str, usize)> {
        let unknown = self
            .answers
            .keys()
            .filter(|id| named.question(id).is_none())
            .count();
        if !(unknown >= 5 && unknown * 2 > self.answers.len()) {
            return None;
        }
        candidates
            .into_iter()
            .filter(|q| q.id != named.id)
            .map(|q| {
                let count = self
                    .answers
                    .keys()
                    .filter(|id| q.question(id).is_some())
                    .count();
                (q.id.as_str(), count)
            })
            .filter(|(_, count)| count * 2 > self.answers.len())
            .max_by_key(|(_, count)| *count)
    }

    /// Parses an answers file: by the fast reader where it takes the file, else (and for every
    /// error) by serde.
    pub fn parse(text: &str, path: &Path) -> Result<Answers> {
        fast::read(text).map_or_else(|| Answers::parse_with_serde(text, path), Ok)
    }

    /// Parses an answers file with serde alone: the reader that decides what a file means, which
    /// the fast one is tested against.
    pub fn parse_with_serde(text: &str, path: &Path) -> Result<Answers> {
        crate::yaml::from_str(text)
            .map_err(|problem| Error::invalid(path, other_kind(text, path).unwrap_or(problem)))
    }

    pub fn load(path: &Path) -> Result<(Answers, String)> {
        let text = crate::files::read_text(path)?;
        Ok((Answers::parse(&text, path)?, text))
    }

    /// Every answer that does not fit the questionnaire is an error; a version mismatch and
    /// an unexplained `na` are warnings. `source` is the file's text, for line numbers.
    pub fn check(
        &self,
        questionnaire: &Questionnaire,
        source: &str,
        path: &Path,
    ) -> Result<Vec<Warning>> {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        if let Some(version) = &self.version
            && *version != questionnaire.version
        {
            warnings.push(
                Problem::new(format!(
                    "answers were given to version {version} of `{}`, which is now at version {}",
                    questionnaire.id, questionnaire.version
                ))
                .at(line_of_key(source, "version"))
                .hint("review the answers with `jsp assess --review`, then update `version`"),
            );
        }
        if let Some(date) = &self.date
            && parse_date(date).is_none()
        {
            errors.push(
                Problem::new(format!("`{date}` is not a date of the calendar"))
                    .at(line_of_key(source, "date"))
                    .hint("write the date of the assessment as YYYY-MM-DD, such as 2026-11-28"),
            );
        }
        // The questionnaire is walked and each question looked up among the answers (a sorted
        // map), so that no table is built per file: a portfolio checks thousands of them.
        let (mut faults, mut notes) = (Vec::new(), Vec::new());
        let mut known = 0;
        for (_, question) in questionnaire.questions() {
            let Some((id, answer)) = self.answers.get_key_value(&question.id) else {
                continue;
            };
            known += 1;
            if answer.is_not_applicable() {
                if !question.na {
                    faults.push((id, Fault::NotApplicable));
                } else if answer.note.is_none() {
                    notes.push((id, Fault::NoNote));
                }
            } else if questionnaire.option(&answer.choice).is_none() {
                faults.push((id, Fault::UnknownOption(&answer.choice)));
            }
        }
        // Most answers to questions the questionnaire lacks: not typos but another
        // questionnaire's answers, said once, with no "did you mean" per line.
        let unknown = self.answers.len() - known;
        let foreign = unknown >= 5 && unknown * 2 > self.answers.len();
        if known < self.answers.len() {
            let ids: HashSet<&str> = questionnaire
                .questions()
                .map(|(_, q)| q.id.as_str())
                .collect();
            let unknown = self.answers.keys().filter(|id| !ids.contains(id.as_str()));
            let fault = if foreign {
                Fault::ForeignQuestion
            } else {
                Fault::UnknownQuestion
            };
            faults.extend(unknown.map(|id| (id, fault)));
        }
        if foreign {
            errors.push(
                Problem::new(format!(
                    "{} of the {} answers are to questions `{}` does not have: these look like answers to another questionnaire",
                    self.answers.len() - known,
                    self.answers.len(),
                    questionnaire.id
                ))
                .at(line_of_key(source, "questionnaire"))
                .hint("set `questionnaire:` to the one they answer (`jsp list` shows them)"),
            );
        }
        // Reported in the file's line order, and described (a nearest-id search each) only
        // for the ones reported.
        let mut faults: Vec<_> = faults
            .into_iter()
            .map(|(id, fault)| (line_of_key(source, id), id, fault))
            .collect();
        faults.sort_by_key(|(line, id, _)| (*line, *id));
        let faults: Vec<_> = faults.into_iter().map(|(_, id, f)| (id, f)).collect();
        notes.sort_by_key(|(id, _)| *id);
        let describe = |(id, fault): (&String, Fault)| {
            fault.problem(questionnaire, id).at(line_of_key(source, id))
        };
        errors.extend(first_problems_with(faults, describe));
        warnings.extend(first_problems_with(notes, describe));
        if errors.is_empty() {
            Ok(warnings
                .into_iter()
                .map(|problem| Warning {
                    path: path.to_path_buf(),
                    problem,
                })
                .collect())
        } else {
            Err(Error::Invalid {
                path: path.to_path_buf(),
                problems: errors,
            })
        }
    }

    /// The file's text: metadata first, then answers in questionnaire order, so that diffs of
    /// answers files read well in review.
    pub fn to_yaml(&self, questionnaire: &Questionnaire) -> Result<String, String> {
        let ordered: Vec<(&str, &Answer)> = questionnaire
            .questions()
            .filter_map(|(_, q)| self.answers.get(&q.id).map(|a| (q.id.as_str(), a)))
            .collect();
        crate::yaml::to_string(&AnswersOut {
            questionnaire: &self.questionnaire,
            version: self.version.as_deref(),
            organization: self.organization.as_deref(),
            subject: self.subject.as_deref(),
            assessor: self.assessor.as_deref(),
            date: self.date.as_deref(),
            answers: OrderedAnswers(ordered),
        })
    }

    /// Writes the file atomically.
    pub fn save(&self, questionnaire: &Questionnaire, path: &Path) -> Result<()> {
        let text = self
            .to_yaml(questionnaire)
            .map_err(|message| Error::Write {
                path: path.to_path_buf(),
                source: std::io::Error::other(message),
            })?;
        crate::files::write_atomic(path, text.as_bytes())
    }
}

/// The kind of file that an answers file is mistaken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Questionnaire,
    Target,
    Config,
}

/// What a file that is not an answers file is, by its name and its keys: jsp.toml, a target
/// (TOML), or a questionnaire (YAML with `domains`).
pub fn kind_of(text: &str, path: &Path) -> Option<Kind> {
    if path.file_name().is_some_and(|n| n == "jsp.toml") {
        return Some(Kind::Config);
    }
    // Only what looks like TOML is parsed as TOML: a hostile YAML file of megabytes of `[`
    // would otherwise cost the TOML parser a second pass over it.
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or_default();
    let looks_like_toml = path.extension().is_some_and(|e| e == "toml")
        || first.split_once('=').is_some_and(|(key, _)| {
            !key.trim().is_empty()
                && key
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '"' | '.'))
        })
        || first
            .strip_prefix('[')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()));
    if looks_like_toml
        && let Ok(table) = text.parse::<toml::Table>()
        && !table.is_empty()
    {
        const CONFIG: [&str; 5] = [
            "organization",
            "assessor",
            "questionnaire",
            "questionnaires",
            "target",
        ];
        return Some(if table.keys().all(|k| CONFIG.contains(&k.as_str())) {
            Kind::Config
        } else {
            Kind::Target
        });
    }
    let top: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim()))
        .collect();
    (top.contains(&"domains") && !top.contains(&"answers")).then_some(Kind::Questionnaire)
}

/// The error for a file of another kind given where answers are wanted: what it is and which
/// command or flag takes it.
fn other_kind(text: &str, path: &Path) -> Option<Problem> {
    let shown = path.display();
    Some(match kind_of(text, path)? {
        Kind::Target => Problem::new("this is a target (a TOML file of levels per domain), not an answers file")
            .hint(format!("give it with --target: `jsp score ANSWERS.yaml --target {shown}`; check it with `jsp validate {shown}`")),
        Kind::Questionnaire => Problem::new("this is a questionnaire, not an answers file")
            .hint(format!("put it in a folder named with --questionnaires DIR, or answer it with `jsp assess --questionnaires DIR`; check it with `jsp validate {shown}`")),
        Kind::Config => Problem::new("this is jsp's configuration (jsp.toml), not an answers file")
            .hint("jsp reads it by itself from the current folder or a parent; give `jsp score` an answers file, e.g. one `jsp assess` wrote"),
    })
}

/// What is wrong with one answer.
#[derive(Clone, Copy)]
enum Fault<'a> {
    UnknownQuestion,
    /// Unknown, in a file whose answers are mostly to another questionnaire.
    ForeignQuestion,
    NotApplicable,
    UnknownOption(&'a str),
    NoNote,
}

impl Fault<'_> {
    fn problem(self, questionnaire: &Questionnaire, id: &str) -> Problem {
        match self {
            Fault::UnknownQuestion => {
                let ids = questionnaire.questions().map(|(_, q)| q.id.as_str());
                let lower = id.to_ascii_lowercase();
                let hint = match nearest(&lower, ids) {
                    Some(near) if near == lower => {
                        format!("did you mean `{near}`? (ids are lowercase)")
                    }
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("see `jsp show {}` for its questions", questionnaire.id),
                };
                Problem::new(format!(
                    "`{id}` is not a question of `{}`",
                    questionnaire.id
                ))
                .hint(hint)
            }
            Fault::ForeignQuestion => Problem::new(format!(
                "`{id}` is not a question of `{}`",
                questionnaire.id
            )),
            Fault::NotApplicable => {
                Problem::new(format!("question `{id}` cannot be answered `na`"))
                    .hint("the questionnaire does not allow not applicable here: choose an option")
            }
            Fault::UnknownOption(choice) => {
                let options: Vec<&str> =
                    questionnaire.scale.iter().map(|o| o.id.as_str()).collect();
                Problem::new(format!("`{id}`: `{choice}` is not an answer option"))
                    .hint(format!("use one of {}", options.join(", ")))
            }
            Fault::NoNote => {
                Problem::new(format!("`{id}` is marked not applicable without a note"))
                    .hint("add a note saying why the practice does not apply")
            }
        }
    }
}

#[derive(Serialize)]
struct AnswersOut<'a> {
    questionnaire: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assessor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    answers: OrderedAnswers<'a>,
}

struct OrderedAnswers<'a>(Vec<(&'a str, &'a Answer)>);

impl Serialize for OrderedAnswers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, answer) in &self.0 {
            map.serialize_entry(id, answer)?;
        }
        map.end()
    }
}

/// The short form (`id: option`) when there is nothing but the choice.
impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.note.is_none() && self.evidence.is_empty() {
            return serializer.serialize_str(&self.choice);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("answer", &self.choice)?;
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        if !self.evidence.is_empty() {
            map.serialize_entry("evidence", &self.evidence)?;
        }
        map.end()
    }
}

/// The short form (the reference alone) when there is nothing but the reference, so that files
/// saved by `jsp assess` keep the style they were written in.
impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_plain() {
            return serializer.serialize_str(&self.reference);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("ref", &self.reference)?;
        if let Some(date) = self.date {
            map.serialize_entry("date", &format_date(date))?;
        }
        if let Some(expires) = self.expires {
            map.serialize_entry("expires", &format_date(expires))?;
        }
        if let Some(owner) = &self.owner {
            map.serialize_entry("owner", owner)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_keeps_its_short_form_and_its_dates() {
        let text = "questionnaire: q\nanswers:\n  a:\n    answer: yes\n    evidence:\n      - SOP-7\n      - ref: docs/x.pdf\n        date: 2025-06-01\n        owner: QA\n";
        let answers: Answers = crate::yaml::from_str(text).unwrap();
        let evidence = &answers.answers["a"].evidence;
        assert_eq!(evidence[0], Evidence::plain("SOP-7"));
        assert_eq!(evidence[1].date, parse_date("2025-06-01"));
        let written = crate::yaml::to_string(evidence).unwrap();
        assert_eq!(
            written,
            "- SOP-7\n- ref: docs/x.pdf\n  date: 2025-06-01\n  owner: QA\n"
        );
    }
}
