//! `--format`: which files of the report folder a run writes (CSV files,
//! the HTML pages, the JSON lines, the workbook; `summary.jsonl` always),
//! parsed from a comma-separated list with an error naming what is wrong.

use crate::error::{Error, Result};

/// Which files a run writes (`--format csv,html,json,xlsx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// rows.csv, flags.csv, summary.csv, errors.csv.
    pub csv: bool,
    /// html/index.html and a page per story.
    pub html: bool,
    /// flags.jsonl (summary.jsonl is always written).
    pub json: bool,
    /// report.xlsx.
    pub xlsx: bool,
}

impl Default for Formats {
    fn default() -> Formats {
        Formats {
            csv: true,
            html: true,
            json: true,
            xlsx: true,
        }
    }
}

impl Formats {
    const NONE: Formats = Formats {
        csv: false,
        html: false,
        json: false,
        xlsx: false,
    };
}

impl std::str::FromStr for Formats {
    type Err = Error;

    fn from_str(s: &str) -> Result<Formats> {
        let mut f = Formats::NONE;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "csv" => f.csv = true,
                "html" => f.html = true,
                "json" => f.json = true,
                "xlsx" => f.xlsx = true,
                other => {
                    return Err(Error::invalid(format!(
                        "unknown format {other:?}; expected csv, html, json and/or xlsx, e.g. csv,html"
                    )));
                }
            }
        }
        if f == Formats::NONE {
            return Err(Error::invalid("name at least one of csv, html, json, xlsx"));
        }
        Ok(f)
    }
}
