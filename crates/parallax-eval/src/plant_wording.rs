//! Edits of wording for the planted-change generator (see
//! [`super::plant_edit`] for the contract): a loaded adjective inserted in
//! its inflection, a neutral word moved up its scale, a hedge removed or
//! added, a content word or phrase added.

use std::ops::Range;

use super::perturb::Rng;
use super::plant_edit::{Ctx, Edit};
use super::plant_text::{
    any_hedge, capitalise, count_forms, find_form, like, remove, replace, uncertainty, verb_slot,
    words,
};
use super::plant_words::{
    ADVERBS, HEDGES_ADDED, HEDGES_REMOVABLE, LOADED, LoadedAdjective, NOT_AFTER, PHRASES, SWAPS,
    Swap, col,
};
use parallax::Lang;
use parallax::lexicon::fold;

fn lower_words(s: &str) -> Vec<String> {
    words(s).into_iter().map(|r| s[r].to_lowercase()).collect()
}

/// The line with the adjective inserted before a noun in the inflection the
/// noun's article asks for: en after "the"; de after das/eine (-e) or
/// dem/den/des/einem/einen (-en); bg on a noun with a definite article
/// (-ът, -ията, -ството, -ите), which moves to the adjective.
fn with_adjective(cx: &Ctx, lang: Lang, a: &LoadedAdjective, rng: &mut Rng) -> Option<String> {
    let s = cx.line(lang);
    let ws = words(s);
    let stop = |w: &str| cx.lexicon.is_stop(lang, &fold(w));
    let mut options = Vec::new();
    for i in 0..ws.len() {
        let w = &s[ws[i].clone()];
        let after = |p: &str| i > 0 && s[ws[i - 1].clone()].to_lowercase() == p;
        let spaced = i > 0 && &s[ws[i - 1].end..ws[i].start] == " ";
        let at = ws[i].start;
        match lang {
            Lang::En
                if spaced
                    && after("the")
                    && w.starts_with(char::is_lowercase)
                    && w.chars().all(char::is_alphabetic)
                    && w.chars().count() >= 3
                    && !stop(w) =>
            {
                options.push(format!("{}{} {}", &s[..at], a.en, &s[at..]));
            }
            Lang::De if spaced && w.starts_with(char::is_uppercase) && !stop(w) => {
                let ending = if after("das") || after("eine") {
                    "e"
                } else if ["dem", "den", "des", "einem", "einen"]
                    .iter()
                    .any(|p| after(p))
                {
                    "en"
                } else {
                    continue;
                };
                options.push(format!("{}{}{ending} {}", &s[..at], a.de, &s[at..]));
            }
            Lang::Bg if w.chars().count() >= 6 && !stop(w) => {
                let lw = w.to_lowercase();
                let (g, cut) = if lw.ends_with("ът") {
                    (0, "ът")
                } else if lw.ends_with("ията") {
                    (1, "та")
                } else if lw.ends_with("ството") {
                    (2, "то")
                } else if lw.ends_with("ите") {
                    (3, "те")
                } else {
                    continue;
                };
                let noun = &lw[..lw.len() - cut.len()];
                let noun = if w.starts_with(char::is_uppercase) && i > 0 {
                    capitalise(noun)
                } else {
                    noun.to_string()
                };
                let adj = if i == 0 {
                    capitalise(a.bg[g])
                } else {
                    a.bg[g].to_string()
                };
                options.push(replace(s, ws[i].clone(), &format!("{adj} {noun}")));
            }
            _ => {}
        }
    }
    options.get(rng.below(options.len().max(1))).cloned()
}

/// A loaded adjective no version has yet, inserted in the target versions.
pub fn loaded(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let free: Vec<&LoadedAdjective> = LOADED
        .iter()
        .filter(|a| {
            cx.chain.iter().all(|&l| {
                let p = a.present[col(l)].to_lowercase();
                lower_words(cx.line(l)).iter().all(|w| !w.starts_with(&p))
            })
        })
        .collect();
    let a = free.get(rng.below(free.len().max(1)))?;
    let mut lines = Vec::new();
    for &t in cx.targets() {
        lines.push((t, with_adjective(cx, t, a, rng)?));
    }
    Some(Edit {
        lines,
        what: format!("loaded term {} ({})", a.en, a.family),
    })
}

/// Where a swap's low forms stand in a line, with their replacements
/// (only the swappable ones when `swappable`).
fn swap_sites(
    s: &str,
    lang: Lang,
    sw: &Swap,
    swappable: bool,
) -> Vec<(Range<usize>, &'static str)> {
    let ws = words(s);
    let mut out = Vec::new();
    for &(from, to) in sw.forms[col(lang)] {
        if swappable && to.is_empty() {
            continue;
        }
        for r in find_form(s, from) {
            let k = ws.iter().position(|w| w.start == r.start).unwrap_or(0);
            let prev = (k > 0).then(|| s[ws[k - 1].clone()].to_lowercase());
            let next_digit = ws
                .get(k + 1)
                .is_some_and(|n| s[n.clone()].starts_with(|c: char| c.is_ascii_digit()));
            // German quantity words before an adjective change its ending
            // ("viele französische" → "alle französischen"): nouns only.
            let next_noun = ws
                .get(k + 1)
                .is_some_and(|n| s[n.clone()].starts_with(char::is_uppercase));
            let quantity = matches!(sw.low, "some" | "several" | "many");
            if !prev.is_some_and(|p| NOT_AFTER.contains(&p.as_str()))
                && !next_digit
                && (lang != Lang::De || !quantity || next_noun)
            {
                out.push((r, to));
            }
        }
    }
    out
}

