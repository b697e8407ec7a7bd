//! Negation for the planted-change generator (see [`super::plant_edit`] for
//! the contract): a negator inserted before the verb where no version
//! negates, or the one negator removed where every version does.

use std::ops::Range;

use super::perturb::Rng;
use super::plant_edit::{Ctx, Edit};
use super::plant_text::{
    count_forms, has_negation, like, negators, remove, replace, verb_slot, words,
};
use parallax::Lang;

/// The one negator of a line and what it becomes when removed ("" drops
/// it): not, n't, nicht, kein/keinen/keinem, не, няма.
fn removable_negator(s: &str, lang: Lang) -> Option<(Range<usize>, String)> {
    let ws = words(s);
    let hits: Vec<(usize, String)> = ws
        .iter()
        .enumerate()
        .map(|(i, r)| (i, s[r.clone()].to_lowercase()))
        .filter(|(_, w)| {
            negators(lang).contains(&w.as_str()) || w.ends_with("n't") || w.ends_with("n’t")
        })
        .collect();
    if hits.len() != 1 || count_forms(s, &negators(lang)) > 1 {
        return None;
    }
    let (i, w) = &hits[0];
    let r = ws[*i].clone();
    let next = ws.get(i + 1).map(|n| s[n.clone()].to_lowercase());
    let keep = |x: &str| like(&s[r.clone()], x);
    let with = match (lang, w.as_str()) {
        (Lang::En, "not") | (Lang::De, "nicht") | (Lang::Bg, "не") => String::new(),
        (Lang::En, "cannot") => keep("can"),
        (Lang::En, x) if x.ends_with("n't") || x.ends_with("n’t") => {
            let stem = x
                .strip_suffix("n't")
                .or_else(|| x.strip_suffix("n’t"))
                .unwrap_or(x);
            match stem {
                "ca" => keep("can"),
                "wo" => keep("will"),
                "" => return None,
                other => keep(other),
            }
        }
        (Lang::De, "kein" | "keinen" | "keinem") => keep(&w[1..]),
        (Lang::Bg, "няма") if next.as_deref() == Some("да") => {
            let da = ws[i + 1].clone();
            return Some((r.start..da.end, keep("ще")));
        }
        (Lang::Bg, "няма" | "нямат" | "нямаше") => {
            keep(&format!("и{}", &w["ня".len()..]))
        }
        _ => return None,
    };
    Some((r, with))
}

/// A negator inserted before the verb of lines that have none in any
/// version, or the one negator of the target lines removed where every
/// version negates.
pub fn negation(cx: &Ctx, _rng: &mut Rng) -> Option<Edit> {
    let negated: Vec<bool> = cx
        .chain
        .iter()
        .map(|&l| has_negation(cx.line(l), l))
        .collect();
    let mut lines = Vec::new();
    if negated.iter().all(|n| !n) {
        for &t in cx.targets() {
            let s = cx.line(t);
            let (slot, verb) = verb_slot(s, t)?;
            let v = s[verb.clone()].to_lowercase();
            let changed = match t {
                Lang::En => slot.insert(s, "not"),
                Lang::De => slot.insert(s, "nicht"),
                _ if slot.at == verb.start && ["има", "имат", "имаше"].contains(&v.as_str()) => {
                    replace(s, verb, &format!("ня{}", &v["и".len()..]))
                }
                _ => slot.insert(s, "не"),
            };
            lines.push((t, changed));
        }
        return Some(Edit {
            lines,
            what: "adds a negator".into(),
        });
    }
    if !negated.iter().all(|n| *n) {
        return None;
    }
    for &t in cx.targets() {
        let s = cx.line(t);
        let (r, with) = removable_negator(s, t)?;
        let changed = if with.is_empty() {
            remove(s, r)
        } else {
            replace(s, r, &with)
        };
        if has_negation(&changed, t) {
            return None;
        }
        lines.push((t, changed));
    }
    Some(Edit {
        lines,
        what: "removes the negator".into(),
    })
}
