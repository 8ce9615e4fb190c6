//! The edge: what each command does, one file each. This is the only layer that touches
//! standard output and error, the environment, the terminal and exit codes; it loads the
//! inputs, hands them down to the library, and writes what comes back.

mod aggregate;
mod assess;
mod chart;
mod diff;
mod editor;
mod evidence;
mod export;
mod history;
mod import;
mod init;
mod output;
mod report;
mod roadmap;
mod score;
mod show;
mod tooling;
mod validate;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::catalog::{Catalog, Entry};
use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::{Result, Warning};
use crate::exit::Exit;
use crate::questionnaire::Questionnaire;
use crate::scoring::Scorecard;
use crate::target::Target;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let Cli {
        questionnaires,
        command,
    } = cli;
    // Only the commands that need questionnaires read jsp.toml: a broken one stops no other
    // (and `jsp init --force` replaces it).
    let context = || Context::new(questionnaires.clone());
    match command {
        Command::Assess(args) => assess::run(&context()?, args),
        Command::Score(args) => score::run(&context()?, args),
        Command::Report(args) => report::run(&context()?, args),
        Command::Validate(args) => validate::run(&context()?, &args),
        Command::List(args) => show::list(&context()?, &args),
        Command::Show(args) => show::show(&context()?, &args),
        Command::Roadmap(args) => roadmap::run(&context()?, args),
        Command::Diff(args) => diff::run(&context()?, &args),
        Command::Aggregate(args) => aggregate::run(&context()?, args),
        Command::Chart(args) => chart::run(&context()?, &args),
        Command::History(args) => history::run(&context()?, &args),
        Command::Evidence(args) => evidence::run(&context()?, &args),
        Command::Export(args) => export::run(&context()?, &args),
        Command::Import(args) => import::run(&context()?, &args),
        Command::Schema(args) => tooling::schema(&args),
        Command::Completions(args) => tooling::completions(&args),
        Command::Man(args) => tooling::man(&args),
        Command::Init(args) => init::run(&args),
    }
}

/// The exit code of a run, its error (if any) printed: what `main` returns. A standard error
/// that fails (`2>/dev/full`) makes it 2, as bad output; one that is a closed pipe does not.
pub fn finish(result: anyhow::Result<Exit>) -> Exit {
    let exit = match result {
        Ok(exit) => exit,
        Err(error) => {
            to_stderr(&format!("jsp: error: {}\n", error_message(&error)));
            error_exit(&error)
        }
    };
    if STDERR_FAILED.load(Ordering::Relaxed) {
        Exit::BadInput
    } else {
        exit
    }
}

/// What `main` prints for an error: each cause once, through the printable filter (a message
/// quotes file content, none of which may reach the terminal as a control code).
fn error_message(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&cause.to_string());
        // The library's own errors already say what their sources said, in words.
        if cause.is::<crate::error::Error>() {
            break;
        }
    }
    crate::text::printable_lines(&text)
}

/// The exit code for an error: the library's own, else bad input.
fn error_exit(error: &anyhow::Error) -> Exit {
    error
        .chain()
        .find_map(|cause| cause.downcast_ref::<crate::error::Error>())
        .map_or(Exit::BadInput, crate::error::Error::exit_code)
}

/// What every command that reads questionnaires shares: where they are found, and jsp.toml.
struct Context {
    catalog: Catalog,
    config: Config,
}

/// An answers file with its questionnaire, both checked, and the file's text as read (once).
struct Loaded {
    entry: Entry,
    answers: Answers,
    text: String,
}

impl Loaded {
    fn questionnaire(&self) -> &Questionnaire {
        &self.entry.questionnaire
    }
}

impl Context {
    /// jsp.toml's defaults, and its questionnaire folders before those of the command line.
    /// A jsp.toml or questionnaire folder of another user's, or that anyone may write to, is
    /// left out with a warning (unless [`TRUSTED`] allows it): it would decide the scores.
    fn new(questionnaires: Vec<PathBuf>) -> Result<Context> {
        let mut warnings = Vec::new();
        let config = match Config::find(Path::new(".")) {
            Some(path) if trusted(&path, &mut warnings) => Config::load(&path)?,
            _ => Config::default(),
        };
        let mut folders: Vec<PathBuf> = config
            .questionnaires
            .iter()
            .filter(|folder| trusted(folder, &mut warnings))
            .cloned()
            .collect();
        print_warnings(&warnings);
        folders.extend(questionnaires);
        Ok(Context {
            catalog: Catalog::new(folders),
            config,
        })
    }

    /// An answers file and the questionnaire it names, checked against each other.
    /// `-` is standard input.
    fn load(&self, path: &Path) -> Result<Loaded> {
        let text = if path == Path::new("-") {
            crate::files::read_text_from(std::io::stdin().lock(), 0, path)?
        } else {
            crate::files::read_text(path)?
        };
        self.load_text(path, text)
    }

