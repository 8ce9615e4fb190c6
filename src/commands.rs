//! What each command does: load, check, score, write. Results go to stdout (or `-o FILE`),
//! diagnostics to stderr.

mod charts;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::catalog::{Catalog, Entry};
use crate::cli::{
    AggregateArgs, AggregateFormat, AssessArgs, ChartArgs, ChartKind, Cli, Command, DiffArgs,
    DiffFormat, ListArgs, ListFormat, ReportArgs, ReportFormat, RoadmapArgs, RoadmapFormat,
    ScoreArgs, ShowArgs, ShowFormat, ValidateArgs,
};
use crate::config::Config;
use crate::diff::Diff;
use crate::error::{Error, Problem, Result, Warning};
use crate::gates::Gates;
use crate::outputs;
use crate::portfolio;
use crate::prompt::{Interview, Outcome};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Assessment};
use crate::roadmap::Roadmap;
use crate::scoring;
use crate::session::Session;
use crate::target::Target;

/// Exit code when a gate failed.
pub const EXIT_GATE_FAILED: u8 = 1;

/// Runs a parsed command line; the value is the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    let Cli {
        questionnaires,
        command,
    } = cli;
    // Only the commands that need questionnaires read jsp.toml: a broken one stops no other
    // (and `jsp init --force` replaces it).
    let context = || Context::new(questionnaires.clone());
    match command {
        Command::Assess(args) => context()?.assess(args),
        Command::Score(args) => context()?.score(args),
        Command::Report(args) => context()?.report(args),
        Command::Validate(args) => context()?.validate(&args),
        Command::List(args) => context()?.list(args),
        Command::Show(args) => context()?.show(args),
        Command::Roadmap(args) => context()?.roadmap(args),
        Command::Diff(args) => context()?.diff(args),
        Command::Aggregate(args) => context()?.aggregate(args),
        Command::Chart(args) => context()?.chart(args),
        Command::Schema(args) => print(&crate::schema::render(args.kind)),
        Command::Completions(args) => print(&crate::manual::completions(args.shell)),
        Command::Man(args) => print(&crate::manual::man_page(args.command.as_deref())?),
        Command::Init(args) => {
            let path = crate::init::write(Path::new("."), &args)?;
            eprintln!(
                "jsp: wrote {}; check it with `jsp validate {}`",
                path.display(),
                path.display()
            );
            Ok(0)
        }
    }
}

fn print(text: &str) -> Result<u8> {
    emit(None, text).map(|()| 0)
}

struct Context {
    catalog: Catalog,
    config: Config,
}

impl Context {
    /// jsp.toml's defaults, and its questionnaire folders before those of the command line.
    fn new(questionnaires: Vec<PathBuf>) -> Result<Context> {
        let config = Config::discover(Path::new("."))?;
        let mut folders = config.questionnaires.clone();
        folders.extend(questionnaires);
        Ok(Context {
            catalog: Catalog::new(folders),
            config,
        })
    }
}

/// An answers file with its questionnaire, both checked.
struct Loaded {
    entry: Entry,
    answers: Answers,
}

impl Context {
    fn load(&self, path: &Path) -> Result<Loaded> {
        let (answers, text) = Answers::load(path)?;
        let mut warnings = Vec::new();
        let entry = self.find_named(&answers.questionnaire, path, &text, &mut warnings)?;
        warnings.extend(answers.check(&entry.questionnaire, &text, path)?);
        print_warnings(&warnings);
        Ok(Loaded { entry, answers })
    }

    /// The questionnaire a file names under `questionnaire:`; not found, an error at that line.
    fn find_named(
        &self,
        id: &str,
        path: &Path,
        text: &str,
        warnings: &mut Vec<Warning>,
    ) -> Result<Entry> {
        self.catalog
            .find(id, warnings)
            .map_err(|error| match error {
                Error::Usage { message } => Error::invalid(
                    path,
                    Problem::new(message).at(crate::text::line_of_key(text, "questionnaire")),
                ),
                other => other,
            })
    }

