//! Finding story folders under the paths a user gives. A folder that directly
//! holds `.txt` files is a story (its subfolders are not searched); any other
//! folder is searched recursively with `walkdir`. Order is sorted by file name
//! at every level, so every run sees the same stories in the same order.
//! Hidden folders (`.git`, `.cache`) are skipped. Symlinks are followed, and
//! a link back to an ancestor is reported as a loop instead of being walked
//! forever.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, ErrorKind, Result};

/// Story folders under `paths`, in order, with an error for each path that
/// could not be searched. A path that is itself a story is returned as is.
pub fn find_stories(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        walk(path, &mut out);
    }
    out
}

fn walk(root: &Path, out: &mut Vec<Result<PathBuf>>) {
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return out.push(Err(Error::at(
                root,
                ErrorKind::Invalid("not a folder; give a story or corpus folder".into()),
            )));
        }
        Err(e) => return out.push(Err(Error::io(root, e))),
    }
    let before = out.len();
    let mut entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(walk_error(root, e)));
                continue;
            }
        };
        if !entry.file_type().is_dir() {
            continue;
        }
        match text_files(entry.path()) {
            Ok(files) if !files.is_empty() => {
                out.push(Ok(entry.path().to_path_buf()));
                entries.skip_current_dir();
            }
            Ok(_) => {}
            Err(e) => {
                out.push(Err(e));
                entries.skip_current_dir();
            }
        }
    }
    if out.len() == before {
        out.push(Err(Error::at(
            root,
            ErrorKind::Invalid("no stories here (no folder with bg.txt, de.txt or en.txt)".into()),
        )));
    }
}

/// A walkdir error as the library's error, naming the path it happened at.
fn walk_error(root: &Path, e: walkdir::Error) -> Error {
    let path = e.path().unwrap_or(root).to_path_buf();
    if e.loop_ancestor().is_some() {
        return Error::at(&path, ErrorKind::SymlinkLoop);
    }
    match e.into_io_error() {
        Some(io) => Error::io(&path, io),
        None => Error::at(&path, ErrorKind::SymlinkLoop),
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// The `.txt` files of a story folder, sorted.
pub fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(sorted_entries(dir)?
        .into_iter()
        .filter(|p| is_text_file(p))
        .collect())
}

fn is_text_file(path: &Path) -> bool {
    let visible = !is_hidden(path);
    let txt = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    visible && txt && !path.is_dir()
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let reader = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut entries = Vec::new();
    for entry in reader {
        entries.push(entry.map_err(|e| Error::io(dir, e))?.path());
    }
    entries.sort();
    Ok(entries)
}
