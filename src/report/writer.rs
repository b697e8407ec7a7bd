//! The report folder of a run, written as the stories stream by. Each story
//! is rendered on its worker thread ([`render`]) into the bytes it adds to
//! every file; the [`ReportWriter`] appends those in key order to temporary
//! files inside the folder and renames them into place at the end
//! ([`ReportWriter::finish`]), so an interrupted run leaves the old report
//! or the new one, never half of one. Story pages go to the staging folder
//! as they come; only the summaries (a few hundred bytes per story) are
//! held until the end, for the index, `errors.csv` and `summary.jsonl`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::csv::{
    CsvOptions, FLAGS_HEADER, ROWS_HEADER, append_records, flag_record, header_bytes, row_records,
    story_flags,
};
pub use super::formats::Formats;
use super::html::{index_page, page_file_name, story_page_reviewed};
use super::json::flag_lines;
use super::review::Review;
use super::stream::{Staging, StreamFile};
use super::summary::{
    ERRORS_HEADER, Entry, ErrorEntry, RunLine, StorySummary, sort_entries, summary_header,
};
use crate::align::TableId;
use crate::batch::Outcome;
use crate::error::{Error, Result};

/// How a report folder is written.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    pub csv: CsvOptions,
    pub formats: Formats,
    /// The learned table the stories were compared with (`none` without
    /// one), recorded in the manifest so `merge` can refuse shards made
    /// with different tables.
    pub learned: TableId,
    /// An editor's earlier decisions: flags checked as real are marked.
    pub review: std::sync::Arc<Review>,
}

/// What one story adds to the report files.
pub struct Rendered {
    pub entry: Entry,
    /// Version files left out of the story (see `Story::failed`).
    pub version_errors: Vec<ErrorEntry>,
    rows: Vec<u8>,
    flags: Vec<u8>,
    summary: Vec<u8>,
    flags_jsonl: Vec<u8>,
    page: Option<(String, String)>,
    /// Ids of flags the ignore list took out.
    pub ignored: Vec<String>,
}

/// Renders one story's part of every file (run on the worker threads).
pub fn render(outcome: Outcome, options: &ReportOptions) -> Rendered {
    let f = options.formats;
    match outcome {
        Err(failure) => Rendered {
            entry: Entry::Error(ErrorEntry::of(&failure)),
            version_errors: Vec::new(),
            rows: Vec::new(),
            flags: Vec::new(),
            summary: Vec::new(),
            flags_jsonl: Vec::new(),
            page: None,
            ignored: Vec::new(),
        },
        Ok(c) => {
            let (al, scored) = (&c.aligned, &c.scored);
            let summary = StorySummary::of(&c);
            let (mut rows, mut flags, mut summary_csv) = (Vec::new(), Vec::new(), Vec::new());
            if f.csv {
                append_records(&mut rows, row_records(al, scored));
                append_records(
                    &mut flags,
                    story_flags(scored)
                        .into_iter()
                        .map(|fl| flag_record(al, fl, options.review.mark(&fl.id(&al.story.key)))),
                );
                append_records(&mut summary_csv, std::iter::once(summary.record()));
            }
            Rendered {
                flags_jsonl: if f.json {
                    flag_lines(al, scored, &options.review)
                } else {
                    Vec::new()
                },
                page: f.html.then(|| {
                    (
                        page_file_name(&al.story.key),
                        story_page_reviewed(al, scored, &options.review),
                    )
                }),
                entry: Entry::Ok(summary),
                version_errors: version_errors(al),
                rows,
                flags,
                summary: summary_csv,
                ignored: c.ignored,
            }
        }
    }
}

/// The version files a story was compared without, as `errors.csv` lines.
pub fn version_errors(al: &crate::align::AlignedStory) -> Vec<ErrorEntry> {
    al.story
        .failed
        .iter()
        .map(|v| ErrorEntry::of_version(&al.story.key, v))
        .collect()
}

