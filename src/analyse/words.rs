//! What the lexicon says about one word form, computed once per run and
//! thread: stems and terms, compound parts, translations toward each target
//! language, name and cognate keys. News text repeats its words (a 10,000-
//! sentence document has a few tens of thousands of distinct forms among
//! hundreds of thousands of tokens), so analysis mostly hits this cache.
//! The cache is per thread (no locks under rayon) and is dropped when the
//! lexicon changes (learned entries), which a generation number tells.
//!
//! The cache is an interner from the surface form as written (language and
//! exact bytes) to an [`Entry`]: the folded form and its hash, the word's
//! [`WordInfo`], and every evidence key the word gives whatever sentence it
//! stands in (its own terms, the keys every language shares, the keys of a
//! name, its translations toward each language), so analysing a sentence
//! copies prepared keys and allocates nothing per token; only what depends
//! on the token's place (a capitalised word at the start of a sentence is
//! not taken for a name outside German) is decided per token.

use crate::hash::FastMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

use super::compound;
use super::keys::{How, Key};
use crate::hash::fnv1a;
use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId, fold, names};

/// German words at least this long are also split into their parts.
const COMPOUND_MIN_LETTERS: usize = 9;
/// Entries kept before the cache starts afresh.
const CAPACITY: usize = 40_000;
/// Words at least this long are matched as cognates by consonant key…
const COGNATE_MIN_LETTERS: usize = 6;
/// …when the key has at least this many consonant classes.
const COGNATE_MIN_CONSONANTS: usize = 4;

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

/// A key and how it was found, before it is given its token.
pub(crate) type KeyHow = (Key, How);

/// Everything analysis needs of one surface form (a word token), whatever
/// sentence it stands in.
pub(crate) struct Entry {
    /// The form as written, to tell two forms of one hash apart.
    surface: Box<str>,
    pub folded: Box<str>,
    /// [`fnv1a`] of the folded form.
    pub word_hash: u64,
    pub stop: bool,
    /// The stem hash analysis records (0 for a function word).
    pub stem: u64,
    /// Terms recorded for the token: its own and its compound head.
    pub terms: Vec<TermId>,
    /// Keys the word offers as a target (its terms, and its parts').
    pub own: Vec<KeyHow>,
    /// Keys every language shares (surface, hyphen parts, name and cognate
    /// keys, the cognate prefix).
    pub shared: Vec<KeyHow>,
    /// Starts with a capital letter.
    pub capitalised: bool,
    /// No dictionary knows the word (nor its parts).
    pub unknown: bool,
    /// The weight of the word when it is not a name.
    pub weight: f32,
    /// For a capitalised word: the keys and Latin spellings it has when it
    /// is a name.
    pub name: Option<NameParts>,
    info: Rc<WordInfo>,
    /// Translation keys toward each language asked for so far.
    toward: RefCell<Vec<(Lang, Rc<[KeyHow]>)>>,
}

/// What a word adds when it is a name.
pub(crate) struct NameParts {
    /// Name keys of the parts of a hyphenated name.
    pub keys: Vec<KeyHow>,
    /// Latin spellings: each hyphen part (of two letters or more), then the
    /// whole name.
    pub spellings: Vec<Box<str>>,
}

impl Entry {
    fn compute(lang: Lang, surface: &str, info: Rc<WordInfo>) -> Entry {
        let folded = fold(surface);
        let word: &str = &folded;
        let capitalised = surface.starts_with(char::is_uppercase);
        let letters = word.chars().count();
        let mut own: Vec<KeyHow> = info
            .terms
            .iter()
            .map(|&t| (Key::term(t), How::Dictionary))
            .collect();
        let mut shared = Vec::new();
        let mut terms = Vec::new();
        let mut name = None;
        if !info.stop {
            terms.extend(info.terms.iter().chain(info.parts.last()).copied());
            own.extend(info.parts.iter().map(|&t| (Key::term(t), How::Compound)));
            for k in super::quantities::inner_numbers(word)
                .into_iter()
                .chain(super::quantities::compound_numbers(word, lang))
            {
                shared.push((k, How::Number));
            }
            if letters >= 3 {
                shared.push((Key::surface(word), How::Identical));
            }
            // The parts of a hyphenated word meet the same words written
            // apart: "Labour-Abgeordnete" / "Labour MP".
            if word.contains('-') {
                for part in word.split('-').filter(|p| p.chars().count() >= 3) {
                    shared.push((Key::surface(part), How::Identical));
                }
            }
            // Names by their consonants across scripts; other long words
            // too, as cognates ("президент"/"Präsident"), when their
            // consonant key is long enough to be specific.
            if capitalised || letters >= COGNATE_MIN_LETTERS {
                let how = if capitalised { How::Name } else { How::Cognate };
                for k in &info.name_keys {
                    if capitalised || k.len() >= COGNATE_MIN_CONSONANTS {
                        shared.push((Key::name(k), how));
                    }
                }
            }
            // Cognates by their first letters, Latin spelling without
            // accents (Simard et al. 1992).
            if let Some(prefix) = &info.prefix {
                shared.push((Key::prefix(prefix), How::Cognate));
            }
            if capitalised {
                let latin = names::to_latin(surface);
                let mut parts = NameParts {
                    keys: Vec::new(),
                    spellings: Vec::new(),
                };
                // "Neu-Delhi" is also "Delhi" for the spelling match.
                if latin.contains('-') {
                    for part in latin.split('-').filter(|p| p.chars().count() >= 2) {
                        parts.spellings.push(part.into());
                    }
                    for part in surface.split('-').filter(|p| p.chars().count() >= 2) {
                        for k in names::name_keys(&fold(part), lang) {
                            parts.keys.push((Key::name(&k), How::Name));
                        }
                    }
                }
                parts.spellings.push(latin.into());
                name = Some(parts);
            }
        }
        sort_by_key(&mut own);
        Entry {
            surface: surface.into(),
            word_hash: fnv1a(word),
            stop: info.stop,
            // A function word's stem is no content word's ("sich", "sicher").
            stem: if info.stop { 0 } else { info.stem },
            terms,
            own,
            shared,
            capitalised,
            unknown: !info.known && info.parts.is_empty(),
            weight: ((8.0 - info.zipf) / 4.0).clamp(0.25, 2.0),
            name,
            folded: folded.into(),
            info,
            toward: RefCell::new(Vec::new()),
        }
    }

