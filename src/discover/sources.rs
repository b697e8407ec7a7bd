//! The relay tree inside each group. Each article gets as its source the
//! best of the linked versions judged to be its source: the one it covers
//! most (the closest superset: an English page made from a Bulgarian relay
//! of a German original covers more of the Bulgarian than of the German),
//! or among sources about as close, the latest dated one, never closing a
//! cycle. A relay that covers a version linked without a judged direction
//! clearly more than any judged source gets no source: that version is its
//! source or its relay, and which cannot be told. Roles follow: `original`
//! for an article with no source that all its links name as the source,
//! `relay` for the others (with an empty source where the direction is
//! unclear), `single` for an article alone.

use super::dates::Date;
use super::direction::Direction;
use super::groups::Link;

/// Sources that cover this much less of themselves than the best one are
/// as close as it: dates then choose between them.
const NEAR: f32 = 0.1;

/// Each article's judged source (an index into the articles) and the link
/// it rests on, from the kept links. Of the linked versions judged to be its
/// source, the one the relay covers most is taken (a closer source is
/// covered more); among those about as close (within `NEAR`), the latest
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
    // The share of the source's sentences the relay covers in the
    // alignment. Not the lexical evidence: that depends on each language
    // pair's dictionary (a Bulgarian relay's English source can explain
    // fewer of its words than its German grandparent does), while the
    // sentences covered do not.
    let covered = |&(relay, _, k): &(usize, usize, usize)| {
        let (ca, cb) = links[k].verdict.coverage;
        if relay == links[k].a { cb } else { ca }
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
            let (ea, eb) = l.verdict.coverage;
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
    use super::super::groups::tests::link;
    use super::super::groups::{components, unchain};
    use super::*;

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
        assert_eq!(
            roles,
            [Role::Original, Role::Relay, Role::Relay, Role::Single]
        );
        // Dated, 1 before 2: the chain is 0, 1, 2.
        let mut links = links;
        links[2].direction = Direction::AToB;
        let src = sources(4, &links, &kept, &[None; 4]);
        assert_eq!(src[1].map(|s| s.0), Some(0));
        assert_eq!(src[2].map(|s| s.0), Some(1));
    }
}
