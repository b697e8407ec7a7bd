//! One-by-one gaps: after the monotone pass, a sentence left out on each
//! side between the same two links (or between a link and the start or end
//! of both documents) is, by its position, most likely the other's
//! translation: a relay that keeps both neighbours and writes one sentence
//! between them. The cost model does not link such a pair when its words
//! do not show it (short conversational lines, idioms the lexicon lacks, a
//! drifted translation whose drift the scorer is there to flag), because a
//! link must rest on evidence of its own; the position is that evidence
//! here. The pair is linked unless its lengths rule it out or its words
//! speak against it: several translatable words on each side of which none
//! explains the other.
//!
//! Measured on relays that keep 30-60 % (FLORES, WMT articles, the bundled
//! stories, built as `parallax-eval alignment` builds its condensed relays;
//! read with a diagnostic not kept in the repository): 95 % of such gaps
//! with fitting lengths are true pairs; the false ones are mostly a
//! sentence inserted beside one deleted. Summaries add lines of their own
//! beside the ones they drop, so in a condensed alignment a pair with
//! words to tell must also rise above the story's null level (summary-
//! worded relays: link precision +0.02 on FLORES, +0.002-0.005 on the
//! bundled stories and WMT, recall unchanged).
//!
//! Uneven gaps (one sentence on one side, two on the other; see `uneven`)
//! are linked the same way, one pair of the two: WMT generaltest2022 with
//! hard-case edits, strict F1 0.971 -> 0.976 (the pair beside an inserted
//! line); the summaries of the bundled stories, de-en link precision
//! 0.933 -> 0.932; every other set unchanged or up by 0.001-0.002.

use super::Bead;
use super::cost::{PairEvidence, Scorer};

/// A gap pair whose lengths are less likely than this under the length
/// model (two-sided) is not linked.
pub(super) const MIN_LENGTH_P: f32 = 0.01;

/// An excerpt: the share of the shorter sentence's translatable words the
/// longer one explains.
const EXCERPT_SHARE: f32 = 0.75;

/// With at least this many translatable words on each side and not one
/// explained, the words speak against the pair.
pub(super) const TELLING_WORDS: usize = 3;

/// Links the one-by-one gaps of `beads` (in A order, as the programme and
/// [`super::moved`] leave them).
pub fn fill(mut beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let anchor = |b: &Bead| !b.is_skip() && !b.moved;
    let mut k = 0;
    while k + 1 < beads.len() {
        let (x, y) = (&beads[k], &beads[k + 1]);
        let opposite = x.is_skip() && y.is_skip() && x.a.is_empty() != y.a.is_empty();
        let before = k == 0 || anchor(&beads[k - 1]);
        let after = k + 2 == beads.len() || anchor(&beads[k + 2]);
        // Half a gap: one link on one side only, the relay's next sentence
        // beside the first of several the source has there (a passage the
        // relay left out starts after it). The position says less, so the
        // words must speak for the pair.
        let whole = opposite && before && after;
        let half = opposite && (before || after) && !whole;
        if !whole && !half {
            k += 1;
            continue;
        }
        let i = if x.a.is_empty() { y.a.start } else { x.a.start };
        let j = if x.b.is_empty() { y.b.start } else { x.b.start };
        let link = position_evidence(scorer, i, j).filter(|e| !half || words_for(scorer, i, j, e));
        if let Some(sim) = link.map(|e| e.similarity) {
            let neighbours = neighbour_confidence(&beads, k, k + 2);
            beads[k] = Bead {
                a: i..i + 1,
                b: j..j + 1,
                score: sim,
                moved: false,
                confidence: super::confidence::POSITION * neighbours,
            };
            beads.remove(k + 1);
        }
        k += 1;
    }
    uneven(beads, scorer)
}

