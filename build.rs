//! Compiles every questionnaire in `questionnaires/` into the binary, so that an installed `jsp`
//! needs no data folder and a new questionnaire file needs no code change. Each one is also
//! converted to JSON here, once, so that `jsp` reads a built-in questionnaire at start-up
//! without the YAML parser; `tests/cli/shipped.rs` checks that both forms read the same and
//! that every built-in one passes every check.
//! The standard files in `standards/` are compiled in beside them, for the crosswalk.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let files = yaml_files("questionnaires");
    let mut code = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let name = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        // A file that does not parse gets no JSON form: `jsp` then reads the YAML and reports
        // its errors with their lines, as for any other file.
        let json = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| serde_yaml::from_str::<serde_json::Value>(&text).ok())
            .and_then(|value| serde_json::to_string(&value).ok())
            .and_then(|json| {
                let file = Path::new(&out).join(format!("{stem}.json"));
                std::fs::write(&file, json).ok().map(|()| file)
            });
        let json = match json {
            Some(file) => format!("Some(include_str!({:?}))", file.display().to_string()),
            None => "None".to_string(),
        };
        let _ = writeln!(
            code,
            "    BuiltIn {{ id: {stem:?}, file: \"questionnaires/{name}\", text: include_str!({:?}), json: {json} }},",
            path.display().to_string()
        );
    }
    code.push(']');
    if let Err(error) = std::fs::write(Path::new(&out).join("builtin.rs"), code) {
        println!("cargo:warning=cannot write the list of built-in questionnaires: {error}");
        std::process::exit(1);
    }
    standards(&out);
}

/// Every standard file in `standards/`, compiled in as (path, YAML); `jsp` parses them when a
/// crosswalk is asked for, and the tests check each one.
fn standards(out: &str) {
    let files = yaml_files("standards");
    let mut code = String::from("&[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let _ = writeln!(
            code,
            "    (\"standards/{name}\", include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push(']');
    if let Err(error) = std::fs::write(Path::new(out).join("standards.rs"), code) {
        println!("cargo:warning=cannot write the list of standard files: {error}");
        std::process::exit(1);
    }
}

/// The YAML files of a folder of the source tree, sorted; cargo reruns this when it changes.
fn yaml_files(folder: &str) -> Vec<std::path::PathBuf> {
    println!("cargo:rerun-if-changed={folder}");
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}
