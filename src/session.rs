//! One `jsp assess` on one answers file: it holds a lock so that a second `jsp assess` on the
//! same file is refused, saves under a mutex, and on Ctrl-C or SIGTERM finishes any save in
//! progress, releases the lock and exits.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::answers::Answers;
use crate::error::{Error, Problem, Result};
use crate::exit::Exit;
use crate::questionnaire::Questionnaire;

/// Held while a save is in progress, and by the signal handler before it exits, so that the
/// process never ends between writing a temporary file and renaming it.
static SAVING: Mutex<()> = Mutex::new(());

pub struct Session {
    path: PathBuf,
    lock_path: PathBuf,
    // The operating system releases the lock when the process ends, however it ends.
    _lock: File,
}

impl Session {
    /// Locks `path` for this process, or explains who holds it.
    pub fn open(path: &Path) -> Result<Session> {
        let lock_path = lock_path(path);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::invalid(
                    path,
                    Problem::new("another `jsp assess` is answering this file")
                        .hint("finish or quit that interview first, or use another --answers file"),
                ));
            }
            Err(TryLockError::Error(source)) => {
                return Err(Error::Write {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
        let session = Session {
            path: path.to_path_buf(),
            lock_path,
            _lock: lock,
        };
        session.exit_cleanly_on_signals();
        Ok(session)
    }

    /// Saves atomically; a signal arriving meanwhile waits for the save to finish.
    pub fn save(&self, answers: &Answers, questionnaire: &Questionnaire) -> Result<()> {
        let _saving = SAVING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        answers.save(questionnaire, &self.path)
    }

    fn exit_cleanly_on_signals(&self) {
        let path = self.path.clone();
        let lock_path = self.lock_path.clone();
        // If a handler cannot be set, the default action still leaves a valid file: every
        // answer is saved atomically as it is given.
        let _ = ctrlc::set_handler(move || {
            let _saving = SAVING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let _ = std::fs::remove_file(&lock_path);
            eprintln!(
                "\nInterrupted. Every answer given is saved in {}; run `jsp assess --answers {}` to resume.",
                path.display(),
                path.display()
            );
            std::process::exit(i32::from(Exit::Interrupted.code()));
        });
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// `answers.yaml` is locked through `answers.yaml.lock` beside it: the answers file itself is
/// replaced on every save, so it cannot carry the lock.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}
