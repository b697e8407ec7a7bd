//! Links the chosen rows lost: three-way rows are built around one pivot
//! version for the whole story (the one whose rows keep the most pairwise
//! evidence, see `rows`), and around that pivot a link between the other
//! two versions can fall apart. Where the relay rewrote a sentence so that
//! the pivot's alignment left it alone, the pivot's row holds the other two
//! versions' sentences and the rewritten one stands in a row of its own,
//! although its alignment with one of them linked it.
//!
//! Two adjacent rows with no version in common are joined when a pairwise
//! link runs between them. They hold disjoint versions, so every version's
//! ids stay in order, and the link is one the aligner made, so the joined
//! row asks nothing the pairwise evidence did not show.
//!
//! Example (a bundled story, relayed bg → en → de): bg „Търговците в
//! квартала са притеснени.“ stood alone, and „Die Geschäftsleute im Viertel
//! sind wütend.“ / "Local businesses are furious." in the next row, while
//! the bg–de alignment linked the first two. Joined, the row shows the
//! worry turned into fury, not an added and an omitted sentence.

use super::Bead;

/// Row ids by version index.
type Ids = Vec<Vec<usize>>;

/// Joins adjacent rows of `rows` that hold no version in common and that a
/// link of `pairs` (version pair, its beads) runs between.
pub fn rejoin(rows: &mut Vec<Ids>, pairs: &[((usize, usize), &[Bead]); 3]) {
    let linked = |x: &Ids, y: &Ids| {
        pairs.iter().any(|&((v, w), beads)| {
            let across = |p: &[usize], q: &[usize], b: &Bead, a_side: bool| {
                let (s, t) = if a_side { (&b.a, &b.b) } else { (&b.b, &b.a) };
                p.iter().any(|i| s.contains(i)) && q.iter().any(|j| t.contains(j))
            };
            beads
                .iter()
                .filter(|b| !b.is_skip())
                .any(|b| across(&x[v], &y[w], b, true) || across(&x[w], &y[v], b, false))
        })
    };
    let disjoint = |x: &Ids, y: &Ids| x.iter().zip(y).all(|(p, q)| p.is_empty() || q.is_empty());
    let mut k = 0;
    while k + 1 < rows.len() {
        if disjoint(&rows[k], &rows[k + 1]) && linked(&rows[k], &rows[k + 1]) {
            let next = rows.remove(k + 1);
            for (ids, more) in rows[k].iter_mut().zip(next) {
                ids.extend(more);
            }
        } else {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize) -> Bead {
        Bead {
            a: a..a + 1,
            b: b..b + 1,
            score: 0.5,
            moved: false,
            confidence: 1.0,
        }
    }
    fn lone_a(a: usize) -> Bead {
        Bead {
            a: a..a + 1,
            b: 0..0,
            score: 0.0,
            moved: false,
            confidence: 1.0,
        }
    }
    fn lone_b(b: usize) -> Bead {
        Bead {
            a: 0..0,
            b: b..b + 1,
            score: 0.0,
            moved: false,
            confidence: 1.0,
        }
    }

    /// The bundled story's case: version 0 alone in one row, versions 1
    /// and 2 in the next, and the 0-1 alignment links the two.
    #[test]
    fn a_lost_link_joins_its_rows() {
        let ab = [link(0, 0), link(1, 1)];
        let ac = [link(0, 0), lone_a(1), lone_b(1)];
        let bc = [link(0, 0), link(1, 1)];
        let pairs: [((usize, usize), &[Bead]); 3] = [((0, 1), &ab), ((0, 2), &ac), ((1, 2), &bc)];
        let mut rows: Vec<Ids> = vec![
            vec![vec![0], vec![0], vec![0]],
            vec![vec![1], vec![], vec![]],
            vec![vec![], vec![1], vec![1]],
        ];
        rejoin(&mut rows, &pairs);
        assert_eq!(
            rows,
            [
                vec![vec![0], vec![0], vec![0]],
                vec![vec![1], vec![1], vec![1]]
            ]
        );
    }

    /// Rows without a link between them, or sharing a version, stay apart:
    /// an omitted sentence beside an added one is not a pair.
    #[test]
    fn rows_without_a_link_stay_apart() {
        let ab = [link(0, 0), lone_a(1), lone_b(1)];
        let ac = [link(0, 0), lone_a(1), lone_b(1)];
        let bc = [link(0, 0), link(1, 1)];
        let pairs: [((usize, usize), &[Bead]); 3] = [((0, 1), &ab), ((0, 2), &ac), ((1, 2), &bc)];
        let want: Vec<Ids> = vec![
            vec![vec![0], vec![0], vec![0]],
            vec![vec![1], vec![], vec![]],
            vec![vec![], vec![1], vec![1]],
        ];
        let mut rows = want.clone();
        rejoin(&mut rows, &pairs);
        assert_eq!(rows, want);
        // Sharing version 1: not joined even where a link runs.
        let mut rows: Vec<Ids> = vec![
            vec![vec![0], vec![0], vec![]],
            vec![vec![], vec![1], vec![0]],
        ];
        let before = rows.clone();
        rejoin(&mut rows, &pairs);
        assert_eq!(rows, before);
    }
}
