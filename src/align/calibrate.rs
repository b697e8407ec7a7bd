//! Calibration of lexical similarity on the two documents themselves:
//! what a true pair, a typical non-pair and the best non-pairs near the
//! path (the null level) reach here, and the verdict the calibration
//! supports, whether two documents are translations of each other at all
//! ([`not_translations`]).

use super::Bead;
use super::cost::{Calibration, Scorer};
use super::pair::CONDENSED_BELOW;

/// Documents shorter than this are not judged unrelated by the aligner
/// (scoring still compares their rows' similarity).
const MIN_SENTENCES_TO_JUDGE: usize = 3;

/// The one definition of "not translations of each other" (the verdict
/// behind [`crate::warning::Warning::NotTranslations`]): a sentence's best
/// match rises not clearly above what its non-pairs reach
/// ([`Calibration::best_match`] less than `MIN_SEPARATION`, 0.2, above the
/// null level), and fewer than `MIN_CLEAR_SHARE` (a third) of the shorter
/// document's sentences were linked with a similarity that clearly (by as
/// much) rises above it. On fewer than `MIN_SENTENCES_TO_JUDGE` (3)
/// sentences the calibration samples too little to judge. A pair judged so
/// is not aligned at all: every sentence stands alone.
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
///   ones; the median, or higher up in a condensed relay, whose shorter
///   side has sentences without counterpart too (the upper quartile where
///   one side keeps a third or less). Measured on summary-worded relays
///   (`parallax-eval alignment`): link precision +0.02-0.04; the median
///   had read the lexicon as uninformative on short summaries, and links
///   then rested on length alone. Between languages the lexicon covers,
///   the measured informativeness is also weighed against a prior of an
///   informative lexicon ([`PRIOR_SAMPLES`]).
/// - Typical non-pairs: pairs a few sentences off the guide; the median.
/// - The null level: a sentence has one counterpart (two or three in a
///   merge), so all but the two best matches in its window cannot be
///   translations of it; they are its neighbours, sharing the story's
///   names and topic words. A link must be more alike than
///   [`NULL_QUANTILE`] of them.
pub fn calibrate(scorer: &Scorer, guide: &[usize]) -> (Calibration, Vec<(usize, usize)>) {
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
    // In a condensed relay the shorter side has sentences without a
    // counterpart too (a summary's own sentences, lines it rewrote), and
    // their best matches are non-pairs: the typical true pair is read
    // higher up, at the upper quartile for a relay that keeps a third.
    let q = 0.5 + TRUE_PAIR_QUANTILE_SHIFT * condensed;
    let true_pair = quantile(&mut sims, q).unwrap_or(0.5).max(non_pair + 0.02);
    // Where the lexicon covers the language pair, a true pair shares its
    // words: a few samples (a short summary, its own lines among them) do
    // not make the lexicon uninformative. Their estimate is weighed against
    // that prior as if it had come from PRIOR_SAMPLES pairs.
    let measured_true_pair = true_pair;
    let true_pair = if scorer.a.lang.is_known() && scorer.b.lang.is_known() {
        let span = scorer.params.informative_span;
        let n = sims.len() as f32;
        let measured = ((true_pair - non_pair) / span).clamp(0.0, 1.0);
        let shrunk = (n * measured + PRIOR_SAMPLES) / (n + PRIOR_SAMPLES);
        true_pair.max(non_pair + shrunk * span)
    } else {
        true_pair
    };
    let null = quantile(&mut null_sims, NULL_QUANTILE)
        .unwrap_or(non_pair)
        .max(non_pair);
    // The verdict on whole documents rests on what they show, not on the
    // prior.
    let best_match = median(&mut best_anywhere)
        .unwrap_or(measured_true_pair)
        .max(measured_true_pair);
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

/// How many sampled pairs the prior of an informative lexicon weighs, for
/// the languages with one (see [`calibrate`]): a story of eight sentences
/// weighs its own evidence as much as the prior. Measured on the
/// summary-worded relays: link precision of the bundled stories'
/// 0.917 / 0.933 / 0.892 -> 0.930 / 0.944 / 0.933, recall +0.007-0.023;
/// every set of more than a few dozen sentences unchanged.
const PRIOR_SAMPLES: f32 = 8.0;

/// How far up the true-pair quantile moves from the median in a condensed
/// relay (see [`calibrate`]).
const TRUE_PAIR_QUANTILE_SHIFT: f32 = 0.25;

/// The share of non-pairs a link must be more alike than.
const NULL_QUANTILE: f32 = 0.95;

fn quantile(v: &mut [f32], q: f32) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[((v.len() - 1) as f32 * q).round() as usize])
}

fn median(v: &mut [f32]) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}
