//! Batch runs over many stories: which stories a run takes ([`plan`], with
//! [`Shard`] for runs split across machines), the comparing pass
//! ([`compare`], each story through [`crate::pipeline::compare_story`] on
//! its own) and the learning pass of `parallax learn` ([`learn`]), streamed
//! in chunks so that memory does not grow with the corpus, and lists of
//! flags an editor has already checked ([`IgnoreList`]). A story's outcome
//! depends on the story and the run's [`crate::pipeline::Context`] only, so
//! it is the same alone, in any corpus and in any shard.
//!
//! A run sees its stories in the order of their keys (the path below the
//! folder they were found in), whatever order the paths were given in and
//! however many threads run, so reports are the same bytes every time.

mod evidence_file;
mod ignore;
mod passes;

pub use evidence_file::{EVIDENCE_HEADER, read_evidence, write_evidence};
pub use ignore::IgnoreList;
pub use passes::{Compared, Failure, Outcome, compare, evidence, learn};

use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::corpus::{find_stories, story_key};
use crate::error::{Error, Result};
use crate::hash::fnv1a;

/// One story a run will read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRef {
    pub dir: PathBuf,
    /// The story's path below the folder it was found in (`a/b-story`).
    pub key: String,
}

/// `K/N`: the K-th of N parts of a corpus (1-based), chosen by a hash of
/// each story's key, so every machine agrees on the parts without talking
/// to the others, and a story stays in its part when others come and go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether the story (or failed path) with this key is in this part.
    pub fn takes(&self, key: &str) -> bool {
        fnv1a(key) % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = Error;

    fn from_str(s: &str) -> Result<Shard> {
        let bad = || {
            Error::invalid(format!(
                "--shard {s:?}: expected K/N with 1 <= K <= N, e.g. 2/8"
            ))
        };
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

/// The stories of a run, sorted by key, and the paths that could not be
/// searched (as failures, so they reach `errors.csv`).
#[derive(Debug, Default)]
pub struct Plan {
    pub stories: Vec<StoryRef>,
    pub failures: Vec<Failure>,
}

/// Finds the stories under `paths` (story or corpus folders) and keeps
/// those of `shard`. Two roots that hold a story of the same key keep it
/// apart by its full path instead.
pub fn plan(paths: &[PathBuf], shard: Option<Shard>) -> Plan {
    let mut plan = Plan::default();
    for root in paths {
        for found in find_stories(std::slice::from_ref(root)) {
            match found {
                Ok(dir) => {
                    let key = story_key(root, &dir);
                    plan.stories.push(StoryRef { dir, key });
                }
                Err(error) => plan.failures.push(Failure::new(root, error)),
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for s in &mut plan.stories {
        if !seen.insert(s.key.clone()) {
            s.key = s.dir.display().to_string();
        }
    }
    if let Some(shard) = shard {
        plan.stories.retain(|s| shard.takes(&s.key));
        plan.failures.retain(|f| shard.takes(&f.key));
    }
    plan.stories.sort_by(|a, b| a.key.cmp(&b.key));
    plan.stories.dedup_by(|a, b| a.dir == b.dir);
    plan.failures.sort_by(|a, b| a.key.cmp(&b.key));
    plan
}

/// True when `inner` is `outer` or lies inside it (both resolved through
/// symlinks as far as they exist).
pub fn is_inside(inner: &Path, outer: &Path) -> bool {
    let resolve = |p: &Path| -> PathBuf {
        // The nearest existing ancestor, resolved, with the rest appended.
        let mut rest = Vec::new();
        let mut cur = p.to_path_buf();
        loop {
            if let Ok(c) = cur.canonicalize() {
                return rest.iter().rev().fold(c, |acc: PathBuf, r| acc.join(r));
            }
            match (cur.parent(), cur.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    cur = if parent.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        parent.to_path_buf()
                    };
                }
                _ => return p.to_path_buf(),
            }
        }
    };
    resolve(inner).starts_with(resolve(outer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_split_every_key_once() {
        for (text, ok) in [
            ("1/1", true),
            ("2/8", true),
            ("0/3", false),
            ("4/3", false),
            ("x", false),
            ("1/0", false),
        ] {
            assert_eq!(text.parse::<Shard>().is_ok(), ok, "{text}");
        }
        let keys: Vec<String> = (0..200).map(|i| format!("corpus/story-{i}")).collect();
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        for key in &keys {
            assert_eq!(shards.iter().filter(|s| s.takes(key)).count(), 1, "{key}");
        }
        // Every part gets some: the hash spreads.
        for s in &shards {
            assert!(keys.iter().filter(|k| s.takes(k)).count() > 30);
        }
    }

    #[test]
    fn output_inside_input_is_seen_through_missing_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        assert!(is_inside(&corpus.join("reports/new"), &corpus));
        assert!(is_inside(&corpus, &corpus));
        assert!(!is_inside(&tmp.path().join("reports"), &corpus));
        assert!(is_inside(&corpus.join("../corpus/x"), &corpus));
    }
}
