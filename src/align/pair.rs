//! Aligning two documents: anchors and a guide path, calibration of the
//! lexical similarity on the document itself, the banded dynamic programme,
//! widening the band where the path runs along its edge, and warnings for
//! input that cannot be aligned well.

use super::Bead;
use super::anchors;
use super::band::Band;
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
        super::gaps::fill(super::moved::find(beads, &scorer), &scorer)
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

/// Documents shorter than this are not judged unrelated by the aligner
/// (scoring still compares their rows' similarity).
const MIN_SENTENCES_TO_JUDGE: usize = 3;

/// The one definition of "not translations of each other" (the verdict
/// behind [`Warning::NotTranslations`]): a sentence's best match rises not
/// clearly above what its non-pairs reach ([`Calibration::best_match`]
/// less than [`MIN_SEPARATION`] above the null level), and fewer than
/// [`MIN_CLEAR_SHARE`] of the shorter document's sentences were linked
/// with a similarity that clearly (by as much) rises above it. On fewer
/// than [`MIN_SENTENCES_TO_JUDGE`] sentences the calibration samples too
/// little to judge. A pair judged so is not aligned at all: every sentence
/// stands alone.
///
/// Measured with `parallax-eval alignment` (1,070 relays and hard cases
/// that are translations; 179 document pairs that are not: other FLORES
/// articles, WMT articles and bundled stories against the next story): the
/// separation is 0.20 and more for translations (1 % below 0.35), 0.20 and
/// less for the others (5 % above 0.15); the clearly linked share is 0.33
/// and more for translations, 0.22 and less for the others; every
/// translation whose separation is below 0.3 has 0.43 and more. An earlier
/// rule also judged pairs that left more than half of the shorter side's
/// sentences alone; it fired on true relays the programme had aligned
/// badly, and then threw their right links away too.
pub fn not_translations(beads: &[Bead], (n, m): (usize, usize), calibration: &Calibration) -> bool {
    if n.min(m) < MIN_SENTENCES_TO_JUDGE
        || calibration.best_match - calibration.null >= MIN_SEPARATION
    {
        return false;
    }
    let clear = calibration.null + MIN_SEPARATION;
    let linked: usize = beads
        .iter()
        .filter(|x| !x.is_skip() && x.score > clear)
        .map(|x| if n <= m { x.a.len() } else { x.b.len() })
        .sum();
    (linked as f32) < MIN_CLEAR_SHARE * n.min(m) as f32
}

/// See [`not_translations`].
const MIN_CLEAR_SHARE: f32 = 1.0 / 3.0;

/// See [`not_translations`]: how far a translation's best matches rise
/// above the null level.
const MIN_SEPARATION: f32 = 0.2;

/// Sentence pairs sampled to calibrate lexical similarity.
const CALIBRATION_SAMPLES: usize = 60;

/// True pairs are looked for this many sentences either side of the guide.
const CALIBRATION_WINDOW: usize = 4;

/// Documents with at most this many sentence pairs calibrate on all of
/// them (news stories; a 60 × 60 pair costs a few milliseconds).
const CALIBRATION_ALL_PAIRS: usize = 10_000;

/// The widest window searched for a sample's true pair.
const MAX_CALIBRATION_WINDOW: usize = 40;

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

