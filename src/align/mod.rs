//! Sentence alignment of two versions of a text.
//!
//! [`pair::align`] finds beads (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1) by
//! dynamic programming restricted to a band around a first-pass path built
//! from anchors (numbers, names, identical strings that occur once on each
//! side), so time and memory grow linearly with the length of the documents.
//! Costs combine lexical correspondence ([`crate::correspond`]), calibrated
//! on each document, with a Gale–Church length model and fixed penalties for
//! merges and skips. After the programme, passes repair what a monotone
//! path cannot show: links outbid by a lone sentence are released
//! (`rival`), merges that took a neighbour's sentence give it back
//! (`detach`), moved passages are linked (`moved`), one-by-one and uneven
//! gaps filled (`gaps`) and the silent half of a split sentence joined to
//! its link (`halves`). [`learn`] adds word translations learned from the
//! confident beads (IBM Model 1), kept as a [`LearnedTable`], for a
//! realigning pass, and [`rows`]
//! reconciles three pairwise alignments into three-way rows.

mod aligned;
mod anchors;
mod band;
pub(crate) mod calibrate;
pub mod confidence;
mod cost;
mod detach;
mod doc;
mod dp;
mod gaps;
mod halves;
mod idf;
pub mod learn;
mod learned;
mod lengths;
mod moved;
pub mod pair;
mod params;
mod rejoin;
mod rival;
pub mod rows;

use std::ops::Range;

pub use aligned::{AlignedStory, PairAlignment};
pub use doc::Doc;
pub use learned::{LearnedPair, LearnedTable, LearnedTables, TableId};
pub use pair::{AlignOptions, Alignment, SearchStats, align};
pub use params::{Calibration, Params};
pub use rows::{Row, three_way, two_way};

/// One bead: consecutive sentences of each side that translate each other.
/// An empty side is a sentence with no counterpart (1-0 or 0-1).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub a: Range<usize>,
    pub b: Range<usize>,
    /// Lexical similarity of the bead's two sides, 0..=1 (0 for 1-0/0-1).
    pub score: f32,
    /// A passage the other version moved: found after the monotone pass,
    /// its `b` lies out of order (beads stay in `a` order).
    pub moved: bool,
    /// How sure the aligner is of this bead, 0..=1 (see [`confidence`]):
    /// for a link, the lower of its evidence against the story's null level
    /// and its margin over the best other bead the programme could have
    /// ended at the same place; for a sentence left alone, that margin.
    /// Below about 0.5 a link rests on little (position alone, or barely
    /// more than what non-pairs reach; 2-7 % of such links are wrong, 0.1-
    /// 0.3 % above 0.6): scoring should make no replacement claim on it.
    pub confidence: f32,
}

impl Bead {
    pub fn is_skip(&self) -> bool {
        self.a.is_empty() || self.b.is_empty()
    }

    /// "3,4" style id lists for the tsv format.
    pub fn ids(range: &Range<usize>) -> String {
        range
            .clone()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The vecalign format: `[3, 4]:[5]:0.42`.
    pub fn vecalign(&self) -> String {
        let list = |r: &Range<usize>| {
            r.clone()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!("[{}]:[{}]:{:.4}", list(&self.a), list(&self.b), self.score)
    }
}

#[cfg(test)]
#[path = "gap_tests.rs"]
mod gap_tests;
#[cfg(test)]
#[path = "relay_tests.rs"]
mod relay_tests;
