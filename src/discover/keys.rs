//! Cross-lingual keys of an article, sentence by sentence: what a Bulgarian,
//! a German and an English version of one story have in common however they
//! are worded. Each sentence is analysed once ([`crate::analyse`]) and
//! reduced to a sorted list of 32-bit keys in one space shared by the three
//! languages:
//!
//! - names, by their consonant keys across scripts (and long cognates the
//!   same way: "президент" / "Präsident");
//! - numbers, amounts, percentages and dates, by value;
//! - content words, by their English terms: an English word by its own,
//!   a Bulgarian or German word by the English terms the lexicon translates
//!   it into (at most [`MAX_FANOUT`] per word, so a word with many senses
//!   does not flood the index).
//!
//! The names and numbers are also kept with their place in the text, to
//! show as evidence in `matches.csv`.

use crate::analyse::{How, Key, TokenKind, analyse_toward};
use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId};
use crate::segment::Sentence;

/// At most this many English terms stand for one Bulgarian or German word.
pub const MAX_FANOUT: usize = 12;

/// A name or number in an article: its key and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub key: u32,
    pub sentence: u32,
    /// Byte span in the article's normalised text.
    pub start: u32,
    pub end: u32,
}

/// A sentence's keys: sorted, without repeats, each with the number of
/// keys its word gave (its fan-out: a word translated four ways gives
/// four keys, each standing for a quarter of the word).
#[derive(Debug, Clone, Default)]
pub struct SentenceKeys {
    pub keys: Box<[u32]>,
    pub fanout: Box<[u8]>,
}

/// An article's keys.
#[derive(Debug, Clone, Default)]
pub struct ArticleKeys {
    pub sentences: Vec<SentenceKeys>,
    pub names: Vec<Mention>,
    pub numbers: Vec<Mention>,
}

impl ArticleKeys {
    /// Every key of the article with its smallest fan-out, sorted.
    pub fn all(&self) -> Vec<(u32, u8)> {
        let mut all: Vec<(u32, u8)> = self
            .sentences
            .iter()
            .flat_map(|s| s.keys.iter().copied().zip(s.fanout.iter().copied()))
            .collect();
        all.sort_unstable();
        all.dedup_by_key(|k| k.0);
        all
    }
}

/// A 64-bit key folded to 32 bits (well mixed, so the low bits are as good
/// as the high ones).
pub fn fold_key(k: u64) -> u32 {
    let mut z = k.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    ((z ^ (z >> 31)) >> 32) as u32
}

