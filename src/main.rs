use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = jsp::cli::Cli::parse();
    match jsp::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            // Messages quote file content; none of it may reach the terminal as a control code.
            eprintln!(
                "jsp: error: {}",
                jsp::text::printable_lines(&error.to_string())
            );
            ExitCode::from(jsp::EXIT_BAD_INPUT)
        }
    }
}
