//! Writes a portfolio of realistic, made-up answers files, for `jsp aggregate` and its
//! benchmarks. The same seed gives the same files.
//!
//! ```sh
//! cargo run --release --example generate -- --questionnaire jsp-manufacturer --count 10000 --out DIR --seed 1
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use jsp::internals::Catalog;

#[derive(Parser)]
struct Args {
    /// A built-in questionnaire's id, or a questionnaire file
    #[arg(long, default_value = "jsp-manufacturer")]
    questionnaire: String,
    /// How many answers files to write
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// The folder to write them in (a subfolder per organization)
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let run = || -> jsp::internals::Result<usize> {
        let questionnaire = Catalog::default()
            .find(&args.questionnaire, &mut Vec::new())?
            .questionnaire;
        let written =
            jsp::internals::write_portfolio(&questionnaire, &args.out, args.count, args.seed)?;
        Ok(written.len())
    };
    match run() {
        Ok(count) => {
            eprintln!("wrote {count} answers files under {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("generate: error: {error}");
            jsp::Exit::BadInput.into()
        }
    }
}
