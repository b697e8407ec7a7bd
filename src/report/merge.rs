//! `parallax merge`: report folders of shards put back together. The stories
//! of all shards are taken in key order, and each story's lines of every
//! file are copied byte for byte (found by the counts in each shard's
//! `summary.jsonl`); the files that need every story (`errors.csv`, the
//! manifest, the HTML index) are built again from the shards' entries. So a
//! merged folder is the same bytes as one run over all the stories, given
//! the same options and the same learned table.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::csv::CsvOptions;
use super::stream::Staging;
use super::summary::{Entry, sort_entries};
use super::writer::{Formats, ReportCounts, ReportOptions, finish_folder, remove_stale, tally};
use crate::error::{Error, ErrorKind, Location, Result};

/// One shard folder, read.
struct Shard {
    dir: PathBuf,
    entries: Vec<Entry>,
    /// Per file: the bytes and each record's byte range.
    files: HashMap<&'static str, (Vec<u8>, Vec<Range<usize>>)>,
}

/// One entry of one shard, with its records' byte range in each file.
struct Part {
    entry: Entry,
    shard: usize,
    ranges: HashMap<&'static str, Range<usize>>,
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

fn read_shard(dir: &Path) -> Result<Shard> {
    let manifest = dir.join("summary.jsonl");
    let text = std::fs::read_to_string(&manifest).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::at(
            dir,
            ErrorKind::Invalid("not a Parallax report folder (no summary.jsonl)".into()),
        ),
        _ => Error::io(&manifest, e),
    })?;
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
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
        entries,
        files,
    })
}

/// How many records of `file` each of a shard's entries owns.
fn records_of(file: &str, entry: &Entry) -> usize {
    match (file, entry) {
        (_, Entry::Error(_)) => 0,
        ("rows.csv", Entry::Ok(s)) => s.rows,
        ("summary.csv", Entry::Ok(_)) => 1,
        (_, Entry::Ok(s)) => s.flags_written(),
    }
}

/// Merges the report folders `inputs` into `out`.
pub fn merge(inputs: &[PathBuf], out: &Path) -> Result<ReportCounts> {
    let shards: Vec<Shard> = inputs
        .iter()
        .map(|d| read_shard(d))
        .collect::<Result<_>>()?;
    let has = |s: &Shard, name: &str| s.files.contains_key(name);
    let first = shards
        .first()
        .ok_or_else(|| Error::invalid("merge: give at least one report folder"))?;
    let formats = Formats {
        csv: has(first, "rows.csv"),
        json: has(first, "flags.jsonl"),
        html: first.dir.join("html/index.html").is_file(),
        xlsx: first.dir.join("report.xlsx").is_file(),
    };
    if formats.xlsx && !formats.csv {
        return Err(Error::at(
            &first.dir,
            ErrorKind::Invalid(
                "report.xlsx is rebuilt from the CSV files, which this folder lacks; \
                 run the shards with --format csv,xlsx (and any others)"
                    .into(),
            ),
        ));
    }
    let bom = first
        .files
        .get("rows.csv")
        .is_none_or(|(b, _)| b.starts_with("\u{feff}".as_bytes()));
    for s in &shards {
        let f = Formats {
            csv: has(s, "rows.csv"),
            json: has(s, "flags.jsonl"),
            html: s.dir.join("html/index.html").is_file(),
            xlsx: s.dir.join("report.xlsx").is_file(),
        };
        if f != formats {
            return Err(Error::at(
                &s.dir,
                ErrorKind::Invalid(format!(
                    "holds other report files than {} (run every shard with the same --format)",
                    first.dir.display()
                )),
            ));
        }
    }
    // Each entry's records in each file, checked against the file.
    let mut parts: Vec<Part> = Vec::new();
    for (k, s) in shards.iter().enumerate() {
        let mut next: HashMap<&str, usize> = HashMap::new();
        for e in &s.entries {
            let mut ranges = HashMap::new();
            for (name, (_, records)) in &s.files {
                let at = next.entry(name).or_insert(0);
                let n = records_of(name, e);
                let Some(slice) = records.get(*at..*at + n) else {
                    return Err(Error::at(
                        &s.dir.join(name),
                        ErrorKind::Invalid(
                            "holds fewer lines than its summary.jsonl counts".into(),
                        ),
                    ));
                };
                let span = slice
                    .first()
                    .map_or(0..0, |a| a.start..slice.last().unwrap().end);
                ranges.insert(*name, span);
                *at += n;
            }
            parts.push(Part {
                entry: e.clone(),
                shard: k,
                ranges,
            });
        }
        for (name, (_, records)) in &s.files {
            if next.get(name).copied().unwrap_or(0) != records.len() {
                return Err(Error::at(
                    &s.dir.join(name),
                    ErrorKind::Invalid("holds more lines than its summary.jsonl counts".into()),
                ));
            }
        }
    }
    let mut entries: Vec<Entry> = parts.iter().map(|p| p.entry.clone()).collect();
    sort_entries(&mut entries);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    let keyed: Vec<(String, String)> = parts
        .iter()
        .map(|p| {
            (
                p.entry.key().to_string(),
                serde_json::to_string(&p.entry).unwrap_or_default(),
            )
        })
        .collect();
    order.sort_by(|&a, &b| keyed[a].cmp(&keyed[b]));
    for w in order.windows(2) {
        let (a, b) = (&parts[w[0]], &parts[w[1]]);
        if matches!((&a.entry, &b.entry), (Entry::Ok(_), Entry::Ok(_)))
            && a.entry.key() == b.entry.key()
        {
            return Err(Error::invalid(format!(
                "merge: story {} is in both {} and {}; each story must be in one shard",
                a.entry.key(),
                shards[a.shard].dir.display(),
                shards[b.shard].dir.display()
            )));
        }
    }
    let options = ReportOptions {
        csv: CsvOptions { bom },
        formats,
        ..ReportOptions::default()
    };
    let mut staging = Staging::new(out)?;
    for name in first.files.keys() {
        let (bytes, records) = &first.files[name];
        let head_end = records.first().map_or(bytes.len(), |r| r.start);
        // The header of the first shard; a shard without records has only it.
        let head = if name.ends_with(".csv") {
            &bytes[..head_end]
        } else {
            &[][..]
        };
        let head = if name.ends_with(".csv") && records.is_empty() {
            &bytes[..]
        } else {
            head
        };
        let mut file = staging.stream(name, head)?;
        for &i in &order {
            let part = &parts[i];
            let range = part.ranges[name].clone();
            file.write(&shards[part.shard].files[name].0[range])?;
        }
        staging.finished(file)?;
    }
    let mut pages = std::collections::HashSet::new();
    if formats.html {
        for s in &shards {
            for e in &s.entries {
                if let Entry::Ok(sum) = e {
                    let name = super::html::page_file_name(&sum.story);
                    let from = s.dir.join("html").join(&name);
                    let bytes = std::fs::read(&from).map_err(|e| Error::io(&from, e))?;
                    staging.put(&format!("html/{name}"), &bytes)?;
                    pages.insert(name);
                }
            }
        }
    }
    let (counts, summaries, errors) = tally(&entries);
    finish_folder(
        &mut staging,
        &options,
        &entries,
        &summaries,
        errors,
        counts.failed,
    )?;
    staging.commit()?;
    remove_stale(out, formats, &pages)?;
    Ok(counts)
}