/// A neutral word every version has, replaced in the target versions by a
/// word two or more levels up its scale (or loaded): "some" → "most",
/// "groß" → "riesig", "проблеми" → "кризи".
pub fn intensified(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let high_absent = |sw: &Swap, l: Lang| {
        sw.forms[col(l)]
            .iter()
            .filter(|(_, to)| !to.is_empty())
            .all(|(_, to)| find_form(cx.line(l), to).is_empty())
    };
    let ok: Vec<&Swap> = SWAPS
        .iter()
        .filter(|sw| {
            cx.chain
                .iter()
                .all(|&l| !swap_sites(cx.line(l), l, sw, false).is_empty() && high_absent(sw, l))
                && cx
                    .targets()
                    .iter()
                    .all(|&t| !swap_sites(cx.line(t), t, sw, true).is_empty())
        })
        .collect();
    let sw = ok.get(rng.below(ok.len().max(1)))?;
    let mut lines = Vec::new();
    for &t in cx.targets() {
        let s = cx.line(t);
        let (r, to) = swap_sites(s, t, sw, true).into_iter().next()?;
        let to = like(&s[r.clone()], to);
        lines.push((t, replace(s, r, &to)));
    }
    Some(Edit {
        lines,
        what: format!("intensified {} → {}", sw.low, sw.high),
    })
}

/// A hedge added at the verb of lines no version hedges or attributes, or
/// the one uncertainty marker of the target lines removed where every
/// version has one (a sentence adverb: "reportedly", "vermutlich", "може би").
pub fn hedge(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let mut lines = Vec::new();
    if cx
        .chain
        .iter()
        .all(|&l| count_forms(cx.line(l), &any_hedge(l)) == 0)
    {
        let h = HEDGES_ADDED[rng.below(HEDGES_ADDED.len())];
        for &t in cx.targets() {
            let s = cx.line(t);
            let (slot, _) = verb_slot(s, t)?;
            lines.push((t, slot.insert(s, h[col(t)])));
        }
        return Some(Edit {
            lines,
            what: format!("adds the hedge {}", h[0]),
        });
    }
    let hedged = |l: Lang| count_forms(cx.line(l), &uncertainty(l));
    if cx.chain[..cx.step].iter().any(|&l| hedged(l) == 0) {
        return None;
    }
    let mut removed = String::new();
    for &t in cx.targets() {
        let s = cx.line(t);
        if hedged(t) != 1 {
            return None;
        }
        let r = HEDGES_REMOVABLE[col(t)]
            .iter()
            .find_map(|h| find_form(s, h).into_iter().next())?;
        removed = s[r.clone()].to_string();
        lines.push((t, remove(s, r)));
    }
    Some(Edit {
        lines,
        what: format!("removes the hedge {removed}"),
    })
}

/// The line with a phrase added before its final punctuation.
fn at_end(s: &str, phrase: &str) -> Option<String> {
    let t = s.trim_end();
    let last = t.chars().last()?;
    let body = t.strip_suffix(['.', '!', '?'])?;
    if body.ends_with(['"', '”', '“', '»', '«', '’', ')']) {
        return None;
    }
    Some(format!("{body} {phrase}{last}"))
}

/// A phrase added at the end of the sentence ("… in the north of the
/// country."), or a content adverb at the verb ("was secretly").
pub fn addition(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let phrase_first = rng.below(2) == 0;
    for phrase in [phrase_first, !phrase_first] {
        let list = if phrase { PHRASES } else { ADVERBS };
        let p = list[rng.below(list.len())];
        let fresh = cx.chain.iter().all(|&l| {
            let have = lower_words(cx.line(l));
            lower_words(p[col(l)])
                .iter()
                .filter(|w| w.chars().count() > 4)
                .all(|w| !have.contains(w))
        });
        let lines: Option<Vec<(Lang, String)>> = cx
            .targets()
            .iter()
            .map(|&t| {
                let s = cx.line(t);
                let changed = if phrase {
                    at_end(s, p[col(t)])
                } else {
                    verb_slot(s, t).map(|(slot, _)| slot.insert(s, p[col(t)]))
                };
                changed.map(|c| (t, c))
            })
            .collect();
        if let (true, Some(lines)) = (fresh, lines) {
            let what = if phrase {
                "adds the phrase"
            } else {
                "adds the word"
            };
            return Some(Edit {
                lines,
                what: format!("{what} \"{}\"", p[0]),
            });
        }
    }
    None
}
