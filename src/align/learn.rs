//! Learning word translations from the input: IBM Model 1 (Brown et al.
//! 1993), trained by a few EM iterations on the beads of a first alignment,
//! in both directions. A pair of stems is kept when each direction gives it
//! at least [`MIN_PROBABILITY`] and the two co-occur in at least
//! [`MIN_COOCCURRENCE`] beads; kept pairs make a [`LearnedTable`], which
//! joins the run's lexicon as `Learned` entries before the documents are
//! aligned again. Over a corpus, the beads of all stories of a language pair
//! are pooled, which is what teaches Parallax terms and names no dictionary
//! has, and gives languages without a dictionary (the French of Text+Berg) a
//! lexicon of their own. A [`Corpus`] keeps only stem ids per bead, never the
//! texts, so a pass over many stories stays small.

use crate::hash::FastMap as HashMap;

use rayon::prelude::*;

use super::doc::Doc;
use super::learned::{LearnedPair, LearnedTable};
use super::pair::{AlignOptions, Alignment, align};
use crate::analyse::tokenize::{Shape, tokenize};
use crate::lang::Lang;
use crate::lexicon::{Lexicon, fold};

/// EM iterations.
pub const ITERATIONS: usize = 5;
/// Minimum translation probability, in each direction.
pub const MIN_PROBABILITY: f32 = 0.15;
/// Minimum number of beads a pair must share.
pub const MIN_COOCCURRENCE: u32 = 2;
/// Longer sentences teach little and cost much; they are left out.
const MAX_TOKENS: usize = 80;

/// One matched bead reduced to the stems of its content words, per side.
pub type BeadStems = (Vec<String>, Vec<String>);

/// One bead as the stem ids of each side.
pub(crate) type StemIds = (Vec<u32>, Vec<u32>);

/// Sentence pairs of one language pair, as stem ids.
pub struct Corpus {
    pub la: Lang,
    pub lb: Lang,
    vocab: [Vocab; 2],
    pairs: Vec<(Vec<u32>, Vec<u32>)>,
}

#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    /// New ids in the words' order: the new id of each old id, and the
    /// words by new id.
    fn renumbered(&self) -> (Vec<u32>, Vec<&str>) {
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.sort_unstable_by(|&x, &y| self.words[x as usize].cmp(&self.words[y as usize]));
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let words = order
            .iter()
            .map(|&o| self.words[o as usize].as_str())
            .collect();
        (new_id, words)
    }

    fn id(&mut self, w: String) -> u32 {
        if let Some(&i) = self.ids.get(&w) {
            return i;
        }
        let i = self.words.len() as u32;
        self.words.push(w.clone());
        self.ids.insert(w, i);
        i
    }
}

