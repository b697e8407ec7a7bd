//! A sparse map from byte offsets in a derived string back to byte offsets in
//! the string it was derived from. Intake drops and replaces characters, and a
//! sentence must still point at its bytes in the file as read; storing one
//! checkpoint per edit (not one entry per byte) keeps a 50 MiB file cheap.

/// Checkpoints `(derived, source)`: from `derived` on, offsets advance in step
/// until the next checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// A map whose derived offset 0 is `source_start` in the source.
    pub fn new(source_start: usize) -> OffsetMap {
        OffsetMap {
            points: vec![(0, source_start)],
        }
    }

    /// Records that derived offset `derived` corresponds to `source`.
    /// Checkpoints must be marked in increasing `derived` order.
    pub fn mark(&mut self, derived: usize, source: usize) {
        let &(last_d, last_s) = self.points.last().expect("never empty");
        debug_assert!(derived >= last_d);
        if derived == last_d {
            self.points.pop();
            self.points.push((derived, source));
        } else if source as i128 - derived as i128 != last_s as i128 - last_d as i128 {
            self.points.push((derived, source));
        }
    }

    /// The source offset of a derived offset.
    pub fn source(&self, derived: usize) -> usize {
        let idx = self.points.partition_point(|&(d, _)| d <= derived);
        let (d, s) = self.points[idx.saturating_sub(1)];
        s + derived.saturating_sub(d)
    }

    /// Number of checkpoints kept.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.points.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_and_shifts() {
        let mut m = OffsetMap::new(3); // a 3-byte BOM was dropped
        m.mark(5, 8); // nothing changed: no new checkpoint
        assert_eq!(m.len(), 1);
        m.mark(10, 15); // two bytes dropped before derived 10
        let cases = [(0, 3), (4, 7), (9, 12), (10, 15), (20, 25)];
        for (d, s) in cases {
            assert_eq!(m.source(d), s, "derived {d}");
        }
    }

    #[test]
    fn later_mark_at_same_offset_wins() {
        let mut m = OffsetMap::new(0);
        m.mark(4, 6);
        m.mark(4, 9);
        assert_eq!(m.source(4), 9);
        assert_eq!(m.source(3), 3);
    }
}
