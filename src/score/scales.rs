//! Rules SC1–SC6 and H1–H3: words on a scale of intensity, stance,
//! evaluation, certainty or reporting (the loaded-language lexicon,
//! `data/loaded/`). A move on a scale is a change only when it is wide (two
//! levels or more, SC2) or crosses into loaded wording (one level: SC6,
//! milder): neighbouring neutral words ("reduce", "cut") are a translator's
//! choice, not a drift. Moves on the certainty and reporting scales are
//! hedges (H1–H3).
//!
//! A move up from the size scale's first level, each language's default
//! degree word ("big", "groß", "голям"), is SC6 however wide: a stronger
//! word there is often the collocation ("große Mehrheit" / "vast
//! majority"). On the scales that name things or count, the first level is
//! no default ("problem" → "crisis", "rarely" → "often" are claims).
//!
//! A scale word is not at its level, and is not compared, when a negator
//! stands before it in its clause (litotes: "nicht selten" is "quite
//! often", "не малко" is "quite a few", "didn't have to … very much" is
//! „musste … wenig“), or when it is an amount word before a
//! comparative (a degree adverb: "much less", "viel später", "много
//! по-бързо").

use std::collections::BTreeMap;

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words};
use super::hedges::counterpart_clauses;
use super::rules::{self, Rule};
use super::slot::{added_in_place, compound};
use super::view::{PairRow, Side, Tok, form_words};
use crate::Lang;
use crate::score::loaded::{Loaded, Marker, Scale, ScaleKind};

/// Family forms per scale: scale → [(level, family, words, covered)].
type ByScale = BTreeMap<u16, Vec<(u8, u32, Words, bool)>>;

fn by_scale(side: &Side, loaded: &Loaded) -> ByScale {
    let mut out: ByScale = BTreeMap::new();
    // The tokens after each negator, to the end of its clause.
    let negated: Vec<(usize, std::ops::Range<u32>)> = side
        .forms()
        .filter(|(_, f)| f.marker == Marker::Negator)
        .map(|(t, f)| (t.s, t.t + f.len.max(1)..side.clause(t).end))
        .chain(side.tokens().filter_map(|k| {
            let w = side.surface(k).to_lowercase();
            (side.lang == Lang::En && (w.ends_with("n't") || w.ends_with("n’t")))
                .then(|| (k.s, k.t + 1..side.clause(k).end))
        }))
        .collect();
    for (t, f) in side.forms() {
        if negated.iter().any(|(s, r)| *s == t.s && r.contains(&t.t)) {
            continue;
        }
        if let Some(fam) = loaded.family(f.marker) {
            if &*loaded.scale(fam).id == "amount" && before_comparative(side, t, f.len.max(1)) {
                continue;
            }
            let Marker::Family(id) = f.marker else {
                continue;
            };
            out.entry(fam.scale).or_default().push((
                fam.level,
                id,
                form_words(t, f),
                side.is_covered(t),
            ));
        }
    }
    out
}

/// Is the word after the `len` tokens at `t` a comparative ("less",
/// "später", "по-бързо")?
fn before_comparative(side: &Side, t: Tok, len: u32) -> bool {
    let next = Tok {
        s: t.s,
        t: t.t + len,
    };
    if side.tokens().all(|k| k != next) {
        return false;
    }
    let surface = side.surface(next);
    let word = surface.to_lowercase();
    match side.lang {
        Lang::Bg => word.starts_with("по-"),
        // German nouns are capitalised ("einige Lehrer"); a comparative
        // is not ("viel später").
        Lang::De => {
            word == "mehr"
                || (surface.starts_with(char::is_lowercase)
                    && word.chars().count() > 4
                    && word.ends_with("er"))
        }
        _ => {
            matches!(
                word.as_str(),
                "more" | "less" | "fewer" | "better" | "worse" | "further" | "farther"
            ) || (word.chars().count() > 4 && word.ends_with("er"))
        }
    }
}

/// Unexplained salient content weight of a side.
fn open_weight(side: &Side, salient: f32, within: Option<&[Tok]>) -> f32 {
    side.tokens()
        .filter(|&k| within.is_none_or(|w| w.contains(&k)) && side.is_open(k, salient))
        .map(|k| side.weight(k))
        .sum()
}

/// Does the source's rendering of the clause of target token `k` hold
/// nothing that could translate it: no unexplained salient word, and no
/// split German compound linked to a word beside `k` (it may render both
/// while only one is linked to it: „Polizeigewalt“ / "police brutality")?
fn clause_closed(pr: &PairRow, k: Tok, salient: f32) -> bool {
    let within = counterpart_clauses(&pr.target, &pr.source, k, |k| {
        pr.partners_of_target(k).collect()
    });
    let beside = k.t.checked_sub(1).into_iter().chain([k.t + 1]);
    open_weight(&pr.source, salient, within.as_deref()) == 0.0
        && !beside
            .flat_map(|t| pr.partners_of_target(Tok { s: k.s, t }))
            .any(|p| compound(&pr.source, p))
}

/// Is a scale one of degree or amount ("extremely", „äußerst“, "several",
/// "много")?
fn degree_scale(scale: &Scale) -> bool {
    &*scale.id == "size" || scale.kind == ScaleKind::Quantity
}

/// Has the side a word on a degree or amount scale ("много", „sehr“,
/// "big"), which a degree word of the other side may render?
fn has_degree_word(side: &ByScale, loaded: &Loaded) -> bool {
    side.keys()
        .any(|&s| degree_scale(&loaded.scales[s as usize]))
}

