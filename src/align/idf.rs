//! Word weights from the document itself: a word that occurs in many
//! sentences of a document (a topical name, or a function word of a language
//! without a stop list) says little about which sentence translates which,
//! so its weight is scaled by its inverse document frequency.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analyse::Analysed;
use crate::analyse::tokenize::tokenize;
use crate::lexicon::fold;
use crate::lexicon::index::fnv1a;

/// Sentence frequency of each folded word form of a document.
pub struct DocFreq {
    counts: HashMap<u64, u32>,
    sentences: usize,
}

impl DocFreq {
    pub fn of(sentences: &[&str]) -> DocFreq {
        let per_sentence: Vec<Vec<u64>> = sentences
            .par_iter()
            .map(|s| {
                let mut words: Vec<u64> = tokenize(s)
                    .iter()
                    .map(|t| fnv1a(&fold(&s[t.span.clone()])))
                    .collect();
                words.sort_unstable();
                words.dedup();
                words
            })
            .collect();
        let mut counts: HashMap<u64, u32> = HashMap::new();
        for words in per_sentence {
            for w in words {
                *counts.entry(w).or_default() += 1;
            }
        }
        DocFreq {
            counts,
            sentences: sentences.len(),
        }
    }

    /// 1 for a word seen once, falling towards 0 for a word in every sentence.
    pub fn factor(&self, folded: &str) -> f32 {
        let n = self.sentences as f32 + 1.0;
        let df = self.counts.get(&fnv1a(folded)).copied().unwrap_or(1) as f32;
        ((n / (df + 0.5)).ln() / n.ln()).clamp(0.05, 1.0)
    }

    /// Scales the token weights of an analysed sentence.
    pub fn reweight(&self, analysed: &mut Analysed, text: &str) {
        for t in &mut analysed.tokens {
            let surface = &text[t.span.start as usize..t.span.end as usize];
            t.weight *= self.factor(&fold(surface));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_words_weigh_less() {
        let s = [
            "le chat dort",
            "le chien mange",
            "le loup hurle",
            "un renard passe",
        ];
        let df = DocFreq::of(&s);
        assert!(df.factor("le") < df.factor("chat"));
        assert!(df.factor("chat") > 0.5);
        assert!((df.factor("inconnu") - df.factor("renard")).abs() < 1e-6);
    }
}
