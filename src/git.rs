//! An answers file's committed versions, read through git's own history (the `git` program,
//! so that renames, grafts, shallow clones and the user's configuration are git's to handle,
//! and jsp links no git library).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::files::MAX_INPUT_BYTES;

/// One committed version of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// The commit's full hash.
    pub commit: String,
    /// The commit date, `YYYY-MM-DD`.
    pub date: String,
    /// The first line of the commit message.
    pub subject: String,
    /// The file as it was committed.
    pub text: String,
}

/// Why a file has no history to read.
#[derive(Debug, Clone, PartialEq)]
pub enum NoHistory {
    /// `git` could not be run.
    NoGit(String),
    /// The file is not inside a git work tree.
    NotInWorkTree,
    /// The file is in a work tree but was never committed.
    NeverCommitted,
}

impl NoHistory {
    pub fn words(&self) -> String {
        match self {
            NoHistory::NoGit(why) => format!("git could not be run ({why})"),
            NoHistory::NotInWorkTree => "the file is not in a git work tree".to_string(),
            NoHistory::NeverCommitted => "the file has never been committed".to_string(),
        }
    }
}

/// Every committed version of `path`, oldest first, following renames; `since` (`YYYY-MM-DD`)
/// leaves out older commits. A version larger than the input limit, or not UTF-8, is left out.
pub fn versions(path: &Path, since: Option<&str>) -> Result<Vec<Version>, NoHistory> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Some(name) = path.file_name() else {
        return Err(NoHistory::NotInWorkTree);
    };
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(folder)
            .args(args)
            .output()
            .map_err(|e| NoHistory::NoGit(e.to_string()))
    };
    let inside = git(&["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        return Err(NoHistory::NotInWorkTree);
    }
    // One record per commit: NUL, hash, TAB, date, TAB, subject, then the file's path at that
    // commit (relative to the top of the work tree) on the lines that --name-only adds.
    let mut args = vec![
        "log".to_string(),
        "--follow".to_string(),
        "--format=%x00%H%x09%cs%x09%s".to_string(),
        "--name-only".to_string(),
    ];
    if let Some(since) = since {
        args.push(format!("--since={since}T00:00:00"));
    }
    args.push("--".to_string());
    args.push(name.to_string_lossy().into_owned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let log = git(&args)?;
    if !log.status.success() {
        return Err(NoHistory::NotInWorkTree);
    }
    let log = String::from_utf8_lossy(&log.stdout);
    let mut versions = Vec::new();
    for record in log.split('\0').filter(|r| !r.trim().is_empty()) {
        let mut lines = record.lines();
        let Some(head) = lines.next() else { continue };
        let mut fields = head.splitn(3, '\t');
        let (Some(commit), Some(date)) = (fields.next(), fields.next()) else {
            continue;
        };
        let subject = fields.next().unwrap_or_default();
        let Some(file) = lines.map(str::trim).find(|l| !l.is_empty()) else {
            continue;
        };
        let shown = Command::new("git")
            .arg("-C")
            .arg(folder)
            .args(["show", &format!("{commit}:{file}")])
            .output()
            .map_err(|e| NoHistory::NoGit(e.to_string()))?;
        if !shown.status.success() || shown.stdout.len() as u64 > MAX_INPUT_BYTES {
            continue;
        }
        let Ok(text) = String::from_utf8(shown.stdout) else {
            continue;
        };
        versions.push(Version {
            commit: commit.to_string(),
            date: date.to_string(),
            subject: subject.to_string(),
            text,
        });
    }
    if versions.is_empty() && since.is_none() {
        return Err(NoHistory::NeverCommitted);
    }
    versions.reverse();
    Ok(versions)
}

/// The top of the git work tree `folder` is in, and every file git tracks there (in its index:
/// committed or added), relative to that top; `None` outside a work tree or without `git`.
pub fn work_tree(folder: &Path) -> Option<(PathBuf, HashSet<PathBuf>)> {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(folder)
            .args(args)
            .output()
            .ok()
            .filter(|output| output.status.success())
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8(top.stdout).ok()?.trim_end_matches('\n'));
    // From the top, with NUL separators: every path as it is, unquoted.
    let listed = Command::new("git")
        .arg("-C")
        .arg(&top)
        .args(["ls-files", "-z"])
        .output()
        .ok()
        .filter(|output| output.status.success())?;
    let tracked = String::from_utf8_lossy(&listed.stdout)
        .split('\0')
        .filter(|name| !name.is_empty())
        .map(PathBuf::from)
        .collect();
    Some((top, tracked))
}
