//! The interview behind `jsp assess`: one question at a time, one line per answer, the same
//! grammar whether a person types or a script pipes. Generic over its input (a [`Input`]: piped
//! lines, or the line editor the app provides on a terminal) and its output, so that tests drive
//! it with buffers.
//!
//! The grammar of an answer line: `3` or `largely` (an option by number or id), optionally
//! followed by a note (`3 policy approved in 2025`); `na` and its reason (asked for at once when
//! missing); `+ SOP-12; https://wiki/x` sets the evidence of the question on screen (`+` alone asks
//! for it, the current evidence pre-filled on a terminal); an empty line keeps the current answer;
//! `?` help, `s` skip, `b` back, `q` quit.

use std::io::{BufRead, Write};

use crate::answers::{Answer, Answers, Evidence};
use crate::error::{Error, Result};
use crate::questionnaire::{Domain, NOT_APPLICABLE, Question, Questionnaire};
use crate::text::printable;

/// The longest answer line read: longer ones are refused and the question asked again, so that
/// `</dev/zero` or a 1.5 GB line cannot exhaust memory.
pub const MAX_LINE: usize = 64 * 1024;

/// Past this many bytes without a line end the input is not lines of text (`</dev/zero`): the
/// interview ends as at the end of the input.
const MAX_DISCARD: usize = 16 * 1024 * 1024;

/// How an interview ended. Either way every answer given is already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every question of the walk was seen.
    Finished,
    /// `q`, or the end of the input.
    Quit,
    /// Ctrl-C at the line editor, or the terminal went away (a read failed).
    Interrupted,
}

/// One read from the input.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// The end of the input.
    End,
    /// Ctrl-C at the line editor.
    Interrupted,
    /// Longer than [`MAX_LINE`]; the rest of it was discarded.
    TooLong,
}

/// Where the answers come from.
pub trait Input {
    /// Shows `prompt` on `output` and reads one line; `initial` is the text to pre-fill for
    /// editing, where the input can ([`Input::edits`]).
    fn read(
        &mut self,
        prompt: &str,
        initial: &str,
        output: &mut dyn Write,
    ) -> std::io::Result<Line>;

    /// Whether `initial` is shown for editing, so that what comes back is the whole answer.
    fn edits(&self) -> bool {
        false
    }
}

/// Lines from a pipe, a file or a test's buffer, each at most [`MAX_LINE`] bytes.
pub struct Piped<R>(pub R);

impl<R: BufRead> Input for Piped<R> {
    fn read(&mut self, prompt: &str, _: &str, output: &mut dyn Write) -> std::io::Result<Line> {
        output.write_all(prompt.as_bytes())?;
        output.flush()?;
        read_bounded(&mut self.0)
    }
}

/// Reads up to a line end without ever holding more than [`MAX_LINE`] bytes.
pub fn read_bounded(reader: &mut impl BufRead) -> std::io::Result<Line> {
    let mut bytes = Vec::new();
    let mut too_long = false;
    let mut discarded = 0usize;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            if bytes.is_empty() && !too_long {
                return Ok(Line::End);
            }
            break;
        }
        let end = buffer.iter().position(|&b| b == b'\n');
        let take = end.map_or(buffer.len(), |i| i + 1);
        if too_long {
            discarded = discarded.saturating_add(take);
        } else {
            let room = (MAX_LINE + 2).saturating_sub(bytes.len());
            bytes.extend_from_slice(buffer.get(..take.min(room)).unwrap_or_default());
            // A line end (`\r\n`) does not count against the limit.
            let length = bytes
                .iter()
                .rposition(|&b| b != b'\n' && b != b'\r')
                .map_or(0, |i| i + 1);
            if length > MAX_LINE || take > room {
                too_long = true;
                bytes = Vec::new();
            }
        }
        reader.consume(take);
        if end.is_some() {
            break;
        }
        if discarded > MAX_DISCARD {
            return Ok(Line::End);
        }
    }
    if too_long {
        return Ok(Line::TooLong);
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok(Line::Text(text.trim_end_matches(['\n', '\r']).to_string()))
}

/// What one line of input asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Answer {
        choice: String,
        note: Option<String>,
    },
    Evidence(Option<Vec<Evidence>>),
    Keep,
    Help,
    Skip,
    Back,
    Quit,
    Invalid(String),
}

/// What a free-text question got.
enum Reply {
    Text(String),
    Stop(Outcome),
}

