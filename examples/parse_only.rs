//! The floor under `jsp aggregate`'s time: every answers file under DIR read and parsed with
//! jsp's own reader on every core, and nothing else (no checks, no scoring, no report). The
//! speed benchmark (`benches/aggregate.sh`) runs it beside `jsp aggregate` on the same files.
//!
//! ```sh
//! cargo run --release --example parse_only -- DIR
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use jsp::internals::Answers;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_only DIR");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    let next = AtomicUsize::new(0);
    let read = AtomicUsize::new(0);
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let Ok(text) = std::fs::read_to_string(file) else {
                        continue;
                    };
                    if Answers::parse(&text, file).is_ok() {
                        read.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    println!("{} of {} files parsed", read.into_inner(), files.len());
    ExitCode::SUCCESS
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
}