/// The files of the report folder being written.
pub struct ReportWriter {
    dir: PathBuf,
    staging: Staging,
    options: ReportOptions,
    rows: Option<StreamFile>,
    flags: Option<StreamFile>,
    summary: Option<StreamFile>,
    flags_jsonl: Option<StreamFile>,
    entries: Vec<Entry>,
    pages: HashSet<String>,
    /// Every flag id the ignore list took out, to tell which ids are unused.
    pub ignored_seen: HashSet<String>,
}

/// What a finished report holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportCounts {
    pub stories: usize,
    pub failed: usize,
    pub rows: usize,
    /// By severity: critical, major, minor, info.
    pub flags: [usize; 4],
    pub ignored: usize,
    /// Up to five stories with the worst flags, in the index's order:
    /// (key, title, flags by severity).
    pub worst: Vec<(String, String, [usize; 4])>,
}

impl ReportWriter {
    /// Starts a report in `dir` (created if needed). The caller has decided
    /// the folder may be written (see `--force`).
    pub fn create(dir: &Path, options: ReportOptions) -> Result<ReportWriter> {
        let staging = Staging::new(dir)?;
        let open = |name: &str, head: Vec<u8>| staging.stream(name, &head);
        // The workbook is built from the CSV records, so they are staged
        // for it even when the CSV files are not asked for.
        let csv = options.formats.csv || options.formats.xlsx;
        let c = options.csv;
        Ok(ReportWriter {
            rows: csv
                .then(|| open("rows.csv", header_bytes(&ROWS_HEADER, c)))
                .transpose()?,
            flags: csv
                .then(|| open("flags.csv", header_bytes(&FLAGS_HEADER, c)))
                .transpose()?,
            summary: csv
                .then(|| open("summary.csv", header_bytes(&summary_header(), c)))
                .transpose()?,
            flags_jsonl: options
                .formats
                .json
                .then(|| open("flags.jsonl", Vec::new()))
                .transpose()?,
            dir: dir.to_path_buf(),
            staging,
            options: options.clone(),
            entries: Vec::new(),
            pages: HashSet::new(),
            ignored_seen: HashSet::new(),
        })
    }

    /// Adds one story (stories arrive in key order).
    pub fn add(&mut self, r: Rendered) -> Result<()> {
        for (file, bytes) in [
            (&mut self.rows, &r.rows),
            (&mut self.flags, &r.flags),
            (&mut self.summary, &r.summary),
            (&mut self.flags_jsonl, &r.flags_jsonl),
        ] {
            if let Some(file) = file {
                file.write(bytes)?;
            }
        }
        if let Some((name, page)) = &r.page {
            self.staging.put(&format!("html/{name}"), page.as_bytes())?;
            self.pages.insert(name.clone());
        }
        self.ignored_seen.extend(r.ignored);
        self.entries.push(r.entry);
        self.entries
            .extend(r.version_errors.into_iter().map(Entry::Error));
        Ok(())
    }

    /// Writes the files that need every story (index, errors, manifest),
    /// moves the streamed files into place, and removes the report files
    /// of an earlier run that this one did not write.
    pub fn finish(self) -> Result<ReportCounts> {
        let mut entries = self.entries;
        sort_entries(&mut entries);
        let (counts, summaries, errors) = tally(&entries);
        let mut staging = self.staging;
        for file in [self.rows, self.flags, self.summary, self.flags_jsonl]
            .into_iter()
            .flatten()
        {
            staging.finished(file)?;
        }
        finish_folder(
            &mut staging,
            &self.options,
            &entries,
            &summaries,
            errors,
            counts.failed,
        )?;
        staging.commit()?;
        remove_stale(&self.dir, self.options.formats, &self.pages)?;
        Ok(counts)
    }
}

/// The counts of the entries of a run (stories, failures, flags, the five
/// worst stories), as a finished report gives them.
pub fn counts_of(entries: &[Entry]) -> ReportCounts {
    tally(entries).0
}

