//! The first pass: a guide path through the alignment matrix from anchors,
//! sentence pairs that share evidence rare on both sides (a number, a date, a
//! name or an identical string occurring at most twice in each document). The
//! heaviest chain of anchors increasing on both sides is kept and linearly
//! interpolated, so the full cost model only has to look near it.

use rayon::prelude::*;

use super::doc::Doc;
use crate::analyse::analyse_toward;
use crate::lexicon::Lexicon;

/// Per sentence, its distinct shared keys (names, numbers, dates, surfaces),
/// folded to 32 bits and stored flat: 100,000 sentences take a few MB.
pub struct Signatures {
    offsets: Vec<u32>,
    keys: Vec<u32>,
}

impl Signatures {
    /// The signatures of sentences already analysed (in order).
    pub fn of_analysed<'x>(
        analysed: impl Iterator<Item = &'x crate::analyse::Analysed>,
    ) -> Signatures {
        let mut out = Signatures {
            offsets: vec![0],
            keys: Vec::new(),
        };
        for a in analysed {
            let start = out.keys.len();
            out.keys
                .extend(a.shared.iter().map(|k| (k.key.0 ^ (k.key.0 >> 32)) as u32));
            out.keys[start..].sort_unstable();
            let mut w = start;
            for r in start..out.keys.len() {
                if r == start || out.keys[r] != out.keys[w - 1] {
                    out.keys[w] = out.keys[r];
                    w += 1;
                }
            }
            out.keys.truncate(w);
            out.offsets.push(out.keys.len() as u32);
        }
        out
    }

    pub fn of(doc: &Doc, lexicon: &Lexicon) -> Signatures {
        const CHUNK: usize = 4096;
        let mut out = Signatures {
            offsets: vec![0],
            keys: Vec::new(),
        };
        for chunk in doc.sentences.chunks(CHUNK) {
            let parts: Vec<Vec<u32>> = chunk
                .par_iter()
                .map(|s| {
                    let a = analyse_toward(s, doc.lang, lexicon, &[]);
                    let mut keys: Vec<u32> = a
                        .shared
                        .iter()
                        .map(|k| (k.key.0 ^ (k.key.0 >> 32)) as u32)
                        .collect();
                    keys.sort_unstable();
                    keys.dedup();
                    keys
                })
                .collect();
            for p in parts {
                out.keys.extend_from_slice(&p);
                out.offsets.push(out.keys.len() as u32);
            }
        }
        out.keys.shrink_to_fit();
        out
    }

    /// The distinct keys, sorted.
    fn distinct(&self) -> Vec<u32> {
        let mut keys = self.keys.clone();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Every (key, sentence) occurrence of the keys in `wanted` (sorted),
    /// sorted by key then sentence.
    fn occurrences(&self, wanted: &[u32]) -> Vec<(u32, u32)> {
        let mut out = Vec::with_capacity(self.keys.len() / 2);
        for i in 0..self.len() {
            let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
            out.extend(
                self.keys[a..b]
                    .iter()
                    .filter(|k| wanted.binary_search(k).is_ok())
                    .map(|&k| (k, i as u32)),
            );
        }
        out.sort_unstable();
        out.shrink_to_fit();
        out
    }
}

/// Anchor pairs `(i, j)`, ordered and increasing on both sides: the
/// heaviest chain among all candidates. A key is a candidate anchor where it
/// is rare in both documents (at most twice), or, for keys that recur (a
/// number in every report of a series, a text repeated), where it occurs
/// once on each side within a corridor around the diagonal.
pub fn chain(sig_a: &Signatures, sig_b: &Signatures) -> Vec<(usize, usize)> {
    let (n, m) = (sig_a.len(), sig_b.len());
    // Only keys both documents have can anchor anything.
    let occ_a = sig_a.occurrences(&sig_b.distinct());
    let occ_b = sig_b.occurrences(&sig_a.distinct());
    // The corridor for recurring keys follows the diagonal first, then the
    // path the anchors found so far, so drift between the documents (many
    // more insertions than deletions, say) is followed.
    let diagonal: Vec<usize> = (0..=n).map(|i| i * m / n.max(1)).collect();
    let mut found = chain_around(&occ_a, &occ_b, n, m, &diagonal);
    for _ in 0..REFINE {
        let centre = guide(&found, n, m);
        found = chain_around(&occ_a, &occ_b, n, m, &centre);
    }
    found
}

