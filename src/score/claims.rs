//! The words detectors have already explained in a row: what one rule
//! claims, a later rule does not report again (a changed number is not also
//! an added word). Detectors run in a fixed order ([`super::detect`]); after
//! each, every word its findings point at is claimed, and a detector may
//! claim more (the numbers rule claims every open number of the target, even
//! those it does not report).

use std::collections::BTreeSet;

use super::finding::{Finding, Words};
use super::view::Tok;

/// Claimed tokens of the target and the source of one row.
#[derive(Debug, Default, Clone)]
pub struct Claims {
    target: BTreeSet<Tok>,
    source: BTreeSet<Tok>,
}

fn insert(set: &mut BTreeSet<Tok>, words: &[Words]) {
    for w in words {
        set.extend((w.from.t..=w.to.t).map(|t| Tok { s: w.from.s, t }));
    }
}

impl Claims {
    pub fn target(&mut self, words: &[Words]) {
        insert(&mut self.target, words);
    }

    pub fn source(&mut self, words: &[Words]) {
        insert(&mut self.source, words);
    }

    pub fn target_token(&mut self, t: Tok) {
        self.target.insert(t);
    }

    /// Claims every word a finding points at, on both sides.
    pub fn finding(&mut self, f: &Finding) {
        self.target(&f.target);
        self.source(&f.source);
    }

    pub fn has_target(&self, t: Tok) -> bool {
        self.target.contains(&t)
    }

    pub fn has_source(&self, t: Tok) -> bool {
        self.source.contains(&t)
    }
}
