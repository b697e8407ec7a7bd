//! The phases of a run, in the order they happen, as one sequence that
//! every caller shares: the batch streams and shards stories through
//! [`compare_story`], and tests, benches, examples and the measuring
//! harness call the same function (or [`align_story`], the same phases
//! without scoring; [`run`] and [`compare`] map them over stories in
//! memory).
//!
//! 1. **segment** ([`segment_story`]): every version into sentences;
//! 2. **align**: every pair of versions aligned with the run's lexicon
//!    (the embedded one, plus `--lexicon` entries, plus a learned table
//!    when the run was given one);
//! 3. **rows**: the pairwise alignments reconciled into three-way rows;
//! 4. **analyse**: every sentence analysed once, toward the other
//!    languages, and kept for scoring; then **learn within the story**:
//!    IBM Model 1 over the story's own matched beads gives stem pairs that
//!    join each sentence's analysis as soft (`Learned`) evidence
//!    ([`crate::analyse::LearnedLinks`]);
//! 5. **score**: divergence per row and typed flags ([`crate::score`]).
//!
//! **A story's answer depends on the story alone.** Nothing is pooled
//! across the stories of a run: the [`Context`] every story is compared
//! with is fixed before the first story is read (the lexicon and, only when
//! asked for, a learned table from `parallax learn`), and what is learned
//! within a story comes from that story only, so a story run alone, inside
//! any corpus or in any shard gets the same flags. Learning from a corpus
//! stays available as an explicit step: [`learn`] (or [`Learning`] over
//! [`first_pass`] evidence, streamed by the batch) gives a
//! [`LearnedTables`] value that is saved to a file and given to every shard
//! (`compare --learned FILE`); the report manifest records its
//! [`Context::learned_id`], and `merge` refuses shard folders made with
//! different tables.
//!
//! Measured (`parallax-eval divergence`, rows of faithful translation with
//! a major or critical flag; FLORES bg-de / bg-en / de-en, WMT 2021 A / B,
//! 2022 A / B), choosing what replaced the pooled learning of earlier
//! versions (0.107 / 0.095 / 0.061, 0.084 / 0.067 / 0.072 / 0.050, but 15 of
//! the 23 bundled stories' flags changed with their neighbours):
//!
//! | learning | FLORES major | FLORES any flag | WMT major | WMT any flag |
//! |---|---|---|---|---|
//! | none | 0.123 / 0.114 / 0.066 | 0.263 / 0.190 / 0.147 | 0.093 / 0.070 / 0.073 / 0.051 | 0.189 / 0.156 / 0.161 / 0.125 |
//! | within the story, realigned | 0.110 / 0.098 / 0.061 | 0.266 / 0.197 / 0.150 | 0.087 / 0.066 / 0.070 / 0.049 | 0.194 / 0.164 / 0.161 / 0.130 |
//! | within the story, for scoring only | 0.111 / 0.098 / 0.061 | 0.266 / 0.196 / 0.150 | 0.086 / 0.065 / 0.070 / 0.049 | 0.192 / 0.162 / 0.161 / 0.130 |
//!
//! Learning within the story takes 1.2–1.6 points off the major false
//! alarms on FLORES and up to 0.7 on WMT (MQM omission F1 0.291 → 0.294,
//! addition F1 0.082 → 0.099, false alarms 0.124 → 0.120; ranking 0.518 →
//! 0.485), at the price of up to 0.7 points more rows with any flag; the
//! gain comes from scoring, not from realigning (the second alignment moved
//! no figure), so the story is aligned once and what it teaches only joins
//! the analyses scoring reads. [`Context::learn_within_story`] turns it off.
//!
//! Only what the lexicon leaves open in a bead is learned (the words its
//! sentences already explain to each other are taken out before training).
//! A story of three to five sentences taught pairs by co-occurrence alone
//! ("Тръмп" = "President", both in its two sentences), and such a pair
//! explained a name the relay had replaced: planted names found 0.508 →
//! 0.590, hedges 0.808 → 0.820, loaded terms 0.596 → 0.573; rows of
//! faithful translation with a major flag unchanged within a row or two
//! (FLORES 10 / 10 / 10 → 10 / 10 / 9, WMT 2021 A / B 17 / 20 → 17 / 18,
//! 2022 A 32 → 35: flags the noise had hidden, "Indian" rhinos).

mod learning;
mod story;

pub use crate::align::{AlignedStory, PairAlignment};
pub use learning::{Learning, StoryEvidence, first_pass, learn};
pub use story::{align_story, compare_story};

use std::sync::Arc;

use rayon::prelude::*;

use crate::align::{AlignOptions, LearnedTable, LearnedTables, TableId};
use crate::corpus::Story;
use crate::lexicon::Lexicon;
use crate::score::{self, ScoredStory};
use crate::segment::{Sentence, sentences};

/// Settings of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub align: AlignOptions,
    /// The input already has one sentence per line.
    pub segmented: bool,
}

/// What every story of a run is compared with, fixed before the first
/// story: the lexicon (with the learned table applied, if any), the table
/// and its fingerprint, and the settings.
#[derive(Clone)]
pub struct Context {
    /// The lexicon stories are aligned and analysed with.
    lexicon: Lexicon,
    learned: Arc<LearnedTables>,
    learned_id: TableId,
    pub options: Options,
    /// Learn word translations within each story (see the module notes):
    /// on by default.
    pub learn_within_story: bool,
    /// Scoring settings ([`score::score_story_with`]).
    pub score: score::Params,
}

impl Context {
    /// A run over `lexicon` (the embedded one plus any user entries), with
    /// `learned` tables from `parallax learn` when given.
    pub fn new(lexicon: &Lexicon, learned: Option<LearnedTables>, options: Options) -> Context {
        let learned = learned.unwrap_or_default();
        let learned_id = learned.fingerprint();
        Context {
            lexicon: learned.applied_to(lexicon),
            learned: Arc::new(learned),
            learned_id,
            options,
            learn_within_story: true,
            score: score::Params::default(),
        }
    }

    /// The lexicon stories are aligned and analysed with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The learned tables given to the run (empty without `--learned`).
    pub fn learned(&self) -> &Arc<LearnedTables> {
        &self.learned
    }

    /// Which learned table the run used ([`TableId`]: `none`, or a hash of
    /// the table's content), as the report manifest records it.
    pub fn learned_id(&self) -> TableId {
        self.learned_id
    }
}

/// Phase 1: the sentences of each version of a story, in its version order.
pub fn segment_story(story: &Story, segmented: bool) -> Vec<Vec<Sentence>> {
    story
        .versions
        .iter()
        .map(|v| sentences(&v.text, v.lang, segmented))
        .collect()
}

/// Phases 1–4 for stories in memory, each on its own ([`align_story`]),
/// with `learned` tables when given. Output order follows `stories`, and is
/// the same at any thread count.
pub fn run(
    stories: Vec<Story>,
    lexicon: &Lexicon,
    learned: Option<LearnedTables>,
    options: &Options,
) -> Vec<AlignedStory> {
    let ctx = Context::new(lexicon, learned, *options);
    stories
        .into_par_iter()
        .map(|s| align_story(s, &ctx))
        .collect()
}

/// Every phase for stories in memory ([`compare_story`]), in the order of
/// `stories`.
pub fn compare(stories: Vec<Story>, ctx: &Context) -> Vec<(AlignedStory, ScoredStory)> {
    stories
        .into_par_iter()
        .map(|s| compare_story(s, ctx))
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
