//! `parallax merge`: report folders of shards put back together. The stories
//! of all shards are taken in key order, and each story's lines of every
//! file are copied byte for byte (found by the counts in each shard's
//! `summary.jsonl`); the files that need every story (`errors.csv`, the
//! manifest, the HTML index) are built again from the shards' entries. So a
//! merged folder is the same bytes as one run over all the stories, given
//! the same options and the same learned table. Each manifest's first line
//! names the learned table its shard was compared with; shards made with
//! different tables are refused, naming them, since their stories would
//! not give one run's answer.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::csv::CsvOptions;
use super::shard::{Shard, read_shard, records_of};
use super::stream::Staging;
use super::summary::{Entry, sort_entries};
use super::writer::{Formats, ReportCounts, ReportOptions, finish_folder, remove_stale, tally};
use crate::align::TableId;
use crate::error::{Error, ErrorKind, Result};

/// One entry of one shard, with its records' byte range in each file.
struct Part {
    entry: Entry,
    shard: usize,
    ranges: HashMap<&'static str, Range<usize>>,
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
    if let Some(other) = shards.iter().find(|s| s.learned != first.learned) {
        let with = |id: TableId| {
            let dirs: Vec<String> = shards
                .iter()
                .filter(|s| s.learned == id)
                .map(|s| s.dir.display().to_string())
                .collect();
            format!("{} ({id})", dirs.join(", "))
        };
        return Err(Error::invalid(format!(
            "merge: the shards were compared with different learned tables: {} and {}; \
             run every shard with the same --learned file (or none)",
            with(first.learned),
            with(other.learned)
        )));
    }
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
        learned: first.learned,
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
