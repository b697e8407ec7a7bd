//! Three-way rows: the sentences of each version that carry the same content,
//! made consistent across the three pairwise alignments.
//!
//! Each version in turn serves as the pivot: its alignments to the other two
//! are merged into blocks (overlapping beads on the pivot side join), and
//! sentences the pivot lacks are paired through the third alignment. Of the
//! three candidate row sets, all consistent by construction, the one that
//! keeps the most pairwise evidence (links weighted by bead similarity, over
//! all three alignments) wins: where the pairs disagree, the most probable
//! consistent set is chosen, not the first one found.

use std::ops::Range;

use super::Bead;
use crate::lang::Lang;

/// A row: the sentence ids of each version, keyed by the version's language
/// (in the story's order of versions); a version without a sentence in the
/// row has an empty list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<(Lang, Vec<usize>)>,
    /// The row joins a passage one version moved (its ids lie out of order
    /// in that version).
    pub moved: bool,
    /// How sure the aligner is of the row, 0..=1: the lowest
    /// [`Bead::confidence`] of the pairwise beads with a sentence in it (a
    /// row is as sure as its weakest link). Scoring should make no
    /// replacement claim on a row below about 0.5.
    pub confidence: f32,
}

impl Row {
    /// The ids of one version in this row (empty when it has none or the
    /// story has no such version).
    pub fn ids(&self, lang: Lang) -> &[usize] {
        self.cells
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// The ids of the versions in order, without their languages.
    pub fn id_lists(&self) -> impl Iterator<Item = &[usize]> {
        self.cells.iter().map(|(_, ids)| ids.as_slice())
    }
}

/// Row ids by version index, as built before the languages are attached.
type Ids = Vec<Vec<usize>>;

fn keyed(langs: &[Lang], rows: Vec<(Ids, bool)>, confidence: Vec<f32>) -> Vec<Row> {
    rows.into_iter()
        .zip(confidence)
        .map(|((ids, moved), confidence)| Row {
            cells: langs.iter().copied().zip(ids).collect(),
            moved,
            confidence,
        })
        .collect()
}

/// Rows of a two-version story: its beads.
pub fn two_way(langs: [Lang; 2], beads: &[Bead]) -> Vec<Row> {
    let rows = beads
        .iter()
        .map(|b| (vec![b.a.clone().collect(), b.b.clone().collect()], b.moved))
        .collect();
    keyed(&langs, rows, beads.iter().map(|b| b.confidence).collect())
}

/// Each row's confidence: the lowest of the pairwise beads (of the three
/// alignments, between versions `u` and `v`) with a sentence in the row.
fn row_confidence(
    rows: &[(Ids, bool)],
    sizes: [usize; 3],
    pairs: &[((usize, usize), &[Bead])],
) -> Vec<f32> {
    let mut row_of: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![usize::MAX; n]).collect();
    for (r, (row, _)) in rows.iter().enumerate() {
        for (v, ids) in row.iter().enumerate() {
            for &i in ids {
                row_of[v][i] = r;
            }
        }
    }
    let mut out = vec![1.0f32; rows.len()];
    for &((u, v), beads) in pairs {
        for b in beads {
            let sides = b.a.clone().filter_map(|i| row_of[u].get(i));
            let others = b.b.clone().filter_map(|j| row_of[v].get(j));
            for &r in sides.chain(others) {
                if let Some(c) = out.get_mut(r) {
                    *c = c.min(b.confidence);
                }
            }
        }
    }
    out
}

/// The beads without their moved ones (each split into its two lone
/// sides), and the moved ones.
fn monotone(beads: &[Bead]) -> (Vec<Bead>, Vec<Bead>) {
    let mut out = Vec::with_capacity(beads.len());
    let mut moved = Vec::new();
    for b in beads {
        if b.moved {
            moved.push(b.clone());
            out.push(Bead {
                b: 0..0,
                score: 0.0,
                moved: false,
                ..b.clone()
            });
        } else {
            out.push(b.clone());
        }
    }
    // The moved passages' target sentences stand alone at their place.
    for m in &moved {
        let at = out
            .iter()
            .position(|b| !b.b.is_empty() && b.b.start > m.b.start)
            .unwrap_or(out.len());
        out.insert(
            at,
            Bead {
                a: 0..0,
                b: m.b.clone(),
                score: 0.0,
                moved: false,
                confidence: m.confidence,
            },
        );
    }
    (out, moved)
}

