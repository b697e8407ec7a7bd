//! Whether two candidate articles are versions of one story: a test of
//! sentence-level correspondence, not of topic. Two articles on one event by
//! different outlets share names, numbers and topic words; versions of one
//! story share sentences.
//!
//! First a cheap screen on the keys already made: how many sentences of each
//! article find a sentence of the other sharing enough rare keys. Pairs that
//! pass are aligned ([`crate::align::align`], the aligner `compare` uses),
//! and only beads with real lexical evidence (similarity at least
//! [`EVIDENCE`]) count: the aligner pairs every sentence it can, so its
//! plain coverage is high even for unrelated articles. A link needs most of
//! the shorter side matched (a relay is mostly made of its source, even when
//! it keeps only part of it) and a fair part of the longer side.

use super::index::Index;
use super::keys::{ArticleKeys, SentenceKeys};
use crate::align::{self, AlignOptions, Alignment, Doc};
use crate::lexicon::Lexicon;

/// A bead whose lexical similarity reaches this is evidence of translation.
pub const EVIDENCE: f32 = 0.3;

/// The screen: a sentence with a partner of at least this key similarity…
const SCREEN_SENTENCE: f32 = 0.2;
/// …and at least this share of the smaller side's sentences with one.
const SCREEN_SHARE: f32 = 0.15;

/// A link needs this share of the side that is covered better…
pub const MIN_COVERED: f32 = 0.6;
/// …and this share of the other side (a relay keeping 40 % of its source
/// and adding a little shows about a third).
pub const MIN_OTHER: f32 = 0.25;
/// …and at least this many beads with evidence (fewer when an article has
/// fewer sentences).
pub const MIN_BEADS: usize = 3;

/// The cheap screen: the share of each side's sentences that share enough
/// rare keys with some sentence of the other.
pub fn screen(a: &ArticleKeys, b: &ArticleKeys, index: &Index) -> (f32, f32) {
    let weights = |s: &SentenceKeys| -> f32 {
        s.keys
            .iter()
            .zip(s.fanout.iter())
            .map(|(&k, &f)| index.weight(k) / f as f32)
            .sum()
    };
    let wa: Vec<f32> = a.sentences.iter().map(weights).collect();
    let wb: Vec<f32> = b.sentences.iter().map(weights).collect();
    let mut best_a = vec![0f32; a.sentences.len()];
    let mut best_b = vec![0f32; b.sentences.len()];
    for (i, x) in a.sentences.iter().enumerate() {
        for (j, y) in b.sentences.iter().enumerate() {
            let denom = (wa[i] * wb[j]).sqrt();
            if denom <= 0.0 {
                continue;
            }
            let sim = shared_weight(x, y, index) / denom;
            best_a[i] = best_a[i].max(sim);
            best_b[j] = best_b[j].max(sim);
        }
    }
    let share = |v: &[f32]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().filter(|&&s| s >= SCREEN_SENTENCE).count() as f32 / v.len() as f32
        }
    };
    (share(&best_a), share(&best_b))
}

/// Whether the screen lets a pair through to alignment.
pub fn passes_screen((sa, sb): (f32, f32)) -> bool {
    sa.max(sb) >= SCREEN_SHARE
}

/// The weight two sentences share: each shared key over the smaller of its
/// two fan-outs.
fn shared_weight(x: &SentenceKeys, y: &SentenceKeys, index: &Index) -> f32 {
    let (mut i, mut j, mut w) = (0, 0, 0f32);
    let (xk, yk) = (&x.keys, &y.keys);
    while i < xk.len() && j < yk.len() {
        match xk[i].cmp(&yk[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += index.weight(xk[i]) / x.fanout[i].min(y.fanout[j]) as f32;
                i += 1;
                j += 1;
            }
        }
    }
    w
}

/// What the alignment of two articles shows.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// Share of each side's sentences the other covers, as `compare`
    /// reports it (every aligned sentence).
    pub coverage: (f32, f32),
    /// Share of each side's sentences in beads with lexical evidence.
    pub evidence: (f32, f32),
    /// Beads with lexical evidence.
    pub beads: usize,
    /// Of those, beads the aligner found moved.
    pub moved: usize,
    /// Mean similarity of the beads with evidence.
    pub similarity: f32,
    /// Sentences of each side.
    pub sentences: (usize, usize),
    /// The sentences of each side in beads with evidence.
    pub matched: (Vec<bool>, Vec<bool>),
}

impl Verdict {
    /// Whether the alignment makes the two articles versions of one story.
    pub fn linked(&self) -> bool {
        let (ea, eb) = self.evidence;
        let (hi, lo) = if ea >= eb { (ea, eb) } else { (eb, ea) };
        let need = MIN_BEADS.min(self.sentences.0.min(self.sentences.1)).max(1);
        hi >= MIN_COVERED && lo >= MIN_OTHER && self.beads >= need
    }

    /// How strong the link is, 0..=1: the evidence coverage of both sides,
    /// the better covered side counting more.
    pub fn strength(&self) -> f32 {
        let (ea, eb) = self.evidence;
        let (hi, lo) = if ea >= eb { (ea, eb) } else { (eb, ea) };
        (0.5 * hi + 0.3 * lo + 0.2 * self.similarity).clamp(0.0, 1.0)
    }
}

/// Aligns two articles and reads the verdict off the beads.
pub fn verify(a: &Doc, b: &Doc, lexicon: &Lexicon) -> Verdict {
    let alignment = align::align(a, b, lexicon, &AlignOptions::default());
    verdict(&alignment, a.len(), b.len())
}

fn verdict(al: &Alignment, n: usize, m: usize) -> Verdict {
    let mut ma = vec![false; n];
    let mut mb = vec![false; m];
    let (mut beads, mut moved, mut sum) = (0usize, 0usize, 0f32);
    for bead in al.beads.iter().filter(|b| !b.is_skip() && b.score >= EVIDENCE) {
        beads += 1;
        moved += usize::from(bead.moved);
        sum += bead.score;
        bead.a.clone().for_each(|i| ma[i] = true);
        bead.b.clone().for_each(|j| mb[j] = true);
    }
    let share = |v: &[bool]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().filter(|&&x| x).count() as f32 / v.len() as f32
        }
    };
    Verdict {
        coverage: al.coverage(),
        evidence: (share(&ma), share(&mb)),
        beads,
        moved,
        similarity: if beads > 0 { sum / beads as f32 } else { 0.0 },
        sentences: (n, m),
        matched: (ma, mb),
    }
}
