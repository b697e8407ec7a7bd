//! A generator of hard alignment cases from parallel text (FLORES-200): the
//! articles are concatenated into long documents, and one version is edited —
//! adjacent sentences merged, sentences split at a clause boundary,
//! sentences deleted and sentences from elsewhere inserted — while the gold
//! beads are kept track of. Deterministic: the same seed gives the same case.

use super::alignment::IdBead;

/// How often each edit happens, per sentence.
#[derive(Debug, Clone, Copy)]
pub struct Rates {
    pub merge: f64,
    pub split: f64,
    pub delete: f64,
    pub insert: f64,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates {
            merge: 0.07,
            split: 0.07,
            delete: 0.04,
            insert: 0.04,
        }
    }
}

/// A generated case: both documents and the gold beads.
#[derive(Debug, Clone)]
pub struct Case {
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub gold: Vec<IdBead>,
}

/// xorshift64*: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Edits `b` (a sentence-parallel copy of `a`), keeping `a` as it is.
/// `pool` supplies inserted sentences (same language as `b`, other text).
pub fn perturb(a: &[String], b: &[String], pool: &[String], rates: Rates, rng: &mut Rng) -> Case {
    let mut out_b: Vec<String> = Vec::with_capacity(b.len());
    let mut gold: Vec<IdBead> = Vec::with_capacity(a.len());
    let mut k = 0;
    while k < a.len().min(b.len()) {
        if rng.unit() < rates.insert && !pool.is_empty() {
            gold.push((vec![], vec![out_b.len()]));
            out_b.push(pool[rng.below(pool.len())].clone());
        }
        let r = rng.unit();
        if r < rates.delete {
            gold.push((vec![k], vec![]));
            k += 1;
        } else if r < rates.delete + rates.merge && k + 1 < a.len().min(b.len()) {
            gold.push((vec![k, k + 1], vec![out_b.len()]));
            out_b.push(format!("{} {}", b[k], b[k + 1]));
            k += 2;
        } else if r < rates.delete + rates.merge + rates.split
            && let Some((first, second)) = split_at_clause(&b[k])
        {
            gold.push((vec![k], vec![out_b.len(), out_b.len() + 1]));
            out_b.push(first);
            out_b.push(second);
            k += 1;
        } else {
            gold.push((vec![k], vec![out_b.len()]));
            out_b.push(b[k].clone());
            k += 1;
        }
    }
    Case {
        a: a.to_vec(),
        b: out_b,
        gold,
    }
}

/// Splits a sentence at the comma nearest its middle, with at least four
/// words on each side: "X, Y." becomes "X." and "Y." (capitalised).
pub fn split_at_clause(s: &str) -> Option<(String, String)> {
    let middle = s.len() / 2;
    let cut = s
        .match_indices(", ")
        .map(|(i, _)| i)
        .filter(|&i| {
            s[..i].split_whitespace().count() >= 4 && s[i + 2..].split_whitespace().count() >= 4
        })
        .min_by_key(|&i| i.abs_diff(middle))?;
    let first = format!("{}.", &s[..cut]);
    let rest = &s[cut + 2..];
    let mut chars = rest.chars();
    let second: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())?;
    Some((first, second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_covers_every_sentence_once() {
        let a: Vec<String> = (0..200)
            .map(|i| format!("Sentence number {i} is here, with a clause in the middle of it."))
            .collect();
        let pool: Vec<String> = (0..20).map(|i| format!("Inserted {i}.")).collect();
        let case = perturb(&a, &a, &pool, Rates::default(), &mut Rng::new(7));
        let mut seen_a: Vec<usize> = case.gold.iter().flat_map(|g| g.0.clone()).collect();
        let mut seen_b: Vec<usize> = case.gold.iter().flat_map(|g| g.1.clone()).collect();
        seen_a.sort();
        seen_b.sort();
        assert_eq!(seen_a, (0..200).collect::<Vec<_>>());
        assert_eq!(seen_b, (0..case.b.len()).collect::<Vec<_>>());
        let kinds = |na: usize, nb: usize| {
            case.gold
                .iter()
                .filter(|g| g.0.len() == na && g.1.len() == nb)
                .count()
        };
        assert!(kinds(2, 1) > 0 && kinds(1, 2) > 0 && kinds(1, 0) > 0 && kinds(0, 1) > 0);
        let again = perturb(&a, &a, &pool, Rates::default(), &mut Rng::new(7));
        assert_eq!(again.b, case.b);
    }

    #[test]
    fn clause_split() {
        assert_eq!(
            split_at_clause(
                "The council met on Monday morning, and the mayor presented the new budget."
            ),
            Some((
                "The council met on Monday morning.".into(),
                "And the mayor presented the new budget.".into()
            ))
        );
        assert_eq!(split_at_clause("Too short, sorry."), None);
    }
}
