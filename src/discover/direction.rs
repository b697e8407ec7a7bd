//! Which of two linked versions was relayed from which. Dates decide where
//! both versions have one and they differ (a date line in the file, or the
//! folder's `story.toml`): the earlier one is the source. Otherwise the
//! version that covers more of the other is the source: a relay that
//! condenses keeps part of its source's sentences, and nearly all of its own
//! sentences come from the source. When both cover each other about equally
//! (two full translations) and no dates tell, the direction is unclear, and
//! the report says so rather than guess.

use std::cmp::Ordering;

use super::dates::Date;
use super::verify::Verdict;

/// The judged direction of a link between articles `a` and `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `a` is the source, `b` the relay.
    AToB,
    BToA,
    Unclear,
}

/// What the judgement rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Dates,
    Coverage,
    Unclear,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Dates => "dates",
            Basis::Coverage => "coverage",
            Basis::Unclear => "unclear",
        }
    }
}

/// One side must cover the other by at least this much more…
pub const COVERAGE_GAP: f32 = 0.15;
/// …and the source must keep at most this share of its sentences in the
/// relay, for coverage to tell the direction.
pub const CONDENSED_AT_MOST: f32 = 0.85;

/// Judges a link; the reason is a sentence for `matches.csv`.
pub fn judge(v: &Verdict, dates: (Option<Date>, Option<Date>)) -> (Direction, Basis, String) {
    if let (Some(da), Some(db)) = dates
        && let Some(order) = da.order(&db)
    {
        let dir = if order == Ordering::Less {
            Direction::AToB
        } else {
            Direction::BToA
        };
        let (first, then) = if order == Ordering::Less {
            (da, db)
        } else {
            (db, da)
        };
        let reason = format!("dated {first}, the other {then}");
        return (dir, Basis::Dates, reason);
    }
    let (ea, eb) = v.evidence;
    let pct = |x: f32| (x * 100.0).round() as u32;
    if eb - ea >= COVERAGE_GAP && ea <= CONDENSED_AT_MOST {
        let reason = format!(
            "the relay keeps {} % of the source's sentences; {} % of its own are in the source",
            pct(ea),
            pct(eb)
        );
        return (Direction::AToB, Basis::Coverage, reason);
    }
    if ea - eb >= COVERAGE_GAP && eb <= CONDENSED_AT_MOST {
        let reason = format!(
            "the relay keeps {} % of the source's sentences; {} % of its own are in the source",
            pct(eb),
            pct(ea)
        );
        return (Direction::BToA, Basis::Coverage, reason);
    }
    let undated = match dates {
        (Some(_), Some(_)) => "both dated the same day without times to tell",
        (None, None) => "no dates",
        _ => "only one is dated",
    };
    let reason = format!(
        "each covers the other about equally ({} % and {} %) and {undated}: direction unclear",
        pct(ea),
        pct(eb)
    );
    (Direction::Unclear, Basis::Unclear, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(ea: f32, eb: f32) -> Verdict {
        Verdict {
            coverage: (ea, eb),
            evidence: (ea, eb),
            beads: 10,
            moved: 0,
            similarity: 0.7,
            sentences: (10, 10),
            matched: (Vec::new(), Vec::new()),
        }
    }

    #[test]
    fn dates_first_then_coverage_then_unclear() {
        let d = |s| Date::parse_iso(s);
        let (dir, basis, _) = judge(&verdict(0.5, 1.0), (d("2026-03-15"), d("2026-03-14")));
        assert_eq!((dir, basis), (Direction::BToA, Basis::Dates));
        let (dir, basis, _) = judge(&verdict(0.5, 1.0), (None, None));
        assert_eq!((dir, basis), (Direction::AToB, Basis::Coverage));
        let (dir, basis, why) = judge(&verdict(0.95, 1.0), (None, d("2026-03-14")));
        assert_eq!((dir, basis), (Direction::Unclear, Basis::Unclear));
        assert!(why.contains("only one is dated"), "{why}");
    }
}
