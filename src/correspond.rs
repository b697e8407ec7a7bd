//! Word-level correspondence between two analysed sentences: which tokens on
//! each side are explained by which tokens on the other, and how. It is one
//! merge of two sorted key lists (the source side's keys toward the target
//! language against the target side's own keys), plus a similarity check for
//! leftover names. Alignment and divergence scoring call it millions of
//! times, so a [`Correspondence`] is reused across calls without reallocating.

use crate::analyse::{Analysed, How, KeyRef};

/// Token `a` of the first sentence corresponds to token `b` of the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub how: How,
}

/// The word-level correspondence of two sentences.
#[derive(Debug, Clone, Default)]
pub struct Correspondence {
    pub links: Vec<Link>,
    /// Per token of the first sentence: explained by some token of the second.
    pub explained_a: Vec<bool>,
    pub explained_b: Vec<bool>,
}

/// At most this many links per shared key, so one very common key cannot
/// blow up the link list.
const MAX_GROUP: usize = 8;
/// Two leftover names this similar (Jaro-Winkler on Latin spelling) match.
const NAME_SIMILARITY: f64 = 0.90;

impl Correspondence {
    /// Fills `self` with the correspondence of `a` and `b`.
    pub fn compute(&mut self, a: &Analysed, b: &Analysed) {
        self.links.clear();
        self.explained_a.clear();
        self.explained_a.resize(a.tokens.len(), false);
        self.explained_b.clear();
        self.explained_b.resize(b.tokens.len(), false);
        let Some(lang_b) = b.lang else { return };
        merge(a.keys_toward(lang_b), &b.own, |ka, kb| {
            self.explained_a[ka.token as usize] = true;
            self.explained_b[kb.token as usize] = true;
            let how = if kb.how == How::Compound {
                How::Compound
            } else {
                ka.how
            };
            self.links.push(Link {
                a: ka.token,
                b: kb.token,
                how,
            });
        });
        // One link per token pair, with its strongest evidence.
        self.links.sort_unstable_by_key(|l| (l.a, l.b, l.how));
        self.links.dedup_by_key(|l| (l.a, l.b));
        for (ta, sa) in &a.name_spellings {
            if self.explained_a[*ta as usize] {
                continue;
            }
            for (tb, sb) in &b.name_spellings {
                if !self.explained_b[*tb as usize]
                    && strsim::jaro_winkler(sa, sb) >= NAME_SIMILARITY
                {
                    self.explained_a[*ta as usize] = true;
                    self.explained_b[*tb as usize] = true;
                    self.links.push(Link {
                        a: *ta,
                        b: *tb,
                        how: How::Name,
                    });
                    break;
                }
            }
        }
    }

    /// Explained and total content-token counts of the first sentence.
    pub fn coverage_a(&self, a: &Analysed) -> (usize, usize) {
        coverage(&self.explained_a, a)
    }

    pub fn coverage_b(&self, b: &Analysed) -> (usize, usize) {
        coverage(&self.explained_b, b)
    }

    /// Weighted share of content explained on both sides, 0..=1: the
    /// lexical similarity alignment uses.
    pub fn similarity(&self, a: &Analysed, b: &Analysed) -> f32 {
        let (ea, ta) = weights(&self.explained_a, a);
        let (eb, tb) = weights(&self.explained_b, b);
        if ta + tb == 0.0 {
            0.0
        } else {
            (ea + eb) / (ta + tb)
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

fn weights(explained: &[bool], s: &Analysed) -> (f32, f32) {
    let mut hit = 0.0;
    let mut total = 0.0;
    for (t, &e) in s.tokens.iter().zip(explained) {
        total += t.weight;
        if e {
            hit += t.weight;
        }
    }
    (hit, total)
}
