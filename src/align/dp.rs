//! The dynamic programme over the band: `cost[i][j]` is the cheapest way to
//! align the first `i` sentences of A with the first `j` of B, built from the
//! bead shapes of [`BEADS`]. Cells outside the band are never touched, and
//! only the band is stored (a cost and a back pointer per cell).

use super::Bead;
use super::band::Band;
use super::cost::{BEADS, Scorer};

const NONE: u8 = u8::MAX;

/// The best path through the band.
pub struct Path {
    pub beads: Vec<Bead>,
    /// Cells visited, (0, 0) to (n, m).
    pub cells: Vec<(usize, usize)>,
    /// Where the trace back found no back pointer, when it did: the
    /// sentences before that cell are left unaligned (1-0 and 0-1 beads).
    pub gap: Option<(usize, usize)>,
}

/// The columns whose masks against A sentence `i - 1` the beads ending in
/// rows `i..=i + 2` can use (the band's bounds need not be monotone).
fn columns_for(band: &Band, i: usize, n: usize) -> std::ops::Range<usize> {
    let rows = i..=(i + 2).min(n);
    let lo = rows.clone().map(|r| band.lo[r]).min().unwrap_or(0);
    let hi = rows.map(|r| band.hi[r]).max().unwrap_or(0);
    lo.saturating_sub(3)..hi
}

/// The filled band of one pass, kept so a wider pass can start where the
/// bands differ instead of from the top.
pub struct Grid {
    band: Band,
    cost: Vec<f32>,
    back: Vec<u8>,
    /// Similarity of the best bead into each cell, quantised to a byte.
    sims: Vec<u8>,
    /// How much cheaper the best bead into each cell is than the next best
    /// (in hundredths of a cost unit, capped at 2.55).
    margins: Vec<u8>,
}