/// Passes that re-centre the corridor on the anchors found.
const REFINE: usize = 5;

fn chain_around(
    occ_a: &[(u32, u32)],
    occ_b: &[(u32, u32)],
    n: usize,
    m: usize,
    centre: &[usize],
) -> Vec<(usize, usize)> {
    let corridor = CORRIDOR as i64;
    let common = (n.max(m) / 10).max(4);
    // Candidate pairs with their evidence, summed per pair after sorting
    // (a vector of 12-byte entries rather than a map: there can be millions).
    let mut score: Vec<((u32, u32), f32)> = Vec::new();
    let runs =
        |occ: &[(u32, u32)], at: usize| occ[at..].iter().take_while(|o| o.0 == occ[at].0).count();
    let (mut x, mut y) = (0, 0);
    while x < occ_a.len() && y < occ_b.len() {
        let (ka, kb) = (occ_a[x].0, occ_b[y].0);
        if ka != kb {
            if ka < kb {
                x += runs(occ_a, x)
            } else {
                y += runs(occ_b, y)
            }
            continue;
        }
        let (la, lb) = (runs(occ_a, x), runs(occ_b, y));
        let is: Vec<u32> = occ_a[x..x + la].iter().map(|o| o.1).collect();
        let js: Vec<u32> = occ_b[y..y + lb].iter().map(|o| o.1).collect();
        x += la;
        y += lb;
        if is.len() <= 2 && js.len() <= 2 {
            let w = 1.0 / (is.len() * js.len()) as f32;
            for &i in &is {
                for &j in &js {
                    score.push(((i, j), w));
                }
            }
        } else if is.len() <= common && js.len() <= common {
            for &i in &is {
                let centre = centre[i as usize] as i64;
                let lo = js.partition_point(|&j| (j as i64) < centre - corridor);
                let hi = js.partition_point(|&j| (j as i64) <= centre + corridor);
                if hi - lo == 1 {
                    score.push(((i, js[lo]), 0.5));
                }
            }
        }
    }
    score.sort_unstable_by_key(|c| c.0);
    let mut cands: Vec<((u32, u32), f32)> = Vec::with_capacity(score.len());
    for (pair, w) in score {
        match cands.last_mut() {
            Some(last) if last.0 == pair => last.1 += w,
            _ => cands.push((pair, w)),
        }
    }
    heaviest_chain(&cands, m)
}

/// Half-width, in sentences, of the corridor around the diagonal in which a
/// recurring key must occur once on each side to be an anchor.
const CORRIDOR: usize = 450;

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
    // After the last anchor, the documents most likely run on in step until
    // one of them ends (the other then has extra sentences at its end),
    // rather than stretching evenly to the corner.
    if let Some(&(i0, j0)) = chain.last() {
        let steps = (n - i0).min(m - j0);
        if steps > 0 && (n - i0).abs_diff(m - j0) > 0 {
            points.push((i0 + steps, j0 + steps));
        }
    }
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
        let sig = |v: &[u32]| Signatures {
            offsets: (0..=v.len() as u32).collect(),
            keys: v.to_vec(),
        };
        let c = chain(&sig(&[1, 2, 3, 4]), &sig(&[1, 3, 2, 9, 4]));
        assert_eq!(c.first(), Some(&(0, 0)));
        assert_eq!(c.last(), Some(&(3, 4)));
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(guide(&[(2, 4)], 4, 6), [0, 2, 4, 5, 6]);
        // A tail: after the last anchor, in step, then the rest of A.
        assert_eq!(guide(&[(2, 2)], 6, 4), [0, 1, 2, 3, 4, 4, 4]);
    }
}
