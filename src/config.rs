//! `jsp.toml`: a project's defaults, found in the current folder or the nearest parent.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::error::{Error, Problem, Result};

pub const FILE_NAME: &str = "jsp.toml";

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Written into new answers files.
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub assessor: Option<String>,
    /// The questionnaire `jsp assess` uses when none is named.
    #[serde(default)]
    pub questionnaire: Option<String>,
    /// Folders of custom questionnaires, relative to this file.
    #[serde(default)]
    pub questionnaires: Vec<PathBuf>,
    /// The target file used when `--target` is not given, relative to this file.
    #[serde(default)]
    pub target: Option<PathBuf>,
}

impl Config {
    /// The nearest `jsp.toml` from `start` upwards, with its paths made relative to `start`'s
    /// view of the file system; the default when there is none.
    /// The nearest `jsp.toml` from `start` upwards, if any, its path as seen from `start`.
    pub fn find(start: &Path) -> Option<PathBuf> {
        // Walking up by `..` keeps the paths in messages short (`../jsp.toml`); the absolute
        // form of `start` says how far up there is to walk.
        let depth = std::path::absolute(start).map_or(1, |a| a.ancestors().count());
        let mut folder = start.to_path_buf();
        for _ in 0..depth {
            let path = folder.join(FILE_NAME);
            if path.is_file() {
                return Some(path);
            }
            folder = if folder == Path::new(".") {
                PathBuf::from("..")
            } else {
                folder.join("..")
            };
        }
        None
    }

    pub fn load(path: &Path) -> Result<Config> {
        let text = crate::files::read_text(path)?;
        let mut config: Config = toml::from_str(&text)
            .map_err(|error| Error::invalid(path, Problem::from_toml(&error, &text)))?;
        let folder = path.parent().unwrap_or(Path::new("."));
        for dir in &mut config.questionnaires {
            *dir = folder.join(&*dir);
        }
        if let Some(target) = &mut config.target {
            *target = folder.join(&*target);
        }
        Ok(config)
    }
}
