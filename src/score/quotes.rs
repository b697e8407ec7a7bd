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

/// Content tokens a side quotes (with `titles`, all of them), leaving out titles and names in quotation
/// marks: a short quoted run (at most `TITLE_WORDS` words) that opens with a
/// capital and has no punctuation inside or at its end is a film, a book or
/// a party („Das Vermächtnis der Tempelritter“, „Граждански глас“), not
/// someone's words; quoted speech ends in or holds punctuation („Wir haben
/// uns verglichen.“).
fn quoted_content(side: &Side, titles: bool) -> Vec<Tok> {
    let quoted: Vec<Tok> = side.tokens().filter(|&k| side.is_quoted(k)).collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < quoted.len() {
        let mut end = start + 1;
        while end < quoted.len()
            && quoted[end].s == quoted[start].s
            && quoted[end].t == quoted[end - 1].t + 1
        {
            end += 1;
        }
        let run = &quoted[start..end];
        if titles || !is_title(side, run) {
            out.extend(run.iter().copied().filter(|&k| side.weight(k) > 0.0));
        }
        start = end;
    }
    out
}

/// The most words a quoted title or name has.
const TITLE_WORDS: usize = 6;

fn is_title(side: &Side, run: &[Tok]) -> bool {
    let (Some(&a), Some(&b)) = (run.first(), run.last()) else {
        return false;
    };
    let inside = side.words(a, b);
    let after = side.texts[b.s]
        .get(side.span(b).end..)
        .unwrap_or("")
        .trim_start();
    run.len() <= TITLE_WORDS
        && side.surface(a).starts_with(char::is_uppercase)
        && !inside.contains(['.', '!', '?', ',', ':', ';'])
        && !after.starts_with(['.', '!', '?', ',', '…'])
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
    let (s, t) = (
        quoted_content(&pr.source, false),
        quoted_content(&pr.target, false),
    );
    // Any quotation marks at all, titles included, keep a quote a quote.
    let (any_s, any_t) = (
        !quoted_content(&pr.source, true).is_empty(),
        !quoted_content(&pr.target, true).is_empty(),
    );
    if s.len() >= p.quote_words && !any_t {
        return vec![Finding::new(&rules::Q1).with_source(runs(s))];
    }
    if t.len() >= p.quote_words && !any_s {
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
