//! The command line, as clap parses it: every flag is documented here, once, and the help, the
//! man pages and the completions come from it. What each command does is in `app`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// One `--out FORMAT=FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output<F> {
    pub format: F,
    pub path: PathBuf,
}

/// Parses `FORMAT=FILE` for clap; the message lists the formats when the format is wrong.
pub fn parse_out<F: ValueEnum>(value: &str) -> Result<Output<F>, String> {
    let formats = format_names::<F>().join(", ");
    let example = "as in --out markdown=report.md";
    let Some((name, path)) = value.split_once('=') else {
        return Err(format!(
            "expected FORMAT=FILE, {example}\n  hint: the formats are {formats}"
        ));
    };
    let format = F::from_str(name.trim(), true).map_err(|_| {
        format!("`{name}` is not a format here\n  hint: the formats are {formats}, {example}")
    })?;
    if path.is_empty() {
        return Err(format!("no file after `{name}=`\n  hint: {example}"));
    }
    Ok(Output {
        format,
        path: PathBuf::from(path),
    })
}

fn format_names<F: ValueEnum>() -> Vec<String> {
    F::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect()
}

#[derive(Debug, Parser)]
#[command(
    name = "jsp",
    version,
    about = "Measure the maturity of a medical device security program against the HSCC Joint Security Plan",
    after_help = "Exit codes: 0 success, 1 a gate failed (score below --min-level, --min-score or a target, a requirement of a --require set not met, or stale evidence with --fail-on-stale-evidence), 2 bad input or usage, 130 interrupted (every answer given is saved)."
)]
pub struct Cli {
    /// A folder of custom questionnaires (repeatable); one with a built-in's id replaces it.
    #[arg(
        long = "questionnaires",
        value_name = "DIR",
        global = true,
        env = "JSP_QUESTIONNAIRES",
        value_delimiter = ':'
    )]
    pub questionnaires: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a questionnaire interactively; saves after every answer and resumes where it stopped.
    Assess(AssessArgs),
    /// Score an answers file: maturity level and score per domain, with gates for CI.
    Score(ScoreArgs),
    /// Export the whole assessment: summary, answers, next steps, unanswered questions.
    Report(ReportArgs),
    /// Check questionnaire, answers and target files; report every problem.
    Validate(ValidateArgs),
    /// List the questionnaires found.
    List(ListArgs),
    /// Show a questionnaire's domains and questions.
    Show(ShowArgs),
    /// Plan the way to a target: the unmet questions in phases, lowest levels first.
    Roadmap(RoadmapArgs),
    /// Compare two assessments of one questionnaire: levels, scores and answers that changed.
    Diff(DiffArgs),
    /// Print the JSON Schema of a file format, for editors that check YAML and TOML as you type.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), of jsp or of one command.
    Man(ManArgs),
    /// Write a commented jsp.toml in the current folder.
    Init(InitArgs),
    /// Sum up many answers files of one questionnaire: statistics per domain, a row per assessment, the questions most often unmet.
    Aggregate(AggregateArgs),
    /// Draw an assessment as an SVG chart: a radar of every domain, or a bar per domain.
    Chart(ChartArgs),
    /// Score every committed version of an answers file (from git) and show the trend.
    History(HistoryArgs),
    /// Every evidence item with its age and status: expired, too old, undated, missing, untracked or outside.
    Evidence(EvidenceArgs),
    /// Write a workbook (xlsx) to fill in without jsp: a row per question, its answer from a drop-down.
    Export(ExportArgs),
    /// Read a filled-in workbook back into an answers file; every problem is named by sheet and cell.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// An answers file, or a questionnaire (id or YAML file) for a workbook with no answers yet
    #[arg(value_name = "ANSWERS|QUESTIONNAIRE")]
    pub input: String,
    #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Xlsx)]
    pub format: ExportFormat,
    /// The workbook to write
    #[arg(long, short = 'o', value_name = "FILE.xlsx")]
    pub output: PathBuf,
    /// Target levels per domain (TOML): the summary sheet shows them and the roadmap to them
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// An Excel workbook, also opened by LibreOffice, Numbers and Google Sheets
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The workbook, as `jsp export` wrote it and an assessor filled it in
    #[arg(value_name = "FILE.xlsx")]
    pub workbook: PathBuf,
    /// Write the answers to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The questionnaire (id or YAML file) [default: the one the workbook names]
    #[arg(long, value_name = "ID|FILE")]
    pub questionnaire: Option<String>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct EvidenceArgs {
    /// The answers file (`-`: standard input; paths are then relative to the current folder)
    pub answers: PathBuf,
    /// The day that decides what has expired, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// A target whose `evidence_max_age_months` replaces the questionnaire's [default: jsp.toml's `target`]
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    #[arg(long, short = 'f', value_enum, default_value_t = EvidenceFormat::Table)]
    pub format: EvidenceFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail (exit 1) if an item is expired, too old, a missing or untracked file, or a path outside the repository
    #[arg(long)]
    pub fail_on_stale_evidence: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvidenceFormat {
    Table,
    Markdown,
    Json,
    Csv,
    Junit,
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The answers file, in a git work tree
    pub answers: PathBuf,
    /// Only the commits made on or after DATE (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[arg(long, short = 'f', value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also draw the overall score and level over time as an SVG line chart in FILE
    #[arg(long, value_name = "FILE.svg")]
    pub chart: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Table,
    Markdown,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// Questionnaire id or YAML file [default: the answers file's, jsp.toml's, or a choice]
    pub questionnaire: Option<String>,
    /// The answers file to create or resume [default: <questionnaire-id>-answers.yaml]
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Organization assessed (asked for when creating a file)
    #[arg(long = "org", value_name = "NAME")]
    pub organization: Option<String>,
    /// What is assessed: a product line, a site, the program (asked for when creating a file)
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// Who assesses (asked for when creating a file)
    #[arg(long, value_name = "NAME")]
    pub assessor: Option<String>,
    /// Date of the assessment, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Walk every question with its current answer as the default, not only unanswered ones
    #[arg(long)]
    pub review: bool,
    /// Only the questions of this domain (repeatable)
    #[arg(long = "domain", value_name = "ID")]
    pub domains: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// The answers file (`-`: standard input)
    pub answers: PathBuf,
    #[arg(long, short = 'f', value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail (exit 1) if any applicable domain is below this level
    #[arg(long, value_name = "N")]
    pub min_level: Option<u32>,
    /// Fail (exit 1) if the overall score is below this
    #[arg(long, value_name = "X")]
    pub min_score: Option<f64>,
    /// Fail (exit 1) if a requirement of this set is not met or not assessed (repeatable)
    #[arg(long = "require", value_name = "SET")]
    pub require: Vec<String>,
    /// Target levels per domain (TOML); fail (exit 1) if any domain is below its target
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    /// Also write FORMAT to FILE (repeatable), e.g. --out junit=junit.xml --out markdown=score.md
    #[arg(long = "out", value_name = "FORMAT=FILE", value_parser = parse_out::<ScoreFormat>)]
    pub out: Vec<Output<ScoreFormat>>,
    /// Fail (exit 1) if an evidence item is expired, too old, a missing or untracked file, or a path outside the repository
    #[arg(long)]
    pub fail_on_stale_evidence: bool,
    /// The day that decides what evidence has expired, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The answers file (`-`: standard input)
    pub answers: PathBuf,
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Target levels per domain (TOML), shown beside each domain
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    /// Also write FORMAT to FILE (repeatable), e.g. --out json=report.json
    #[arg(long = "out", value_name = "FORMAT=FILE", value_parser = parse_out::<ReportFormat>)]
    pub out: Vec<Output<ReportFormat>>,
    /// Write the SVG charts (radar.svg, bars.svg) into DIR and link them from the markdown
    #[arg(long, value_name = "DIR")]
    pub charts: Option<PathBuf>,
    /// Add a section of the questions grouped by the standards and clauses they cite
    #[arg(long)]
    pub by_reference: bool,
    /// The day that decides each evidence item's age and what has expired, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Add the trend over the answers file's committed versions (from git): a chart and a table
    #[arg(long)]
    pub history: bool,
}

#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// The answers file (`-`: standard input)
    pub answers: PathBuf,
    #[arg(long, value_enum, default_value_t = ChartKind::Radar)]
    pub kind: ChartKind,
    /// Target levels per domain (TOML), drawn as a second series
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    /// Write to FILE (an .svg) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartKind {
    /// Every domain's level on one spoke, against the target level
    Radar,
    /// A bar per domain: level against target, and the next level's questions met
    Bars,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Questionnaire (.yaml), answers (.yaml) or target (.toml) files, or folders of them
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The day that decides what evidence has expired (a warning), YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Questionnaire id or YAML file
    pub questionnaire: String,
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The questions' references grouped by standard and clause (the crosswalk)
    #[arg(long)]
    pub by_reference: bool,
}

