//! Reading input files with limits, and writing output files atomically.

use std::io::{Read, Write};
use std::path::Path;

use crate::error::{Error, Problem, Result};

/// Larger inputs are refused before parsing: no real questionnaire or answers file comes near it.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a UTF-8 text file of at most [`MAX_INPUT_BYTES`].
pub fn read_text(path: &Path) -> Result<String> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(Error::invalid(
            path,
            Problem::new("is a folder, not a file").hint("name a YAML file inside it"),
        ));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
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

/// Checks that `bytes` are text: UTF-8 and free of NUL bytes.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, Problem> {
    let text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let prefix = error.as_bytes().get(..offset).unwrap_or_default();
        let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
        Problem::new(format!(
            "the file is not UTF-8 text (bad byte at offset {offset})"
        ))
        .at(Some(line))
        .hint("save the file as UTF-8")
    })?;
    if let Some(offset) = text.find('\0') {
        let line = text
            .get(..offset)
            .unwrap_or_default()
            .lines()
            .count()
            .max(1);
        return Err(
            Problem::new("the file holds a NUL byte: it is not a text file")
                .at(Some(line))
                .hint("check that this is the file you meant"),
        );
    }
    Ok(text)
}

/// Writes `bytes` to `path` so that the file is either the old one or the new one, never half
/// written: a temporary file in the same folder, flushed to disk, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], for output written in pieces (a report of thousands of rows), so that
/// it never has to be held in memory whole.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(write_error(std::io::Error::other("it is a folder")));
    }
    let file = tempfile::Builder::new()
        .prefix(".jsp-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(write_error)?;
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