    fn target(
        &self,
        given: Option<&Path>,
        questionnaire: &Questionnaire,
    ) -> Result<Option<Target>> {
        given
            .or(self.config.target.as_deref())
            .map(|path| Target::load(path, questionnaire, &self.catalog))
            .transpose()
    }

    fn score(&self, args: ScoreArgs) -> Result<u8> {
        outputs::check_distinct(args.output.as_deref(), &args.out)?;
        let loaded = self.load(&args.answers)?;
        let questionnaire = &loaded.entry.questionnaire;
        let target = self.target(args.target.as_deref(), questionnaire)?;
        let card = scoring::score(questionnaire, &loaded.answers, target.as_ref());
        let assessment = Assessment {
            answers: &loaded.answers,
            card: &card,
        };
        let gates = Gates {
            min_level: args.min_level,
            min_score: args.min_score,
        };
        outputs::write(
            args.format,
            args.output.as_deref(),
            &args.out,
            |format, destination| {
                outputs::score_text(format, &assessment, &gates, destination.terminal)
            },
        )?;

        let failures = gates.failures(&card);
        for failure in &failures {
            eprintln!("jsp: gate failed: {failure}");
        }
        Ok(if failures.is_empty() {
            0
        } else {
            EXIT_GATE_FAILED
        })
    }

    fn report(&self, args: ReportArgs) -> Result<u8> {
        outputs::check_distinct(args.output.as_deref(), &args.out)?;
        let loaded = self.load(&args.answers)?;
        let questionnaire = &loaded.entry.questionnaire;
        let target = self.target(args.target.as_deref(), questionnaire)?;
        let card = scoring::score(questionnaire, &loaded.answers, target.as_ref());
        let assessment = Assessment {
            answers: &loaded.answers,
            card: &card,
        };
        let writes = |format| outputs::writes(&format, &args.format, &args.out);
        let markdown = writes(ReportFormat::Markdown);
        if args.charts.is_some() && !markdown {
            return Err(Error::usage(
                "--charts writes SVG files for a markdown report\n  hint: add --format markdown or --out markdown=FILE; the HTML report draws its charts inline",
            ));
        }
        if args.by_reference && !markdown && !writes(ReportFormat::Html) {
            return Err(Error::usage(
                "--by-reference adds a section to the markdown and HTML reports\n  hint: for JSON, use `jsp show QUESTIONNAIRE --by-reference --format json`",
            ));
        }
        let crosswalk = args
            .by_reference
            .then(|| crate::crosswalk::crosswalk(questionnaire, Some(&loaded.answers)));
        if let Some(dir) = &args.charts {
            charts::write(&report::chart::Chart::from_assessment(&assessment), dir)?;
        }
        outputs::write(
            args.format,
            args.output.as_deref(),
            &args.out,
            |format, destination| {
                let extras = report::markdown::Extras {
                    charts: match &args.charts {
                        Some(dir) => charts::links(dir, destination.path),
                        None => Vec::new(),
                    },
                    crosswalk: crosswalk.as_deref(),
                };
                Ok(outputs::report_text(format, &assessment, &extras))
            },
        )?;
        Ok(0)
    }

    fn chart(&self, args: ChartArgs) -> Result<u8> {
        let loaded = self.load(&args.answers)?;
        let questionnaire = &loaded.entry.questionnaire;
        let target = self.target(args.target.as_deref(), questionnaire)?;
        let card = scoring::score(questionnaire, &loaded.answers, target.as_ref());
        let chart = report::chart::Chart::from_assessment(&Assessment {
            answers: &loaded.answers,
            card: &card,
        });
        let svg = match args.kind {
            ChartKind::Radar => report::chart::radar::svg(&chart),
            ChartKind::Bars => report::chart::bars::svg(&chart),
        };
        emit(args.output.as_deref(), &svg)?;
        Ok(0)
    }

