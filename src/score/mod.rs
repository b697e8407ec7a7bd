//! Divergence scoring: a score per row and pair of versions, and typed flags
//! with evidence, severity and the relay step each change entered at. This
//! is the last phase of [`crate::pipeline`]; it reads an [`AlignedStory`]
//! (rows, each sentence's analysis, the learned translations) and analyses
//! nothing again.
//!
//! Every flag is made by a rule of the catalogue ([`rules`]: an ID, a
//! reason, an example). For every pair of versions, [`view`] works out once
//! per row which words each side explains of the other (the alignment's own
//! definition, plus the third version as a witness and learned translations
//! as soft evidence); the detectors (`numbers`, `names`, `polarity`,
//! `scales`, `hedges`, `quotes`, `content`) run in a fixed order with one
//! signature, sharing what they claimed; [`severity`] decides every level
//! in one place, from each rule's measured rate on faithful translation;
//! [`relay`] says which step a change entered at; [`params`] holds every
//! tunable value and `data/score/` every word list.

mod answers;
mod claims;
mod content;
pub mod detect;
pub mod divergence;
mod evidence;
mod finding;
mod flag;
mod flags;
mod hedges;
mod lengths;
pub mod loaded;
mod modality;
mod names;
mod names_link;
mod notes;
mod numbers;
pub mod params;
mod polarity;
mod quotes;
pub mod relay;
pub mod rules;
mod scales;
pub mod severity;
mod slot;
mod times;
pub mod view;
mod words;

pub use flag::{Evidence, Flag, Kind, Severity};
pub use params::Params;
pub use rules::Rule;
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
    /// Per pair of versions: how sure the alignment is of the row's links
    /// (the lowest [`crate::align::Bead::confidence`] of them), `None`
    /// where the pair has no link in the row.
    pub confidence: Vec<((Lang, Lang), Option<f32>)>,
}

impl RowScore {
    /// The row's divergence between versions `a` and `b`, in either order.
    pub fn divergence_of(&self, a: Lang, b: Lang) -> Option<f32> {
        of_pair(&self.divergence, a, b)
    }

    /// How sure the alignment of `a` and `b` (either order) is of the row.
    pub fn confidence_of(&self, a: Lang, b: Lang) -> Option<f32> {
        of_pair(&self.confidence, a, b)
    }
}

/// The value a per-pair list holds for `a` and `b`, in either order.
fn of_pair(list: &[((Lang, Lang), Option<f32>)], a: Lang, b: Lang) -> Option<f32> {
    list.iter()
        .find(|((x, y), _)| (*x, *y) == (a, b) || (*x, *y) == (b, a))
        .and_then(|(_, v)| *v)
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

/// Scores every row of a story and flags its changes, with the default
/// [`Params`].
pub fn score_story(al: &AlignedStory) -> ScoredStory {
    score_story_with(al, &Params::default())
}

/// Scores every row of a story and flags its changes.
pub fn score_story_with(al: &AlignedStory, params: &Params) -> ScoredStory {
    let loaded = Loaded::embedded();
    let places = places(al);
    let flags::Found {
        divergences: per_pair,
        confidences,
        coverages: lexical_coverage,
        flags,
    } = flags::find(al, loaded, params, &places);
    let mut rows: Vec<RowScore> = places
        .iter()
        .map(|&place| RowScore {
            place,
            divergence: Vec::new(),
            max_severity: None,
            confidence: Vec::new(),
        })
        .collect();
    for ((la, lb), confs) in confidences {
        for (r, c) in confs.into_iter().enumerate() {
            rows[r].confidence.push(((la, lb), c));
        }
    }
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

#[cfg(test)]
mod tests;
