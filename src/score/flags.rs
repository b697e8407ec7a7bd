//! From findings to flags: every pair of versions is viewed and scored row
//! by row, findings become flags with evidence and severity, and the relay
//! decides which step each change entered at ([`super::relay`]). A condensed
//! relay's left-out sentences become one note, and versions that do not
//! translate each other one warning.

use super::candidate::{Candidate, Words, words_text};
use super::detect::{carries_claim, detect};
use super::divergence::divergence;
use super::flag::{Evidence, Flag, Kind, Severity};
use super::relay::Plan;
use super::severity::{self, Place};
use super::view::{PairRow, Side, pair_row};
use crate::align::AlignedStory;
use crate::lang::Lang;
use crate::score::loaded::Loaded;
use crate::warning::Warning;

/// Divergence per row for one pair of versions.
pub type PairDivergence = ((Lang, Lang), Vec<Option<f32>>);

/// A pair's lexical coverage: the share of the weight of its rows' words
/// (rows where both versions have a sentence) that the other side explains,
/// directly or through learned translations. `None` without such rows.
pub type PairCoverage = ((Lang, Lang), Option<f32>);

/// A relay that keeps less than this share of its source's sentences is
/// condensed: its left-out sentences are summarised, not flagged one by one.
use crate::align::pair::CONDENSED_BELOW;
/// …provided the source has at least this many sentences.
const CONDENSED_MIN_SENTENCES: usize = 5;

/// The pairs' flags (before relay attribution), per oriented pair.
struct PairFlags {
    s: usize,
    t: usize,
    flags: Vec<Flag>,
}

pub fn find(
    al: &AlignedStory,
    loaded: &Loaded,
    places: &[Place],
) -> (Vec<PairDivergence>, Vec<PairCoverage>, Vec<Flag>) {
    let plan = Plan::of(al);
    let mut coverages = Vec::new();
    let n = al.story.versions.len();
    let lang = |v: usize| al.story.versions[v].lang;
    let mut divergences = Vec::new();
    let mut by_pair: Vec<PairFlags> = Vec::new();
    let mut out = Vec::new();
    for p in &al.pairs {
        let (i, j) = p.versions;
        let (s, t) = if plan.steps.contains(&(j, i)) || plan.check == Some((j, i)) {
            (j, i)
        } else {
            (i, j)
        };
        let unrelated = p
            .alignment
            .warnings
            .iter()
            .find(|w| matches!(w, Warning::NotTranslations { .. }))
            .map(|w| w.to_string())
            .or_else(|| unrelated_rows(al, s, t, plan.witness(n, s, t), loaded));
        let mut divs = Vec::with_capacity(al.rows.len());
        let mut flags = Vec::new();
        let (mut total, mut covered) = (0.0f64, 0.0f64);
        for (r, &place) in places.iter().enumerate() {
            let pr = pair_row(al, r, s, t, plan.witness(n, s, t), loaded);
            if !pr.source.is_empty() && !pr.target.is_empty() {
                for side in [&pr.source, &pr.target] {
                    let (all, direct, soft) = side.weights();
                    total += all as f64;
                    covered += (direct + soft) as f64;
                }
            }
            let found = if unrelated.is_some() {
                Vec::new()
            } else {
                detect(&pr, loaded, Some(&p.alignment.calibration))
            };
            let row_flags: Vec<Flag> = found
                .iter()
                .map(|c| to_flag(al, &pr, c, place, loaded))
                .collect();
            let sevs: Vec<Severity> = row_flags.iter().map(|f| f.severity).collect();
            divs.push(divergence(&pr, &sevs));
            flags.extend(row_flags);
        }
        divergences.push(((lang(i), lang(j)), divs));
        let share = (total > 0.0).then(|| (covered / total) as f32);
        coverages.push(((lang(i), lang(j)), share));
        if let Some(w) = unrelated {
            out.push(Flag {
                kind: Kind::Meaning,
                severity: Severity::Major,
                source: lang(s),
                target: lang(t),
                row: 0,
                entered_at: (lang(s), lang(t)),
                inherited_by: Vec::new(),
                evidence: Vec::new(),
                message: format!("{w}; no flags for this pair"),
            });
        }
        by_pair.push(PairFlags { s, t, flags });
    }
    for &(s, t) in &plan.steps {
        condense(al, s, t, &mut by_pair, &mut out);
    }
    out.extend(moved(al, &plan));
    let take = |by_pair: &mut Vec<PairFlags>, s: usize, t: usize| -> Vec<Flag> {
        by_pair
            .iter_mut()
            .find(|p| (p.s, p.t) == (s, t))
            .map(|p| std::mem::take(&mut p.flags))
            .unwrap_or_default()
    };
    if plan.directed {
        let check = plan
            .check
            .map(|(a, c)| take(&mut by_pair, a, c))
            .unwrap_or_default();
        for (k, &(s, t)) in plan.steps.iter().enumerate() {
            for mut f in take(&mut by_pair, s, t) {
                if let Some((_, last)) = plan.check {
                    let same = check.iter().find(|c| c.row == f.row && c.kind == f.kind);
                    let seen = same.is_some();
                    if let (0, Some(c)) = (k, same) {
                        f.inherited_by.push(lang(last));
                        // The words of the version that kept the change.
                        let kept = c.evidence.iter().filter(|e| e.lang == lang(last)).cloned();
                        f.evidence.extend(kept);
                    } else if k == 1 && !seen {
                        // Rule 4: the original does not confirm it.
                        f.severity = f.severity.lowered();
                    }
                }
                out.push(f);
            }
        }
    } else {
        for p in &mut by_pair {
            for f in std::mem::take(&mut p.flags) {
                let f = toward_the_adder(f);
                let dup = out.iter().any(|g: &Flag| {
                    g.row == f.row
                        && g.kind == f.kind
                        && g.target == f.target
                        && g.evidence == f.evidence
                });
                if !dup {
                    out.push(f);
                }
            }
        }
    }
    out.sort_by(|a, b| {
        (a.severity, a.row, a.kind, a.target, a.source)
            .cmp(&(b.severity, b.row, b.kind, b.target, b.source))
    });
    (divergences, coverages, out)
}

