//! Analysis of one sentence, done once: tokens, their kind and weight, and
//! the sorted `u64` keys that [`crate::correspond`] merges. A key is a value
//! in one of several channels (a dictionary term, a name's consonant key, a
//! number's value, a date, an identical surface form), so every kind of
//! evidence is matched by the same merge of two sorted vectors, with no
//! strings in the hot loop.
//!
//! Each sentence keeps two kinds of key lists: `own` (what it offers when it
//! is the target side: its own terms and shared keys) and one `toward` list
//! per other language (the translations of its terms into that language,
//! plus the shared keys).

mod compound;
mod dates;
pub mod keys;
mod learned;
mod quantities;
pub mod tokenize;
mod words;

use std::ops::Range;

use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId, fold};
pub use keys::{How, Key, KeyRef};
pub use learned::LearnedLinks;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A content word.
    Word,
    /// A function word: never needs a counterpart, weight 0.
    Stop,
    /// A capitalised word the dictionaries do not know: probably a name.
    Name,
    /// Part of a number, amount, percentage or date.
    Number,
}

/// One token of an analysed sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte span in the sentence text.
    pub span: Range<u32>,
    pub kind: TokenKind,
    /// Salience: rarer words weigh more; stop words weigh 0.
    pub weight: f32,
}

impl Token {
    pub fn is_content(&self) -> bool {
        self.kind != TokenKind::Stop
    }
}

/// A sentence analysed for one language.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    pub lang: Option<Lang>,
    pub tokens: Vec<Token>,
    /// Keys offered as a target, sorted.
    pub(crate) own: Vec<KeyRef>,
    /// Per target language asked for: the keys of this sentence's
    /// translations into it, plus the shared keys, sorted.
    pub(crate) toward: Vec<(Lang, Vec<KeyRef>)>,
    /// Keys shared by every language (names, numbers, dates, surfaces), sorted.
    pub(crate) shared: Vec<KeyRef>,
    /// Latin spelling of name-like tokens, for the similarity fallback.
    pub(crate) name_spellings: Vec<(u32, Box<str>)>,
    /// Per token: the hash of its stem (0 for numbers and symbols).
    pub stems: Vec<u64>,
    /// Per token: the hash of the folded word (0 for numbers and symbols).
    pub words: Vec<u64>,
    /// (token, term) for every term of every word (its lemmas' and its own
    /// stem's, and a German compound's head: "Dopingskandal" is a scandal),
    /// sorted by token.
    pub terms: Vec<(u32, TermId)>,
}

impl Analysed {
    /// The distinct keys every language shares (names, numbers, dates,
    /// identical strings), as plain values.
    pub fn shared_keys(&self) -> Vec<u64> {
        let mut keys: Vec<u64> = self.shared.iter().map(|k| k.key.0).collect();
        keys.dedup();
        keys
    }

    /// Was this sentence analysed toward `target` (with its translations)?
    pub fn has_toward(&self, target: Lang) -> bool {
        self.toward.iter().any(|(l, _)| *l == target)
    }

    /// The keys this sentence maps to in `target`.
    pub(crate) fn keys_toward(&self, target: Lang) -> &[KeyRef] {
        self.toward
            .iter()
            .find(|(l, _)| *l == target)
            .map_or(&self.shared, |(_, keys)| keys)
    }