pub struct Interview<'q, 'i, W> {
    questionnaire: &'q Questionnaire,
    input: Box<dyn Input + 'i>,
    output: W,
    echo: bool,
    width: usize,
    domains: Vec<String>,
    stopped: Option<Outcome>,
}

impl<'q, 'i, W: Write> Interview<'q, 'i, W> {
    /// An interview reading lines from `input`, a pipe or a buffer.
    #[cfg(test)]
    pub fn new<R: BufRead + 'i>(questionnaire: &'q Questionnaire, input: R, output: W) -> Self {
        Self::with_input(questionnaire, Box::new(Piped(input)), output)
    }

    /// An interview reading from any [`Input`], such as the terminal's line editor.
    pub fn with_input(
        questionnaire: &'q Questionnaire,
        input: Box<dyn Input + 'i>,
        output: W,
    ) -> Self {
        Interview {
            questionnaire,
            input,
            output,
            echo: false,
            width: 80,
            domains: Vec::new(),
            stopped: None,
        }
    }

    /// The terminal's width, to which every line is wrapped.
    #[must_use]
    pub fn width(mut self, width: usize) -> Self {
        self.width = width.max(20);
        self
    }

    /// The domains the interview covers (all when empty): the progress counts within them.
    #[must_use]
    pub fn domains(mut self, domains: &[String]) -> Self {
        self.domains = domains.to_vec();
        self
    }

    /// Repeats each line read, so that a transcript of piped input reads like a session.
    #[must_use]
    pub fn echo(mut self, echo: bool) -> Self {
        self.echo = echo;
        self
    }

    /// The input, for the next interview.
    pub fn into_input(self) -> Box<dyn Input + 'i> {
        self.input
    }

    /// How a free-text question ended the interview: the end of the input or Ctrl-C.
    pub fn stopped(&self) -> Option<Outcome> {
        self.stopped
    }

    /// `text` wrapped to the width on word boundaries, continuation lines indented under its
    /// start; a word longer than the line (an id, a path) is never split.
    fn wrap(&self, first: &str, text: &str) -> String {
        let indent = " ".repeat(first.chars().count().min(self.width / 2));
        format!(
            "{}\n",
            crate::render::fill(&printable(text), self.width, first, &indent)
        )
    }

    /// [`Self::wrap`] for text whose author broke it into lines: each line is filled on its
    /// own, under the first one's indent.
    fn wrap_lines(&self, first: &str, text: &str) -> String {
        let indent = " ".repeat(first.chars().count().min(self.width / 2));
        text.trim()
            .lines()
            .enumerate()
            .map(|(n, line)| self.wrap(if n == 0 { first } else { &indent }, line))
            .collect()
    }

    /// Reads one line after `prompt`; the end of the input, Ctrl-C and a failed read end the
    /// interview, a line too long is refused.
    fn read(
        &mut self,
        prompt: &str,
        initial: &str,
    ) -> Result<std::result::Result<String, Outcome>> {
        loop {
            let read = self.input.read(prompt, initial, &mut self.output);
            return match read {
                Ok(Line::Text(line)) => {
                    if self.echo {
                        self.say(&format!("{}\n", printable(&line)))?;
                    }
                    Ok(Ok(line))
                }
                Ok(Line::End) => {
                    self.say("\n")?;
                    Ok(Err(Outcome::Quit))
                }
                Ok(Line::Interrupted) => Ok(Err(Outcome::Interrupted)),
                // A terminal that was closed reads as EIO: the interview ends, saved.
                Err(_) => Ok(Err(Outcome::Interrupted)),
                Ok(Line::TooLong) => {
                    self.say(&format!(
                        "\n  That line is longer than {} KiB and was ignored; type a shorter one.\n",
                        MAX_LINE / 1024
                    ))?;
                    continue;
                }
            };
        }
    }

    /// Asks a free-text question; an empty answer gives `None`, and so do the end of the input
    /// and Ctrl-C, which [`Interview::stopped`] then tells.
    pub fn ask_text(&mut self, prompt: &str) -> Result<Option<String>> {
        Ok(match self.reply(&format!("{prompt}: "), "")? {
            Reply::Text(text) => Some(text).filter(|t| !t.is_empty()),
            Reply::Stop(outcome) => {
                self.stopped = Some(outcome);
                None
            }
        })
    }

    fn reply(&mut self, prompt: &str, initial: &str) -> Result<Reply> {
        Ok(match self.read(prompt, initial)? {
            Ok(line) => Reply::Text(line.trim().to_string()),
            Err(outcome) => Reply::Stop(outcome),
        })
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

    /// Says `text`, wrapped to the width.
    pub fn say_wrapped(&mut self, text: &str) -> Result<()> {
        let wrapped = self.wrap("", text);
        self.say(&wrapped)
    }

    /// Walks `walk` (question ids, in order), saving with `save` after every answer.
    pub fn run(
        &mut self,
        walk: &[&'q str],
        answers: &mut Answers,
        mut save: impl FnMut(&Answers) -> Result<()>,
    ) -> Result<Outcome> {
        let q = self.questionnaire;
        let scope: Vec<&str> = q
            .questions()
            .filter(|(d, _)| self.domains.is_empty() || self.domains.contains(&d.id))
            .map(|(_, q)| q.id.as_str())
            .collect();
        let total = scope.len();
        let mut index = 0;
        let mut last_domain: Option<&str> = None;
        while let Some(id) = walk.get(index) {
            // Evidence typed before the question's first answer waits for it.
            let mut pending: Option<Vec<Evidence>> = None;
            let (Some((domain, question)), Some(position)) =
                (q.question(id), scope.iter().position(|s| s == id))
            else {
                index += 1;
                continue;
            };
            if last_domain != Some(domain.id.as_str()) {
                self.header(domain, answers)?;
                last_domain = Some(domain.id.as_str());
            }
            self.show(
                domain,
                question,
                position + 1,
                total,
                answers.answers.get(*id),
            )?;
            loop {
                let current = answers.answers.get(*id);
                let prompt = match current {
                    Some(a) => format!("Answer [{}]: ", printable(&a.choice)),
                    None => "Answer: ".to_string(),
                };
                let initial = current.map(answer_line).unwrap_or_default();
                let line = match self.read(&prompt, &initial)? {
                    Ok(line) => line,
                    Err(outcome) => return Ok(outcome),
                };
                // On the line editor the current answer was there to edit: what comes back is
                // the whole answer, so a note deleted is a note removed.
                let edited = self.input.edits() && current.is_some();
                match self.parse(&line, question) {
                    Command::Answer { choice, mut note } => {
                        if choice == NOT_APPLICABLE
                            && note.is_none()
                            && current.is_none_or(|a| a.note.is_none() || edited)
                        {
                            match self.reason()? {
                                Ok(reason) => note = reason,
                                Err(outcome) => return Ok(outcome),
                            }
                        }
                        let answer = match current {
                            // A new choice keeps the evidence and, unless replaced, the note.
                            Some(old) => Answer {
                                choice,
                                note: if edited {
                                    note
                                } else {
                                    note.or_else(|| old.note.clone())
                                },
                                evidence: pending.take().unwrap_or_else(|| old.evidence.clone()),
                            },
                            None => Answer {
                                evidence: pending.take().unwrap_or_default(),
                                ..Answer::new(choice, note)
                            },
                        };
                        self.confirm(id, &answer)?;
                        answers.answers.insert((*id).to_string(), answer);
                        save(answers)?;
                        index += 1;
                        break;
                    }
                    Command::Evidence(items) => {
                        let items = match items {
                            Some(items) => items,
                            None => {
                                let now = pending
                                    .as_ref()
                                    .or(current.map(|a| &a.evidence))
                                    .map(|e| references(e))
                                    .unwrap_or_default();
                                match self.read(
                                    "  Evidence (items separated by `;`; empty clears): ",
                                    &now,
                                )? {
                                    Ok(line) => split_evidence(&line, &[]),
                                    Err(outcome) => return Ok(outcome),
                                }
                            }
                        };
                        match answers.answers.get_mut(*id) {
                            Some(answer) => {
                                answer.evidence = keep_dates(items, &answer.evidence);
                                let answer = answer.clone();
                                self.confirm(id, &answer)?;
                                save(answers)?;
                            }
                            None => {
                                self.say(&format!(
                                    "  Evidence noted ({}); it is saved with the answer.\n",
                                    items.len()
                                ))?;
                                pending = Some(items);
                            }
                        }
                    }
                    Command::Keep if current.is_some() => {
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
                    Command::Invalid(hint) => {
                        let hint = self.wrap("  ", &hint);
                        self.say(&hint)?;
                    }
                }
            }
        }
        Ok(Outcome::Finished)
    }

    /// `na` without a reason: asked for once; an empty line leaves it without one.
    fn reason(&mut self) -> Result<std::result::Result<Option<String>, Outcome>> {
        match self.reply("  Why does it not apply? (Enter for no reason): ", "")? {
            Reply::Text(reason) if !reason.is_empty() => Ok(Ok(Some(reason))),
            Reply::Text(_) => {
                self.say("  No reason recorded; `jsp score` will warn about it.\n")?;
                Ok(Ok(None))
            }
            Reply::Stop(outcome) => Ok(Err(outcome)),
        }
    }

    /// One short line saying what was saved.
    fn confirm(&mut self, id: &str, answer: &Answer) -> Result<()> {
        let mut text = format!("{} = {}", printable(id), printable(&answer.choice));
        if let Some(note) = &answer.note {
            text.push_str(&format!(" — {}", printable(note)));
        }
        match answer.evidence.len() {
            0 => {}
            1 => text.push_str(" (1 evidence item)"),
            n => text.push_str(&format!(" ({n} evidence items)")),
        }
        let line = self.wrap("  saved: ", &text);
        self.say(&line)
    }

    fn header(&mut self, domain: &Domain, answers: &Answers) -> Result<()> {
        let count = domain.questions.len();
        let answered = domain
            .questions
            .iter()
            .filter(|q| answers.answers.contains_key(&q.id))
            .count();
        // A domain in a group is named under it, as the score table groups them.
        let group = domain
            .group
            .as_deref()
            .and_then(|id| self.questionnaire.group(id))
            .map(|g| format!("{} › ", g.title))
            .unwrap_or_default();
        let text = format!(
            "{group}{} · {count} question{}, {answered} answered",
            domain.short_title(),
            if count == 1 { "" } else { "s" }
        );
        let line = self.wrap("== ", &text);
        self.say(&format!("\n{line}"))
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
        let mut text = String::from("\n");
        let stream = question
            .stream
            .as_deref()
            .and_then(|id| domain.streams.iter().find(|s| s.id == id))
            .map(|s| format!(" › {}", s.title))
            .unwrap_or_default();
        text.push_str(&self.wrap(
            "",
            &format!(
                "[{position}/{total}] {}{stream} · level {} {}",
                domain.short_title(),
                question.level,
                q.level_name(question.level),
            ),
        ));
        let regulatory = if question.is_regulatory() {
            " (regulatory)"
        } else {
            ""
        };
        text.push_str(&self.wrap(
            &format!("{}  ", printable(&question.id)),
            &format!("{}{regulatory}", question.text),
        ));
        let scale = q.scale_of(question);
        let width = scale.iter().map(|o| o.id.len()).max().unwrap_or(0);
        for (number, option) in scale.iter().enumerate() {
            let first = format!("  {} {:width$}  ", number + 1, printable(&option.id));
            text.push_str(&self.wrap(&first, &option.label));
        }
        if question.na {
            text.push_str(&format!("  {NOT_APPLICABLE}{:width$}Not applicable\n", ""));
        }
        if let Some(answer) = current {
            let mut now = printable(&answer.choice);
            if let Some(note) = &answer.note {
                now.push_str(&format!(" — {}", printable(note)));
            }
            text.push_str(&self.wrap("  current: ", &now));
            if !answer.evidence.is_empty() {
                text.push_str(&self.wrap("  evidence: ", &references(&answer.evidence)));
            }
        }
        let count = scale.len();
        let na = if question.na { " · na + reason" } else { "" };
        let keep = if current.is_some() {
            " · Enter keeps"
        } else {
            ""
        };
        text.push_str(&self.wrap(
            "  ",
            &format!(
                "1-{count} or an id, then a note{na} · + evidence{keep} · ? help · s skip · b back · q quit"
            ),
        ));
        self.say(&text)
    }

    fn help(&mut self, question: &Question) -> Result<()> {
        let mut text = String::new();
        let q = self.questionnaire;
        if let Some(description) = q.level_description(question.level) {
            let first = format!(
                "  Level {} {}: ",
                question.level,
                q.level_name(question.level)
            );
            text.push_str(&self.wrap_lines(&first, description));
        }
        match &question.guidance {
            Some(guidance) => text.push_str(&self.wrap_lines("  Guidance: ", guidance)),
            None => text.push_str("  No guidance for this question.\n"),
        }
        if !question.criteria.is_empty() {
            text.push_str("  Criteria:\n");
            for criterion in &question.criteria {
                text.push_str(&self.wrap_lines("    [ ] ", criterion));
            }
        }
        if !question.references.is_empty() {
            text.push_str(&self.wrap("  References: ", &question.references.join("; ")));
        }
        text.push_str(&self.wrap(
            "  ",
            "Evidence: `+ SOP-12; https://wiki/x` sets this question's evidence (items separated by `;`); `+` alone edits it.",
        ));
        self.say(&text)
    }

    fn parse(&self, line: &str, question: &Question) -> Command {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix('+') {
            let rest = rest.trim();
            return Command::Evidence((!rest.is_empty()).then(|| split_evidence(rest, &[])));
        }
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let note = Some(rest.trim().to_string()).filter(|n| !n.is_empty());
        let scale = self.questionnaire.scale_of(question);
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

/// The answer as a line of the grammar, to pre-fill for editing.
fn answer_line(answer: &Answer) -> String {
    match &answer.note {
        Some(note) => format!("{} {note}", answer.choice),
        None => answer.choice.clone(),
    }
}

/// The items of `+ SOP-12; https://…`: plain references, except that one already given keeps
/// its date, expiry and owner.
fn split_evidence(text: &str, old: &[Evidence]) -> Vec<Evidence> {
    let items = text
        .split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(Evidence::plain)
        .collect();
    keep_dates(items, old)
}

fn keep_dates(items: Vec<Evidence>, old: &[Evidence]) -> Vec<Evidence> {
    items
        .into_iter()
        .map(|item| {
            old.iter()
                .find(|o| o.reference == item.reference)
                .cloned()
                .unwrap_or(item)
        })
        .collect()
}

/// The references alone, as the interview shows and edits them.
fn references(items: &[Evidence]) -> String {
    items
        .iter()
        .map(|e| e.reference.as_str())
        .collect::<Vec<_>>()
        .join("; ")
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

    #[test]
    fn evidence_is_entered_before_or_after_the_answer_and_confirmed() {
        let (answers, _, output, saves) =
            interview("+ SOP-12; https://wiki/x\n3 approved\n+\nSOP-9\nq\n");
        let a2 = &answers.answers["a2"];
        assert_eq!(
            a2.evidence,
            [Evidence::plain("SOP-12"), Evidence::plain("https://wiki/x")]
        );
        assert!(output.contains("saved: a2 = largely — approved (2 evidence items)"));
        // `+` alone asks for the evidence of the question on screen, a3, not yet answered.
        assert!(output.contains("Evidence noted (1)"));
        assert!(!answers.answers.contains_key("a3"));
        assert_eq!(saves, 1);
    }

    #[test]
    fn na_without_a_reason_asks_for_one_at_once() {
        let (answers, _, output, _) = interview("1\nna\nno network port\n\n");
        assert!(output.contains("Why does it not apply?"));
        assert_eq!(
            answers.answers["a3"].note.as_deref(),
            Some("no network port")
        );
    }

    #[test]
    fn a_header_marks_each_domain_with_its_counts() {
        let (_, _, output, _) = interview("q\n");
        assert!(
            output.contains("== A · 3 questions, 0 answered"),
            "{output}"
        );
        assert!(output.contains("[1/3] A · level 2"));
    }

    #[test]
    fn a_line_too_long_is_refused_and_the_question_asked_again() {
        let long = "x".repeat(MAX_LINE + 1);
        let (answers, _, output, _) = interview(&format!("{long}\n2\n"));
        assert!(output.contains("longer than 64 KiB"));
        assert_eq!(answers.answers["a2"].choice, "partial");
        // Exactly the limit is a line like any other (here not an answer).
        let (_, _, output, _) = interview(&format!("{}\n", "y".repeat(MAX_LINE)));
        assert!(output.contains("is not an answer") && !output.contains("longer than"));
    }

    #[test]
    fn an_endless_line_without_line_ends_ends_the_input_in_bounded_memory() {
        struct Zeros;
        impl std::io::Read for Zeros {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                buf.fill(0);
                Ok(buf.len())
            }
        }
        let mut reader = std::io::BufReader::new(Zeros);
        assert_eq!(read_bounded(&mut reader).unwrap(), Line::End);
    }

    #[test]
    fn a_failed_read_ends_the_interview_as_interrupted() {
        struct Broken;
        impl std::io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::from_raw_os_error(5))
            }
        }
        let (q, _) = Questionnaire::parse(QUESTIONNAIRE, Path::new("t.yaml")).unwrap();
        let mut answers = Answers::default();
        let outcome = Interview::new(&q, std::io::BufReader::new(Broken), Vec::new())
            .run(&["a2"], &mut answers, |_| Ok(()))
            .unwrap();
        assert_eq!(outcome, Outcome::Interrupted);
    }
}
