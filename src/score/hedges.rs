//! Rules H4–H7: a hedge or an attribution on one side that the other side
//! does not explain, where the other side has no hedge, modal or
//! attribution construction at all. A hedge may move within a sentence and
//! change its form ("angeblich" / "soll … haben" / "се твърди, че е бил";
//! "laut vorläufigen Daten" / "сочат предварителни данни"; "Според нея" /
//! "In her view"), so what matters is whether the other side hedges or
//! attributes the clause in any way, not which word carries it.

use std::collections::BTreeMap;

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words};
use super::rules;
use super::view::{Side, Tok, form_words};
use super::words::{self, Lists};
use crate::score::loaded::{HedgeType, Loaded, Marker, ScaleKind};

/// A side's markers of one class, each with whether the other side explains it.
type Markers = Vec<(Words, bool)>;

/// The hedges and attributions of a side: per class (true = attribution,
/// who says so; false = uncertainty), the markers with whether the other
/// side explains them; and whether the side reports speech at all (a
/// reporting verb such as "said" attributes too, but is too common, and too
/// often another word, "the states", to count as an attribution added).
/// Modal verbs (may, може, könnte) are too often ability or plain future to
/// count alone; the certainty scale compares them instead.
fn markers(side: &Side, loaded: &Loaded, lists: &Lists) -> (BTreeMap<bool, Markers>, bool) {
    let prepositions = words::of(&lists.source_preposition, side.lang);
    let norms = words::of(&lists.norm_stem, side.lang);
    // A preposition of attribution before a norm ("laut Regeln", "according
    // to the law", "gemäß nachstehenden Bedingungen") names no source.
    let before_norm = |t: Tok, len: u32| {
        (t.t + len..t.t + len + 3).any(|u| {
            let k = Tok { s: t.s, t: u };
            (u as usize) < side.analysed[t.s].tokens.len() && {
                let w = side.surface(k).to_lowercase();
                norms.iter().any(|n| {
                    if n.chars().count() <= 4 {
                        w == *n || w.strip_suffix('s') == Some(n.as_str())
                    } else {
                        w.starts_with(n.as_str())
                    }
                })
            }
        })
    };
    // "appear in court" shows up; "appears to", "it appears that" hedge.
    let literal = words::of(&lists.appearance_literal_before, side.lang);
    let shows_up = |t: Tok, len: u32| {
        let next = Tok {
            s: t.s,
            t: t.t + len,
        };
        (next.t as usize) < side.analysed[t.s].tokens.len()
            && literal.contains(&side.surface(next).to_lowercase())
    };
    let mut out: BTreeMap<bool, Markers> = BTreeMap::new();
    let mut reports = false;
    for (t, f) in side.forms() {
        if matches!(f.marker, Marker::Hedge(HedgeType::Attribution)) && before_norm(t, f.len.max(1))
        {
            continue;
        }
        if matches!(f.marker, Marker::Hedge(HedgeType::Appearance)) && shows_up(t, f.len.max(1)) {
            continue;
        }
        let attribution = match f.marker {
            // A verb of reporting ("claimed", "berichtete", "съобщи") is
            // reported speech, like "said"; and "claims" is as often a noun.
            // Phrases and prepositions that name a source ("according to",
            // "laut", "според") attribute.
            Marker::Hedge(HedgeType::Attribution)
                if !loaded.form(f.form).contains(' ')
                    && !prepositions.iter().any(|p| p == loaded.form(f.form)) =>
            {
                reports = true;
                continue;
            }
            Marker::Hedge(HedgeType::Attribution) => true,
            Marker::Hedge(HedgeType::Modal) => continue,
            Marker::Hedge(_) => false,
            Marker::Family(_) => {
                if let Some(fam) = loaded.family(f.marker) {
                    reports |= loaded.scale(fam).kind == ScaleKind::Reporting;
                }
                continue;
            }
            _ => continue,
        };
        out.entry(attribution)
            .or_default()
            .push((form_words(t, f), side.is_covered(t)));
    }
    // A speaker before a colon that opens a quote reports too: „Die
    // Polizei: "Vermutlich hatte sie gebremst"“ is "According to police, …".
    reports |= side.texts.iter().any(|t| {
        t.match_indices(':').any(|(i, _)| {
            t[i + 1..]
                .trim_start()
                .starts_with(['"', '„', '“', '«', '»', '\''])
        })
    });
    (out, reports)
}

