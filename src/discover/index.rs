//! Candidates from an inverted index of the articles' cross-lingual keys
//! ([`super::keys`]). A key's weight is its rarity in the archive (inverse
//! document frequency): a name or a number found in two articles says much,
//! a word found in thousands says little, and a key found in more than
//! [`cap`] articles is not looked up at all, which keeps the work per
//! article bounded as the archive grows. Each article's best few partners
//! per language (by the cosine of their weighted key sets) are its
//! candidates; nothing is compared with everything.

use rayon::prelude::*;

use crate::hash::FastMap;
use crate::lang::Lang;

/// The inverted index: for each key, the articles that have it.
pub struct Index {
    /// Key → (weight, range of `postings`).
    keys: FastMap<u32, (f32, u32, u32)>,
    postings: Vec<u32>,
    /// Per article, the sum of its squared key weights.
    norms: Vec<f32>,
    /// Keys in more articles than this are not looked up.
    pub cap: u32,
}

/// Keys in more articles than this are too common to find partners by:
/// it grows with the square root of the archive, so the work per article
/// grows slowly too.
pub fn cap(articles: usize) -> u32 {
    ((articles as f64).sqrt() * 2.0).clamp(40.0, 600.0) as u32
}

/// Each article's keys with their fan-outs, sorted (`None`: not matched),
/// made on demand so the index never holds every article's list at once.
pub type KeysOf<'a> = &'a (dyn Fn(usize) -> Option<Vec<(u32, u8)>> + Sync);

impl Index {
    /// Indexes the key sets of `n` articles: first each key's document
    /// frequency, then the postings of the keys rare enough to look up.
    pub fn build(n: usize, keys_of: KeysOf) -> Index {
        let df: FastMap<u32, u32> = (0..n)
            .into_par_iter()
            .fold(FastMap::default, |mut m: FastMap<u32, u32>, i| {
                for (k, _) in keys_of(i).unwrap_or_default() {
                    *m.entry(k).or_insert(0) += 1;
                }
                m
            })
            .reduce(FastMap::default, |a, b| {
                let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                for (k, c) in small {
                    *big.entry(k).or_insert(0) += c;
                }
                big
            });
        let matched = (0..n).filter(|&i| keys_of(i).is_some()).count();
        let cap = cap(matched);
        // Ranges in key order, so the layout is the same however the
        // counts were gathered.
        let mut sorted: Vec<(u32, u32)> = df.into_iter().collect();
        sorted.sort_unstable();
        let mut keys = FastMap::default();
        keys.reserve(sorted.len());
        let mut end = 0u32;
        for (k, count) in sorted {
            let weight = ((matched as f32 + 1.0) / count as f32).ln().max(0.0);
            let start = end;
            if count <= cap {
                end += count;
            }
            keys.insert(k, (weight, start, end));
        }
        let mut postings = vec![0u32; end as usize];
        let mut filled: FastMap<u32, u32> = FastMap::default();
        for i in 0..n {
            for (k, _) in keys_of(i).unwrap_or_default() {
                if let Some(&(_, start, stop)) = keys.get(&k)
                    && stop > start
                {
                    let at = filled.entry(k).or_insert(start);
                    postings[*at as usize] = i as u32;
                    *at += 1;
                }
            }
        }
        drop(filled);
        let mut index = Index {
            keys,
            postings,
            norms: Vec::new(),
            cap,
        };
        index.norms = (0..n)
            .into_par_iter()
            .map(|i| {
                keys_of(i).map_or(0.0, |keys| {
                    keys.iter()
                        .map(|&(k, f)| (index.looked_up(k) / f as f32).powi(2))
                        .sum()
                })
            })
            .collect();
        index
    }

    /// A key's weight: its rarity in the archive (inverse document
    /// frequency), also for keys too common to look up.
    pub fn weight(&self, key: u32) -> f32 {
        self.keys.get(&key).map_or(0.0, |&(w, _, _)| w)
    }

    /// A key's weight in finding candidates: 0 for keys too common to
    /// look up, which candidates' scores and norms leave out alike.
    fn looked_up(&self, key: u32) -> f32 {
        match self.keys.get(&key) {
            Some(&(w, s, e)) if e > s => w,
            _ => 0.0,
        }
    }

    fn postings(&self, key: u32) -> &[u32] {
        match self.keys.get(&key) {
            Some(&(_, s, e)) => &self.postings[s as usize..e as usize],
            None => &[],
        }
    }

    /// Each article's best `per_lang` partners in each language, as pairs
    /// `(i, j)` with `i < j` and their score, sorted. A shared key counts
    /// its weight over the smaller fan-out of the two sides (a word of one
    /// side found among the four translations of a word of the other is
    /// one word found).
    pub fn candidates(
        &self,
        keys_of: KeysOf,
        langs: &[Lang],
        per_lang: usize,
        min_score: f32,
    ) -> Vec<(u32, u32, f32)> {
        let n = langs.len();
        let mut pairs: Vec<(u32, u32, f32)> = (0..n)
            .into_par_iter()
            .map_init(
                || (vec![0f32; n], Vec::<u32>::new()),
                |(acc, touched), a| {
                    let Some(keys) = keys_of(a) else {
                        return Vec::new();
                    };
                    for (k, f) in keys {
                        let list = self.postings(k);
                        if list.len() < 2 {
                            continue;
                        }
                        // The other side's fan-out is not known here: a
                        // key counts at this side's, squared as in a norm.
                        let w = (self.looked_up(k) / f as f32).powi(2) * f as f32;
                        for &b in list {
                            if b as usize == a {
                                continue;
                            }
                            if acc[b as usize] == 0.0 {
                                touched.push(b);
                            }
                            acc[b as usize] += w;
                        }
                    }
                    let mut scored: Vec<(u32, f32)> = touched
                        .drain(..)
                        .map(|b| {
                            let s = acc[b as usize];
                            acc[b as usize] = 0.0;
                            let norm = (self.norms[a] * self.norms[b as usize]).sqrt();
                            (b, if norm > 0.0 { s / norm } else { 0.0 })
                        })
                        .filter(|&(_, s)| s >= min_score)
                        .collect();
                    scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                    let mut taken = [0usize; 4];
                    let mut out = Vec::new();
                    for (b, s) in scored {
                        let slot = match langs[b as usize] {
                            Lang::Bg => 0,
                            Lang::De => 1,
                            Lang::En => 2,
                            Lang::Other(_) => 3,
                        };
                        if taken[slot] < per_lang {
                            taken[slot] += 1;
                            let (i, j) = if (a as u32) < b {
                                (a as u32, b)
                            } else {
                                (b, a as u32)
                            };
                            out.push((i, j, s));
                        }
                    }
                    out
                },
            )
            .flatten_iter()
            .collect();
        pairs.par_sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.total_cmp(&x.2)));
        pairs.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_shared_keys_make_candidates() {
        // 0 and 1 share rare keys; 2 shares only a common one with them.
        let one = |keys: &[u32]| Some(keys.iter().map(|&k| (k, 1u8)).collect::<Vec<_>>());
        let docs = [
            one(&[1, 2, 3, 100]),
            one(&[1, 2, 4, 100]),
            one(&[5, 6, 7, 100]),
            None,
        ];
        let langs = [Lang::De, Lang::Bg, Lang::En, Lang::En];
        let keys_of = |i: usize| docs[i].clone();
        let index = Index::build(docs.len(), &keys_of);
        let c = index.candidates(&keys_of, &langs, 2, 0.05);
        assert_eq!(c.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), [(0, 1)]);
    }
}
