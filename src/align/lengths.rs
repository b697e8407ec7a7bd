//! The Gale–Church length model: the length of a translation is roughly
//! proportional to the length of its source, with a variance that grows with
//! length. The ratio is estimated from the two documents themselves, so a
//! language pair needs no constants (German runs longer than English,
//! Bulgarian in between).

/// Length statistics of a document pair.
#[derive(Debug, Clone, Copy)]
pub struct LengthModel {
    /// Characters of B per character of A.
    pub ratio: f64,
    /// Variance per character (Gale and Church found 6.8 for European pairs).
    pub variance: f64,
}

/// Anchors needed to estimate the length ratio from sentence pairs.
pub const MIN_PAIRS: usize = 5;

/// No language pair runs more than this much longer than the other.
const MAX_RATIO: f64 = 2.0;

impl LengthModel {
    /// The ratio of the totals, kept within what translations between
    /// natural languages show (when one side is mostly missing, the totals
    /// say little about the language pair).
    pub fn estimate(a_total: usize, b_total: usize) -> LengthModel {
        let ratio = if a_total == 0 || b_total == 0 {
            1.0
        } else {
            b_total as f64 / a_total as f64
        };
        LengthModel {
            ratio: ratio.clamp(1.0 / MAX_RATIO, MAX_RATIO),
            variance: 6.8,
        }
    }

    /// The ratio of confident sentence pairs (the anchors: sentences that
    /// share rare names, numbers or strings), their median, when there are
    /// at least [`MIN_PAIRS`] of them; else the ratio of the totals. A relay
    /// that keeps a third of its source has a third of its length, but its
    /// sentences are as long as any translation's: the totals would make
    /// every true pair look too long and push sentences into merges.
    pub fn from_pairs(
        pairs: &[(usize, usize)],
        a: &[u32],
        b: &[u32],
        a_total: usize,
        b_total: usize,
    ) -> LengthModel {
        let mut ratios: Vec<f64> = pairs
            .iter()
            .filter_map(|&(i, j)| {
                let (x, y) = (*a.get(i)? as f64, *b.get(j)? as f64);
                (x > 0.0 && y > 0.0).then_some(y / x)
            })
            .collect();
        if ratios.len() < MIN_PAIRS {
            return LengthModel::estimate(a_total, b_total);
        }
        ratios.sort_by(f64::total_cmp);
        LengthModel {
            ratio: ratios[ratios.len() / 2].clamp(1.0 / MAX_RATIO, MAX_RATIO),
            variance: 6.8,
        }
    }

    /// Cost of aligning `la` characters with `lb` characters: the negative
    /// log probability of the length difference under a normal model, capped.
    pub fn cost(&self, la: usize, lb: usize) -> f32 {
        if la == 0 && lb == 0 {
            return 0.0;
        }
        let mean = (la as f64 + lb as f64 / self.ratio) / 2.0;
        let delta = (lb as f64 - la as f64 * self.ratio) / (self.variance * mean.max(1.0)).sqrt();
        let p = 2.0 * (1.0 - normal_cdf(delta.abs()));
        (-(p.max(1e-12)).ln()).min(25.0) as f32
    }
}

/// Standard normal CDF (Abramowitz–Stegun 26.2.17, error < 7.5e-8).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 { 1.0 - tail } else { tail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_lengths_cost_little() {
        let m = LengthModel::estimate(1000, 1200);
        assert!(m.cost(100, 120) < 0.1);
        assert!(m.cost(100, 60) > 3.0);
        assert!(m.cost(100, 240) > m.cost(100, 160));
        assert_eq!(m.cost(0, 0), 0.0);
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-3);
    }
}
