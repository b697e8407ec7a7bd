//! A compact word index: words are stored as 64-bit FNV-1a hashes in a
//! sorted vector, with their values beside them. Looking a word up is a hash
//! and a binary search; no string is kept, which keeps the embedded lexicon
//! small in memory (hundreds of thousands of word forms). A word may map to
//! several values (a form with two lemmas). With 64-bit hashes and well under
//! a million words, a collision is about as likely as a cosmic-ray bit flip.

/// FNV-1a, 64 bits.
pub fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Sorted `(hash, value)` pairs.
#[derive(Debug, Clone, Default)]
pub struct WordIndex<V> {
    entries: Vec<(u64, V)>,
}

impl<V: Copy + Ord> WordIndex<V> {
    /// Builds an index from unsorted entries; exact repeats are dropped.
    pub fn from_entries(mut entries: Vec<(u64, V)>) -> WordIndex<V> {
        entries.sort_unstable();
        entries.dedup();
        entries.shrink_to_fit();
        WordIndex { entries }
    }

    /// All values of a word.
    pub fn get(&self, word: &str) -> &[(u64, V)] {
        self.get_hash(fnv1a(word))
    }

    pub fn get_hash(&self, h: u64) -> &[(u64, V)] {
        let start = self.entries.partition_point(|e| e.0 < h);
        let len = self.entries[start..]
            .iter()
            .take_while(|e| e.0 == h)
            .count();
        &self.entries[start..start + len]
    }

    /// The first value of a word.
    pub fn first(&self, word: &str) -> Option<V> {
        self.get(word).first().map(|e| e.1)
    }

    pub fn contains(&self, word: &str) -> bool {
        !self.get(word).is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
        let got: Vec<u32> = idx.get("haus").iter().map(|e| e.1).collect();
        assert_eq!(got, [1, 3]);
        assert_eq!(idx.first("baum"), Some(2));
        assert!(!idx.contains("auto"));
        assert_eq!(idx.len(), 3);
    }
}
