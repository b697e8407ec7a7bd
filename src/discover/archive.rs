//! The archive: every `.txt` file under the paths given, one article each,
//! read but never written. Folder names carry no meaning; hidden files and
//! folders are skipped, symlinks followed (a loop is an error of its own).
//! Paths are shown relative to the folder given (with several, to the
//! folder that holds them all), with `/` between folders, and articles are
//! kept sorted by that path, so the order the paths were given in does not
//! matter. A file that cannot be read stays in the archive with its error.
//! A `story.toml` with a `date` dates the articles of its folder that have
//! no date line of their own.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::dates::Date;
use crate::error::{Error, ErrorKind};
use crate::text::{ReadOptions, Text};

/// One input file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path as reports show it.
    pub path: String,
    /// Where the file is (for copying it into a story folder).
    pub file: Option<PathBuf>,
    /// The text, or why it could not be read.
    pub content: Result<Text, FileError>,
    /// A hash of the file's bytes (duplicates have equal hashes).
    pub bytes_hash: u64,
    /// The date of the folder's `story.toml`, if any.
    pub folder_date: Option<Date>,
}

/// A file that could not be read, or a path that could not be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub reason: String,
    pub line: Option<usize>,
    pub byte: Option<usize>,
}

impl FileError {
    fn of(path: &str, e: &Error) -> FileError {
        FileError {
            path: path.to_string(),
            reason: e.kind.to_string(),
            line: e.location.line,
            byte: e.location.byte,
        }
    }
}

/// The articles to search, sorted by path.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    pub entries: Vec<Entry>,
    /// Paths given that could not be searched at all.
    pub errors: Vec<FileError>,
}

