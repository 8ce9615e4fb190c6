//! Standard files: the clauses of a standard the questionnaires cite, each with a short topic,
//! so that a crosswalk can show the clauses no question covers. The shipped ones are compiled in
//! from `standards/`; a folder of custom questionnaires may hold its own in `standards/`, and
//! one for the same standard replaces the shipped one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Problem, Result, first_problems};
use crate::text::Lines;

/// The shipped standard files: (path in the source tree, YAML).
const BUILT_IN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/standards.rs"));

/// At most this many clauses in one file.
pub const MAX_CLAUSES: usize = 10_000;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardFile {
    /// The prefix the questionnaires cite the standard with, e.g. `IEC 81001-5-1`.
    pub standard: String,
    pub title: String,
    pub clauses: Vec<ClauseEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseEntry {
    /// As cited after the prefix: `5.7.4`, `SM-6`, `GV.OC`, `email security`.
    pub id: String,
    pub topic: String,
}

impl StandardFile {
    pub fn clause(&self, id: &str) -> Option<&ClauseEntry> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// Parses and checks a standard file; `path` names it in messages.
    pub fn parse(text: &str, path: &Path) -> Result<StandardFile> {
        let file: StandardFile =
            crate::yaml::from_str(text).map_err(|problem| Error::invalid(path, problem))?;
        let lines = Lines::new(text, &["id"]);
        let mut errors = Vec::new();
        if file.standard.trim().is_empty() {
            errors.push(
                Problem::new("`standard` is empty")
                    .at(crate::text::line_of_key(text, "standard"))
                    .hint("give the prefix the questionnaires cite it with, e.g. `IEC 81001-5-1`"),
            );
        }
        if file.clauses.is_empty() || file.clauses.len() > MAX_CLAUSES {
            errors.push(
                Problem::new(format!(
                    "the file lists {} clauses; it needs 1 to {MAX_CLAUSES}",
                    file.clauses.len()
                ))
                .at(crate::text::line_of_key(text, "clauses"))
                .hint("list the standard's clauses under `clauses:`"),
            );
        }
        let mut seen = HashSet::new();
        for clause in &file.clauses {
            if clause.id.trim().is_empty() {
                errors.push(
                    Problem::new("a clause has an empty id")
                        .at(crate::text::line_of_key(text, "clauses"))
                        .hint("give it the id the questionnaires cite, e.g. `5.7.4`"),
                );
            }
            if !seen.insert(clause.id.as_str()) {
                errors.push(
                    Problem::new(format!("clause `{}` is listed twice", clause.id))
                        .at(lines
                            .nth("id", &clause.id, 1)
                            .or(lines.of("id", &clause.id)))
                        .hint("list every clause once"),
                );
            }
        }
        let errors = first_problems(errors);
        if errors.is_empty() {
            Ok(file)
        } else {
            Err(Error::Invalid {
                path: path.to_path_buf(),
                problems: errors,
            })
        }
    }
}

/// The shipped standard files, then those of each folder's `standards/` in order; a later file
/// for the same standard replaces an earlier one.
pub fn load(folders: &[PathBuf]) -> Result<Vec<StandardFile>> {
    let mut files = Vec::new();
    for (path, text) in BUILT_IN {
        files.push(StandardFile::parse(text, Path::new(path))?);
    }
    for folder in folders {
        let dir = folder.join("standards");
        if !dir.is_dir() {
            continue;
        }
        let listing = std::fs::read_dir(&dir).map_err(|source| Error::Read {
            path: dir.clone(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = listing
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| crate::files::is_yaml(p) && p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let file = StandardFile::parse(&crate::files::read_text(&path)?, &path)?;
            match files.iter_mut().find(|f| f.standard == file.standard) {
                Some(existing) => *existing = file,
                None => files.push(file),
            }
        }
    }
    Ok(files)
}