/// The counts of a report, its story summaries and its `errors.csv` lines.
pub(super) fn tally(entries: &[Entry]) -> (ReportCounts, Vec<StorySummary>, Vec<Vec<String>>) {
    let mut counts = ReportCounts::default();
    let mut summaries = Vec::new();
    let mut errors = Vec::new();
    for e in entries {
        match e {
            Entry::Ok(s) => {
                counts.stories += 1;
                counts.rows += s.rows;
                counts.ignored += s.ignored;
                for (t, n) in counts.flags.iter_mut().zip(s.flags) {
                    *t += n;
                }
                summaries.push(s.clone());
            }
            Entry::Error(err) => {
                counts.failed += 1;
                errors.push(err.record());
            }
        }
    }
    let mut sorted: Vec<&StorySummary> =
        summaries.iter().filter(|s| s.flags_written() > 0).collect();
    sorted.sort_by(|a, b| super::html::index_key(a).cmp(&super::html::index_key(b)));
    counts.worst = sorted
        .iter()
        .take(5)
        .map(|s| (s.story.clone(), s.title.clone(), s.flags))
        .collect();
    (counts, summaries, errors)
}

/// The files built from all entries: `errors.csv`, `summary.jsonl`,
/// `html/index.html` and `report.xlsx` (from the staged CSV files, which
/// are dropped here when only the workbook was asked for). Shared with
/// `merge`.
pub(super) fn finish_folder(
    staging: &mut Staging,
    options: &ReportOptions,
    entries: &[Entry],
    summaries: &[StorySummary],
    errors: Vec<Vec<String>>,
    failed: usize,
) -> Result<()> {
    let errors_for_xlsx = errors.clone();
    if options.formats.csv {
        let mut bytes = header_bytes(&ERRORS_HEADER, options.csv);
        append_records(&mut bytes, errors);
        staging.put("errors.csv", &bytes)?;
    }
    let mut manifest = Vec::new();
    serde_json::to_writer(&mut manifest, &RunLine::new(options.learned)).expect("in-memory JSON");
    manifest.push(b'\n');
    for e in entries {
        serde_json::to_writer(&mut manifest, e).expect("in-memory JSON");
        manifest.push(b'\n');
    }
    if options.formats.html {
        staging.put("html/index.html", index_page(summaries, failed).as_bytes())?;
    }
    if options.formats.xlsx {
        let bytes = super::xlsx_staged::workbook_from(staging, summaries, &errors_for_xlsx)?;
        staging.put("report.xlsx", &bytes)?;
        if !options.formats.csv {
            for name in ["rows.csv", "flags.csv", "summary.csv"] {
                staging.discard(name);
            }
        }
    }
    staging.put("summary.jsonl", &manifest)?;
    Ok(())
}

/// Report files of an earlier run in `dir` that this run did not write:
/// files of formats not asked for this time, and pages of stories no longer
/// in the run. Only names Parallax writes are touched.
pub(super) fn remove_stale(dir: &Path, formats: Formats, pages: &HashSet<String>) -> Result<()> {
    let mut stale: Vec<PathBuf> = Vec::new();
    if !formats.csv {
        for name in ["rows.csv", "flags.csv", "summary.csv", "errors.csv"] {
            stale.push(dir.join(name));
        }
    }
    if !formats.json {
        stale.push(dir.join("flags.jsonl"));
    }
    if !formats.xlsx {
        stale.push(dir.join("report.xlsx"));
    }
    let html = dir.join("html");
    if let Ok(list) = std::fs::read_dir(&html) {
        for entry in list.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name.ends_with(".html");
            if ours && (!formats.html || (name != "index.html" && !pages.contains(&name))) {
                stale.push(entry.path());
            }
        }
    }
    for path in stale {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    if !formats.html {
        let _ = std::fs::remove_dir(&html);
    }
    Ok(())
}
