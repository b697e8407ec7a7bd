//! The cost of a bead. Sentences are analysed in a sliding window as the
//! dynamic programme advances; each sentence pair in the band is explained
//! once by [`crate::correspond::explain`] (the definition scoring uses too)
//! and its evidence kept as two token sets, so a 2-1 or 2-2 bead combines
//! precomputed sets instead of re-analysing anything. The fast path: side B
//! is analysed without its translations toward A, so `explain` merges one
//! direction only (A's translations against B's words); scoring analyses
//! both sides toward each other and merges both directions. Measured, the
//! second direction moved alignment F1 by under half a point either way on
//! every set and cost about 1.7 times the time.
//!
//! Cost of a bead with `k` and `l` sentences, in "sentence units":
//! `(k + l) / 2 · (1 − z) + λ · length + penalty(k, l)`, where `z` is the
//! bead's lexical similarity rescaled so that a typical true pair of this
//! document scores 1 and a typical non-pair 0 (see [`Calibration`]). A 1-0 or
//! 0-1 bead costs a fixed skip penalty.

use std::collections::VecDeque;

use std::sync::OnceLock;

use crate::analyse::{Analysed, analyse_toward};
use crate::correspond::{Explained, TokenSet, explain, explained_weight};
use crate::lexicon::Lexicon;

use super::doc::Doc;
use super::idf::DocFreq;
use super::lengths::LengthModel;
pub use super::params::{Calibration, Params};

/// A merged sentence the other side explains less of than this share of
/// its weight has no evidence of its own.
const EVIDENCE_SHARE: f32 = 0.1;

/// Bead shapes (sentences of A, sentences of B), in the order the DP tries
/// them; the index is stored as the back pointer.
pub const BEADS: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

/// What two sentences show of each other.
#[derive(Debug, Clone, Copy)]
pub struct PairEvidence {
    /// Their similarity, both directions of the lexicon merged.
    pub similarity: f32,
    /// Tokens of either side explained by the other.
    pub explained: usize,
    /// Content words with a translation into the other's language, per side.
    pub translatable: (usize, usize),
}

/// An analysed sentence and the total weight of its tokens.
struct Scored {
    analysed: Analysed,
    weight: f32,
}

impl Scored {
    fn new(analysed: Analysed) -> Scored {
        Scored {
            weight: analysed.content_weight(),
            analysed,
        }
    }
}

/// Analysed sentences `base..base + items.len()` of one document.
struct Window {
    base: usize,
    items: VecDeque<Scored>,
}

impl Window {
    fn get(&self, i: usize) -> &Scored {
        &self.items[i - self.base]
    }
}

/// What one A sentence and each of B sentences `lo..lo + masks.len()`
/// explain of each other, and the weight each side explains of itself in
/// that pair (what a 1-1 bead costs, without walking the sets again).
#[derive(Default)]
struct MaskRow {
    a: usize,
    lo: usize,
    masks: Vec<Explained>,
    weights: Vec<(f32, f32)>,
}

/// The lowest skip scale (see `pair::skip_scale`).
pub const MIN_SKIP_SCALE: f32 = 0.2;

/// Rows of masks computed together, in parallel.
const MASK_BATCH: usize = 32;

/// The evidence of a pair outside the prepared columns: nothing.
static NOTHING: Explained = Explained::new();

/// Costs beads of two documents.
pub struct Scorer<'a> {
    pub a: &'a Doc<'a>,
    pub b: &'a Doc<'a>,
    lexicon: &'a Lexicon,
    wa: Window,
    wb: Window,
    /// Mask rows from three rows back (what 2-x and 3-x beads need) to as
    /// far ahead as the last batch reached, in row order.
    rows: VecDeque<MaskRow>,
    pub length: LengthModel,
    /// The skip cost of a sentence of A (of B) without counterpart, as a
    /// share of [`Params::skip`]: below 1 on the longer side of a condensed
    /// relay, where most sentences have none.
    pub skip_scale: (f32, f32),
    /// Whether the alignment is a condensed one (see `bare`).
    pub condensed: bool,
    pub params: Params,
    pub calibration: Calibration,
    df_a: DocFreq,
    df_b: DocFreq,
    /// Each sentence's analysis, made once and shared by anchors,
    /// calibration, every pass of the programme and moved passages, for
    /// documents of up to [`CACHE_UP_TO`] sentences (empty for longer ones,
    /// which analyse a window at a time to keep memory flat).
    cache_a: Vec<OnceLock<Analysed>>,
    cache_b: Vec<OnceLock<Analysed>>,
}

