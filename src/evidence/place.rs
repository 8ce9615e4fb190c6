//! Where a reference that is a path leads, checked without opening anything: it exists, and
//! inside a git work tree git tracks it; it never leaves the repository (or, outside git, the
//! answers file's folder), whether by `..`, an absolute path or a symbolic link.
//!
//! The rule for what is a path: a reference with a scheme (`https://…`, `mailto:…`, two or more
//! letters before a `:`) is an address, not a path, and so is one that holds an address after
//! some words (`Advisory tracker https://intranet.example/sec`: no path holds `://`); otherwise
//! it is a path when it holds a `/`
//! (or `\`) or its last part ends in a file extension (`sop-7.pdf`: a dot, then one to eight
//! letters or digits, the first a letter). `SOP-7 rev C`, `JIRA-1234` and `TM-INF-300 v2.1` are
//! document or ticket ids.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// What a path reference leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A file or folder, tracked by git where there is a work tree.
    Found,
    Missing,
    /// In a git work tree, but not in git's index.
    Untracked,
    /// Leaves the repository (or the folder): never opened.
    Outside,
}

/// What a path may not leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// The git work tree the answers file is in.
    Repository,
    /// The answers file's folder, outside git.
    Folder,
}

impl Within {
    pub fn words(self) -> &'static str {
        match self {
            Within::Repository => "the repository",
            Within::Folder => "the answers file's folder",
        }
    }
}

/// Whether `reference` names a file: see the module's rule.
pub fn is_path(reference: &str) -> bool {
    let reference = reference.trim();
    if reference.is_empty() || has_scheme(reference) || reference.contains("://") {
        return false;
    }
    if reference.contains(['/', '\\']) {
        return true;
    }
    reference.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=8).contains(&ext.len())
            && ext.starts_with(|c: char| c.is_ascii_alphabetic())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// `https:`, `mailto:`, `urn:`: two or more letters (then letters, digits, `+`, `-`, `.`) and a
/// colon; one letter is a Windows drive, a path.
fn has_scheme(reference: &str) -> bool {
    reference.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() >= 2
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Locates the path references of one answers file.
#[derive(Debug, Clone)]
pub struct Locator {
    /// What no path may leave, resolved (no links); `None` when the answers file's folder
    /// cannot be resolved, and then every path is missing.
    top: Option<PathBuf>,
    /// The answers file's folder, as components below `top`.
    base: Vec<OsString>,
    within: Within,
    /// Every file git tracks, relative to `top`; `None` outside git.
    tracked: Option<HashSet<PathBuf>>,
}

impl Locator {
    /// For the answers file at `answers` (`-`: the current folder), with its work tree's top
    /// and tracked files when git knows them (`work_tree`: see [`crate::git::work_tree`]).
    pub fn new(
        answers: &Path,
        work_tree: impl FnOnce(&Path) -> Option<(PathBuf, HashSet<PathBuf>)>,
    ) -> Locator {
        let folder = match answers.parent() {
            Some(parent) if answers != Path::new("-") && !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let Ok(folder) = folder.canonicalize() else {
            return Locator::detached();
        };
        let tree = work_tree(&folder).and_then(|(top, tracked)| {
            let top = top.canonicalize().ok()?;
            folder.starts_with(&top).then_some((top, tracked))
        });
        let (top, within, tracked) = match tree {
            Some((top, tracked)) => (top, Within::Repository, Some(tracked)),
            None => (folder.clone(), Within::Folder, None),
        };
        let base = folder
            .strip_prefix(&top)
            .map(|rest| rest.iter().map(OsString::from).collect())
            .unwrap_or_default();
        Locator {
            top: Some(top),
            base,
            within,
            tracked,
        }
    }

    /// A locator with no folder: every path is missing (for tests of what the reports do).
    pub fn detached() -> Locator {
        Locator {
            top: None,
            base: Vec::new(),
            within: Within::Folder,
            tracked: None,
        }
    }

    pub fn within(&self) -> Within {
        self.within
    }

    /// Where `reference` leads; `None` when it is not a path.
    pub fn locate(&self, reference: &str) -> Option<Place> {
        if !is_path(reference) {
            return None;
        }
        let Some(top) = &self.top else {
            return Some(Place::Missing);
        };
        let Some(parts) = below(self.base.clone(), Path::new(reference.trim())) else {
            return Some(Place::Outside);
        };
        let mut current = top.clone();
        for part in parts {
            current.push(part);
            let Ok(meta) = std::fs::symlink_metadata(&current) else {
                return Some(Place::Missing);
            };
            if !meta.file_type().is_symlink() {
                continue;
            }
            // A link is resolved (not opened) and must stay inside; one that leads nowhere is
            // outside when its own text leaves, else missing; a loop is missing.
            match current.canonicalize() {
                Ok(real) if real.starts_with(top) => current = real,
                Ok(_) => return Some(Place::Outside),
                Err(_) => return Some(dangling(top, &current)),
            }
        }
        let Some(tracked) = &self.tracked else {
            return Some(Place::Found);
        };
        let relative = current.strip_prefix(top).unwrap_or(&current);
        let is_tracked = tracked.contains(relative)
            || (current.is_dir() && tracked.iter().any(|file| file.starts_with(relative)));
        Some(if is_tracked {
            Place::Found
        } else {
            Place::Untracked
        })
    }
}

/// `path` taken from `base` (components below the top), as components below the top; `None`
/// when it is absolute or climbs above the top.
fn below(mut base: Vec<OsString>, path: &Path) -> Option<Vec<OsString>> {
    for component in path.components() {
        match component {
            Component::Normal(part) => base.push(part.to_os_string()),
            Component::CurDir => {}
            Component::ParentDir => {
                base.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(base)
}

/// A link that cannot be resolved: outside when what it names leaves `top`, else missing.
fn dangling(top: &Path, link: &Path) -> Place {
    let (Ok(target), Some(parent)) = (std::fs::read_link(link), link.parent()) else {
        return Place::Missing;
    };
    let Ok(parent) = parent.strip_prefix(top) else {
        return Place::Outside;
    };
    let base = parent.iter().map(OsString::from).collect();
    match below(base, &target) {
        Some(_) => Place::Missing,
        None => Place::Outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_ids_are_not_paths() {
        for reference in [
            "https://qms.example/policy",
            "mailto:qa@example.com",
            "javascript:alert(1)",
            "urn:isbn:123",
            "SOP-7 rev C",
            "JIRA-1234",
            "TM-INF-300 v2.1",
            "Policy 2.0",
            "Advisory tracker https://intranet.example/sec/advisories",
            "",
        ] {
            assert!(!is_path(reference), "{reference}");
        }
        for reference in [
            "docs/sop-7.pdf",
            "sop-7.pdf",
            "../../etc/passwd",
            "/etc/passwd",
            "C:\\Windows\\win.ini",
            "SBOM-INF-300-4.2.0.json",
        ] {
            assert!(is_path(reference), "{reference}");
        }
    }

    #[test]
    fn climbing_above_the_top_is_outside() {
        let base = vec![OsString::from("a")];
        assert!(below(base.clone(), Path::new("../b.pdf")).is_some());
        assert!(below(base.clone(), Path::new("../../b.pdf")).is_none());
        assert!(below(base, Path::new("/etc/passwd")).is_none());
    }
}