/// The rule for a move on a scale of `kind`, up or down, to a family that
/// is loaded or not.
fn move_rule(kind: ScaleKind, up: bool, loaded_family: bool) -> &'static Rule {
    let hedge_scale = matches!(kind, ScaleKind::Certainty | ScaleKind::Reporting);
    match (hedge_scale, up, kind) {
        (true, true, ScaleKind::Reporting) => &rules::H2,
        (true, true, _) => &rules::H1,
        (true, false, _) => &rules::H3,
        (false, true, ScaleKind::Stance) if loaded_family => &rules::SC1,
        (false, true, _) => &rules::SC2,
        (false, false, _) => &rules::SC3,
    }
}

/// SC1–SC6, H1–H3.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let (pr, loaded) = (cx.pr, cx.loaded);
    let src = by_scale(&pr.source, loaded);
    let tgt = by_scale(&pr.target, loaded);
    let mut out = Vec::new();
    for (scale, forms) in &tgt {
        let kind = loaded.scales[*scale as usize].kind;
        let source_forms = src.get(scale);
        let same = |level: u8, id: u32| {
            source_forms.is_some_and(|s| s.iter().any(|&(l, i, _, _)| l == level || i == id))
        };
        // The strongest target form on this scale that the source does not
        // match. A word the source explains is a translation of something
        // there, whatever its level (dictionaries link near-synonyms).
        let Some(&(level, id, words, covered)) = forms
            .iter()
            .filter(|&&(l, i, _, covered)| !same(l, i) && !covered)
            .max_by_key(|f| f.0)
        else {
            continue;
        };
        let family = &loaded.families[id as usize];
        let hedge_scale = matches!(kind, ScaleKind::Certainty | ScaleKind::Reporting);
        // Degree and amount words ("extremely", „äußerst“, "several")
        // render the source's own intensifier ("very", „stark“, "някои"),
        // which translators choose freely and dictionaries link poorly: the
        // slot test does not speak for them.
        let degree = degree_scale(loaded.scale(family));
        match source_forms {
            Some(s) => {
                // A counterpart on the same scale at another level: the
                // word the target left unexplained replaced one the source
                // left unexplained ("often" → "always" beside a kept
                // "constant"), so those come first.
                let Some(&(sl, sid, sw, _)) = s.iter().min_by_key(|f| (f.3, f.0.abs_diff(level)))
                else {
                    continue;
                };
                // The source's word is there at its own level too ("said to
                // have admitted" for „zugegeben haben soll“): the target
                // added a word on the scale, it did not move one. Not when
                // it is part of the stronger phrase ("mortal danger").
                let inside = |w: &Words| {
                    w.from.s == words.from.s && w.from.t >= words.from.t && w.to.t <= words.to.t
                };
                if forms
                    .iter()
                    .any(|(l, i, w, _)| (*l == sl || *i == sid) && !inside(w))
                {
                    continue;
                }
                let source_loaded = loaded.families[sid as usize].loaded;
                let wide = level.abs_diff(sl) >= 2;
                if !wide && family.loaded == source_loaded {
                    continue;
                }
                let mut rule = move_rule(kind, level > sl, family.loaded);
                // Up from the size scale's first level, each language's
                // default degree word ("groß", "голям", "big"), a stronger
                // word is often the collocation ("große Mehrheit" / "vast
                // majority", "große Schäden" / "massive damage"): minor.
                // Not on the scales that name things or count ("problem" →
                // "crisis", "rarely" → "often" are claims).
                let default_size = sl <= 1 && &*loaded.scale(family).id == "size";
                if (!wide || default_size) && std::ptr::eq(rule, &rules::SC2) {
                    rule = &rules::SC6;
                }
                claims.target_token(words.from);
                out.push(
                    Finding::new(rule)
                        .with_target(vec![words])
                        .with_source(vec![sw]),
                );
            }
            // Added only when the source has nothing left unexplained that
            // it could translate: in the word's own slot (its neighbours'
            // counterparts stand side by side, [`slot`]), or anywhere in
            // the source's rendering of its clause (the rule of the
            // additions, A1). A degree word may render the source's own
            // ("много тревожна" / "extremely worrying").
            None if family.loaded
                && !covered
                && !hedge_scale
                && (!degree || !has_degree_word(&src, loaded))
                && ((!degree && added_in_place(pr, words.from, cx.params.salient))
                    || clause_closed(pr, words.from, cx.params.salient)) =>
            {
                claims.target_token(words.from);
                out.push(Finding::new(&rules::SC4).with_target(vec![words]));
            }
            None => {}
        }
    }
    // A loaded source word that the target drops without a counterpart.
    for (scale, forms) in &src {
        let kind = loaded.scales[*scale as usize].kind;
        if tgt.contains_key(scale) || matches!(kind, ScaleKind::Certainty | ScaleKind::Reporting) {
            continue;
        }
        // Only when the target has nothing left unexplained that could be
        // its translation (as for omissions: "droht" may be rendered "faces").
        if open_weight(&pr.target, cx.params.salient, None) > 0.0 {
            continue;
        }
        if let Some(&(_, _, words, _)) = forms
            .iter()
            .filter(|&&(_, id, _, covered)| loaded.families[id as usize].loaded && !covered)
            .max_by_key(|f| f.0)
        {
            out.push(Finding::new(&rules::SC5).with_source(vec![words]));
        }
    }
    out
}
