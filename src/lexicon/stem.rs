//! Stemming: Snowball (via `rust-stemmers`) for German and English, and the
//! BulStem suffix rules (Nakov 2003; rule file `data/lexicon/bulstem-rules.tsv`)
//! for Bulgarian, which has no Snowball stemmer. Words are folded first.

use crate::hash::FastMap as HashMap;

use rust_stemmers::{Algorithm, Stemmer as Snowball};

/// A stemmer for one language (this module is also compiled into the build
/// script, so it names languages by index: 0 bg, 1 de, 2 en).
pub enum Stemmer {
    Snowball(Snowball),
    BulStem(BulStem),
    Identity,
}

impl Stemmer {
    /// The stemmer of language `index` (0 bg, 1 de, 2 en; others: none).
    pub fn for_index(index: usize, bulstem_rules: &str) -> Stemmer {
        match index {
            0 => Stemmer::BulStem(BulStem::parse(bulstem_rules, 2)),
            1 => Stemmer::Snowball(Snowball::create(Algorithm::German)),
            2 => Stemmer::Snowball(Snowball::create(Algorithm::English)),
            _ => Stemmer::Identity,
        }
    }

    /// Stems an already folded word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        match self {
            Stemmer::Snowball(s) => s.stem(word),
            Stemmer::BulStem(b) => b.stem(word),
            Stemmer::Identity => std::borrow::Cow::Borrowed(word),
        }
    }
}

/// A Bulgarian word without its definite article, when it has one:
/// "правителството" → "правителство", "земята" → "земя", "министърът" →
/// "министър", "новият" → "нов", "мерките" → "мерки". Each candidate is only
/// used if the lexicon knows it, so over-stripping costs nothing.
pub fn bg_without_article(word: &str) -> Vec<&str> {
    const ARTICLES: &[&str] = &["ият", "ия", "ът", "ят", "та", "то", "те"];
    ARTICLES
        .iter()
        .filter_map(|a| word.strip_suffix(a))
        .filter(|base| base.chars().count() >= 3)
        .collect()
}

/// BulStem: replace the longest known suffix that starts after the word's
/// first vowel. Words of two letters or fewer stay as they are.
pub struct BulStem {
    rules: HashMap<Box<str>, Box<str>>,
    longest: usize,
}

const BG_VOWELS: &[char] = &['а', 'ъ', 'о', 'у', 'е', 'и', 'я', 'ю'];

impl BulStem {
    /// Parses `suffix<TAB>replacement<TAB>frequency` lines, keeping rules
    /// seen at least `min_frequency` times.
    pub fn parse(text: &str, min_frequency: u32) -> BulStem {
        let mut rules = HashMap::default();
        let mut longest = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cells = line.split('\t');
            let (Some(suffix), Some(repl), Some(freq)) = (cells.next(), cells.next(), cells.next())
            else {
                continue;
            };
            if freq.trim().parse::<u32>().is_ok_and(|f| f >= min_frequency) {
                longest = longest.max(suffix.chars().count());
                rules.insert(suffix.into(), repl.into());
            }
        }
        BulStem { rules, longest }
    }

    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() <= 2 {
            return std::borrow::Cow::Borrowed(word);
        }
        let Some(first_vowel) = chars.iter().position(|(_, c)| BG_VOWELS.contains(c)) else {
            return std::borrow::Cow::Borrowed(word);
        };
        let earliest = (first_vowel + 1).max(chars.len().saturating_sub(self.longest));
        for &(i, _) in &chars[earliest..] {
            if let Some(repl) = self.rules.get(&word[i..]) {
                return std::borrow::Cow::Owned(format!("{}{}", &word[..i], repl));
            }
        }
        std::borrow::Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn bulgarian_articles_table() {
        let cases: &[(&str, &[&str])] = &[
            ("правителството", &["правителство"]),
            ("земята", &["земя"]),
            ("министърът", &["министър"]),
            ("новият", &["нов", "нови"]),
            ("мерките", &["мерки"]),
            ("хора", &[]),
        ];
        for (word, want) in cases {
            assert_eq!(bg_without_article(word), *want, "{word}");
        }
    }

    #[test]
    fn stemmers_meet_inflected_forms() {
        let rules = include_str!("../../data/lexicon/bulstem-rules.tsv");
        let cases = [
            (Lang::Bg, "правителството", "правителство"),
            (Lang::Bg, "министрите", "министри"),
            (Lang::De, "Regierungen", "Regierung"),
            (Lang::De, "Häuser", "Häusern"),
            (Lang::En, "governments", "government"),
            (Lang::En, "announced", "announce"),
        ];
        for (lang, a, b) in cases {
            let s = Stemmer::for_index(crate::lexicon::lang_index(lang).unwrap(), rules);
            let (fa, fb) = (crate::lexicon::fold(a), crate::lexicon::fold(b));
            assert_eq!(s.stem(&fa), s.stem(&fb), "{lang}: {a} / {b}");
        }
    }
}
