//! Whether two candidate articles are versions of one story: a test of
//! sentence-level correspondence, not of topic. Two articles on one event by
//! different outlets share names, numbers and topic words; versions of one
//! story share sentences.
//!
//! First a cheap screen on the keys already made: how many sentences of each
//! article find a sentence of the other sharing enough rare keys. Pairs that
//! pass are matched sentence by sentence in any order: every sentence of one
//! side against every sentence of the other that shares some of its keys
//! (the screen lists those pairs), by the similarity the aligner uses ([`crate::correspond::similarity`]), the most similar pairs first,
//! each sentence at most once, and only pairs with real lexical evidence
//! (similarity at least [`EVIDENCE`]). In any order, because relays move
//! passages: a condensed relay that opens with its source's closing quote
//! still matches sentence for sentence, where a monotone alignment loses the
//! moved part and what it crosses. A link needs most of one side matched (a
//! relay is mostly made of its source, even when it keeps only part of it)
//! and a fair part of the other. A patchwork of two stories matches about
//! half of itself in each, and is linked to neither.
//!
//! Linked pairs are then aligned ([`crate::align::align`], the aligner
//! `compare` uses) for the coverage `compare` would report and the passages
//! it finds moved, which `matches.csv` shows.

use super::index::Index;
use super::keys::{ArticleKeys, SentenceKeys};
use crate::align::{self, AlignOptions, Doc};
use crate::analyse::{Analysed, analyse_toward};
use crate::correspond::similarity;
use crate::lexicon::Lexicon;

/// A bead whose lexical similarity reaches this is evidence of translation.
pub const EVIDENCE: f32 = 0.4;
/// …and this, when the two sentences name different people or places (a
/// name may also be spelled past recognition: the evidence is then
/// stricter, not refused).
pub const NAMED_EVIDENCE: f32 = 0.6;

/// The screen: a sentence with a partner of at least this key similarity…
const SCREEN_SENTENCE: f32 = 0.2;
/// …and at least this share of the smaller side's sentences with one.
const SCREEN_SHARE: f32 = 0.15;

/// A link needs this share of the side that is covered better…
pub const MIN_COVERED: f32 = 0.7;
/// …and this share of the other side (a relay keeping 40 % of its source
/// and adding a little shows about a third).
pub const MIN_OTHER: f32 = 0.25;
/// …and at least this many beads with evidence (fewer when an article has
/// fewer sentences).
pub const MIN_BEADS: usize = 3;

/// Articles whose sentence counts multiply to more than this are too long
/// to compare every sentence with every other (an archive may hold a book
/// as one file): the screen lets them through, and the aligner, whose work
/// grows linearly, matches them in order.
pub const MAX_PAIRS: usize = 250_000;

/// What the screen found: the share of each side's sentences that share
/// enough rare keys with some sentence of the other, and the sentence
/// pairs worth comparing word by word (none: too long to pair up, see
/// [`MAX_PAIRS`]).
#[derive(Debug, Clone)]
pub struct Screen {
    pub shares: (f32, f32),
    /// Sentence pairs, each with whether their names differ.
    pub pairs: Option<Vec<(u32, u32, bool)>>,
}

impl Screen {
    /// Whether the pair goes on to be matched.
    pub fn passes(&self) -> bool {
        self.shares.0.max(self.shares.1) >= SCREEN_SHARE
    }
}

/// Sentence pairs whose keys are this similar are compared word by word;
/// below it no pair was seen to reach [`EVIDENCE`].
const PAIR_FLOOR: f32 = 0.02;

/// The cheap screen on the keys already made (see [`Screen`]).
pub fn screen(a: &ArticleKeys, b: &ArticleKeys, index: &Index) -> Screen {
    if a.sentences.len() * b.sentences.len() > MAX_PAIRS {
        return Screen {
            shares: (1.0, 1.0),
            pairs: None,
        };
    }
    let weights = |s: &SentenceKeys| -> f32 {
        s.keys
            .iter()
            .zip(s.fanout.iter())
            .map(|(&k, &f)| index.weight(k) / f as f32)
            .sum()
    };
    let wa: Vec<f32> = a.sentences.iter().map(weights).collect();
    let wb: Vec<f32> = b.sentences.iter().map(weights).collect();
    let (na, nb) = (names_by_sentence(a), names_by_sentence(b));
    let mut best_a = vec![0f32; a.sentences.len()];
    let mut best_b = vec![0f32; b.sentences.len()];
    let mut pairs = Vec::new();
    for (i, x) in a.sentences.iter().enumerate() {
        for (j, y) in b.sentences.iter().enumerate() {
            let denom = (wa[i] * wb[j]).sqrt();
            if denom <= 0.0 {
                continue;
            }
            let sim = shared_weight(x, y, index) / denom;
            best_a[i] = best_a[i].max(sim);
            best_b[j] = best_b[j].max(sim);
            if sim >= PAIR_FLOOR {
                pairs.push((i as u32, j as u32, names_differ(&na[i], &nb[j])));
            }
        }
    }
    let share = |v: &[f32]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().filter(|&&s| s >= SCREEN_SENTENCE).count() as f32 / v.len() as f32
        }
    };
    Screen {
        shares: (share(&best_a), share(&best_b)),
        pairs: Some(pairs),
    }
}

