//! Detectors that read the correspondence itself: numbers and names that
//! one side has and the other does not explain, quotes turned into
//! paraphrase or changed, and content words added or dropped.
//!
//! The rule for additions and omissions: a word left unexplained is an
//! addition only when the other side has nothing left unexplained that could
//! be its translation. Free translation leaves words unexplained on both
//! sides (a lexicon gap, a paraphrase: "tough stance" for "harte Linie"); an
//! addition leaves them on one side only.

use super::candidate::{Candidate, Weight, Words, runs};
use super::flag::Kind;
use super::view::{PairRow, Side, Tok};
use crate::analyse::TokenKind;
use crate::lang::Lang;

/// Consecutive tokens of one kind, covered if any token of the group is.
fn groups(side: &Side, kind: TokenKind) -> Vec<(Words, bool)> {
    let toks: Vec<Tok> = side.tokens().filter(|&k| side.kind(k) == kind).collect();
    runs(toks)
        .into_iter()
        .map(|w| {
            let covered = (w.from.t..=w.to.t).any(|t| side.is_covered(Tok { s: w.from.s, t }));
            (w, covered)
        })
        .collect()
}

/// Is a number group only words ("three"), not digits?
fn spelled(side: &Side, w: &Words) -> bool {
    (w.from.t..=w.to.t).all(|t| {
        !side
            .surface(Tok { s: w.from.s, t })
            .chars()
            .any(|c| c.is_ascii_digit())
    })
}

/// Numbers whose value the other side does not have.
pub fn numbers(pr: &PairRow, used: &mut Vec<Tok>) -> Vec<Candidate> {
    let open = |side: &Side| -> Vec<Words> {
        groups(side, TokenKind::Number)
            .into_iter()
            .filter(|(_, covered)| !covered)
            .map(|(w, _)| w)
            .collect()
    };
    let (s, t) = (open(&pr.source), open(&pr.target));
    let mut out = Vec::new();
    for w in &t {
        used.extend((w.from.t..=w.to.t).map(|k| Tok { s: w.from.s, t: k }));
    }
    match (s.is_empty(), t.is_empty()) {
        (false, false) => out.push(
            Candidate::new(Kind::Number, Weight::Strong, "changes the number")
                .with_target(t)
                .with_source(s),
        ),
        (true, false) => {
            // A spelled-out small number ("one of", "a couple") is often
            // idiom; only digits count as a number that appeared.
            let digits: Vec<Words> = t.into_iter().filter(|w| !spelled(&pr.target, w)).collect();
            if !digits.is_empty() {
                out.push(
                    Candidate::new(Kind::Number, Weight::Strong, "adds the number")
                        .with_target(digits),
                );
            }
        }
        (false, true) => {
            let digits: Vec<Words> = s.into_iter().filter(|w| !spelled(&pr.source, w)).collect();
            if !digits.is_empty() {
                out.push(
                    Candidate::new(Kind::Number, Weight::Moderate, "drops the number")
                        .with_source(digits),
                );
            }
        }
        (true, true) => {}
    }
    out
}

/// German noun endings: German capitalises every noun, so an unknown
/// capitalised word with one of these is a noun ("Dezertifizierung"), not a
/// name.
const GERMAN_NOUN_ENDINGS: &[&str] = &[
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "ität", "itäten", "ismus", "nis", "nisse", "tum", "chen", "ment", "ik", "ur", "enz", "anz",
    "ling", "ie", "ien",
];

/// Is a group of name tokens a name? Not a single letter ("U" of "U.S."),
/// not a German noun, and not a German compound with a hyphen
/// ("WLAN-Türklingel").
fn is_name(side: &Side, w: &Words) -> bool {
    let text = side.words(w.from, w.to);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    if side.lang == Lang::De {
        let lower = text.to_lowercase();
        let noun = GERMAN_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e));
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
fn leftover(side: &Side) -> f32 {
    side.tokens()
        .filter(|&k| side.kind(k) != TokenKind::Stop && !side.is_covered(k))
        .map(|k| side.weight(k))
        .sum()
}

