//! Omissions for the planted-change generator (see [`super::plant_edit`]
//! for the contract): a trailing clause or a content word dropped. The
//! counterpart of the dropped words in the other versions is found through
//! the lexicon's own word links, so only words the versions demonstrably
//! share are dropped (which favours words the lexicon knows).

use std::ops::Range;

use super::perturb::Rng;
use super::plant_edit::{Ctx, Edit};
use super::plant_text::{remove, words};
use parallax::analyse::{Analysed, TokenKind, analyse};
use parallax::correspond::explain;

/// Tokens of `b` linked from tokens of `a` (source → target), as pairs.
fn links(a: &Analysed, b: &Analysed) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    explain(a, b, |l| out.push((l.a, l.b)));
    out
}

fn span(a: &Analysed, t: u32) -> Range<usize> {
    let s = &a.tokens[t as usize].span;
    s.start as usize..s.end as usize
}

/// The trailing clause of a line: the comma before it and its span (at least
/// three words on each side of the comma).
fn trailing(s: &str) -> Option<(usize, Range<usize>)> {
    let t = s.trim_end();
    let body = t.strip_suffix(['.', '!', '?'])?;
    if body.ends_with(['"', '”', '“', '»', '«', '’', ')']) {
        return None;
    }
    let comma = body.rfind(", ")?;
    let seg = comma + 2..body.len();
    (words(&s[seg.clone()]).len() >= 3 && words(&s[..comma]).len() >= 3).then_some((comma, seg))
}

/// A trailing clause dropped from the target lines, when the source's words
/// link into it and (at step 1) the two targets' clauses link to each other.
fn clause(cx: &Ctx, an: &[Analysed]) -> Option<Edit> {
    let e = cx.step;
    let inside = |k: usize, seg: &Range<usize>, t: u32| {
        let r = span(&an[k], t);
        seg.start <= r.start && r.end <= seg.end
    };
    let (_, seg) = trailing(cx.lines[e])?;
    let mut from_source: Vec<u32> = links(&an[e - 1], &an[e])
        .into_iter()
        .filter(|&(_, b)| inside(e, &seg, b))
        .map(|(_, b)| b)
        .collect();
    from_source.dedup();
    if from_source.len() < 2 {
        return None;
    }
    if e == 1 {
        let (_, seg2) = trailing(cx.lines[2])?;
        let l = links(&an[1], &an[2]);
        let out_of_1 = l.iter().filter(|&&(a, _)| inside(1, &seg, a)).count();
        let both = l
            .iter()
            .filter(|&&(a, b)| inside(1, &seg, a) && inside(2, &seg2, b))
            .count();
        let into_2 = l.iter().filter(|&&(_, b)| inside(2, &seg2, b)).count();
        if out_of_1 < 2
            || (both as f32) < 0.7 * out_of_1 as f32
            || (both as f32) < 0.7 * into_2 as f32
        {
            return None;
        }
    }
    let mut lines = Vec::new();
    let mut dropped = String::new();
    for k in e..3 {
        let s = cx.lines[k];
        let (comma, seg) = trailing(s)?;
        let last = s.trim_end().chars().last()?;
        if k == e {
            dropped = s[seg.clone()].to_string();
        }
        lines.push((cx.chain[k], format!("{}{last}", &s[..comma])));
    }
    Some(Edit {
        lines,
        what: format!("omits the clause \"{dropped}\""),
    })
}

/// A content word the source links to dropped from the target lines (at
/// step 1 with its one counterpart in the inheriting version).
fn word(cx: &Ctx, an: &[Analysed], rng: &mut Rng) -> Option<Edit> {
    let e = cx.step;
    let from_source: Vec<u32> = links(&an[e - 1], &an[e])
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let onward = if e == 1 {
        links(&an[1], &an[2])
    } else {
        Vec::new()
    };
    let is_word = |k: usize, t: u32| an[k].tokens[t as usize].kind == TokenKind::Word;
    let mut cands: Vec<(u32, Option<u32>)> = Vec::new();
    for t in 0..an[e].tokens.len() as u32 {
        if !is_word(e, t) || !from_source.contains(&t) {
            continue;
        }
        if e == 1 {
            let mut next: Vec<u32> = onward.iter().filter(|l| l.0 == t).map(|l| l.1).collect();
            next.dedup();
            if next.len() == 1 && is_word(2, next[0]) {
                cands.push((t, Some(next[0])));
            }
        } else {
            cands.push((t, None));
        }
    }
    let &(t, next) = cands.get(rng.below(cands.len().max(1)))?;
    let dropped = cx.lines[e][span(&an[e], t)].to_string();
    let mut lines = vec![(cx.chain[e], remove(cx.lines[e], span(&an[e], t)))];
    if let Some(n) = next {
        lines.push((cx.chain[2], remove(cx.lines[2], span(&an[2], n))));
    }
    Some(Edit {
        lines,
        what: format!("omits the word \"{dropped}\""),
    })
}

/// A trailing clause or a content word dropped.
pub fn omission(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let an: Vec<Analysed> = (0..3)
        .map(|k| analyse(cx.lines[k], cx.chain[k], cx.lexicon))
        .collect();
    if rng.below(2) == 0
        && let Some(e) = clause(cx, &an)
    {
        return Some(e);
    }
    word(cx, &an, rng)
}
