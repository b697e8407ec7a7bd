//! Rules H4–H7: a hedge or an attribution on one side that the other side
//! does not explain, where the other side has no marker of its class at
//! all. A hedge may move within a sentence, so what matters is whether the
//! class is there, not which word carries it.

use std::collections::BTreeMap;

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words};
use super::rules;
use super::view::{Side, form_words};
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
    let mut out: BTreeMap<bool, Markers> = BTreeMap::new();
    let mut reports = false;
    for (t, f) in side.forms() {
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
    (out, reports)
}

/// H4–H7.
pub fn detect(cx: &RowContext, _claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let ((src, source_reports), (tgt, target_reports)) = (
        markers(&pr.source, cx.loaded, cx.lists),
        markers(&pr.target, cx.loaded, cx.lists),
    );
    let open = |m: Option<&Markers>| -> Vec<Words> {
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
            let rule = if attribution { &rules::H5 } else { &rules::H4 };
            out.push(Finding::new(rule).with_source(os));
        } else if s.is_none() && !ot.is_empty() && !(attribution && source_reports) {
            let rule = if attribution { &rules::H7 } else { &rules::H6 };
            out.push(Finding::new(rule).with_target(ot));
        }
    }
    out
}
