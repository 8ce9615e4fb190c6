//! The commands for editors and shells: `jsp schema`, `jsp completions` and `jsp man`. The man
//! pages and the completions are generated from the clap definition in `cli`, so that they say
//! exactly what `--help` says.

use anyhow::Context as _;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs, SchemaArgs, SchemaKind};
use crate::error::Error;
use crate::exit::Exit;
use crate::schema;

use super::output;

pub(super) fn schema(args: &SchemaArgs) -> anyhow::Result<Exit> {
    let text = match args.kind {
        SchemaKind::Questionnaire => schema::questionnaire(),
        SchemaKind::Answers => schema::answers(),
        SchemaKind::Target => schema::target(),
        SchemaKind::Config => schema::config(),
    }
    .context("cannot write the schema as JSON")?;
    output::print(&text)?;
    Ok(Exit::Success)
}

pub(super) fn completions(args: &CompletionsArgs) -> anyhow::Result<Exit> {
    let mut command = Cli::command();
    // The script offers the built-in questionnaires' ids (a file name completes too) and the
    // pages of `jsp man`; parsing still takes any id or file.
    let ids: Vec<&str> = crate::catalog::BUILT_IN.iter().map(|b| b.id).collect();
    let pages: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    for name in ["assess", "show"] {
        let ids = ids.clone();
        command = command.mut_subcommand(name, |c| {
            c.mut_arg("questionnaire", |a| {
                a.value_parser(clap::builder::PossibleValuesParser::new(ids))
            })
        });
    }
    command = command.mut_subcommand("man", |c| {
        c.mut_arg("command", |a| {
            a.value_parser(clap::builder::PossibleValuesParser::new(pages))
        })
    });
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "jsp", &mut script);
    output::print(&String::from_utf8_lossy(&script))?;
    Ok(Exit::Success)
}

/// The roff page of jsp, or of one of its commands (`jsp-score(1)`).
pub(super) fn man(args: &ManArgs) -> anyhow::Result<Exit> {
    let mut root = Cli::command();
    // Building gives each subcommand its display name, `jsp-score`, used as the page's title.
    root.build();
    let page = match args.command.as_deref() {
        None => root,
        Some(name) => root.find_subcommand(name).cloned().ok_or_else(|| {
            let names: Vec<&str> = root
                .get_subcommands()
                .map(clap::Command::get_name)
                .filter(|n| *n != "help")
                .collect();
            Error::usage(format!(
                "`{name}` is not a command of jsp\n  hint: the commands are {}",
                names.join(", ")
            ))
        })?,
    };
    let page = if UNAFFECTED.contains(&page.get_name()) {
        page.mut_arg("questionnaires", |a| a.hide(true))
    } else {
        page
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("jsp {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .context("cannot write the man page")?;
    let extra = match args.command.as_deref() {
        None => [INTERVIEW, FILES, ENVIRONMENT, EXIT_STATUS, EXAMPLES].concat(),
        Some("assess") => [INTERVIEW, FILES, EXIT_STATUS].concat(),
        Some(_) => [EXIT_STATUS, FILES].concat(),
    };
    roff.extend_from_slice(extra.as_bytes());
    output::print(&String::from_utf8_lossy(&roff))?;
    Ok(Exit::Success)
}

/// The commands that read no questionnaire, where the global `--questionnaires` is hidden.
const UNAFFECTED: [&str; 3] = ["schema", "completions", "man"];

// The sections clap's help has no room for, in roff. Every line that starts with text starts
// with a letter or a backslash escape, so none is taken for a request.

const INTERVIEW: &str = r#".SH INTERVIEW
Each answer is one line, typed on a terminal (with arrows, history and Ctrl\-A/E; in \fB\-\-review\fR the current answer is there to edit) or piped:
.TP
\fB3\fR or \fBlargely\fR
an option, by number or id; a note may follow: \fB3 policy approved in 2025\fR
.TP
\fBna\fR \fIreason\fR
not applicable, where the question allows it; without a reason, it is asked for
.TP
\fB+\fR \fIitem\fR\fB;\fR \fIitem\fR
the evidence of the question on screen (an SOP number, a link); \fB+\fR alone edits it
.TP
an empty line
keeps the current answer
.TP
\fB?\fR, \fBs\fR, \fBb\fR, \fBq\fR
guidance and references, skip, back, quit
.PP
Every answer is saved as it is given. Ctrl\-C saves and exits 130; \fBjsp assess \-\-answers\fR \fIFILE\fR resumes. A line longer than 64 KiB is refused and the question asked again.
"#;

const FILES: &str = r#".SH FILES
.TP
\fIquestionnaire\-id\fR\fB\-answers.yaml\fR
the answers file \fBjsp assess\fR writes without \fB\-\-answers\fR
.TP
\fB.\fR\fIFILE\fR\fB.jsp\-lock\fR
beside an answers file: the lock that keeps a second \fBjsp assess\fR off it; safe to delete when no interview runs
.TP
\fIFILE\fR\fB.mine.yaml\fR
an interview's answers, kept when the answers file changed on disk while it ran
.TP
\fBjsp.toml\fR
defaults for organization, assessor, questionnaire, questionnaire folders and target, found in the current folder or a parent
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBJSP_QUESTIONNAIRES\fR
folders of custom questionnaires, separated by \fB:\fR, as \fB\-\-questionnaires\fR
.TP
\fBNO_COLOR\fR
no colour in tables
.TP
\fBCOLUMNS\fR
the width tables and the interview are fitted to
"#;

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
success
.TP
\fB1\fR
a gate failed: a domain below its target or \fB\-\-min\-level\fR, or the score below \fB\-\-min\-score\fR
.TP
\fB2\fR
bad input or usage; the message names the file and line and says how to fix it
.TP
\fB130\fR
interrupted (Ctrl\-C, SIGTERM, SIGHUP, or the terminal closed); every answer given is saved
"#;

const EXAMPLES: &str = r#".SH EXAMPLES
.nf
jsp assess jsp\-manufacturer \-\-answers acme.yaml
jsp score acme.yaml \-\-target target.toml
jsp report acme.yaml \-f html \-o acme.html
jsp roadmap acme.yaml \-\-target target.toml
jsp validate questionnaires/ acme.yaml target.toml
.fi
"#;
