//! The band of the dynamic programme: for each row `i`, the columns
//! `lo[i]..=hi[i]` that may be on the path. It follows the guide path, `w`
//! columns either side, and looks `w` rows ahead and behind so steep parts
//! (many sentences on one side, few on the other) stay covered. Its size is
//! O((n + m) · w).

/// Column bounds per row, both inclusive and non-decreasing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    pub fn around(guide: &[usize], m: usize, w: usize) -> Band {
        let n = guide.len() - 1;
        let lo = (0..=n)
            .map(|i| guide[i.saturating_sub(w)].saturating_sub(w))
            .collect::<Vec<_>>();
        let hi = (0..=n)
            .map(|i| (guide[(i + w).min(n)] + w).min(m))
            .collect::<Vec<_>>();
        let mut band = Band { lo, hi };
        band.lo[0] = 0;
        band.hi[n] = m;
        band
    }

    /// Every cell.
    pub fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    pub fn contains(&self, i: usize, j: usize) -> bool {
        i < self.lo.len() && self.lo[i] <= j && j <= self.hi[i]
    }

    #[cfg(test)]
    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h + 1 - l).sum()
    }

    /// True when the path runs along an inner edge of the band: the band
    /// was probably too narrow there.
    pub fn touches_edge(&self, path: &[(usize, usize)], m: usize) -> bool {
        path.iter()
            .any(|&(i, j)| (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_follows_a_steep_guide() {
        // 3 rows, 10 columns: row 1 must reach far to the right.
        let b = Band::around(&[0, 5, 9, 10], 10, 1);
        assert_eq!(b.lo, [0, 0, 4, 8]);
        assert_eq!(b.hi, [6, 10, 10, 10]);
        assert!(b.contains(1, 8) && !b.contains(3, 2));
        assert_eq!(Band::full(2, 3).cells(), 12);
    }
}