/// The keys of an article's sentences. `text` is the normalised text the
/// sentence spans point into.
pub fn article_keys(
    text: &str,
    lang: Lang,
    sentences: &[Sentence],
    lexicon: &Lexicon,
) -> ArticleKeys {
    let mut out = ArticleKeys::default();
    let mut terms: Vec<(TermId, crate::lexicon::Source)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let sentence = &text[s.span.clone()];
        let analysed = analyse_toward(sentence, lang, lexicon, &[]);
        let mut keys: Vec<(u32, u8)> = Vec::new();
        // Names, cognates, numbers and dates: the keys every language shares.
        let mut last: Option<(u32, u32, bool)> = None;
        for k in &analysed.shared {
            let (is_name, is_number) = (k.how == How::Name, k.how == How::Number);
            if !(is_name || is_number || k.how == How::Cognate) {
                continue;
            }
            let key = fold_key(k.key.0);
            keys.push((key, 1));
            let token = analysed.tokens.get(k.token as usize);
            let real_name = is_name && token.is_some_and(|t| t.kind == TokenKind::Name);
            if let Some(t) = token.filter(|_| real_name || is_number) {
                let base = s.span.start as u32;
                let (start, end) = (base + t.span.start, base + t.span.end);
                // Tokens of one number ("3,5 Mrd.") share its key: one span.
                if let Some((lk, _, ln)) = last
                    && lk == key
                    && ln == is_number
                {
                    let list = if is_number {
                        &mut out.numbers
                    } else {
                        &mut out.names
                    };
                    if let Some(m) = list.last_mut().filter(|m| m.sentence == si as u32) {
                        m.start = m.start.min(start);
                        m.end = m.end.max(end);
                        continue;
                    }
                }
                let m = Mention {
                    key,
                    sentence: si as u32,
                    start,
                    end,
                };
                if is_number {
                    out.numbers.push(m);
                } else {
                    out.names.push(m);
                }
                last = Some((key, si as u32, is_number));
            }
        }
        // Content words by their English terms.
        let mut token_keys: Vec<u32> = Vec::new();
        let mut current: Option<u32> = None;
        for &(token, term) in &analysed.terms {
            let kind = analysed.tokens.get(token as usize).map(|t| t.kind);
            if kind != Some(TokenKind::Word) && kind != Some(TokenKind::Name) {
                continue;
            }
            if current != Some(token) {
                flush(&mut keys, &mut token_keys);
                current = Some(token);
            }
            if lang == Lang::En {
                let k = fold_key(Key::term(term).0);
                if !token_keys.contains(&k) {
                    token_keys.push(k);
                }
            } else if token_keys.len() < MAX_FANOUT {
                terms.clear();
                lexicon.translations(lang, term, Lang::En, &mut terms);
                for &(t, _) in &terms {
                    let k = fold_key(Key::term(t).0);
                    if token_keys.len() < MAX_FANOUT && !token_keys.contains(&k) {
                        token_keys.push(k);
                    }
                }
            }
        }
        flush(&mut keys, &mut token_keys);
        // Sorted by key, the smallest fan-out first: keep that one.
        keys.sort_unstable();
        keys.dedup_by_key(|k| k.0);
        out.sentences.push(SentenceKeys {
            keys: keys.iter().map(|k| k.0).collect(),
            fanout: keys.iter().map(|k| k.1).collect(),
        });
    }
    out
}

/// Moves one word's keys into the sentence's, with the word's fan-out.
fn flush(keys: &mut Vec<(u32, u8)>, token_keys: &mut Vec<u32>) {
    let fanout = token_keys.len().clamp(1, 255) as u8;
    keys.extend(token_keys.drain(..).map(|k| (k, fanout)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn keys(text: &str, lang: Lang) -> ArticleKeys {
        let lexicon = Lexicon::embedded();
        let t = Text::from_str_at(text, None);
        let sentences = crate::segment::split_text(&t, lang);
        article_keys(&t.text, lang, &sentences, &lexicon)
    }

    fn shared(a: &[u32], b: &[u32]) -> usize {
        a.iter().filter(|k| b.binary_search(k).is_ok()).count()
    }

    #[test]
    fn translations_share_keys_and_unrelated_sentences_few() {
        let de = keys(
            "Die Regierung in Colombo hat 2,1 Milliarden Dollar Schulden umstrukturiert.",
            Lang::De,
        );
        let bg = keys(
            "Правителството в Коломбо преструктурира дълг от 2,1 милиарда долара.",
            Lang::Bg,
        );
        let en = keys(
            "The government in Colombo restructured 2.1 billion dollars of debt.",
            Lang::En,
        );
        let other = keys(
            "The football club signed a young striker from Brazil.",
            Lang::En,
        );
        let (d, b, e, o) = (
            &de.sentences[0].keys,
            &bg.sentences[0].keys,
            &en.sentences[0].keys,
            &other.sentences[0].keys,
        );
        assert!(shared(d, e) >= 4, "de-en {}", shared(d, e));
        assert!(shared(b, e) >= 3, "bg-en {}", shared(b, e));
        assert!(shared(b, d) >= 3, "bg-de {}", shared(b, d));
        assert!(shared(e, o) <= 1);
        assert!(!en.names.is_empty());
        assert!(!en.numbers.is_empty());
    }
}
