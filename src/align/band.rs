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
    /// The band `w` wide everywhere.
    #[cfg(test)]
    pub fn around(guide: &[usize], m: usize, w: usize) -> Band {
        Band::around_widths(guide, m, &vec![w; guide.len()])
    }

    /// The band with a half-width per row (wider only where it needs to be).
    pub fn around_widths(guide: &[usize], m: usize, widths: &[usize]) -> Band {
        let n = guide.len() - 1;
        let mut lo: Vec<usize> = (0..=n)
            .map(|i| guide[i.saturating_sub(widths[i])].saturating_sub(widths[i]))
            .collect();
        let mut hi: Vec<usize> = (0..=n)
            .map(|i| (guide[(i + widths[i]).min(n)] + widths[i]).min(m))
            .collect();
        lo[0] = 0;
        hi[n] = m;
        // Consecutive rows overlap (each row reaches the guide of the next),
        // so the band stays connected without forcing monotone bounds.
        Band { lo, hi }
    }

    /// Rows whose path cell lies on an inner edge of the band.
    pub fn edge_rows(&self, path: &[(usize, usize)], m: usize) -> Vec<usize> {
        path.iter()
            .filter(|&&(i, j)| (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < m))
            .map(|&(i, _)| i)
            .collect()
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

    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h + 1 - l).sum()
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
