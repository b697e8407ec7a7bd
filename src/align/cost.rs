//! The cost of a bead. Sentences are analysed in a sliding window as the
//! dynamic programme advances; each sentence pair in the band is merged once
//! and its evidence kept as two bit masks (which tokens of each side found a
//! counterpart), so a 2-1 or 2-2 bead combines precomputed masks instead of
//! re-analysing anything.
//!
//! Cost of a bead with `k` and `l` sentences, in "sentence units":
//! `(k + l) / 2 · (1 − z) + λ · length + penalty(k, l)`, where `z` is the
//! bead's lexical similarity rescaled so that a typical true pair of this
//! document scores 1 and a typical non-pair 0 (see [`Calibration`]). A 1-0 or
//! 0-1 bead costs a fixed skip penalty.

use std::collections::VecDeque;

use crate::analyse::{Analysed, analyse_toward};
use crate::lexicon::Lexicon;

use super::doc::Doc;
use super::idf::DocFreq;
use super::lengths::LengthModel;
pub use super::params::{Calibration, Params};

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

/// Tokens beyond this index do not count in alignment similarity.
const MASK_BITS: usize = 128;

/// Which tokens of each sentence of a pair found a counterpart.
#[derive(Debug, Clone, Copy, Default)]
pub struct PairMask {
    pub a: u128,
    pub b: u128,
}

/// An analysed sentence and the total weight of its first [`MASK_BITS`] tokens.
struct Scored {
    analysed: Analysed,
    mask_weight: f32,
}

impl Scored {
    fn new(analysed: Analysed) -> Scored {
        Scored {
            mask_weight: mask_weight(&analysed),
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

/// Masks of one A sentence against B sentences `lo..lo + masks.len()`.
#[derive(Default)]
struct MaskRow {
    a: usize,
    lo: usize,
    masks: Vec<PairMask>,
}

/// Costs beads of two documents.
pub struct Scorer<'a> {
    pub a: &'a Doc<'a>,
    pub b: &'a Doc<'a>,
    lexicon: &'a Lexicon,
    wa: Window,
    wb: Window,
    rows: [MaskRow; 4],
    pub length: LengthModel,
    pub params: Params,
    pub calibration: Calibration,
    df_a: DocFreq,
    df_b: DocFreq,
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
            rows: Default::default(),
            length: LengthModel::estimate(a.total_length(), b.total_length()),
            params,
            calibration: Calibration {
                non_pair: 0.05,
                true_pair: 0.5,
            },
            df_a: DocFreq::of(&a.sentences),
            df_b: DocFreq::of(&b.sentences),
        }
    }

    /// Analyses one sentence of either side on its own (for calibration).
    pub fn analyse_a(&self, i: usize) -> Analysed {
        analyse_toward(
            self.a.sentences[i],
            self.a.lang,
            self.lexicon,
            &[self.b.lang],
        )
    }

    pub fn analyse_b(&self, j: usize) -> Analysed {
        analyse_toward(self.b.sentences[j], self.b.lang, self.lexicon, &[])
    }

    /// Similarity of two analysed sentences, as the aligner sees it.
    pub fn pair_similarity(&self, x: &Analysed, y: &Analysed) -> f32 {
        let m = pair_mask(x, y, self.b.lang);
        let total = mask_weight(x) + mask_weight(y);
        let hit = explained_weight(x, m.a) + explained_weight(y, m.b);
        if total > 0.0 { hit / total } else { 0.0 }
    }