    fn validate(&self, args: &ValidateArgs) -> Result<u8> {
        let mut files = Vec::new();
        for path in &args.paths {
            if path.is_dir() {
                let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                    .map_err(|source| Error::Read {
                        path: path.clone(),
                        source,
                    })?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.is_file()
                            && p.extension()
                                .is_some_and(|e| e == "yaml" || e == "yml" || e == "toml")
                    })
                    .collect();
                found.sort();
                files.extend(found);
            } else {
                files.push(path.clone());
            }
        }
        let mut errors = Vec::new();
        for file in files {
            match self.validate_file(&file) {
                Ok(summary) => println!("{}: ok, {summary}", file.display()),
                Err(error) => errors.push(error),
            }
        }
        if errors.is_empty() {
            Ok(0)
        } else {
            Err(Error::Many { errors })
        }
    }

    fn validate_file(&self, path: &Path) -> Result<String> {
        let text = crate::files::read_text(path)?;
        if path
            .file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME)
        {
            return self.validate_config(path, &text);
        }
        if path.extension().is_some_and(|e| e == "toml") {
            let target = Target::parse(&text, path)?;
            let problems = target.problems(&self.catalog, None, &text)?;
            if !problems.is_empty() {
                return Err(Error::Invalid {
                    path: path.to_path_buf(),
                    problems,
                });
            }
            let mut summary = format!("a target for {} domains", target.domain_count());
            if !target.roles.is_empty() {
                let roles: Vec<&str> = target.roles.keys().map(String::as_str).collect();
                summary.push_str(&format!(", with sections for {}", roles.join(", ")));
            }
            return Ok(summary);
        }
        // A questionnaire has domains; an answers file names its questionnaire.
        let is_questionnaire = text.lines().any(|l| l.starts_with("domains:"));
        if is_questionnaire {
            let (questionnaire, warnings) = Questionnaire::parse(&text, path)?;
            print_warnings(&warnings);
            Ok(format!(
                "questionnaire `{}` with {} domains and {} questions",
                questionnaire.id,
                questionnaire.domains.len(),
                questionnaire.question_count()
            ))
        } else {
            let loaded = self.load(path)?;
            Ok(format!(
                "answers to `{}`: {} of {} questions answered",
                loaded.entry.questionnaire.id,
                loaded.answers.answers.len(),
                loaded.entry.questionnaire.question_count()
            ))
        }
    }

    /// A jsp.toml: its keys, and the questionnaire and target it names.
    fn validate_config(&self, path: &Path, text: &str) -> Result<String> {
        let config = Config::load(path)?;
        if let Some(id) = &config.questionnaire {
            let mut warnings = Vec::new();
            let entry = self.find_named(id, path, text, &mut warnings)?;
            print_warnings(&warnings);
            if let Some(target) = &config.target {
                Target::load(target, &entry.questionnaire, &self.catalog)?;
            }
        }
        Ok("project defaults".to_string())
    }

    fn aggregate(&self, args: AggregateArgs) -> Result<u8> {
        let files = portfolio::loader::find_files(&args.paths)?;
        let options = portfolio::loader::Options {
            questionnaire: args.questionnaire,
            keep_going: args.keep_going,
            jobs: args.jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN)
            }),
        };
        let (questionnaire, portfolio) = portfolio::loader::load(&self.catalog, &files, &options)?;
        let view = report::portfolio::View {
            questionnaire: &questionnaire,
            portfolio: &portfolio,
            top: args.top,
        };
        let terminal = args.output.is_none() && std::io::stdout().is_terminal();
        emit_with(args.output.as_deref(), |out| match args.format {
            AggregateFormat::Table => {
                report::portfolio::table::render(&view, table_width(terminal), out)
            }
            AggregateFormat::Markdown => report::portfolio::markdown::render(&view, out),
            AggregateFormat::Json => report::portfolio::json::render(&view, out),
            AggregateFormat::Csv => report::portfolio::csv::render(&view, out),
        })?;
        Ok(0)
    }

    fn list(&self, args: ListArgs) -> Result<u8> {
        let mut warnings = Vec::new();
        let entries = self.catalog.all(&mut warnings)?;
        print_warnings(&warnings);
        let text = match args.format {
            ListFormat::Table => report::questionnaire::list_table(&entries),
            ListFormat::Json => report::questionnaire::list_json(&entries),
        };
        emit(None, &text)?;
        Ok(0)
    }

    fn show(&self, args: ShowArgs) -> Result<u8> {
        let mut warnings = Vec::new();
        let entry = self.catalog.find(&args.questionnaire, &mut warnings)?;
        print_warnings(&warnings);
        let q = &entry.questionnaire;
        if args.by_reference {
            let standards = crate::crosswalk::crosswalk(q, None);
            let text = match args.format {
                ShowFormat::Table => report::crosswalk::table(q, &standards),
                ShowFormat::Markdown => report::crosswalk::markdown(q, &standards),
                ShowFormat::Json => report::crosswalk::json(q, &standards),
            };
            emit(args.output.as_deref(), &text)?;
            return Ok(0);
        }
        let text = match args.format {
            ShowFormat::Table => report::questionnaire::table(q),
            ShowFormat::Markdown => report::questionnaire::markdown(q),
            ShowFormat::Json => report::questionnaire::json(q),
        };
        emit(args.output.as_deref(), &text)?;
        Ok(0)
    }

    fn roadmap(&self, args: RoadmapArgs) -> Result<u8> {
        let loaded = self.load(&args.answers)?;
        let questionnaire = &loaded.entry.questionnaire;
        let target = self
            .target(args.target.as_deref(), questionnaire)?
            .ok_or_else(|| {
                Error::usage(
                    "`jsp roadmap` needs a target\n  hint: name one with --target FILE, or set `target` in jsp.toml",
                )
            })?;
        let card = scoring::score(questionnaire, &loaded.answers, Some(&target));
        let assessment = Assessment {
            answers: &loaded.answers,
            card: &card,
        };
        let roadmap = Roadmap::plan(&card, &loaded.answers);
        let text = match args.format {
            RoadmapFormat::Table => {
                let (width, colour) = table_style(args.output.as_deref());
                report::roadmap::table(&assessment, &roadmap, width, colour)
            }
            RoadmapFormat::Markdown => report::roadmap::markdown(&assessment, &roadmap),
            RoadmapFormat::Json => report::roadmap::json(&assessment, &roadmap),
            RoadmapFormat::Csv => report::roadmap::csv(&assessment, &roadmap),
        };
        emit(args.output.as_deref(), &text)?;
        Ok(0)
    }

    fn diff(&self, args: DiffArgs) -> Result<u8> {
        let (old, old_text) = Answers::load(&args.old)?;
        let (new, new_text) = Answers::load(&args.new)?;
        if old.questionnaire != new.questionnaire {
            return Err(Error::invalid(
                &args.new,
                Problem::new(format!(
                    "this file answers `{}`, but {} answers `{}`",
                    new.questionnaire,
                    args.old.display(),
                    old.questionnaire
                ))
                .at(crate::text::line_of_key(&new_text, "questionnaire"))
                .hint("`jsp diff` compares two assessments of the same questionnaire"),
            ));
        }
        let mut warnings = Vec::new();
        let entry = self.find_named(&new.questionnaire, &args.new, &new_text, &mut warnings)?;
        let questionnaire = &entry.questionnaire;
        for (answers, text, path) in [(&old, &old_text, &args.old), (&new, &new_text, &args.new)] {
            warnings.extend(crate::diff::check(answers, questionnaire, text, path)?);
        }
        print_warnings(&warnings);
        let diff = Diff::compare(questionnaire, &old, &new);
        let text = match args.format {
            DiffFormat::Table => {
                let (width, colour) = table_style(args.output.as_deref());
                report::diff::table(&diff, width, colour)
            }
            DiffFormat::Markdown => report::diff::markdown(&diff),
            DiffFormat::Json => report::diff::json(&diff),
        };
        emit(args.output.as_deref(), &text)?;
        Ok(0)
    }

    fn assess(&self, args: AssessArgs) -> Result<u8> {
        let stdin = std::io::stdin();
        let mut interview_io = (stdin.lock(), std::io::stderr());
        let mut warnings = Vec::new();

        // The questionnaire: named, else the answers file's, else jsp.toml's, else a choice.
        let existing = match &args.answers {
            Some(path) if path.exists() => Some(Answers::load(path)?),
            _ => None,
        };
        let name = match (&args.questionnaire, &existing, &self.config.questionnaire) {
            (Some(name), _, _) => name.clone(),
            (None, Some((answers, _)), _) => answers.questionnaire.clone(),
            (None, None, Some(name)) => name.clone(),
            (None, None, None) => self.choose(&mut interview_io)?,
        };
        let entry = self.catalog.find(&name, &mut warnings)?;
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
                )));
            }
        }

        let (stdin_lock, stderr) = interview_io;
        let piped = !std::io::stdin().is_terminal();
        let mut interview = Interview::new(questionnaire, stdin_lock, stderr)
            .echo(piped)
            .width(interview_width());
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
                    ));
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
                let organization = match args.organization.or(self.config.organization.clone()) {
                    Some(o) => Some(o),
                    None => interview.ask_text("Organization")?,
                };
                let subject = match args.subject {
                    Some(s) => Some(s),
                    None => interview.ask_text("Subject (product line, site or program)")?,
                };
                let assessor = match args.assessor.or(self.config.assessor.clone()) {
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
        print_warnings(&warnings);
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
        let card = scoring::score(questionnaire, &answers, None);
        let terminal = std::io::stdout().is_terminal();
        let table = report::table::render(
            &Assessment {
                answers: &answers,
                card: &card,
            },
            table_width(terminal),
            terminal && colour_allowed(),
        );
        emit(None, &table)?;
        Ok(0)
    }

    /// Asks which questionnaire to use, by number or id.
    fn choose<R: std::io::BufRead, W: Write>(&self, io: &mut (R, W)) -> Result<String> {
        let mut warnings = Vec::new();
        let entries = self.catalog.all(&mut warnings)?;
        print_warnings(&warnings);
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
}

