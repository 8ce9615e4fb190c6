use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match jsp::run(jsp::Cli::parse()) {
        Ok(exit) => exit.into(),
        Err(error) => {
            eprintln!("jsp: error: {}", jsp::error_message(&error));
            jsp::error_exit(&error).into()
        }
    }
}
