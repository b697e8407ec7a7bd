//! The part of a [`Lexicon`] a run adds on top of the shared embedded base:
//! user lexicon entries and translations learned from the input, for any
//! two languages. Adding never copies the base, and every change gives the
//! lexicon a new generation number so caches of lookups can tell.

use crate::hash::FastMap as HashMap;

use super::{Lexicon, Source, TermId, fold, next_generation, user};
use crate::hash::fnv1a;
use crate::lang::Lang;

/// Entries added on top of the base: user lexicons and learned pairs, for
/// any two languages (learning also works for pairs without a dictionary).
#[derive(Clone, Default)]
pub(crate) struct Overlay {
    /// (language, stem hash) → term, for stems the base does not know.
    pub stems: HashMap<(Lang, u64), TermId>,
    /// Spelled stems of the overlay's own terms, for inspection.
    pub names: HashMap<TermId, Box<str>>,
    pub next_id: u32,
    pub pairs: HashMap<(Lang, Lang, TermId), Vec<(TermId, Source)>>,
}

impl Lexicon {
    /// Adds the entries of a user lexicon file (TSV `lang_a word_a lang_b
    /// word_b`, header optional). Returns how many pairs were added.
    pub fn add_user_file(&mut self, path: &std::path::Path) -> crate::Result<usize> {
        user::add_file(self, path)
    }

    /// Adds one translation pair (words, any form) in both directions.
    pub fn add_pair(&mut self, a: Lang, word_a: &str, b: Lang, word_b: &str, source: Source) {
        let (sa, sb) = (self.stem(a, &fold(word_a)), self.stem(b, &fold(word_b)));
        self.add_stem_pair(a, &sa, b, &sb, source);
    }

    /// Adds one translation pair of stems (as [`Lexicon::stem`] gives them).
    pub fn add_stem_pair(&mut self, a: Lang, stem_a: &str, b: Lang, stem_b: &str, source: Source) {
        if a == b {
            return;
        }
        self.generation = next_generation();
        let ta = self.intern(a, stem_a);
        let tb = self.intern(b, stem_b);
        for (from, t, to, u) in [(a, ta, b, tb), (b, tb, a, ta)] {
            let list = self.overlay.pairs.entry((from, to, t)).or_default();
            if !list.iter().any(|&(x, _)| x == u) {
                list.push((u, source));
            }
        }
    }

    /// The term of a stem, adding it to the overlay if new.
    pub(super) fn intern(&mut self, lang: Lang, stem: &str) -> TermId {
        if let Some(t) = self.stem_term(lang, stem) {
            return t;
        }
        let id = self.overlay.next_id;
        self.overlay.next_id += 1;
        self.overlay.stems.insert((lang, fnv1a(stem)), id);
        self.overlay.names.insert(id, stem.into());
        id
    }
}