/// Estimates the similarity of true pairs, of typical non-pairs and of the
/// best non-pairs near the path, on the documents themselves.
///
/// - Best matches, for the verdict on whole documents: the same, looked for
///   in the whole other document of a short story (a moved passage or a
///   guide that strays cannot hide a true pair there), in the window of a
///   long one; the median.
/// - True pairs: for sentences sampled on the side with fewer sentences (in
///   a condensed relay most of the longer side has no counterpart, and its
///   best neighbour would be a non-pair), the best match in a window around
///   the guide that widens with the difference in length where one
///   document is condensed (how far a guide through a condensed relay can
///   stray from the true pairs), or in the whole other document for short
///   ones; the median.
/// - Typical non-pairs: pairs a few sentences off the guide; the median.
/// - The null level: a sentence has one counterpart (two or three in a
///   merge), so all but the two best matches in its window cannot be
///   translations of it; they are its neighbours, sharing the story's
///   names and topic words. A link must be more alike than
///   [`NULL_QUANTILE`] of them.
fn calibrate(scorer: &Scorer, guide: &[usize]) -> (Calibration, Vec<(usize, usize)>) {
    let (n, m) = (scorer.a.len(), scorer.b.len());
    // The window widens with the difference in length, in proportion to
    // how condensed the shorter document is (a long faithful pair with a
    // few hundred deletions has anchors enough to keep its guide close).
    let shares = n.min(m) as f32 / n.max(m) as f32;
    let condensed = ((1.0 - shares) / (1.0 - CONDENSED_BELOW)).clamp(0.0, 1.0);
    let extra = (n.abs_diff(m) as f32 / 2.0 * condensed) as usize;
    let near = (CALIBRATION_WINDOW + extra).min(MAX_CALIBRATION_WINDOW);
    // Short stories look for a sentence's best match in the whole other
    // document, for the verdict; the true-pair and null levels the costs
    // use stay those near the path.
    let window = if n.saturating_mul(m) <= CALIBRATION_ALL_PAIRS {
        n.max(m)
    } else {
        near
    };
    let mut true_sims = Vec::new();
    let mut best_anywhere = Vec::new();
    let mut null_sims = Vec::new();
    let mut row = Vec::new();
    let short = n.min(m);
    let samples = short.min(CALIBRATION_SAMPLES);
    for s in 0..samples {
        row.clear();
        if m < n {
            // The A row the guide reaches B sentence `j` at.
            let j = s * m / samples;
            let i = guide.partition_point(|&g| g < j).min(n - 1);
            let y = scorer.analyse_b(j);
            for ii in i.saturating_sub(window)..(i + window + 1).min(n) {
                let sim = scorer.pair_similarity(&scorer.analyse_a(ii), &y);
                row.push((sim, (ii, j), ii.abs_diff(i) <= near));
            }
        } else {
            let i = s * n / samples;
            let j = guide[i].min(m - 1);
            let x = scorer.analyse_a(i);
            for jj in j.saturating_sub(window)..(j + window + 1).min(m) {
                let sim = scorer.pair_similarity(&x, &scorer.analyse_b(jj));
                row.push((sim, (i, jj), jj.abs_diff(j) <= near));
            }
        }
        row.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        if let Some(&(sim, _, _)) = row.first() {
            best_anywhere.push(sim);
        }
        if let Some(&(sim, at, _)) = row.iter().find(|r| r.2) {
            true_sims.push((sim, at));
        }
        null_sims.extend(row.iter().filter(|r| r.2).skip(2).map(|r| r.0));
    }
    // Typical non-pairs: a few sentences away from the guide, either side.
    let samples = n.min(CALIBRATION_SAMPLES);
    let mut false_sims = Vec::new();
    for s in 0..samples {
        let i = s * n / samples;
        let j = guide[i].min(m - 1);
        let x = scorer.analyse_a(i);
        for far in [
            j + 2 * CALIBRATION_WINDOW,
            j.wrapping_sub(2 * CALIBRATION_WINDOW),
        ] {
            if far < m {
                false_sims.push(scorer.pair_similarity(&x, &scorer.analyse_b(far)));
            }
        }
    }
    let non_pair = median(&mut false_sims).unwrap_or(0.05);
    let mut sims: Vec<f32> = true_sims.iter().map(|t| t.0).collect();
    let true_pair = median(&mut sims).unwrap_or(0.5).max(non_pair + 0.02);
    let null = quantile(&mut null_sims, NULL_QUANTILE)
        .unwrap_or(non_pair)
        .max(non_pair);
    let best_match = median(&mut best_anywhere)
        .unwrap_or(true_pair)
        .max(true_pair);
    // The clearest matches: at least a typical true pair's similarity.
    let matched = true_sims
        .iter()
        .filter(|t| t.0 >= true_pair && t.0 > non_pair + 0.1)
        .map(|t| t.1)
        .collect();
    (
        Calibration {
            non_pair,
            true_pair,
            null,
            best_match,
            span: scorer.params.informative_span,
        },
        matched,
    )
}

/// The share of non-pairs a link must be more alike than.
const NULL_QUANTILE: f32 = 0.95;

fn quantile(v: &mut [f32], q: f32) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[((v.len() - 1) as f32 * q).round() as usize])
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

fn median(v: &mut [f32]) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}