/// Versions whose rows share this little (the median similarity of the
/// rows both have) are not translations of each other, however the aligner
/// paired their sentences: faithful translation shares most of its words.
const UNRELATED_BELOW: f32 = 0.3;

/// A note when the rows of a pair correspond too little to be a
/// translation (at least three rows with both versions).
fn unrelated_rows(
    al: &AlignedStory,
    s: usize,
    t: usize,
    w: Option<usize>,
    loaded: &Loaded,
) -> Option<String> {
    let mut sims: Vec<f32> = (0..al.rows.len())
        .map(|r| pair_row(al, r, s, t, w, loaded))
        .filter(|pr| !pr.source.is_empty() && !pr.target.is_empty())
        .map(|pr| super::divergence::similarity(&pr))
        .collect();
    if sims.len() < 3 {
        return None;
    }
    sims.sort_by(f32::total_cmp);
    let median = sims[sims.len() / 2];
    let (ls, lt) = (al.story.versions[s].lang, al.story.versions[t].lang);
    (median < UNRELATED_BELOW).then(|| {
        format!(
            "{ls}–{lt}: the versions may not be translations of each other: their rows share {:.0} % of their words (median)",
            100.0 * median
        )
    })
}

/// A condensed step keeps few of its source's sentences: its omitted
/// sentences become one `info` note.
fn condense(al: &AlignedStory, s: usize, t: usize, by_pair: &mut [PairFlags], out: &mut Vec<Flag>) {
    let (ls, lt) = (al.story.versions[s].lang, al.story.versions[t].lang);
    let total = al.sentences[s].len();
    let kept = al
        .rows
        .iter()
        .filter(|r| !r.ids(lt).is_empty())
        .map(|r| r.ids(ls).len())
        .sum::<usize>();
    if total < CONDENSED_MIN_SENTENCES || kept as f32 >= CONDENSED_BELOW * total as f32 {
        return;
    }
    let missing: Vec<usize> = (0..al.rows.len())
        .filter(|&r| al.rows[r].ids(lt).is_empty() && !al.rows[r].ids(ls).is_empty())
        .collect();
    for p in by_pair.iter_mut() {
        if al.story.versions[p.t].lang == lt {
            p.flags
                .retain(|f| !(f.kind == Kind::OmittedSentence && f.target == lt));
        }
    }
    let share = 100.0 * kept as f32 / total as f32;
    out.push(Flag {
        kind: Kind::OmittedSentence,
        severity: Severity::Info,
        source: ls,
        target: lt,
        row: missing.first().copied().unwrap_or(0),
        entered_at: (ls, lt),
        inherited_by: Vec::new(),
        evidence: Vec::new(),
        message: format!(
            "{lt} is condensed: it keeps {share:.0} % of {ls} ({kept} of {total} sentences); left out: rows {}",
            row_ranges(&missing)
        ),
    });
}

/// An `info` flag for each row of a passage a version moved. Rows follow
/// one version's order, so which version moved shows between the steps of
/// the relay: at step s → t, t moved the row when the row's sentences of s
/// and t are in a different order than another row's (an inversion).
fn moved(al: &AlignedStory, plan: &Plan) -> Vec<Flag> {
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
            out.push(Flag {
                kind: Kind::Moved,
                severity: Severity::Info,
                source: ls,
                target: lt,
                row: r,
                entered_at: (ls, lt),
                inherited_by: Vec::new(),
                evidence: Vec::new(),
                message: format!(
                    "{lt} moved this passage: its sentences {} are sentences {} of {ls}",
                    ids(lt),
                    ids(ls)
                ),
            });
        }
    }
    out
}

