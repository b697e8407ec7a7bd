//! The programme's window of analysed sentences and the masks of what
//! each sentence pair in the band explains of the other: computed once per
//! pair, a batch of rows ahead at a time and in parallel, and forgotten
//! three rows behind (what 2-x and 3-x beads still need), so memory stays
//! flat however long the documents are.

use std::collections::VecDeque;

use crate::analyse::Analysed;
use crate::correspond::{Explained, explain, explained_weight};

use super::{Scorer, cached};

/// An analysed sentence and the total weight of its tokens.
pub(super) struct Scored {
    pub(super) analysed: Analysed,
    pub(super) weight: f32,
}

impl Scored {
    pub(super) fn new(analysed: Analysed) -> Scored {
        Scored {
            weight: analysed.content_weight(),
            analysed,
        }
    }
}

/// Analysed sentences `base..base + items.len()` of one document.
pub(super) struct Window {
    pub(super) base: usize,
    pub(super) items: VecDeque<Scored>,
}

impl Window {
    pub(super) fn get(&self, i: usize) -> &Scored {
        &self.items[i - self.base]
    }
}

/// What one A sentence and each of B sentences `lo..lo + masks.len()`
/// explain of each other, and the weight each side explains of itself in
/// that pair (what a 1-1 bead costs, without walking the sets again).
#[derive(Default)]
pub(super) struct MaskRow {
    a: usize,
    lo: usize,
    masks: Vec<Explained>,
    weights: Vec<(f32, f32)>,
}

/// Rows of masks computed together, in parallel.
const MASK_BATCH: usize = 32;

/// The evidence of a pair outside the prepared columns: nothing.
static NOTHING: Explained = Explained::new();

impl Scorer<'_> {
    /// Makes sure A sentence `i` and B sentences `cols_of(i)` are analysed
    /// and their masks computed; forgets what lies more than three rows
    /// behind. Masks are computed for a batch of rows ahead at once, in
    /// parallel (`cols_of` gives each row's columns).
    pub fn prepare(&mut self, i: usize, cols_of: impl Fn(usize) -> std::ops::Range<usize>) {
        use rayon::prelude::*;
        const CHUNK: usize = 256;
        // A new pass (after widening the band) starts again from the top.
        if i < self.wa.base || self.rows.front().is_some_and(|r| r.a > i) {
            self.wa = Window {
                base: 0,
                items: VecDeque::new(),
            };
            self.wb = Window {
                base: 0,
                items: VecDeque::new(),
            };
            self.rows.clear();
        }
        while self.rows.front().is_some_and(|r| r.a + 3 < i) {
            self.rows.pop_front();
        }
        if self.rows.back().is_some_and(|r| r.a >= i) {
            return;
        }
        let first = self.rows.back().map_or(i, |r| r.a + 1);
        let last = (first + MASK_BATCH).min(self.a.len()).max(i + 1);
        let cols: Vec<std::ops::Range<usize>> = (first..last).map(&cols_of).collect();
        let lo = cols.iter().map(|c| c.start).min().unwrap_or(0);
        let hi = cols.iter().map(|c| c.end).max().unwrap_or(0);
        // A's window from three rows back through the batch.
        let keep_a = first
            .saturating_sub(3)
            .min(self.rows.front().map_or(usize::MAX, |r| r.a));
        if self.wa.base > keep_a {
            self.wa = Window {
                base: keep_a,
                items: VecDeque::new(),
            };
        }
        while self.wa.base < keep_a && !self.wa.items.is_empty() {
            self.wa.items.pop_front();
            self.wa.base += 1;
        }
        if self.wa.items.is_empty() {
            self.wa.base = keep_a;
        }
        while self.wa.base + self.wa.items.len() < last {
            let start = self.wa.base + self.wa.items.len();
            let end = (start + CHUNK).max(last).min(self.a.len());
            let (doc, lex, lang_b, df) = (self.a, self.lexicon, self.b.lang, &self.df_a);
            let cache = &self.cache_a;
            let new: Vec<Scored> = (start..end)
                .into_par_iter()
                .map(|k| Scored::new(cached(cache, doc, k, lex, &[lang_b], df)))
                .collect();
            self.wa.items.extend(new);
        }
        // B's window must start no later than the lowest column a kept row
        // or this batch needs.
        let keep_b = self.rows.iter().map(|r| r.lo).min().unwrap_or(lo).min(lo);
        if self.wb.base > keep_b {
            self.wb = Window {
                base: keep_b,
                items: VecDeque::new(),
            };
        }
        while self.wb.base < keep_b && !self.wb.items.is_empty() {
            self.wb.items.pop_front();
            self.wb.base += 1;
        }
        if self.wb.items.is_empty() {
            self.wb.base = keep_b;
        }
        while self.wb.base + self.wb.items.len() < hi {
            let start = self.wb.base + self.wb.items.len();
            let end = (start + CHUNK).max(hi).min(self.b.len());
            let (doc, lex, df) = (self.b, self.lexicon, &self.df_b);
            let cache = &self.cache_b;
            let new: Vec<Scored> = (start..end)
                .into_par_iter()
                .map(|k| Scored::new(cached(cache, doc, k, lex, &[], df)))
                .collect();
            self.wb.items.extend(new);
        }
        let (wa, wb) = (&self.wa, &self.wb);
        let rows: Vec<MaskRow> = (first..last)
            .into_par_iter()
            .zip(cols)
            .map(|(r, cols)| {
                let a = &wa.get(r).analysed;
                let masks: Vec<Explained> = cols
                    .clone()
                    .map(|j| explain(a, &wb.get(j).analysed, |_| {}))
                    .collect();
                let weights = masks
                    .iter()
                    .zip(cols.clone())
                    .map(|(m, j)| {
                        (
                            explained_weight(a, &m.a),
                            explained_weight(&wb.get(j).analysed, &m.b),
                        )
                    })
                    .collect();
                MaskRow {
                    a: r,
                    lo: cols.start,
                    masks,
                    weights,
                }
            })
            .collect();
        self.rows.extend(rows);
    }

    /// Forgets the masks (a new pass has a new band, and so new columns).
    pub fn forget_masks(&mut self) {
        self.rows.clear();
    }

    fn row(&self, i: usize) -> Option<&MaskRow> {
        let first = self.rows.front()?.a;
        self.rows.get(i.checked_sub(first)?).filter(|r| r.a == i)
    }

    pub(super) fn mask(&self, i: usize, j: usize) -> &Explained {
        self.row(i)
            .and_then(|row| row.masks.get(j.wrapping_sub(row.lo)))
            .unwrap_or(&NOTHING)
    }

    /// The weights a 1-1 bead explains of its two sentences.
    pub(super) fn weights(&self, i: usize, j: usize) -> (f32, f32) {
        self.row(i)
            .and_then(|row| row.weights.get(j.wrapping_sub(row.lo)))
            .copied()
            .unwrap_or((0.0, 0.0))
    }
}
