//! One `jsp assess` on one answers file. It locks the file before reading it, so that a second
//! `jsp assess` on the same file (by any path: the lock is keyed by the file's real path) is
//! refused; before each save it checks that nobody changed the file since it was read or last
//! saved, and stops rather than overwrite another edit; it saves under a mutex, and on Ctrl-C,
//! SIGTERM or SIGHUP finishes any save in progress (so no temporary file is left) and exits.

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use crate::answers::Answers;
use crate::error::{Error, Problem, Result};
use crate::exit::Exit;
use crate::questionnaire::Questionnaire;

/// Held while a save is in progress, and by the signal handler before it exits, so that the
/// process never ends between writing a temporary file and renaming it.
static SAVING: Mutex<()> = Mutex::new(());

/// A temporary file older than this, beside the answers file, was left by a process killed
/// with `kill -9` mid-save (a save takes milliseconds) and is removed.
const STALE: Duration = Duration::from_secs(10 * 60);

/// The answers file as this session last read or wrote it; `None` while there is none.
#[derive(Debug, PartialEq)]
struct Seen {
    len: u64,
    modified: Option<SystemTime>,
    bytes: Vec<u8>,
}

pub struct Session {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// The file's real path (links resolved): saves replace it, so a symlink stays a link.
    real: PathBuf,
    seen: Mutex<Option<Seen>>,
    // The operating system releases the lock when the process ends, however it ends. The lock
    // file is never removed: removing it would let a process holding the old one and a newcomer
    // holding a new one interview at once.
    _lock: File,
}

impl Session {
    /// Locks `path` for this process, or explains who holds it. Nothing is read yet.
    pub fn open(path: &Path) -> Result<Session> {
        let write_error = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Ok(metadata) = std::fs::metadata(path)
            && !metadata.is_file()
        {
            let what = if metadata.is_dir() {
                "a folder"
            } else {
                "not a regular file (a device, FIFO or socket)"
            };
            return Err(Error::invalid(
                path,
                Problem::new(format!("is {what}, not an answers file"))
                    .hint("give --answers the path of a YAML file, new or existing"),
            ));
        }
        let real = real_path(path).map_err(write_error)?;
        let folder = real.parent().unwrap_or(Path::new("."));
        let mut name = std::ffi::OsString::from(".");
        name.push(real.file_name().unwrap_or_default());
        name.push(".jsp-lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(folder.join(name))
            .map_err(write_error)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::invalid(
                    path,
                    Problem::new("another `jsp assess` is answering this file")
                        .hint("finish or quit that interview first, or use another --answers file"),
                ));
            }
            Err(TryLockError::Error(source)) => return Err(write_error(source)),
        }
        remove_stale_temporaries(folder);
        let session = Session {
            path: path.to_path_buf(),
            real,
            seen: Mutex::new(None),
            _lock: lock,
        };
        session.exit_cleanly_on_signals();
        Ok(session)
    }

    /// The path as the user gave it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file existed when this session read it.
    pub fn exists_before(&self) -> bool {
        self.seen().is_some()
    }

    /// Reads the answers file, if there is one, under the lock; remembers what it read.
    pub fn load(&self) -> Result<Option<(Answers, String)>> {
        let metadata = match std::fs::metadata(&self.real) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(Error::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let text = crate::files::read_text(&self.path)?;
        let answers = Answers::parse(&text, &self.path)?;
        *self.seen() = Some(Seen {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            bytes: text.clone().into_bytes(),
        });
        Ok(Some((answers, text)))
    }

    /// Saves atomically; a signal arriving meanwhile waits for the save to finish. If the file
    /// changed on disk since this session read or saved it, nothing is overwritten: these
    /// answers go to a file beside it and the error says how to merge.
    pub fn save(&self, answers: &Answers, questionnaire: &Questionnaire) -> Result<()> {
        let _saving = SAVING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let text = answers
            .to_yaml(questionnaire)
            .map_err(|message| Error::Write {
                path: self.path.clone(),
                source: std::io::Error::other(message),
            })?;
        let mut seen = self.seen();
        if changed(seen.as_ref(), &self.real) {
            let mine = self.keep_mine(text.as_bytes())?;
            return Err(Error::invalid(
                &self.path,
                Problem::new(
                    "changed on disk while this interview ran (another program or person saved it); it was left as they saved it",
                )
                .hint(format!(
                    "this interview's answers are saved in {}: merge the two into {}, then resume with `jsp assess --answers {}`",
                    mine.display(),
                    self.path.display(),
                    self.path.display()
                )),
            ));
        }
        crate::files::write_atomic(&self.real, text.as_bytes()).map_err(|e| match e {
            Error::Write { source, .. } => Error::Write {
                path: self.path.clone(),
                source,
            },
            other => other,
        })?;
        // What is on disk now is what was written, unless someone wrote it meanwhile: then no
        // size and time are remembered, so that the next save compares the content.
        let metadata = std::fs::metadata(&self.real).ok();
        let ours = std::fs::read(&self.real).is_ok_and(|bytes| bytes == text.as_bytes());
        *seen = Some(Seen {
            len: metadata
                .as_ref()
                .filter(|_| ours)
                .map_or(u64::MAX, std::fs::Metadata::len),
            modified: metadata.and_then(|m| m.modified().ok()).filter(|_| ours),
            bytes: text.into_bytes(),
        });
        Ok(())
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, Option<Seen>> {
        self.seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes this interview's answers beside the file, under a name not yet taken.
    fn keep_mine(&self, bytes: &[u8]) -> Result<PathBuf> {
        let stem = self
            .path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let candidates = std::iter::once(format!("{stem}.mine.yaml"))
            .chain((2..1000).map(|n| format!("{stem}.mine-{n}.yaml")));
        for name in candidates {
            let mine = self.path.with_file_name(name);
            if !mine.exists() {
                crate::files::write_atomic(&mine, bytes)?;
                return Ok(mine);
            }
        }
        Err(Error::Write {
            path: self.path.clone(),
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        })
    }

    fn exit_cleanly_on_signals(&self) {
        let path = self.path.clone();
        let real = self.real.clone();
        let restore_terminal = terminal_mode();
        // If a handler cannot be set, the default action still leaves a valid file: every
        // answer is saved atomically as it is given.
        let _ = ctrlc::set_handler(move || {
            let _saving = SAVING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            restore_terminal();
            // Standard error may be a terminal that is gone: nothing to do if it fails.
            let _ = writeln!(std::io::stderr(), "\n{}", interrupted_message(&path, &real));
            std::process::exit(i32::from(Exit::Interrupted.code()));
        });
    }

    /// What an interruption leaves on disk, truly.
    pub fn interrupted(&self) -> String {
        let _saving = SAVING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        interrupted_message(&self.path, &self.real)
    }
}

/// Puts the terminal back in the mode it had when the interview began. The line editor turns
/// echo and line editing off while it reads an answer and restores them when it returns, but
/// a SIGTERM exits from under it, which would leave the user's shell without echo.
#[cfg(unix)]
fn terminal_mode() -> impl Fn() + Send + 'static {
    use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
    let saved = tcgetattr(std::io::stdin()).ok();
    move || {
        if let Some(mode) = &saved {
            // The terminal may be gone (SIGHUP): nothing to restore then.
            let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, mode);
        }
    }
}

