//! A compact word index: words are stored as 64-bit FNV-1a hashes in a
//! sorted array, with their values in a parallel array. Looking a word up is
//! a hash and a binary search; no string is kept, which keeps the embedded
//! lexicon small (hundreds of thousands of word forms), and the arrays can
//! point straight into the compiled table. A word may have several values
//! (a form with two lemmas). With 64-bit hashes and under a million words, a
//! collision is about as likely as a cosmic-ray bit flip.

use std::borrow::Cow;

use crate::hash::fnv1a;

/// Sorted hashes with their values.
#[derive(Debug, Clone, Default)]
pub struct WordIndex<V: Copy + 'static> {
    keys: Cow<'static, [u64]>,
    values: Cow<'static, [V]>,
}

impl<V: Copy + Ord + 'static> WordIndex<V> {
    /// Builds an index from unsorted entries; exact repeats are dropped.
    pub fn from_entries(mut entries: Vec<(u64, V)>) -> WordIndex<V> {
        entries.sort_unstable();
        entries.dedup();
        WordIndex {
            keys: entries.iter().map(|e| e.0).collect::<Vec<_>>().into(),
            values: entries.iter().map(|e| e.1).collect::<Vec<_>>().into(),
        }
    }

    /// An index over arrays already sorted by key (the compiled table).
    pub fn from_sorted(keys: Cow<'static, [u64]>, values: Cow<'static, [V]>) -> WordIndex<V> {
        debug_assert_eq!(keys.len(), values.len());
        WordIndex { keys, values }
    }

    /// All values of a word.
    pub fn values(&self, word: &str) -> &[V] {
        let h = fnv1a(word);
        let start = self.keys.partition_point(|&k| k < h);
        let len = self.keys[start..].iter().take_while(|&&k| k == h).count();
        &self.values[start..start + len]
    }

    /// The first value of a word.
    pub fn first(&self, word: &str) -> Option<V> {
        self.values(word).first().copied()
    }

    pub fn contains(&self, word: &str) -> bool {
        !self.values(word).is_empty()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let idx = WordIndex::from_entries(vec![
            (fnv1a("haus"), 1u32),
            (fnv1a("baum"), 2),
            (fnv1a("haus"), 3),
            (fnv1a("haus"), 1),
        ]);
        assert_eq!(idx.values("haus"), [1, 3]);
        assert_eq!(idx.first("baum"), Some(2));
        assert!(!idx.contains("auto"));
        assert_eq!(idx.len(), 3);
    }
}
