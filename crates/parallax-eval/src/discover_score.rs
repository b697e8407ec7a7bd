//! Scoring a discovery run against the gold of its archive.
//!
//! - Pairs: two articles are a pair when they are in one group; precision
//!   and recall count the pairs found against the gold stories' pairs.
//! - Stories exactly right: gold stories of two or more versions whose
//!   articles make one found group, with nothing else in it.
//! - Direction: of the gold relays whose direction can be judged (see
//!   [`super::discover_build`]), the share whose found source is the gold
//!   one (an empty source counts as wrong). For the others, how often a
//!   source was claimed and how often that claim was wrong.
//!
//! The gold of a written archive is a CSV file (`path, story, source_path,
//! judgeable`); a run's findings are its `groups.csv`.

use std::collections::BTreeMap;
use std::path::Path;

use super::discover_build::GoldArticle;
use crate::Prf;
use parallax::error::{Error, ErrorKind, Location, Result};

/// What was found for one article: its group and its source's path.
pub type Found = BTreeMap<String, (usize, Option<String>)>;

/// The counts of one scored run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub articles: usize,
    /// Gold stories of two or more versions, and those found exactly.
    pub stories: usize,
    pub exact: usize,
    /// Gold singles (patchworks included), and those left alone.
    pub singles: usize,
    pub singles_alone: usize,
    pub pairs_gold: usize,
    pub pairs_found: usize,
    pub pairs_right: usize,
    /// Judgeable relays: all, source right, source left empty.
    pub judgeable: usize,
    pub direction_right: usize,
    pub direction_unclear: usize,
    /// Relays that cannot be judged: all, a source claimed, claimed wrong.
    pub unjudgeable: usize,
    pub claimed: usize,
    pub claimed_wrong: usize,
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

impl Scores {
    pub fn pairs(&self) -> Prf {
        Prf::from_counts(
            self.pairs_right,
            self.pairs_found,
            self.pairs_right,
            self.pairs_gold,
        )
    }
    pub fn exact_share(&self) -> f64 {
        share(self.exact, self.stories)
    }
    pub fn direction(&self) -> f64 {
        share(self.direction_right, self.judgeable)
    }
    pub fn singles_share(&self) -> f64 {
        share(self.singles_alone, self.singles)
    }
}

fn pairs(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// Scores what was found (by path; an article not found is alone).
pub fn score(gold: &[GoldArticle], found: &Found) -> Scores {
    let mut s = Scores {
        articles: gold.len(),
        ..Scores::default()
    };
    // A found group for every article; the missing get their own.
    let mut next = found.values().map(|f| f.0).max().unwrap_or(0) + 1;
    let group: Vec<usize> = gold
        .iter()
        .map(|a| {
            found.get(&a.path).map_or_else(
                || {
                    next += 1;
                    next
                },
                |f| f.0,
            )
        })
        .collect();
    let mut gold_size: BTreeMap<usize, usize> = BTreeMap::new();
    let mut found_size: BTreeMap<usize, usize> = BTreeMap::new();
    let mut both: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (a, &g) in gold.iter().zip(&group) {
        *gold_size.entry(a.story).or_default() += 1;
        *found_size.entry(g).or_default() += 1;
        *both.entry((a.story, g)).or_default() += 1;
    }
    s.pairs_gold = gold_size.values().map(|&n| pairs(n)).sum();
    s.pairs_found = found_size.values().map(|&n| pairs(n)).sum();
    s.pairs_right = both.values().map(|&n| pairs(n)).sum();
    for (&story, &n) in &gold_size {
        let parts: Vec<(&(usize, usize), &usize)> =
            both.range((story, 0)..(story + 1, 0)).collect();
        let whole = parts.len() == 1 && found_size[&parts[0].0.1] == n;
        if n >= 2 {
            s.stories += 1;
            s.exact += usize::from(whole);
        } else {
            s.singles += 1;
            s.singles_alone += usize::from(whole);
        }
    }
    for a in gold {
        let Some(src) = a.source else { continue };
        let claimed = found.get(&a.path).and_then(|f| f.1.as_deref());
        let right = claimed == Some(gold[src].path.as_str());
        if a.judgeable {
            s.judgeable += 1;
            s.direction_right += usize::from(right);
            s.direction_unclear += usize::from(claimed.is_none());
        } else {
            s.unjudgeable += 1;
            s.claimed += usize::from(claimed.is_some());
            s.claimed_wrong += usize::from(claimed.is_some() && !right);
        }
    }
    s
}

/// The gold of a written archive as CSV records.
pub fn gold_csv(gold: &[GoldArticle]) -> String {
    let mut out = String::from("path,story,source_path,judgeable\n");
    for a in gold {
        let source = a.source.map_or("", |s| gold[s].path.as_str());
        out.push_str(&format!(
            "{},{},{},{}\n",
            a.path,
            a.story,
            source,
            u8::from(a.judgeable)
        ));
    }
    out
}

fn records(path: &Path) -> Result<Vec<csv::StringRecord>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut reader = csv::Reader::from_reader(bytes);
    reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            r.map_err(|e| {
                Error::new(
                    ErrorKind::BadRow(e.to_string()),
                    Location::file(path).at_line(i + 2),
                )
            })
        })
        .collect()
}

/// Reads a gold file written by [`gold_csv`] (texts left empty).
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>> {
    let rows = records(path)?;
    let index: BTreeMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.get(0).unwrap_or(""), i))
        .collect();
    let bad = |i: usize, what: &str| {
        Error::new(
            ErrorKind::BadRow(what.to_string()),
            Location::file(path).at_line(i + 2),
        )
    };
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let story = r.get(1).and_then(|s| s.parse().ok());
            let source = r.get(2).filter(|s| !s.is_empty());
            Ok(GoldArticle {
                path: r.get(0).unwrap_or("").to_string(),
                text: String::new(),
                story: story.ok_or_else(|| bad(i, "story is not a number"))?,
                source: match source {
                    Some(s) => Some(*index.get(s).ok_or_else(|| bad(i, "unknown source_path"))?),
                    None => None,
                },
                judgeable: r.get(3) == Some("1"),
            })
        })
        .collect()
}

/// Reads a run's `groups.csv` (`group, path, lang, role, source_path, …`).
pub fn read_found(path: &Path) -> Result<Found> {
    let mut found = Found::new();
    for (i, r) in records(path)?.iter().enumerate() {
        let group = r.get(0).and_then(|g| g.parse().ok()).ok_or_else(|| {
            Error::new(
                ErrorKind::BadRow("group is not a number".into()),
                Location::file(path).at_line(i + 2),
            )
        })?;
        let source = r.get(4).filter(|s| !s.is_empty()).map(str::to_string);
        found.insert(r.get(1).unwrap_or("").to_string(), (group, source));
    }
    Ok(found)
}