    /// Tokens with at least one dictionary translation (of any source) into
    /// `target`, sorted.
    pub fn translatable_tokens(&self, target: Lang) -> Vec<u32> {
        let lexical = [
            How::User,
            How::Dictionary,
            How::Pivot,
            How::Learned,
            How::Compound,
        ];
        let mut out: Vec<u32> = self
            .keys_toward(target)
            .iter()
            .filter(|k| lexical.contains(&k.how))
            .map(|k| k.token)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Total weight of the content tokens.
    pub fn content_weight(&self) -> f32 {
        self.tokens.iter().map(|t| t.weight).sum()
    }
}

/// Analyses a sentence of language `lang` against the lexicon, with keys
/// toward both other languages.
pub fn analyse(text: &str, lang: Lang, lexicon: &Lexicon) -> Analysed {
    analyse_toward(text, lang, lexicon, &crate::lang::KNOWN)
}

/// Like [`analyse`], but builds `toward` keys only for the languages in
/// `targets` (alignment needs one direction).
///
/// A story's sentences are asked for several times (as either side of each
/// pair of versions it is aligned in, then for scoring), so the last
/// sentences analysed on a thread are kept, each analysed toward every
/// known language, and a repeated request copies the parts it asks for.
pub fn analyse_toward(text: &str, lang: Lang, lexicon: &Lexicon, targets: &[Lang]) -> Analysed {
    if !targets.iter().all(|t| t.is_known()) || !lang.is_known() {
        return analyse_uncached(text, lang, lexicon, targets);
    }
    SENTENCES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.generation != lexicon.generation() || cache.sentences.len() >= SENTENCES_KEPT {
            cache.sentences.clear();
            cache.generation = lexicon.generation();
        }
        let key = crate::hash::fnv1a(text) ^ (lang.code().as_bytes()[0] as u64) << 56;
        let full = match cache.sentences.get(&key) {
            Some((kept, a)) if &**kept == text && a.lang == Some(lang) => a,
            _ => {
                let a = analyse_uncached(text, lang, lexicon, &crate::lang::KNOWN);
                cache.sentences.insert(key, (text.into(), a));
                &cache.sentences[&key].1
            }
        };
        full.toward_only(targets)
    })
}

/// Sentences kept per thread by [`analyse_toward`] (a few stories' worth).
const SENTENCES_KEPT: usize = 1024;

struct SentenceCache {
    generation: u64,
    sentences: crate::hash::FastMap<u64, (Box<str>, Analysed)>,
}

thread_local! {
    static SENTENCES: std::cell::RefCell<SentenceCache> = std::cell::RefCell::new(SentenceCache {
        generation: u64::MAX,
        sentences: Default::default(),
    });
}

impl Analysed {
    /// A copy with the `toward` lists of `targets` only, in that order (as
    /// [`analyse_toward`] with these targets gives).
    fn toward_only(&self, targets: &[Lang]) -> Analysed {
        let mut toward: Vec<(Lang, Vec<KeyRef>)> = Vec::new();
        for &t in targets {
            if toward.iter().any(|(l, _)| *l == t) {
                continue;
            }
            if let Some((_, keys)) = self.toward.iter().find(|(l, _)| *l == t) {
                toward.push((t, keys.clone()));
            }
        }
        Analysed {
            lang: self.lang,
            tokens: self.tokens.clone(),
            own: self.own.clone(),
            toward,
            shared: self.shared.clone(),
            name_spellings: self.name_spellings.clone(),
            stems: self.stems.clone(),
            words: self.words.clone(),
            terms: self.terms.clone(),
        }
    }
}

/// [`analyse_toward`] without the sentence cache.
fn analyse_uncached(text: &str, lang: Lang, lexicon: &Lexicon, targets: &[Lang]) -> Analysed {
    let raw = tokenize::tokenize(text);
    let mut targets_buf = [lang; 3];
    let mut n_targets = 0;
    for &t in targets {
        if t != lang && n_targets < targets_buf.len() && !targets_buf[..n_targets].contains(&t) {
            targets_buf[n_targets] = t;
            n_targets += 1;
        }
    }
    // More targets than the three slots (never asked for): the rest too.
    let extra: Vec<Lang> = targets
        .iter()
        .copied()
        .filter(|&t| t != lang && !targets_buf[..n_targets].contains(&t))
        .collect();
    let targets: Vec<Lang> = targets_buf[..n_targets]
        .iter()
        .copied()
        .chain(extra)
        .collect();
    words::with_entries(lexicon, |entry| {
        let entries: Vec<Option<std::rc::Rc<words::Entry>>> = raw
            .iter()
            .map(|t| (t.shape == tokenize::Shape::Word).then(|| entry(lang, &text[t.span.clone()])))
            .collect();
        build(text, lang, lexicon, &targets, &raw, &entries)
    })
}

