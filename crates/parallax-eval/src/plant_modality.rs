//! Modality for the planted-change generator (see [`super::plant_edit`]
//! for the contract): where every version holds something possible
//! ("could", „könnte“, „може да“), the target versions state it as coming
//! ("will", „wird“, „ще“): the classic hardening of a claim in a relay.
//! Where every version states a future, the target versions soften it into
//! a possibility. Parallax reports both as a `hedge` change (rules MOD1,
//! MOD2).
//!
//! The swaps keep the grammar: English modals take the bare infinitive
//! either way; German „könnte … steigen“ and „wird … steigen“ both end in
//! the infinitive (a „wird“ whose clause ends in a participle is a passive,
//! not a future, and is left alone); Bulgarian „може да“ and „ще“ both take
//! the present.

use std::ops::Range;

use super::perturb::Rng;
use super::plant_edit::{Ctx, Edit};
use super::plant_text::{like, replace, words};
use parallax::Lang;

/// Modals of possibility or ability and the future that hardens each
/// (lowercase word, or two words for „може да“). "can" and „kann“ are
/// here too: "prices can rise" → "prices will rise" hardens a claim as
/// much as "could" does, and translators render one as the other.
fn weak(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[
            ("could", "will"),
            ("may", "will"),
            ("might", "will"),
            ("can", "will"),
        ],
        Lang::De => &[
            ("könnte", "wird"),
            ("könnten", "werden"),
            ("dürfte", "wird"),
            ("dürften", "werden"),
            ("kann", "wird"),
            ("können", "werden"),
        ],
        _ => &[("може да", "ще"), ("могат да", "ще")],
    }
}

/// Futures and the weak modal that softens each.
fn strong(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[("will", "could")],
        Lang::De => &[("wird", "könnte"), ("werden", "könnten")],
        _ => &[("ще", "може да")],
    }
}

/// Where the forms of `list` stand in `s` (lowercase only: "May" is the
/// month), with their replacements. A German „wird“/„werden“ counts only
/// as a future: its clause ends in an infinitive, not a participle.
fn sites(s: &str, lang: Lang, list: &[(&str, &'static str)]) -> Vec<(Range<usize>, &'static str)> {
    let ws = words(s);
    let mut out = Vec::new();
    for (i, r) in ws.iter().enumerate() {
        for &(form, with) in list {
            let parts: Vec<&str> = form.split(' ').collect();
            let Some(last) = ws.get(i + parts.len() - 1) else {
                continue;
            };
            let matched = parts
                .iter()
                .enumerate()
                .all(|(j, p)| &s[ws[i + j].clone()] == *p);
            if matched && (lang != Lang::De || !form.starts_with('w') || future(s, r.end)) {
                out.push((r.start..last.end, with));
            }
        }
    }
    out
}

/// Does the clause after byte `at` end in an infinitive (-en, not a "ge-"
/// participle, not „werden“)?
fn future(s: &str, at: usize) -> bool {
    let rest = &s[at..];
    let end = rest
        .find([',', '.', ';', ':', '!', '?'])
        .unwrap_or(rest.len());
    rest[..end]
        .split_whitespace()
        .last()
        .is_some_and(|w| w.ends_with("en") && !w.starts_with("ge") && w != "werden")
}

/// A weak modal hardened where every version has one, else a future
/// softened where every version has one; one site per target line.
pub fn modality(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let harden = rng.below(2) == 0;
    for hardening in [harden, !harden] {
        let list = |l: Lang| if hardening { weak(l) } else { strong(l) };
        if cx
            .chain
            .iter()
            .any(|&l| sites(cx.line(l), l, list(l)).is_empty())
        {
            continue;
        }
        // Neither direction where a line already has both ("ще могат").
        let other = |l: Lang| if hardening { strong(l) } else { weak(l) };
        if cx
            .chain
            .iter()
            .any(|&l| !sites(cx.line(l), l, other(l)).is_empty())
        {
            continue;
        }
        let mut lines = Vec::new();
        let mut from = String::new();
        for &t in cx.targets() {
            let s = cx.line(t);
            let found = sites(s, t, list(t));
            let [(r, with)] = found.as_slice() else {
                return None;
            };
            from = s[r.clone()].to_string();
            lines.push((t, replace(s, r.clone(), &like(&s[r.clone()], with))));
        }
        let what = if hardening { "hardens" } else { "softens" };
        return Some(Edit {
            lines,
            what: format!("{what} the modal {from}"),
        });
    }
    None
}
