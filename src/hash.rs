//! Hashing of strings into fixed-width keys, shared by the lexicon (word
//! indexes, compiled at build time too), analysis (evidence keys) and
//! alignment (document frequencies). One function, so that a word hashed by
//! any stage finds the same key in every other; FNV-1a because it is tiny,
//! stable across platforms and releases (the compiled lexicon stores its
//! hashes), and fast on the short strings words are.

/// The hash map of the hot paths: FxHash, fast on small keys, and with no
/// random seed, so iteration order is the same in every run.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// FNV-1a, 64 bits.
pub fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// FNV-1a folded to 56 bits, leaving the top byte of a key for its channel.
pub fn fnv1a_56(s: &str) -> u64 {
    let h = fnv1a(s);
    (h ^ (h >> 56)) & ((1 << 56) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_width() {
        // Published FNV-1a test vectors.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        for s in ["", "a", "катастрофа", "Rückschlag"] {
            assert!(fnv1a_56(s) < 1 << 56);
        }
    }
}
