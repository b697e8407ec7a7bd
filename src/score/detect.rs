//! Every rule over one row of one pair, in a fixed order: the specific
//! detectors first (numbers, names, polarity, wording on a scale, hedges,
//! quotes), each claiming the words it explains (`Claims`), then words
//! added and omitted over what nobody claimed, and `meaning` (M1) when the
//! row corresponds poorly and nothing else says why. A row where one side
//! is empty is an added or omitted sentence (S1, S2).
//!
//! Every detector has one signature, [`Detector`]: it reads the row through
//! a [`RowContext`] and returns findings, each naming its rule.

use super::claims::Claims;
use super::content;
use super::finding::{Finding, Words, runs};
use super::params::Params;
use super::rules;
use super::severity::Place;
use super::view::{PairRow, Side};
use super::words::Lists;
use super::{answers, hedges, modality, names, numbers, polarity, quotes, scales, times};
use crate::align::Calibration;
use crate::analyse::TokenKind;
use crate::score::loaded::Loaded;

/// What a detector reads: the row seen from one pair, the lexicons, the
/// parameters and the document's calibration.
pub struct RowContext<'a> {
    pub pr: &'a PairRow<'a>,
    pub loaded: &'a Loaded,
    pub lists: &'a Lists,
    pub params: &'a Params,
    pub calibration: Option<&'a Calibration>,
    /// Characters of target per character of source a translation of this
    /// pair has (the median of its one-to-one rows, or the languages'
    /// prior: `score::lengths`); `None` judges no length.
    pub expected_length: Option<f32>,
    /// Where in the story the row is.
    pub place: Place,
}

impl RowContext<'_> {
    /// Does the rest of the row correspond enough for a replacement claim
    /// (a name replaced, a number changed, polarity flipped, a quote's
    /// words changed)? Moves on a scale need no gate: two words on one
    /// scale are linked by it. Its similarity, rescaled between the document's
    /// non-pairs (0) and true pairs (1), is at least `claim_gate`. Two
    /// sentences that are not translations of each other have no names or
    /// numbers to compare; such a row gets one `meaning` note instead (M1).
    pub fn corresponds(&self) -> bool {
        self.calibration.is_none_or(|cal| {
            cal.rescale(super::divergence::similarity(self.pr, self.params))
                >= self.params.claim_gate
        })
    }
}

/// One detector: reads the row, may claim words beyond its findings.
pub type Detector = fn(&RowContext, &mut Claims) -> Vec<Finding>;

/// The specific detectors, in the order they claim words.
const SPECIFIC: &[Detector] = &[
    numbers::detect,
    times::detect,
    names::detect,
    answers::detect,
    polarity::detect,
    scales::detect,
    hedges::detect,
    modality::detect,
    quotes::detect,
];

/// Findings for one row of one pair.
pub fn detect(cx: &RowContext) -> Vec<Finding> {
    let pr = cx.pr;
    match (pr.source.is_empty(), pr.target.is_empty()) {
        (true, true) => return Vec::new(),
        (true, false) => return vec![Finding::new(&rules::S1)],
        (false, true) => return vec![Finding::new(&rules::S2)],
        _ => {}
    }
    let mut claims = Claims::default();
    let mut out = Vec::new();
    for detector in SPECIFIC {
        let found = detector(cx, &mut claims);
        for f in &found {
            claims.finding(f);
        }
        out.extend(found);
    }
    let additions = content::detect(cx, &mut claims);
    if out.is_empty()
        && let Some(cal) = cx.calibration
        && cal.rescale(super::divergence::similarity(pr, cx.params)) < cx.params.meaning_below
    {
        let open = |side: &Side| -> Vec<Words> {
            runs(
                side.tokens()
                    .filter(|&k| side.kind(k) != TokenKind::Stop && !side.is_covered(k))
                    .collect(),
            )
        };
        out.push(
            Finding::new(&rules::M1)
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
