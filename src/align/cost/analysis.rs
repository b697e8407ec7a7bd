//! Each sentence analysed once with the documents' frequency weights:
//! kept for documents of up to [`CACHE_UP_TO`] sentences and shared by the
//! anchors, the calibration, every pass of the programme and the passes
//! after it; longer documents analyse the programme's window only.

use std::sync::OnceLock;

use crate::analyse::{Analysed, analyse_toward};
use crate::lexicon::Lexicon;

use super::super::doc::Doc;
use super::super::idf::DocFreq;
use super::Scorer;

/// Documents up to this many sentences keep every sentence's analysis (a
/// few kilobytes each): news stories and most articles. Longer documents
/// analyse the programme's window only, as memory must not grow with them.
pub(super) const CACHE_UP_TO: usize = 5_000;

pub(super) fn cache_for(doc: &Doc) -> Vec<OnceLock<Analysed>> {
    if doc.len() <= CACHE_UP_TO {
        (0..doc.len()).map(|_| OnceLock::new()).collect()
    } else {
        Vec::new()
    }
}

/// Sentence `k`'s analysis, from `cache` when it has a slot for it.
pub(super) fn cached(
    cache: &[OnceLock<Analysed>],
    doc: &Doc,
    k: usize,
    lexicon: &Lexicon,
    toward: &[crate::lang::Lang],
    df: &DocFreq,
) -> Analysed {
    match cache.get(k) {
        Some(slot) => slot
            .get_or_init(|| analyse_one(doc, k, lexicon, toward, df))
            .clone(),
        None => analyse_one(doc, k, lexicon, toward, df),
    }
}

/// Analyses sentence `k` of `doc` with document-frequency weights.
pub(super) fn analyse_one(
    doc: &Doc,
    k: usize,
    lexicon: &Lexicon,
    toward: &[crate::lang::Lang],
    df: &DocFreq,
) -> Analysed {
    let mut a = analyse_toward(doc.sentences[k], doc.lang, lexicon, toward);
    df.reweight(&mut a, doc.sentences[k]);
    a
}

impl Scorer<'_> {
    /// Whether both documents keep every sentence's analysis.
    pub fn caches(&self) -> bool {
        self.cache_a.len() == self.a.len() && self.cache_b.len() == self.b.len()
    }

    /// Analyses every sentence of both documents into the caches, in
    /// parallel, and returns them in order (empty without caches).
    pub fn warm(&self) -> (Vec<&Analysed>, Vec<&Analysed>) {
        use rayon::prelude::*;
        if !self.caches() {
            return (Vec::new(), Vec::new());
        }
        let (lex, lang_b) = (self.lexicon, self.b.lang);
        let a: Vec<&Analysed> = (0..self.a.len())
            .into_par_iter()
            .map(|i| {
                self.cache_a[i].get_or_init(|| analyse_one(self.a, i, lex, &[lang_b], &self.df_a))
            })
            .collect();
        let b: Vec<&Analysed> = (0..self.b.len())
            .into_par_iter()
            .map(|j| self.cache_b[j].get_or_init(|| analyse_one(self.b, j, lex, &[], &self.df_b)))
            .collect();
        (a, b)
    }

    /// Analyses one sentence of either side on its own, with the document-
    /// frequency weights the programme uses (for calibration, which must see
    /// the similarities the costs will see).
    pub fn analyse_a(&self, i: usize) -> Analysed {
        cached(
            &self.cache_a,
            self.a,
            i,
            self.lexicon,
            &[self.b.lang],
            &self.df_a,
        )
    }

    pub fn analyse_b(&self, j: usize) -> Analysed {
        cached(&self.cache_b, self.b, j, self.lexicon, &[], &self.df_b)
    }
}
