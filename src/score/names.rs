//! Rules NM1–NM4: names that the other side does not explain: replaced,
//! added or dropped. A name one side has alone is added (or dropped) only
//! when the other side has nothing left unexplained that could be it: an
//! acronym or a descriptive rendering ("САЩ" for "US", "Китайската банка"
//! for "China Development Bank") is a translation, not a new name.

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::rules;
use super::view::{Side, Tok};
use super::words::{self, Lists};
use crate::analyse::TokenKind;
use crate::lang::Lang;

/// Is a group of name tokens a name? Not a single letter ("U" of "U.S."),
/// not a German noun, and not a German compound with a hyphen
/// ("WLAN-Türklingel").
fn is_name(side: &Side, w: &Words, lists: &Lists) -> bool {
    let text = side.words(w.from, w.to);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    if side.lang == Lang::De {
        let lower = text.to_lowercase();
        let noun = words::of(&lists.noun_ending, Lang::De)
            .iter()
            .any(|e| lower.ends_with(e.as_str()));
        let compound = text.contains('-')
            && text
                .rsplit('-')
                .next()
                .is_some_and(|h| h.chars().count() > 3);
        if noun || compound {
            return false;
        }
    }
    true
}

/// An acronym or abbreviation: all capitals, or at most three letters.
fn is_acronym(side: &Side, w: &Words) -> bool {
    let text = side.words(w.from, w.to);
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 3 || letters.iter().all(|c| c.is_uppercase())
}

/// Weight of what a side leaves unexplained (content words, names, numbers).
pub fn leftover(side: &Side) -> f32 {
    side.tokens()
        .filter(|&k| side.kind(k) != TokenKind::Stop && !side.is_covered(k))
        .map(|k| side.weight(k))
        .sum()
}

/// Unexplained capitalised content words that are not the first word of
/// their sentence (in German, where nouns are capitalised, none).
fn capitalised_open(side: &Side) -> Vec<Words> {
    let toks: Vec<Tok> = side
        .tokens()
        .filter(|&k| {
            side.kind(k) == TokenKind::Word
                && !side.is_covered(k)
                && side.surface(k).starts_with(char::is_uppercase)
                && side.lang != Lang::De
                && k.t > 0
        })
        .collect();
    runs(toks)
}

/// NM1–NM4.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    // Runs of unexplained name tokens ("US-Präsident Donald Trump" keeps
    // "Donald Trump" open when only the title is explained).
    let open = |side: &Side| -> Vec<Words> {
        let toks: Vec<Tok> = side
            .tokens()
            .filter(|&k| side.kind(k) == TokenKind::Name && !side.is_covered(k))
            .collect();
        runs(toks)
            .into_iter()
            .filter(|w| is_name(side, w, cx.lists))
            .collect()
    };
    let (s, t) = (open(&pr.source), open(&pr.target));
    claims.target(&t);
    // Acronyms differ from language to language ("ISIL" / "ИДИЛ", "U.S." /
    // "САЩ"): two open acronyms are one acronym translated.
    let acronyms = |side: &Side, w: &[Words]| w.iter().all(|w| is_acronym(side, w));
    if !s.is_empty() && !t.is_empty() && acronyms(&pr.source, &s) && acronyms(&pr.target, &t) {
        return Vec::new();
    }
    match (s.is_empty(), t.is_empty()) {
        (false, false) => vec![Finding::new(&rules::NM1).with_target(t).with_source(s)],
        (true, false) if leftover(&pr.source) == 0.0 => {
            vec![Finding::new(&rules::NM2).with_target(t)]
        }
        (false, true) if leftover(&pr.target) == 0.0 => {
            vec![Finding::new(&rules::NM3).with_source(s)]
        }
        // What the other side leaves open is capitalised: a known place or
        // body ("Spanien", "Wirtschaftsministerium") that this name replaced.
        (true, false) if !capitalised_open(&pr.source).is_empty() => {
            vec![
                Finding::new(&rules::NM4)
                    .with_target(t)
                    .with_source(capitalised_open(&pr.source)),
            ]
        }
        (false, true) if !capitalised_open(&pr.target).is_empty() => {
            let t = capitalised_open(&pr.target);
            vec![Finding::new(&rules::NM4).with_target(t).with_source(s)]
        }
        _ => Vec::new(),
    }
}
