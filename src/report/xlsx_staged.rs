//! `report.xlsx` from a report folder being written: the flags and rows
//! are read back from the staged CSV files (streamed, so a large run does
//! not hold them), the summaries sorted as the HTML index sorts them, and
//! the errors as `errors.csv` lists them. A run and a merge both build the
//! workbook here, from the same records, so they give the same bytes.

use std::path::Path;

use super::csv::defuse;
use super::stream::Staging;
use super::summary::{StorySummary, summary_header};
use super::xlsx::{Sheets, workbook};
use crate::error::{Error, ErrorKind, Location, Result};

/// The records of a staged CSV file after its header, cells as written.
fn records(path: &Path) -> Result<Box<dyn Iterator<Item = Result<Vec<String>>>>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(std::io::BufReader::new(file));
    let path = path.to_path_buf();
    // The BOM, if any, sits in the header, which is skipped.
    let _ = reader.headers();
    Ok(Box::new(reader.into_records().map(move |r| {
        r.map(|rec| rec.iter().map(str::to_string).collect())
            .map_err(|e| {
                Error::new(
                    ErrorKind::BadRow(format!("unreadable record: {e}")),
                    Location::file(&path),
                )
            })
    })))
}

/// The workbook of the report staged in `staging`.
pub(super) fn workbook_from(
    staging: &Staging,
    summaries: &[StorySummary],
    errors: &[Vec<String>],
) -> Result<Vec<u8>> {
    let mut flags = records(&staging.staged("flags.csv"))?;
    let mut rows = records(&staging.staged("rows.csv"))?;
    let mut sorted: Vec<&StorySummary> = summaries.iter().collect();
    sorted.sort_by(|a, b| super::html::index_key(a).cmp(&super::html::index_key(b)));
    let defused = |r: Vec<String>| r.iter().map(|c| defuse(c)).collect::<Vec<String>>();
    let summary: Vec<Vec<String>> = sorted.iter().map(|s| defused(s.record())).collect();
    let errors: Vec<Vec<String>> = errors.iter().cloned().map(defused).collect();
    workbook(Sheets {
        flags: &mut flags,
        rows: &mut rows,
        summary_header: &summary_header(),
        summary: &summary,
        errors: &errors,
    })
}
