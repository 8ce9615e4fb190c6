//! Where questionnaires are found: the ones compiled into the binary, then the user's folders.
//! A questionnaire from a folder replaces a built-in one with the same id.

pub mod render;

use std::path::{Path, PathBuf};

use crate::error::{Error, Problem, Result, Warning};
use crate::questionnaire::Questionnaire;

/// A questionnaire compiled in from `questionnaires/`; the file's stem is its id.
pub struct BuiltIn {
    pub id: &'static str,
    pub file: &'static str,
    /// The YAML as shipped.
    pub text: &'static str,
    /// The same, converted to JSON by `build.rs`; `None` when the YAML did not parse.
    pub json: Option<&'static str>,
}

pub const BUILT_IN: &[BuiltIn] = include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// A loaded questionnaire and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    pub questionnaire: Questionnaire,
    /// The file it was read from; for a built-in one, its path in the source tree.
    pub path: PathBuf,
    pub built_in: bool,
}

impl Entry {
    /// True when this questionnaire comes from a file and has the id of a built-in one, which
    /// it replaces: scores then follow the file, not jsp's own questionnaire.
    pub fn replaces_built_in(&self) -> bool {
        !self.built_in && BUILT_IN.iter().any(|b| b.id == self.questionnaire.id)
    }

    /// The notice that the entry replaces a built-in questionnaire, when it does.
    fn notice(&self) -> Option<Warning> {
        self.replaces_built_in().then(|| Warning {
            path: self.path.clone(),
            problem: Problem::new(format!(
                "replaces the built-in questionnaire `{}`: the scores follow this file",
                self.questionnaire.id
            ))
            .hint("to use jsp's own, take the file out of the questionnaire folders"),
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    folders: Vec<PathBuf>,
}

impl Catalog {
    /// `folders` are searched in order; a later folder's questionnaire replaces an earlier one's.
    pub fn new(folders: Vec<PathBuf>) -> Self {
        Catalog { folders }
    }

    /// Every questionnaire, built-in ones first, each id once.
    pub fn all(&self, warnings: &mut Vec<Warning>) -> Result<Vec<Entry>> {
        self.all_except(None, warnings)
    }

    /// [`Catalog::all`] but the questionnaire with id `loaded`, which the caller already holds:
    /// a built-in one is not parsed again.
    pub fn all_except(
        &self,
        loaded: Option<&str>,
        warnings: &mut Vec<Warning>,
    ) -> Result<Vec<Entry>> {
        let mut entries = Vec::new();
        for built_in in BUILT_IN.iter().filter(|b| Some(b.id) != loaded) {
            entries.push(load_built_in(built_in, warnings)?);
        }
        let custom = self.custom(warnings)?.into_iter();
        for entry in custom.filter(|e| Some(e.questionnaire.id.as_str()) != loaded) {
            match entries
                .iter_mut()
                .find(|e| e.questionnaire.id == entry.questionnaire.id)
            {
                Some(existing) => *existing = entry,
                None => entries.push(entry),
            }
        }
        Ok(entries)
    }

    /// The questionnaire with this id, or the one in this file when `name` is a YAML path.
    /// A file that replaces a built-in questionnaire is named in a warning.
    pub fn find(&self, name: &str, warnings: &mut Vec<Warning>) -> Result<Entry> {
        let found = if crate::files::is_yaml(Path::new(name)) {
            Some(load_file(Path::new(name), warnings)?)
        } else {
            self.custom(warnings)?
                .into_iter()
                .rev()
                .find(|e| e.questionnaire.id == name)
        };
        if let Some(entry) = found {
            warnings.extend(entry.notice());
            return Ok(entry);
        }
        if let Some(built_in) = BUILT_IN.iter().find(|b| b.id == name) {
            return load_built_in(built_in, warnings);
        }
        let known = self.ids(warnings)?;
        let mut message = format!("unknown questionnaire `{name}`");
        if let Some(near) = crate::text::nearest(name, known.iter().map(String::as_str)) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        Err(Error::usage(format!(
            "{message}\n  hint: known questionnaires: {}; add a folder of your own with --questionnaires DIR",
            known.join(", ")
        )))
    }

    /// The questionnaire a file names under `questionnaire:`; an unknown one is an error at
    /// that line of the file.
    pub fn find_named(
        &self,
        id: &str,
        path: &Path,
        text: &str,
        warnings: &mut Vec<Warning>,
    ) -> Result<Entry> {
        self.find(id, warnings).map_err(|error| match error {
            Error::Usage { message } => Error::invalid(
                path,
                Problem::new(message).at(crate::text::line_of_key(text, "questionnaire")),
            ),
            other => other,
        })
    }

    /// The standard files a crosswalk of `entry` uses: the shipped ones, then those in the
    /// `standards/` folder of each questionnaire folder and of the questionnaire's own folder.
    pub fn standards(&self, entry: &Entry) -> Result<Vec<crate::standards::StandardFile>> {
        let mut folders = self.folders.clone();
        if let Some(own) = entry.path.parent().filter(|_| !entry.built_in)
            && !folders.iter().any(|f| f == own)
        {
            folders.push(own.to_path_buf());
        }
        crate::standards::load(&folders)
    }

    fn ids(&self, warnings: &mut Vec<Warning>) -> Result<Vec<String>> {
        Ok(self
            .all(warnings)?
            .into_iter()
            .map(|e| e.questionnaire.id)
            .collect())
    }

    fn custom(&self, warnings: &mut Vec<Warning>) -> Result<Vec<Entry>> {
        let mut entries = Vec::new();
        for folder in &self.folders {
            let listing = std::fs::read_dir(folder).map_err(|source| Error::Read {
                path: folder.clone(),
                source,
            })?;
            let mut files: Vec<PathBuf> = listing
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| crate::files::is_yaml(p) && p.is_file())
                .collect();
            files.sort();
            // Answers or other YAML kept beside the questionnaires are skipped, with one notice.
            let mut skipped = Vec::new();
            for file in files {
                let text = crate::files::read_text(&file)?;
                if crate::answers::kind_of(&text, &file)
                    != Some(crate::answers::Kind::Questionnaire)
                {
                    skipped.push(file);
                    continue;
                }
                entries.push(load_text(&file, &text, warnings)?);
            }
            if !skipped.is_empty() {
                let names: Vec<String> = skipped
                    .iter()
                    .filter_map(|f| f.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                warnings.push(Warning {
                    path: folder.clone(),
                    problem: Problem::new(format!(
                        "skipped {} file{} that {} not a questionnaire (no `domains`): {}",
                        names.len(),
                        if names.len() == 1 { "" } else { "s" },
                        if names.len() == 1 { "is" } else { "are" },
                        names.join(", ")
                    ))
                    .hint("keep answers and targets in another folder than --questionnaires"),
                });
            }
        }
        Ok(entries)
    }
}

fn load_file(path: &Path, warnings: &mut Vec<Warning>) -> Result<Entry> {
    let text = crate::files::read_text(path)?;
    load_text(path, &text, warnings)
}

fn load_text(path: &Path, text: &str, warnings: &mut Vec<Warning>) -> Result<Entry> {
    let (questionnaire, found) = Questionnaire::parse(text, path)?;
    warnings.extend(found);
    Ok(Entry {
        questionnaire,
        path: path.to_path_buf(),
        built_in: false,
    })
}

fn load_built_in(built_in: &BuiltIn, warnings: &mut Vec<Warning>) -> Result<Entry> {
    let path = PathBuf::from(built_in.file);
    // The JSON form skips the YAML parser and the checks, which the tests run on every
    // built-in questionnaire; the YAML is read only when it has none.
    let parsed = built_in
        .json
        .and_then(|json| serde_json::from_str::<Questionnaire>(json).ok());
    let (questionnaire, found) = match parsed {
        Some(questionnaire) => (questionnaire, Vec::new()),
        None => Questionnaire::parse(built_in.text, &path)?,
    };
    if questionnaire.id != built_in.id {
        return Err(Error::invalid(
            &path,
            Problem::new(format!(
                "a built-in questionnaire's id `{}` must match its file name",
                questionnaire.id
            )),
        ));
    }
    warnings.extend(found);
    Ok(Entry {
        questionnaire,
        path,
        built_in: true,
    })
}
