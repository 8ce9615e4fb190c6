//! The layout's rules, read from the `crate::` paths of every file in `src/` (test modules
//! left out): no cycle between top-level modules; `cli` imports no other module; nothing
//! imports `app`; only `app` (and `main`) prints, reads the environment or exits; `render`
//! imports only `text`. The tests at the bottom feed the checker broken layouts, so that it is
//! seen to fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer that talks to the world.
const EDGE: &str = "app";

/// Modules allowed to print or exit besides the edge, and why.
const MAY_PRINT: &[(&str, &str)] = &[(
    "session",
    "its Ctrl-C handler runs on its own thread, outside any caller: it finishes the save, says the answers are kept and exits",
)];

/// A file's top-level module and its code, test modules left out.
struct File {
    path: String,
    module: String,
    code: String,
}

fn main_sources() -> Vec<File> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    walk(&src, &mut paths);
    paths
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap();
            file(&relative, &text)
        })
        .collect()
}

fn walk(folder: &Path, paths: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, paths);
        } else if path.extension().is_some_and(|e| e == "rs") {
            paths.push(path);
        }
    }
}

/// `relative` is the path below `src/`, e.g. `report/html.rs`.
fn file(relative: &str, text: &str) -> File {
    let module = relative
        .split('/')
        .next()
        .unwrap()
        .trim_end_matches(".rs")
        .to_string();
    // Unit tests sit at the end of a file, after `#[cfg(test)]`; they may reach anything.
    let code: String = text
        .lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    File {
        path: relative.to_string(),
        module,
        code,
    }
}

/// The top-level modules a file names through `crate::` (and `super::` from a top-level file).
fn imports(file: &File) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let top_level = !file.path.contains('/');
    let mut prefixes = vec!["crate::"];
    if top_level {
        prefixes.push("super::");
    }
    for prefix in prefixes {
        for (index, _) in file.code.match_indices(prefix) {
            let before = file.code[..index].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &file.code[index + prefix.len()..];
            let rest = rest.trim_start_matches('{').trim_start();
            // `use crate::{a, b::c}`: every name in the braces.
            let names: Vec<&str> = if file.code[index + prefix.len()..].starts_with('{') {
                let end = rest.find('}').unwrap_or(rest.len());
                rest[..end].split(',').collect()
            } else {
                vec![rest]
            };
            for name in names {
                let name: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != file.module && name != "self" {
                    found.insert(name);
                }
            }
        }
    }
    found
}

/// Every broken rule, one line each.
fn violations(files: &[File]) -> Vec<String> {
    let roots = ["lib", "main"];
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut broken = Vec::new();
    for file in files.iter().filter(|f| !roots.contains(&f.module.as_str())) {
        // The builders of the unit tests are compiled only for tests.
        if file.module == "testing" {
            continue;
        }
        let uses = imports(file);
        for used in &uses {
            if used == EDGE && file.module != EDGE {
                broken.push(format!("{}: imports `app`; nothing may", file.path));
            }
            if file.module == "cli" {
                broken.push(format!(
                    "{}: `cli` imports `{used}`; it may import nothing",
                    file.path
                ));
            }
            if file.module == "render" && used != "text" {
                broken.push(format!(
                    "{}: `render` imports `{used}`; it may import only `text`",
                    file.path
                ));
            }
            if used == "cli" && file.module != EDGE {
                broken.push(format!("{}: imports `cli`; only `app` may", file.path));
            }
        }
        let may_print = file.module == EDGE || MAY_PRINT.iter().any(|(m, _)| *m == file.module);
        for (what, words) in [
            (
                "prints",
                &["println!", "eprintln!", "print!", "eprint!", "dbg!"][..],
            ),
            ("exits", &["process::exit"][..]),
            (
                "writes to stdout or stderr",
                &["io::stdout()", "io::stderr()"][..],
            ),
        ] {
            if !may_print && words.iter().any(|w| file.code.contains(w)) {
                broken.push(format!("{}: {what}; only `app` may", file.path));
            }
        }
        if file.module != EDGE
            && (file.code.contains("env::var") || file.code.contains("env::args"))
        {
            broken.push(format!(
                "{}: reads the environment; only `app` may",
                file.path
            ));
        }
        graph.entry(file.module.clone()).or_default().extend(uses);
    }
    if let Some(cycle) = cycle(&graph) {
        broken.push(format!("a cycle between modules: {}", cycle.join(" -> ")));
    }
    broken
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_layout_keeps_its_rules() {
    let files = main_sources();
    assert!(files.len() > 40, "found only {} files in src/", files.len());
    let broken = violations(&files);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_imports_are_read_from_use_lines_and_paths() {
    let f = file(
        "report/html.rs",
        "use crate::{assessment::Assessment, render::xml};\nuse super::Score;\nfn f() { crate::text::printable(\"\"); }\n// crate::app is only named in a comment\n#[cfg(test)]\nmod tests { use crate::testing; }\n",
    );
    assert_eq!(
        imports(&f).into_iter().collect::<Vec<_>>(),
        ["assessment", "render", "text"]
    );
    let top = file("gates.rs", "use super::scoring::Scorecard;\n");
    assert_eq!(imports(&top).into_iter().collect::<Vec<_>>(), ["scoring"]);
}

#[test]
fn each_broken_rule_is_found() {
    let layout = |files: &[(&str, &str)]| {
        violations(
            &files
                .iter()
                .map(|(path, text)| file(path, text))
                .collect::<Vec<_>>(),
        )
    };
    let cases: [(&[(&str, &str)], &str); 7] = [
        (
            &[
                ("a.rs", "use crate::b::X;"),
                ("b/mod.rs", "use crate::a::Y;"),
            ],
            "a cycle between modules: a -> b -> a",
        ),
        (
            &[("cli.rs", "use crate::render::Style;")],
            "`cli` imports `render`",
        ),
        (
            &[("scoring.rs", "use crate::app::run;")],
            "imports `app`; nothing may",
        ),
        (
            &[("report/table.rs", "use crate::cli::ScoreFormat;")],
            "imports `cli`; only `app` may",
        ),
        (
            &[("report/table.rs", "fn f() { println!(\"x\"); }")],
            "prints; only `app` may",
        ),
        (
            &[("catalog/mod.rs", "fn f() { std::env::var(\"X\"); }")],
            "reads the environment",
        ),
        (
            &[("render/mod.rs", "use crate::scoring::round2;")],
            "may import only `text`",
        ),
    ];
    for (files, expected) in cases {
        let broken = layout(files);
        assert!(
            broken.iter().any(|b| b.contains(expected)),
            "{files:?}: expected `{expected}` in {broken:?}"
        );
    }
    assert!(layout(&[("app/mod.rs", "use crate::cli::Cli; fn f() { println!(); }")]).is_empty());
}
