//! One shard's report folder, read for `merge`: the manifest
//! (`summary.jsonl`, whose first line names the learned table the shard was
//! compared with, then one entry per story), and the bytes of each
//! record-per-line file (`rows.csv`, `flags.csv`, `summary.csv`,
//! `flags.jsonl`) with each record's byte range, so that `merge` can copy a
//! story's records byte for byte. A manifest without the run line (an older
//! version's) or with a line that is no entry is an error naming the line.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::summary::{Entry, MANIFEST, RunLine};
use crate::align::TableId;
use crate::error::{Error, ErrorKind, Location, Result};

/// One shard folder, read.
pub(super) struct Shard {
    pub dir: PathBuf,
    /// The learned table the shard was compared with.
    pub learned: TableId,
    pub entries: Vec<Entry>,
    /// Per file: the bytes and each record's byte range.
    pub files: HashMap<&'static str, (Vec<u8>, Vec<Range<usize>>)>,
}

const CSV_FILES: [&str; 3] = ["rows.csv", "flags.csv", "summary.csv"];

fn bad(path: &Path, line: Option<usize>, message: String) -> Error {
    let mut at = Location::file(path);
    if let Some(l) = line {
        at = at.at_line(l);
    }
    Error::new(ErrorKind::BadRow(message), at)
}

/// The records of a CSV file after its header, as byte ranges.
fn csv_records(path: &Path, bytes: &[u8]) -> Result<Vec<Range<usize>>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    reader
        .byte_headers()
        .map_err(|e| bad(path, Some(1), format!("unreadable header: {e}")))?;
    // The reader stops between the CR and the LF of a CRLF line end; a
    // record's bytes run to its LF.
    let past_lf = |at: usize| {
        if at > 0 && bytes.get(at) == Some(&b'\n') && bytes[at - 1] == b'\r' {
            at + 1
        } else {
            at
        }
    };
    let mut start = past_lf(reader.position().byte() as usize);
    let mut out = Vec::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {
                let end = past_lf(reader.position().byte() as usize);
                out.push(start..end);
                start = end;
            }
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                return Err(bad(path, line, format!("unreadable record: {e}")));
            }
        }
    }
    Ok(out)
}

/// Lines of a JSON-lines file, as byte ranges (each with its newline).
fn json_lines(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// Reads the report folder `dir`.
pub(super) fn read_shard(dir: &Path) -> Result<Shard> {
    let manifest = dir.join("summary.jsonl");
    let text = std::fs::read_to_string(&manifest).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::at(
            dir,
            ErrorKind::Invalid("not a Parallax report folder (no summary.jsonl)".into()),
        ),
        _ => Error::io(&manifest, e),
    })?;
    let mut lines = text.lines().enumerate();
    let run: RunLine = lines
        .next()
        .and_then(|(_, l)| serde_json::from_str(l).ok())
        .filter(|r: &RunLine| r.manifest == MANIFEST)
        .ok_or_else(|| {
            bad(
                &manifest,
                Some(1),
                format!(
                    "does not start with the run line {{\"manifest\":\"{MANIFEST}\",…}}: \
                     written by another Parallax version; compare this shard again"
                ),
            )
        })?;
    let mut entries = Vec::new();
    for (i, line) in lines {
        let entry: Entry = serde_json::from_str(line)
            .map_err(|e| bad(&manifest, Some(i + 1), format!("not a summary entry: {e}")))?;
        entries.push(entry);
    }
    let mut files = HashMap::new();
    for name in CSV_FILES.into_iter().chain(["flags.jsonl"]) {
        let path = dir.join(name);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&path, e)),
        };
        let records = if name.ends_with(".csv") {
            let bom = if bytes.starts_with("\u{feff}".as_bytes()) {
                3
            } else {
                0
            };
            csv_records(&path, &bytes[bom..])?
                .into_iter()
                .map(|r| r.start + bom..r.end + bom)
                .collect()
        } else {
            json_lines(&bytes)
        };
        files.insert(name, (bytes, records));
    }
    Ok(Shard {
        dir: dir.to_path_buf(),
        learned: run.learned,
        entries,
        files,
    })
}

/// How many records of `file` each of a shard's entries owns.
pub(super) fn records_of(file: &str, entry: &Entry) -> usize {
    match (file, entry) {
        (_, Entry::Error(_)) => 0,
        ("rows.csv", Entry::Ok(s)) => s.rows,
        ("summary.csv", Entry::Ok(_)) => 1,
        (_, Entry::Ok(s)) => s.flags_written(),
    }
}
