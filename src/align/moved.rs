//! Moved passages: after the monotone pass, sentences left unaligned on both
//! sides that have strong evidence for each other are a passage the relay
//! moved (the original's closing line became the lead). Candidates are the
//! pairs that share a key rare in both documents (a name, a number, a date,
//! an identical string), plus, in documents small enough, every pair of
//! unaligned sentences; a pair is kept when its lexical similarity reaches a
//! typical true pair's of the document, and each sentence joins at most one
//! pair (best first). Every sentence stays in exactly one bead: the moved
//! pair replaces the two 1-0 and 0-1 beads.

use crate::hash::FastMap as HashMap;

use super::Bead;
use super::cost::Scorer;

/// Below this many candidate pairs, every unaligned pair is compared.
const ALL_PAIRS: usize = 40_000;
/// A key shared by more unaligned sentences than this is not rare.
const RARE: usize = 3;
/// The rescaled similarity a moved pair needs (1 = a typical true pair of
/// the document, 0 = a typical non-pair).
const MIN_Z: f32 = 0.8;

/// Pairs the unaligned sentences of `beads` into moved beads.
pub fn find(beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let lone_a: Vec<usize> = beads
        .iter()
        .filter(|b| b.b.is_empty())
        .flat_map(|b| b.a.clone())
        .collect();
    let lone_b: Vec<usize> = beads
        .iter()
        .filter(|b| b.a.is_empty())
        .flat_map(|b| b.b.clone())
        .collect();
    if lone_a.is_empty() || lone_b.is_empty() {
        return beads;
    }
    // Candidate pairs.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    if lone_a.len() * lone_b.len() <= ALL_PAIRS {
        for &i in &lone_a {
            candidates.extend(lone_b.iter().map(|&j| (i, j)));
        }
    } else {
        // The shared keys of the unaligned sentences (names, numbers,
        // identical strings), one sentence at a time: only the keys are kept.
        let mut by_key: HashMap<u64, Vec<usize>> = HashMap::default();
        for &j in &lone_b {
            for k in scorer.analyse_b(j).shared_keys() {
                by_key.entry(k).or_default().push(j);
            }
        }
        for &i in &lone_a {
            for k in scorer.analyse_a(i).shared_keys() {
                if let Some(js) = by_key.get(&k).filter(|js| js.len() <= RARE) {
                    candidates.extend(js.iter().map(|&j| (i, j)));
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
    }
    // Scored, best first; each sentence once.
    let analysed_a: HashMap<usize, _> = candidates
        .iter()
        .map(|&(i, _)| i)
        .map(|i| (i, scorer.analyse_a(i)))
        .collect();
    let analysed_b: HashMap<usize, _> = candidates
        .iter()
        .map(|&(_, j)| j)
        .map(|j| (j, scorer.analyse_b(j)))
        .collect();
    let mut scored: Vec<(f32, usize, usize)> = candidates
        .iter()
        .map(|&(i, j)| {
            (
                scorer.pair_similarity(&analysed_a[&i], &analysed_b[&j]),
                i,
                j,
            )
        })
        .filter(|&(sim, _, _)| scorer.calibration.rescale(sim) >= MIN_Z)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut pair_of_a: HashMap<usize, (usize, f32)> = HashMap::default();
    let mut taken_b: Vec<usize> = Vec::new();
    for (sim, i, j) in scored {
        if !pair_of_a.contains_key(&i) && !taken_b.contains(&j) {
            pair_of_a.insert(i, (j, sim));
            taken_b.push(j);
        }
    }
    if pair_of_a.is_empty() {
        return beads;
    }
    beads
        .into_iter()
        .filter(|b| !(b.a.is_empty() && taken_b.contains(&b.b.start)))
        .map(|b| match pair_of_a.get(&b.a.start) {
            Some(&(j, sim)) if b.b.is_empty() && b.a.len() == 1 => Bead {
                a: b.a,
                b: j..j + 1,
                score: sim,
                moved: true,
                confidence: super::confidence::evidence(sim, &scorer.calibration),
            },
            _ => b,
        })
        .collect()
}