#[cfg(not(unix))]
fn terminal_mode() -> impl Fn() + Send + 'static {
    || {}
}

fn interrupted_message(path: &Path, real: &Path) -> String {
    if real.exists() {
        format!(
            "Interrupted. Every answer given is saved in {}; run `jsp assess --answers {}` to resume.",
            path.display(),
            path.display()
        )
    } else {
        format!(
            "Interrupted. Nothing was saved: {} was not created.",
            path.display()
        )
    }
}

/// Whether the file on disk is not the one this session last saw.
fn changed(seen: Option<&Seen>, real: &Path) -> bool {
    let metadata = match std::fs::metadata(real) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return seen.is_some(),
        // Unreadable now: the save reports why.
        Err(_) => return false,
    };
    let Some(seen) = seen else {
        // Someone created it since this interview began.
        return true;
    };
    if metadata.len() == seen.len && metadata.modified().ok() == seen.modified {
        return false;
    }
    std::fs::read(real).map_or(true, |bytes| bytes != seen.bytes)
}

/// The file's real path: links resolved, so that every way to name it shares one lock. A file
/// not yet created is named in its folder's real path.
fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Ok(real);
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    Ok(std::fs::canonicalize(folder)?.join(name))
}

/// `.jsp-*.tmp` files that a `kill -9` in the middle of a save left behind.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".jsp-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > STALE)
        });
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_on_disk_is_noticed_and_an_unchanged_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "one\n").unwrap();
        let metadata = std::fs::metadata(&path).unwrap();
        let seen = Seen {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            bytes: b"one\n".to_vec(),
        };
        assert!(!changed(Some(&seen), &path));
        // Same size, other content: the content decides.
        std::fs::write(&path, "two\n").unwrap();
        assert!(changed(Some(&seen), &path));
        std::fs::remove_file(&path).unwrap();
        assert!(changed(Some(&seen), &path));
        assert!(!changed(None, &path));
        std::fs::write(&path, "new\n").unwrap();
        assert!(changed(None, &path));
    }

    #[test]
    fn only_old_temporaries_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".jsp-old123.tmp");
        let fresh = dir.path().join(".jsp-new123.tmp");
        let other = dir.path().join("keep.tmp");
        for path in [&old, &fresh, &other] {
            std::fs::write(path, "x").unwrap();
        }
        let past = SystemTime::now() - Duration::from_secs(3600);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(past)
            .unwrap();
        File::options()
            .write(true)
            .open(&other)
            .unwrap()
            .set_modified(past)
            .unwrap();
        remove_stale_temporaries(dir.path());
        assert!(!old.exists());
        assert!(fresh.exists() && other.exists());
    }
}
