//! `jsp assess`: the interview on the terminal (or a pipe), saved after every answer, and the
//! scores at the end.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::answers::Answers;
use crate::cli::AssessArgs;
use crate::error::{Error, Problem, Result};
use crate::exit::Exit;
use crate::gates::Gates;
use crate::prompt::{Input, Interview, Outcome, Piped};
use crate::report::{Score, table};
use crate::session::Session;

use super::editor::Editor;
use super::{Context, output};

pub(super) fn run(context: &Context, args: AssessArgs) -> anyhow::Result<Exit> {
    let stdin = std::io::stdin();
    let piped = !stdin.is_terminal();
    let mut input: Box<dyn Input> = match Editor::on_terminal() {
        Some(editor) => Box::new(editor),
        None => Box::new(Piped(stdin.lock())),
    };
    let width = output::interview_width();
    let mut warnings = Vec::new();

    // Locked before it is read, so that two interviews never answer the same file.
    let early = args.answers.as_deref().map(Session::open).transpose()?;
    let existing = match &early {
        Some(session) => session.load()?,
        None => None,
    };
    // The questionnaire: named, else the answers file's, else jsp.toml's, else a choice.
    let name = match (
        &args.questionnaire,
        &existing,
        &context.config.questionnaire,
    ) {
        (Some(name), _, _) => name.clone(),
        (None, Some((answers, _)), _) => answers.questionnaire.clone(),
        (None, None, Some(name)) => name.clone(),
        (None, None, None) => {
            let (chosen, back) = choose(context, input, piped, width)?;
            input = back;
            match chosen {
                Some(name) => name,
                None => return Ok(Exit::Interrupted),
            }
        }
    };
    let entry = context.catalog.find(&name, &mut warnings)?;
    let questionnaire = &entry.questionnaire;
    let (session, existing) = match early {
        Some(session) => (session, existing),
        None => {
            let path = PathBuf::from(format!("{}-answers.yaml", questionnaire.id));
            let session = Session::open(&path)?;
            let existing = session.load()?;
            (session, existing)
        }
    };
    let path = session.path().to_path_buf();
    for domain in &args.domains {
        if questionnaire.domain(domain).is_none() {
            return Err(Error::usage(format!(
                "`{domain}` is not a domain of `{}`\n  hint: see `jsp show {}`",
                questionnaire.id, questionnaire.id
            ))
            .into());
        }
    }

    let mut interview = Interview::with_input(questionnaire, input, std::io::stderr())
        .echo(piped)
        .width(width)
        .domains(&args.domains);
    let in_scope = |id: &str| {
        args.domains.is_empty()
            || questionnaire
                .question(id)
                .is_some_and(|(d, _)| args.domains.contains(&d.id))
    };
    let mut answers = match existing {
        Some((answers, text)) => {
            if answers.questionnaire != questionnaire.id {
                return Err(Error::invalid(
                    &path,
                    Problem::new(format!(
                        "this file answers `{}`, not `{}`",
                        answers.questionnaire, questionnaire.id
                    ))
                    .hint("name another file with --answers"),
                )
                .into());
            }
            warnings.extend(answers.check(questionnaire, &text, &path)?);
            answers
        }
        None => {
            interview.say_wrapped(&format!(
                "New assessment: {} (version {}), saved to {} after every answer.",
                crate::text::printable(&questionnaire.title),
                crate::text::printable(&questionnaire.version),
                path.display()
            ))?;
            let config = &context.config;
            let organization = match args.organization.or(config.organization.clone()) {
                Some(o) => Some(o),
                None => interview.ask_text("Organization")?,
            };
            let subject = match (args.subject, interview.stopped()) {
                (Some(s), _) => Some(s),
                (None, None) => interview.ask_text("Subject (product line, site or program)")?,
                (None, Some(_)) => None,
            };
            let assessor = match (
                args.assessor.or(config.assessor.clone()),
                interview.stopped(),
            ) {
                (Some(a), _) => Some(a),
                (None, None) => interview.ask_text("Assessor")?,
                (None, Some(_)) => None,
            };
            if interview.stopped() == Some(Outcome::Interrupted) {
                let _ = writeln!(std::io::stderr(), "\n{}", session.interrupted());
                return Ok(Exit::Interrupted);
            }
            Answers {
                questionnaire: questionnaire.id.clone(),
                version: Some(questionnaire.version.clone()),
                organization,
                subject,
                assessor,
                date: Some(match args.date {
                    Some(date) => checked_date(&date)?,
                    None => today(),
                }),
                answers: Default::default(),
            }
        }
    };
    super::print_warnings(&warnings);
    let resumed = session.exists_before();
    // Saving now proves the file can be written before any answer is at stake.
    session.save(&answers, questionnaire)?;

    let walk: Vec<&str> = questionnaire
        .questions()
        .filter(|(_, q)| in_scope(&q.id))
        .filter(|(_, q)| args.review || !answers.answers.contains_key(&q.id))
        .map(|(_, q)| q.id.as_str())
        .collect();
    if resumed {
        let scope: Vec<&str> = questionnaire
            .questions()
            .filter(|(_, q)| in_scope(&q.id))
            .map(|(_, q)| q.id.as_str())
            .collect();
        let total = scope.len();
        let answered = scope
            .iter()
            .filter(|id| answers.answers.contains_key(**id))
            .count();
        let within = if args.domains.is_empty() {
            String::new()
        } else {
            format!(" in {}", args.domains.join(", "))
        };
        let what = match (args.review, walk.first()) {
            (true, _) => format!(
                "Reviewing {}: {answered} of {total} answered{within}; Enter keeps an answer.",
                path.display()
            ),
            (false, Some(first)) => format!(
                "Resuming {}: {answered} of {total} answered{within}; resuming at {first}.",
                path.display()
            ),
            (false, None) => format!(
                "Resuming {}: all {total} questions{within} are answered; `--review` walks them again.",
                path.display()
            ),
        };
        interview.say_wrapped(&what)?;
    }
    let outcome = match interview.run(&walk, &mut answers, |a| session.save(a, questionnaire)) {
        Ok(outcome) => outcome,
        // The terminal went away while writing: every answer given is saved.
        Err(Error::Terminal { .. }) => Outcome::Interrupted,
        Err(error) => return Err(error.into()),
    };
    // The end of input from a terminal that is no longer one: it was closed (hung up), not
    // ended with Ctrl-D.
    let outcome = if outcome == Outcome::Quit && !piped && !std::io::stdin().is_terminal() {
        Outcome::Interrupted
    } else {
        outcome
    };
    if outcome == Outcome::Interrupted {
        let _ = writeln!(std::io::stderr(), "\n{}", session.interrupted());
        return Ok(Exit::Interrupted);
    }
    let unanswered = questionnaire
        .questions()
        .filter(|(_, q)| !answers.answers.contains_key(&q.id))
        .count();
    interview.say_wrapped(&format!(
        "{} {} ({unanswered} of {} questions unanswered{}).",
        if outcome == Outcome::Finished {
            "Done. Answers saved to"
        } else {
            "Saved to"
        },
        path.display(),
        questionnaire.question_count(),
        if unanswered > 0 {
            format!("; `jsp assess --answers {}` resumes", path.display())
        } else {
            String::new()
        }
    ))?;
    let card = crate::scoring::score(questionnaire, &answers, None);
    let assessment = crate::assessment::Assessment {
        answers: &answers,
        card: &card,
    };
    let score = Score {
        assessment: &assessment,
        gates: Gates::default(),
        required: &[],
        evidence: None,
    };
    let destination = output::Destination::new(None);
    output::emit(destination, |out| {
        table::render(&score, &destination.style, out)
    })?;
    Ok(Exit::Success)
}

