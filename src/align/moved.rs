//! Moved passages: after the monotone pass, sentences left unaligned on both
//! sides that have strong evidence for each other are a passage the relay
//! moved (the original's closing lines became the lead).
//!
//! The unit is the passage: a run of sentences adjacent on each side, in
//! the same order, that together explain each other. Candidates are the
//! pairs that share a key rare in both documents (a name, a number, a date,
//! an identical string), plus, in documents small enough, every pair of
//! unaligned sentences; each candidate grows along the diagonal while the
//! next pair of unaligned sentences is also more alike than the story's
//! null level. A run keeps its longest stretch from the start whose mean
//! rescaled similarity reaches [`MIN_Z`] for one pair (a single sentence
//! needs the evidence of a typical true pair) or [`MIN_Z_RUN`] for two or
//! more: two adjacent pairs that each beat what 95 % of non-pairs reach
//! are rare by chance, and a passage of short sentences whose keys are
//! common words is where single pairs fall short (a weak pair after a
//! strong one does not sink the strong one); every candidate may start a
//! run. A pair that fails so is still taken when the shorter sentence is
//! an excerpt of the longer (a line cut off mid-sentence: three or more of
//! its translatable words, and three quarters of them, explained; see
//! `gaps`). Where a pair fails alone, the bead of it and the next sentence of
//! either side is tried as one moved sentence the relay merged from two
//! (or split), under [`MIN_Z`] (a merge needs evidence for each of its
//! sentences, see `Scorer::merge_evidence`). Runs are taken best first (by
//! total evidence), then the merged beads, each sentence once. Then the
//! passage grows by position: the unaligned pair just before or after a
//! moved bead, on both sides, is linked when its lengths fit and its words
//! do not speak against it, as `gaps` links a one-by-one gap ("Yes." /
//! „Ja.“ inside a moved interview passage), with half its neighbour's
//! confidence, or else as a merged bead with evidence. Every sentence
//! stays in exactly one bead: the moved pairs replace the 1-0 and 0-1
//! beads.
//!
//! Measured on the condensed relays of `parallax-eval alignment` (30-60 %
//! kept, one passage moved): these rules (with `rival`) raised the recall
//! of moved links from 0.86/0.91/0.86 to 0.92/0.94/0.92 (bg-de/bg-en/
//! de-en), link precision 0.984/0.989/0.983 to 0.987/0.992/0.985. The
//! excerpt rule raised moved recall from 0.942/0.950/0.948 to
//! 0.962/0.964/0.948, link precision -0.001.

use std::ops::Range;

use crate::hash::FastMap as HashMap;

use super::Bead;
use super::cost::Scorer;

/// Below this many candidate pairs, every unaligned pair is compared.
const ALL_PAIRS: usize = 40_000;
/// A key shared by more unaligned sentences than this is not rare.
const RARE: usize = 3;
/// The mean rescaled similarity a moved pair alone needs (1 = a typical
/// true pair of the document, 0 = a typical non-pair).
pub(super) const MIN_Z: f32 = 0.65;
/// The mean a run of two or more adjacent pairs needs, each pair above
/// the null level.
const MIN_Z_RUN: f32 = 0.5;

/// A moved bead grown by a merge: its new ranges, similarity, the sentence
/// taken in and whether it is an A sentence.
type Extension = (Range<usize>, Range<usize>, f32, usize, bool);

/// The sentences of A (`on_a`) or of B that `beads` leave without a
/// partner, sorted.
pub(super) fn lone(beads: &[Bead], on_a: bool) -> Vec<usize> {
    let mut ids: Vec<usize> = beads
        .iter()
        .filter(|b| if on_a { b.b.is_empty() } else { b.a.is_empty() })
        .flat_map(|b| if on_a { b.a.clone() } else { b.b.clone() })
        .collect();
    ids.sort_unstable();
    ids
}

/// The best of the merged beads `shapes` (A range, B range) that has
/// evidence for each of its sentences (`Scorer::merge_evidence`) and whose
/// similarity `accept` takes.
fn best_merge(
    scorer: &Scorer,
    shapes: impl IntoIterator<Item = (Range<usize>, Range<usize>)>,
    accept: impl Fn(f32) -> bool,
) -> Option<(Range<usize>, Range<usize>, f32)> {
    shapes
        .into_iter()
        .filter_map(|(a, b)| {
            let ms = scorer.merge_evidence(a.clone(), b.clone())?;
            accept(ms).then_some((a, b, ms))
        })
        .max_by(|x, y| x.2.total_cmp(&y.2))
}