    /// Makes sure A sentence `i` and B sentences `cols` are analysed and the
    /// masks of `i` against `cols` computed; forgets what lies behind.
    pub fn prepare(&mut self, i: usize, cols: std::ops::Range<usize>) {
        use rayon::prelude::*;
        const CHUNK: usize = 256;
        // A new pass (after widening the band) starts again from the top.
        if i < self.wa.base || cols.start < self.wb.base {
            self.wa = Window {
                base: 0,
                items: VecDeque::new(),
            };
            self.wb = Window {
                base: 0,
                items: VecDeque::new(),
            };
        }
        let keep_a = i.saturating_sub(3);
        while self.wa.base < keep_a && !self.wa.items.is_empty() {
            self.wa.items.pop_front();
            self.wa.base += 1;
        }
        if self.wa.items.is_empty() {
            self.wa.base = keep_a;
        }
        while self.wa.base + self.wa.items.len() <= i {
            let start = self.wa.base + self.wa.items.len();
            let end = (start + CHUNK).min(self.a.len());
            let (doc, lex, lang_b, df) = (self.a, self.lexicon, self.b.lang, &self.df_a);
            let new: Vec<Scored> = (start..end)
                .into_par_iter()
                .map(|k| Scored::new(analyse_one(doc, k, lex, &[lang_b], df)))
                .collect();
            self.wa.items.extend(new);
        }
        while self.wb.base < cols.start && !self.wb.items.is_empty() {
            self.wb.items.pop_front();
            self.wb.base += 1;
        }
        if self.wb.items.is_empty() {
            self.wb.base = cols.start;
        }
        while self.wb.base + self.wb.items.len() < cols.end {
            let start = self.wb.base + self.wb.items.len();
            let end = (start + CHUNK).max(cols.end).min(self.b.len());
            let (doc, lex, df) = (self.b, self.lexicon, &self.df_b);
            let new: Vec<Scored> = (start..end)
                .into_par_iter()
                .map(|k| Scored::new(analyse_one(doc, k, lex, &[], df)))
                .collect();
            self.wb.items.extend(new);
        }
        let a = &self.wa.get(i).analysed;
        let masks = cols
            .clone()
            .map(|j| pair_mask(a, &self.wb.get(j).analysed, self.b.lang))
            .collect();
        self.rows[i % 4] = MaskRow {
            a: i,
            lo: cols.start,
            masks,
        };
    }

    fn mask(&self, i: usize, j: usize) -> PairMask {
        let row = &self.rows[i % 4];
        debug_assert_eq!(row.a, i, "mask row not prepared");
        row.masks
            .get(j.wrapping_sub(row.lo))
            .copied()
            .unwrap_or_default()
    }

    /// Cost and similarity of the bead A[ia] × B[jb].
    pub fn cost(&self, ia: std::ops::Range<usize>, jb: std::ops::Range<usize>) -> (f32, f32) {
        let p = &self.params;
        if ia.is_empty() || jb.is_empty() {
            // Without informative words, a missing translation is hard to
            // tell from a free one: skipping then costs more (the prior of a
            // 1-1 bead wins), as in Gale and Church's model.
            let uncertain = 1.0 - self.calibration.informativeness();
            return (p.skip + p.skip_uncertain * uncertain, 0.0);
        }
        let (mut hit, mut total) = (0.0f32, 0.0f32);
        for i in ia.clone() {
            let m = jb.clone().fold(0u128, |acc, j| acc | self.mask(i, j).a);
            let s = self.wa.get(i);
            hit += explained_weight(&s.analysed, m);
            total += s.mask_weight;
        }
        for j in jb.clone() {
            let m = ia.clone().fold(0u128, |acc, i| acc | self.mask(i, j).b);
            let s = self.wb.get(j);
            hit += explained_weight(&s.analysed, m);
            total += s.mask_weight;
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
        cost += match (k, l) {
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

/// Which tokens of `x` and of `y` explain each other.
pub fn pair_mask(x: &Analysed, y: &Analysed, lang_y: crate::lang::Lang) -> PairMask {
    let mut m = PairMask::default();
    crate::correspond::merge(x.keys_toward(lang_y), &y.own, |kx, ky| {
        if (kx.token as usize) < MASK_BITS {
            m.a |= 1 << kx.token;
        }
        if (ky.token as usize) < MASK_BITS {
            m.b |= 1 << ky.token;
        }
    });
    m
}

/// Total weight of the tokens that can be in a mask.
fn mask_weight(s: &Analysed) -> f32 {
    s.tokens.iter().take(MASK_BITS).map(|t| t.weight).sum()
}

/// Total weight of the tokens in `mask`.
fn explained_weight(s: &Analysed, mut mask: u128) -> f32 {
    let mut hit = 0.0;
    while mask != 0 {
        let t = mask.trailing_zeros() as usize;
        hit += s.tokens[t].weight;
        mask &= mask - 1;
    }
    hit
}
