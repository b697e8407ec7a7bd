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
//!
//! Beside it: `analysis` (each sentence analysed once, cached for news-sized
//! documents), `masks` (the window of analysed sentences and the evidence
//! of each pair in the band) and `evidence` (whether each sentence of a
//! merge brings evidence of its own, and what one pair shows for the passes
//! after the programme).

use std::collections::VecDeque;
use std::sync::OnceLock;

use crate::analyse::Analysed;
use crate::correspond::{TokenSet, explained_weight};
use crate::lexicon::Lexicon;

use super::doc::Doc;
use super::idf::DocFreq;
use super::lengths::LengthModel;
pub use super::params::{Calibration, Params};

mod analysis;
mod evidence;
pub use evidence::PairEvidence;
mod masks;

use analysis::{analyse_one, cache_for, cached};
use masks::{MaskRow, Window};

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

/// The lowest skip scale (see `pair::skip_scale`).
pub const MIN_SKIP_SCALE: f32 = 0.2;

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
    /// documents of up to [`analysis::CACHE_UP_TO`] sentences (empty for longer ones,
    /// which analyse a window at a time to keep memory flat).
    cache_a: Vec<OnceLock<Analysed>>,
    cache_b: Vec<OnceLock<Analysed>>,
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

    /// Similarity of two analysed sentences, as the aligner sees it.
    pub fn pair_similarity(&self, x: &Analysed, y: &Analysed) -> f32 {
        crate::correspond::similarity(x, y)
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
            // In a condensed alignment a link must rest on evidence of its
            // own: more alike than the story's non-pairs get (two sentences
            // without content words have nothing to explain, and are left
            // to length and position). There most of the longer side has
            // no counterpart, and a fitting length says little. In a
            // faithful translation nearly every sentence has one, and a
            // pair the lexicon cannot show (an idiom, a language pair
            // without a dictionary) is still most likely the translation.
            unsupported =
                self.condensed && wa > 0.0 && wb > 0.0 && hit <= self.calibration.null * total;
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
