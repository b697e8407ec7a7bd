//! Rules NEG1–NEG3: polarity flipped. A side is negated when it has a
//! negator (the loaded lexicon's, an English "n't", a hyphenated "non-");
//! a flip is a negation on one side only, unless the other side has a word
//! negative in itself that carries the same polarity ("unable", "kostenlos",
//! "невъзможно", "failed" for "не може", "ohne", "nicht gelungen"). Presence
//! counts, not number: Bulgarian negative concord says "никой не" for
//! "nobody" and "не … нищо" for "nothing". An antonym swap ("stieg" →
//! "fell") flips polarity without a negator.

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::rules;
use super::view::{Side, Tok, form_words};
use super::words::{self, Lists};
use crate::analyse::TokenKind;
use crate::lang::Lang;
use crate::score::loaded::Marker;

/// Negators on a side: the lexicon's, English contractions in n't, and
/// words with a hyphenated negative prefix.
fn negators(side: &Side, lists: &Lists) -> Vec<Tok> {
    // "No." before a number or a code ("No. C-412/24") is "number".
    let before_number = |t: Tok| {
        side.analysed[t.s]
            .tokens
            .get(t.t as usize + 1)
            .is_some_and(|k| {
                let next = &side.texts[t.s][k.span.start as usize..k.span.end as usize];
                k.kind == TokenKind::Number || next.chars().any(|c| c.is_ascii_digit())
            })
    };
    let mut out: Vec<Tok> = side
        .forms()
        .filter(|(t, f)| f.marker == Marker::Negator && !before_number(*t))
        .map(|(t, _)| t)
        .collect();
    let hyphened = words::of(&lists.hyphen_negator, side.lang);
    for k in side.tokens() {
        let w = side.surface(k).to_lowercase();
        let negated = (side.lang == Lang::En && (w.ends_with("n't") || w.ends_with("n’t")))
            || hyphened.iter().any(|p| w.starts_with(p.as_str()));
        if negated && !out.contains(&k) {
            out.push(k);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Does a side have a word negative in itself: a negative word, prefix or
/// suffix, or "without"?
fn implicitly_negative(side: &Side, lists: &Lists) -> bool {
    if side.forms().any(|(_, f)| f.marker == Marker::Without) {
        return true;
    }
    let lang = side.lang;
    let (negative, prefixes, exceptions, suffixes) = (
        words::of(&lists.negative_word, lang),
        words::of(&lists.negative_prefix, lang),
        words::of(&lists.not_negative_prefix, lang),
        words::of(&lists.negative_suffix, lang),
    );
    side.tokens().any(|k| {
        let w = side.surface(k).to_lowercase();
        let long = w.chars().count() >= 6;
        negative.contains(&w)
            || (long
                && prefixes.iter().any(|p| w.starts_with(p.as_str()))
                && !exceptions.iter().any(|p| w.starts_with(p.as_str())))
            || suffixes.iter().any(|e| w.ends_with(e.as_str()))
    })
}

/// NEG1, NEG2, NEG3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let (ns, nt) = (
        negators(&pr.source, cx.lists),
        negators(&pr.target, cx.lists),
    );
    let mut out = Vec::new();
    // The side's negators the other side does not explain (all of them
    // when it explains every one).
    let extra = |side: &Side, negs: &[Tok]| -> Vec<Tok> {
        let open: Vec<Tok> = negs
            .iter()
            .copied()
            .filter(|&t| !side.is_covered(t))
            .collect();
        if open.is_empty() { negs.to_vec() } else { open }
    };
    if !nt.is_empty() && ns.is_empty() && !implicitly_negative(&pr.source, cx.lists) {
        out.push(Finding::new(&rules::NEG1).with_target(runs(extra(&pr.target, &nt))));
    } else if !ns.is_empty() && nt.is_empty() && !implicitly_negative(&pr.target, cx.lists) {
        out.push(Finding::new(&rules::NEG2).with_source(runs(extra(&pr.source, &ns))));
    }
    // Antonyms: the target has one side of a pair where the source has the other.
    let antonyms = |side: &Side| -> Vec<(u32, u8, Tok, Words)> {
        side.forms()
            .filter_map(|(t, f)| match f.marker {
                Marker::Antonym { pair, side } => Some((pair, side, t, form_words(t, f))),
                _ => None,
            })
            .collect()
    };
    let (sa, ta) = (antonyms(&pr.source), antonyms(&pr.target));
    for &(pair, side, t, words) in &ta {
        let source_has_same = sa.iter().any(|&(p, s, _, _)| p == pair && s == side);
        let other = sa.iter().find(|&&(p, s, _, _)| p == pair && s != side);
        let target_has_other = ta.iter().any(|&(p, s, _, _)| p == pair && s != side);
        if let Some(&(_, _, _, sw)) = other
            && !source_has_same
            && !target_has_other
            && out.is_empty()
        {
            claims.target_token(t);
            out.push(
                Finding::new(&rules::NEG3)
                    .with_target(vec![words])
                    .with_source(vec![sw]),
            );
        }
    }
    out
}
