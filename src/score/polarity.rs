//! Rules NEG1–NEG3: polarity flipped. Polarity is a property of a clause,
//! not of a word, so a flip is claimed only where the two sides can be
//! compared clause by clause:
//!
//! 1. A **negator** (the loaded lexicon's, an English "n't") negates its
//!    clause, unless it stands in a question (which asserts nothing), unless it is part of a construction that
//!    does not negate: "not only", "nicht nur", "не само" (they add), "not
//!    long after" (soon after), "no later than", "not … until" (a bound or
//!    a time: "spätestens", "erst"), Bulgarian "освен ако не" (unless), "докато
//!    не" (until, anywhere in the clause "докато" opens), "не … повече от"
//!    (no more than), "а не" (rather than), "or not"; or a capitalised English
//!    "Not" inside a title ("Did Not Finish"); or when the word it negates
//!    is negative in itself (double negation: "nicht ungewöhnlich", "не е
//!    невъзможно" are positive).
//! 2. The negated clause's **head** is the first content word after the
//!    negator in the clause ("не **достигат**", "did not **agree**"), or,
//!    with none after it, the last one before it (German "sie **kam**
//!    nicht").
//! 3. The flip is claimed only when the other side carries no negation in
//!    the row that may render this one (no negator, no "without", no
//!    phrase negative in itself — "has yet to", "out of the question" —
//!    and no word negative in itself — "failed", "Mangel", "липсата", "unable",
//!    "kostenlos" — unless that word just translates a word outside the
//!    negation: "lack" / "липсата" in both; a translation moves a negation
//!    between clauses freely: "gibt es keine Medikamente, die eindeutig…" /
//!    "не са ясно демонстрирани лекарства"),
//!    and the head has a counterpart there (a word the correspondence links
//!    to it). Where the head has no counterpart the two sides cannot be
//!    compared, and nothing is claimed: "asked not to be named" against
//!    „пожелал анонимност“, "не достигат" against "is short of". (A head
//!    the lexicon does not know may stand for its clause: any content word
//!    of the clause with a counterpart makes the clauses comparable.)
//!
//! An antonym swap ("stieg" → "fell") flips polarity without a negator
//! (NEG3), unless one of the two words is negated and the other is not
//! ("nicht notwendig" / "unnecessary"); prepositions are never antonyms
//! ("под" / "über").

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::rules;
use super::view::{PairRow, Side, Tok, form_words};
use super::words::{self, Lists};
use crate::analyse::TokenKind;
use crate::lang::Lang;
use crate::score::loaded::Marker;

/// The folded surface of token `t` of sentence `s`, if it exists.
fn word_at(side: &Side, s: usize, t: i64) -> Option<String> {
    let t = usize::try_from(t).ok()?;
    let tok = side.analysed[s].tokens.get(t)?;
    let text = &side.texts[s][tok.span.start as usize..tok.span.end as usize];
    Some(text.to_lowercase())
}

/// Is a word negative in itself: listed, with a negative stem, prefix
/// ("unable", "non-human") or suffix?
fn negative_in_itself(w: &str, lang: Lang, lists: &Lists) -> bool {
    let long = w.chars().count() >= 6;
    words::of(&lists.negative_word, lang).iter().any(|n| n == w)
        || words::of(&lists.hyphen_negator, lang)
            .iter()
            .any(|p| w.starts_with(p.as_str()))
        || words::of(&lists.negative_stem, lang)
            .iter()
            .any(|p| w.starts_with(p.as_str()))
        || (long
            && words::of(&lists.negative_prefix, lang)
                .iter()
                .any(|p| w.starts_with(p.as_str()))
            && !words::of(&lists.not_negative_prefix, lang)
                .iter()
                .any(|p| w.starts_with(p.as_str())))
        || words::of(&lists.negative_suffix, lang)
            .iter()
            .any(|e| w.ends_with(e.as_str()))
}