#[derive(Debug, clap::Args)]
pub struct RoadmapArgs {
    /// The answers file (`-`: standard input)
    pub answers: PathBuf,
    /// Target levels and priorities per domain (TOML) [default: jsp.toml's `target`]
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
    #[arg(long, short = 'f', value_enum, default_value_t = RoadmapFormat::Table)]
    pub format: RoadmapFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier answers file
    pub old: PathBuf,
    /// The later answers file, of the same questionnaire
    pub new: PathBuf,
    #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoadmapFormat {
    Table,
    Markdown,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct AggregateArgs {
    /// Answers files, folders (searched recursively for *.yaml and *.yml) or quoted patterns such as 'sites/*/answers.yaml'
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, short = 'f', value_enum, default_value_t = AggregateFormat::Table)]
    pub format: AggregateFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report a broken file and go on without it [default: any broken file fails the run, exit 2]
    #[arg(long)]
    pub keep_going: bool,
    /// The questionnaire every file must answer [default: the first file's]
    #[arg(long, value_name = "ID")]
    pub questionnaire: Option<String>,
    /// How many of the most often unmet questions to list
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Files read at once [default: the number of cores]
    #[arg(long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AggregateFormat {
    Table,
    Markdown,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// A table for the terminal
    Table,
    /// JSON for scripts
    Json,
    /// Markdown, e.g. for a CI job summary
    Markdown,
    /// JUnit XML: a test case per domain, and per item of each gate given, failing where the gate fails
    Junit,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The file format
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A questionnaire (YAML)
    Questionnaire,
    /// An answers file (YAML)
    Answers,
    /// A target profile (TOML)
    Target,
    /// jsp.toml
    Config,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command, for its own page (jsp-score(1)) [default: the page of jsp]
    pub command: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Overwrite an existing jsp.toml
    #[arg(long)]
    pub force: bool,
    /// Organization written into new answers files
    #[arg(long = "org", value_name = "NAME")]
    pub organization: Option<String>,
    /// The questionnaire `jsp assess` uses when none is named
    #[arg(long, value_name = "ID")]
    pub questionnaire: Option<String>,
    /// The target used when --target is not given, relative to the current folder
    #[arg(long, value_name = "FILE")]
    pub target: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
    /// One self-contained page with charts, for a browser or print
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Markdown,
    Json,
    /// With --by-reference only: a row per clause, for a spreadsheet
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_format_and_file() {
        let out: Output<ScoreFormat> = parse_out("junit=reports/junit.xml").unwrap();
        assert_eq!(out.format, ScoreFormat::Junit);
        assert_eq!(out.path, PathBuf::from("reports/junit.xml"));
        let out: Output<ScoreFormat> = parse_out("Markdown=a=b.md").unwrap();
        assert_eq!(out.format, ScoreFormat::Markdown);
        assert_eq!(out.path, PathBuf::from("a=b.md"));
    }

    #[test]
    fn a_wrong_format_lists_the_formats() {
        let error = parse_out::<ScoreFormat>("xml=a.xml").unwrap_err();
        assert!(error.contains("`xml` is not a format"), "{error}");
        assert!(error.contains("table, json, markdown, junit"), "{error}");
        let error = parse_out::<ReportFormat>("junit.xml").unwrap_err();
        assert!(error.contains("FORMAT=FILE"), "{error}");
        assert!(error.contains("markdown, json"), "{error}");
        assert!(parse_out::<ScoreFormat>("json=").is_err());
    }
}
