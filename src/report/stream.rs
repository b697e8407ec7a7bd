//! A report file written in pieces: the bytes go to a file in the run's
//! staging folder, which is renamed over the real file only when the whole
//! report is done ([`StreamFile::finish`]). Write errors name the file they
//! were meant for, not the staging path.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written in the staging folder.
pub struct StreamFile {
    staged: PathBuf,
    target: PathBuf,
    out: BufWriter<File>,
}

impl StreamFile {
    /// Creates `staged` (to become `target`) and writes `head` into it.
    pub fn create(staged: &Path, target: &Path, head: &[u8]) -> Result<StreamFile> {
        let file = File::create(staged).map_err(|e| Error::io(target, e))?;
        let mut f = StreamFile {
            staged: staged.to_path_buf(),
            target: target.to_path_buf(),
            out: BufWriter::with_capacity(1 << 16, file),
        };
        f.write(head)?;
        Ok(f)
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out
            .write_all(bytes)
            .map_err(|e| Error::io(&self.target, e))
    }

    /// Flushes and syncs the staged file; the caller renames it.
    pub fn finish(self) -> Result<(PathBuf, PathBuf)> {
        let file = self
            .out
            .into_inner()
            .map_err(|e| Error::io(&self.target, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&self.target, e))?;
        Ok((self.staged, self.target))
    }
}

/// The staging folder of a report being written: `.parallax-tmp-<pid>`
/// inside the report folder (so renames stay on one file system). Files are
/// moved into place by [`Staging::commit`]; dropped without it, the folder
/// is removed and the old report stands as it was.
pub struct Staging {
    root: PathBuf,
    target: PathBuf,
    moves: Vec<(PathBuf, PathBuf)>,
    committed: bool,
}

const STAGING_PREFIX: &str = ".parallax-tmp-";

/// Removes the staging folders named `prefix…` that a killed run left in
/// `target`.
pub(crate) fn remove_stale(target: &Path, prefix: &str) {
    if let Ok(list) = std::fs::read_dir(target) {
        for entry in list.flatten() {
            if entry.file_name().to_string_lossy().starts_with(prefix) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

impl Staging {
    /// Creates the staging folder in `target` (created if needed), first
    /// removing any left by a run that was killed.
    pub fn new(target: &Path) -> Result<Staging> {
        std::fs::create_dir_all(target).map_err(|e| Error::io(target, e))?;
        remove_stale(target, STAGING_PREFIX);
        let root = target.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        std::fs::create_dir_all(root.join("html")).map_err(|e| Error::io(target, e))?;
        Ok(Staging {
            root,
            target: target.to_path_buf(),
            moves: Vec::new(),
            committed: false,
        })
    }

    /// A streamed file that will become `rel` in the report folder.
    pub fn stream(&self, rel: &str, head: &[u8]) -> Result<StreamFile> {
        StreamFile::create(&self.root.join(rel), &self.target.join(rel), head)
    }

    /// Stages a whole file that will become `rel`.
    pub fn put(&mut self, rel: &str, bytes: &[u8]) -> Result<()> {
        let (staged, target) = (self.root.join(rel), self.target.join(rel));
        std::fs::write(&staged, bytes).map_err(|e| Error::io(&target, e))?;
        self.moves.push((staged, target));
        Ok(())
    }

    /// Where the file that will become `rel` is staged.
    pub fn staged(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Drops a staged file from the moves: it goes with the staging folder.
    pub fn discard(&mut self, rel: &str) {
        let staged = self.root.join(rel);
        self.moves.retain(|(s, _)| *s != staged);
    }

    /// Adds a finished streamed file to the moves.
    pub fn finished(&mut self, file: StreamFile) -> Result<()> {
        self.moves.push(file.finish()?);
        Ok(())
    }

    /// Moves every staged file into place (pages first, the manifest last)
    /// and removes the staging folder.
    pub fn commit(mut self) -> Result<()> {
        std::fs::create_dir_all(self.target.join("html"))
            .map_err(|e| Error::io(&self.target, e))?;
        self.moves
            .sort_by_key(|(_, t)| t.ends_with("summary.jsonl"));
        for (staged, target) in &self.moves {
            std::fs::rename(staged, target).map_err(|e| Error::io(target, e))?;
        }
        self.committed = true;
        std::fs::remove_dir_all(&self.root).map_err(|e| Error::io(&self.root, e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}
