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
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("jsp {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .context("cannot write the man page")?;
    output::print(&String::from_utf8_lossy(&roff))?;
    Ok(Exit::Success)
}