/// Negators on a side, with the tokens each spans: the lexicon's, and
/// English contractions in n't. A negator in a question does not count: a
/// question asserts nothing ("Do you not prioritise premium customers?"
/// for "Gibt es einen Premiumkunden-Status?").
fn negators(side: &Side, _lists: &Lists) -> Vec<Words> {
    // "No." before a number in digits or a code ("No. C-412/24") is "number".
    let before_digits = |t: Tok| {
        side.analysed[t.s]
            .tokens
            .get(t.t as usize + 1)
            .is_some_and(|k| {
                let next = &side.texts[t.s][k.span.start as usize..k.span.end as usize];
                next.chars().any(|c| c.is_ascii_digit())
            })
    };
    let mut out: Vec<Words> = side
        .forms()
        .filter(|(t, f)| f.marker == Marker::Negator && !before_digits(*t))
        .map(|(t, f)| form_words(t, f))
        .collect();
    for k in side.tokens() {
        let w = side.surface(k).to_lowercase();
        let negated = side.lang == Lang::En && (w.ends_with("n't") || w.ends_with("n’t"));
        if negated && !out.iter().any(|n| n.from == k) {
            out.push(Words::one(k));
        }
    }
    let question = |s: usize| {
        side.texts[s]
            .trim_end_matches(['“', '”', '"', '»', '«', '‘', '’', ')'])
            .ends_with('?')
    };
    out.retain(|n| !question(n.from.s));
    out.sort_by_key(|w| w.from);
    out.dedup_by_key(|w| w.from);
    out
}

/// Does negator `n` negate its clause (rule 1)?
fn negates(side: &Side, n: &Words, lists: &Lists) -> bool {
    let (s, first, last) = (n.from.s, n.from.t as i64, n.to.t as i64);
    let lang = side.lang;
    let after = word_at(side, s, last + 1);
    let before = word_at(side, s, first - 1);
    if after.is_some_and(|w| words::of(&lists.negation_cancel_after, lang).contains(&w))
        || before.is_some_and(|w| words::of(&lists.negation_cancel_before, lang).contains(&w))
    {
        return false;
    }
    // English bounds and times: "no later than" (spätestens), "not more
    // than" (höchstens), "did not return until May" (erst im Mai) keep the
    // clause's polarity.
    if lang == Lang::En {
        if word_at(side, s, last + 2).is_some_and(|w| w == "than") {
            return false;
        }
        let clause = side.clause(n.from);
        if (n.to.t + 1..clause.end).any(|t| {
            matches!(
                word_at(side, s, t as i64).as_deref(),
                Some("until" | "till")
            )
        }) {
            return false;
        }
    }
    // Bulgarian bounds and times: "не … повече от" (no more than: "не са
    // нищо повече от кратко резюме", merely a brief summary), and "не"
    // in a clause opened by "докато" ("докато произведенията му не бяха
    // изтрити": until his works were deleted).
    if lang == Lang::Bg {
        if (last + 1..last + 4).any(|t| {
            matches!(word_at(side, s, t).as_deref(), Some("повече" | "по-малко"))
                && word_at(side, s, t + 1).is_some_and(|w| w == "от")
        }) {
            return false;
        }
        let clause = side.clause(n.from);
        if (clause.start..n.from.t)
            .any(|t| word_at(side, s, t as i64).is_some_and(|w| w == "докато"))
        {
            return false;
        }
    }
    // A capitalised "Not" or "No" inside an English sentence is a title.
    let surface = side.surface(n.from);
    if lang == Lang::En && n.from.t > 0 && surface.starts_with(char::is_uppercase) {
        return false;
    }
    // Double negation: the negated word is negative in itself.
    !head(side, n).is_some_and(|h| negative_in_itself(&side.surface(h).to_lowercase(), lang, lists))
}

/// Is token `t` the head of a negator that negates its clause ("nicht
/// **notwendigen**")? An antonym under negation keeps the polarity of the
/// other word: "nicht notwendig" / "unnecessary".
fn negated(side: &Side, t: Tok, lists: &Lists) -> bool {
    negators(side, lists)
        .iter()
        .any(|n| head(side, n) == Some(t) && negates(side, n, lists))
}

/// Is token `t` a content word?
fn content(side: &Side, t: Tok) -> bool {
    side.kind(t) != TokenKind::Stop
}

/// The head of negator `n` (rule 2).
fn head(side: &Side, n: &Words) -> Option<Tok> {
    let clause = side.clause(n.from);
    let s = n.from.s;
    (n.to.t + 1..clause.end)
        .map(|t| Tok { s, t })
        .find(|&t| content(side, t))
        .or_else(|| {
            (clause.start..n.from.t)
                .rev()
                .map(|t| Tok { s, t })
                .find(|&t| content(side, t))
        })
}

/// Does a sentence of `side` hold a phrase negative in itself ("has yet
/// to", "out of the question"), word by word?
fn has_negative_phrase(side: &Side, lists: &Lists) -> bool {
    let phrases: Vec<Vec<&str>> = words::of(&lists.negative_phrase, side.lang)
        .iter()
        .map(|p| p.split(' ').collect())
        .collect();
    if phrases.is_empty() {
        return false;
    }
    (0..side.texts.len()).any(|s| {
        let ws: Vec<String> = (0..side.analysed[s].tokens.len() as i64)
            .filter_map(|t| word_at(side, s, t))
            .collect();
        phrases.iter().any(|p| {
            ws.windows(p.len())
                .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
        })
    })
}

