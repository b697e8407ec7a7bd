//! Gold annotations of the bundled corpora (format: `corpora/README.md`).
//! Per story folder, `gold/<lang>.seg` holds the gold sentences one per line,
//! `gold/rows.tsv` the three-way alignment and `gold/divergences.tsv` the
//! deliberate drifts.

use std::path::Path;

use super::read_lines;
use parallax::error::{Error, ErrorKind, Location, Result};
use parallax::lang::Lang;

/// Gold sentences of one version, or `None` when the story has none.
pub fn segments(story_dir: &Path, lang: Lang) -> Result<Option<Vec<String>>> {
    let path = story_dir.join("gold").join(format!("{}.seg", lang.code()));
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(
        read_lines(&path)?
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .collect(),
    ))
}

/// One gold row: the sentence ids of each language, in the header's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRow {
    pub ids: Vec<Vec<usize>>,
    /// Part of a passage the relay moved (column `moved` = 1).
    pub moved: bool,
}

/// The gold three-way rows and the languages of their columns.
pub fn rows(story_dir: &Path) -> Result<Option<(Vec<Lang>, Vec<GoldRow>)>> {
    let path = story_dir.join("gold").join("rows.tsv");
    if !path.exists() {
        return Ok(None);
    }
    let lines = read_lines(&path)?;
    let bad = |line: usize, msg: String| {
        Error::new(ErrorKind::BadRow(msg), Location::file(&path).at_line(line))
    };
    let header = lines.first().ok_or_else(|| bad(1, "empty file".into()))?;
    let columns: Vec<&str> = header.split('\t').collect();
    let moved_column = columns.iter().position(|&c| c == "moved");
    let langs = columns
        .iter()
        .filter(|&&c| c != "moved")
        .map(|c| Lang::from_code(c).ok_or_else(|| bad(1, format!("unknown language {c:?}"))))
        .collect::<Result<Vec<_>>>()?;
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() > columns.len() {
            return Err(bad(
                i + 1,
                format!("{} cells, header has {}", cells.len(), columns.len()),
            ));
        }
        let cell = |k: usize| cells.get(k).copied().unwrap_or("");
        let mut ids = Vec::with_capacity(langs.len());
        for k in (0..columns.len()).filter(|&k| Some(k) != moved_column) {
            ids.push(parse_ids(cell(k)).map_err(|m| bad(i + 1, m))?);
        }
        let moved = moved_column.is_some_and(|k| cell(k).trim() == "1");
        rows.push(GoldRow { ids, moved });
    }
    Ok(Some((langs, rows)))
}

/// Parses "3,4" into [3, 4]; an empty cell is an empty list.
pub fn parse_ids(cell: &str) -> std::result::Result<Vec<usize>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(Vec::new());
    }
    cell.split(',')
        .map(|t| {
            t.trim()
                .parse::<usize>()
                .map_err(|_| format!("bad sentence id {t:?}"))
        })
        .collect()
}
