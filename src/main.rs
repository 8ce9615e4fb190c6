use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    jsp::finish(jsp::run(jsp::Cli::parse())).into()
}
