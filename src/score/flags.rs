//! From rows to flags: every pair of versions is viewed once
//! ([`super::view::pair_rows`]) and scored row by row, findings become
//! flags with evidence and severity ([`super::evidence`]), the story-level
//! notes replace row flags where those would mislead ([`super::notes`]),
//! and the relay decides which step each change entered at
//! ([`super::relay::attribute`]).

use super::detect::{RowContext, detect};
use super::divergence::divergence;
use super::evidence::to_flag;
use super::flag::{Flag, Severity};
use super::lengths;
use super::notes;
use super::params::Params;
use super::relay::{PairFlags, Plan, attribute};
use super::severity::Place;
use super::view::pair_rows;
use super::words::Lists;
use crate::align::{AlignedStory, PairAlignment};
use crate::lang::Lang;
use crate::score::loaded::Loaded;

/// Divergence per row for one pair of versions.
pub type PairDivergence = ((Lang, Lang), Vec<Option<f32>>);

/// A pair's lexical coverage: the share of the weight of its rows' words
/// (rows where both versions have a sentence) that the other side explains,
/// directly or through learned translations. `None` without such rows.
pub type PairCoverage = ((Lang, Lang), Option<f32>);

/// What scoring a story's pairs gives.
pub struct Found {
    pub divergences: Vec<PairDivergence>,
    /// Per pair, per row: how sure the alignment is of the row's links.
    pub confidences: Vec<PairDivergence>,
    pub coverages: Vec<PairCoverage>,
    pub flags: Vec<Flag>,
}

/// Per row, how sure this pair's alignment is of the links with a
/// sentence in it: the lowest confidence of its beads that join sentences
/// of both versions (`None` for a row with none). A sentence the third
/// version left alone says nothing of this pair's link.
fn link_confidence(al: &AlignedStory, p: &PairAlignment) -> Vec<Option<f32>> {
    let (i, j) = p.versions;
    // The row of each sentence of the two versions, so that each bead is
    // read once (as `align::rows` does for the rows' own confidence).
    let row_of = |v: usize| {
        let lang = al.story.versions[v].lang;
        let mut of = vec![usize::MAX; al.sentences[v].len()];
        for (r, row) in al.rows.iter().enumerate() {
            for &k in row.ids(lang) {
                if let Some(x) = of.get_mut(k) {
                    *x = r;
                }
            }
        }
        of
    };
    let (rows_i, rows_j) = (row_of(i), row_of(j));
    let mut out: Vec<Option<f32>> = vec![None; al.rows.len()];
    for bd in p.alignment.beads.iter().filter(|bd| !bd.is_skip()) {
        let a = bd.a.clone().filter_map(|k| rows_i.get(k));
        let b = bd.b.clone().filter_map(|k| rows_j.get(k));
        for &r in a.chain(b) {
            if let Some(c) = out.get_mut(r) {
                *c = Some(c.map_or(bd.confidence, |c| c.min(bd.confidence)));
            }
        }
    }
    out
}

pub fn find(al: &AlignedStory, loaded: &Loaded, params: &Params, places: &[Place]) -> Found {
    let plan = Plan::of(al);
    let lists = Lists::embedded();
    let n = al.story.versions.len();
    let lang = |v: usize| al.story.versions[v].lang;
    let mut found = Found {
        divergences: Vec::new(),
        confidences: Vec::new(),
        coverages: Vec::new(),
        flags: Vec::new(),
    };
    let mut by_pair: Vec<PairFlags> = Vec::new();
    for p in &al.pairs {
        let (i, j) = p.versions;
        let (s, t) = if plan.steps.contains(&(j, i)) || plan.check == Some((j, i)) {
            (j, i)
        } else {
            (i, j)
        };
        let views = pair_rows(al, s, t, plan.witness(n, s, t), loaded);
        let unrelated = notes::unrelated(&p.alignment.warnings, &views, params);
        let expected_length = lengths::expected(&views, params.length_rows);
        let link_confidence = link_confidence(al, p);
        let mut divs = Vec::with_capacity(views.len());
        let mut flags = Vec::new();
        let (mut total, mut covered) = (0.0f64, 0.0f64);
        for (pr, &place) in views.iter().zip(places) {
            if !pr.source.is_empty() && !pr.target.is_empty() {
                for side in [&pr.source, &pr.target] {
                    let (all, direct, soft) = side.weights();
                    total += all as f64;
                    covered += (direct + soft) as f64;
                }
            }
            let findings = if unrelated.is_some() {
                Vec::new()
            } else {
                detect(&RowContext {
                    pr,
                    loaded,
                    lists,
                    params,
                    calibration: Some(&p.alignment.calibration),
                    expected_length: Some(expected_length),
                    place,
                })
            };
            // A claim on a link the alignment is unsure of is one level
            // milder, down to minor: it may compare two sentences that are
            // not translations of each other.
            let unsure = link_confidence[pr.row].is_some_and(|c| c < params.claim_confidence);
            let row_flags: Vec<Flag> = findings
                .iter()
                .map(|f| {
                    let mut flag = to_flag(al, pr, f, place, loaded, params);
                    if unsure && flag.severity <= Severity::Major {
                        flag.severity = flag.severity.lowered();
                    }
                    flag
                })
                .collect();
            let sevs: Vec<Severity> = row_flags.iter().map(|f| f.severity).collect();
            divs.push(divergence(pr, &sevs, params));
            flags.extend(row_flags);
        }
        found.divergences.push(((lang(i), lang(j)), divs));
        found
            .confidences
            .push(((lang(i), lang(j)), link_confidence));
        let share = (total > 0.0).then(|| (covered / total) as f32);
        found.coverages.push(((lang(i), lang(j)), share));
        if let Some(why) = unrelated {
            found
                .flags
                .push(notes::unrelated_note(lang(s), lang(t), why));
        }
        by_pair.push(PairFlags { s, t, flags });
    }
    for &(s, t) in &plan.steps {
        if let Some(note) = notes::condensed(al, s, t, params) {
            let lt = lang(t);
            for p in by_pair.iter_mut().filter(|p| lang(p.t) == lt) {
                p.flags.retain(|f| !notes::replaced_by_condensed(f, lt));
            }
            found.flags.push(note);
        } else if notes::abridged(al, s, t, params) {
            let lt = lang(t);
            for p in by_pair.iter_mut().filter(|p| lang(p.t) == lt) {
                for f in p.flags.iter_mut() {
                    if notes::replaced_by_condensed(f, lt) {
                        f.severity = f.severity.max(Severity::Minor);
                    }
                }
            }
        }
    }
    found.flags.extend(notes::moved(al, &plan));
    attribute(al, &plan, by_pair, &mut found.flags);
    found.flags.sort_by(|a, b| {
        (a.severity, a.row, a.kind, a.target, a.source)
            .cmp(&(b.severity, b.row, b.kind, b.target, b.source))
    });
    found
}