/// The pairs of A sentences `xs` and B sentences `ys` (both sorted) worth
/// comparing: every pair when there are few enough, else the pairs that
/// share a key (a name, a number, a date, an identical string: `keys_a`,
/// `keys_b` of a sentence) that at most [`RARE`] sentences of `ys` have.
pub(super) fn candidate_pairs(
    xs: &[usize],
    ys: &[usize],
    keys_a: impl Fn(usize) -> Vec<u64>,
    keys_b: impl Fn(usize) -> Vec<u64>,
) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    if xs.len() * ys.len() <= ALL_PAIRS {
        for &i in xs {
            candidates.extend(ys.iter().map(|&j| (i, j)));
        }
        return candidates;
    }
    // The shared keys of the B sentences, one sentence at a time: only the
    // keys are kept.
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::default();
    for &j in ys {
        for k in keys_b(j) {
            by_key.entry(k).or_default().push(j);
        }
    }
    for &i in xs {
        for k in keys_a(i) {
            if let Some(js) = by_key.get(&k).filter(|js| js.len() <= RARE) {
                candidates.extend(js.iter().map(|&j| (i, j)));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Pairs the unaligned sentences of `beads` into moved beads.
pub fn find(beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let (lone_a, lone_b) = (lone(&beads, true), lone(&beads, false));
    if lone_a.is_empty() || lone_b.is_empty() {
        return beads;
    }
    let candidates = candidate_pairs(
        &lone_a,
        &lone_b,
        |i| scorer.analyse_a(i).shared_keys(),
        |j| scorer.analyse_b(j).shared_keys(),
    );
    let is_lone_a = |i: usize| lone_a.binary_search(&i).is_ok();
    let is_lone_b = |j: usize| lone_b.binary_search(&j).is_ok();
    // Similarities, computed once per pair (candidates and their diagonal
    // neighbours).
    let mut sims: HashMap<(usize, usize), f32> = HashMap::default();
    let mut analysed_a: HashMap<usize, crate::analyse::Analysed> = HashMap::default();
    let mut analysed_b: HashMap<usize, crate::analyse::Analysed> = HashMap::default();
    let mut sim = |i: usize, j: usize| -> f32 {
        *sims.entry((i, j)).or_insert_with(|| {
            let x = analysed_a.entry(i).or_insert_with(|| scorer.analyse_a(i));
            let y = analysed_b.entry(j).or_insert_with(|| scorer.analyse_b(j));
            scorer.pair_similarity(x, y)
        })
    };
    let cal = scorer.calibration;
    let evident = |s: f32| s > cal.null;
    // Runs through each candidate above the null level, grown both ways.
    let mut runs: Vec<(f32, usize, usize, usize)> = Vec::new(); // (sum z, i0, j0, len)
    // Merged moved beads: (z, A range, B range, similarity).
    let mut merged_runs: Vec<(f32, Range<usize>, Range<usize>, f32)> = Vec::new();
    for &(i, j) in &candidates {
        let s = sim(i, j);
        if !evident(s) {
            continue;
        }
        // The rescaled similarity of each pair along the diagonal.
        let mut zs = vec![cal.rescale(s)];
        while is_lone_a(i + zs.len()) && is_lone_b(j + zs.len()) {
            let s = sim(i + zs.len(), j + zs.len());
            if !evident(s) {
                break;
            }
            zs.push(cal.rescale(s));
        }
        // The longest stretch from the start that passes its test: a weak
        // pair after a strong one does not sink the strong one.
        let passing = (1..=zs.len()).rev().find(|&len| {
            let need = if len == 1 { MIN_Z } else { MIN_Z_RUN };
            zs[..len].iter().sum::<f32>() / len as f32 >= need
        });
        // A line the relay cut off mid-sentence ("The next council session
        // is scheduled"): its words are nearly all in the whole sentence,
        // which has more of its own, so the pair's similarity falls short.
        let passing = passing.or_else(|| {
            super::gaps::excerpt(scorer, i, j, &scorer.pair_evidence(i, j)).then_some(1)
        });
        if let Some(len) = passing {
            runs.push((zs[..len].iter().sum(), i, j, len));
        } else {
            // A sentence the relay merged from two (or split in two): the
            // pair alone explains too little, the merged bead enough.
            let shapes = [(i..i + 2, j..j + 1), (i..i + 1, j..j + 2)]
                .into_iter()
                .filter(|(a, b)| a.clone().all(is_lone_a) && b.clone().all(is_lone_b));
            if let Some((a, b, ms)) = best_merge(scorer, shapes, |ms| cal.rescale(ms) >= MIN_Z) {
                merged_runs.push((cal.rescale(ms), a, b, ms));
            }
        }
    }
    runs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    merged_runs.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1.start, x.2.start).cmp(&(y.1.start, y.2.start)))
    });
    let mut taken_a: Vec<usize> = Vec::new();
    let mut taken_b: Vec<usize> = Vec::new();
    // Moved beads: A range, B range, similarity.
    let mut found: Vec<(Range<usize>, Range<usize>, f32)> = Vec::new();
    for (_, i, j, len) in runs {
        let free = (0..len).all(|k| !taken_a.contains(&(i + k)) && !taken_b.contains(&(j + k)));
        if !free {
            continue;
        }
        for k in 0..len {
            taken_a.push(i + k);
            taken_b.push(j + k);
            found.push((i + k..i + k + 1, j + k..j + k + 1, sim(i + k, j + k)));
        }
    }
    for (_, a, b, ms) in merged_runs {
        if a.clone().any(|i| taken_a.contains(&i)) || b.clone().any(|j| taken_b.contains(&j)) {
            continue;
        }
        taken_a.extend(a.clone());
        taken_b.extend(b.clone());
        found.push((a, b, ms));
    }
    // A sentence of the passage merged with its neighbour: the bead at
    // either end of a run takes in an adjacent unaligned sentence when that
    // sentence has evidence of its own and the bead explains more with it.
    for f in found.iter_mut() {
        let (a, b, s) = f.clone();
        let options = [
            (
                a.start.wrapping_sub(1)..a.end,
                b.clone(),
                a.start.wrapping_sub(1),
                true,
            ),
            (a.start..a.end + 1, b.clone(), a.end, true),
            (
                a.clone(),
                b.start.wrapping_sub(1)..b.end,
                b.start.wrapping_sub(1),
                false,
            ),
            (a.clone(), b.start..b.end + 1, b.end, false),
        ];
        let mut best: Option<Extension> = None;
        for (na, nb, extra, on_a) in options {
            let free = if on_a {
                is_lone_a(extra) && !taken_a.contains(&extra)
            } else {
                is_lone_b(extra) && !taken_b.contains(&extra)
            };
            if !free {
                continue;
            }
            if let Some(ms) = scorer.merge_evidence(na.clone(), nb.clone())
                && ms > s
                && best.as_ref().is_none_or(|x| ms > x.2)
            {
                best = Some((na, nb, ms, extra, on_a));
            }
        }
        if let Some((na, nb, ms, extra, on_a)) = best {
            if on_a {
                taken_a.push(extra);
            } else {
                taken_b.push(extra);
            }
            *f = (na, nb, ms);
        }
    }
    // The passage as the unit: a pair of unaligned sentences adjacent to a
    // moved bead on both sides, in the same order, is linked by that
    // position when its lengths fit and its words do not speak against it
    // (as `gaps` links a one-by-one gap), so the short lines of a moved
    // passage whose keys are common words follow their neighbours.
    let cal = &scorer.calibration;
    let mut confidence: Vec<f32> = found
        .iter()
        .map(|f| super::confidence::evidence(f.2, cal))
        .collect();
    let mut k = 0;
    while k < found.len() {
        let (a, b) = (found[k].0.clone(), found[k].1.clone());
        let next = [
            (a.end, b.end),
            (a.start.wrapping_sub(1), b.start.wrapping_sub(1)),
        ];
        for (forward, (i, j)) in [true, false].into_iter().zip(next) {
            let free_a = |i: usize| is_lone_a(i) && !taken_a.contains(&i);
            let free_b = |j: usize| is_lone_b(j) && !taken_b.contains(&j);
            if !(free_a(i) && free_b(j)) {
                continue;
            }
            if let Some(s) = super::gaps::position_link(scorer, i, j) {
                taken_a.push(i);
                taken_b.push(j);
                found.push((i..i + 1, j..j + 1, s));
                confidence.push(super::confidence::POSITION * confidence[k]);
                continue;
            }
            // Two sentences the relay merged into one: a 2-1 or 1-2 bead
            // with evidence for each merged sentence.
            let further = |x: usize| {
                if forward {
                    x.checked_add(1)
                } else {
                    x.checked_sub(1)
                }
            };
            let span = |x: usize, y: usize| x.min(y)..x.max(y) + 1;
            let mut shapes = Vec::new();
            if let Some(i2) = further(i).filter(|&i2| free_a(i2)) {
                shapes.push((span(i, i2), j..j + 1));
            }
            if let Some(j2) = further(j).filter(|&j2| free_b(j2)) {
                shapes.push((i..i + 1, span(j, j2)));
            }
            if let Some((na, nb, ms)) = best_merge(scorer, shapes, evident) {
                taken_a.extend(na.clone());
                taken_b.extend(nb.clone());
                found.push((na, nb, ms));
                confidence.push(super::confidence::evidence(ms, cal));
            }
        }
        k += 1;
    }
    if found.is_empty() {
        return beads;
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| found[k].0.start);
    let found: Vec<_> = order.iter().map(|&k| found[k].clone()).collect();
    let confidence: Vec<f32> = order.iter().map(|&k| confidence[k]).collect();
    // A pair that fits between its neighbouring links (and the late links
    // before it, taken in A order) is a late link, not a moved passage.
    let mut anchors: Vec<(usize, usize)> = beads
        .iter()
        .filter(|b| !b.is_skip() && !b.moved)
        .map(|b| (b.a.start, b.b.start))
        .collect();
    let mut late = vec![false; found.len()];
    for (f, late) in found.iter().zip(late.iter_mut()) {
        let (a, b) = (&f.0, &f.1);
        let k = anchors.partition_point(|&(i, _)| i < a.start);
        let after_prev = k == 0 || anchors[k - 1].1 < b.start;
        let before_next = k == anchors.len() || anchors[k].1 >= b.end;
        if after_prev && before_next {
            *late = true;
            anchors.insert(k, (a.start, b.start));
        }
    }
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        if bead.is_skip() && bead.a.is_empty() && taken_b.contains(&bead.b.start) {
            continue;
        }
        if bead.is_skip() && bead.b.is_empty() && taken_a.contains(&bead.a.start) {
            if let Some(k) = found.iter().position(|f| f.0.start == bead.a.start) {
                let (a, b, s) = found[k].clone();
                out.push(Bead {
                    a,
                    b,
                    score: s,
                    moved: !late[k],
                    confidence: confidence[k],
                });
            }
            continue;
        }
        out.push(bead);
    }
    if late.contains(&true) {
        in_b_order(out)
    } else {
        out
    }
}