    /// [`Context::load`] of a file already read: `text` is what `path` holds.
    fn load_text(&self, path: &Path, text: String) -> Result<Loaded> {
        let answers = Answers::parse(&text, path)?;
        let mut warnings = Vec::new();
        let entry = self
            .catalog
            .find_named(&answers.questionnaire, path, &text, &mut warnings)?;
        let checked = answers.check(&entry.questionnaire, &text, path);
        if checked.is_err() {
            // Another questionnaire's answers: said so once, naming it.
            let all = self.catalog.all(&mut Vec::new()).unwrap_or_default();
            let candidates = all.iter().map(|e| &e.questionnaire);
            if let Some((other, count)) = answers.answer_another(&entry.questionnaire, candidates) {
                return Err(crate::error::Error::invalid(
                    path,
                    crate::error::Problem::new(format!(
                        "these look like `{other}`'s answers ({count} of {} are its questions), but the file says `questionnaire: {}`",
                        answers.answers.len(),
                        entry.questionnaire.id
                    ))
                    .at(crate::text::line_of_key(&text, "questionnaire"))
                    .hint(format!(
                        "if they are, set `questionnaire: {other}`; if not, answer `{}` with `jsp assess`",
                        entry.questionnaire.id
                    )),
                ));
            }
        }
        warnings.extend(checked?);
        print_warnings(&warnings);
        Ok(Loaded {
            entry,
            answers,
            text,
        })
    }

    /// The target given on the command line, else jsp.toml's, checked against `questionnaire`.
    fn target(
        &self,
        given: Option<&Path>,
        questionnaire: &Questionnaire,
    ) -> Result<Option<Target>> {
        if let Some(path) = given {
            return Target::load(path, questionnaire, &self.catalog).map(Some);
        }
        let Some(path) = self.config.target.as_deref() else {
            return Ok(None);
        };
        Target::load(path, questionnaire, &self.catalog)
            .map(Some)
            .map_err(named_by_config)
    }

    /// The questionnaire called `name`, its warnings printed.
    fn find(&self, name: &str) -> Result<Entry> {
        let mut warnings = Vec::new();
        let entry = self.catalog.find(name, &mut warnings)?;
        print_warnings(&warnings);
        Ok(entry)
    }

    /// Every questionnaire found, its warnings printed.
    fn all(&self) -> Result<Vec<Entry>> {
        let mut warnings = Vec::new();
        let entries = self.catalog.all(&mut warnings)?;
        print_warnings(&warnings);
        Ok(entries)
    }
}

/// The environment variable that lists the folders (with what is below them) whose jsp.toml
/// and questionnaires are used whoever owns them, as the platform separates paths (`:`); `*`
/// for all.
const TRUSTED: &str = "JSP_TRUSTED_DIRS";

/// True when `path` may be used; else a warning that says why not and how to allow it.
fn trusted(path: &Path, warnings: &mut Vec<Warning>) -> bool {
    let Some(why) = crate::files::distrust(path) else {
        return true;
    };
    let allowed = std::env::var_os(TRUSTED).is_some_and(|value| {
        if value == "*" {
            return true;
        }
        let real = path.canonicalize().ok();
        std::env::split_paths(&value).any(|dir| {
            dir.canonicalize()
                .is_ok_and(|dir| real.as_ref().is_some_and(|real| real.starts_with(dir)))
        })
    });
    if allowed {
        return true;
    }
    let folder = std::path::absolute(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    warnings.push(Warning {
        path: path.to_path_buf(),
        problem: crate::error::Problem::new(format!("not used: {why}")).hint(format!(
            "it decides how answers are scored; if you trust it, set {TRUSTED}={}",
            folder.display()
        )),
    });
    false
}

/// Scores `loaded` (against `target` when given) and hands the assessment to `show`.
fn assess<T>(loaded: &Loaded, target: Option<&Target>, show: impl FnOnce(&Assessment) -> T) -> T {
    let card: Scorecard = crate::scoring::score(loaded.questionnaire(), &loaded.answers, target);
    show(&Assessment {
        answers: &loaded.answers,
        card: &card,
    })
}

/// The one place warnings reach the terminal: each line through the printable filter, since a
/// message quotes file content.
fn print_warnings(warnings: &[Warning]) {
    for warning in warnings {
        to_stderr(&format!(
            "jsp: {}\n",
            crate::text::printable_lines(&warning.to_string())
        ));
    }
}

/// A failure worth a line of its own on stderr: a gate, a skipped file.
fn note(kind: &str, text: &str) {
    to_stderr(&format!(
        "jsp: {kind}: {}\n",
        crate::text::printable_lines(text)
    ));
}

/// Set when standard error failed other than as a closed pipe: [`finish`] exits 2.
static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// The one way text reaches standard error, which never panics (as `eprintln!` does when
/// stderr fails): a closed pipe drops the text quietly, any other failure is remembered for
/// the exit code.
fn to_stderr(text: &str) {
    let mut stderr = std::io::stderr().lock();
    if let Err(error) = stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush())
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

/// A target that jsp.toml names and that cannot be read is reported as jsp.toml's mistake.
fn named_by_config(error: crate::error::Error) -> crate::error::Error {
    match error {
        crate::error::Error::Read { path, source } => crate::error::Error::invalid(
            &path,
            crate::error::Problem::new(format!(
                "cannot read the target that `target` in {} names: {}",
                crate::config::FILE_NAME,
                if source.kind() == std::io::ErrorKind::NotFound {
                    "no such file".to_string()
                } else {
                    source.to_string()
                }
            ))
            .hint(format!(
                "fix `target` in {} (a path relative to it), or give --target FILE",
                crate::config::FILE_NAME
            )),
        ),
        other => other,
    }
}
