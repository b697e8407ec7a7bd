//! Word-level correspondence between two analysed sentences: which tokens on
//! each side are explained by which tokens on the other, and how. This module
//! holds the **one definition** of when two sentences say the same thing,
//! shared by alignment (the cost of a bead) and divergence scoring:
//!
//! 1. a merge of two sorted key lists (the first side's keys toward the
//!    second's language against the second side's own keys), and the same
//!    the other way when the second side was analysed toward the first's
//!    language: every pair of tokens sharing a key explain each other
//!    (dictionary, pivot, learned, compound part, number, identical string,
//!    name key, cognate);
//! 2. then, for names still unexplained on both sides, a spelling check:
//!    two names that start with the same letter in Latin spelling and reach
//!    a Jaro–Winkler similarity of [`NAME_SIMILARITY`] explain each other
//!    ("Kirilov" / "Kirilow" / "Кирилов").
//!
//! The **similarity** of two sentences is the salience-weighted share of the
//! tokens of both sides that are explained:
//! `(Σ w(explained in a) + Σ w(explained in b)) / (Σ w(a) + Σ w(b))`.
//! A bead of several sentences explains the union of what its sentence
//! pairs explain, which is how the aligner combines precomputed
//! [`Explained`] sets without analysing anything again.

mod token_set;

pub use token_set::TokenSet;

use crate::analyse::{Analysed, How, KeyRef};

/// Token `a` of the first sentence corresponds to token `b` of the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub how: How,
}

/// Which tokens of each side found a counterpart on the other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explained {
    pub a: TokenSet,
    pub b: TokenSet,
}

impl Explained {
    pub const fn new() -> Explained {
        Explained {
            a: TokenSet::new(),
            b: TokenSet::new(),
        }
    }

    /// Adds what `other` explains (for beads of several sentences).
    pub fn union_with(&mut self, other: &Explained) {
        self.a.union_with(&other.a);
        self.b.union_with(&other.b);
    }
}

/// The word-level correspondence of two sentences, with its links.
#[derive(Debug, Clone, Default)]
pub struct Correspondence {
    pub links: Vec<Link>,
    pub explained: Explained,
    /// Per token of the first sentence: explained by some token of the second.
    pub explained_a: Vec<bool>,
    pub explained_b: Vec<bool>,
}

/// At most this many links per shared key, so one very common key cannot
/// blow up the link list.
const MAX_GROUP: usize = 8;
/// Two leftover names this similar (Jaro-Winkler on Latin spelling) match.
pub const NAME_SIMILARITY: f64 = 0.90;

/// Which tokens of `a` and `b` explain each other (the definition above),
/// calling `link` for every explaining pair. `b`'s language is the target.
pub fn explain(a: &Analysed, b: &Analysed, mut link: impl FnMut(Link)) -> Explained {
    let mut out = Explained::default();
    let (Some(lang_a), Some(lang_b)) = (a.lang, b.lang) else {
        return out;
    };
    merge(a.keys_toward(lang_b), &b.own, |ka, kb| {
        out.a.insert(ka.token);
        out.b.insert(kb.token);
        let how = if kb.how == How::Compound {
            How::Compound
        } else {
            ka.how
        };
        link(Link {
            a: ka.token,
            b: kb.token,
            how,
        });
    });
    // And the other way, where `b` was analysed toward `a`'s language: the
    // dictionaries of the two directions are not each other's mirror.
    if b.has_toward(lang_a) {
        merge(b.keys_toward(lang_a), &a.own, |kb, ka| {
            out.a.insert(ka.token);
            out.b.insert(kb.token);
            let how = if ka.how == How::Compound {
                How::Compound
            } else {
                kb.how
            };
            link(Link {
                a: ka.token,
                b: kb.token,
                how,
            });
        });
    }
    for (ta, sa) in &a.name_spellings {
        if out.a.contains(*ta) {
            continue;
        }
        let first = sa.chars().next().map(|c| c.to_lowercase().next());
        for (tb, sb) in &b.name_spellings {
            if !out.b.contains(*tb)
                && sb.chars().next().map(|c| c.to_lowercase().next()) == first
                && strsim::jaro_winkler(sa, sb) >= NAME_SIMILARITY
            {
                out.a.insert(*ta);
                out.b.insert(*tb);
                link(Link {
                    a: *ta,
                    b: *tb,
                    how: How::Name,
                });
                break;
            }
        }
    }
    out
}