/// Asks which questionnaire to use, by number or id; `None` after Ctrl-C. Gives the input back.
fn choose<'i>(
    context: &Context,
    input: Box<dyn Input + 'i>,
    piped: bool,
    width: usize,
) -> Result<(Option<String>, Box<dyn Input + 'i>)> {
    let entries = context.all()?;
    let q = entries.first().map(|e| &e.questionnaire).ok_or_else(|| {
        Error::usage("no questionnaire found\n  hint: add a folder with --questionnaires DIR")
    })?;
    let mut interview = Interview::with_input(q, input, std::io::stderr())
        .echo(piped)
        .width(width);
    let mut menu = String::from("Questionnaires:\n");
    for (number, entry) in entries.iter().enumerate() {
        menu.push_str(&crate::render::fill(
            &crate::text::printable(&entry.questionnaire.title),
            width,
            &format!("  {} {} — ", number + 1, entry.questionnaire.id),
            "      ",
        ));
        menu.push('\n');
    }
    interview.say(&menu)?;
    loop {
        let choice = interview.ask_text("Which one (number or id; q quits)")?;
        if interview.stopped() == Some(Outcome::Interrupted) {
            let _ = writeln!(std::io::stderr(), "\nInterrupted. Nothing was saved.");
            return Ok((None, interview.into_input()));
        }
        let Some(choice) = choice else {
            if interview.stopped().is_some() {
                return Err(Error::usage(
                    "no questionnaire chosen\n  hint: name one, e.g. `jsp assess jsp-manufacturer`",
                ));
            }
            continue;
        };
        if choice == "q" {
            return Err(Error::usage(
                "no questionnaire chosen\n  hint: name one, e.g. `jsp assess jsp-manufacturer`",
            ));
        }
        let by_number = choice
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| entries.get(n));
        if let Some(entry) =
            by_number.or_else(|| entries.iter().find(|e| e.questionnaire.id == choice))
        {
            return Ok((Some(entry.questionnaire.id.clone()), interview.into_input()));
        }
        interview.say("  Type a number from the list, or an id.\n")?;
    }
}

fn today() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.date().to_string()
}

fn checked_date(date: &str) -> Result<String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, &format)
        .map(|d| d.to_string())
        .map_err(|_| {
            Error::usage(format!(
                "`{date}` is not a date\n  hint: write it as YYYY-MM-DD, e.g. 2026-11-28"
            ))
        })
}