/// "5–9, 12, 14–20" (1-based).
fn row_ranges(rows: &[usize]) -> String {
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

/// Without a relay order, a finding that one version lacks something is
/// the other version adding it: the version that adds is the target.
fn toward_the_adder(mut f: Flag) -> Flag {
    let source_only = f.evidence.iter().all(|e| e.lang == f.source);
    let swap = match f.kind {
        Kind::Omission => Some(Kind::Addition),
        Kind::OmittedSentence => Some(Kind::AddedSentence),
        Kind::Hedge | Kind::Negation | Kind::Name | Kind::Number if source_only => Some(f.kind),
        Kind::Softened if source_only => Some(Kind::LoadedTerm),
        _ => None,
    };
    if let Some(kind) = swap {
        f.kind = kind;
        std::mem::swap(&mut f.source, &mut f.target);
        f.entered_at = (f.source, f.target);
        let words = f
            .evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ");
        let what = match kind {
            Kind::Hedge => "the hedge ",
            Kind::Negation => "a negation ",
            Kind::Name => "the name ",
            Kind::Number => "the number ",
            Kind::LoadedTerm => "the loaded term ",
            _ => "",
        };
        f.message = if kind == Kind::AddedSentence {
            format!("{} adds a sentence: \"{}\"", f.target, clip(&words))
        } else {
            format!(
                "{} has {what}\"{}\" ({} has no counterpart)",
                f.target,
                clip(&words),
                f.source
            )
        };
    }
    f
}

fn evidence(al: &AlignedStory, side: &Side, words: &[Words]) -> Vec<Evidence> {
    words
        .iter()
        .map(|w| {
            let sentence = &al.sentences[side.version][side.ids[w.from.s]];
            let (a, b) = (
                side.span(w.from).start,
                side.span(w.to).end.max(side.span(w.from).start),
            );
            let text = &al.story.versions[side.version].text;
            Evidence {
                lang: side.lang,
                text: side.texts[w.from.s][a..b].to_string(),
                span: text.file_span(sentence.span.start + a..sentence.span.start + b),
            }
        })
        .collect()
}

/// Whole sentences of a side as evidence.
fn sentences(al: &AlignedStory, side: &Side) -> Vec<Evidence> {
    side.ids
        .iter()
        .zip(&side.texts)
        .map(|(&i, text)| Evidence {
            lang: side.lang,
            text: text.to_string(),
            span: al.sentences[side.version][i].file_span.clone(),
        })
        .collect()
}

/// At most this many characters of evidence in a message.
const MESSAGE_WORDS: usize = 80;

fn clip(s: &str) -> String {
    if s.chars().count() <= MESSAGE_WORDS {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MESSAGE_WORDS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn to_flag(al: &AlignedStory, pr: &PairRow, c: &Candidate, place: Place, loaded: &Loaded) -> Flag {
    let (ls, lt) = (pr.source.lang, pr.target.lang);
    let (evidence, severity, message) = match c.kind {
        Kind::AddedSentence => {
            let ev = sentences(al, &pr.target);
            let text = ev
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let sev = severity::of_sentence(carries_claim(&pr.target, loaded));
            (
                ev,
                sev,
                format!("{lt} adds a sentence: \"{}\"", clip(&text)),
            )
        }
        Kind::OmittedSentence => {
            let ev = sentences(al, &pr.source);
            let text = ev
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let sev = severity::of_sentence(carries_claim(&pr.source, loaded));
            (
                ev,
                sev,
                format!("{lt} omits a sentence of {ls}: \"{}\"", clip(&text)),
            )
        }
        _ => {
            let (tw, sw) = (
                words_text(&pr.target, &c.target),
                words_text(&pr.source, &c.source),
            );
            let mut ev = evidence(al, &pr.target, &c.target);
            ev.extend(evidence(al, &pr.source, &c.source));
            let message = match (tw.is_empty(), sw.is_empty()) {
                (false, false) => format!(
                    "{lt} {} \"{}\" ({ls}: \"{}\")",
                    c.verb,
                    clip(&tw),
                    clip(&sw)
                ),
                (false, true) => format!("{lt} {} \"{}\"", c.verb, clip(&tw)),
                _ => format!("{lt} {} \"{}\" ({ls})", c.verb, clip(&sw)),
            };
            (ev, severity::of_finding(c.kind, c.weight, place), message)
        }
    };
    Flag {
        kind: c.kind,
        severity,
        source: ls,
        target: lt,
        row: pr.row,
        entered_at: (ls, lt),
        inherited_by: Vec::new(),
        evidence,
        message,
    }
}