/// The analysis of a tokenised sentence whose word tokens have their
/// entries.
fn build(
    text: &str,
    lang: Lang,
    lexicon: &Lexicon,
    targets: &[Lang],
    raw: &[tokenize::RawToken],
    entries: &[Option<std::rc::Rc<words::Entry>>],
) -> Analysed {
    let n = raw.len();
    let mut out = Analysed {
        lang: Some(lang),
        tokens: Vec::with_capacity(n),
        stems: Vec::with_capacity(n),
        words: Vec::with_capacity(n),
        ..Analysed::default()
    };
    let folded_digits: Vec<std::borrow::Cow<str>> = raw
        .iter()
        .zip(entries)
        .map(|(t, e)| match e {
            Some(_) => std::borrow::Cow::Borrowed(""),
            None => fold(&text[t.span.clone()]),
        })
        .collect();
    let folded: Vec<&str> = entries
        .iter()
        .zip(&folded_digits)
        .map(|(e, d)| match e {
            Some(e) => &*e.folded,
            None => d.as_ref(),
        })
        .collect();
    let quantities = quantities::find(text, raw, &folded, lang);
    let first_word = raw.iter().position(|t| t.shape == tokenize::Shape::Word);
    let mut toward: Vec<Vec<KeyRef>> = vec![Vec::new(); targets.len()];
    for (i, t) in raw.iter().enumerate() {
        let i32 = i as u32;
        let span = t.span.start as u32..t.span.end as u32;
        if let Some(q) = quantities.get(&i) {
            out.stems.push(0);
            out.words.push(0);
            out.tokens.push(Token {
                span,
                kind: TokenKind::Number,
                weight: 1.5,
            });
            for k in q {
                out.shared.push(KeyRef::new(*k, i32, How::Number));
            }
            continue;
        }
        let Some(e) = &entries[i] else {
            out.stems.push(0);
            out.words.push(0);
            let kind = if t.shape == tokenize::Shape::Symbol {
                TokenKind::Stop
            } else {
                TokenKind::Number
            };
            let weight = if kind == TokenKind::Stop { 0.0 } else { 1.5 };
            out.tokens.push(Token { span, kind, weight });
            if kind == TokenKind::Number {
                out.shared
                    .push(KeyRef::new(Key::surface(folded[i]), i32, How::Identical));
            }
            continue;
        };
        out.stems.push(e.stem);
        out.words.push(e.word_hash);
        out.terms.extend(e.terms.iter().map(|&t| (i32, t)));
        let with_token = |&(key, how): &words::KeyHow| KeyRef::new(key, i32, how);
        if e.stop {
            out.tokens.push(Token {
                span,
                kind: TokenKind::Stop,
                weight: 0.0,
            });
            // A function word needs no counterpart, but it can be one: "една"
            // is explained by German "eine", "върху" by "auf".
            out.own.extend(e.own.iter().map(with_token));
            continue;
        }
        // A capitalised word is a name when the dictionaries do not know it,
        // or, outside German (which capitalises nouns), anywhere but at the
        // start of the sentence: "Зеленски" is a name although it stems like
        // "зелен".
        let initial = first_word == Some(i);
        let is_name = e.capitalised && (e.unknown || (lang != Lang::De && !initial));
        let (kind, weight) = if is_name {
            (TokenKind::Name, 2.0)
        } else {
            (TokenKind::Word, e.weight)
        };
        out.tokens.push(Token { span, kind, weight });
        out.shared.extend(e.shared.iter().map(with_token));
        if is_name && let Some(name) = &e.name {
            out.shared.extend(name.keys.iter().map(with_token));
            out.name_spellings
                .extend(name.spellings.iter().map(|s| (i32, s.clone())));
        }
        out.own.extend(e.own.iter().map(with_token));
        for (to, keys) in targets.iter().zip(toward.iter_mut()) {
            keys.extend(e.toward(lexicon, lang, *to).iter().map(with_token));
        }
    }
    keys::sort(&mut out.shared);
    keys::sort_term_runs(&mut out.own);
    out.own = keys::merge_sorted(&out.own, &out.shared);
    for (to, mut keys) in targets.iter().zip(toward) {
        keys::sort_term_runs(&mut keys);
        out.toward
            .push((*to, keys::merge_sorted(&keys, &out.shared)));
    }
    out
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
