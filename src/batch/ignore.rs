//! Ignore lists: flags an editor has checked, named by their `flag_id`, so
//! they do not come back in the next run's reports. The list is any CSV with
//! a `flag_id` column, such as `flags.csv` itself, filtered in a spreadsheet
//! and saved (with or without a byte-order mark).

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, ErrorKind, Location, Result};

/// The flag ids to leave out.
#[derive(Debug, Clone, Default)]
pub struct IgnoreList {
    ids: HashSet<String>,
}

impl IgnoreList {
    /// Reads the `flag_id` column of each CSV file. Errors name the file, and
    /// the line for a malformed record.
    pub fn read(paths: &[impl AsRef<Path>]) -> Result<IgnoreList> {
        let mut ids = HashSet::new();
        for path in paths {
            let path = path.as_ref();
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
            let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
            let bad = |line: Option<u64>, message: String| {
                let mut at = Location::file(path);
                if let Some(line) = line {
                    at = at.at_line(line as usize);
                }
                Error::new(ErrorKind::BadRow(message), at)
            };
            let header = reader
                .headers()
                .map_err(|e| bad(Some(1), format!("unreadable header: {e}")))?;
            let column = header
                .iter()
                .position(|h| h.trim() == "flag_id")
                .ok_or_else(|| bad(Some(1), "no flag_id column".into()))?;
            for record in reader.records() {
                let record = record.map_err(|e| {
                    bad(
                        e.position().map(|p| p.line()),
                        format!("unreadable record: {e}"),
                    )
                })?;
                if let Some(id) = record
                    .get(column)
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                {
                    ids.insert(id.to_string());
                }
            }
        }
        Ok(IgnoreList { ids })
    }

    pub fn from_ids(ids: impl IntoIterator<Item = String>) -> IgnoreList {
        IgnoreList {
            ids: ids.into_iter().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The ids of the list that are not in `seen`, sorted: flags that no
    /// longer occur (fixed upstream, or a story left out).
    pub fn unused<'a>(&'a self, seen: &HashSet<String>) -> Vec<&'a str> {
        let mut out: Vec<&str> = self
            .ids
            .iter()
            .filter(|id| !seen.contains(*id))
            .map(String::as_str)
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_flag_id_column_of_a_filtered_flags_csv() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("checked.csv");
        let csv = "\u{feff}story,flag_id,row\ns1,s1#ab12,3\n\"s,2\",s2#cd34,1\ns3,,2\n";
        std::fs::write(&path, csv).unwrap();
        let list = IgnoreList::read(&[&path]).unwrap();
        assert_eq!(list.len(), 2);
        assert!(list.contains("s1#ab12") && list.contains("s2#cd34"));
        let seen: HashSet<String> = ["s1#ab12".to_string()].into();
        assert_eq!(list.unused(&seen), vec!["s2#cd34"]);
    }

    #[test]
    fn a_file_without_the_column_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("other.csv");
        std::fs::write(&path, "story,row\ns,1\n").unwrap();
        let err = IgnoreList::read(&[&path]).unwrap_err().to_string();
        assert!(
            err.contains("other.csv") && err.contains("flag_id"),
            "{err}"
        );
    }
}
