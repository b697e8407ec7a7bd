//! Rules Q1–Q3: a direct quote turned into paraphrase (or the reverse), or
//! the words of a quote changed. Which tokens stand inside quotation marks
//! is worked out by the row view (a quote may open in one sentence and
//! close in the next).

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, runs};
use super::rules;
use super::view::{Side, Tok};
use crate::analyse::TokenKind;

/// Content tokens a side quotes.
fn quoted_content(side: &Side) -> Vec<Tok> {
    side.tokens()
        .filter(|&k| side.is_quoted(k) && side.weight(k) > 0.0)
        .collect()
}

/// The share of the weight of `toks` the other side explains.
fn cover(side: &Side, toks: &[Tok]) -> f32 {
    let total: f32 = toks.iter().map(|&k| side.weight(k)).sum();
    let covered: f32 = toks
        .iter()
        .filter(|&&k| side.is_covered(k))
        .map(|&k| side.weight(k))
        .sum();
    if total > 0.0 { covered / total } else { 1.0 }
}

/// Q1, Q2, Q3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let (pr, p) = (cx.pr, cx.params);
    let (s, t) = (quoted_content(&pr.source), quoted_content(&pr.target));
    if s.len() >= p.quote_words && t.is_empty() {
        return vec![Finding::new(&rules::Q1).with_source(runs(s))];
    }
    if t.len() >= p.quote_words && s.is_empty() {
        return vec![Finding::new(&rules::Q2).with_target(runs(t))];
    }
    let open_t: Vec<Tok> = t
        .iter()
        .copied()
        .filter(|&k| {
            !pr.target.is_covered(k)
                && pr.target.kind(k) == TokenKind::Word
                && !claims.has_target(k)
        })
        .collect();
    if open_t.len() >= 2
        && cx.corresponds()
        && cover(&pr.target, &t) < p.quote_cover
        && cover(&pr.source, &s) < p.quote_cover
    {
        let open_s: Vec<Tok> = s
            .into_iter()
            .filter(|&k| !pr.source.is_covered(k))
            .collect();
        return vec![
            Finding::new(&rules::Q3)
                .with_target(runs(open_t))
                .with_source(runs(open_s)),
        ];
    }
    Vec::new()
}
