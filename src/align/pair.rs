//! Aligning two documents: anchors and a guide path, calibration of the
//! lexical similarity on the document itself (`calibrate`), the
//! banded dynamic programme, widening the band where the path runs along
//! its edge, a second pass where the path shows a condensed side the
//! lengths did not, and warnings for input that cannot be aligned well.

use super::Bead;
use super::anchors;
use super::band::Band;
use super::calibrate::calibrate;
pub use super::calibrate::not_translations;
use super::cost::{Calibration, Params, Scorer};
use super::doc::Doc;
use super::dp;
use crate::lexicon::Lexicon;
use crate::warning::Warning;

/// Alignment settings.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    pub params: Params,
    /// Half-width of the band around the guide path, in sentences.
    pub band: usize,
    /// Documents with at most this many cells are aligned over the full
    /// matrix (no band).
    pub full_matrix_cells: usize,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            params: Params::default(),
            band: 8,
            full_matrix_cells: 250_000,
        }
    }
}

/// The alignment of two documents.
#[derive(Debug, Clone)]
pub struct Alignment {
    pub beads: Vec<Bead>,
    /// How lexical similarity was calibrated on these documents.
    pub calibration: Calibration,
    /// Things the user should know (one side empty, probably not translations).
    pub warnings: Vec<Warning>,
    /// How the search went: anchors found, DP passes, cells of the last band.
    pub stats: SearchStats,
}

/// A side that keeps less than this share of the other's sentences (leaves
/// out a third or more) is a condensed version of it; relays that condense
/// keep a fifth to three fifths, and a faithful translation leaves out a
/// sentence or two.
pub const CONDENSED_BELOW: f32 = 2.0 / 3.0;

/// The one definition of a condensed version: it keeps (or, before
/// aligning, can cover by its length) less than [`CONDENSED_BELOW`] of the
/// other's sentences. The aligner and scoring both ask this.
pub fn is_condensed(share: f32) -> bool {
    share < CONDENSED_BELOW
}

/// The share of each side's sentences that have a counterpart in `beads`.
fn coverage(beads: &[Bead]) -> (f32, f32) {
    let (mut a, mut b, mut ma, mut mb) = (0usize, 0usize, 0usize, 0usize);
    for bead in beads {
        a += bead.a.len();
        b += bead.b.len();
        if !bead.is_skip() {
            ma += bead.a.len();
            mb += bead.b.len();
        }
    }
    let share = |x: usize, n: usize| if n == 0 { 1.0 } else { x as f32 / n as f32 };
    (share(ma, a), share(mb, b))
}

/// Whether beads leave either side condensed.
fn path_condensed(beads: &[Bead]) -> bool {
    let (ca, cb) = coverage(beads);
    is_condensed(ca) || is_condensed(cb)
}

impl Alignment {
    /// Whether the aligner judged the two documents not translations of
    /// each other (see [`not_translations`]).
    pub fn not_translations(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| matches!(w, Warning::NotTranslations { .. }))
    }

    /// The share of each side's sentences that have a counterpart.
    pub fn coverage(&self) -> (f32, f32) {
        coverage(&self.beads)
    }

    /// When one side covers only part of the other: (the condensed side is
    /// B, the share of A's sentences it keeps), or (A, the share of B's).
    pub fn condensed(&self) -> Option<(bool, f32)> {
        let (ca, cb) = self.coverage();
        if is_condensed(ca) && cb >= ca {
            Some((true, ca))
        } else if is_condensed(cb) && ca > cb {
            Some((false, cb))
        } else {
            None
        }
    }
}

/// Figures about one alignment search, for benchmarks and debugging.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchStats {
    pub anchors: usize,
    pub passes: usize,
    pub cells: usize,
}