/// Joins, for each moved bead between versions `u` and `v`, the row of its
/// `u` sentences with the row of its `v` sentences (at the first row's
/// place), when no version has sentences in both.
fn join_moved(rows: &mut Vec<(Ids, bool)>, moved: &[((usize, usize), Bead)]) {
    for ((u, v), bead) in moved {
        let find = |rows: &Vec<(Ids, bool)>, version: usize, id: usize| {
            rows.iter().position(|(ids, _)| ids[version].contains(&id))
        };
        let (Some(ru), Some(rv)) = (find(rows, *u, bead.a.start), find(rows, *v, bead.b.start))
        else {
            continue;
        };
        if ru == rv {
            continue;
        }
        let clash =
            (0..rows[ru].0.len()).any(|k| !rows[ru].0[k].is_empty() && !rows[rv].0[k].is_empty());
        if clash {
            continue;
        }
        let (other, _) = rows.remove(rv);
        let keep = if rv < ru { ru - 1 } else { ru };
        for (k, ids) in other.into_iter().enumerate() {
            rows[keep].0[k].extend(ids);
            rows[keep].0[k].sort_unstable();
        }
        rows[keep].1 = true;
    }
}

/// Rows of a three-version story from the alignments of versions (0, 1),
/// (0, 2) and (1, 2); `sizes` are the sentence counts.
pub fn three_way(
    langs: [Lang; 3],
    sizes: [usize; 3],
    ab: &[Bead],
    ac: &[Bead],
    bc: &[Bead],
) -> Vec<Row> {
    let (ab_all, ac_all, bc_all) = (ab, ac, bc);
    let (ab, mab) = monotone(ab);
    let (ac, mac) = monotone(ac);
    let (bc, mbc) = monotone(bc);
    let mut ids = three_way_ids(sizes, &ab, &ac, &bc);
    super::rejoin::rejoin(&mut ids, &[((0, 1), &ab), ((0, 2), &ac), ((1, 2), &bc)]);
    let mut rows: Vec<(Ids, bool)> = ids.into_iter().map(|ids| (ids, false)).collect();
    let moved: Vec<((usize, usize), Bead)> = [((0, 1), mab), ((0, 2), mac), ((1, 2), mbc)]
        .into_iter()
        .flat_map(|(p, beads)| beads.into_iter().map(move |b| (p, b)))
        .collect();
    join_moved(&mut rows, &moved);
    let originals: [((usize, usize), &[Bead]); 3] =
        [((0, 1), ab_all), ((0, 2), ac_all), ((1, 2), bc_all)];
    let confidence = row_confidence(&rows, sizes, &originals);
    keyed(&langs, rows, confidence)
}

fn three_way_ids(sizes: [usize; 3], ab: &[Bead], ac: &[Bead], bc: &[Bead]) -> Vec<Ids> {
    let pairs: [((usize, usize), &[Bead]); 3] = [((0, 1), ab), ((0, 2), ac), ((1, 2), bc)];
    let mut best: Option<(f32, Vec<Ids>)> = None;
    for pivot in 0..3 {
        let rows = with_pivot(pivot, sizes, &pairs);
        let support = support(&rows, sizes, &pairs);
        if best.as_ref().is_none_or(|(s, _)| support > *s) {
            best = Some((support, rows));
        }
    }
    best.map(|(_, rows)| rows).unwrap_or_default()
}

/// The beads between `from` and `to`, oriented so `from` is side `a`.
fn oriented(
    from: usize,
    to: usize,
    pairs: &[((usize, usize), &[Bead]); 3],
) -> Vec<(Range<usize>, Range<usize>, f32)> {
    for &((x, y), beads) in pairs {
        if (x, y) == (from, to) {
            return beads
                .iter()
                .map(|b| (b.a.clone(), b.b.clone(), b.score))
                .collect();
        }
        if (y, x) == (from, to) {
            return beads
                .iter()
                .map(|b| (b.b.clone(), b.a.clone(), b.score))
                .collect();
        }
    }
    Vec::new()
}

