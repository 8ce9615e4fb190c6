//! The man page and the shell completions, generated from the clap definition in `cli` so that
//! they say exactly what `--help` says.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::{Error, Result};

/// The completion script of `shell`.
pub fn completions(shell: Shell) -> String {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "jsp", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

/// The roff page of jsp, or of one of its commands (`jsp-score(1)`).
pub fn man_page(command: Option<&str>) -> Result<String> {
    let mut root = Cli::command();
    // Building gives each subcommand its display name, `jsp-score`, used as the page's title.
    root.build();
    let page = match command {
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
        .map_err(|source| Error::Write {
            path: "<man page>".into(),
            source,
        })?;
    Ok(String::from_utf8_lossy(&roff).into_owned())
}