/// Does `other` carry a negation that may render `negated`'s (rule 3): a
/// negator, "without", a phrase negative in itself, or a word negative in
/// itself that is not simply the translation of a word of `negated` outside
/// its negated clauses ("lack" / "липсата" in both versions is no
/// counterpart of an added "не").
fn carries_negation(
    other: &Side,
    negated: &Side,
    lists: &Lists,
    partners: impl Fn(Tok) -> Vec<Tok>,
) -> bool {
    if !negators(other, lists).is_empty()
        || other.forms().any(|(_, f)| f.marker == Marker::Without)
        || has_negative_phrase(other, lists)
    {
        return true;
    }
    // The negated clauses of `negated`: a word of `other` linked into one
    // of them may render the negation ("почти нямат" / "kaum").
    let region: Vec<Tok> = negators(negated, lists)
        .iter()
        .flat_map(|n| {
            let s = n.from.s;
            negated.clause(n.from).map(move |t| Tok { s, t })
        })
        .collect();
    other.tokens().any(|t| {
        negative_in_itself(&other.surface(t).to_lowercase(), other.lang, lists) && {
            let p = partners(t);
            p.is_empty() || p.iter().any(|x| region.contains(x))
        }
    })
}

/// The negators of `side` that flip polarity against `other` (rule 3):
/// `other` carries no negation that may render them, and each negates a
/// head that has a counterpart in `other`. `to_other` gives a token's
/// counterparts in `other`, `to_side` the reverse.
fn flips(
    side: &Side,
    other: &Side,
    lists: &Lists,
    to_other: impl Fn(Tok) -> Vec<Tok>,
    to_side: impl Fn(Tok) -> Vec<Tok>,
) -> Vec<(Words, Tok)> {
    if carries_negation(other, side, lists, to_side) {
        return Vec::new();
    }
    negators(side, lists)
        .into_iter()
        .filter(|n| negates(side, n, lists))
        .filter_map(|n| {
            let h = head(side, &n)?;
            // The head's counterpart, or failing that (a verb the lexicon
            // does not know), any counterpart of the negated clause.
            let clause = side.clause(n.from);
            let c = to_other(h).first().copied().or_else(|| {
                clause
                    .map(|t| Tok { s: n.from.s, t })
                    .filter(|&t| content(side, t) && (t < n.from || t > n.to))
                    .find_map(|t| to_other(t).first().copied())
            })?;
            Some((n, c))
        })
        .collect()
}

/// The partners of each side's tokens in a row.
fn partners<'p>(pr: &'p PairRow<'p>, of_target: bool) -> impl Fn(Tok) -> Vec<Tok> + 'p {
    move |k| {
        if of_target {
            pr.partners_of_target(k).collect()
        } else {
            pr.partners_of_source(k).collect()
        }
    }
}

/// NEG1, NEG2, NEG3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let mut out = Vec::new();
    if !cx.corresponds() {
        return out;
    }
    let (of_target, of_source) = (partners(pr, true), partners(pr, false));
    let added = flips(&pr.target, &pr.source, cx.lists, &of_target, &of_source);
    let dropped = flips(&pr.source, &pr.target, cx.lists, &of_source, &of_target);
    if !added.is_empty() {
        let negs: Vec<Words> = added.iter().map(|a| a.0).collect();
        let heads: Vec<Tok> = added.iter().map(|a| a.1).collect();
        out.push(
            Finding::new(&rules::NEG1)
                .with_target(negs)
                .with_source(runs(heads)),
        );
    } else if !dropped.is_empty() {
        let negs: Vec<Words> = dropped.iter().map(|a| a.0).collect();
        out.push(Finding::new(&rules::NEG2).with_source(negs));
    }
    // Antonyms: the target has one side of a pair where the source has the
    // other, and neither word is explained as a translation of something.
    let antonyms = |side: &Side| -> Vec<(u32, u8, Tok, Words)> {
        side.forms()
            .filter(|(t, _)| !side.is_covered(*t))
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
        if let Some(&(_, _, st, sw)) = other
            && !source_has_same
            && !target_has_other
            && out.is_empty()
            && negated(&pr.source, st, cx.lists) == negated(&pr.target, t, cx.lists)
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
