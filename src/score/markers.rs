//! Detectors that read the loaded-language lexicon: loaded terms and moves
//! on an intensity scale (`loaded_term`, `intensified`, `softened`), hedges
//! and attribution (`hedge`), and polarity (`negation`, including antonym
//! swaps). Each compares what the two sides of a row carry, not word by
//! word: a hedge may move within a sentence, a negation may attach to
//! another word, and what matters is whether it is there at all.
//!
//! A move on a scale is a change only when it is wide (two levels or more)
//! or crosses into loaded wording: neighbouring neutral words ("reduce",
//! "cut") are a translator's choice, not a drift.

use std::collections::BTreeMap;

use super::candidate::{Candidate, Weight, Words, runs};
use super::flag::Kind;
use super::view::{PairRow, Side, Tok};
use crate::lang::Lang;
use crate::score::loaded::{Found, HedgeType, Loaded, Marker, ScaleKind};

/// A lexicon form found at a token of a side.
fn found<'a>(side: &'a Side) -> impl Iterator<Item = (Tok, &'a Found)> + 'a {
    side.found
        .iter()
        .enumerate()
        .flat_map(|(s, list)| list.iter().map(move |f| (Tok { s, t: f.token }, f)))
}

fn span_of(t: Tok, f: &Found) -> Words {
    Words {
        from: t,
        to: Tok {
            s: t.s,
            t: t.t + f.len.max(1) - 1,
        },
    }
}

/// Family forms per scale: scale → [(level, family, words)].
type ByScale = BTreeMap<u16, Vec<(u8, u32, Words, bool)>>;

fn by_scale(side: &Side, loaded: &Loaded) -> ByScale {
    let mut out: ByScale = BTreeMap::new();
    for (t, f) in found(side) {
        if let Some(fam) = loaded.family(f.marker) {
            let Marker::Family(id) = f.marker else {
                continue;
            };
            let covered = side.is_covered(t);
            out.entry(fam.scale)
                .or_default()
                .push((fam.level, id, span_of(t, f), covered));
        }
    }
    out
}

/// Loaded terms, intensified and softened wording, and moves on the
/// certainty and reporting scales (which are hedges).
pub fn scales(pr: &PairRow, loaded: &Loaded, used: &mut Vec<Tok>) -> Vec<Candidate> {
    let src = by_scale(&pr.source, loaded);
    let tgt = by_scale(&pr.target, loaded);
    let mut out = Vec::new();
    for (scale, forms) in &tgt {
        let kind = loaded.scales[*scale as usize].kind;
        let source_forms = src.get(scale);
        let same = |level: u8, id: u32| {
            source_forms.is_some_and(|s| s.iter().any(|&(l, i, _, _)| l == level || i == id))
        };
        // The strongest target form on this scale that the source does not match.
        // A word the source explains is a translation of something there,
        // whatever its level (dictionaries link near-synonyms).
        let Some(&(level, id, words, covered)) = forms
            .iter()
            .filter(|&&(l, i, _, covered)| !same(l, i) && !covered)
            .max_by_key(|f| f.0)
        else {
            continue;
        };
        let family = &loaded.families[id as usize];
        let hedge_scale = matches!(kind, ScaleKind::Certainty | ScaleKind::Reporting);
        match source_forms {
            Some(s) => {
                // A counterpart on the same scale at another level: the
                // word the target left unexplained replaced one the source
                // left unexplained ("often" → "always" beside a kept
                // "constant"), so those come first.
                let &(sl, sid, sw, _) = s
                    .iter()
                    .min_by_key(|f| (f.3, f.0.abs_diff(level)))
                    .expect("non-empty");
                let up = level > sl;
                let source_loaded = loaded.families[sid as usize].loaded;
                let wide = level.abs_diff(sl) >= 2 || family.loaded != source_loaded;
                if !wide {
                    continue;
                }
                let c = match (hedge_scale, up, kind) {
                    (true, true, ScaleKind::Reporting) => {
                        Candidate::new(Kind::Hedge, Weight::Strong, "turns a neutral report into")
                    }
                    (true, true, _) => Candidate::new(Kind::Hedge, Weight::Strong, "makes certain"),
                    (true, false, _) => Candidate::new(Kind::Hedge, Weight::Moderate, "hedges"),
                    (false, true, ScaleKind::Stance) if family.loaded => {
                        Candidate::new(Kind::LoadedTerm, Weight::Strong, "uses the loaded label")
                    }
                    (false, true, _) => {
                        Candidate::new(Kind::Intensified, Weight::Strong, "intensifies")
                    }
                    (false, false, _) => {
                        Candidate::new(Kind::Softened, Weight::Moderate, "softens")
                    }
                };
                used.push(words.from);
                out.push(c.with_target(vec![words]).with_source(vec![sw]));
            }
            // Added only when the source has nothing left unexplained that it
            // could translate (the rule of `content::additions`).
            None if family.loaded && !covered && !hedge_scale && open_weight(&pr.source) == 0.0 => {
                used.push(words.from);
                out.push(
                    Candidate::new(Kind::LoadedTerm, Weight::Strong, "adds the loaded term")
                        .with_target(vec![words]),
                );
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
        if open_weight(&pr.target) > 0.0 {
            continue;
        }
        if let Some(&(_, _, words, _)) = forms
            .iter()
            .filter(|&&(_, id, _, covered)| loaded.families[id as usize].loaded && !covered)
            .max_by_key(|f| f.0)
        {
            out.push(
                Candidate::new(Kind::Softened, Weight::Moderate, "drops the loaded word")
                    .with_source(vec![words]),
            );
        }
    }
    out
}

/// Unexplained salient content weight of a side.
fn open_weight(side: &Side) -> f32 {
    side.tokens()
        .filter(|&k| {
            side.kind(k) == crate::analyse::TokenKind::Word
                && !side.is_covered(k)
                && side.weight(k) >= 0.6
        })
        .map(|k| side.weight(k))
        .sum()
}

/// Single words that name a source the way "according to" does.
const SOURCE_PREPOSITIONS: &[&str] = &["laut", "zufolge", "gemäß", "според", "per"];

/// The hedges and attributions of a side: per class (true = attribution,
/// who says so; false = uncertainty), the markers with whether the other
/// side explains them; and whether the side reports speech at all (a
/// reporting verb such as "said" attributes too, but is too common, and too
/// often another word, "the states", to count as an attribution added).
/// Modal verbs (may, може, könnte) are too often ability or plain future to
/// count alone; the certainty scale compares them instead.
fn hedges(side: &Side, loaded: &Loaded) -> (BTreeMap<bool, Vec<(Words, bool)>>, bool) {
    let mut out: BTreeMap<bool, Vec<(Words, bool)>> = BTreeMap::new();
    let mut reports = false;
    for (t, f) in found(side) {
        let attribution = match f.marker {
            // A verb of reporting ("claimed", "berichtete", "съобщи") is
            // reported speech, like "said"; and "claims" is as often a noun.
            // Phrases and prepositions that name a source ("according to",
            // "laut", "според") attribute.
            Marker::Hedge(HedgeType::Attribution)
                if !loaded.form(f.form).contains(' ')
                    && !SOURCE_PREPOSITIONS.contains(&loaded.form(f.form)) =>
            {
                reports = true;
                continue;
            }
            Marker::Hedge(HedgeType::Attribution) => true,
            Marker::Hedge(HedgeType::Modal) => continue,
            Marker::Hedge(_) => false,
            Marker::Family(_) => {
                let fam = loaded.family(f.marker).expect("family");
                reports |= loaded.scale(fam).kind == ScaleKind::Reporting;
                continue;
            }
            _ => continue,
        };
        out.entry(attribution)
            .or_default()
            .push((span_of(t, f), side.is_covered(t)));
    }
    (out, reports)
}

/// A hedge or attribution on one side, not explained by the other, where
/// the other side has no marker of its class at all.
pub fn hedge(pr: &PairRow, loaded: &Loaded, used: &mut Vec<Tok>) -> Vec<Candidate> {
    let ((src, source_reports), (tgt, target_reports)) =
        (hedges(&pr.source, loaded), hedges(&pr.target, loaded));
    let open = |m: Option<&Vec<(Words, bool)>>| -> Vec<Words> {
        m.map(|v| {
            v.iter()
                .filter(|(_, covered)| !covered)
                .map(|(w, _)| *w)
                .collect()
        })
        .unwrap_or_default()
    };
    let mut out = Vec::new();
    for attribution in [false, true] {
        let (s, t) = (src.get(&attribution), tgt.get(&attribution));
        let (os, ot) = (open(s), open(t));
        if t.is_none() && !os.is_empty() && !(attribution && target_reports) {
            let verb = if attribution {
                "drops the attribution"
            } else {
                "drops the hedge"
            };
            out.push(Candidate::new(Kind::Hedge, Weight::Strong, verb).with_source(os));
        } else if s.is_none() && !ot.is_empty() && !(attribution && source_reports) {
            used.extend(ot.iter().map(|w| w.from));
            let verb = if attribution {
                "adds the attribution"
            } else {
                "adds the hedge"
            };
            out.push(Candidate::new(Kind::Hedge, Weight::Moderate, verb).with_target(ot));
        }
    }
    out
}

/// Negators on a side: the lexicon's, and English contractions in n't.
fn negators(side: &Side) -> Vec<Tok> {
    // "No." before a number or a code ("No. C-412/24") is "number".
    let before_number = |t: Tok| {
        side.analysed[t.s]
            .tokens
            .get(t.t as usize + 1)
            .is_some_and(|k| {
                let next = &side.texts[t.s][k.span.start as usize..k.span.end as usize];
                k.kind == crate::analyse::TokenKind::Number
                    || next.chars().any(|c| c.is_ascii_digit())
            })
    };
    let mut out: Vec<Tok> = found(side)
        .filter(|(t, f)| f.marker == Marker::Negator && !before_number(*t))
        .map(|(t, _)| t)
        .collect();
    // English contractions ("don't"), and words with a hyphenated negative
    // prefix ("non-diabetic", "nicht-öffentlich", "не-членка").
    for k in side.tokens() {
        let w = side.surface(k).to_lowercase();
        let negated = (side.lang == Lang::En && (w.ends_with("n't") || w.ends_with("n’t")))
            || ["non-", "nicht-", "не-"].iter().any(|p| w.starts_with(p));
        if negated && !out.contains(&k) {
            out.push(k);
        }
    }
    out.sort();
    out.dedup_by_key(|t| (t.s, t.t));
    out
}

/// Bulgarian words that start like "не-" or "без-" and are not negative:
/// the pronouns "него", "нея", "нейн…", and "необходим", "неделя", "нещо",
/// "няколко"-like and other common stems.
const BG_NOT_NEGATIVE: &[&str] = &[
    "него",
    "нея",
    "нейн",
    "необход",
    "недел",
    "нещо",
    "некол",
    "нерв",
    "нетн",
    "нефт",
    "неон",
    "непрекъсн",
    "безопасн",
    "безплат",
];

/// Words negative in themselves, which carry a negation another language
/// says with a separate word: negative prefixes and suffixes, and verbs of
/// failing, lacking and refusing.
fn implicitly_negative(side: &Side) -> bool {
    if found(side).any(|(_, f)| f.marker == Marker::Without) {
        return true;
    }
    const WORDS: &[&str] = &[
        "fail",
        "failed",
        "fails",
        "failing",
        "unable",
        "lack",
        "lacked",
        "lacking",
        "lacks",
        "refuse",
        "refused",
        "refuses",
        "deny",
        "denied",
        "denies",
        "absent",
        "neither",
        "nor",
        "scheitern",
        "scheiterte",
        "gescheitert",
        "fehlen",
        "fehlt",
        "fehlte",
        "fehlten",
        "verweigert",
        "weder",
        "kaum",
        "misslungen",
        "липса",
        "липсва",
        "липсват",
        "липсваше",
        "отказа",
        "отказаха",
        "отказва",
        "нито",
        "едва",
    ];
    side.tokens().any(|k| {
        let w = side.surface(k).to_lowercase();
        let long = w.chars().count() >= 6;
        WORDS.contains(&w.as_str())
            || match side.lang {
                Lang::En => {
                    (long
                        && ["un", "non"].iter().any(|p| w.starts_with(p))
                        && ![
                            "under", "unit", "union", "univ", "until", "unique", "unusual",
                        ]
                        .iter()
                        .any(|p| w.starts_with(p)))
                        || ["less", "lessly", "lessness"]
                            .iter()
                            .any(|e| w.ends_with(e))
                }
                Lang::De => {
                    (long
                        && ["un", "nicht", "miss"].iter().any(|p| w.starts_with(p))
                        && !["unter", "unser", "univ", "umsatz", "unfall", "ungar"]
                            .iter()
                            .any(|p| w.starts_with(p)))
                        || [
                            "los", "lose", "losen", "loser", "loses", "frei", "freie", "freien",
                            "freier",
                        ]
                        .iter()
                        .any(|e| w.ends_with(e))
                }
                Lang::Bg => {
                    long && ["не", "без"].iter().any(|p| w.starts_with(p))
                        && !BG_NOT_NEGATIVE.iter().any(|p| w.starts_with(p))
                }
                Lang::Other(_) => false,
            }
    })
}

/// Polarity flipped: a different number of negators on the two sides, or a
/// word swapped for its antonym.
pub fn negation(pr: &PairRow, used: &mut Vec<Tok>) -> Vec<Candidate> {
    // Presence, not count: Bulgarian negative concord says "никой не" for
    // "nobody", "не … нищо" for "nothing". A side with a word negative in
    // itself ("unable", "kostenlos", "невъзможно", "failed") has a
    // counterpart for the other side's "не може", "ohne", "nicht gelungen".
    let (ns, nt) = (negators(&pr.source), negators(&pr.target));
    let mut out = Vec::new();
    if !nt.is_empty() && ns.is_empty() && !implicitly_negative(&pr.source) {
        // The target's extra negators: those the source does not explain.
        let extra: Vec<Tok> = nt
            .iter()
            .copied()
            .filter(|&t| !pr.target.is_covered(t))
            .collect();
        let extra = if extra.is_empty() { nt.clone() } else { extra };
        used.extend(extra.iter().copied());
        out.push(
            Candidate::new(Kind::Negation, Weight::Strong, "adds a negation")
                .with_target(runs(extra)),
        );
    } else if !ns.is_empty() && nt.is_empty() && !implicitly_negative(&pr.target) {
        let extra: Vec<Tok> = ns
            .iter()
            .copied()
            .filter(|&t| !pr.source.is_covered(t))
            .collect();
        let extra = if extra.is_empty() { ns.clone() } else { extra };
        out.push(
            Candidate::new(Kind::Negation, Weight::Strong, "drops the negation")
                .with_source(runs(extra)),
        );
    }
    // Antonyms: the target has one side of a pair where the source has the other.
    let antonyms = |side: &Side| -> Vec<(u32, u8, Tok, Words)> {
        found(side)
            .filter_map(|(t, f)| match f.marker {
                Marker::Antonym { pair, side } => Some((pair, side, t, span_of(t, f))),
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
            && out.iter().all(|c| c.kind != Kind::Negation)
        {
            used.push(t);
            out.push(
                Candidate::new(Kind::Negation, Weight::Strong, "turns into its opposite")
                    .with_target(vec![words])
                    .with_source(vec![sw]),
            );
        }
    }
    out
}
