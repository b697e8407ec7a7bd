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
pub mod keys;
mod quantities;
pub mod tokenize;
mod words;

use std::ops::Range;

use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId, fold, names};
pub use keys::{How, Key, KeyRef};

/// Words at least this long are matched as cognates by consonant key…
const COGNATE_MIN_LETTERS: usize = 6;
/// …when the key has at least this many consonant classes.
const COGNATE_MIN_CONSONANTS: usize = 4;

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
/// `targets` (alignment needs one direction; this halves the work).
pub fn analyse_toward(text: &str, lang: Lang, lexicon: &Lexicon, targets: &[Lang]) -> Analysed {
    let raw = tokenize::tokenize(text);
    let targets: Vec<Lang> = targets.iter().copied().filter(|&t| t != lang).collect();
    let mut toward: Vec<Vec<KeyRef>> = vec![Vec::new(); targets.len()];
    let mut out = Analysed {
        lang: Some(lang),
        ..Analysed::default()
    };
    let folded: Vec<String> = raw
        .iter()
        .map(|t| fold(&text[t.span.clone()]).into_owned())
        .collect();
    let quantities = quantities::find(text, &raw, &folded, lang);
    let first_word = raw.iter().position(|t| t.shape == tokenize::Shape::Word);
    for (i, t) in raw.iter().enumerate() {
        let i32 = i as u32;
        let surface = &text[t.span.clone()];
        let word = &folded[i];
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
        if t.shape != tokenize::Shape::Word {
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
                    .push(KeyRef::new(Key::surface(word), i32, How::Identical));
            }
            continue;
        }
        let info = words::word_info(lexicon, lang, word);
        // A function word's stem is no content word's ("sich", "sicher").
        out.stems.push(if info.stop { 0 } else { info.stem });
        out.words.push(crate::hash::fnv1a(word));
        if !info.stop {
            out.terms.extend(
                info.terms
                    .iter()
                    .chain(info.parts.last())
                    .map(|&t| (i32, t)),
            );
        }
        if info.stop {
            out.tokens.push(Token {
                span,
                kind: TokenKind::Stop,
                weight: 0.0,
            });
            // A function word needs no counterpart, but it can be one: "една"
            // is explained by German "eine", "върху" by "auf".
            let keys = info
                .terms
                .iter()
                .map(|&t| KeyRef::new(Key::term(t), i32, How::Dictionary));
            out.own.extend(keys);
            continue;
        }
        // A capitalised word is a name when the dictionaries do not know it,
        // or, outside German (which capitalises nouns), anywhere but at the
        // start of the sentence: "Зеленски" is a name although it stems like
        // "зелен".
        let capitalised = surface.starts_with(char::is_uppercase);
        let unknown = !info.known && info.parts.is_empty();
        let initial = first_word == Some(i);
        let is_name = capitalised && (unknown || (lang != Lang::De && !initial));
        let weight = if is_name {
            2.0
        } else {
            ((8.0 - info.zipf) / 4.0).clamp(0.25, 2.0)
        };
        let kind = if is_name {
            TokenKind::Name
        } else {
            TokenKind::Word
        };
        out.tokens.push(Token { span, kind, weight });
        for k in quantities::inner_numbers(word) {
            out.shared.push(KeyRef::new(k, i32, How::Number));
        }
        if word.chars().count() >= 3 {
            out.shared
                .push(KeyRef::new(Key::surface(word), i32, How::Identical));
        }
        // The parts of a hyphenated word meet the same words written apart:
        // "Labour-Abgeordnete" / "Labour MP".
        if word.contains('-') {
            for part in word.split('-').filter(|p| p.chars().count() >= 3) {
                out.shared
                    .push(KeyRef::new(Key::surface(part), i32, How::Identical));
            }
        }
        // Names by their consonants across scripts; other long words too, as
        // cognates ("президент"/"Präsident", "технология"/"Technologie"),
        // when their consonant key is long enough to be specific.
        if capitalised || word.chars().count() >= COGNATE_MIN_LETTERS {
            let how = if capitalised { How::Name } else { How::Cognate };
            for k in &info.name_keys {
                if capitalised || k.len() >= COGNATE_MIN_CONSONANTS {
                    out.shared.push(KeyRef::new(Key::name(k), i32, how));
                }
            }
        }
        // Cognates by their first letters, Latin spelling without accents
        // (Simard et al. 1992): "Expedition"/"expédition", "alpinistische"/
        // "alpinisme". This is most of what a language pair without a
        // dictionary shares.
        if let Some(prefix) = &info.prefix {
            out.shared
                .push(KeyRef::new(Key::prefix(prefix), i32, How::Cognate));
        }
        if is_name {
            let latin = names::to_latin(surface);
            // "Neu-Delhi" is also "Delhi" for the spelling match.
            if latin.contains('-') {
                for part in latin.split('-').filter(|p| p.chars().count() >= 2) {
                    out.name_spellings.push((i32, part.into()));
                }
                for part in surface.split('-').filter(|p| p.chars().count() >= 2) {
                    for k in names::name_keys(&fold(part), lang) {
                        out.shared.push(KeyRef::new(Key::name(&k), i32, How::Name));
                    }
                }
            }
            out.name_spellings.push((i32, latin.into()));
        }
        out.own.extend(
            info.terms
                .iter()
                .map(|&t| KeyRef::new(Key::term(t), i32, How::Dictionary)),
        );
        out.own.extend(
            info.parts
                .iter()
                .map(|&t| KeyRef::new(Key::term(t), i32, How::Compound)),
        );
        for (to, keys) in targets.iter().zip(toward.iter_mut()) {
            let translations = info.toward(lexicon, lang, *to);
            keys.extend(
                translations
                    .iter()
                    .map(|&(t, how)| KeyRef::new(Key::term(t), i32, how)),
            );
        }
    }
    out.own.extend_from_slice(&out.shared);
    keys::sort(&mut out.own);
    keys::sort(&mut out.shared);
    for (to, mut keys) in targets.into_iter().zip(toward) {
        keys.extend_from_slice(&out.shared);
        keys::sort(&mut keys);
        out.toward.push((to, keys));
    }
    out
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
