//! What the lexicon says about one word form, computed once per run and
//! thread: stems and terms, compound parts, translations toward each target
//! language, name and cognate keys. News text repeats its words (a 10,000-
//! sentence document has a few tens of thousands of distinct forms among
//! hundreds of thousands of tokens), so analysis mostly hits this cache.
//! The cache is per thread (no locks under rayon) and is dropped when the
//! lexicon changes (learned entries), which a generation number tells.

use crate::hash::FastMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

use super::compound;
use super::keys::How;
use crate::hash::fnv1a;
use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId, names};

/// German words at least this long are also split into their parts.
const COMPOUND_MIN_LETTERS: usize = 9;
/// Entries kept before the cache starts afresh.
const CAPACITY: usize = 20_000;

/// Translations of a word into one language, with how each was found.
type Translations = Rc<[(TermId, How)]>;

/// The lexicon's view of a folded word form.
pub(crate) struct WordInfo {
    pub stop: bool,
    pub terms: Vec<TermId>,
    /// Terms of its parts, when it is a German compound.
    pub parts: Vec<TermId>,
    /// Some term translates into another language.
    pub known: bool,
    pub zipf: f32,
    /// Hash of the word's stem (what the loaded-language lexicon matches).
    pub stem: u64,
    /// Consonant keys (names, cognates).
    pub name_keys: Vec<String>,
    pub prefix: Option<String>,
    toward: RefCell<Vec<(Lang, Translations)>>,
}

impl WordInfo {
    fn compute(lexicon: &Lexicon, lang: Lang, word: &str) -> WordInfo {
        let stop = lexicon.is_stop(lang, word);
        let mut terms = Vec::new();
        lexicon.terms(lang, word, &mut terms);
        let known = !stop && terms.iter().any(|&t| lexicon.is_translatable(lang, t));
        // German compounds are split even when the dictionary knows the
        // whole word: "Bundesregierung" is listed, but its translation may
        // be "правителството" alone.
        let long = word.chars().count() >= COMPOUND_MIN_LETTERS;
        let parts = if stop {
            Vec::new()
        } else if word.contains('-') {
            // A hyphenated word is its parts ("Drag-Queen-Lesung",
            // "по-голям" is not split: its parts are not words alone).
            let mut parts = Vec::new();
            for part in word.split('-').filter(|p| p.chars().count() >= 3) {
                lexicon.terms(lang, part, &mut parts);
                if lang == Lang::De {
                    parts.extend(compound::split(lexicon, part));
                }
            }
            parts.sort_unstable();
            parts.dedup();
            parts
        } else if lang == Lang::De && (!known || long) {
            compound::split(lexicon, word)
        } else {
            Vec::new()
        };
        // A German feminine or plural of a known word ("Fußgängerin") is a
        // known word, not a name.
        let known = known
            || (lang == Lang::De
                && ["innen", "in", "en", "n", "s"].iter().any(|suffix| {
                    word.strip_suffix(suffix).is_some_and(|base| {
                        base.chars().count() >= 4 && {
                            let mut t = Vec::new();
                            lexicon.terms(lang, base, &mut t);
                            t.iter().any(|&t| lexicon.is_translatable(lang, t))
                        }
                    })
                }));
        WordInfo {
            stop,
            known,
            zipf: lexicon.zipf(lang, word),
            stem: fnv1a(&lexicon.stem(lang, word)),
            name_keys: if stop {
                Vec::new()
            } else {
                names::name_keys(word, lang)
            },
            prefix: names::cognate_prefix(word),
            terms,
            parts,
            toward: RefCell::new(Vec::new()),
        }
    }

    /// Translations of the word (and of its parts, as `Compound`) into `to`.
    pub fn toward(&self, lexicon: &Lexicon, lang: Lang, to: Lang) -> Translations {
        if let Some((_, t)) = self.toward.borrow().iter().find(|(l, _)| *l == to) {
            return t.clone();
        }
        let mut out = Vec::new();
        let mut buffer = Vec::new();
        for (list, whole) in [(&self.terms, true), (&self.parts, false)] {
            for &term in list {
                buffer.clear();
                lexicon.translations(lang, term, to, &mut buffer);
                out.extend(
                    buffer
                        .iter()
                        .map(|&(t, s)| (t, if whole { How::from(s) } else { How::Compound })),
                );
            }
        }
        let rc: Translations = out.into();
        self.toward.borrow_mut().push((to, rc.clone()));
        rc
    }
}

struct Cache {
    generation: u64,
    /// Keyed by a hash of language and word: no allocation per lookup.
    words: HashMap<u64, Rc<WordInfo>>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache { generation: u64::MAX, words: HashMap::default() });
}

/// The word info of a folded form, from the cache when possible.
pub(crate) fn word_info(lexicon: &Lexicon, lang: Lang, word: &str) -> Rc<WordInfo> {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.generation != lexicon.generation() || cache.words.len() >= CAPACITY {
            cache.words.clear();
            cache.generation = lexicon.generation();
        }
        let key = fnv1a(word)
            ^ (lang.code().as_bytes()[0] as u64) << 56
            ^ (lang.code().as_bytes()[1] as u64) << 48;
        if let Some(info) = cache.words.get(&key) {
            return info.clone();
        }
        let info = Rc::new(WordInfo::compute(lexicon, lang, word));
        cache.words.insert(key, info.clone());
        info
    })
}
