//! The phases of a run, in the order they happen. Each phase is a function
//! over one story (or over what learning gathered), so a batch can stream
//! stories through them and shard them across machines; [`run`] does them
//! all for stories held in memory.
//!
//! 1. **segment** ([`segment_story`]): every version into sentences;
//! 2. **first pass** ([`first_pass`]): every pair of versions aligned with
//!    the embedded lexicon, reduced to what learning needs (the stems of the
//!    matched beads, no texts);
//! 3. **learn** ([`Learning`]): IBM Model 1 over the beads of all stories of
//!    each language pair, giving one [`LearnedTable`] per pair (or tables
//!    loaded from a file, which skips phases 2 and 3);
//! 4. **second pass** ([`align_story`]): every pair aligned again with the
//!    learned translations;
//! 5. **rows**: the pairwise alignments reconciled into three-way rows;
//! 6. **analyse**: every sentence analysed once, toward the other
//!    languages, with the learned translations, and kept for scoring;
//! 7. **score**: divergence per row and typed flags (`crate::score`).

mod learning;
mod story;

pub use crate::align::{AlignedStory, PairAlignment};
pub use learning::{Learning, StoryEvidence, first_pass};
pub use story::align_story;

use std::sync::Arc;

use rayon::prelude::*;

use crate::align::{AlignOptions, LearnedTable, LearnedTables};
use crate::corpus::Story;
use crate::lexicon::Lexicon;
use crate::segment::{Sentence, sentences};

/// Settings of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub align: AlignOptions,
    /// The input already has one sentence per line.
    pub segmented: bool,
}

/// Phase 1: the sentences of each version of a story, in its version order.
pub fn segment_story(story: &Story, segmented: bool) -> Vec<Vec<Sentence>> {
    story
        .versions
        .iter()
        .map(|v| sentences(&v.text, v.lang, segmented))
        .collect()
}

/// All phases for stories in memory: learning pooled over all of them
/// (unless `learned` tables are given), then each story aligned. Output
/// order follows `stories`, and is the same at any thread count.
pub fn run(
    stories: Vec<Story>,
    lexicon: &Lexicon,
    learned: Option<LearnedTables>,
    options: &Options,
) -> Vec<AlignedStory> {
    let segmented: Vec<Vec<Vec<Sentence>>> = stories
        .par_iter()
        .map(|s| segment_story(s, options.segmented))
        .collect();
    let learned = learned.unwrap_or_else(|| {
        let evidence: Vec<StoryEvidence> = stories
            .par_iter()
            .zip(&segmented)
            .map(|(s, sents)| first_pass(s, sents, lexicon, &options.align))
            .collect();
        let mut learning = Learning::default();
        for e in evidence {
            learning.add(e);
        }
        learning.train()
    });
    let learned = Arc::new(learned);
    let lexicon = learned.applied_to(lexicon);
    stories
        .into_par_iter()
        .zip(segmented)
        .map(|(s, sents)| align_story(s, sents, &lexicon, &learned, &options.align))
        .collect()
}

/// The table learned for a language pair, if any (either order).
pub fn table_for(
    tables: &LearnedTables,
    la: crate::Lang,
    lb: crate::Lang,
) -> Option<&LearnedTable> {
    tables.get(la, lb).or_else(|| tables.get(lb, la))
}
