use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = jsp::cli::Cli::parse();
    match jsp::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("jsp: error: {error}");
            ExitCode::from(jsp::EXIT_BAD_INPUT)
        }
    }
}