/// Beads stay in A order, and the beads that are not moved in B order too.
/// A late link stands at its A sentence's place, which can come after a
/// sentence of B left alone beyond it. Where that breaks the B order, each
/// lone B sentence moves to just before the first link that follows it in
/// B; where it does not, the beads stay as the programme put them.
fn in_b_order(beads: Vec<Bead>) -> Vec<Bead> {
    let ordered = |beads: &[Bead]| {
        let mut next = 0;
        beads
            .iter()
            .filter(|b| !b.moved && !b.b.is_empty())
            .all(|b| {
                let ok = b.b.start >= next;
                next = b.b.end;
                ok
            })
    };
    if ordered(&beads) {
        return beads;
    }
    place_lone_b(beads)
}

/// `beads` (the ones with an A side in A order) with each lone B sentence
/// just before the first link that is not moved and follows it in B.
pub(super) fn place_lone_b(beads: Vec<Bead>) -> Vec<Bead> {
    let (mut lone_b, rest): (Vec<Bead>, Vec<Bead>) =
        beads.into_iter().partition(|b| b.a.is_empty());
    lone_b.sort_by_key(|b| b.b.start);
    let mut lone_b = lone_b.into_iter().peekable();
    let mut out = Vec::with_capacity(rest.len() + lone_b.len());
    for bead in rest {
        if !bead.moved && !bead.b.is_empty() {
            while let Some(x) = lone_b.next_if(|x| x.b.start < bead.b.start) {
                out.push(x);
            }
        }
        out.push(bead);
    }
    out.extend(lone_b);
    out
}