/// Unexplained capitalised content words that are not the first word of
/// their sentence (in German, where nouns are capitalised, any).
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

/// Names that the other side does not explain: replaced, added or dropped.
/// A name one side has alone is added (or dropped) only when the other side
/// has nothing left unexplained that could be it: an acronym or a
/// descriptive rendering ("САЩ" for "US", "Китайската банка" for "China
/// Development Bank") is a translation, not a new name.
pub fn names(pr: &PairRow, used: &mut Vec<Tok>) -> Vec<Candidate> {
    // Runs of unexplained name tokens ("US-Präsident Donald Trump" keeps
    // "Donald Trump" open when only the title is explained).
    let open = |side: &Side| -> Vec<Words> {
        let toks: Vec<Tok> = side
            .tokens()
            .filter(|&k| side.kind(k) == TokenKind::Name && !side.is_covered(k))
            .collect();
        runs(toks)
            .into_iter()
            .filter(|w| is_name(side, w))
            .collect()
    };
    let (s, t) = (open(&pr.source), open(&pr.target));
    for w in &t {
        used.extend((w.from.t..=w.to.t).map(|k| Tok { s: w.from.s, t: k }));
    }
    // Acronyms differ from language to language ("ISIL" / "ИДИЛ", "U.S." /
    // "САЩ"): two open acronyms are one acronym translated.
    let acronyms = |side: &Side, w: &[Words]| w.iter().all(|w| is_acronym(side, w));
    if !s.is_empty() && !t.is_empty() && acronyms(&pr.source, &s) && acronyms(&pr.target, &t) {
        return Vec::new();
    }
    let replaced = |t: Vec<Words>, s: Vec<Words>| {
        vec![
            Candidate::new(Kind::Name, Weight::Strong, "replaces the name")
                .with_target(t)
                .with_source(s),
        ]
    };
    match (s.is_empty(), t.is_empty()) {
        (false, false) => replaced(t, s),
        (true, false) if leftover(&pr.source) == 0.0 => {
            vec![Candidate::new(Kind::Name, Weight::Strong, "adds the name").with_target(t)]
        }
        (false, true) if leftover(&pr.target) == 0.0 => {
            vec![Candidate::new(Kind::Name, Weight::Moderate, "drops the name").with_source(s)]
        }
        // What the other side leaves open is capitalised: a known place or
        // body ("Spanien", "Wirtschaftsministerium") that this name replaced.
        (true, false) if !capitalised_open(&pr.source).is_empty() => {
            replaced(t, capitalised_open(&pr.source))
        }
        (false, true) if !capitalised_open(&pr.target).is_empty() => {
            let t = capitalised_open(&pr.target);
            used.extend(t.iter().map(|w| w.from));
            replaced(t, s)
        }
        _ => Vec::new(),
    }
}

/// A quote has at least this many content words: a quoted name or title
/// ("„Св. Петър“") is not anyone's words.
const QUOTE_WORDS: usize = 4;
/// A quote whose content the other side explains less than this is changed;
/// a faithful translation of a quote explains most of it, however freely
/// worded.
const QUOTE_COVER: f32 = 0.5;

/// Content tokens a side quotes.
fn quoted_content(side: &Side) -> Vec<Tok> {
    side.tokens()
        .filter(|&k| side.is_quoted(k) && side.weight(k) > 0.0)
        .collect()
}

