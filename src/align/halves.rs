//! Split halves: a translation that splits one sentence in two ("In spite
//! of that." / "Some small praise: …" for „Trotzdem ein kleines Lob: …“)
//! often leaves one half with nothing the lexicon can show: a few function
//! words, an idiom. A merge must rest on evidence of each of its sentences
//! (`Scorer::merge_evidence`), so that half stays alone, and the scorer
//! calls it an added sentence. After the other passes, in a faithful (not
//! condensed) alignment, a lone sentence between two links on both sides
//! joins the one-to-one link beside it when
//! - it is **silent**: fewer than `TELLING_WORDS` of its content words
//!   have a translation, so the absence of evidence says nothing, and
//! - the **lengths** show it: the link's two sides fit clearly better with
//!   it than without it (twice as likely), and fit well enough.
//!
//! The position is the evidence, so the grown bead keeps
//! [`super::confidence::POSITION`] of its link's confidence: scoring makes
//! no replacement claim on it. Condensed relays are left as they are: there
//! a lone sentence beside a link is more often one the relay dropped or
//! added.
//!
//! Measured on WMT generaltest2022 with hard-case edits (conversational
//! lines, split and merged): strict F1 0.976 -> 0.980; Text+Berg (de-fr,
//! no French dictionary, so every sentence is silent and the lengths
//! decide), learned: 0.834 -> 0.840; every other set of `parallax-eval
//! alignment` and every divergence table unchanged. Without the
//! twice-as-likely rule a dropped "Mehr nicht." joined its neighbour in a
//! bundled story.

use super::Bead;
use super::cost::Scorer;
use super::gaps::{MIN_LENGTH_P, TELLING_WORDS};

/// The grown bead's lengths must be at least twice as likely as the
/// link's alone (in the length model's −ln p): a short line the other
/// version dropped changes the fit of its neighbour little either way.
const MIN_GAIN: f32 = std::f32::consts::LN_2;

/// Joins silent lone sentences to the one-to-one link beside them (see the
/// module documentation).
pub fn attach(mut beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    if scorer.condensed {
        return beads;
    }
    let link = |b: &Bead| !b.is_skip() && !b.moved;
    let one_to_one = |b: &Bead| link(b) && b.a.len() == 1 && b.b.len() == 1;
    let mut k = 0;
    while k < beads.len() {
        let bead = &beads[k];
        let lone_a = bead.b.is_empty() && bead.a.len() == 1;
        let lone_b = bead.a.is_empty() && bead.b.len() == 1;
        let isolated = (k == 0 || link(&beads[k - 1])) && beads.get(k + 1).is_none_or(link);
        if !(lone_a || lone_b) || !isolated {
            k += 1;
            continue;
        }
        let s = if lone_a { bead.a.start } else { bead.b.start };
        // The links beside it on its own side: before (ending right before
        // it) and after (starting right after it).
        let sides = |b: &Bead| if lone_a { b.a.clone() } else { b.b.clone() };
        let neighbours = [
            k.checked_sub(1)
                .filter(|&n| one_to_one(&beads[n]) && sides(&beads[n]).end == s),
            Some(k + 1).filter(|&n| {
                beads
                    .get(n)
                    .is_some_and(|b| one_to_one(b) && sides(b).start == s + 1)
            }),
        ];
        let best = neighbours
            .into_iter()
            .flatten()
            .filter_map(|n| gain(scorer, &beads[n], s, lone_a).map(|g| (n, g)))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let Some((n, _)) = best else {
            k += 1;
            continue;
        };
        let grown = {
            let l = &beads[n];
            let (mut a, mut b) = (l.a.clone(), l.b.clone());
            let grow = |r: &mut std::ops::Range<usize>| {
                *r = r.start.min(s)..r.end.max(s + 1);
            };
            if lone_a {
                grow(&mut a)
            } else {
                grow(&mut b)
            }
            Bead {
                a,
                b,
                score: l.score,
                moved: false,
                confidence: super::confidence::POSITION * l.confidence,
            }
        };
        beads[n] = grown;
        beads.remove(k);
        // The grown bead stands at k - 1 or k: look on from there.
    }
    beads
}

/// How much better the lengths of link `l` fit with lone sentence `s` (on
/// side A when `on_a`) than without it, when `s` is silent and the grown
/// bead fits well enough; `None` otherwise.
fn gain(scorer: &Scorer, l: &Bead, s: usize, on_a: bool) -> Option<f32> {
    let (i, j) = (l.a.start, l.b.start);
    let (la, lb) = (scorer.a.lengths[i] as usize, scorer.b.lengths[j] as usize);
    let before = scorer.length.cost(la, lb);
    let after = if on_a {
        scorer.length.cost(la + scorer.a.lengths[s] as usize, lb)
    } else {
        scorer.length.cost(la, lb + scorer.b.lengths[s] as usize)
    };
    let gain = before - after;
    if gain < MIN_GAIN || after > -MIN_LENGTH_P.ln() {
        return None;
    }
    // Only then analyse: is `s` silent?
    let translatable = if on_a {
        scorer.pair_evidence(s, j).translatable.0
    } else {
        scorer.pair_evidence(i, s).translatable.1
    };
    (translatable < TELLING_WORDS).then_some(gain)
}