/// Uneven gaps: one sentence on one side and two adjacent ones on the
/// other between the same two links. In a faithful translation this is
/// mostly a pair beside a sentence one side added (or dropped): the single
/// sentence is linked to whichever of the two its position allows (as a
/// one-by-one gap's pair), the one with more evidence first, then the one
/// whose length fits better; the other stays alone. With two candidates
/// the position says half as much: the link has half a one-by-one gap's
/// confidence, and a pair with words to tell must rise above the story's
/// null level (two long sentences that share nothing are a deleted and an
/// inserted one, not a pair). In a condensed alignment, where a kept sentence stands as
/// often beside the relay's own, the words must speak for the pair.
fn uneven(mut beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let anchor = |b: &Bead| !b.is_skip() && !b.moved;
    let mut k = 0;
    while k + 2 < beads.len() {
        let run = &beads[k..k + 3];
        let before = k == 0 || anchor(&beads[k - 1]);
        let after = k + 3 == beads.len() || anchor(&beads[k + 3]);
        if !(run.iter().all(Bead::is_skip) && before && after) {
            k += 1;
            continue;
        }
        let a: Vec<usize> = run.iter().flat_map(|b| b.a.clone()).collect();
        let b: Vec<usize> = run.iter().flat_map(|b| b.b.clone()).collect();
        let pairs: Vec<(usize, usize)> = match (a.as_slice(), b.as_slice()) {
            (&[i], &[j0, j1]) if j1 == j0 + 1 => vec![(i, j0), (i, j1)],
            (&[i0, i1], &[j]) if i1 == i0 + 1 => vec![(i0, j), (i1, j)],
            _ => {
                k += 1;
                continue;
            }
        };
        let best = pairs
            .iter()
            .filter_map(|&(i, j)| {
                let e = position_evidence(scorer, i, j)?;
                let shows = !telling(&e) || e.similarity > scorer.calibration.null;
                let speaks = !scorer.condensed || words_for(scorer, i, j, &e);
                let (la, lb) = (scorer.a.lengths[i], scorer.b.lengths[j]);
                let misfit = scorer.length.cost(la as usize, lb as usize);
                (shows && speaks).then_some((i, j, e.similarity, misfit))
            })
            .max_by(|x, y| x.2.total_cmp(&y.2).then(y.3.total_cmp(&x.3)));
        let Some((i, j, sim, _)) = best else {
            k += 1;
            continue;
        };
        let neighbours = neighbour_confidence(&beads, k, k + 3);
        let link = Bead {
            a: i..i + 1,
            b: j..j + 1,
            score: sim,
            moved: false,
            confidence: super::confidence::POSITION * super::confidence::POSITION * neighbours,
        };
        // The one left alone keeps its own bead, before or after the link
        // on its side.
        let (lone, first) = if a.len() == 1 {
            let o = if b[0] == j { b[1] } else { b[0] };
            (run.iter().find(|x| x.b.contains(&o)), o < j)
        } else {
            let o = if a[0] == i { a[1] } else { a[0] };
            (run.iter().find(|x| x.a.contains(&o)), o < i)
        };
        let Some(lone) = lone.cloned() else {
            k += 1;
            continue;
        };
        let new = if first { [lone, link] } else { [link, lone] };
        beads.splice(k..k + 3, new);
        k += 2;
    }
    beads
}

/// The lower confidence of the beads at `before - 1` and `after` (those
/// that exist): a link made by position is no surer than its neighbours.
fn neighbour_confidence(beads: &[Bead], before: usize, after: usize) -> f32 {
    [before.checked_sub(1), Some(after)]
        .into_iter()
        .flatten()
        .filter_map(|n| beads.get(n))
        .map(|b| b.confidence)
        .fold(1.0f32, f32::min)
}

/// Have both sentences words to tell: at least [`TELLING_WORDS`]
/// translatable words each?
fn telling(e: &PairEvidence) -> bool {
    e.translatable.0.min(e.translatable.1) >= TELLING_WORDS
}

/// Is the shorter of two sentences whose lengths do not fit an excerpt of
/// the longer, cut off mid-sentence (a relay that shortens a line, "… were
/// engaged in subsistence agriculture and this"): at least
/// [`TELLING_WORDS`] of its translatable words, and [`EXCERPT_SHARE`] of
/// them, explained by the longer one.
pub(super) fn excerpt(scorer: &Scorer, i: usize, j: usize, e: &PairEvidence) -> bool {
    let (done, all) = shorter(scorer, i, j, e);
    done >= TELLING_WORDS && done as f32 >= EXCERPT_SHARE * all as f32
}

/// Do the words of A sentence `i` and B sentence `j` speak for the pair:
/// at least [`TELLING_WORDS`] of the shorter one's translatable words, and
/// half of them, explained by the other?
fn words_for(scorer: &Scorer, i: usize, j: usize, e: &PairEvidence) -> bool {
    let (done, all) = shorter(scorer, i, j, e);
    done >= TELLING_WORDS && 2 * done >= all
}

/// Of A sentence `i` and B sentence `j`, the shorter one's translatable
/// words the other explains, and all of them.
fn shorter(scorer: &Scorer, i: usize, j: usize, e: &PairEvidence) -> (usize, usize) {
    let (la, lb) = (scorer.a.lengths[i] as f64, scorer.b.lengths[j] as f64);
    if la * scorer.length.ratio > lb {
        (e.translated.1, e.translatable.1)
    } else {
        (e.translated.0, e.translatable.0)
    }
}

/// The similarity of A sentence `i` and B sentence `j` when their position
/// may link them, `None` when their lengths or words rule it out.
pub(super) fn position_link(scorer: &Scorer, i: usize, j: usize) -> Option<f32> {
    position_evidence(scorer, i, j).map(|e| e.similarity)
}

/// What A sentence `i` and B sentence `j` show of each other when their
/// position may link them (see [`position_link`]).
fn position_evidence(scorer: &Scorer, i: usize, j: usize) -> Option<PairEvidence> {
    let (la, lb) = (scorer.a.lengths[i] as usize, scorer.b.lengths[j] as usize);
    let evidence = scorer.pair_evidence(i, j);
    if scorer.length.cost(la, lb) > -MIN_LENGTH_P.ln() && !excerpt(scorer, i, j, &evidence) {
        return None;
    }
    let telling = telling(&evidence);
    if telling && evidence.explained == 0 {
        return None;
    }
    // In a condensed relay a sentence beside a left-out one is as often
    // the relay's own (a summary's added line beside the source's dropped
    // one): there a pair with words to tell needs some evidence of its
    // own, above the story's null level.
    if telling && scorer.condensed && evidence.similarity <= scorer.calibration.null {
        return None;
    }
    Some(evidence)
}