/// The hedging of a side within the clauses `within` (every token when
/// `None`), as (marker words the other side does not explain, hedging
/// constructions). Markers are hedge and attribution words and words of the
/// certainty scale; constructions are the words of `hedge_construction`: a
/// German subjunctive, a Bulgarian renarrated form, "сочат", and the
/// epistemic modals (stop words, never linked, so never explained), and a
/// clause opened by a word of `attribution_opener` („…, so die Behörde“).
pub(super) fn hedging(
    side: &Side,
    loaded: &Loaded,
    lists: &Lists,
    within: Option<&[Tok]>,
) -> (usize, usize) {
    let inside = |k: Tok| within.is_none_or(|w| w.contains(&k));
    let constructions = words::of(&lists.hedge_construction, side.lang);
    let is_construction = |k: Tok| constructions.contains(&side.surface(k).to_lowercase());
    // A token counts once, whatever its markers (a word may be both a
    // hedge and a step of the certainty scale).
    let mut markers: Vec<Tok> = side
        .forms()
        .filter(|&(t, f)| {
            inside(t)
                && !side.is_covered(t)
                && !is_construction(t)
                && match f.marker {
                    Marker::Hedge(_) => true,
                    // Reporting verbs attribute (see `reports`); as a hedge
                    // they are too often another word ("the states").
                    Marker::Family(_) => loaded
                        .family(f.marker)
                        .is_some_and(|fam| loaded.scale(fam).kind == ScaleKind::Certainty),
                    _ => false,
                }
        })
        .map(|(t, _)| t)
        .collect();
    markers.sort();
    markers.dedup();
    let openers = words::of(&lists.attribution_opener, side.lang);
    // An opener attributes when its clause reports ("wie die Behörde
    // mitteilte", "as the ministry said"); German "so" does on its own
    // („…, so die Abteilung“), but not as "so dass".
    let reports_in = |clause: &std::ops::Range<u32>, s: usize| {
        side.forms().any(|(t, f)| {
            t.s == s
                && clause.contains(&t.t)
                && loaded
                    .family(f.marker)
                    .is_some_and(|fam| loaded.scale(fam).kind == ScaleKind::Reporting)
        })
    };
    let opens_clause = |k: Tok| {
        let clause = side.clause(k);
        let word = side.surface(k).to_lowercase();
        let next = Tok { s: k.s, t: k.t + 1 };
        clause.start == k.t
            && openers.contains(&word)
            && ((word == "so"
                && clause.contains(&next.t)
                && side.surface(next).to_lowercase() != "dass")
                || reports_in(&clause, k.s))
    };
    let constructions = side
        .tokens()
        .filter(|&k| inside(k) && (is_construction(k) || opens_clause(k)))
        .count();
    (markers.len(), constructions)
}

/// Does a modal of possibility ("may", „kann“, „може“: the lists
/// `weak_modal` and `able_modal`) stand in these tokens of `side`?
fn possibility(side: &Side, lists: &Lists, within: Option<&[Tok]>) -> bool {
    [&lists.weak_modal, &lists.able_modal]
        .iter()
        .any(|list| !super::modality::modals(side, words::of(list, side.lang), within).is_empty())
}

/// Is the marker at `k` an adverb of possibility (`possibility_adverb`:
/// "possibly", „vielleicht“, „възможно“)? A modal of possibility on the
/// other side says the same: "bigger than you can possibly imagine" →
/// „größer, als man sich vorstellen kann“, „Не е възможно … да са
/// включвали“ → "couldn't have included". Not an evidential ("can
/// apparently have", "явно могат"), which adds a claim of its own.
fn of_possibility(side: &Side, lists: &Lists, k: Tok) -> bool {
    words::of(&lists.possibility_adverb, side.lang).contains(&side.surface(k).to_lowercase())
}

/// Does the other side render a hedge this side adds? It does when its
/// rendering of the clause hedges by a word this side does not explain, or
/// by more hedging constructions than this side's clause has: "angeblich" /
/// "soll … haben", "erwartet vielleicht nicht" / "may not anticipate"; but
/// not "kann wahrscheinlich" / "can", nor "könnte wahrscheinlich" / "could".
fn renders_hedge(other: (usize, usize), this: (usize, usize)) -> bool {
    other.0 > 0 || other.1 > this.1
}

/// The tokens of the clause of the marker `w`, without the marker itself.
fn own_clause(side: &Side, w: Words) -> Vec<Tok> {
    side.clause(w.from)
        .filter(|&t| t < w.from.t || t > w.to.t)
        .map(|t| Tok { s: w.from.s, t })
        .collect()
}

