//! Rules N1–N3: numbers whose value the other side does not have. The
//! analysis reads every notation into values (decimal marks, scales such as
//! „Mrd.“, words such as "three", percentages), and the correspondence links
//! equal values, so what is left open here is a value one side lacks.

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::rules;
use super::view::{Side, Tok};
use crate::analyse::TokenKind;

/// Consecutive tokens of one kind, covered if any token of the group is.
pub fn groups(side: &Side, kind: TokenKind) -> Vec<(Words, bool)> {
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

/// N1, N2, N3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let open = |side: &Side| -> Vec<Words> {
        groups(side, TokenKind::Number)
            .into_iter()
            .filter(|(_, covered)| !covered)
            .map(|(w, _)| w)
            .collect()
    };
    let (s, t) = (open(&pr.source), open(&pr.target));
    claims.target(&t);
    match (s.is_empty(), t.is_empty()) {
        (false, false) => vec![Finding::new(&rules::N1).with_target(t).with_source(s)],
        (true, false) => {
            // A spelled-out small number ("one of", "a couple") is often
            // idiom; only digits count as a number that appeared.
            let digits: Vec<Words> = t.into_iter().filter(|w| !spelled(&pr.target, w)).collect();
            if digits.is_empty() {
                Vec::new()
            } else {
                vec![Finding::new(&rules::N2).with_target(digits)]
            }
        }
        (false, true) => {
            let digits: Vec<Words> = s.into_iter().filter(|w| !spelled(&pr.source, w)).collect();
            if digits.is_empty() {
                Vec::new()
            } else {
                vec![Finding::new(&rules::N3).with_source(digits)]
            }
        }
        (true, true) => Vec::new(),
    }
}
