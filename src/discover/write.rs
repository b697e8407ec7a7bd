//! The output folder of a discovery run: `groups.csv` (every input file
//! once), `matches.csv` (one line per link, with its evidence and the
//! direction judged), `errors.csv` (files that could not be read) and
//! `stories/` (a folder per relay path, ready for `parallax compare`).
//!
//! Story folders hold **copies** of the articles, named by language
//! (`bg.txt`, `de.txt`, `en.txt`), not links: a copy stays valid when the
//! archive moves or changes, reads the same on every system, and editing
//! it can never change the archive. Each `story.toml` says in comments
//! which archive file each version is.
//!
//! Everything is written into a staging folder inside the output folder
//! first and moved into place when all of it is written, so an interrupted
//! run leaves the previous output as it was. The CSV files follow the
//! report conventions (`crate::report::csv`): UTF-8 with a byte-order mark
//! unless turned off, CRLF line ends, cells that a spreadsheet would run
//! as formulas defused.

use std::path::{Path, PathBuf};

use super::stories::{self, StoryPlan};
use super::{Archive, Discovery, Role};
use crate::error::{Error, Result};
use crate::report::csv::{CsvOptions, append_records, header_bytes};

pub const GROUPS_HEADER: [&str; 8] = [
    "group",
    "path",
    "lang",
    "role",
    "source_path",
    "score",
    "date",
    "note",
];

pub const MATCHES_HEADER: [&str; 19] = [
    "group",
    "path_a",
    "path_b",
    "lang_a",
    "lang_b",
    "coverage_a",
    "coverage_b",
    "evidence_a",
    "evidence_b",
    "beads",
    "moved",
    "similarity",
    "score",
    "shared_names",
    "shared_numbers",
    "source_path",
    "relay_path",
    "direction_by",
    "reason",
];

pub const ERRORS_HEADER: [&str; 4] = ["path", "reason", "line", "byte"];

/// The files a run wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub stories: usize,
}

fn fig(x: f32) -> String {
    format!("{x:.3}")
}

/// Each article's score in `groups.csv`: the strength of the link to its
/// source, or of its strongest link when it has no source.
fn scores(d: &Discovery) -> Vec<Option<f32>> {
    let mut best: Vec<Option<f32>> = vec![None; d.articles.len()];
    for m in d.matches.iter().filter(|m| m.kept) {
        let s = m.link.verdict.strength();
        for x in [m.link.a, m.link.b] {
            best[x] = Some(best[x].map_or(s, |b: f32| b.max(s)));
        }
    }
    d.articles
        .iter()
        .enumerate()
        .map(|(i, a)| match (a.role, a.source_match) {
            (Role::Single, _) => None,
            (_, Some(k)) => Some(d.matches[k].link.verdict.strength()),
            _ if a.source.is_some() => Some(1.0),
            _ => best[i],
        })
        .collect()
}

/// `groups.csv`'s records, by group and path.
pub fn group_records(d: &Discovery) -> Vec<Vec<String>> {
    let scores = scores(d);
    let mut rows: Vec<(usize, usize)> = d
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.group, i))
        .collect();
    rows.sort_unstable();
    rows.into_iter()
        .map(|(g, i)| {
            let a = &d.articles[i];
            vec![
                g.to_string(),
                a.path.clone(),
                a.lang.map(|l| l.to_string()).unwrap_or_default(),
                a.role.label().to_string(),
                a.source
                    .map(|s| d.articles[s].path.clone())
                    .unwrap_or_default(),
                scores[i].map(fig).unwrap_or_default(),
                a.date.map(|x| x.to_string()).unwrap_or_default(),
                a.note.clone(),
            ]
        })
        .collect()
}

