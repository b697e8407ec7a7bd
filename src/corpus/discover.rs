//! Finding story folders under the paths a user gives. A folder that directly
//! holds `.txt` files is a story; any other folder is searched recursively.
//! Order is sorted by path so every run sees the same stories in the same
//! order. Symlinks are followed, and a link back to an ancestor is reported as
//! a loop instead of being walked forever.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// Story folders under `paths`, in order, with an error for each path that
/// could not be searched. A path that is itself a story is returned as is.
pub fn find_stories(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let mut ancestors = Vec::new();
        walk(path, &mut ancestors, &mut out);
    }
    out
}

fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, out: &mut Vec<Result<PathBuf>>) {
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) => return out.push(Err(Error::io(dir, e))),
    };
    if !meta.is_dir() {
        return out.push(Err(Error::at(
            dir,
            ErrorKind::Invalid("not a folder; give a story or corpus folder".into()),
        )));
    }
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => return out.push(Err(Error::io(dir, e))),
    };
    if ancestors.contains(&canonical) {
        return out.push(Err(Error::at(dir, ErrorKind::SymlinkLoop)));
    }
    let entries = match sorted_entries(dir) {
        Ok(e) => e,
        Err(e) => return out.push(Err(e)),
    };
    if entries.iter().any(|p| is_text_file(p)) {
        return out.push(Ok(dir.to_path_buf()));
    }
    ancestors.push(canonical);
    let before = out.len();
    for entry in entries {
        // Hidden folders (.git, .cache) are never stories.
        let hidden = entry
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&entry) {
            Ok(m) if m.is_dir() => walk(&entry, ancestors, out),
            Ok(_) => {}
            Err(e) => out.push(Err(Error::io(&entry, e))),
        }
    }
    ancestors.pop();
    if out.len() == before && ancestors.is_empty() {
        out.push(Err(Error::at(
            dir,
            ErrorKind::Invalid("no stories here (no folder with bg.txt, de.txt or en.txt)".into()),
        )));
    }
}

/// The `.txt` files of a story folder, sorted.
pub fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(sorted_entries(dir)?
        .into_iter()
        .filter(|p| is_text_file(p))
        .collect())
}

fn is_text_file(path: &Path) -> bool {
    let visible = path
        .file_name()
        .is_some_and(|n| !n.to_string_lossy().starts_with('.'));
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
