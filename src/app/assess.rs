//! `jsp assess`: the interview on the terminal (or a pipe), saved after every answer, and the
//! scores at the end.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use crate::answers::Answers;
use crate::cli::AssessArgs;
use crate::error::{Error, Problem, Result};
use crate::exit::Exit;
use crate::gates::Gates;
use crate::prompt::{Interview, Outcome};
use crate::report::{Score, table};
use crate::session::Session;

use super::{Context, output};

pub(super) fn run(context: &Context, args: AssessArgs) -> anyhow::Result<Exit> {
    let stdin = std::io::stdin();
    let mut interview_io = (stdin.lock(), std::io::stderr());
    let mut warnings = Vec::new();

    // The questionnaire: named, else the answers file's, else jsp.toml's, else a choice.
    let existing = match &args.answers {
        Some(path) if path.exists() => Some(Answers::load(path)?),
        _ => None,
    };
    let name = match (
        &args.questionnaire,
        &existing,
        &context.config.questionnaire,
    ) {
        (Some(name), _, _) => name.clone(),
        (None, Some((answers, _)), _) => answers.questionnaire.clone(),
        (None, None, Some(name)) => name.clone(),
        (None, None, None) => choose(context, &mut interview_io)?,
    };
    let entry = context.catalog.find(&name, &mut warnings)?;
    let questionnaire = &entry.questionnaire;
    let path = args
        .answers
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-answers.yaml", questionnaire.id)));
    // Locked before it is read, so that two interviews never answer the same file.
    let session = Session::open(&path)?;
    let existing = match existing {
        Some(found) => Some(found),
        None if path.exists() => Some(Answers::load(&path)?),
        None => None,
    };
    for domain in &args.domains {
        if questionnaire.domain(domain).is_none() {
            return Err(Error::usage(format!(
                "`{domain}` is not a domain of `{}`\n  hint: see `jsp show {}`",
                questionnaire.id, questionnaire.id
            ))
            .into());
        }
    }

    let (stdin_lock, stderr) = interview_io;
    let piped = !std::io::stdin().is_terminal();
    let mut interview = Interview::new(questionnaire, stdin_lock, stderr)
        .echo(piped)
        .width(output::interview_width());
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
            interview.say(&format!("Resuming {}\n", path.display()))?;
            answers
        }
        None => {
            interview.say(&format!(
                "New assessment: {} (version {})\n",
                crate::text::printable(&questionnaire.title),
                crate::text::printable(&questionnaire.version)
            ))?;
            let config = &context.config;
            let organization = match args.organization.or(config.organization.clone()) {
                Some(o) => Some(o),
                None => interview.ask_text("Organization")?,
            };
            let subject = match args.subject {
                Some(s) => Some(s),
                None => interview.ask_text("Subject (product line, site or program)")?,
            };
            let assessor = match args.assessor.or(config.assessor.clone()) {
                Some(a) => Some(a),
                None => interview.ask_text("Assessor")?,
            };
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
    // Saving now proves the file can be written before any answer is at stake.
    session.save(&answers, questionnaire)?;

    let walk: Vec<&str> = questionnaire
        .questions()
        .filter(|(d, _)| args.domains.is_empty() || args.domains.contains(&d.id))
        .filter(|(_, q)| args.review || !answers.answers.contains_key(&q.id))
        .map(|(_, q)| q.id.as_str())
        .collect();
    let outcome = interview.run(&walk, &mut answers, |a| session.save(a, questionnaire))?;
    let unanswered = questionnaire
        .questions()
        .filter(|(_, q)| !answers.answers.contains_key(&q.id))
        .count();
    interview.say(&format!(
        "\n{} {} ({unanswered} of {} questions unanswered{}).\n",
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
    };
    let destination = output::Destination::new(None);
    output::emit(destination, |out| {
        table::render(&score, &destination.style, out)
    })?;
    Ok(Exit::Success)
}

/// Asks which questionnaire to use, by number or id.
fn choose<R: BufRead, W: Write>(context: &Context, io: &mut (R, W)) -> Result<String> {
    let entries = context.all()?;
    let q = entries.first().map(|e| &e.questionnaire).ok_or_else(|| {
        Error::usage("no questionnaire found\n  hint: add a folder with --questionnaires DIR")
    })?;
    let piped = !std::io::stdin().is_terminal();
    let mut interview = Interview::new(q, &mut io.0, &mut io.1).echo(piped);
    let mut menu = String::from("Questionnaires:\n");
    for (number, entry) in entries.iter().enumerate() {
        menu.push_str(&format!(
            "  {} {} — {}\n",
            number + 1,
            entry.questionnaire.id,
            crate::text::printable(&entry.questionnaire.title)
        ));
    }
    interview.say(&menu)?;
    loop {
        let Some(choice) = interview.ask_text("Which one (number or id)")? else {
            return Err(Error::usage(
                "no questionnaire chosen\n  hint: name one, e.g. `jsp assess jsp-manufacturer`",
            ));
        };
        let by_number = choice
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| entries.get(n));
        if let Some(entry) =
            by_number.or_else(|| entries.iter().find(|e| e.questionnaire.id == choice))
        {
            return Ok(entry.questionnaire.id.clone());
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
