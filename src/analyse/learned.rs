//! Word translations learned within one story, as evidence keys: a pair of
//! stems (by the hash [`Analysed::stems`] holds) that IBM Model 1 found in
//! the story's own aligned sentences. [`Analysed::add_learned`] gives each
//! token whose stem has a learned translation a key toward the other
//! language, and each token whose stem is a learned target the same key as
//! its own, so [`crate::correspond`] links them as `Learned` (soft)
//! evidence. The keys live in a channel of their own: they add links and
//! change nothing else of the analysis (kinds, weights, terms).

use super::Analysed;
use super::keys::{self, How, Key, KeyRef};
use crate::hash::FastMap;
use crate::lang::Lang;

/// Stem pairs learned within one story, in both directions.
#[derive(Debug, Clone, Default)]
pub struct LearnedLinks {
    /// (from, to, stem hash in `from`) → stem hashes in `to`.
    links: FastMap<(Lang, Lang, u64), Vec<u64>>,
    /// (language, stem hash) of every stem some link leads to.
    targets: FastMap<(Lang, u64), ()>,
}

impl LearnedLinks {
    /// Adds the pair (stem `a` of `la`, stem `b` of `lb`), both ways.
    pub fn add(&mut self, la: Lang, a: u64, lb: Lang, b: u64) {
        if a == 0 || b == 0 || la == lb {
            return;
        }
        for (from, x, to, y) in [(la, a, lb, b), (lb, b, la, a)] {
            let list = self.links.entry((from, to, x)).or_default();
            if !list.contains(&y) {
                list.push(y);
            }
            self.targets.insert((to, y), ());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// Number of links (each direction counted).
    pub fn len(&self) -> usize {
        self.links.values().map(Vec::len).sum()
    }
}

impl Analysed {
    /// Adds the keys of `links` (see the module notes). Does nothing for a
    /// sentence none of whose stems is linked.
    pub fn add_learned(&mut self, links: &LearnedLinks) {
        let Some(lang) = self.lang else {
            return;
        };
        if links.is_empty() {
            return;
        }
        let mut own_added = false;
        for (t, &h) in self.stems.iter().enumerate() {
            if h != 0 && links.targets.contains_key(&(lang, h)) {
                self.own
                    .push(KeyRef::new(Key::learned(h), t as u32, How::Learned));
                own_added = true;
            }
        }
        if own_added {
            keys::sort(&mut self.own);
        }
        for (to, list) in &mut self.toward {
            let before = list.len();
            for (t, &h) in self.stems.iter().enumerate() {
                if h == 0 {
                    continue;
                }
                if let Some(ys) = links.links.get(&(lang, *to, h)) {
                    list.extend(
                        ys.iter()
                            .map(|&y| KeyRef::new(Key::learned(y), t as u32, How::Learned)),
                    );
                }
            }
            if list.len() > before {
                keys::sort(list);
            }
        }
    }
}
