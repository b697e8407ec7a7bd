//! Divergence scoring: a score per row and pair of versions, and typed flags
//! with evidence, severity and the relay step each change entered at. This
//! is phase 7 of [`crate::pipeline`]; it reads an [`AlignedStory`] (rows,
//! each sentence's analysis, the learned translations) and analyses nothing
//! again.
//!
//! For every row and every pair of versions, [`view`] works out which words
//! each side explains of the other (the alignment's own definition, plus
//! the third version as a witness and learned translations as soft
//! evidence); [`detect`] runs the detectors; [`relay`] says which pairs are
//! translation steps; [`severity`] and [`divergence`] document their rules
//! beside the code.

mod candidate;
mod content;
pub mod detect;
pub mod divergence;
mod flag;
mod flags;
pub mod loaded;
mod markers;
pub mod relay;
pub mod severity;
pub mod view;

pub use flag::{Evidence, Flag, Kind, Severity};
pub use severity::Place;

use crate::align::AlignedStory;
use crate::lang::Lang;
use crate::score::loaded::Loaded;
use crate::segment::Zone;

/// The scores of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowScore {
    pub place: Place,
    /// Per pair of versions (in version order): the divergence, `None` when
    /// neither version has a sentence in the row.
    pub divergence: Vec<((Lang, Lang), Option<f32>)>,
    /// The worst flag of the row.
    pub max_severity: Option<Severity>,
}

/// A story, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredStory {
    pub rows: Vec<RowScore>,
    /// Worst first, then by row.
    pub flags: Vec<Flag>,
    /// Each pair's lexical coverage: the share of the weight of its rows' words
    /// (rows where both versions have a sentence) that the other side
    /// explains, directly or through learned translations; in the
    /// order of the story's pairs of versions.
    pub lexical_coverage: Vec<((Lang, Lang), Option<f32>)>,
}

impl ScoredStory {
    /// Leaves out the flags `drop` says yes to, and sets each row's worst
    /// severity again from the flags that remain. Returns how many went.
    pub fn drop_flags(&mut self, mut drop: impl FnMut(&Flag) -> bool) -> usize {
        let before = self.flags.len();
        self.flags.retain(|f| !drop(f));
        for row in &mut self.rows {
            row.max_severity = None;
        }
        for f in &self.flags {
            let m = &mut self.rows[f.row].max_severity;
            if m.is_none_or(|s| f.severity < s) {
                *m = Some(f.severity);
            }
        }
        before - self.flags.len()
    }
}

/// Scores every row of a story and flags its changes.
pub fn score_story(al: &AlignedStory) -> ScoredStory {
    let loaded = Loaded::embedded();
    let places = places(al);
    let (per_pair, lexical_coverage, flags) = flags::find(al, loaded, &places);
    let mut rows: Vec<RowScore> = places
        .iter()
        .map(|&place| RowScore {
            place,
            divergence: Vec::new(),
            max_severity: None,
        })
        .collect();
    for ((la, lb), divs) in per_pair {
        for (r, d) in divs.into_iter().enumerate() {
            rows[r].divergence.push(((la, lb), d));
        }
    }
    let mut scored = ScoredStory {
        rows,
        flags,
        lexical_coverage,
    };
    scored.drop_flags(|_| false);
    scored
}

/// Where each row is: the headline, the lead (the first two sentences after
/// the headline of any version in the row) or the body.
fn places(al: &AlignedStory) -> Vec<Place> {
    let place_of = |v: usize, i: usize| -> Place {
        let sentences = &al.sentences[v];
        if sentences[i].zone == Zone::Headline {
            return Place::Headline;
        }
        let before = sentences[..i]
            .iter()
            .filter(|s| s.zone != Zone::Headline)
            .count();
        if before < 2 { Place::Lead } else { Place::Body }
    };
    al.rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .flat_map(|(lang, ids)| {
                    let v = al.version_of(*lang);
                    ids.iter().filter_map(move |&i| v.map(|v| place_of(v, i)))
                })
                .min()
                .unwrap_or(Place::Body)
        })
        .collect()
}