fn with_pivot(p: usize, sizes: [usize; 3], pairs: &[((usize, usize), &[Bead]); 3]) -> Vec<Ids> {
    let others: Vec<usize> = (0..3).filter(|&v| v != p).collect();
    let (x, y) = (others[0], others[1]);
    let px = oriented(p, x, pairs);
    let py = oriented(p, y, pairs);
    // Blocks: unions of pivot ranges that overlap across the two alignments.
    let mut spans: Vec<Range<usize>> = px
        .iter()
        .chain(&py)
        .map(|b| b.0.clone())
        .filter(|r| !r.is_empty())
        .collect();
    spans.sort_by_key(|r| (r.start, r.end));
    let mut blocks: Vec<Range<usize>> = Vec::new();
    for s in spans {
        match blocks.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => blocks.push(s),
        }
    }
    // Which block each sentence of x and y joins (through the pivot).
    let mut x_block: Vec<Option<usize>> = vec![None; sizes[x]];
    let mut y_block: Vec<Option<usize>> = vec![None; sizes[y]];
    for (beads, slots) in [(&px, &mut x_block), (&py, &mut y_block)] {
        for (pr, or, _) in beads.iter() {
            if pr.is_empty() {
                continue;
            }
            let k = blocks.partition_point(|b| b.end <= pr.start);
            for i in or.clone() {
                slots[i] = Some(k);
            }
        }
    }
    fill_ranges(&mut x_block);
    fill_ranges(&mut y_block);
    // Rows in order: per gap before block k, the leftovers; then block k.
    let mut rows = Vec::new();
    let (mut xi, mut yi) = (0, 0);
    let xy = oriented(x, y, pairs);
    for (k, block) in blocks.iter().enumerate() {
        let xs_free: Vec<usize> = take_free(&x_block, &mut xi, k);
        let ys_free: Vec<usize> = take_free(&y_block, &mut yi, k);
        rows.extend(pair_leftovers(x, y, &xs_free, &ys_free, &xy));
        let mut ids = vec![Vec::new(); 3];
        ids[p] = block.clone().collect();
        while xi < x_block.len() && x_block[xi] == Some(k) {
            ids[x].push(xi);
            xi += 1;
        }
        while yi < y_block.len() && y_block[yi] == Some(k) {
            ids[y].push(yi);
            yi += 1;
        }
        rows.push(ids);
    }
    let xs_free: Vec<usize> = (xi..x_block.len()).collect();
    let ys_free: Vec<usize> = (yi..y_block.len()).collect();
    rows.extend(pair_leftovers(x, y, &xs_free, &ys_free, &xy));
    // Pivot sentences in no bead at all (possible only with broken input).
    rows.retain(|ids| ids.iter().any(|v| !v.is_empty()));
    rows
}

/// Makes each version's block assignment contiguous: a sentence between two
/// sentences of the same block belongs to it, so ids stay in order.
fn fill_ranges(slots: &mut [Option<usize>]) {
    let mut last: Option<(usize, usize)> = None; // (index, block)
    for i in 0..slots.len() {
        if let Some(k) = slots[i] {
            if let Some((j, kk)) = last
                && kk == k
            {
                for s in &mut slots[j + 1..i] {
                    *s = Some(k);
                }
            }
            last = Some((i, k));
        }
    }
}

/// The unassigned sentences from `*at` on that come before block `k`.
fn take_free(slots: &[Option<usize>], at: &mut usize, k: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while *at < slots.len() && slots[*at].is_none_or(|b| b < k) {
        out.push(*at);
        *at += 1;
    }
    out
}

/// Rows for sentences of x and y that the pivot lacks, paired where the x–y
/// alignment pairs them.
fn pair_leftovers(
    x: usize,
    y: usize,
    xs: &[usize],
    ys: &[usize],
    xy: &[(Range<usize>, Range<usize>, f32)],
) -> Vec<Ids> {
    let mut rows = Vec::new();
    let (mut xi, mut yi) = (0, 0);
    while xi < xs.len() || yi < ys.len() {
        let bead = xs
            .get(xi)
            .and_then(|&i| xy.iter().find(|b| b.0.contains(&i)));
        let joint = bead.filter(|b| {
            !b.1.is_empty()
                && b.0.clone().all(|i| xs.contains(&i))
                && b.1.clone().all(|j| ys[yi..].contains(&j))
        });
        let mut ids = vec![Vec::new(); 3];
        if let Some((bx, by, _)) = joint {
            while yi < ys.len() && ys[yi] < by.start {
                rows.push(single(y, ys[yi]));
                yi += 1;
            }
            ids[x] = bx.clone().collect();
            ids[y] = by.clone().collect();
            xi += bx.len();
            yi += by.len();
        } else if xi < xs.len() {
            ids[x] = vec![xs[xi]];
            xi += 1;
        } else {
            ids[y] = vec![ys[yi]];
            yi += 1;
        }
        rows.push(ids);
    }
    rows
}

fn single(version: usize, id: usize) -> Ids {
    let mut ids = vec![Vec::new(); 3];
    ids[version] = vec![id];
    ids
}

/// Evidence kept by a row set: for each pairwise bead, its similarity times
/// the share of its sentence links that land in one row.
fn support(rows: &[Ids], sizes: [usize; 3], pairs: &[((usize, usize), &[Bead]); 3]) -> f32 {
    let mut row_of: Vec<Vec<usize>> = sizes.iter().map(|&n| vec![usize::MAX; n]).collect();
    for (r, row) in rows.iter().enumerate() {
        for (v, ids) in row.iter().enumerate() {
            for &i in ids {
                row_of[v][i] = r;
            }
        }
    }
    let mut total = 0.0;
    for &((u, v), beads) in pairs {
        for b in beads.iter().filter(|b| !b.is_skip()) {
            let links = b.a.len() * b.b.len();
            let kept =
                b.a.clone()
                    .flat_map(|i| b.b.clone().map(move |j| (i, j)))
                    .filter(|&(i, j)| row_of[u][i] == row_of[v][j])
                    .count();
            total += b.score.max(0.01) * kept as f32 / links as f32;
        }
    }
    total
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
