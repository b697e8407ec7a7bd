//! Relay discovery: which articles in unsorted archives of Bulgarian,
//! German and English news are versions of the same story, and which was
//! relayed from which.
//!
//! The steps, in order: [`archive`] reads every `.txt` file (one article
//! each; bad files keep their error, files with the same bytes are noted as
//! copies of the first); each article's language comes from its text, its
//! date from a date line or its folder's `story.toml` ([`dates`]); each
//! sentence is analysed once into cross-lingual keys ([`keys`]); an inverted
//! index of the keys, weighted by rarity, gives each article its best few
//! candidates per language ([`index`]); candidates that pass a cheap screen
//! are matched sentence by sentence, in any order, and linked only when
//! most of one side and a fair part of the other have a counterpart with
//! real lexical evidence ([`verify`]); links get a direction
//! ([`direction`]), then groups ([`groups`]) and each article's source and
//! role ([`sources`]); [`stories`] plans a story folder per relay path for
//! `parallax compare`, and [`write`](mod@write) writes the output folder. Everything is
//! sorted by path before it is numbered, so the output is the same at any
//! thread count and in any input order.

pub mod archive;
pub mod dates;
pub mod direction;
pub mod groups;
pub mod index;
pub mod keys;
mod link;
mod prepare;
pub mod sources;
pub mod stories;
pub mod verify;
pub mod write;

use rayon::prelude::*;

pub use archive::{Archive, Entry, FileError};
pub use dates::Date;
pub use direction::{Basis, Direction};
pub use sources::Role;

use crate::lang::Lang;
use crate::lexicon::Lexicon;
use prepare::Prepared;

/// Settings of a discovery run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Candidates kept per article and language.
    pub per_lang: usize,
    /// The smallest index score a candidate needs.
    pub min_candidate: f32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            per_lang: 3,
            min_candidate: 0.04,
        }
    }
}

/// Why an article takes no part in matching, if it does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Matched against the others.
    Matched,
    /// Could not be read.
    Unreadable(FileError),
    /// In a language other than bg, de and en (or none that can be told).
    OtherLanguage(Option<Lang>),
    /// The same bytes as an earlier article (its index).
    Duplicate(usize),
    /// No sentences once the date line is left out.
    NoSentences,
}

/// One article and what discovery found about it.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    pub file: Option<std::path::PathBuf>,
    pub lang: Option<Lang>,
    pub date: Option<Date>,
    pub status: Status,
    /// Sentences matched (without the date line).
    pub sentences: usize,
    /// The headline or first sentence, for story titles.
    pub title: String,
    /// Its group's number (1-based, in order of the groups' first paths).
    pub group: usize,
    pub role: Role,
    /// The judged source article…
    pub source: Option<usize>,
    /// …and the match it rests on (none for a copy).
    pub source_match: Option<usize>,
    pub note: String,
}

/// Two linked articles and the evidence.
#[derive(Debug, Clone)]
pub struct Match {
    pub link: groups::Link,
    pub basis: Basis,
    pub reason: String,
    /// Names and numbers found in both, as written in `a`.
    pub names: Vec<String>,
    pub numbers: Vec<String>,
    /// The candidate score from the index.
    pub candidate: f32,
    /// False when the link was dropped as a patchwork's weaker side.
    pub kept: bool,
}

/// Counts of a run's work, for reports and benchmarks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub articles: usize,
    pub sentences: usize,
    pub candidates: usize,
    pub screened: usize,
    pub aligned: usize,
    pub links: usize,
}

/// What discovery found.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub articles: Vec<Article>,
    pub matches: Vec<Match>,
    /// Article indices per group, in group order.
    pub groups: Vec<Vec<usize>>,
    /// Files and paths that could not be read.
    pub errors: Vec<FileError>,
    pub stats: Stats,
}

/// Runs discovery on an archive.
pub fn discover(archive: &Archive, lexicon: &Lexicon, options: &Options) -> Discovery {
    let entries = &archive.entries;
    let n = entries.len();
    let duplicate_of = prepare::duplicates(entries);
    let prepared: Vec<(Article, Option<Prepared>)> = entries
        .par_iter()
        .enumerate()
        .map(|(i, e)| prepare::prepare(e, duplicate_of[i], lexicon))
        .collect();
    let (mut articles, prepared): (Vec<Article>, Vec<Option<Prepared>>) =
        prepared.into_iter().unzip();
    let mut stats = Stats {
        articles: n,
        sentences: prepared.iter().flatten().map(|p| p.sentences.len()).sum(),
        ..Stats::default()
    };
    let (links, scores) = link::links(entries, &articles, &prepared, lexicon, options, &mut stats);
    let kept = groups::unchain(n, &links);
    let groups = group_members(n, &links, &kept, &duplicate_of);
    let dates: Vec<Option<Date>> = articles.iter().map(|a| a.date).collect();
    let source = sources::sources(n, &links, &kept, &dates);
    let roles = sources::roles(&groups, &links, &kept, &source);
    for (g, members) in groups.iter().enumerate() {
        for &x in members {
            let a = &mut articles[x];
            a.group = g + 1;
            a.role = roles[x];
            a.source = source[x].map(|s| s.0);
            a.source_match = source[x].map(|s| s.1);
            if let Some(f) = duplicate_of[x] {
                a.role = Role::Relay;
                a.source = Some(f);
                a.note = format!("the same bytes as {}", entries[f].path);
            }
        }
        // A group of copies only: the first is their original.
        if members.len() > 1 && members.iter().skip(1).all(|&x| duplicate_of[x].is_some()) {
            articles[members[0]].role = Role::Original;
        }
    }
    let mut kept_set = vec![false; links.len()];
    kept.iter().for_each(|&k| kept_set[k] = true);
    let matches = links
        .into_iter()
        .zip(scores)
        .enumerate()
        .map(|(k, (link, candidate))| {
            let (_, basis, reason) = direction::judge(
                &link.verdict,
                (articles[link.a].date, articles[link.b].date),
            );
            let (names, numbers) = prepare::shared_mentions(&prepared, entries, link.a, link.b);
            Match {
                link,
                basis,
                reason,
                names,
                numbers,
                candidate,
                kept: kept_set[k],
            }
        })
        .collect();
    let mut errors: Vec<FileError> = archive.errors.clone();
    errors.extend(
        entries
            .iter()
            .filter_map(|e| e.content.as_ref().err().cloned()),
    );
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Discovery {
        articles,
        matches,
        groups,
        errors,
        stats,
    }
}

/// The groups: the components of the kept links, with each copy moved into
/// the group of the article it copies; each sorted, in order of their first
/// member.
fn group_members(
    n: usize,
    links: &[groups::Link],
    kept: &[usize],
    duplicate_of: &[Option<usize>],
) -> Vec<Vec<usize>> {
    let mut component_of = groups::components(n, links, kept);
    let mut in_group = vec![0usize; n];
    for (g, members) in component_of.iter().enumerate() {
        for &x in members {
            in_group[x] = g;
        }
    }
    for (i, d) in duplicate_of.iter().enumerate() {
        if let Some(f) = d {
            let (from, to) = (in_group[i], in_group[*f]);
            component_of[from].retain(|&x| x != i);
            component_of[to].push(i);
            in_group[i] = to;
        }
    }
    let mut groups: Vec<Vec<usize>> = component_of.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}