/// At most this many tokens make a trailing clause of attribution („…,
/// научи изданието.“: two words and the full stop; "…, the ministry said
/// on Monday.").
const TRAILING_CLAUSE: u32 = 6;

/// The clauses of `other` that render the clause of token `k` of `side`:
/// every clause holding a counterpart of one of its words, with the clause
/// before it and a short clause ending the sentence after it; `None` when
/// it has none (then all of `other` may render it).
pub(super) fn counterpart_clauses(
    side: &Side,
    other: &Side,
    k: Tok,
    partners: impl Fn(Tok) -> Vec<Tok>,
) -> Option<Vec<Tok>> {
    let s = k.s;
    let mut out: Vec<Tok> = Vec::new();
    for t in side.clause(k) {
        for p in partners(Tok { s, t }) {
            let clause = other.clause(p);
            // The clause before it too: a hedge often governs the clause
            // that follows ("Es wird vermutet, dass er …", "Смята се
            // обаче, че …").
            let before = clause
                .start
                .checked_sub(1)
                .map(|t| other.clause(Tok { s: p.s, t }));
            // And a short last clause after it: attribution often trails
            // the sentence („…, научи изданието“, "…, the ministry said").
            let len = other.analysed[p.s].tokens.len() as u32;
            let after = (clause.end < len)
                .then(|| {
                    other.clause(Tok {
                        s: p.s,
                        t: clause.end,
                    })
                })
                .filter(|a| a.end >= len && a.end - a.start <= TRAILING_CLAUSE);
            for range in [Some(clause), before, after].into_iter().flatten() {
                out.extend(range.map(|u| Tok { s: p.s, t: u }));
            }
        }
    }
    out.sort();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// Does `other` hedge the clause of marker `w` of `side`, as a word
/// `side` does not explain or by more constructions ([`renders_hedge`]),
/// or, for an adverb of possibility, by a modal of possibility? `partners`
/// gives a token of `side` its linked tokens of `other`.
fn other_hedges(
    cx: &RowContext,
    side: &Side,
    other: &Side,
    w: Words,
    attribution: bool,
    partners: &dyn Fn(Tok) -> Vec<Tok>,
) -> bool {
    let within = counterpart_clauses(side, other, w.from, partners);
    (!attribution
        && of_possibility(side, cx.lists, w.from)
        && possibility(other, cx.lists, within.as_deref()))
        || renders_hedge(
            hedging(other, cx.loaded, cx.lists, within.as_deref()),
            hedging(side, cx.loaded, cx.lists, Some(&own_clause(side, w))),
        )
}

/// H4–H7.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let ((src, source_reports), (tgt, target_reports)) = (
        markers(&pr.source, cx.loaded, cx.lists),
        markers(&pr.target, cx.loaded, cx.lists),
    );
    // Does the other side hedge the clause of the first of `words`?
    let target_hedges = |words: &[Words], attribution: bool| {
        (attribution && target_reports)
            || words.first().is_some_and(|w| {
                other_hedges(cx, &pr.source, &pr.target, *w, attribution, &|k| {
                    pr.partners_of_source(k).collect()
                })
            })
    };
    let source_hedges = |words: &[Words], attribution: bool| {
        (attribution && source_reports)
            || words.first().is_some_and(|w| {
                other_hedges(cx, &pr.target, &pr.source, *w, attribution, &|k| {
                    pr.partners_of_target(k).collect()
                })
            })
    };
    // Open markers: not explained by the other side, and not already
    // reported by an earlier rule (a short answer, NEG4/H8/H9).
    let open = |m: Option<&Markers>, source: bool| -> Vec<Words> {
        m.map(|v| {
            v.iter()
                .filter(|(w, covered)| {
                    !covered
                        && !(if source {
                            claims.has_source(w.from)
                        } else {
                            claims.has_target(w.from)
                        })
                })
                .map(|(w, _)| *w)
                .collect()
        })
        .unwrap_or_default()
    };
    let mut out = Vec::new();
    for attribution in [false, true] {
        let (s, t) = (src.get(&attribution), tgt.get(&attribution));
        let (os, ot) = (open(s, true), open(t, false));
        if t.is_none() && !os.is_empty() && !target_hedges(&os, attribution) {
            let rule = if attribution { &rules::H5 } else { &rules::H4 };
            out.push(Finding::new(rule).with_source(os));
        } else if s.is_none() && !ot.is_empty() && !source_hedges(&ot, attribution) {
            let rule = if attribution { &rules::H7 } else { &rules::H6 };
            out.push(Finding::new(rule).with_target(ot));
        }
    }
    out
}
