//! How sure the aligner is of each bead, 0..=1, for scoring to decide
//! whether a row may carry a replacement claim at all.
//!
//! - **Evidence** of a link: how far its similarity rises above the story's
//!   null level (what non-pairs near the path reach), as a share of the way
//!   to a typical true pair's: 0 at the null level, 1 at a typical true
//!   pair. Where the lexicon says little about the language pair
//!   (informativeness near 0), evidence is not asked for.
//! - **Margin**: how much cheaper the programme's bead was than the best
//!   other bead ending at the same place, as a share of [`MARGIN_FULL`]
//!   (about the cost of leaving a sentence out).
//!
//! A link's confidence is the lower of the two; a sentence left alone has
//! its margin. A moved bead passed a stricter test than the programme's
//! links and has its evidence; a pair linked by its position alone (a
//! one-by-one gap, see `align::gaps`) has [`POSITION`] times the lower
//! confidence of its two neighbours.
//!
//! Measured on relays that keep 30-60 % and on hard-case edits (FLORES, WMT,
//! the bundled stories; about 21,000 links), the share of links that are
//! right, by confidence: below 0.1, 0.85; 0.1-0.2, 0.93; 0.2-0.5, 0.97-0.98;
//! 0.5-0.6, 0.99; above 0.6, 0.997-0.999. So below about 0.5 a link is
//! worth no claim that rests on its words corresponding.

use super::Bead;
use super::params::Calibration;

/// A decision margin this large (in cost units) is a sure one.
pub const MARGIN_FULL: f32 = 0.5;

/// A link resting on position alone is worth this much of its neighbours'.
pub const POSITION: f32 = 0.5;

/// The evidence of a link of similarity `sim`, 0..=1.
pub fn evidence(sim: f32, calibration: &Calibration) -> f32 {
    let span = (calibration.true_pair - calibration.null).max(0.02);
    let e = ((sim - calibration.null) / span).clamp(0.0, 1.0);
    let k = calibration.informativeness();
    k * e + (1.0 - k)
}

/// Turns the decision margins the programme left in `confidence` into
/// confidences (see the module's description).
pub fn of_path(beads: &mut [Bead], calibration: &Calibration) {
    for b in beads {
        let margin = (b.confidence / MARGIN_FULL).clamp(0.0, 1.0);
        b.confidence = if b.is_skip() {
            margin
        } else {
            margin.min(evidence(b.score, calibration))
        };
    }
}
