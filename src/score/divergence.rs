//! The divergence of a row between two versions, in [0, 1]: 0 means the
//! same content, 1 unrelated (or one side has nothing).
//!
//! ```text
//! base       = 1 − (E + 0.8 · S) / W
//! divergence = 1 − (1 − base) · Π over the row's flags (1 − p(severity))
//! ```
//! `W` is the salience weight of all tokens of both sides, `E` the weight of
//! those the other side explains directly, `S` of those explained only
//! softly (a translation learned from the corpus, or through the third
//! version). `p` is 0.6 for a critical flag, 0.4 major, 0.15 minor, 0 info
//! ([`Params`]):
//! a changed number or a flipped negation moves a row far more than its
//! share of words would.

use super::flag::Severity;
use super::params::Params;
use super::view::PairRow;

fn pull(severity: Severity, p: &Params) -> f32 {
    match severity {
        Severity::Critical => p.pull_critical,
        Severity::Major => p.pull_major,
        Severity::Minor => p.pull_minor,
        Severity::Info => 0.0,
    }
}

/// The share of both sides' content that the other side explains, 0..=1.
pub fn similarity(pr: &PairRow, p: &Params) -> f32 {
    let (ws, es, ss) = pr.source.weights();
    let (wt, et, st) = pr.target.weights();
    let total = ws + wt;
    if total <= 0.0 {
        return 1.0;
    }
    ((es + et + p.soft_credit * (ss + st)) / total).clamp(0.0, 1.0)
}

/// The divergence of a row, from its view and the severities of its flags;
/// `None` when neither side has a sentence, 1 when only one has.
pub fn divergence(pr: &PairRow, severities: &[Severity], p: &Params) -> Option<f32> {
    match (pr.source.is_empty(), pr.target.is_empty()) {
        (true, true) => return None,
        (true, false) | (false, true) => return Some(1.0),
        _ => {}
    }
    let keep: f32 = severities.iter().map(|&s| 1.0 - pull(s, p)).product();
    Some((1.0 - similarity(pr, p) * keep).clamp(0.0, 1.0))
}
