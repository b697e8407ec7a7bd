//! Rules A1, A2, A3, O1, O2, O3: content words added or dropped inside a
//! sentence, and part of a row added or left out.
//!
//! A word left unexplained is an addition only when the other side has
//! nothing left unexplained that could be its translation. Free translation
//! leaves words unexplained on both sides (a lexicon gap, a paraphrase:
//! "tough stance" for "harte Linie"); an addition leaves them on one side
//! only. These run last, over the words no other rule claimed.

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, runs};
use super::lengths;
use super::rules::{self, Rule};
use super::severity::Place;
use super::view::{Side, Tok};
use crate::analyse::TokenKind;

/// Content words of `side` nobody on the other side explains, not claimed
/// by another rule.
fn open_words(side: &Side, claimed: impl Fn(Tok) -> bool) -> Vec<Tok> {
    side.tokens()
        .filter(|&k| side.kind(k) == TokenKind::Word && !side.is_covered(k) && !claimed(k))
        .collect()
}

/// A1/A2/A3 and O1/O2/O3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let (pr, p) = (cx.pr, cx.params);
    let ot = open_words(&pr.target, |k| claims.has_target(k));
    let os = open_words(&pr.source, |k| claims.has_source(k));
    let salient = |side: &Side, toks: &[Tok]| -> Vec<Tok> {
        toks.iter()
            .copied()
            .filter(|&k| side.weight(k) >= p.salient)
            .collect()
    };
    let weight = |side: &Side, toks: &[Tok]| -> f32 { toks.iter().map(|&k| side.weight(k)).sum() };
    let (st, ss) = (salient(&pr.target, &ot), salient(&pr.source, &os));
    let (wt, ws) = (weight(&pr.target, &ot), weight(&pr.source, &os));
    let clause = |toks: &[Tok]| {
        runs(toks.to_vec())
            .iter()
            .any(|w| (w.to.t - w.from.t + 1) as usize >= p.clause_words)
    };
    let pick = |toks: &[Tok], word: &'static Rule, clause_rule: &'static Rule| {
        if clause(toks) { clause_rule } else { word }
    };
    // The row's length against a translation's (O3, A3): the target's
    // share of the expected length and the characters between them; not
    // judged in a headline or on a short source.
    let length = cx
        .expected_length
        .filter(|_| cx.place != Place::Headline && lengths::chars(&pr.source) >= p.short_row_chars)
        .and_then(|e| lengths::kept(pr, e));
    let mut out = Vec::new();
    if weight(&pr.target, &st) >= p.open_weight && ws <= p.other_side_share * wt {
        let long = st.len() >= p.clause_words
            && length.is_some_and(|(share, lacks)| {
                share * p.short_row > 1.0 && -lacks >= p.short_row_missing as f32
            });
        let rule = if long {
            &rules::A3
        } else {
            pick(&st, &rules::A1, &rules::A2)
        };
        out.push(Finding::new(rule).with_target(runs(st)));
    }
    if weight(&pr.source, &ss) >= p.open_weight && wt <= p.other_side_share * ws {
        let short = ss.len() >= p.clause_words
            && length.is_some_and(|(share, lacks)| {
                share < p.short_row && lacks >= p.short_row_missing as f32
            });
        let rule = if short {
            &rules::O3
        } else {
            pick(&ss, &rules::O1, &rules::O2)
        };
        out.push(Finding::new(rule).with_source(runs(ss)));
    }
    for f in &out {
        claims.finding(f);
    }
    out
}
