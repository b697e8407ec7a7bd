//! Alignment accuracy: strict and lax precision, recall and F1 of beads, the
//! metric of the published Text+Berg results (Sennrich & Volk 2010; Thompson
//! & Koehn 2019), computed exactly as `align_score.py` does:
//!
//! - precision is over test beads, 1-0/0-1 included: strict when the bead is
//!   a gold bead; lax when it shares a source sentence with a gold bead whose
//!   target side shares a sentence with it;
//! - recall is the same with test and gold swapped, 1-0/0-1 beads left out
//!   on both sides;
//! - counts are pooled over all documents (micro-average).

use std::collections::{HashMap, HashSet};

use super::Prf;

/// A bead as two id lists.
pub type IdBead = (Vec<usize>, Vec<usize>);

/// Pooled counts: (strict tp, strict fp, lax tp, lax fp) for precision and recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BeadCounts {
    pub precision: [usize; 4],
    pub recall: [usize; 4],
}

impl BeadCounts {
    pub fn add(&mut self, gold: &[IdBead], test: &[IdBead]) {
        let p = counts(gold, test);
        let nonempty = |v: &[IdBead]| -> Vec<IdBead> {
            v.iter()
                .filter(|(s, t)| !s.is_empty() && !t.is_empty())
                .cloned()
                .collect()
        };
        let r = counts(&nonempty(test), &nonempty(gold));
        for k in 0..4 {
            self.precision[k] += p[k];
            self.recall[k] += r[k];
        }
    }

    pub fn strict(&self) -> Prf {
        Prf::from_counts(
            self.precision[0],
            self.precision[0] + self.precision[1],
            self.recall[0],
            self.recall[0] + self.recall[1],
        )
    }

    pub fn lax(&self) -> Prf {
        Prf::from_counts(
            self.precision[2],
            self.precision[2] + self.precision[3],
            self.recall[2],
            self.recall[2] + self.recall[3],
        )
    }
}

fn counts(gold: &[IdBead], test: &[IdBead]) -> [usize; 4] {
    let gold: HashSet<&IdBead> = gold
        .iter()
        .filter(|(s, t)| !s.is_empty() || !t.is_empty())
        .collect();
    let test: HashSet<&IdBead> = test
        .iter()
        .filter(|(s, t)| !s.is_empty() || !t.is_empty())
        .collect();
    let mut src_to_tgt: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in &gold {
        for &i in s {
            src_to_tgt.entry(i).or_default().extend(t.iter().copied());
        }
    }
    let mut c = [0usize; 4];
    for bead in &test {
        if gold.contains(bead) {
            c[0] += 1;
            c[2] += 1;
            continue;
        }
        c[1] += 1;
        let reach: HashSet<usize> = bead
            .0
            .iter()
            .flat_map(|i| src_to_tgt.get(i).into_iter().flatten().copied())
            .collect();
        if bead.1.iter().any(|j| reach.contains(j)) {
            c[2] += 1;
        } else {
            c[3] += 1;
        }
    }
    c
}

/// Reads beads in either format: tsv `3,4<TAB>5` or vecalign `[3, 4]:[5]`.
pub fn parse_beads(text: &str) -> Result<Vec<IdBead>, String> {
    let ids = |cell: &str| {
        super::gold::parse_ids(cell.trim().trim_start_matches('[').trim_end_matches(']'))
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bead = if line.trim_start().starts_with('[') {
            let (left, rest) = line
                .split_once("]:")
                .ok_or(format!("line {}: bad bead", n + 1))?;
            let right = rest.split(']').next().unwrap_or("");
            (ids(left), ids(right))
        } else {
            let mut cells = line.split('\t');
            (
                ids(cells.next().unwrap_or("")),
                ids(cells.next().unwrap_or("")),
            )
        };
        match bead {
            (Ok(s), Ok(t)) => out.push((s, t)),
            _ => return Err(format!("line {}: bad sentence id", n + 1)),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_reference_definition() {
        let gold = parse_beads("[0]:[0, 1]\n[1]:[2]\n[]:[3]\n[2]:[4]\n").unwrap();
        let test = parse_beads("0\t0\n\t1\n1\t2\n2\t3,4\n").unwrap();
        let mut c = BeadCounts::default();
        c.add(&gold, &test);
        // precision: [1]:[2] strict; [0]:[0] and [2]:[3,4] lax; []:[1] wrong.
        assert_eq!(c.precision, [1, 3, 3, 1]);
        // recall over gold 1-1+: [1]:[2] strict; [0]:[0,1] and [2]:[4] lax.
        assert_eq!(c.recall, [1, 2, 3, 0]);
        let s = c.strict();
        assert!((s.precision - 0.25).abs() < 1e-9 && (s.recall - 1.0 / 3.0).abs() < 1e-9);
    }
}
