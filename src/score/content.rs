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

/// Names that the other side does not explain: replaced, added or dropped.
pub fn names(pr: &PairRow, used: &mut Vec<Tok>) -> Vec<Candidate> {
    // A single letter ("U" of "U.S.") is an initial, not a name.
    let open = |side: &Side| -> Vec<Words> {
        groups(side, TokenKind::Name)
            .into_iter()
            .filter(|(w, covered)| {
                !covered
                    && side
                        .words(w.from, w.to)
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        > 1
            })
            .map(|(w, _)| w)
            .collect()
    };
    let (s, t) = (open(&pr.source), open(&pr.target));
    for w in &t {
        used.extend((w.from.t..=w.to.t).map(|k| Tok { s: w.from.s, t: k }));
    }
    match (s.is_empty(), t.is_empty()) {
        (false, false) => vec![
            Candidate::new(Kind::Name, Weight::Strong, "replaces the name")
                .with_target(t)
                .with_source(s),
        ],
        (true, false) => {
            vec![Candidate::new(Kind::Name, Weight::Strong, "adds the name").with_target(t)]
        }
        (false, true) => {
            vec![Candidate::new(Kind::Name, Weight::Moderate, "drops the name").with_source(s)]
        }
        (true, true) => Vec::new(),
    }
}

/// Content tokens a side quotes.
fn quoted_content(side: &Side) -> Vec<Tok> {
    side.tokens()
        .filter(|&k| side.is_quoted(k) && side.weight(k) > 0.0)
        .collect()
}

/// A direct quote turned into paraphrase (or the reverse), or quoted words
/// the source does not have.
pub fn quotes(pr: &PairRow, used: &mut Vec<Tok>) -> Vec<Candidate> {
    let (s, t) = (quoted_content(&pr.source), quoted_content(&pr.target));
    if s.len() >= 2 && t.is_empty() {
        return vec![
            Candidate::new(
                Kind::Quote,
                Weight::Moderate,
                "turns the quote into paraphrase",
            )
            .with_source(runs(s)),
        ];
    }
    if t.len() >= 2 && s.is_empty() {
        return vec![
            Candidate::new(
                Kind::Quote,
                Weight::Light,
                "quotes what the source paraphrased",
            )
            .with_target(runs(t)),
        ];
    }
    // Quoted words in the target that the source does not explain, while
    // the source has nothing left unexplained inside its quote.
    let open_t: Vec<Tok> = t
        .iter()
        .copied()
        .filter(|&k| {
            !pr.target.is_covered(k) && pr.target.kind(k) == TokenKind::Word && !used.contains(&k)
        })
        .collect();
    let open_s_weight: f32 = s
        .iter()
        .filter(|&&k| !pr.source.is_covered(k))
        .map(|&k| pr.source.weight(k))
        .sum();
    let open_t_weight: f32 = open_t.iter().map(|&k| pr.target.weight(k)).sum();
    if open_t.len() >= 2 && open_t_weight >= 1.5 && open_s_weight >= 0.5 {
        used.extend(open_t.iter().copied());
        return vec![
            Candidate::new(
                Kind::Quote,
                Weight::Strong,
                "changes the words of the quote",
            )
            .with_target(runs(open_t))
            .with_source(runs(
                s.into_iter()
                    .filter(|&k| !pr.source.is_covered(k))
                    .collect(),
            )),
        ];
    }
    Vec::new()
}

/// Content words of `side` nobody on the other side explains, not claimed
/// by another detector.
fn open_words(side: &Side, used: &[Tok]) -> Vec<Tok> {
    side.tokens()
        .filter(|&k| side.kind(k) == TokenKind::Word && !side.is_covered(k) && !used.contains(&k))
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
