//! Reading input files with limits, and writing output files atomically; and the record of
//! every file a run has read, so that no output replaces one of them.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Problem, Result};

/// What makes a file itself whatever name it is reached by: its device and inode (after
/// following links); elsewhere, its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct FileId {
    #[cfg(unix)]
    device_and_inode: (u64, u64),
    #[cfg(not(unix))]
    canonical: PathBuf,
}

impl FileId {
    #[cfg_attr(unix, allow(unused_variables))]
    fn of(path: &Path, metadata: &std::fs::Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId {
                device_and_inode: (metadata.dev(), metadata.ino()),
            })
        }
        #[cfg(not(unix))]
        {
            Some(FileId {
                canonical: path.canonicalize().ok()?,
            })
        }
    }
}

/// A key that is equal for two paths exactly when they name the same file (links followed).
pub fn identity(path: &Path) -> Option<impl Ord + Clone + use<>> {
    FileId::of(path, &std::fs::metadata(path).ok()?)
}

/// Why `path` (a jsp.toml or a folder of questionnaires, which decide how answers are scored)
/// is not to be trusted, if it is not: owned by another user, or writable by anyone. As git
/// asks of a repository (`safe.directory`): someone else's file must not change the scores.
#[cfg(unix)]
pub fn distrust(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(path).ok()?;
    let user = rustix::process::geteuid().as_raw();
    if metadata.uid() != user {
        return Some(format!(
            "it is owned by another user (uid {}, not {user})",
            metadata.uid()
        ));
    }
    (metadata.mode() & 0o002 != 0).then(|| {
        format!(
            "anyone may write to it (mode {:o})",
            metadata.mode() & 0o7777
        )
    })
}

/// Elsewhere, ownership is not checked.
#[cfg(not(unix))]
pub fn distrust(_: &Path) -> Option<String> {
    None
}

/// Every file read in this run, by identity, with the name it was read by.
static READ: Mutex<BTreeMap<FileId, PathBuf>> = Mutex::new(BTreeMap::new());

fn record_read(path: &Path, metadata: &std::fs::Metadata) {
    if let (Some(id), Ok(mut read)) = (FileId::of(path, metadata), READ.lock()) {
        read.entry(id).or_insert_with(|| path.to_path_buf());
    }
}

/// The input `destination` is (by identity, links followed), when this run has read it.
pub fn read_as(destination: &Path) -> Option<PathBuf> {
    let metadata = std::fs::metadata(destination).ok()?;
    let id = FileId::of(destination, &metadata)?;
    READ.lock().ok()?.get(&id).cloned()
}

/// Refuses `destination` when it is a file this run read: writing it would lose the input.
pub fn check_not_an_input(destination: &Path) -> Result<()> {
    let Some(input) = read_as(destination) else {
        return Ok(());
    };
    let plain = |path: &Path| -> PathBuf {
        path.components()
            .filter(|c| *c != std::path::Component::CurDir)
            .collect()
    };
    let what = if plain(&input) == plain(destination) {
        "is also an input of this command".to_string()
    } else {
        format!("is the input `{}` by another name", input.display())
    };
    Err(Error::usage(format!(
        "`{}` {what}: writing it would replace what was read\n  hint: write the output to another file",
        destination.display(),
    )))
}

/// Larger inputs are refused before parsing: no real questionnaire or answers file comes near it.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// A YAML file by its name: questionnaires and answers files are `.yaml` or `.yml`.
pub fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// Reads a UTF-8 text file of at most [`MAX_INPUT_BYTES`].
pub fn read_text(path: &Path) -> Result<String> {
    let (file, length) = open_regular(path)?;
    // Sized to the file, the buffer is filled in one read rather than a series of growing ones.
    read_text_from(file, length, path)
}

/// Reads a file of any content, of at most `limit` bytes (`what` names the kind in the message).
pub fn read_bytes(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let (file, length) = open_regular(path)?;
    if length > limit {
        return Err(too_large(path, limit, what));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0) + 1);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit, what));
    }
    Ok(bytes)
}

fn too_large(path: &Path, limit: u64, what: &str) -> Error {
    Error::invalid(
        path,
        Problem::new(format!(
            "the file is larger than the limit of {} MiB for {what}",
            limit / 1024 / 1024
        ))
        .hint("check that this is the file you meant"),
    )
}

/// A regular file opened for reading (and recorded as read), with its length: a folder, a FIFO
/// or a device is refused.
fn open_regular(path: &Path) -> Result<(std::fs::File, u64)> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let folder = || {
        Error::invalid(
            path,
            Problem::new("is a folder, not a file").hint("name a file inside it"),
        )
    };
    let special = || {
        Error::invalid(
            path,
            Problem::new("is not a regular file (a FIFO, a device or a socket)")
                .hint("name the file itself; to read a pipe, save it to a file first"),
        )
    };
    #[cfg(not(unix))]
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.is_file()
        && !metadata.is_dir()
    {
        return Err(special());
    }
    // Opened first and asked once (fstat): a portfolio reads thousands of files, and what is
    // checked is what was opened, so a file swapped for a FIFO after a check cannot block us.
    let file = match open_without_blocking(path) {
        Ok(file) => file,
        // Some systems refuse to open a folder at all.
        Err(_) if path.is_dir() => return Err(folder()),
        Err(error) => return Err(read_error(error)),
    };
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(folder());
    }
    // /dev/zero would never end a read, a FIFO might never start one.
    if !metadata.is_file() {
        return Err(special());
    }
    record_read(path, &metadata);
    Ok((file, metadata.len()))
}

