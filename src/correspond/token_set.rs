//! A set of token indices of one sentence. The first 128 tokens live in one
//! `u128`, so the sets the aligner keeps for every sentence pair in its band
//! cost no allocation and combine with one OR; tokens beyond that spill into
//! a vector of words, so a long sentence counts in full (an earlier version
//! ignored every token past the 128th).

/// Token indices, as a bit set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenSet {
    low: u128,
    /// Bits 128.. in 64-bit words; empty (no allocation) for short sentences.
    high: Vec<u64>,
}

impl TokenSet {
    pub const fn new() -> TokenSet {
        TokenSet {
            low: 0,
            high: Vec::new(),
        }
    }

    pub fn insert(&mut self, token: u32) {
        let t = token as usize;
        if t < 128 {
            self.low |= 1 << t;
        } else {
            let word = (t - 128) / 64;
            if self.high.len() <= word {
                self.high.resize(word + 1, 0);
            }
            self.high[word] |= 1 << ((t - 128) % 64);
        }
    }

    pub fn contains(&self, token: u32) -> bool {
        let t = token as usize;
        if t < 128 {
            self.low & (1 << t) != 0
        } else {
            let word = (t - 128) / 64;
            self.high
                .get(word)
                .is_some_and(|w| w & (1 << ((t - 128) % 64)) != 0)
        }
    }

    /// Adds every token of `other`.
    pub fn union_with(&mut self, other: &TokenSet) {
        self.low |= other.low;
        if self.high.len() < other.high.len() {
            self.high.resize(other.high.len(), 0);
        }
        for (w, o) in self.high.iter_mut().zip(&other.high) {
            *w |= o;
        }
    }

    pub fn clear(&mut self) {
        self.low = 0;
        self.high.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.low == 0 && self.high.iter().all(|&w| w == 0)
    }

    pub fn len(&self) -> usize {
        self.low.count_ones() as usize
            + self
                .high
                .iter()
                .map(|w| w.count_ones() as usize)
                .sum::<usize>()
    }

    /// The tokens in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let low = bits(self.low as u64, 0).chain(bits((self.low >> 64) as u64, 64));
        let high = self
            .high
            .iter()
            .enumerate()
            .flat_map(|(k, &w)| bits(w, 128 + 64 * k as u32));
        low.chain(high)
    }
}

fn bits(mut word: u64, base: u32) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        if word == 0 {
            return None;
        }
        let t = word.trailing_zeros();
        word &= word - 1;
        Some(base + t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_contains_iter_union_across_the_inline_boundary() {
        let cases: [&[u32]; 4] = [&[], &[0, 5, 127], &[3, 128, 200, 511], &[64, 191, 192]];
        for tokens in cases {
            let mut s = TokenSet::default();
            for &t in tokens {
                s.insert(t);
            }
            assert_eq!(s.iter().collect::<Vec<_>>(), tokens);
            assert_eq!(s.len(), tokens.len());
            assert_eq!(s.is_empty(), tokens.is_empty());
            assert!(tokens.iter().all(|&t| s.contains(t)));
            assert!(!s.contains(1000));
        }
        let (mut a, mut b) = (TokenSet::default(), TokenSet::default());
        a.insert(1);
        b.insert(300);
        a.union_with(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [1, 300]);
    }
}
