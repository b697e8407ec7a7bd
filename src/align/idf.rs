//! Word weights from the document itself: a word that occurs in many
//! sentences of a document (a topical name, or a function word of a language
//! without a stop list) says little about which sentence translates which,
//! so its weight is scaled by its inverse document frequency.

use crate::hash::FastMap as HashMap;

use rayon::prelude::*;

use crate::analyse::Analysed;
use crate::analyse::tokenize::tokenize;
use crate::hash::fnv1a;
use crate::lexicon::fold;

/// The weight factor of each folded word form of a document, from its
/// sentence frequency.
pub struct DocFreq {
    factors: HashMap<u64, f32>,
    /// The factor of a word seen in one sentence (or not at all).
    rare: f32,
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
        let mut counts: HashMap<u64, u32> = HashMap::default();
        for words in per_sentence {
            for w in words {
                *counts.entry(w).or_default() += 1;
            }
        }
        let n = sentences.len() as f32 + 1.0;
        let factor = |df: u32| ((n / (df as f32 + 0.5)).ln() / n.ln()).clamp(0.05, 1.0);
        DocFreq {
            factors: counts
                .into_iter()
                .filter(|&(_, c)| c > 1)
                .map(|(w, c)| (w, factor(c)))
                .collect(),
            rare: factor(1),
        }
    }

    /// Near 1 for a word seen once, falling towards 0 for a word in every sentence.
    pub fn factor(&self, folded: &str) -> f32 {
        self.factors
            .get(&fnv1a(folded))
            .copied()
            .unwrap_or(self.rare)
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
