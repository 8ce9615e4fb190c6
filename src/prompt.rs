//! The interview behind `jsp assess`: one question at a time, one line per answer, the same
//! whether a person types or a script pipes. Generic over its input and output so that tests
//! drive it with buffers.

use std::io::{BufRead, Write};

use crate::answers::{Answer, Answers};
use crate::error::{Error, Result};
use crate::questionnaire::{Domain, NOT_APPLICABLE, Question, Questionnaire};
use crate::text::printable;

/// How an interview ended. Either way every answer given is already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every question of the walk was seen.
    Finished,
    /// `q`, or the end of the input.
    Quit,
}

/// What one line of input asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Answer {
        choice: String,
        note: Option<String>,
    },
    Keep,
    Help,
    Skip,
    Back,
    Quit,
    Invalid(String),
}

pub struct Interview<'q, R, W> {
    questionnaire: &'q Questionnaire,
    input: R,
    output: W,
    echo: bool,
    width: usize,
}

impl<'q, R: BufRead, W: Write> Interview<'q, R, W> {
    pub fn new(questionnaire: &'q Questionnaire, input: R, output: W) -> Self {
        Interview {
            questionnaire,
            input,
            output,
            echo: false,
            width: 80,
        }
    }

    /// The terminal's width, to which long questions and guidance are wrapped.
    #[must_use]
    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(40);
        self
    }

    /// `text` wrapped to the width, continuation lines indented under its start.
    fn wrap(&self, first: &str, text: &str) -> String {
        let indent = " ".repeat(first.chars().count());
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(&indent);
        format!("{}\n", textwrap::fill(&printable(text), options))
    }

    /// Repeats each line read, so that a transcript of piped input reads like a session.
    #[must_use]
    pub fn echo(mut self, echo: bool) -> Self {
        self.echo = echo;
        self
    }

    /// Reads one line; `None` at the end of the input.
    pub fn read_line(&mut self) -> Result<Option<String>> {
        let mut line = String::new();
        let read = self
            .input
            .read_line(&mut line)
            .map_err(|source| Error::Terminal {
                doing: "read the answer from",
                source,
            })?;
        let line = (read > 0).then(|| line.trim_end_matches(['\n', '\r']).to_string());
        if self.echo
            && let Some(line) = &line
        {
            self.say(&format!("{}\n", printable(line)))?;
        }
        Ok(line)
    }

    /// Asks a free-text question; an empty answer or the end of the input gives `None`.
    pub fn ask_text(&mut self, prompt: &str) -> Result<Option<String>> {
        self.say(&format!("{prompt}: "))?;
        Ok(self
            .read_line()?
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty()))
    }

    pub fn say(&mut self, text: &str) -> Result<()> {
        self.output
            .write_all(text.as_bytes())
            .and_then(|()| self.output.flush())
            .map_err(|source| Error::Terminal {
                doing: "write to",
                source,
            })
    }

    /// Walks `walk` (question ids, in order), saving with `save` after every answer.
    pub fn run(
        &mut self,
        walk: &[&'q str],
        answers: &mut Answers,
        mut save: impl FnMut(&Answers) -> Result<()>,
    ) -> Result<Outcome> {
        let total = self.questionnaire.question_count();
        let positions: Vec<usize> = self
            .questionnaire
            .questions()
            .map(|(_, q)| q.id.as_str())
            .enumerate()
            .filter(|(_, id)| walk.contains(id))
            .map(|(i, _)| i + 1)
            .collect();
        let mut index = 0;
        while let (Some(id), Some(position)) = (walk.get(index), positions.get(index)) {
            let Some((domain, question)) = self.questionnaire.question(id) else {
                index += 1;
                continue;
            };
            self.show(domain, question, *position, total, answers.answers.get(*id))?;
            loop {
                self.say(&self.prompt_line(question, answers.answers.get(*id)))?;
                let Some(line) = self.read_line()? else {
                    self.say("\n")?;
                    return Ok(Outcome::Quit);
                };
                match self.parse(&line, question) {
                    Command::Answer { choice, note } => {
                        let answer = match answers.answers.get(*id) {
                            // A new choice keeps the evidence and, unless replaced, the note.
                            Some(old) => Answer {
                                choice,
                                note: note.or_else(|| old.note.clone()),
                                evidence: old.evidence.clone(),
                            },
                            None => Answer::new(choice, note),
                        };
                        answers.answers.insert((*id).to_string(), answer);
                        save(answers)?;
                        index += 1;
                        break;
                    }
                    Command::Keep if answers.answers.contains_key(*id) => {
                        index += 1;
                        break;
                    }
                    Command::Keep => self.say("  Type an option number or id; `?` for help.\n")?,
                    Command::Help => self.help(question)?,
                    Command::Skip => {
                        index += 1;
                        break;
                    }
                    Command::Back if index == 0 => {
                        self.say("  This is the first question.\n")?;
                    }
                    Command::Back => {
                        index -= 1;
                        break;
                    }
                    Command::Quit => return Ok(Outcome::Quit),
                    Command::Invalid(hint) => self.say(&format!("  {hint}\n"))?,
                }
            }
        }
        Ok(Outcome::Finished)
    }

    fn show(
        &mut self,
        domain: &Domain,
        question: &Question,
        position: usize,
        total: usize,
        current: Option<&Answer>,
    ) -> Result<()> {
        let q = self.questionnaire;
        let mut text = format!(
            "\n[{position}/{total}] {} · level {} {}\n",
            printable(&domain.title),
            question.level,
            printable(q.level_name(question.level)),
        );
        let regulatory = if question.is_regulatory() {
            " (regulatory)"
        } else {
            ""
        };
        text.push_str(&self.wrap(
            &format!("{}  ", printable(&question.id)),
            &format!("{}{regulatory}", question.text),
        ));
        let width = q.scale.iter().map(|o| o.id.len()).max().unwrap_or(0);
        for (number, option) in q.scale.iter().enumerate() {
            text.push_str(&format!(
                "  {} {:width$}  {}\n",
                number + 1,
                printable(&option.id),
                printable(&option.label)
            ));
        }
        if question.na {
            text.push_str(&format!("  {NOT_APPLICABLE}{:width$}Not applicable\n", ""));
        }
        if let Some(answer) = current {
            text.push_str(&format!("  current: {}", printable(&answer.choice)));
            if let Some(note) = &answer.note {
                text.push_str(&format!(" — {}", printable(note)));
            }
            text.push('\n');
        }
        self.say(&text)
    }

    fn prompt_line(&self, question: &Question, current: Option<&Answer>) -> String {
        let count = self.questionnaire.scale.len();
        let na = if question.na { ", na" } else { "" };
        let default = current
            .map(|a| format!(" [{}]", printable(&a.choice)))
            .unwrap_or_default();
        format!("Answer 1-{count}{na} (+ note), ? help, s skip, b back, q quit{default}: ")
    }

    fn help(&mut self, question: &Question) -> Result<()> {
        let mut text = String::new();
        match &question.guidance {
            Some(guidance) => text.push_str(&self.wrap("  Guidance: ", guidance.trim())),
            None => text.push_str("  No guidance for this question.\n"),
        }
        if !question.references.is_empty() {
            text.push_str(&self.wrap("  References: ", &question.references.join("; ")));
        }
        self.say(&text)
    }

    fn parse(&self, line: &str, question: &Question) -> Command {
        let line = line.trim();
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let note = Some(rest.trim().to_string()).filter(|n| !n.is_empty());
        let scale = &self.questionnaire.scale;
        match word {
            "" => Command::Keep,
            "?" => Command::Help,
            "s" => Command::Skip,
            "b" => Command::Back,
            "q" => Command::Quit,
            NOT_APPLICABLE if question.na => Command::Answer {
                choice: NOT_APPLICABLE.to_string(),
                note,
            },
            NOT_APPLICABLE => {
                Command::Invalid("This question cannot be answered not applicable.".into())
            }
            _ => {
                let by_number = word
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|n| scale.get(n));
                match by_number.or_else(|| scale.iter().find(|o| o.id == word)) {
                    Some(option) => Command::Answer {
                        choice: option.id.clone(),
                        note,
                    },
                    None => Command::Invalid(format!(
                        "`{}` is not an answer: type 1-{} or an option id, optionally followed by a note.",
                        printable(word),
                        scale.len()
                    )),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const QUESTIONNAIRE: &str = r#"
id: t
title: T
version: "1"
role: r
domains:
  - id: a
    title: A
    questions:
      - {id: a2, level: 2, text: First?, guidance: Look for the policy., references: [REF 1]}
      - {id: a3, level: 3, text: Second?, na: true}
      - {id: a4, level: 4, text: Third?}
"#;

    fn interview(input: &str) -> (Answers, Outcome, String, usize) {
        let (q, _) = Questionnaire::parse(QUESTIONNAIRE, Path::new("t.yaml")).unwrap();
        let mut answers = Answers::default();
        let mut output = Vec::new();
        let mut saves = 0;
        let outcome = Interview::new(&q, input.as_bytes(), &mut output)
            .run(&["a2", "a3", "a4"], &mut answers, |_| {
                saves += 1;
                Ok(())
            })
            .unwrap();
        (answers, outcome, String::from_utf8(output).unwrap(), saves)
    }

    #[test]
    fn numbers_ids_notes_and_na_answer_questions() {
        let (answers, outcome, _, saves) =
            interview("3 policy approved in 2025\nna no network\nfull\n");
        assert_eq!(outcome, Outcome::Finished);
        assert_eq!(saves, 3);
        let a2 = &answers.answers["a2"];
        assert_eq!(
            (a2.choice.as_str(), a2.note.as_deref()),
            ("largely", Some("policy approved in 2025"))
        );
        assert_eq!(answers.answers["a3"].choice, "na");
        assert_eq!(answers.answers["a4"].choice, "full");
    }

    #[test]
    fn help_invalid_back_skip_and_quit() {
        let (answers, outcome, output, _) = interview("?\nmaybe\n1\nb\n2\ns\nq\n");
        assert!(output.contains("Guidance: Look for the policy."));
        assert!(output.contains("References: REF 1"));
        assert!(output.contains("`maybe` is not an answer"));
        assert_eq!(outcome, Outcome::Quit);
        assert_eq!(answers.answers["a2"].choice, "partial");
        assert!(!answers.answers.contains_key("a3"));
    }

    #[test]
    fn na_is_refused_where_not_allowed_and_eof_quits() {
        let (answers, outcome, output, _) = interview("na\n");
        assert!(output.contains("cannot be answered not applicable"));
        assert_eq!(outcome, Outcome::Quit);
        assert!(answers.answers.is_empty());
    }
}
