//! German compounds split against the lexicon, so "Technologietransfer" meets
//! "technology transfer" and "трансфер на технологии". A word the dictionaries
//! do not know is cut into a known modifier (with or without a linking
//! element: -s-, -es-, -n-, -en-, -e-, -er-) and a known head; an unknown
//! modifier is cut once more. The longest known head wins.

use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId, fold};

const LINKERS: &[&str] = &["", "s", "es", "n", "en", "e", "er", "ns"];
const MIN_PART: usize = 3;

/// Terms of the parts of a compound, head last; empty when no split is known.
pub fn split(lexicon: &Lexicon, word: &str) -> Vec<TermId> {
    split_depth(lexicon, word, 2)
}

fn split_depth(lexicon: &Lexicon, word: &str, depth: usize) -> Vec<TermId> {
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(MIN_PART).collect();
    for &cut in &bounds {
        let (left, head) = (&word[..cut], &word[cut..]);
        if head.chars().count() < MIN_PART {
            break;
        }
        let Some(head_term) = known(lexicon, head) else {
            continue;
        };
        for linker in LINKERS {
            let Some(modifier) = left.strip_suffix(linker) else {
                continue;
            };
            if modifier.chars().count() < MIN_PART {
                continue;
            }
            if let Some(m) = known(lexicon, modifier) {
                return vec![m, head_term];
            }
            if depth > 1 {
                let mut inner = split_depth(lexicon, modifier, depth - 1);
                if !inner.is_empty() {
                    inner.push(head_term);
                    return inner;
                }
            }
        }
    }
    Vec::new()
}

/// The term of a part, if the lexicon can translate it.
fn known(lexicon: &Lexicon, part: &str) -> Option<TermId> {
    let mut terms = Vec::new();
    lexicon.terms(Lang::De, &fold(part), &mut terms);
    terms
        .into_iter()
        .find(|&t| lexicon.is_translatable(Lang::De, t))
}
