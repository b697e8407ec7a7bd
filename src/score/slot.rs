//! Where an unexplained word stands: the slot test. A word the target adds
//! sits between words that the source renders side by side ("über den
//! korrupten Damm" against "over the dam": "den" and „Damm“ have their
//! counterparts next to each other, and nothing between them could be
//! rendered as „korrupten“). A word that translates something stands where
//! the source has an unexplained word of its own ("verheerende Niederlage"
//! against "heavy defeat": "heavy" is unexplained, and may be its
//! translation).
//!
//! This is the word-level test of an addition. The clause-level test (the
//! source's rendering of the clause has nothing left unexplained) fails on
//! most long sentences, because even a faithful translation leaves 12–18 %
//! of its words unexplained; the slot test asks only about the one place
//! where a counterpart would stand.

use super::view::{PairRow, Side, Tok};
use crate::analyse::{How, TokenKind};

/// A neighbour is looked for at most this many tokens away from the word,
/// within its clause ("eine albtraumhafte WLAN-Türklingel": one; "before
/// the brutal end": past the article, no further).
const REACH: u32 = 2;

/// Counterparts of the two neighbours at most this many tokens apart are
/// side by side ("the | dam", "над | язовира", "den | Damm", with at most a
/// few light words between them).
const TIGHT: u32 = 4;

/// With one neighbour only (the word opens or closes its clause), the slot
/// is this many source tokens beside its counterpart: where a modifier of
/// the counterpart would stand.
const BESIDE: u32 = 2;

/// What stands on one side of the word in the target.
enum Neighbour {
    /// A token with counterparts: these.
    Linked(Vec<Tok>),
    /// An unexplained salient word comes first: the target rewords there,
    /// so the slot is not clean.
    Open,
    /// Nothing linked within reach (the clause's edge, or light words).
    Edge,
}

/// The nearest target token in `range` (walked in its order) with a
/// counterpart.
fn neighbour(pr: &PairRow, w: Tok, range: impl Iterator<Item = u32>, salient: f32) -> Neighbour {
    for t in range.take(REACH as usize) {
        let k = Tok { s: w.s, t };
        let partners: Vec<Tok> = pr.partners_of_target(k).collect();
        if !partners.is_empty() {
            return Neighbour::Linked(partners);
        }
        if pr.target.is_open(k, salient) {
            return Neighbour::Open;
        }
        // A light word of its own ("before", "преди") bounds the slot
        // like a clause mark; articles and other stop words do not.
        if pr.target.kind(k) == TokenKind::Word {
            return Neighbour::Edge;
        }
    }
    Neighbour::Edge
}

/// Is source token `k` a German noun compound the lexicon split
/// ("Polizeigewalt" for "police brutality")? It may render two target words
/// while only one of them is linked to it, so it cannot border a clean
/// slot. Nouns only: the splitter also cuts verbs („verglichen“), which
/// render one word.
pub fn compound(side: &Side, k: Tok) -> bool {
    side.surface(k).starts_with(char::is_uppercase)
        && side.analysed[k.s].toward.iter().any(|(_, keys)| {
            keys.iter()
                .any(|key| key.token == k.t && key.how == How::Compound)
        })
}

/// Does the target word `w` stand where the source has nothing that could
/// render it? It must stand right before a linked word (a modifier before its
/// head: "the disastrous expansion", „den korrupten Damm“, „унизителните
/// войски“; bg, de and en put adjectives there), and either
/// - its linked neighbour before it has a counterpart within [`TIGHT`]
///   tokens before the head's, or
/// - it has no linked neighbour before it (the clause opens, or a light word
///   of its own stands there: "before"), and the slot is the
///   [`BESIDE`] source tokens before the head's counterpart;
///
/// and every salient word in the slot is linked to a content word of the
/// target (stop words and light words aside: an unexplained word, one
/// explained only softly, or one linked only to a stop word, „aufgebrachten“
/// to "at", may be the added word's counterpart). A counterpart that is a
/// split compound borders no slot.
pub fn added_in_place(pr: &PairRow, w: Tok, salient: f32) -> bool {
    let clause = pr.target.clause(w);
    let left = neighbour(pr, w, (clause.start..w.t).rev(), salient);
    // The head comes right after the modifier: a word in between ("may
    // have ruptured and are leaking", "so extreme that") shows a predicate,
    // not a modifier.
    let Neighbour::Linked(right) = neighbour(pr, w, w.t + 1..(w.t + 2).min(clause.end), salient)
    else {
        return false;
    };
    let src = &pr.source;
    let clean = |s: usize, from: u32, to: u32| {
        (from..to).all(|t| {
            let k = Tok { s, t };
            src.kind(k) != TokenKind::Word
                || src.weight(k) < salient
                || pr
                    .partners_of_source(k)
                    .any(|p| pr.target.kind(p) == TokenKind::Word)
        })
    };
    let right: Vec<&Tok> = right.iter().filter(|b| !compound(src, **b)).collect();
    match left {
        Neighbour::Linked(left) => left.iter().any(|a| {
            !compound(src, *a)
                && right.iter().any(|b| {
                    a.s == b.s && a.t < b.t && b.t - a.t <= TIGHT && clean(a.s, a.t + 1, b.t)
                })
        }),
        Neighbour::Edge => right.iter().any(|b| {
            let start = src.clause(**b).start.max(b.t.saturating_sub(BESIDE));
            clean(b.s, start, b.t)
        }),
        Neighbour::Open => false,
    }
}
