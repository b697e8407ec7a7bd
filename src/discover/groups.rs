//! Groups from verified links. Links join groups strongest first
//! (union–find). One guard against chaining distractors: an article whose
//! links to two others cover disjoint parts of it is a patchwork of two
//! stories, not a version of both; only its stronger link is kept, so the
//! two stories stay apart. The relay tree inside each group is
//! [`super::sources`]'s.

use super::direction::Direction;
use super::verify::Verdict;

/// A verified link between articles `a < b`.
#[derive(Debug, Clone)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub verdict: Verdict,
    pub direction: Direction,
}

impl Link {
    /// The side that is covered better (the likely relay's), and the other.
    fn contained(&self) -> Option<(usize, usize)> {
        let (ea, eb) = self.verdict.evidence;
        if eb > ea + 0.1 {
            Some((self.b, self.a))
        } else if ea > eb + 0.1 {
            Some((self.a, self.b))
        } else {
            None
        }
    }

    /// The sentences of `container` that the link matched.
    fn region(&self, container: usize) -> &[bool] {
        if container == self.a {
            &self.verdict.matched.0
        } else {
            &self.verdict.matched.1
        }
    }

    fn other(&self, x: usize) -> usize {
        if x == self.a { self.b } else { self.a }
    }
}

/// Shares under this between two links' regions count as disjoint.
const DISJOINT_BELOW: f32 = 0.2;

/// Drops the weaker link of each patchwork (see the module documentation);
/// returns the indices of the links kept.
pub fn unchain(n: usize, links: &[Link]) -> Vec<usize> {
    let mut by_container: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, l) in links.iter().enumerate() {
        if let Some((_, container)) = l.contained() {
            by_container[container].push(k);
        }
    }
    let linked = |x: usize, y: usize| links.iter().any(|l| (l.a == x.min(y)) && (l.b == x.max(y)));
    let mut dropped = vec![false; links.len()];
    for (c, ks) in by_container.iter().enumerate() {
        for (p, &k1) in ks.iter().enumerate() {
            for &k2 in &ks[p + 1..] {
                if dropped[k1] || dropped[k2] {
                    continue;
                }
                let (l1, l2) = (&links[k1], &links[k2]);
                let (r1, r2) = (l1.region(c), l2.region(c));
                let both = r1.iter().zip(r2).filter(|(x, y)| **x && **y).count();
                let smaller = r1
                    .iter()
                    .filter(|x| **x)
                    .count()
                    .min(r2.iter().filter(|x| **x).count());
                let disjoint = smaller > 0 && (both as f32) < DISJOINT_BELOW * smaller as f32;
                if disjoint && !linked(l1.other(c), l2.other(c)) {
                    let weaker = if l1.verdict.strength() >= l2.verdict.strength() {
                        k2
                    } else {
                        k1
                    };
                    dropped[weaker] = true;
                }
            }
        }
    }
    (0..links.len()).filter(|&k| !dropped[k]).collect()
}

/// Connected components of the kept links, each sorted, in order of their
/// first member; every article is in exactly one.
pub fn components(n: usize, links: &[Link], kept: &[usize]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut order: Vec<usize> = kept.to_vec();
    order.sort_by(|&x, &y| {
        links[y]
            .verdict
            .strength()
            .total_cmp(&links[x].verdict.strength())
            .then((links[x].a, links[x].b).cmp(&(links[y].a, links[y].b)))
    });
    for k in order {
        let (ra, rb) = (find(&mut parent, links[k].a), find(&mut parent, links[k].b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for x in 0..n {
        let r = find(&mut parent, x);
        match slot[r] {
            Some(g) => groups[g].push(x),
            None => {
                slot[r] = Some(groups.len());
                groups.push(vec![x]);
            }
        }
    }
    groups
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn link(
        a: usize,
        b: usize,
        ea: f32,
        eb: f32,
        direction: Direction,
        ra: &[bool],
    ) -> Link {
        Link {
            a,
            b,
            verdict: Verdict {
                coverage: (ea, eb),
                evidence: (ea, eb),
                beads: 5,
                moved: 0,
                similarity: 0.7,
                sentences: (ra.len(), 5),
                matched: (ra.to_vec(), vec![true; 5]),
            },
            direction,
        }
    }

    #[test]
    fn a_patchwork_does_not_join_two_stories() {
        // 2 holds story 0 in its first half and story 1 in its second.
        let (t, f) = (true, false);
        let links = vec![
            link(0, 2, 1.0, 0.5, Direction::BToA, &[t; 5]),
            link(1, 2, 0.9, 0.4, Direction::BToA, &[t; 5]),
        ];
        let mut links = links;
        links[0].verdict.matched.1 = vec![t, t, t, f, f, f];
        links[1].verdict.matched.1 = vec![f, f, f, t, t, t];
        let kept = unchain(3, &links);
        assert_eq!(kept, [0]);
        let groups = components(3, &links, &kept);
        assert_eq!(groups, vec![vec![0, 2], vec![1]]);
    }
}
