//! Story-level notes: one flag where a flag per row would mislead. Two
//! versions that are not translations of each other get one `meaning` note
//! (M2) and no row flags; a condensed relay gets one note for the sentences
//! it left out on purpose (S3), and a step that abridges (leaves out a few)
//! has its omitted sentences at most `minor`; a moved passage gets one `moved` note per
//! row (S4) instead of an added and an omitted sentence.

use super::flag::{Flag, Kind};
use super::params::Params;
use super::relay::Plan;
use super::rules::{self, Rule};
use super::severity::{self, Place};
use super::view::PairRow;
use crate::align::AlignedStory;
use crate::lang::Lang;
use crate::warning::Warning;

/// A note of `rule` at `row` for the step `ls → lt`.
fn note(rule: &'static Rule, ls: Lang, lt: Lang, row: usize, message: String) -> Flag {
    Flag {
        kind: rule.kind,
        rule: rule.id,
        severity: severity::of(rule, Place::Body, false),
        source: ls,
        target: lt,
        row,
        entered_at: (ls, lt),
        inherited_by: Vec::new(),
        evidence: Vec::new(),
        message,
    }
}

/// M2: why the versions of a pair are not translations of each other, if
/// they are not: the aligner's verdict, or rows that share too little (the
/// median similarity of the rows both versions have, over at least
/// `unrelated_min_rows` rows).
pub fn unrelated(warnings: &[Warning], views: &[PairRow], params: &Params) -> Option<String> {
    if let Some(w) = warnings
        .iter()
        .find(|w| matches!(w, Warning::NotTranslations { .. }))
    {
        return Some(w.to_string());
    }
    let mut sims: Vec<f32> = views
        .iter()
        .filter(|pr| !pr.source.is_empty() && !pr.target.is_empty())
        .map(|pr| super::divergence::similarity(pr, params))
        .collect();
    if sims.len() < params.unrelated_min_rows.max(1) {
        return None;
    }
    sims.sort_by(f32::total_cmp);
    let median = sims[sims.len() / 2];
    let pr = views.first()?;
    let (ls, lt) = (pr.source.lang, pr.target.lang);
    (median < params.unrelated_below).then(|| {
        format!(
            "{ls}–{lt}: the versions may not be translations of each other: their rows share {:.0} % of their words (median)",
            100.0 * median
        )
    })
}

/// The M2 note.
pub fn unrelated_note(ls: Lang, lt: Lang, why: String) -> Flag {
    note(
        &rules::M2,
        ls,
        lt,
        0,
        format!("{why}; no flags for this pair"),
    )
}

/// S3: when step `s → t` keeps less of its source than a faithful
/// translation does (the aligner's one definition of condensed), the note,
/// and the flags it replaces are taken out of `flags`.
pub fn condensed(al: &AlignedStory, s: usize, t: usize, params: &Params) -> Option<Flag> {
    let (ls, lt) = (al.story.versions[s].lang, al.story.versions[t].lang);
    let total = al.sentences[s].len();
    let kept = al
        .rows
        .iter()
        .filter(|r| !r.ids(lt).is_empty())
        .map(|r| r.ids(ls).len())
        .sum::<usize>();
    if total < params.condensed_min_sentences
        || kept as f32 >= crate::align::pair::CONDENSED_BELOW * total as f32
    {
        return None;
    }
    let missing: Vec<usize> = (0..al.rows.len())
        .filter(|&r| al.rows[r].ids(lt).is_empty() && !al.rows[r].ids(ls).is_empty())
        .collect();
    let share = 100.0 * kept as f32 / total as f32;
    Some(note(
        &rules::S3,
        ls,
        lt,
        missing.first().copied().unwrap_or(0),
        format!(
            "{lt} is condensed: it keeps {share:.0} % of {ls} ({kept} of {total} sentences); left out: rows {}",
            row_ranges(&missing)
        ),
    ))
}

/// Does step `s → t` abridge its source: leave out at least
/// `abridged_min_dropped` of its sentences, though not enough to be
/// condensed (see [`condensed`])? Its omitted sentences are cuts.
pub fn abridged(al: &AlignedStory, s: usize, t: usize, params: &Params) -> bool {
    let (ls, lt) = (al.story.versions[s].lang, al.story.versions[t].lang);
    let dropped: usize = al
        .rows
        .iter()
        .filter(|r| r.ids(lt).is_empty())
        .map(|r| r.ids(ls).len())
        .sum();
    dropped >= params.abridged_min_dropped.max(1)
}

/// S4: a note for each row of a passage a version moved. Rows follow one
/// version's order, so which version moved shows between the steps of the
/// relay: at step s → t, t moved the row when the row's sentences of s and
/// t are in a different order than another row's (an inversion).
pub fn moved(al: &AlignedStory, plan: &Plan) -> Vec<Flag> {
    let mut out = Vec::new();
    let first = |r: usize, v: usize| al.rows[r].ids(al.story.versions[v].lang).first().copied();
    for (r, _) in al.rows.iter().enumerate().filter(|(_, row)| row.moved) {
        for &(s, t) in &plan.steps {
            let (Some(xs), Some(xt)) = (first(r, s), first(r, t)) else {
                continue;
            };
            let inverted = (0..al.rows.len()).any(|q| match (first(q, s), first(q, t)) {
                (Some(ys), Some(yt)) => (ys < xs) != (yt < xt),
                _ => false,
            });
            if !inverted {
                continue;
            }
            let (ls, lt) = (al.story.versions[s].lang, al.story.versions[t].lang);
            let ids = |lang: Lang| row_ranges(al.rows[r].ids(lang));
            out.push(note(
                &rules::S4,
                ls,
                lt,
                r,
                format!(
                    "{lt} moved this passage: its sentences {} are sentences {} of {ls}",
                    ids(lt),
                    ids(ls)
                ),
            ));
        }
    }
    out
}

/// Is a flag one that a condensed step's note replaces: a sentence left
/// out, or part of a row left out (O3), which a relay that condenses on
/// purpose does within sentences too?
pub fn replaced_by_condensed(f: &Flag, lt: Lang) -> bool {
    f.target == lt
        && ((f.kind == Kind::OmittedSentence && f.rule != rules::S3.id) || f.rule == rules::O3.id)
}

/// "5–9, 12, 14–20" (1-based).
pub fn row_ranges(rows: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let mut e = k;
        while e + 1 < rows.len() && rows[e + 1] == rows[e] + 1 {
            e += 1;
        }
        parts.push(if e == k {
            format!("{}", rows[k] + 1)
        } else {
            format!("{}–{}", rows[k] + 1, rows[e] + 1)
        });
        k = e + 1;
    }
    parts.join(", ")
}
