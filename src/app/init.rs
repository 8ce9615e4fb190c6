//! `jsp init`: a commented `jsp.toml` that says what each default does. Keys not given on the
//! command line are written commented out, with an example value.

use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::config::FILE_NAME;
use crate::error::{Error, Problem, Result};
use crate::exit::Exit;

pub(super) fn run(args: &InitArgs) -> anyhow::Result<Exit> {
    let path = write(Path::new("."), args)?;
    let shown = crate::text::printable(&path.display().to_string());
    super::to_stderr(&format!(
        "jsp: wrote {shown}; check it with `jsp validate {shown}`\n"
    ));
    Ok(Exit::Success)
}

/// Writes `jsp.toml` in `folder`; refuses to replace one unless `--force`. Returns its path.
fn write(folder: &Path, args: &InitArgs) -> Result<PathBuf> {
    let path = folder.join(FILE_NAME);
    if path.exists() && !args.force {
        return Err(Error::invalid(
            &path,
            Problem::new("already exists").hint("`jsp init --force` replaces it"),
        ));
    }
    let text = render(args);
    crate::files::write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// The file's text: each key with a comment, set when given, else commented out.
fn render(args: &InitArgs) -> String {
    let target = args
        .target
        .as_ref()
        .map(|path| path.to_string_lossy().into_owned());
    let keys = [
        (
            "The organization written into new answers files by `jsp assess`.",
            "organization",
            args.organization.as_deref().map(quote),
            quote("Acme Medical"),
        ),
        (
            "Who assesses, written into new answers files.",
            "assessor",
            None,
            quote("J. Doe"),
        ),
        (
            "The questionnaire `jsp assess` uses when none is named; `jsp list` shows the ids.",
            "questionnaire",
            args.questionnaire.as_deref().map(quote),
            quote("jsp-manufacturer"),
        ),
        (
            "Folders of custom questionnaires, added to the built-in ones.",
            "questionnaires",
            None,
            format!("[{}]", quote("questionnaires")),
        ),
        (
            "The target profile `jsp score` and `jsp report` use when --target is not given.",
            "target",
            target.as_deref().map(quote),
            quote("targets/premarket.toml"),
        ),
    ];
    let mut text = String::from(
        "# jsp.toml: defaults for jsp in this folder and every folder below it.\n\
         # jsp reads the nearest jsp.toml from the current folder upwards; paths in it are\n\
         # relative to this file. Check it with `jsp validate jsp.toml`.\n",
    );
    for (comment, key, value, example) in keys {
        text.push_str(&format!("\n# {comment}\n"));
        match value {
            Some(value) => text.push_str(&format!("{key} = {value}\n")),
            None => text.push_str(&format!("# {key} = {example}\n")),
        }
    }
    text
}

/// A TOML string, quoted and escaped.
fn quote(value: &str) -> String {
    toml::Value::String(value.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn args() -> InitArgs {
        InitArgs {
            force: false,
            organization: None,
            questionnaire: None,
            target: None,
        }
    }

    #[test]
    fn the_commented_file_reads_as_an_empty_config() {
        let config: Config = toml::from_str(&render(&args())).unwrap();
        assert!(config.organization.is_none());
        assert!(config.questionnaires.is_empty());
        assert!(config.target.is_none());
    }

    #[test]
    fn given_values_are_set_and_quoted() {
        let text = render(&InitArgs {
            organization: Some("Acme \"Medical\"".into()),
            questionnaire: Some("jsp-provider".into()),
            target: Some(PathBuf::from("targets/site.toml")),
            ..args()
        });
        let config: Config = toml::from_str(&text).unwrap();
        assert_eq!(config.organization.as_deref(), Some("Acme \"Medical\""));
        assert_eq!(config.questionnaire.as_deref(), Some("jsp-provider"));
        assert_eq!(config.target, Some(PathBuf::from("targets/site.toml")));
        assert!(text.contains("# assessor = \"J. Doe\""));
    }
}