/// Aligns `a` with `b`.
pub fn align(a: &Doc, b: &Doc, lexicon: &Lexicon, options: &AlignOptions) -> Alignment {
    let (n, m) = (a.len(), b.len());
    let mut warnings = Vec::new();
    if n == 0 || m == 0 {
        warnings.push(Warning::EmptySide {
            pair: (a.lang, b.lang),
            sentences: (n, m),
        });
        let beads = (0..n)
            .map(|i| Bead {
                a: i..i + 1,
                b: 0..0,
                score: 0.0,
                moved: false,
                confidence: 1.0,
            })
            .chain((0..m).map(|j| Bead {
                a: 0..0,
                b: j..j + 1,
                score: 0.0,
                moved: false,
                confidence: 1.0,
            }))
            .collect();
        return Alignment {
            beads,
            calibration: Calibration {
                non_pair: 0.0,
                true_pair: 1.0,
                null: 0.0,
                best_match: 1.0,
                span: options.params.informative_span,
            },
            warnings,
            stats: SearchStats::default(),
        };
    }
    let mut scorer = Scorer::new(a, b, lexicon, options.params);
    // Short documents analyse each sentence once, for the anchors too.
    let (sig_a, sig_b) = if scorer.caches() {
        let (xs, ys) = scorer.warm();
        (
            anchors::Signatures::of_analysed(xs.into_iter()),
            anchors::Signatures::of_analysed(ys.into_iter()),
        )
    } else {
        (
            anchors::Signatures::of(a, lexicon),
            anchors::Signatures::of(b, lexicon),
        )
    };
    let chain = anchors::chain(&sig_a, &sig_b);
    drop((sig_a, sig_b));
    let guide = anchors::guide(&chain, n, m);
    let (calibration, matched) = calibrate(&scorer, &guide);
    scorer.calibration = calibration;
    // Sentence pairs that look like translations give the length ratio: the
    // anchors, and the calibration's clearest matches (short stories have
    // few anchors, and a condensed relay's totals say nothing about it).
    let mut pairs = chain.clone();
    pairs.extend(matched);
    scorer.length = super::lengths::LengthModel::from_pairs(
        &pairs,
        &a.lengths,
        &b.lengths,
        a.total_length(),
        b.total_length(),
    );
    scorer.skip_scale = skip_scale(a, b, &scorer.length);
    scorer.condensed = is_condensed(scorer.skip_scale.0.min(scorer.skip_scale.1));
    let mut widths = vec![options.band; n + 1];
    let mut last_band;
    let mut guide = guide;
    let mut passes = 0;
    let mut grid = None;
    let mut cells;
    let path = loop {
        let full = (n + 1).saturating_mul(m + 1) <= options.full_matrix_cells;
        let band = if full {
            Band::full(n, m)
        } else {
            Band::around_widths(&guide, m, &widths)
        };
        let (path, filled) = dp::run(&band, &mut scorer, grid.take());
        grid = Some(filled);
        passes += 1;
        cells = band.cells();
        let edges = if full {
            Vec::new()
        } else {
            band.edge_rows(&path.cells, m)
        };
        last_band = band;
        if edges.is_empty() || passes >= MAX_PASSES {
            break path;
        }
        // The path ran along the band's edge: follow it, and widen the band
        // twofold around those rows only.
        // Rows above the first edge keep their band, so the next pass can
        // start there.
        let first = edges.iter().min().copied().unwrap_or(0);
        let keep = first.saturating_sub(8 * MAX_WIDTH).min(n);
        let followed = guide_from(&path.cells, n);
        guide[keep..].copy_from_slice(&followed[keep..]);
        let mut widen = vec![false; n + 1];
        for &i in &edges {
            let reach = 4 * widths[i];
            widen[i.saturating_sub(reach)..(i + reach).min(n) + 1].fill(true);
        }
        for (w, _) in widths.iter_mut().zip(&widen).filter(|(_, wide)| **wide) {
            *w = (*w * 2).min(MAX_WIDTH);
        }
    };
    // Two partial versions of a story (each leaving out what the other
    // keeps) can have like lengths: where the programme leaves a side
    // condensed that the lengths did not show, align again with the merge
    // rule of condensed alignments.
    let path = if !scorer.condensed && path_condensed(&path.beads) {
        scorer.condensed = true;
        passes += 1;
        dp::run(&last_band, &mut scorer, None).0
    } else {
        path
    };
    if let Some(unreached) = path.gap {
        warnings.push(Warning::AlignmentGap {
            pair: (a.lang, b.lang),
            unreached,
        });
    }
    let mut beads = path.beads;
    super::confidence::of_path(&mut beads, &scorer.calibration);
    let skipped = beads.iter().filter(|b| b.is_skip()).count();
    let unrelated = a.lang.is_known()
        && b.lang.is_known()
        && not_translations(&beads, (n, m), &scorer.calibration);
    let beads = if unrelated {
        // Versions that are not translations have no links to show: every
        // sentence stands alone, and nothing about them is sure.
        beads
            .into_iter()
            .flat_map(|b| {
                let lone_a = b.a.clone().map(|i| (i..i + 1, 0..0));
                let lone_b = b.b.clone().map(|j| (0..0, j..j + 1));
                lone_a.chain(lone_b).collect::<Vec<_>>()
            })
            .map(|(a, b)| Bead {
                a,
                b,
                score: 0.0,
                moved: false,
                confidence: 0.0,
            })
            .collect()
    } else {
        let beads = super::detach::relink(super::rival::release(beads, &scorer), &scorer);
        let beads = super::gaps::fill(super::moved::find(beads, &scorer), &scorer);
        super::halves::attach(beads, &scorer)
    };
    if unrelated {
        warnings.push(Warning::NotTranslations {
            pair: (a.lang, b.lang),
            true_pair: scorer.calibration.true_pair,
            non_pair: scorer.calibration.non_pair,
            unaligned: skipped,
            beads: beads.len(),
        });
    }
    Alignment {
        beads,
        calibration: scorer.calibration,
        warnings,
        stats: SearchStats {
            anchors: chain.len(),
            passes,
            cells,
        },
    }
}

/// The band never grows wider than this, in sentences either side.
const MAX_WIDTH: usize = 400;

/// At most this many passes of the DP (the band widens between passes).
const MAX_PASSES: usize = 4;

/// A guide through the cells of a path: for each row, its first column.
fn guide_from(cells: &[(usize, usize)], n: usize) -> Vec<usize> {
    let mut guide = vec![0; n + 1];
    for &(i, j) in cells.iter().rev() {
        guide[i] = j;
    }
    for i in 1..=n {
        guide[i] = guide[i].max(guide[i - 1]);
    }
    guide
}

/// The skip costs of each side, as shares of the base cost: the share of
/// the longer side the shorter one can cover (its length over the longer
/// one's, in the units of the pairs' length ratio). A relay that keeps a
/// third of its source leaves two thirds of the source's sentences without
/// counterpart, and leaving one out must not cost more than a weak link.
fn skip_scale(a: &Doc, b: &Doc, length: &super::lengths::LengthModel) -> (f32, f32) {
    let (la, lb) = (a.total_length() as f64, b.total_length() as f64);
    if la == 0.0 || lb == 0.0 {
        return (1.0, 1.0);
    }
    // B's characters in A's units.
    let lb_in_a = lb / length.ratio;
    let keep = |short: f64, long: f64| {
        (short / long).clamp(super::cost::MIN_SKIP_SCALE as f64, 1.0) as f32
    };
    if lb_in_a < la {
        (keep(lb_in_a, la), 1.0)
    } else {
        (1.0, keep(la, lb_in_a))
    }
}