    /// The keys of the word's translations into `to`.
    pub fn toward(&self, lexicon: &Lexicon, lang: Lang, to: Lang) -> Rc<[KeyHow]> {
        if let Some((_, t)) = self.toward.borrow().iter().find(|(l, _)| *l == to) {
            return t.clone();
        }
        let mut keys: Vec<KeyHow> = self
            .info
            .toward(lexicon, lang, to)
            .iter()
            .map(|&(t, how)| (Key::term(t), how))
            .collect();
        sort_by_key(&mut keys);
        let keys: Rc<[KeyHow]> = keys.into();
        self.toward.borrow_mut().push((to, keys.clone()));
        keys
    }
}

/// Sorts one word's keys by key and keeps the best `how` of each, as the
/// sentence's key lists will ([`super::keys::sort`]).
fn sort_by_key(keys: &mut Vec<KeyHow>) {
    keys.sort_unstable();
    keys.dedup_by_key(|k| k.0);
}

struct Cache {
    generation: u64,
    /// Keyed by a hash of language and word: no allocation per lookup.
    words: HashMap<u64, Rc<WordInfo>>,
    /// Keyed by a hash of language and surface form.
    surfaces: HashMap<u64, Rc<Entry>>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        generation: u64::MAX,
        words: HashMap::default(),
        surfaces: HashMap::default(),
    });
}

fn lang_bits(lang: Lang) -> u64 {
    (lang.code().as_bytes()[0] as u64) << 56 ^ (lang.code().as_bytes()[1] as u64) << 48
}

impl Cache {
    fn check(&mut self, lexicon: &Lexicon) {
        if self.generation != lexicon.generation()
            || self.words.len() >= CAPACITY
            || self.surfaces.len() >= CAPACITY
        {
            self.words.clear();
            self.surfaces.clear();
            self.generation = lexicon.generation();
        }
    }

    fn word_info(&mut self, lexicon: &Lexicon, lang: Lang, word: &str) -> Rc<WordInfo> {
        let key = fnv1a(word) ^ lang_bits(lang);
        if let Some(info) = self.words.get(&key) {
            return info.clone();
        }
        let info = Rc::new(WordInfo::compute(lexicon, lang, word));
        self.words.insert(key, info.clone());
        info
    }

    fn entry(&mut self, lexicon: &Lexicon, lang: Lang, surface: &str) -> Rc<Entry> {
        let key = fnv1a(surface) ^ lang_bits(lang);
        if let Some(e) = self.surfaces.get(&key)
            && &*e.surface == surface
        {
            return e.clone();
        }
        let info = self.word_info(lexicon, lang, &fold(surface));
        let entry = Rc::new(Entry::compute(lang, surface, info));
        // Two forms of one hash: the first keeps the slot.
        self.surfaces.entry(key).or_insert_with(|| entry.clone());
        entry
    }
}

/// Calls `f` with a function that gives the entry of a surface form (word
/// tokens), from the cache when possible: one borrow of the thread's cache
/// for a whole sentence.
pub(crate) fn with_entries<R>(
    lexicon: &Lexicon,
    f: impl FnOnce(&mut dyn FnMut(Lang, &str) -> Rc<Entry>) -> R,
) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.check(lexicon);
        f(&mut |lang, surface| cache.entry(lexicon, lang, surface))
    })
}