impl Corpus {
    pub fn new(la: Lang, lb: Lang) -> Corpus {
        Corpus {
            la,
            lb,
            vocab: Default::default(),
            pairs: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds the matched beads (up to 2-2) of an alignment.
    pub fn add(&mut self, a: &Doc, b: &Doc, alignment: &Alignment, lexicon: &Lexicon) {
        let beads = bead_stems(a, b, alignment, lexicon);
        self.add_stems(beads);
    }

    /// Adds beads already reduced to stems by [`bead_stems`] (which can run
    /// in parallel; adding interns the stems, in the order given).
    pub fn add_stems(&mut self, beads: Vec<BeadStems>) {
        for (xs, ys) in beads {
            let xs = xs.into_iter().map(|w| self.vocab[0].id(w)).collect();
            let ys = ys.into_iter().map(|w| self.vocab[1].id(w)).collect();
            self.pairs.push((xs, ys));
        }
    }

    /// Trains both directions and returns the stem pairs both agree on.
    /// The table does not depend on the order the beads were added in (a
    /// corpus is a set of stories, listed in any order): training runs on
    /// the beads renumbered in stem order and sorted, so every float sum
    /// happens in the same order.
    pub fn train(&self) -> LearnedTable {
        let (words, pairs) = self.canonical();
        let mut pairs: Vec<LearnedPair> = train_ids(&pairs)
            .into_iter()
            .map(|(x, y, forward, backward, cooccurrence)| LearnedPair {
                stem_a: words[0][x as usize].to_string(),
                stem_b: words[1][y as usize].to_string(),
                forward,
                backward,
                cooccurrence,
            })
            .collect();
        pairs.sort_by(|x, y| (&x.stem_a, &x.stem_b).cmp(&(&y.stem_a, &y.stem_b)));
        LearnedTable {
            la: self.la,
            lb: self.lb,
            pairs,
        }
    }

    /// The beads with each side's stems renumbered in stem order, sorted;
    /// and each side's stems by new id. Two corpora holding the same beads
    /// in any order give the same result.
    fn canonical(&self) -> ([Vec<&str>; 2], Vec<StemIds>) {
        let (ids_a, words_a) = self.vocab[0].renumbered();
        let (ids_b, words_b) = self.vocab[1].renumbered();
        let mut pairs: Vec<StemIds> = self
            .pairs
            .iter()
            .map(|(xs, ys)| {
                (
                    xs.iter().map(|&x| ids_a[x as usize]).collect(),
                    ys.iter().map(|&y| ids_b[y as usize]).collect(),
                )
            })
            .collect();
        pairs.sort_unstable();
        ([words_a, words_b], pairs)
    }
}

/// IBM Model 1 in both directions over beads of stem ids (in a canonical
/// order, see [`Corpus::train`]): the pairs `(x, y, t(y|x), t(x|y),
/// cooccurrence)` both directions agree on, in no particular order.
pub(crate) fn train_ids(pairs: &[StemIds]) -> Vec<(u32, u32, f32, f32, u32)> {
    if pairs.len() <= EM_CHUNK {
        return train_small(pairs);
    }
    let forward = model1(pairs, false);
    let backward = model1(pairs, true);
    let cooc = cooccurrence(pairs);
    forward
        .iter()
        .filter_map(|(&(x, y), &p)| {
            let q = *backward.get(&(y, x))?;
            let c = *cooc.get(&(x, y))?;
            (p >= MIN_PROBABILITY && q >= MIN_PROBABILITY && c >= MIN_COOCCURRENCE)
                .then_some((x, y, p, q, c))
        })
        .collect()
}

/// Beads of one EM chunk (see [`model1`]).
const EM_CHUNK: usize = 256;

/// [`train_ids`] for at most one chunk of beads (one story's): the same
/// pairs and the same floats, summed in the same order, but over dense
/// arrays indexed by the sorted (source, target) pairs instead of hash
/// maps, about ten times as fast.
fn train_small(pairs: &[StemIds]) -> Vec<(u32, u32, f32, f32, u32)> {
    let (fk, ft) = model1_small(pairs, false);
    let (bk, bt) = model1_small(pairs, true);
    // Co-occurrence, counted for the pairs both directions keep only: the
    // beads holding both words.
    let cooc = |(x, y): (u32, u32)| -> u32 {
        pairs
            .iter()
            .filter(|(xs, ys)| xs.contains(&x) && ys.contains(&y))
            .count() as u32
    };
    fk.iter()
        .zip(&ft)
        .filter(|(k, _)| k.0 != NULL)
        .filter_map(|(&(x, y), &p)| {
            if p < MIN_PROBABILITY {
                return None;
            }
            let q = bk.binary_search(&(y, x)).ok().map(|i| bt[i])?;
            if q < MIN_PROBABILITY {
                return None;
            }
            let c = cooc((x, y));
            (c >= MIN_COOCCURRENCE).then_some((x, y, p, q, c))
        })
        .collect()
}

/// The NULL source word of Model 1.
const NULL: u32 = u32::MAX;

/// [`model1`] for at most one chunk of beads: the sorted (source, target)
/// keys and t(target | source) of each, NULL sources included.
fn model1_small(pairs: &[StemIds], reverse: bool) -> (Vec<(u32, u32)>, Vec<f32>) {
    fn sides(p: &StemIds, reverse: bool) -> (&[u32], &[u32]) {
        if reverse { (&p.1, &p.0) } else { (&p.0, &p.1) }
    }
    // Every (x, y) occurrence, in the order EM visits them.
    let mut occ: Vec<(u32, u32)> = Vec::new();
    for p in pairs {
        let (src, tgt) = sides(p, reverse);
        for &y in tgt {
            occ.extend(src.iter().chain([&NULL]).map(|&x| (x, y)));
        }
    }
    let mut keys = occ.clone();
    keys.sort_unstable();
    keys.dedup();
    let index: Vec<u32> = occ
        .iter()
        .map(|k| keys.binary_search(k).unwrap_or(0) as u32)
        .collect();
    let mut t = vec![1.0f32; keys.len()];
    let mut counts = vec![0.0f32; keys.len()];
    let mut probs: Vec<f32> = Vec::new();
    for _ in 0..ITERATIONS {
        counts.iter_mut().for_each(|c| *c = 0.0);
        let mut at = 0;
        for p in pairs {
            let (src, tgt) = sides(p, reverse);
            let width = src.len() + 1;
            for _ in tgt {
                let ids = &index[at..at + width];
                probs.clear();
                probs.extend(ids.iter().map(|&i| t[i as usize]));
                let z: f32 = probs.iter().sum();
                for (&i, &pr) in ids.iter().zip(&probs) {
                    counts[i as usize] += pr / z;
                }
                at += width;
            }
        }
        // Totals per source word, summed in (x, y) order; the keys of one
        // x are a run of the sorted keys.
        let mut start = 0;
        while start < keys.len() {
            let x = keys[start].0;
            let end = start + keys[start..].iter().take_while(|k| k.0 == x).count();
            let mut total = 0.0f32;
            for &c in &counts[start..end] {
                total += c;
            }
            for k in start..end {
                t[k] = counts[k] / total;
            }
            start = end;
        }
    }
    (keys, t)
}

/// Most tokens a side of a bead may have to be learned from.
pub(crate) const MAX_BEAD_TOKENS: usize = MAX_TOKENS;

/// The stems of the content words of each matched bead (up to 2-2) of an
/// alignment, the part of learning that needs the texts.
pub fn bead_stems(a: &Doc, b: &Doc, alignment: &Alignment, lexicon: &Lexicon) -> Vec<BeadStems> {
    let stems = |doc: &Doc, ids: std::ops::Range<usize>| {
        let mut out = Vec::new();
        for s in ids.map(|i| doc.sentences[i]) {
            for t in tokenize(s).into_iter().filter(|t| t.shape == Shape::Word) {
                let folded = fold(&s[t.span.clone()]);
                if !lexicon.is_stop(doc.lang, &folded) {
                    out.push(lexicon.stem(doc.lang, &folded));
                }
            }
        }
        out
    };
    alignment
        .beads
        .iter()
        .filter(|b| !b.is_skip() && b.a.len() <= 2 && b.b.len() <= 2)
        .map(|bead| (stems(a, bead.a.clone()), stems(b, bead.b.clone())))
        .filter(|(xs, ys)| {
            !xs.is_empty() && !ys.is_empty() && xs.len() <= MAX_TOKENS && ys.len() <= MAX_TOKENS
        })
        .collect()
}

/// t(target | source) after [`ITERATIONS`] rounds of EM, with a NULL source
/// word (id `u32::MAX`). `reverse` swaps the roles of the two sides.
fn model1(pairs: &[(Vec<u32>, Vec<u32>)], reverse: bool) -> HashMap<(u32, u32), f32> {
    fn sides(p: &(Vec<u32>, Vec<u32>), reverse: bool) -> (&[u32], &[u32]) {
        if reverse { (&p.1, &p.0) } else { (&p.0, &p.1) }
    }
    let mut t: HashMap<(u32, u32), f32> = HashMap::default();
    for p in pairs {
        let (src, tgt) = sides(p, reverse);
        for &y in tgt {
            for &x in src.iter().chain([&NULL]) {
                t.insert((x, y), 1.0);
            }
        }
    }
    for _ in 0..ITERATIONS {
        let counts: HashMap<(u32, u32), f32> = pairs
            .par_chunks(EM_CHUNK)
            .map(|chunk| {
                let mut c: HashMap<(u32, u32), f32> = HashMap::default();
                // t(x, y) for each source word of a bead, looked up once.
                let mut probs: Vec<f32> = Vec::new();
                for p in chunk {
                    let (src, tgt) = sides(p, reverse);
                    for &y in tgt {
                        probs.clear();
                        probs.extend(src.iter().chain([&NULL]).map(|&x| t[&(x, y)]));
                        let z: f32 = probs.iter().sum();
                        for (&x, &pr) in src.iter().chain([&NULL]).zip(&probs) {
                            *c.entry((x, y)).or_default() += pr / z;
                        }
                    }
                }
                c
            })
            .collect::<Vec<_>>()
            .into_iter()
            // Merged in chunk order and summed in key order, so every
            // float sum happens in the same order at any thread count.
            .fold(HashMap::default(), |mut acc, c| {
                let mut c: Vec<((u32, u32), f32)> = c.into_iter().collect();
                c.sort_unstable_by_key(|e| e.0);
                for (k, v) in c {
                    *acc.entry(k).or_default() += v;
                }
                acc
            });
        let mut sorted: Vec<(&(u32, u32), &f32)> = counts.iter().collect();
        sorted.sort_unstable_by_key(|e| *e.0);
        let mut totals: HashMap<u32, f32> = HashMap::default();
        for (&(x, _), &v) in sorted {
            *totals.entry(x).or_default() += v;
        }
        t = counts
            .into_iter()
            .map(|((x, y), v)| ((x, y), v / totals[&x]))
            .collect();
    }
    t.retain(|&(x, _), _| x != NULL);
    t
}

/// In how many sentence pairs each (source, target) stem pair occurs.
fn cooccurrence(pairs: &[(Vec<u32>, Vec<u32>)]) -> HashMap<(u32, u32), u32> {
    let mut out: HashMap<(u32, u32), u32> = HashMap::default();
    for (xs, ys) in pairs {
        let mut seen: Vec<(u32, u32)> = xs
            .iter()
            .flat_map(|&x| ys.iter().map(move |&y| (x, y)))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *out.entry(k).or_default() += 1;
        }
    }
    out
}

/// Aligns several document pairs of one language pair, learns word
/// translations from all of them together, adds them to `lexicon`, and aligns
/// again. Returns the second alignments and the learned table (`None` when
/// there were no documents).
pub fn align_pooled(
    docs: &[(Doc, Doc)],
    lexicon: &mut Lexicon,
    options: &AlignOptions,
) -> (Vec<Alignment>, Option<LearnedTable>) {
    let first: Vec<Alignment> = docs
        .par_iter()
        .map(|(a, b)| align(a, b, lexicon, options))
        .collect();
    let Some((a0, b0)) = docs.first() else {
        return (first, None);
    };
    let mut corpus = Corpus::new(a0.lang, b0.lang);
    for ((a, b), al) in docs.iter().zip(&first) {
        corpus.add(a, b, al, lexicon);
    }
    let table = corpus.train();
    table.apply(lexicon);
    let lex: &Lexicon = lexicon;
    let second = docs
        .par_iter()
        .map(|(a, b)| align(a, b, lex, options))
        .collect();
    (second, Some(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model1_learns_consistent_pairs() {
        // house=Haus, green=grün, the small corpus of Brown et al.'s kind.
        let pairs = vec![
            (vec![0, 1], vec![10, 11]), // green house / grün Haus
            (vec![1], vec![11]),        // house / Haus
            (vec![0, 2], vec![10, 12]), // green tree / grün Baum
            (vec![2], vec![12]),        // tree / Baum
        ];
        let t = model1(&pairs, false);
        assert!(t[&(1, 11)] > 0.8, "{t:?}");
        assert!(t[&(0, 10)] > 0.8, "{t:?}");
        assert!(t[&(1, 10)] < 0.2);
        assert_eq!(cooccurrence(&pairs)[&(0, 10)], 2);
    }

    /// The dense trainer for one story's beads gives exactly the pairs and
    /// floats of the hash-map trainer (byte-identical reports).
    #[test]
    fn small_training_equals_the_general_one() {
        let mut seed = 12345u64;
        let mut next = |n: u32| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n as u64) as u32
        };
        for beads in [3usize, 20, 90, 256] {
            let mut pairs: Vec<StemIds> = (0..beads)
                .map(|_| {
                    let a = (0..1 + next(12)).map(|_| next(40)).collect();
                    let b = (0..1 + next(12)).map(|_| next(40)).collect();
                    (a, b)
                })
                .collect();
            pairs.sort_unstable();
            let general = {
                let forward = model1(&pairs, false);
                let backward = model1(&pairs, true);
                let cooc = cooccurrence(&pairs);
                let mut v: Vec<(u32, u32, f32, f32, u32)> = forward
                    .iter()
                    .filter_map(|(&(x, y), &p)| {
                        let q = *backward.get(&(y, x))?;
                        let c = *cooc.get(&(x, y))?;
                        (p >= MIN_PROBABILITY && q >= MIN_PROBABILITY && c >= MIN_COOCCURRENCE)
                            .then_some((x, y, p, q, c))
                    })
                    .collect();
                v.sort_by_key(|e| (e.0, e.1));
                v
            };
            let mut small = train_small(&pairs);
            small.sort_by_key(|e| (e.0, e.1));
            assert!(
                !general.is_empty() || beads < 20,
                "{beads} beads learned nothing"
            );
            let bits = |v: &[(u32, u32, f32, f32, u32)]| -> Vec<(u32, u32, u32, u32, u32)> {
                v.iter()
                    .map(|e| (e.0, e.1, e.2.to_bits(), e.3.to_bits(), e.4))
                    .collect()
            };
            assert_eq!(bits(&small), bits(&general), "{beads} beads");
        }
    }

    /// Regression (tests/properties_pipeline.rs, story order): the same
    /// beads added in another order gave other float sums, so the table's
    /// probabilities differed in the last digits with the order of stories.
    #[test]
    fn training_does_not_depend_on_the_order_of_beads() {
        let bead = |a: &str, b: &str| -> BeadStems {
            (
                a.split(' ').map(str::to_string).collect(),
                b.split(' ').map(str::to_string).collect(),
            )
        };
        let beads = vec![
            bead("zelen kasht", "gruen haus"),
            bead("kasht", "haus"),
            bead("zelen durvo", "gruen baum"),
            bead("durvo golyamo", "baum gross"),
            bead("golyamo kasht zelen", "gross haus gruen"),
            bead("durvo", "baum"),
            bead("kasht golyamo", "haus gross"),
        ];
        let table = |beads: Vec<BeadStems>| {
            let mut c = Corpus::new(Lang::Bg, Lang::De);
            c.add_stems(beads);
            c.train()
        };
        let forward = table(beads.clone());
        assert!(!forward.pairs.is_empty());
        let mut reversed = beads.clone();
        reversed.reverse();
        assert_eq!(forward, table(reversed));
        let mut rotated = beads;
        rotated.rotate_left(3);
        assert_eq!(forward, table(rotated));
    }
}