/// `matches.csv`'s records, by group and paths.
pub fn match_records(d: &Discovery) -> Vec<Vec<String>> {
    let mut out: Vec<(usize, Vec<String>)> = Vec::new();
    for m in d.matches.iter().filter(|m| m.kept) {
        let l = &m.link;
        let (a, b) = (&d.articles[l.a], &d.articles[l.b]);
        let v = &l.verdict;
        let (source, relay) = match l.direction {
            super::Direction::AToB => (a.path.clone(), b.path.clone()),
            super::Direction::BToA => (b.path.clone(), a.path.clone()),
            super::Direction::Unclear => (String::new(), String::new()),
        };
        out.push((
            a.group,
            vec![
                a.group.to_string(),
                a.path.clone(),
                b.path.clone(),
                a.lang.map(|x| x.to_string()).unwrap_or_default(),
                b.lang.map(|x| x.to_string()).unwrap_or_default(),
                fig(v.coverage.0),
                fig(v.coverage.1),
                fig(v.evidence.0),
                fig(v.evidence.1),
                v.beads.to_string(),
                v.moved.to_string(),
                fig(v.similarity),
                fig(v.strength()),
                m.names.join("; "),
                m.numbers.join("; "),
                source,
                relay,
                m.basis.label().to_string(),
                m.reason.clone(),
            ],
        ));
    }
    out.sort_by(|x, y| (x.0, &x.1[1], &x.1[2]).cmp(&(y.0, &y.1[1], &y.1[2])));
    out.into_iter().map(|(_, r)| r).collect()
}

/// `errors.csv`'s records.
pub fn error_records(d: &Discovery) -> Vec<Vec<String>> {
    let opt = |x: Option<usize>| x.map(|n| n.to_string()).unwrap_or_default();
    d.errors
        .iter()
        .map(|e| vec![e.path.clone(), e.reason.clone(), opt(e.line), opt(e.byte)])
        .collect()
}

fn csv(header: &[&str], records: Vec<Vec<String>>, options: CsvOptions) -> Vec<u8> {
    let mut out = header_bytes(header, options);
    append_records(&mut out, records);
    out
}

/// Writes the output folder `dir` (see the module documentation); `d`
/// is what discovery found in `archive`.
pub fn write(d: &Discovery, archive: &Archive, dir: &Path, options: CsvOptions) -> Result<Written> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let staging = Staging::new(dir)?;
    let put = |rel: &str, bytes: &[u8]| -> Result<()> {
        let path = staging.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
    };
    put(
        "groups.csv",
        &csv(&GROUPS_HEADER, group_records(d), options),
    )?;
    put(
        "matches.csv",
        &csv(&MATCHES_HEADER, match_records(d), options),
    )?;
    put(
        "errors.csv",
        &csv(&ERRORS_HEADER, error_records(d), options),
    )?;
    let plans: Vec<StoryPlan> = stories::plan(d);
    std::fs::create_dir_all(staging.root.join("stories")).map_err(|e| Error::io(dir, e))?;
    for plan in &plans {
        let folder = format!("stories/{}", plan.name);
        for &v in &plan.versions {
            let a = &d.articles[v];
            let lang = a.lang.map(|l| l.to_string()).unwrap_or_default();
            let target = staging.root.join(&folder).join(format!("{lang}.txt"));
            std::fs::create_dir_all(staging.root.join(&folder)).map_err(|e| Error::io(dir, e))?;
            match &a.file {
                Some(file) => std::fs::copy(file, &target)
                    .map(|_| ())
                    .map_err(|e| Error::io(file, e))?,
                None => {
                    let text = archive.entries[v]
                        .content
                        .as_ref()
                        .map_or("", |t| t.text.as_str());
                    std::fs::write(&target, text).map_err(|e| Error::io(&target, e))?
                }
            }
        }
        put(
            &format!("{folder}/story.toml"),
            stories::story_toml(d, plan).as_bytes(),
        )?;
    }
    staging.commit(&["groups.csv", "matches.csv", "errors.csv", "stories"])?;
    Ok(Written {
        stories: plans.len(),
    })
}

/// A staging folder inside the output folder (so moves stay on one file
/// system); removed when dropped, whatever happened.
struct Staging {
    root: PathBuf,
    target: PathBuf,
}

const STAGING_PREFIX: &str = ".parallax-discover-tmp-";

impl Staging {
    fn new(target: &Path) -> Result<Staging> {
        crate::report::remove_stale(target, STAGING_PREFIX);
        let root = target.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        std::fs::create_dir_all(&root).map_err(|e| Error::io(&root, e))?;
        Ok(Staging {
            root,
            target: target.to_path_buf(),
        })
    }

    /// Moves the staged entries into place: files by renaming over the old
    /// ones, folders by moving the old one aside first.
    fn commit(&self, names: &[&str]) -> Result<()> {
        let old = self.root.join(".old");
        std::fs::create_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        for name in names {
            let (staged, target) = (self.root.join(name), self.target.join(name));
            if staged.is_dir() && target.exists() {
                std::fs::rename(&target, old.join(name)).map_err(|e| Error::io(&target, e))?;
            }
            std::fs::rename(&staged, &target).map_err(|e| Error::io(&target, e))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
