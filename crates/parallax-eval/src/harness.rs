//! What every part of the evaluation harness shares: where the project and
//! the third-party data live (the data is read from a data folder, never
//! copied into the project), reading a file as lines, and precision/recall/F1.

use std::path::{Path, PathBuf};

use parallax::error::{Error, ErrorKind, Result};

/// The project root (the workspace this crate was built in), so that the
/// default paths (`corpora/`, `benches/results/`, `../shared/data`) mean the
/// same wherever the command runs.
pub fn project_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// A path below the project root.
pub fn in_project(relative: &str) -> PathBuf {
    project_root().join(relative)
}

/// The committed results tables: `benches/results/` of the project.
pub fn results_dir() -> PathBuf {
    in_project("benches/results")
}

/// Where the third-party data sets live unless told otherwise:
/// `$PARALLAX_DATA`, else `../shared/data` seen from the project root.
pub fn default_data_dir() -> PathBuf {
    std::env::var_os("PARALLAX_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("../shared/data"))
}

/// Reads a whole UTF-8 file as lines, without line ends (CRLF tolerated).
pub fn read_lines(path: &Path) -> Result<Vec<String>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::InvalidUtf8,
            parallax::error::Location::file(path).at_byte(e.utf8_error().valid_up_to()),
        )
    })?;
    Ok(text
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect())
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn from_counts(correct_p: usize, predicted: usize, correct_r: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct_p, predicted);
        let recall = ratio(correct_r, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}