impl Archive {
    /// Articles from texts already in memory (the evaluation harness):
    /// `(path, text, date of its folder)`.
    pub fn from_texts(texts: Vec<(String, String, Option<Date>)>) -> Archive {
        let mut entries: Vec<Entry> = texts
            .into_par_iter()
            .map(|(path, raw, folder_date)| {
                let bytes_hash = crate::hash::fnv1a(&raw);
                let content = Text::from_bytes(raw.as_bytes(), Some(Path::new(&path)))
                    .map_err(|e| FileError::of(&path, &e));
                Entry {
                    path,
                    file: None,
                    content,
                    bytes_hash,
                    folder_date,
                }
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Archive {
            entries,
            errors: Vec::new(),
        }
    }

    /// Reads every `.txt` file under `paths` (folders or files).
    pub fn read(paths: &[PathBuf], options: &ReadOptions) -> Archive {
        let mut errors = Vec::new();
        let mut roots = Vec::new();
        for p in paths {
            match std::fs::canonicalize(p) {
                Ok(abs) => roots.push((p.clone(), abs)),
                Err(e) => errors.push(FileError::of(&p.display().to_string(), &Error::io(p, e))),
            }
        }
        let base = common_base(&roots.iter().map(|(_, a)| a.clone()).collect::<Vec<_>>());
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        for (given, abs) in &roots {
            walk(given, abs, &base, &mut files, &mut errors);
        }
        files.sort();
        files.dedup_by(|a, b| a.0 == b.0);
        let mut folder_dates: std::collections::BTreeMap<PathBuf, Option<Date>> =
            Default::default();
        for (_, file) in &files {
            if let Some(dir) = file.parent() {
                folder_dates
                    .entry(dir.to_path_buf())
                    .or_insert_with(|| folder_date(dir));
            }
        }
        let entries = files
            .into_par_iter()
            .map(|(path, file)| {
                let folder_date = file
                    .parent()
                    .and_then(|d| folder_dates.get(d).copied().flatten());
                let (content, bytes_hash) = match read_bytes(&file, options) {
                    Ok(bytes) => (
                        Text::from_bytes(&bytes, Some(&file)).map_err(|e| FileError::of(&path, &e)),
                        hash_bytes(&bytes),
                    ),
                    Err(e) => (Err(FileError::of(&path, &e)), 0),
                };
                Entry {
                    path,
                    file: Some(file),
                    content,
                    bytes_hash,
                    folder_date,
                }
            })
            .collect();
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        Archive { entries, errors }
    }
}

/// FNV-1a over bytes (the same as the string hash, for any bytes).
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The folder paths are shown relative to: a folder given alone is its own
/// base, a file's base is its folder, several inputs share their common
/// ancestor.
fn common_base(roots: &[PathBuf]) -> PathBuf {
    let dirs: Vec<PathBuf> = roots
        .iter()
        .map(|r| {
            if r.is_dir() {
                r.clone()
            } else {
                r.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        })
        .collect();
    let Some(first) = dirs.first() else {
        return PathBuf::new();
    };
    let mut base = first.clone();
    for d in &dirs[1..] {
        while !d.starts_with(&base) {
            if !base.pop() {
                return PathBuf::new();
            }
        }
    }
    base
}

/// Collects the `.txt` files under one input.
fn walk(
    given: &Path,
    abs: &Path,
    base: &Path,
    files: &mut Vec<(String, PathBuf)>,
    errors: &mut Vec<FileError>,
) {
    let shown = |p: &Path| -> String {
        let rel = p.strip_prefix(base).unwrap_or(p);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    if abs.is_file() {
        files.push((shown(abs), abs.to_path_buf()));
        return;
    }
    let entries = WalkDir::new(abs)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && is_txt(e.path()) => {
                files.push((shown(e.path()), e.path().to_path_buf()));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(given).to_path_buf();
                let err = if e.loop_ancestor().is_some() {
                    Error::at(&path, ErrorKind::SymlinkLoop)
                } else {
                    match e.into_io_error() {
                        Some(io) => Error::io(&path, io),
                        None => Error::at(&path, ErrorKind::Invalid("cannot be searched".into())),
                    }
                };
                errors.push(FileError::of(&shown(&path), &err));
            }
        }
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("txt"))
}

/// The file's bytes, refusing what is not a regular file or is too large.
fn read_bytes(path: &Path, options: &ReadOptions) -> Result<Vec<u8>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::at(
            path,
            ErrorKind::Invalid("not a regular file; expected a text file".into()),
        ));
    }
    if meta.len() > options.max_bytes {
        return Err(Error::at(
            path,
            ErrorKind::TooLarge {
                size: meta.len(),
                limit: options.max_bytes,
            },
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// The `date` of `dir/story.toml`, when it has one that reads as a date.
fn folder_date(dir: &Path) -> Option<Date> {
    let text = std::fs::read_to_string(dir.join("story.toml")).ok()?;
    let value: toml::Table = toml::from_str(&text).ok()?;
    match value.get("date")? {
        toml::Value::String(s) => Date::parse_iso(s),
        other => Date::parse_iso(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relative_to_the_common_folder_in_any_order() {
        let tmp = tempfile::tempdir().unwrap();
        for (dir, name) in [("a", "x.txt"), ("b", "y.txt"), ("b/.hidden", "z.txt")] {
            std::fs::create_dir_all(tmp.path().join(dir)).unwrap();
            std::fs::write(tmp.path().join(dir).join(name), "Some text here.").unwrap();
        }
        std::fs::write(tmp.path().join("b/notes.md"), "not an article").unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        let one = Archive::read(&[a.clone(), b.clone()], &ReadOptions::default());
        let two = Archive::read(&[b, a], &ReadOptions::default());
        let paths = |x: &Archive| x.entries.iter().map(|e| e.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&one), ["a/x.txt", "b/y.txt"]);
        assert_eq!(paths(&one), paths(&two));
        let alone = Archive::read(&[tmp.path().join("a")], &ReadOptions::default());
        assert_eq!(paths(&alone), ["x.txt"]);
    }

    #[test]
    fn bad_files_keep_their_error() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("empty.txt"), "").unwrap();
        std::fs::write(tmp.path().join("binary.txt"), b"ab\0cd").unwrap();
        let archive = Archive::read(&[tmp.path().to_path_buf()], &ReadOptions::default());
        assert_eq!(archive.entries.len(), 2);
        assert!(archive.entries.iter().all(|e| e.content.is_err()));
        let missing = Archive::read(&[tmp.path().join("nope")], &ReadOptions::default());
        assert_eq!(missing.errors.len(), 1);
    }
}
