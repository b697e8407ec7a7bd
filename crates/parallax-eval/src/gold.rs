//! Gold annotations of the bundled corpora (format: `corpora/README.md`).
//! Per story folder, `gold/<lang>.seg` holds the gold sentences one per line,
//! `gold/rows.tsv` the three-way alignment, `gold/pairs.tsv` (optional) the
//! finer pairwise units inside a three-way row, and `gold/divergences.tsv`
//! the deliberate drifts.

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
    let bad = |line: usize, msg: String| bad_row(&path, line, msg);
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

/// A pairwise unit: the ids of the pair's first language, of its second.
pub type Unit = (Vec<usize>, Vec<usize>);

/// The gold units of the language pair (`x`, `y`) (columns of `rows`):
/// each row's ids of the two, refined by `gold/pairs.tsv` where a row joins
/// two sentences on both sides that correspond one by one within the pair
/// (a German sentence split in two by both other versions makes the row
/// `10,11 / 10 / 10,11`, but Bulgarian 10 is English 10).
pub fn pair_units(
    story_dir: &Path,
    langs: &[Lang],
    rows: &[GoldRow],
    (x, y): (usize, usize),
) -> Result<Vec<Unit>> {
    let finer = refinements(story_dir, (langs[x], langs[y]))?;
    let mut out = Vec::new();
    for r in rows {
        let (p, q) = (&r.ids[x], &r.ids[y]);
        if p.is_empty() && q.is_empty() {
            continue;
        }
        let inside: Vec<&Unit> = finer
            .iter()
            .filter(|(a, b)| a.iter().all(|i| p.contains(i)) && b.iter().all(|j| q.contains(j)))
            .collect();
        let covers = |ids: &[usize], side: fn(&Unit) -> &Vec<usize>| {
            ids.iter()
                .all(|i| inside.iter().filter(|u| side(u).contains(i)).count() == 1)
        };
        if !inside.is_empty() && covers(p, |u| &u.0) && covers(q, |u| &u.1) {
            out.extend(inside.into_iter().cloned());
        } else {
            out.push((p.clone(), q.clone()));
        }
    }
    Ok(out)
}

/// The lines of `gold/pairs.tsv` for the pair (`la`, `lb`), as (ids of
/// `la`, ids of `lb`); a line written for (`lb`, `la`) is turned round.
fn refinements(story_dir: &Path, (la, lb): (Lang, Lang)) -> Result<Vec<Unit>> {
    let path = story_dir.join("gold").join("pairs.tsv");
    let Some(lines) = table(&path)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (n, line) in lines {
        let bad = |msg: String| bad_row(&path, n, msg);
        let cells: Vec<&str> = line.split('\t').collect();
        let [pair, a, b] = cells[..] else {
            return Err(bad(format!("{} cells, want 3", cells.len())));
        };
        let langs: Vec<Option<Lang>> = pair.split('-').map(Lang::from_code).collect();
        let [Some(pa), Some(pb)] = langs[..] else {
            return Err(bad(format!("bad pair {pair:?}")));
        };
        let a = parse_ids(a).map_err(bad)?;
        let b = parse_ids(b).map_err(bad)?;
        if (pa, pb) == (la, lb) {
            out.push((a, b));
        } else if (pa, pb) == (lb, la) {
            out.push((b, a));
        }
    }
    Ok(out)
}

/// The lines of a gold table after its header, each with its line number
/// (from 1), blank lines left out; `None` when the story has no such file.
pub fn table(path: &Path) -> Result<Option<Vec<(usize, String)>>> {
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(
        read_lines(path)?
            .into_iter()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(k, l)| (k + 1, l))
            .collect(),
    ))
}

/// An error on line `line` of the gold table `path`.
pub fn bad_row(path: &Path, line: usize, msg: String) -> Error {
    Error::new(ErrorKind::BadRow(msg), Location::file(path).at_line(line))
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

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::corpus::find_stories;

    /// Every line of a bundled story's `pairs.tsv` refines one row, and the
    /// refined units of a pair hold exactly the ids its rows hold.
    #[test]
    fn pair_refinements_cover_their_rows() {
        let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora");
        let mut refined = 0;
        for story in find_stories(&[corpora]) {
            let story = story.unwrap();
            let Some((langs, rows)) = rows(&story).unwrap() else {
                continue;
            };
            for (x, y) in [(0, 1), (0, 2), (1, 2)] {
                let units = pair_units(&story, &langs, &rows, (x, y)).unwrap();
                let ids = |units: &mut dyn Iterator<Item = (Vec<usize>, Vec<usize>)>| {
                    let (mut a, mut b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
                    for (p, q) in units {
                        a.extend(p);
                        b.extend(q);
                    }
                    a.sort_unstable();
                    b.sort_unstable();
                    (a, b)
                };
                let of_rows = ids(&mut rows.iter().map(|r| (r.ids[x].clone(), r.ids[y].clone())));
                assert_eq!(ids(&mut units.clone().into_iter()), of_rows, "{story:?}");
                let lines = refinements(&story, (langs[x], langs[y])).unwrap();
                for line in &lines {
                    assert!(units.contains(line), "{story:?}: {line:?} refines no row");
                }
                refined += lines.len();
            }
        }
        assert!(refined >= 20, "only {refined} refinements found");
    }
}