/// Documents up to this many sentences keep every sentence's analysis (a
/// few kilobytes each): news stories and most articles. Longer documents
/// analyse the programme's window only, as memory must not grow with them.
pub const CACHE_UP_TO: usize = 5_000;

fn cache_for(doc: &Doc) -> Vec<OnceLock<Analysed>> {
    if doc.len() <= CACHE_UP_TO {
        (0..doc.len()).map(|_| OnceLock::new()).collect()
    } else {
        Vec::new()
    }
}

/// Sentence `k`'s analysis, from `cache` when it has a slot for it.
fn cached(
    cache: &[OnceLock<Analysed>],
    doc: &Doc,
    k: usize,
    lexicon: &Lexicon,
    toward: &[crate::lang::Lang],
    df: &DocFreq,
) -> Analysed {
    match cache.get(k) {
        Some(slot) => slot
            .get_or_init(|| analyse_one(doc, k, lexicon, toward, df))
            .clone(),
        None => analyse_one(doc, k, lexicon, toward, df),
    }
}

impl<'a> Scorer<'a> {
    pub fn new(a: &'a Doc<'a>, b: &'a Doc<'a>, lexicon: &'a Lexicon, params: Params) -> Scorer<'a> {
        Scorer {
            a,
            b,
            lexicon,
            wa: Window {
                base: 0,
                items: VecDeque::new(),
            },
            wb: Window {
                base: 0,
                items: VecDeque::new(),
            },
            rows: VecDeque::new(),
            length: LengthModel::estimate(a.total_length(), b.total_length()),
            skip_scale: (1.0, 1.0),
            condensed: false,
            params,
            calibration: Calibration {
                non_pair: 0.05,
                true_pair: 0.5,
                null: 0.05,
                best_match: 0.5,
                span: params.informative_span,
            },
            df_a: DocFreq::of(&a.sentences),
            df_b: DocFreq::of(&b.sentences),
            cache_a: cache_for(a),
            cache_b: cache_for(b),
        }
    }

    /// Analyses one sentence of either side on its own, with the document-
    /// frequency weights the programme uses (for calibration, which must see
    /// the similarities the costs will see).
    /// Whether both documents keep every sentence's analysis.
    pub fn caches(&self) -> bool {
        self.cache_a.len() == self.a.len() && self.cache_b.len() == self.b.len()
    }

    /// Analyses every sentence of both documents into the caches, in
    /// parallel, and returns them in order (empty without caches).
    pub fn warm(&self) -> (Vec<&Analysed>, Vec<&Analysed>) {
        use rayon::prelude::*;
        if !self.caches() {
            return (Vec::new(), Vec::new());
        }
        let (lex, lang_b) = (self.lexicon, self.b.lang);
        let a: Vec<&Analysed> = (0..self.a.len())
            .into_par_iter()
            .map(|i| {
                self.cache_a[i].get_or_init(|| analyse_one(self.a, i, lex, &[lang_b], &self.df_a))
            })
            .collect();
        let b: Vec<&Analysed> = (0..self.b.len())
            .into_par_iter()
            .map(|j| self.cache_b[j].get_or_init(|| analyse_one(self.b, j, lex, &[], &self.df_b)))
            .collect();
        (a, b)
    }

    pub fn analyse_a(&self, i: usize) -> Analysed {
        cached(
            &self.cache_a,
            self.a,
            i,
            self.lexicon,
            &[self.b.lang],
            &self.df_a,
        )
    }

    pub fn analyse_b(&self, j: usize) -> Analysed {
        cached(&self.cache_b, self.b, j, self.lexicon, &[], &self.df_b)
    }

    /// Similarity of two analysed sentences, as the aligner sees it.
    pub fn pair_similarity(&self, x: &Analysed, y: &Analysed) -> f32 {
        crate::correspond::similarity(x, y)
    }

    /// The similarity of the merged bead A[ia] × B[jb] (one side a single
    /// sentence) when every sentence of the merged side has evidence of its
    /// own, as the programme asks of merges in a condensed alignment (see
    /// `bare`): for the passes after the programme, which have no masks.
    pub fn merge_evidence(
        &self,
        ia: std::ops::Range<usize>,
        jb: std::ops::Range<usize>,
    ) -> Option<f32> {
        let xs: Vec<Analysed> = ia.clone().map(|i| self.analyse_a(i)).collect();
        let ys: Vec<Analysed> = jb.clone().map(|j| self.analyse_b(j)).collect();
        // explained[i][j]: what A sentence i and B sentence j explain of each other.
        let explained: Vec<Vec<Explained>> = xs
            .iter()
            .map(|x| ys.iter().map(|y| explain(x, y, |_| {})).collect())
            .collect();
        let (mut hit, mut total) = (0.0f32, 0.0f32);
        let floor = EVIDENCE_SHARE.max(self.calibration.null);
        let weight_a: f32 = xs.iter().map(Analysed::content_weight).sum();
        let weight_b: f32 = ys.iter().map(Analysed::content_weight).sum();
        for (k, x) in xs.iter().enumerate() {
            let mut own = TokenSet::new();
            explained[k].iter().for_each(|e| own.union_with(&e.a));
            let own = explained_weight(x, &own);
            let w = x.content_weight();
            if xs.len() > 1 {
                let alone: f32 = (0..ys.len())
                    .map(|l| {
                        explained[k][l]
                            .b
                            .iter()
                            .filter(|&t| {
                                (0..xs.len()).all(|o| o == k || !explained[o][l].b.contains(t))
                            })
                            .filter_map(|t| ys[l].tokens.get(t as usize))
                            .map(|t| t.weight)
                            .sum::<f32>()
                    })
                    .sum();
                if w <= 0.0 || own < EVIDENCE_SHARE * w || alone < floor * w.min(weight_b) {
                    return None;
                }
            }
            hit += own;
            total += w;
        }
        for (l, y) in ys.iter().enumerate() {
            let mut own = TokenSet::new();
            explained.iter().for_each(|row| own.union_with(&row[l].b));
            let own = explained_weight(y, &own);
            let w = y.content_weight();
            if ys.len() > 1 {
                let alone: f32 = (0..xs.len())
                    .map(|k| {
                        explained[k][l]
                            .a
                            .iter()
                            .filter(|&t| {
                                (0..ys.len()).all(|o| o == l || !explained[k][o].a.contains(t))
                            })
                            .filter_map(|t| xs[k].tokens.get(t as usize))
                            .map(|t| t.weight)
                            .sum::<f32>()
                    })
                    .sum();
                if w <= 0.0 || own < EVIDENCE_SHARE * w || alone < floor * w.min(weight_a) {
                    return None;
                }
            }
            hit += own;
            total += w;
        }
        Some(if total > 0.0 { hit / total } else { 0.0 })
    }

    /// What A sentence `i` and B sentence `j` show of each other, analysed
    /// both ways (for the few pairs the passes after the programme judge).
    pub fn pair_evidence(&self, i: usize, j: usize) -> PairEvidence {
        let x = self.analyse_a(i);
        let y = analyse_one(self.b, j, self.lexicon, &[self.a.lang], &self.df_b);
        let c = crate::correspond::correspond(&x, &y);
        let content = |s: &Analysed, target| {
            let t = s.translatable_tokens(target);
            t.iter()
                .filter(|&&k| s.tokens.get(k as usize).is_some_and(|t| t.is_content()))
                .count()
        };
        PairEvidence {
            similarity: c.similarity(&x, &y),
            explained: c.explained_a.iter().filter(|&&e| e).count()
                + c.explained_b.iter().filter(|&&e| e).count(),
            translatable: (content(&x, self.b.lang), content(&y, self.a.lang)),
        }
    }

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

    fn mask(&self, i: usize, j: usize) -> &Explained {
        self.row(i)
            .and_then(|row| row.masks.get(j.wrapping_sub(row.lo)))
            .unwrap_or(&NOTHING)
    }

    /// The weights a 1-1 bead explains of its two sentences.
    fn weights(&self, i: usize, j: usize) -> (f32, f32) {
        self.row(i)
            .and_then(|row| row.weights.get(j.wrapping_sub(row.lo)))
            .copied()
            .unwrap_or((0.0, 0.0))
    }

    /// The weight of the other side's tokens that sentence `k` of a merged
    /// side explains and none of its partners on that side does (`on_a`:
    /// `k` is an A sentence, `own` the A range, `other` the B range).
    fn explained_alone(
        &self,
        k: usize,
        own: &std::ops::Range<usize>,
        other: &std::ops::Range<usize>,
        on_a: bool,
    ) -> f32 {
        let mut sum = 0.0;
        for o in other.clone() {
            let (mine, tokens) = if on_a {
                (&self.mask(k, o).b, &self.wb.get(o).analysed.tokens)
            } else {
                (&self.mask(o, k).a, &self.wa.get(o).analysed.tokens)
            };
            for t in mine.iter() {
                let shared = own.clone().filter(|&x| x != k).any(|x| {
                    if on_a {
                        self.mask(x, o).b.contains(t)
                    } else {
                        self.mask(o, x).a.contains(t)
                    }
                });
                if !shared {
                    sum += tokens.get(t as usize).map_or(0.0, |t| t.weight);
                }
            }
        }
        sum
    }

    /// A merged sentence without evidence of its own: it has no content
    /// words, or the other side explains too little of it. Where one side
    /// is condensed ([`super::pair::is_condensed`], by the share of it the
    /// other can cover by length, or by the share a first pass linked),
    /// merges of
    /// adjacent sentences are suspect on both sides: on the longer side a
    /// neighbour is more often dropped than merged, and on the shorter one
    /// two adjacent kept sentences mostly come from sentences that were not
    /// adjacent. A neighbour that only repeats the story's names and topic
    /// words, already explained by its partners, then looks like part of
    /// the translation; there a merged sentence must also explain part of
    /// the other side that its partners do not, up to the story's null
    /// level (of the smaller of the two, so a short sentence merged into a
    /// long one still counts). A faithful translation's split halves often
    /// share their words, and keep the first rule only.
    fn bare(&self, weight: f32, own: f32, alone: impl Fn() -> f32, other_weight: f32) -> bool {
        let floor = EVIDENCE_SHARE.max(self.calibration.null);
        weight <= 0.0
            || own < EVIDENCE_SHARE * weight
            || (self.condensed && alone() < floor * weight.min(other_weight))
    }

    /// Cost and similarity of the bead A[ia] × B[jb].
    pub fn cost(&self, ia: std::ops::Range<usize>, jb: std::ops::Range<usize>) -> (f32, f32) {
        let p = &self.params;
        if ia.is_empty() || jb.is_empty() {
            // Without informative words, a missing translation is hard to
            // tell from a free one: skipping then costs more (the prior of a
            // 1-1 bead wins), as in Gale and Church's model.
            let uncertain = 1.0 - self.calibration.informativeness();
            let scale = if jb.is_empty() {
                self.skip_scale.0
            } else {
                self.skip_scale.1
            };
            return (scale * (p.skip + p.skip_uncertain * uncertain), 0.0);
        }
        // What each sentence of the bead explains is the union over its
        // partners (the definition in `crate::correspond`).
        // A merged sentence must bring evidence of its own: one the other
        // side explains nothing of is a sentence without a counterpart, and
        // length alone must not pull it into a merge (a condensed relay's
        // left-out sentences stay 1-0).
        let (mut hit, mut total) = (0.0f32, 0.0f32);
        let mut bare = 0usize;
        let mut unsupported = false;
        if ia.len() == 1 && jb.len() == 1 {
            let (x, y) = self.weights(ia.start, jb.start);
            hit = x + y;
            let (wa, wb) = (self.wa.get(ia.start).weight, self.wb.get(jb.start).weight);
            total = wa + wb;
            // A link must rest on evidence of its own: more alike than the
            // story's non-pairs get (two sentences without content words
            // have nothing to explain, and are left to length and position).
            unsupported = wa > 0.0 && wb > 0.0 && hit <= self.calibration.null * total;
        } else {
            let weight_a: f32 = ia.clone().map(|i| self.wa.get(i).weight).sum();
            let weight_b: f32 = jb.clone().map(|j| self.wb.get(j).weight).sum();
            let mut union = TokenSet::new();
            for i in ia.clone() {
                let s = self.wa.get(i);
                let own = if jb.len() == 1 {
                    explained_weight(&s.analysed, &self.mask(i, jb.start).a)
                } else {
                    union.clear();
                    jb.clone()
                        .for_each(|j| union.union_with(&self.mask(i, j).a));
                    explained_weight(&s.analysed, &union)
                };
                if ia.len() > 1 {
                    let alone = || self.explained_alone(i, &ia, &jb, true);
                    bare += usize::from(self.bare(s.weight, own, alone, weight_b));
                }
                hit += own;
                total += s.weight;
            }
            for j in jb.clone() {
                let s = self.wb.get(j);
                let own = if ia.len() == 1 {
                    explained_weight(&s.analysed, &self.mask(ia.start, j).b)
                } else {
                    union.clear();
                    ia.clone()
                        .for_each(|i| union.union_with(&self.mask(i, j).b));
                    explained_weight(&s.analysed, &union)
                };
                if jb.len() > 1 {
                    let alone = || self.explained_alone(j, &jb, &ia, false);
                    bare += usize::from(self.bare(s.weight, own, alone, weight_a));
                }
                hit += own;
                total += s.weight;
            }
        }
        let sim = if total > 0.0 { hit / total } else { 0.0 };
        let (k, l) = (ia.len(), jb.len());
        let units = (k + l) as f32 / 2.0;
        let la: usize = ia.clone().map(|i| self.a.lengths[i] as usize).sum();
        let lb: usize = jb.clone().map(|j| self.b.lengths[j] as usize).sum();
        // Length matters more where words say little.
        let length_weight =
            p.length_weight * (1.0 + 3.0 * (1.0 - self.calibration.informativeness()));
        let mut cost =
            units * self.calibration.lexical_cost(sim) + length_weight * self.length.cost(la, lb);
        cost += p.no_evidence * self.calibration.informativeness() * bare as f32;
        if unsupported {
            cost += p.unsupported * self.calibration.informativeness();
        }
        // A merge joins a sentence that could otherwise be left out: where
        // leaving out is cheap (the longer side of a condensed relay), so
        // is the merge, or a sentence the bead explains would be dropped.
        let scale = match k.cmp(&l) {
            std::cmp::Ordering::Greater => self.skip_scale.0,
            std::cmp::Ordering::Less => self.skip_scale.1,
            std::cmp::Ordering::Equal => self.skip_scale.0.max(self.skip_scale.1),
        };
        cost += scale
            * match (k, l) {
                (1, 1) => 0.0,
                (2, 2) => p.merge_2_2,
                (3, _) | (_, 3) => p.merge_3,
                _ => p.merge,
            };
        let (pa, pb) = (
            self.a.paragraph_start[ia.start],
            self.b.paragraph_start[jb.start],
        );
        let (ha, hb) = (self.a.headline[ia.start], self.b.headline[jb.start]);
        if (pa && pb) || (ha && hb) {
            cost -= p.structure;
        } else if pa != pb || ha != hb {
            cost += p.structure;
        }
        let inner = |starts: &[bool], r: std::ops::Range<usize>| {
            starts[r.start + 1..r.end].iter().filter(|&&s| s).count()
        };
        cost += p.inner_paragraph
            * (inner(&self.a.paragraph_start, ia.clone())
                + inner(&self.b.paragraph_start, jb.clone())) as f32;
        (cost, sim)
    }
}

/// Analyses sentence `k` of `doc` with document-frequency weights.
fn analyse_one(
    doc: &Doc,
    k: usize,
    lexicon: &Lexicon,
    toward: &[crate::lang::Lang],
    df: &DocFreq,
) -> Analysed {
    let mut a = analyse_toward(doc.sentences[k], doc.lang, lexicon, toward);
    df.reweight(&mut a, doc.sentences[k]);
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correspond::{correspond, similarity};
    use crate::lang::Lang;

    /// Alignment and scoring must agree on when two sentences say the same
    /// thing: the cost of a 1-1 bead sees exactly the similarity that
    /// `crate::correspond` gives the same two analysed sentences, including
    /// names matched by spelling and tokens past the 128th.
    #[test]
    fn bead_similarity_agrees_with_correspondence() {
        let lexicon = Lexicon::embedded();
        let long_de: String = (1..120).map(|k| format!("{k} Häuser, ")).collect();
        let long_en: String = (1..120).map(|k| format!("{k} houses, ")).collect();
        let de = [
            "Ministerin Kirilowa besuchte am Montag das Werk in Pleven.",
            "Die Preise stiegen um 12 Prozent.",
            long_de.as_str(),
        ];
        let en = [
            "Minister Kirilova visited the plant in Pleven on Monday.",
            "Prices rose by 12 per cent.",
            long_en.as_str(),
        ];
        let a = Doc::from_sentences(Lang::De, de.to_vec());
        let b = Doc::from_sentences(Lang::En, en.to_vec());
        let mut scorer = Scorer::new(&a, &b, &lexicon, Params::default());
        for i in 0..a.len() {
            scorer.prepare(i, |_| 0..b.len());
            for j in 0..b.len() {
                let (_, sim) = scorer.cost(i..i + 1, j..j + 1);
                let (x, y) = (scorer.analyse_a(i), scorer.analyse_b(j));
                let want = similarity(&x, &y);
                assert!((sim - want).abs() < 1e-5, "({i}, {j}): {sim} vs {want}");
                assert!((correspond(&x, &y).similarity(&x, &y) - want).abs() < 1e-6);
            }
        }
        // The long pair counts tokens past the 128th (the numbers there).
        let (x, y) = (scorer.analyse_a(2), scorer.analyse_b(2));
        let c = correspond(&x, &y);
        assert!(x.tokens.len() > 200, "{} tokens", x.tokens.len());
        assert!(c.explained_a[200..].iter().filter(|&&e| e).count() > 10);
    }
}
