//! The word lists the scoring rules read, from `data/score/words.tsv` (the
//! project's own data; `data/score/README.md` says what each list is for).
//! The file is embedded in the binary and parsed once.

use std::sync::LazyLock;

use crate::lang::Lang;
use crate::lexicon::lang_index;

const WORDS: &str = include_str!("../../data/score/words.tsv");

/// The lists, per language (bg, de, en).
#[derive(Debug, Default)]
pub struct Lists {
    pub noun_ending: [Vec<String>; 3],
    pub source_preposition: [Vec<String>; 3],
    pub appearance_literal_before: [Vec<String>; 3],
    pub possibility_adverb: [Vec<String>; 3],
    pub norm_stem: [Vec<String>; 3],
    pub hedge_construction: [Vec<String>; 3],
    pub attribution_opener: [Vec<String>; 3],
    pub weak_modal: [Vec<String>; 3],
    pub strong_modal: [Vec<String>; 3],
    pub other_modal: [Vec<String>; 3],
    pub able_modal: [Vec<String>; 3],
    pub answer_yes: [Vec<String>; 3],
    pub answer_no: [Vec<String>; 3],
    pub answer_maybe: [Vec<String>; 3],
    pub home_country: [Vec<String>; 3],
    pub name_adjective_ending: [Vec<String>; 3],
    pub negative_word: [Vec<String>; 3],
    pub negative_phrase: [Vec<String>; 3],
    pub negative_stem: [Vec<String>; 3],
    pub negation_cancel_after: [Vec<String>; 3],
    pub negation_cancel_before: [Vec<String>; 3],
    pub negative_prefix: [Vec<String>; 3],
    pub not_negative_prefix: [Vec<String>; 3],
    pub negative_suffix: [Vec<String>; 3],
    pub hyphen_negator: [Vec<String>; 3],
}

static LISTS: LazyLock<Lists> =
    LazyLock::new(|| Lists::parse(WORDS).unwrap_or_else(|e| panic!("data/score/words.tsv:{e}")));

impl Lists {
    /// The embedded lists.
    pub fn embedded() -> &'static Lists {
        &LISTS
    }

    fn parse(text: &str) -> Result<Lists, String> {
        let mut out = Lists::default();
        for (k, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') || line.starts_with("list\t") {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let [list, lang, entry] = c[..] else {
                return Err(format!("{}: {} columns, want 3", k + 1, c.len()));
            };
            let li = Lang::from_code(lang)
                .and_then(lang_index)
                .ok_or_else(|| format!("{}: bad language {lang:?}", k + 1))?;
            let slot = match list {
                "noun_ending" => &mut out.noun_ending,
                "source_preposition" => &mut out.source_preposition,
                "appearance_literal_before" => &mut out.appearance_literal_before,
                "possibility_adverb" => &mut out.possibility_adverb,
                "norm_stem" => &mut out.norm_stem,
                "hedge_construction" => &mut out.hedge_construction,
                "attribution_opener" => &mut out.attribution_opener,
                "weak_modal" => &mut out.weak_modal,
                "strong_modal" => &mut out.strong_modal,
                "other_modal" => &mut out.other_modal,
                "able_modal" => &mut out.able_modal,
                "answer_yes" => &mut out.answer_yes,
                "answer_no" => &mut out.answer_no,
                "answer_maybe" => &mut out.answer_maybe,
                "home_country" => &mut out.home_country,
                "name_adjective_ending" => &mut out.name_adjective_ending,
                "negative_word" => &mut out.negative_word,
                "negative_phrase" => &mut out.negative_phrase,
                "negative_stem" => &mut out.negative_stem,
                "negation_cancel_after" => &mut out.negation_cancel_after,
                "negation_cancel_before" => &mut out.negation_cancel_before,
                "negative_prefix" => &mut out.negative_prefix,
                "not_negative_prefix" => &mut out.not_negative_prefix,
                "negative_suffix" => &mut out.negative_suffix,
                "hyphen_negator" => &mut out.hyphen_negator,
                _ => return Err(format!("{}: unknown list {list:?}", k + 1)),
            };
            slot[li].push(entry.to_string());
        }
        Ok(out)
    }
}

/// The entries of one list for a language (none for other languages).
pub fn of(list: &[Vec<String>; 3], lang: Lang) -> &[String] {
    lang_index(lang).map_or(&[][..], |i| &list[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse_and_hold_each_language() {
        let l = Lists::embedded();
        for lang in [Lang::Bg, Lang::De, Lang::En] {
            assert!(!of(&l.negative_word, lang).is_empty(), "{lang}");
        }
        assert!(of(&l.noun_ending, Lang::De).iter().any(|e| e == "ung"));
        assert!(
            Lists::parse("x\tde\ty\n")
                .unwrap_err()
                .contains("unknown list")
        );
        assert!(Lists::parse("noun_ending\txx\ty\n").is_err());
    }
}
