//! All detectors over one row of one pair, in a fixed order: the specific
//! ones first (numbers, names, negation, loaded wording, hedges, quotes),
//! each claiming the words it explains, then additions and omissions over
//! the words nobody claimed, and `meaning` when the row corresponds poorly
//! and nothing else says why. A row where one side is empty is an added or
//! omitted sentence.

use super::candidate::{Candidate, Weight, Words, runs};
use super::content;
use super::divergence::similarity;
use super::flag::Kind;
use super::markers;
use super::view::{PairRow, Side, Tok};
use crate::align::Calibration;
use crate::analyse::TokenKind;
use crate::score::loaded::Loaded;

/// A rescaled similarity below this (0 = a typical non-pair of the
/// document, 1 = a typical true pair) is a row that says something else.
const MEANING_BELOW: f32 = 0.25;

/// Findings for one row of one pair.
pub fn detect(pr: &PairRow, loaded: &Loaded, calibration: Option<&Calibration>) -> Vec<Candidate> {
    match (pr.source.is_empty(), pr.target.is_empty()) {
        (true, true) => return Vec::new(),
        (true, false) => {
            return vec![Candidate::new(
                Kind::AddedSentence,
                Weight::Light,
                "adds a sentence",
            )];
        }
        (false, true) => {
            return vec![Candidate::new(
                Kind::OmittedSentence,
                Weight::Light,
                "omits a sentence",
            )];
        }
        _ => {}
    }
    let (mut used_t, mut used_s) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    out.extend(content::numbers(pr, &mut used_t));
    out.extend(content::names(pr, &mut used_t));
    out.extend(markers::negation(pr, &mut used_t));
    out.extend(markers::scales(pr, loaded, &mut used_t));
    out.extend(markers::hedge(pr, loaded, &mut used_t));
    out.extend(content::quotes(pr, &mut used_t));
    for c in &out {
        for w in &c.source {
            used_s.extend((w.from.t..=w.to.t).map(|t| Tok { s: w.from.s, t }));
        }
        for w in &c.target {
            used_t.extend((w.from.t..=w.to.t).map(|t| Tok { s: w.from.s, t }));
        }
    }
    for used in [&mut used_t, &mut used_s] {
        used.sort_unstable();
        used.dedup();
    }
    let additions = content::additions(pr, &used_t, &used_s);
    let specific = !out.is_empty();
    if !specific
        && let Some(cal) = calibration
        && cal.rescale(similarity(pr)) < MEANING_BELOW
    {
        let open = |side: &Side| -> Vec<Words> {
            runs(
                side.tokens()
                    .filter(|&k| side.kind(k) != TokenKind::Stop && !side.is_covered(k))
                    .collect(),
            )
        };
        out.push(
            Candidate::new(Kind::Meaning, Weight::Strong, "says something else")
                .with_target(open(&pr.target))
                .with_source(open(&pr.source)),
        );
        return out;
    }
    out.extend(additions);
    out
}

/// Does a side carry a claim: a number, a name or a loaded word?
pub fn carries_claim(side: &Side, loaded: &Loaded) -> bool {
    side.tokens()
        .any(|k| matches!(side.kind(k), TokenKind::Number | TokenKind::Name))
        || side
            .found
            .iter()
            .flatten()
            .any(|f| loaded.family(f.marker).is_some_and(|fam| fam.loaded))
}
