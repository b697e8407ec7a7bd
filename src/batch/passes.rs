//! The passes of a batch over the stories of a [`Plan`]: comparing
//! ([`compare`], what `parallax compare` runs) and, only for `parallax
//! learn`, gathering the evidence a learned table is trained from
//! ([`evidence`], [`learn`]). Stories are read and put through the
//! pipeline a chunk at a time, the chunk's stories in parallel, then handed
//! on in key order. A chunk is all that is ever held, so memory stays flat
//! however many stories a corpus has; the learning pass keeps only each
//! story's bead stems ([`StoryEvidence`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{IgnoreList, Plan, StoryRef};
use crate::align::LearnedTables;
use crate::corpus::{load_story, story_key};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::pipeline::{
    self, AlignedStory, Context, Learning, StoryEvidence, first_pass, segment_story,
};
use crate::score::ScoredStory;
use crate::text::ReadOptions;

/// A story or path that could not be processed.
#[derive(Debug)]
pub struct Failure {
    /// The story's key, or the failed path's below its root: where the
    /// failure sorts in `errors.csv`, and which shard reports it.
    pub key: String,
    /// The file or folder at fault.
    pub path: PathBuf,
    pub error: Error,
}

impl Failure {
    /// A failure found while searching `root`.
    pub fn new(root: &Path, error: Error) -> Failure {
        let path = error
            .location
            .path
            .clone()
            .unwrap_or_else(|| root.to_path_buf());
        Failure {
            key: story_key(root, &path),
            path,
            error,
        }
    }
}

/// A story aligned and scored, with the flags an ignore list took out.
pub struct Compared {
    pub aligned: AlignedStory,
    pub scored: ScoredStory,
    /// The ids of the flags left out because the ignore list names them.
    pub ignored: Vec<String>,
}

/// What became of one story.
pub type Outcome = std::result::Result<Compared, Failure>;

/// Stories in flight at once: enough to keep every thread busy past the
/// slowest story of a chunk, few enough that a chunk's analyses stay small.
fn chunk_size() -> usize {
    (rayon::current_num_threads() * 16).max(32)
}

/// Reads a story for a pass, with its key.
fn read(s: &StoryRef, options: &ReadOptions) -> Result<crate::corpus::Story> {
    let mut story = load_story(&s.dir, options)?;
    story.key = s.key.clone();
    Ok(story)
}

/// The learning pass: each story's first-pass evidence, handed to `sink` in
/// key order. Stories that cannot be read are skipped here (the comparing
/// pass reports them). `progress` hears how many stories each chunk held.
pub fn evidence(
    plan: &Plan,
    lexicon: &Lexicon,
    options: &pipeline::Options,
    read_options: &ReadOptions,
    progress: &(dyn Fn(usize) + Sync),
    sink: &mut dyn FnMut(&StoryRef, StoryEvidence),
) {
    for chunk in plan.stories.chunks(chunk_size()) {
        let got: Vec<Option<StoryEvidence>> = chunk
            .par_iter()
            .map(|s| {
                let story = read(s, read_options).ok()?;
                let sentences = segment_story(&story, options.segmented);
                Some(first_pass(&story, &sentences, lexicon, &options.align))
            })
            .collect();
        for (s, e) in chunk.iter().zip(got) {
            if let Some(e) = e {
                sink(s, e);
            }
        }
        progress(chunk.len());
    }
}

/// Learns the translation tables from every story of `plan`.
pub fn learn(
    plan: &Plan,
    lexicon: &Lexicon,
    options: &pipeline::Options,
    read_options: &ReadOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> LearnedTables {
    let mut learning = Learning::default();
    evidence(
        plan,
        lexicon,
        options,
        read_options,
        progress,
        &mut |_, e| learning.add(e),
    );
    learning.train()
}

/// The comparing pass: every story of `plan` put through the pipeline
/// ([`pipeline::compare_story`], with nothing but the story and `ctx`), and
/// its ignored flags taken out; `render` turns each outcome into what the
/// caller keeps (in parallel), and `sink` receives those in key order,
/// failures of the plan's search first. Stops at the first error `sink`
/// returns.
pub fn compare<R: Send>(
    plan: Plan,
    ctx: &Context,
    read_options: &ReadOptions,
    ignore: &IgnoreList,
    render: &(dyn Fn(Outcome) -> R + Sync),
    sink: &mut dyn FnMut(R) -> Result<()>,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<()> {
    for failure in plan.failures {
        sink(render(Err(failure)))?;
    }
    for chunk in plan.stories.chunks(chunk_size()) {
        let rendered: Vec<R> = chunk
            .par_iter()
            .map(|s| {
                let outcome = match read(s, read_options) {
                    Ok(story) => {
                        let (aligned, mut scored) = pipeline::compare_story(story, ctx);
                        let mut ignored = Vec::new();
                        if !ignore.is_empty() {
                            scored.drop_flags(|f| {
                                let id = f.id(&s.key);
                                let drop = ignore.contains(&id);
                                if drop {
                                    ignored.push(id);
                                }
                                drop
                            });
                        }
                        Ok(Compared {
                            aligned,
                            scored,
                            ignored,
                        })
                    }
                    Err(error) => Err(Failure {
                        key: s.key.clone(),
                        path: error.location.path.clone().unwrap_or_else(|| s.dir.clone()),
                        error,
                    }),
                };
                render(outcome)
            })
            .collect();
        for r in rendered {
            sink(r)?;
        }
        progress(chunk.len());
    }
    Ok(())
}