/// Runs the programme over `band`, reusing the rows of `previous` that the
/// new band leaves as they were.
pub fn run(band: &Band, scorer: &mut Scorer, previous: Option<Grid>) -> (Path, Grid) {
    let (n, m) = (scorer.a.len(), scorer.b.len());
    // Rows before `from` are identical in both bands, and so are their cells
    // (each row depends only on rows above it).
    let from = previous.as_ref().map_or(0, |g| {
        (0..=n)
            .find(|&i| g.band.lo[i] != band.lo[i] || g.band.hi[i] != band.hi[i])
            .unwrap_or(n + 1)
    });
    let mut offsets = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        offsets.push(total);
        total += band.hi[i] + 1 - band.lo[i];
    }
    offsets.push(total);
    let keep = offsets[from.min(n + 1)];
    let (mut cost, mut back, mut sims, mut margins) = match previous {
        Some(g) if from > 0 => {
            let (mut c, mut b, mut s, mut m) = (g.cost, g.back, g.sims, g.margins);
            c.truncate(keep);
            b.truncate(keep);
            s.truncate(keep);
            m.truncate(keep);
            (c, b, s, m)
        }
        _ => (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
    };
    cost.resize(total, f32::INFINITY);
    back.resize(total, NONE);
    sims.resize(total, 0);
    margins.resize(total, u8::MAX);
    let at = |i: usize, j: usize| offsets[i] + j - band.lo[i];
    scorer.forget_masks();
    // The masks the first recomputed rows need, from the rows above them.
    for k in from.saturating_sub(3).max(1)..from.min(n + 1) {
        scorer.prepare(k - 1, |r| columns_for(band, r + 1, n));
    }
    for i in from..=n {
        if i > 0 {
            scorer.prepare(i - 1, |r| columns_for(band, r + 1, n));
        }
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                cost[at(0, 0)] = 0.0;
                continue;
            }
            let mut best = (f32::INFINITY, NONE, 0.0f32);
            let mut second = f32::INFINITY;
            for (t, &(k, l)) in BEADS.iter().enumerate() {
                if k > i || l > j || !band.contains(i - k, j - l) {
                    continue;
                }
                let prev = cost[at(i - k, j - l)];
                if !prev.is_finite() {
                    continue;
                }
                let (c, sim) = scorer.cost(i - k..i, j - l..j);
                if prev + c < best.0 {
                    second = best.0;
                    best = (prev + c, t as u8, sim);
                } else if prev + c < second {
                    second = prev + c;
                }
            }
            cost[at(i, j)] = best.0;
            back[at(i, j)] = best.1;
            sims[at(i, j)] = (best.2.clamp(0.0, 1.0) * 255.0).round() as u8;
            margins[at(i, j)] = ((second - best.0).clamp(0.0, 2.55) * 100.0).round() as u8;
        }
    }
    let mut cells = vec![(n, m)];
    let mut shapes = Vec::new();
    let (mut i, mut j) = (n, m);
    while (i, j) != (0, 0) {
        let t = back[at(i, j)];
        if t == NONE {
            // A band whose rows do not connect (it cannot happen with skips
            // allowed and the band's rows overlapping, but a path cut short
            // without a word would drop sentences silently).
            break;
        }
        let (k, l) = BEADS[t as usize];
        shapes.push((
            i - k..i,
            j - l..j,
            sims[at(i, j)] as f32 / 255.0,
            margins[at(i, j)] as f32 / 100.0,
        ));
        i -= k;
        j -= l;
        cells.push((i, j));
    }
    let gap = ((i, j) != (0, 0)).then_some((i, j));
    for jj in (0..j).rev() {
        shapes.push((i..i, jj..jj + 1, 0.0, 0.0));
        cells.push((i, jj));
    }
    for ii in (0..i).rev() {
        shapes.push((ii..ii + 1, 0..0, 0.0, 0.0));
        cells.push((ii, 0));
    }
    shapes.reverse();
    cells.reverse();
    let beads = shapes
        .into_iter()
        .map(|(a, b, score, margin)| Bead {
            a,
            b,
            score,
            moved: false,
            // The decision margin for now; `pair` adds the evidence.
            confidence: margin,
        })
        .collect();
    let grid = Grid {
        band: band.clone(),
        cost,
        back,
        sims,
        margins,
    };
    (Path { beads, cells, gap }, grid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Doc;
    use crate::align::cost::Params;
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    /// Regression: with per-row widths the band's bounds are not monotone,
    /// and the masks were prepared for too few columns (an out-of-bounds
    /// panic on a 40,000-sentence pair).
    #[test]
    fn non_monotone_band_is_covered() {
        let lexicon = Lexicon::embedded();
        let a: Vec<String> = (0..1000)
            .map(|i| format!("The committee met for the {i}th time on Monday."))
            .collect();
        let b: Vec<String> = (0..1000)
            .map(|i| format!("The committee met for the {i}th time on Tuesday."))
            .collect();
        let da = Doc::from_sentences(Lang::En, a.iter().map(String::as_str).collect());
        let db = Doc::from_sentences(Lang::En, b.iter().map(String::as_str).collect());
        // One row far wider than its neighbours, past the first analysis chunk.
        let guide: Vec<usize> = (0..=1000).collect();
        let mut widths = vec![2; 1001];
        widths[499] = 300;
        widths[500] = 300;
        let band = Band::around_widths(&guide, 1000, &widths);
        assert!(band.lo.windows(2).any(|w| w[1] < w[0]) || band.hi.windows(2).any(|w| w[1] < w[0]));
        let mut scorer = Scorer::new(&da, &db, &lexicon, Params::default());
        let (path, _) = run(&band, &mut scorer, None);
        assert_eq!(path.cells.last(), Some(&(1000, 1000)));
        assert_eq!(path.cells.first(), Some(&(0, 0)));
        assert_eq!(path.gap, None);
    }

    /// Regression: a band whose rows do not connect left the trace back
    /// without a pointer, and the path was cut short without an error,
    /// dropping sentences. Now every sentence is still in a bead and the gap
    /// is reported.
    #[test]
    fn dp_without_back_pointer_reports_the_gap() {
        let lexicon = Lexicon::embedded();
        let s: Vec<String> = (0..8).map(|i| format!("Satz Nummer {i}.")).collect();
        let da = Doc::from_sentences(Lang::De, s.iter().map(String::as_str).collect());
        let db = Doc::from_sentences(Lang::De, s.iter().map(String::as_str).collect());
        // Rows 0..=4 may only use columns 0..=1, rows 5..=8 only 6..=8: no
        // bead shape bridges the jump.
        let band = Band {
            lo: vec![0, 0, 0, 0, 0, 6, 6, 6, 6],
            hi: vec![1, 1, 1, 1, 1, 8, 8, 8, 8],
        };
        let mut scorer = Scorer::new(&da, &db, &lexicon, Params::default());
        let (path, _) = run(&band, &mut scorer, None);
        assert!(path.gap.is_some());
        let mut a: Vec<usize> = path.beads.iter().flat_map(|b| b.a.clone()).collect();
        let mut b: Vec<usize> = path.beads.iter().flat_map(|b| b.b.clone()).collect();
        a.sort();
        b.sort();
        assert_eq!(a, (0..8).collect::<Vec<_>>());
        assert_eq!(b, (0..8).collect::<Vec<_>>());
        assert_eq!(path.cells.first(), Some(&(0, 0)));
    }
}
