//! An editor's review: which flags were checked and found to be "not a
//! change" (left out of the next run's reports, like an ignore list) and
//! which were checked and found "real" (marked as such in the next run).
//! The HTML report exports it as `review.csv` (`story, flag_id, row, kind,
//! severity, decision, note`) or as `ignore.csv` (the dismissed flags
//! only); `--ignore` reads either, or any CSV with a `flag_id` column, such
//! as a filtered `flags.csv`, whose every line counts as "not a change".

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, ErrorKind, Location, Result};

/// The columns of `review.csv`, as the HTML report exports it.
pub const REVIEW_HEADER: [&str; 7] = [
    "story", "flag_id", "row", "kind", "severity", "decision", "note",
];

/// What an editor decided about a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Checked: a real change.
    Real,
    /// Checked: not a change; leave it out from now on.
    NotAChange,
}

impl Decision {
    pub fn name(self) -> &'static str {
        match self {
            Decision::Real => "real",
            Decision::NotAChange => "not_a_change",
        }
    }

    fn parse(cell: &str) -> Option<Option<Decision>> {
        match cell.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
            "" => Some(None),
            "real" | "confirmed" => Some(Some(Decision::Real)),
            "not_a_change" | "dismissed" | "ignore" | "ignored" => Some(Some(Decision::NotAChange)),
            _ => None,
        }
    }
}

/// Decisions by flag id.
#[derive(Debug, Clone, Default)]
pub struct Review {
    decisions: BTreeMap<String, Decision>,
}

impl Review {
    /// Reads the files (CSV, with or without a byte-order mark). Errors name
    /// the file, and the line of a bad record or decision.
    pub fn read(paths: &[impl AsRef<Path>]) -> Result<Review> {
        let mut review = Review::default();
        for path in paths {
            review.read_one(path.as_ref())?;
        }
        Ok(review)
    }

    fn read_one(&mut self, path: &Path) -> Result<()> {
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
            .map_err(|e| bad(Some(1), format!("unreadable header: {e}")))?
            .clone();
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let id_col = column("flag_id").ok_or_else(|| bad(Some(1), "no flag_id column".into()))?;
        let decision_col = column("decision");
        for record in reader.records() {
            let record = record.map_err(|e| {
                bad(
                    e.position().map(|p| p.line()),
                    format!("unreadable record: {e}"),
                )
            })?;
            let line = record.position().map(|p| p.line());
            let Some(id) = record.get(id_col).map(str::trim).filter(|i| !i.is_empty()) else {
                continue;
            };
            let decision = match decision_col {
                None => Some(Decision::NotAChange),
                Some(c) => Decision::parse(record.get(c).unwrap_or("")).ok_or_else(|| {
                    bad(
                        line,
                        format!(
                            "decision {:?}: expected real or not_a_change (or empty)",
                            record.get(c).unwrap_or("")
                        ),
                    )
                })?,
            };
            if let Some(d) = decision {
                self.decisions.insert(id.to_string(), d);
            }
        }
        Ok(())
    }

    /// The ids of the flags dismissed as not a change.
    pub fn dismissed(&self) -> impl Iterator<Item = String> + '_ {
        self.decisions
            .iter()
            .filter(|(_, d)| **d == Decision::NotAChange)
            .map(|(id, _)| id.clone())
    }

    /// The decision about a flag, if any.
    pub fn decision(&self, flag_id: &str) -> Option<Decision> {
        self.decisions.get(flag_id).copied()
    }

    /// "real" for a flag confirmed as real, else "".
    pub fn mark(&self, flag_id: &str) -> &'static str {
        match self.decision(flag_id) {
            Some(Decision::Real) => Decision::Real.name(),
            _ => "",
        }
    }

    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_review_and_plain_ignore_files() {
        let tmp = tempfile::tempdir().unwrap();
        let review = tmp.path().join("review.csv");
        std::fs::write(
            &review,
            "\u{feff}story,flag_id,row,kind,severity,decision,note\r\n\
             s,aa,1,name,major,real,checked with the desk\r\n\
             s,bb,2,number,minor,not_a_change,\r\ns,cc,3,number,minor,,\r\n",
        )
        .unwrap();
        let plain = tmp.path().join("flags.csv");
        std::fs::write(&plain, "story,flag_id\ns,dd\n").unwrap();
        let r = Review::read(&[&review, &plain]).unwrap();
        assert_eq!(r.decision("aa"), Some(Decision::Real));
        assert_eq!(r.mark("aa"), "real");
        assert_eq!(r.dismissed().collect::<Vec<_>>(), ["bb", "dd"]);
        assert_eq!(r.decision("cc"), None);
        std::fs::write(&plain, "flag_id,decision\nee,maybe\n").unwrap();
        let err = Review::read(&[&plain]).unwrap_err().to_string();
        assert!(
            err.contains("flags.csv:2") && err.contains("maybe"),
            "{err}"
        );
    }
}