fn print_warnings(warnings: &[Warning]) {
    for warning in warnings {
        eprintln!(
            "jsp: {}",
            crate::text::printable_lines(&warning.to_string())
        );
    }
}

/// Writes a result to `path` (atomically) or to stdout; a closed pipe is not an error.
pub(crate) fn emit(path: Option<&Path>, text: &str) -> Result<()> {
    emit_with(path, |out| out.write_all(text.as_bytes()))
}

/// Like [`emit`], for output written in pieces rather than held in memory whole.
pub(crate) fn emit_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    if let Some(path) = path {
        return crate::files::write_atomic_with(path, write);
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Colour only where the user has not asked for none (<https://no-color.org>).
pub(crate) fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The width and colour of a table written to `output` (None: stdout).
fn table_style(output: Option<&Path>) -> (Option<u16>, bool) {
    let terminal = output.is_none() && std::io::stdout().is_terminal();
    (table_width(terminal), terminal && colour_allowed())
}

/// `COLUMNS` when set, else the terminal's width, else no limit.
pub(crate) fn table_width(terminal: bool) -> Option<u16> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(columns);
    }
    // comfy-table asks the terminal for its size when stdout is one.
    terminal
        .then(|| comfy_table::Table::new().width())
        .flatten()
}

/// The width the interview wraps to: `COLUMNS`, else the terminal's (it writes to stderr).
fn interview_width() -> usize {
    let terminal = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| comfy_table::Table::new().use_stderr().width());
    terminal.map_or(80, usize::from)
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