/// Opens `path` for reading without waiting: a FIFO with no writer opens at once (and is then
/// refused as what it is) rather than blocking the open for ever. No effect on a regular file.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = i32::try_from(rustix::fs::OFlags::NONBLOCK.bits()).unwrap_or(0);
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

/// Elsewhere a pipe is not a file of the file system, and the check before opening suffices.
#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Reads UTF-8 text of at most [`MAX_INPUT_BYTES`] from `reader` (standard input, for `-`),
/// `expected` bytes long as far as is known; `path` names it in messages.
pub fn read_text_from(reader: impl Read, expected: u64, path: &Path) -> Result<String> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let expected = expected.min(MAX_INPUT_BYTES + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0) + 1);
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::invalid(
            path,
            Problem::new(format!(
                "the file is larger than the limit of {} MiB",
                MAX_INPUT_BYTES / 1024 / 1024
            ))
            .hint("split it, or check that this is the file you meant"),
        ));
    }
    text_from_bytes(bytes).map_err(|problem| Error::invalid(path, problem))
}

/// Checks that `bytes` are text: free of NUL bytes (which no text file holds) and UTF-8.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, Problem> {
    let place = |bytes: &[u8], offset: usize| {
        let prefix = bytes.get(..offset).unwrap_or_default();
        let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
        let start = prefix
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        (line, offset - start + 1)
    };
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        let (line, column) = place(&bytes, offset);
        return Err(Problem::new(format!(
            "this is not a text file: it holds a NUL byte (at byte {offset})"
        ))
        .at(Some(line))
        .column(Some(column))
        .hint("check that this is the file you meant"));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let (line, column) = place(error.as_bytes(), offset);
        Problem::new(format!(
            "the file is not UTF-8 text (a byte that is not UTF-8 at byte {offset})"
        ))
        .at(Some(line))
        .column(Some(column))
        .hint("save the file as UTF-8 (it may be in Latin-1 or Windows-1252)")
    })
}

/// Writes `bytes` to `path` so that the file is either the old one or the new one, never half
/// written: a temporary file in the same folder, flushed to disk, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// An output file: [`check_not_an_input`], then [`write_atomic_with`].
pub fn write_output(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    check_not_an_input(path)?;
    write_atomic_with(path, write)
}

/// Where a write to `path` lands: the end of its chain of symbolic links (which may not exist
/// yet), so that a link stays a link and the file it names is replaced.
fn follow_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // As many links as the kernel follows before it gives up on a loop.
    for _ in 0..40 {
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        path = match path.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    path
}

/// Like [`write_atomic`], for output written in pieces (a report of thousands of rows), so that
/// it never has to be held in memory whole. A symbolic link stays one: the file it names is
/// replaced. A destination that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written to, not replaced: it is where the bytes go, not what they become.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    // `/dev/stdout` is the file descriptor of the moment, whatever it names: never renamed over.
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.is_dir()
        && (!metadata.is_file() || path.starts_with("/dev") || path.starts_with("/proc"))
    {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .append(metadata.is_file())
            .open(path)
            .map_err(write_error)?;
        let mut buffered = std::io::BufWriter::new(file);
        return write(&mut buffered)
            .and_then(|()| buffered.flush())
            .map_err(write_error);
    }
    let resolved = follow_links(path);
    let path = resolved.as_path();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(write_error(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    if !folder.is_dir() {
        return Err(write_error(std::io::Error::from(
            std::io::ErrorKind::NotFound,
        )));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".jsp-").suffix(".tmp");
    // A temporary file is private (0600); a report or answers file is not: a new one gets the
    // mode any new file gets (0666 less the umask), a replaced one keeps its own.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // tempfile names its random file in the error; the user knows only `path`.
    let file = builder
        .tempfile_in(folder)
        .map_err(|e| write_error(std::io::Error::from(e.kind())))?;
    if let Ok(existing) = std::fs::metadata(path) {
        file.as_file()
            .set_permissions(existing.permissions())
            .map_err(write_error)?;
    }
    let mut buffered = std::io::BufWriter::new(file);
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(write_error)?;
    let file = buffered
        .into_inner()
        .map_err(|e| write_error(e.into_error()))?;
    file.as_file().sync_all().map_err(write_error)?;
    file.persist(path).map_err(|e| write_error(e.error))?;
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_file_gets_the_mode_of_any_new_file_and_a_replaced_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.md");
        std::fs::File::create(&plain).unwrap();
        let written = dir.path().join("report.md");
        write_atomic(&written, b"one").unwrap();
        assert_eq!(mode(&written), mode(&plain));

        std::fs::set_permissions(&written, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&written, b"two").unwrap();
        assert_eq!(mode(&written), 0o640);
        assert_eq!(std::fs::read(&written).unwrap(), b"two");
    }
}

#[cfg(test)]
mod identity_tests {
    use super::*;

    #[test]
    fn a_file_read_is_known_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.yaml");
        std::fs::write(&input, "x: 1\n").unwrap();
        assert!(read_as(&input).is_none());
        read_text(&input).unwrap();
        assert_eq!(read_as(&input), Some(input.clone()));
    }
}
