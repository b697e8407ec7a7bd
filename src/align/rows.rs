//! Three-way rows: coming next.

/// A row of a three-way alignment: sentence ids per version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub ids: Vec<Vec<usize>>,
}

/// Placeholder until reconciliation lands.
pub fn three_way() {}
