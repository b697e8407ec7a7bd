//! The first pass: a guide path through the alignment matrix from anchors,
//! sentence pairs that share evidence rare on both sides (a number, a date, a
//! name or an identical string occurring at most twice in each document). The
//! heaviest chain of anchors increasing on both sides is kept and linearly
//! interpolated, so the full cost model only has to look near it.

use std::collections::HashMap;

use rayon::prelude::*;

use super::doc::Doc;
use crate::analyse::analyse_toward;
use crate::lexicon::Lexicon;

/// Per sentence, its distinct shared keys (names, numbers, dates, surfaces).
pub fn signatures(doc: &Doc, lexicon: &Lexicon) -> Vec<Vec<u64>> {
    doc.sentences
        .par_iter()
        .map(|s| {
            let a = analyse_toward(s, doc.lang, lexicon, &[]);
            let mut keys: Vec<u64> = a.shared.iter().map(|k| k.key.0).collect();
            keys.sort_unstable();
            keys.dedup();
            keys
        })
        .collect()
}

/// Anchor pairs `(i, j)`, ordered and increasing on both sides: the
/// heaviest chain among all candidates. A key is a candidate anchor where it
/// is rare in both documents (at most twice), or, for keys that recur (a
/// number in every report of a series, a text repeated), where it occurs
/// once on each side within a corridor around the diagonal.
pub fn chain(sig_a: &[Vec<u64>], sig_b: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let (n, m) = (sig_a.len(), sig_b.len());
    let positions = |sig: &[Vec<u64>]| {
        let mut at: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, keys) in sig.iter().enumerate() {
            for &k in keys {
                at.entry(k).or_default().push(i as u32);
            }
        }
        at
    };
    let (at_a, at_b) = (positions(sig_a), positions(sig_b));
    let corridor = CORRIDOR as i64;
    let common = (n.max(m) / 10).max(4);
    let mut score: HashMap<(u32, u32), f32> = HashMap::new();
    for (k, is) in &at_a {
        let Some(js) = at_b.get(k) else { continue };
        if is.len() <= 2 && js.len() <= 2 {
            let w = 1.0 / (is.len() * js.len()) as f32;
            for &i in is {
                for &j in js {
                    *score.entry((i, j)).or_default() += w;
                }
            }
        } else if is.len() <= common && js.len() <= common {
            for &i in is {
                let centre = (i as i64 * m as i64) / n.max(1) as i64;
                let lo = js.partition_point(|&j| (j as i64) < centre - corridor);
                let hi = js.partition_point(|&j| (j as i64) <= centre + corridor);
                if hi - lo == 1 {
                    *score.entry((i, js[lo])).or_default() += 0.5;
                }
            }
        }
    }
    let mut cands: Vec<((u32, u32), f32)> = score.into_iter().collect();
    cands.sort_unstable_by_key(|c| c.0);
    heaviest_chain(&cands, m)
}

/// Half-width, in sentences, of the corridor around the diagonal in which a
/// recurring key must occur once on each side to be an anchor.
const CORRIDOR: usize = 150;

/// Max-weight chain strictly increasing in both coordinates, O(k log m)
/// with a Fenwick tree of prefix maxima over `j`.
fn heaviest_chain(cands: &[((u32, u32), f32)], m: usize) -> Vec<(usize, usize)> {
    let mut tree: Vec<(f32, usize)> = vec![(0.0, usize::MAX); m + 1];
    let mut best: Vec<(f32, usize)> = vec![(0.0, usize::MAX); cands.len()];
    let query = |tree: &[(f32, usize)], mut j: usize| {
        let mut b = (0.0f32, usize::MAX);
        while j > 0 {
            if tree[j].0 > b.0 {
                b = tree[j];
            }
            j &= j - 1;
        }
        b
    };
    let mut start = 0;
    while start < cands.len() {
        // All candidates of one row are scored before any is inserted, so a
        // chain never takes two anchors from the same row.
        let i = cands[start].0.0;
        let end = start + cands[start..].iter().take_while(|c| c.0.0 == i).count();
        for (k, c) in cands.iter().enumerate().take(end).skip(start) {
            let prev = query(&tree, c.0.1 as usize);
            best[k] = (prev.0 + c.1, prev.1);
        }
        for (k, c) in cands.iter().enumerate().take(end).skip(start) {
            let mut j = c.0.1 as usize + 1;
            while j <= m {
                if best[k].0 > tree[j].0 {
                    tree[j] = (best[k].0, k);
                }
                j += j & j.wrapping_neg();
            }
        }
        start = end;
    }
    let mut k = (0..cands.len()).max_by(|&x, &y| best[x].0.total_cmp(&best[y].0).then(y.cmp(&x)));
    let mut out = Vec::new();
    while let Some(x) = k.filter(|&x| x != usize::MAX) {
        out.push((cands[x].0.0 as usize, cands[x].0.1 as usize));
        k = Some(best[x].1);
    }
    out.reverse();
    out
}

/// The guide: for each `i` in `0..=n`, the interpolated `j` of the anchor
/// chain (with the corners (0, 0) and (n, m) added).
pub fn guide(chain: &[(usize, usize)], n: usize, m: usize) -> Vec<usize> {
    let mut points = vec![(0usize, 0usize)];
    points.extend(chain.iter().map(|&(i, j)| (i, j)));
    points.push((n, m));
    let mut out = vec![0; n + 1];
    for w in points.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        for (i, slot) in out.iter_mut().enumerate().take(i1 + 1).skip(i0) {
            *slot = if i1 == i0 {
                j1
            } else {
                j0 + (j1 - j0) * (i - i0) / (i1 - i0)
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_skips_crossing_anchors() {
        let a = vec![vec![1], vec![2], vec![3], vec![4]];
        let b = vec![vec![1], vec![3], vec![2], vec![9], vec![4]];
        let c = chain(&a, &b);
        assert_eq!(c.first(), Some(&(0, 0)));
        assert_eq!(c.last(), Some(&(3, 4)));
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(guide(&[(2, 4)], 4, 6), [0, 2, 4, 5, 6]);
    }
}