/// Similarity of sentences (or beads) from what they explain: the weighted
/// share of both sides' content that found a counterpart, 0..=1.
pub fn similarity_of(
    a: &[&Analysed],
    b: &[&Analysed],
    explained_a: &[&TokenSet],
    explained_b: &[&TokenSet],
) -> f32 {
    let (mut hit, mut total) = (0.0f32, 0.0f32);
    for (s, e) in a.iter().zip(explained_a).chain(b.iter().zip(explained_b)) {
        hit += explained_weight(s, e);
        total += s.content_weight();
    }
    if total > 0.0 { hit / total } else { 0.0 }
}

/// Total weight of the tokens of `s` in `set`.
pub fn explained_weight(s: &Analysed, set: &TokenSet) -> f32 {
    set.iter()
        .filter_map(|t| s.tokens.get(t as usize))
        .map(|t| t.weight)
        .sum()
}

/// The similarity of two sentences (the definition above).
pub fn similarity(a: &Analysed, b: &Analysed) -> f32 {
    let e = explain(a, b, |_| {});
    similarity_of(&[a], &[b], &[&e.a], &[&e.b])
}

impl Correspondence {
    /// Fills `self` with the correspondence of `a` and `b`.
    pub fn compute(&mut self, a: &Analysed, b: &Analysed) {
        self.links.clear();
        let links = &mut self.links;
        self.explained = explain(a, b, |l| links.push(l));
        // One link per token pair, with its strongest evidence.
        self.links.sort_unstable_by_key(|l| (l.a, l.b, l.how));
        self.links.dedup_by_key(|l| (l.a, l.b));
        fill(&mut self.explained_a, &self.explained.a, a.tokens.len());
        fill(&mut self.explained_b, &self.explained.b, b.tokens.len());
    }

    /// Explained and total content-token counts of the first sentence.
    pub fn coverage_a(&self, a: &Analysed) -> (usize, usize) {
        coverage(&self.explained_a, a)
    }

    pub fn coverage_b(&self, b: &Analysed) -> (usize, usize) {
        coverage(&self.explained_b, b)
    }

    /// Weighted share of content explained on both sides, 0..=1: the
    /// similarity alignment uses.
    pub fn similarity(&self, a: &Analysed, b: &Analysed) -> f32 {
        similarity_of(&[a], &[b], &[&self.explained.a], &[&self.explained.b])
    }
}

fn fill(flags: &mut Vec<bool>, set: &TokenSet, n: usize) {
    flags.clear();
    flags.resize(n, false);
    for t in set.iter() {
        if let Some(f) = flags.get_mut(t as usize) {
            *f = true;
        }
    }
}

/// The correspondence of two sentences (allocating; prefer reusing one
/// [`Correspondence`] with [`Correspondence::compute`] in loops).
pub fn correspond(a: &Analysed, b: &Analysed) -> Correspondence {
    let mut c = Correspondence::default();
    c.compute(a, b);
    c
}

/// Calls `hit` for every pair of entries with equal keys in two sorted key
/// lists (at most `MAX_GROUP` per side for one key).
pub(crate) fn merge(xs: &[KeyRef], ys: &[KeyRef], mut hit: impl FnMut(&KeyRef, &KeyRef)) {
    let (mut i, mut j) = (0, 0);
    while i < xs.len() && j < ys.len() {
        let (kx, ky) = (xs[i].key, ys[j].key);
        if kx < ky {
            i += 1;
        } else if kx > ky {
            j += 1;
        } else {
            let i_end = i + xs[i..].iter().take_while(|k| k.key == kx).count();
            let j_end = j + ys[j..].iter().take_while(|k| k.key == kx).count();
            for x in &xs[i..i_end.min(i + MAX_GROUP)] {
                for y in &ys[j..j_end.min(j + MAX_GROUP)] {
                    hit(x, y);
                }
            }
            i = i_end;
            j = j_end;
        }
    }
}

fn coverage(explained: &[bool], s: &Analysed) -> (usize, usize) {
    let mut hit = 0;
    let mut total = 0;
    for (t, &e) in s.tokens.iter().zip(explained) {
        if t.is_content() {
            total += 1;
            hit += usize::from(e);
        }
    }
    (hit, total)
}
