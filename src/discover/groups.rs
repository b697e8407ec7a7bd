//! Groups from verified links, and the relay tree inside each group.
//!
//! Links join groups strongest first (union–find). One guard against
//! chaining distractors: an article whose links to two others cover
//! disjoint parts of it is a patchwork of two stories, not a version of
//! both; only its stronger link is kept, so the two stories stay apart.
//!
//! Inside a group each article gets as its source the best of the linked
//! versions judged to be its source: the one it covers most (the closest
//! superset: an English page made from a Bulgarian relay of a German
//! original covers more of the Bulgarian than of the German), or among
//! sources about as close, the latest dated one, never closing a cycle. A
//! relay that covers a version linked without a judged direction clearly
//! more than any judged source gets no source: that version is its source
//! or its relay, and which cannot be told. Roles follow: `original` for an article with no source that all
//! its links name as the source, `relay` for the others (with an empty
//! source where the direction is unclear), `single` for an article alone.

use super::dates::Date;
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
    let linked = |x: usize, y: usize| {
        links
            .iter()
            .any(|l| (l.a == x.min(y)) && (l.b == x.max(y)))
    };
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

/// Sources that cover this much less of themselves than the best one are
/// as close as it: dates then choose between them.
const NEAR: f32 = 0.1;

/// Each article's judged source (an index into the articles) and the link
/// it rests on, from the kept links. Of the linked versions judged to be its
/// source, the one the relay covers most is taken (a closer source is
/// covered more); among those about as close (within [`NEAR`]), the latest
/// dated one, since a relay of a relay comes after the version it was made
/// from (`dates` by article; undated versions come last); then the stronger
/// link.
pub fn sources(
    n: usize,
    links: &[Link],
    kept: &[usize],
    dates: &[Option<Date>],
) -> Vec<Option<(usize, usize)>> {
    // Candidates: (relay, source, link), best first for each relay.
    let mut offers: Vec<(usize, usize, usize)> = Vec::new();
    for &k in kept {
        let l = &links[k];
        match l.direction {
            Direction::AToB => offers.push((l.b, l.a, k)),
            Direction::BToA => offers.push((l.a, l.b, k)),
            Direction::Unclear => {}
        }
    }
    // The share of the source the relay covers.
    let covered = |&(relay, _, k): &(usize, usize, usize)| {
        let (ea, eb) = links[k].verdict.evidence;
        if relay == links[k].a { eb } else { ea }
    };
    let mut best = vec![0f32; n];
    for o in &offers {
        best[o.0] = best[o.0].max(covered(o));
    }
    let key = |o: &(usize, usize, usize)| {
        let near = covered(o) >= best[o.0] - NEAR;
        let date = dates[o.1].map_or(0, |d| d.sort_key());
        (near, date, covered(o), links[o.2].verdict.strength())
    };
    offers.sort_by(|x, y| {
        let (kx, ky) = (key(x), key(y));
        x.0.cmp(&y.0)
            .then(ky.0.cmp(&kx.0))
            .then(ky.1.cmp(&kx.1))
            .then(ky.2.total_cmp(&kx.2))
            .then(ky.3.total_cmp(&kx.3))
            .then(x.1.cmp(&y.1))
    });
    // A version linked without a judged direction that the relay covers
    // clearly more than any judged source is its likelier source or its
    // relay (a full translation of it, or it of the other): which one
    // cannot be told, so the relay's source is left unclear.
    let mut twin = vec![0f32; n];
    for &k in kept {
        let l = &links[k];
        if l.direction == Direction::Unclear {
            let (ea, eb) = l.verdict.evidence;
            twin[l.a] = twin[l.a].max(eb);
            twin[l.b] = twin[l.b].max(ea);
        }
    }
    let mut source: Vec<Option<(usize, usize)>> = vec![None; n];
    for (relay, src, k) in offers {
        if source[relay].is_some() || twin[relay] > best[relay] + NEAR {
            continue;
        }
        // Never close a cycle: the source must not descend from the relay.
        let mut x = src;
        let mut cycle = false;
        let mut steps = 0;
        while let Some((up, _)) = source[x] {
            if up == relay || steps > n {
                cycle = true;
                break;
            }
            x = up;
            steps += 1;
        }
        if !cycle && src != relay {
            source[relay] = Some((src, k));
        }
    }
    source
}

/// An article's role in its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Original,
    Relay,
    Single,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Original => "original",
            Role::Relay => "relay",
            Role::Single => "single",
        }
    }
}

/// Roles from the groups and sources: see the module documentation.
pub fn roles(
    groups: &[Vec<usize>],
    links: &[Link],
    kept: &[usize],
    source: &[Option<(usize, usize)>],
) -> Vec<Role> {
    let n = source.len();
    let mut role = vec![Role::Single; n];
    let mut always_source = vec![true; n];
    for &k in kept {
        let l = &links[k];
        match l.direction {
            Direction::AToB => always_source[l.b] = false,
            Direction::BToA => always_source[l.a] = false,
            Direction::Unclear => {
                always_source[l.a] = false;
                always_source[l.b] = false;
            }
        }
    }
    for g in groups.iter().filter(|g| g.len() > 1) {
        for &x in g {
            role[x] = if source[x].is_none() && always_source[x] {
                Role::Original
            } else {
                Role::Relay
            };
        }
    }
    role
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, ea: f32, eb: f32, direction: Direction, ra: &[bool]) -> Link {
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
    fn a_relay_tree_and_its_roles() {
        // 0 de original; 1 bg condenses 0; 2 en translates 1 (covers 1 fully).
        let t = true;
        let links = vec![
            link(0, 1, 0.6, 1.0, Direction::AToB, &[t, t, t, false, false]),
            link(0, 2, 0.55, 1.0, Direction::AToB, &[t, t, t, false, false]),
            link(1, 2, 1.0, 1.0, Direction::Unclear, &[t, t, t, t, t]),
        ];
        let kept = unchain(4, &links);
        assert_eq!(kept.len(), 3);
        let groups = components(4, &links, &kept);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3]]);
        // Undated, 1 and 2 cover each other fully: either came from the
        // other, so neither has a source, though 0 is the original.
        let src = sources(4, &links, &kept, &[None; 4]);
        assert_eq!((src[1], src[2]), (None, None));
        let roles = roles(&groups, &links, &kept, &src);
        assert_eq!(roles, [Role::Original, Role::Relay, Role::Relay, Role::Single]);
        // Dated, 1 before 2: the chain is 0, 1, 2.
        let mut links = links;
        links[2].direction = Direction::AToB;
        let src = sources(4, &links, &kept, &[None; 4]);
        assert_eq!(src[1].map(|s| s.0), Some(0));
        assert_eq!(src[2].map(|s| s.0), Some(1));
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
