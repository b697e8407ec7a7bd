//! The relay: which pairs of versions are translation steps, which version
//! witnesses each, and at which step a change entered.
//!
//! With `chain = [a, b, c]` the steps are a→b and b→c, and a→c is the
//! check. A change seen at a→b and at a→c entered at a→b and was inherited
//! by c; seen at a→b only, c undid it. A change seen at b→c and at a→c
//! entered at b→c; seen at b→c only, the original does not confirm it. A
//! change seen at a→c only is neither step's (a lexicon gap in one pair),
//! and is not reported. Without a chain, the original is the source of every
//! other version; with neither, every pair is compared both ways and the
//! version that adds is the target.

use crate::align::AlignedStory;
use crate::lang::Lang;

/// How the versions of a story relate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Translation steps, source → target version index.
    pub steps: Vec<(usize, usize)>,
    /// The check pair of a three-step relay: (original, last).
    pub check: Option<(usize, usize)>,
    /// False when nothing says which version came first.
    pub directed: bool,
}

impl Plan {
    pub fn of(al: &AlignedStory) -> Plan {
        let langs = al.langs();
        let index = |l: Lang| langs.iter().position(|&x| x == l);
        let meta = &al.story.meta;
        let mut order: Vec<usize> = meta.chain.iter().filter_map(|&l| index(l)).collect();
        if order.len() >= 2 {
            // Versions the chain does not name come from the original.
            let mut steps: Vec<(usize, usize)> = order.windows(2).map(|w| (w[0], w[1])).collect();
            for v in 0..langs.len() {
                if !order.contains(&v) {
                    steps.push((order[0], v));
                    order.push(v);
                }
            }
            let check = (order.len() == 3 && steps.len() == 2 && steps[1].0 == steps[0].1)
                .then(|| (order[0], order[2]));
            return Plan {
                steps,
                check,
                directed: true,
            };
        }
        if let Some(o) = meta
            .original
            .and_then(index)
            .or_else(|| order.first().copied())
        {
            return Plan {
                steps: (0..langs.len())
                    .filter(|&v| v != o)
                    .map(|v| (o, v))
                    .collect(),
                check: None,
                directed: true,
            };
        }
        let mut steps = Vec::new();
        for i in 0..langs.len() {
            for j in i + 1..langs.len() {
                steps.push((i, j));
            }
        }
        Plan {
            steps,
            check: None,
            directed: false,
        }
    }

    /// The third version of a three-version story, for the pair (s, t).
    pub fn witness(&self, versions: usize, s: usize, t: usize) -> Option<usize> {
        (versions == 3)
            .then(|| (0..3).find(|&v| v != s && v != t))
            .flatten()
    }
}