/// A direct quote turned into paraphrase (or the reverse), or the words of
/// a quote changed.
pub fn quotes(pr: &PairRow, used: &mut Vec<Tok>) -> Vec<Candidate> {
    used.sort_unstable();
    used.dedup();
    let (s, t) = (quoted_content(&pr.source), quoted_content(&pr.target));
    if s.len() >= QUOTE_WORDS && t.is_empty() {
        return vec![
            Candidate::new(
                Kind::Quote,
                Weight::Moderate,
                "turns the quote into paraphrase",
            )
            .with_source(runs(s)),
        ];
    }
    if t.len() >= QUOTE_WORDS && s.is_empty() {
        return vec![
            Candidate::new(
                Kind::Quote,
                Weight::Light,
                "quotes what the source paraphrased",
            )
            .with_target(runs(t)),
        ];
    }
    let cover = |side: &Side, toks: &[Tok]| -> f32 {
        let total: f32 = toks.iter().map(|&k| side.weight(k)).sum();
        let covered: f32 = toks
            .iter()
            .filter(|&&k| side.is_covered(k))
            .map(|&k| side.weight(k))
            .sum();
        if total > 0.0 { covered / total } else { 1.0 }
    };
    let open_t: Vec<Tok> = t
        .iter()
        .copied()
        .filter(|&k| {
            !pr.target.is_covered(k)
                && pr.target.kind(k) == TokenKind::Word
                && used.binary_search(&k).is_err()
        })
        .collect();
    if open_t.len() >= 2
        && cover(&pr.target, &t) < QUOTE_COVER
        && cover(&pr.source, &s) < QUOTE_COVER
    {
        used.extend(open_t.iter().copied());
        let open_s: Vec<Tok> = s
            .into_iter()
            .filter(|&k| !pr.source.is_covered(k))
            .collect();
        return vec![
            Candidate::new(
                Kind::Quote,
                Weight::Strong,
                "changes the words of the quote",
            )
            .with_target(runs(open_t))
            .with_source(runs(open_s)),
        ];
    }
    Vec::new()
}

/// Content words of `side` nobody on the other side explains, not claimed
/// by another detector.
fn open_words(side: &Side, used: &[Tok]) -> Vec<Tok> {
    side.tokens()
        .filter(|&k| {
            side.kind(k) == TokenKind::Word
                && !side.is_covered(k)
                && used.binary_search(&k).is_err()
        })
        .collect()
}

/// A word counts as salient content when it is at least this rare (token
/// weight, from its frequency: 0.25 for the most frequent, 2.0 for rare).
const SALIENT: f32 = 0.6;
/// Unexplained salient weight on one side that makes an addition (one rare
/// word, or two ordinary ones)…
const OPEN_WEIGHT: f32 = 1.0;
/// …when the other side's unexplained weight is at most this share of it.
const OTHER_SIDE_SHARE: f32 = 0.25;
/// A run of this many unexplained content words is a clause, not a word.
const CLAUSE_WORDS: usize = 3;

/// Content added in the target, or dropped from the source.
pub fn additions(pr: &PairRow, used_t: &[Tok], used_s: &[Tok]) -> Vec<Candidate> {
    let ot: Vec<Tok> = open_words(&pr.target, used_t);
    let os: Vec<Tok> = open_words(&pr.source, used_s);
    let salient = |side: &Side, toks: &[Tok]| -> Vec<Tok> {
        toks.iter()
            .copied()
            .filter(|&k| side.weight(k) >= SALIENT)
            .collect()
    };
    let weight = |side: &Side, toks: &[Tok]| -> f32 { toks.iter().map(|&k| side.weight(k)).sum() };
    let (st, ss) = (salient(&pr.target, &ot), salient(&pr.source, &os));
    let (wt, ws) = (weight(&pr.target, &ot), weight(&pr.source, &os));
    let mut out = Vec::new();
    if weight(&pr.target, &st) >= OPEN_WEIGHT && ws <= OTHER_SIDE_SHARE * wt {
        let clause = runs(st.clone())
            .iter()
            .any(|w| w.to.t - w.from.t + 1 >= CLAUSE_WORDS as u32);
        let w = if clause {
            Weight::Moderate
        } else {
            Weight::Light
        };
        out.push(Candidate::new(Kind::Addition, w, "adds").with_target(runs(st)));
    }
    if weight(&pr.source, &ss) >= OPEN_WEIGHT && wt <= OTHER_SIDE_SHARE * ws {
        let clause = runs(ss.clone())
            .iter()
            .any(|w| w.to.t - w.from.t + 1 >= CLAUSE_WORDS as u32);
        let w = if clause {
            Weight::Moderate
        } else {
            Weight::Light
        };
        out.push(Candidate::new(Kind::Omission, w, "drops").with_source(runs(ss)));
    }
    out
}