/// Each sentence's name keys, sorted.
fn names_by_sentence(a: &ArticleKeys) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); a.sentences.len()];
    for m in &a.names {
        if let Some(list) = out.get_mut(m.sentence as usize) {
            list.push(m.key);
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    out
}

/// Whether two sentences both name people or places, and none the same:
/// then they are one sentence translated only if nearly all their other
/// words are ([`NAMED_EVIDENCE`]), not if they share a formula ("X, a
/// spokesperson for Y, said …" in two stories).
fn names_differ(x: &[u32], y: &[u32]) -> bool {
    !x.is_empty() && !y.is_empty() && !x.iter().any(|k| y.binary_search(k).is_ok())
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

/// What matching two articles shows.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// Share of each side's sentences the other covers in the alignment,
    /// as `compare` reports it (for linked pairs; else the evidence).
    pub coverage: (f32, f32),
    /// Share of each side's sentences matched with lexical evidence.
    pub evidence: (f32, f32),
    /// Sentence pairs matched.
    pub beads: usize,
    /// Beads the aligner found moved (for linked pairs).
    pub moved: usize,
    /// Mean similarity of the matched pairs.
    pub similarity: f32,
    /// Sentences of each side.
    pub sentences: (usize, usize),
    /// The sentences of each side that were matched.
    pub matched: (Vec<bool>, Vec<bool>),
}

impl Verdict {
    /// Whether the matching makes the two articles versions of one story.
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

/// Matches two articles (see the module documentation), comparing the
/// sentence pairs the screen found worth it; a linked pair is aligned too,
/// for its coverage and moved passages.
pub fn verify(
    a: &Doc,
    b: &Doc,
    lexicon: &Lexicon,
    screened: Option<&[(u32, u32, bool)]>,
) -> Verdict {
    let mut alignment = None;
    let pairs = if let Some(screened) = screened {
        free_matching(a, b, lexicon, screened)
    } else {
        let al = align::align(a, b, lexicon, &AlignOptions::default());
        let beads = al
            .beads
            .iter()
            .filter(|b| !b.is_skip() && b.score >= EVIDENCE)
            .flat_map(|b| {
                b.a.clone()
                    .flat_map(move |i| b.b.clone().map(move |j| (i, j, b.score)))
            })
            .collect();
        alignment = Some(al);
        beads
    };
    let (mut ma, mut mb) = (vec![false; a.len()], vec![false; b.len()]);
    for &(i, j, _) in &pairs {
        ma[i] = true;
        mb[j] = true;
    }
    let share = |v: &[bool]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().filter(|&&x| x).count() as f32 / v.len() as f32
        }
    };
    let evidence = (share(&ma), share(&mb));
    let sum: f32 = pairs.iter().map(|p| p.2).sum();
    let mut v = Verdict {
        coverage: evidence,
        evidence,
        beads: pairs.len(),
        moved: 0,
        similarity: if pairs.is_empty() {
            0.0
        } else {
            sum / pairs.len() as f32
        },
        sentences: (a.len(), b.len()),
        matched: (ma, mb),
    };
    if v.linked() {
        let alignment =
            alignment.unwrap_or_else(|| align::align(a, b, lexicon, &AlignOptions::default()));
        v.coverage = alignment.coverage();
        v.moved = alignment.beads.iter().filter(|b| b.moved).count();
    }
    v
}

/// Sentence pairs matched in any order: of the pairs given, each sentence
/// with at most one of the other side, the most similar pairs first, each
/// at least [`EVIDENCE`] ([`NAMED_EVIDENCE`] for pairs whose names
/// differ). Only the sentences in some pair are analysed.
pub fn free_matching(
    a: &Doc,
    b: &Doc,
    lexicon: &Lexicon,
    candidates: &[(u32, u32, bool)],
) -> Vec<(usize, usize, f32)> {
    let mut xa: Vec<Option<Analysed>> = vec![None; a.len()];
    let mut xb: Vec<Option<Analysed>> = vec![None; b.len()];
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    for &(i, j, names_differ) in candidates {
        let (i, j) = (i as usize, j as usize);
        if i >= a.len() || j >= b.len() {
            continue;
        }
        let x =
            xa[i].get_or_insert_with(|| analyse_toward(a.sentences[i], a.lang, lexicon, &[b.lang]));
        let y = xb[j].get_or_insert_with(|| analyse_toward(b.sentences[j], b.lang, lexicon, &[]));
        let sim = similarity(x, y);
        if sim
            >= if names_differ {
                NAMED_EVIDENCE
            } else {
                EVIDENCE
            }
        {
            pairs.push((i, j, sim));
        }
    }
    pairs.sort_by(|p, q| q.2.total_cmp(&p.2).then((p.0, p.1).cmp(&(q.0, q.1))));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    pairs.retain(|&(i, j, _)| {
        let free = !used_a[i] && !used_b[j];
        if free {
            used_a[i] = true;
            used_b[j] = true;
        }
        free
    });
    pairs
}
