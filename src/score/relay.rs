//! The relay: which pairs of versions are translation steps, which version
//! witnesses each, and at which step a change entered.
//!
//! With `chain = [a, b, c]` the steps are a→b and b→c, and a→c is the
//! check. A change seen at a→b and at a→c entered at a→b and was inherited
//! by c; seen at a→b only, c undid it. A change seen at b→c and at a→c
//! entered at b→c; seen at b→c only, the original does not confirm it. A
//! change seen at a→c only is neither step's (a lexicon gap in one pair),
//! and is not reported. Without a chain, the original is the source of every
//! other version; with neither, every pair is compared both ways and the
//! version that adds is the target.

use super::flag::{Evidence, Flag, Kind};
use super::severity;
use crate::align::AlignedStory;
use crate::correspond::correspond;
use crate::lang::Lang;

/// How the versions of a story relate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Translation steps, source → target version index.
    pub steps: Vec<(usize, usize)>,
    /// The check pair of a three-step relay: (original, last).
    pub check: Option<(usize, usize)>,
    /// False when nothing says which version came first.
    pub directed: bool,
}

impl Plan {
    pub fn of(al: &AlignedStory) -> Plan {
        let langs = al.langs();
        let index = |l: Lang| langs.iter().position(|&x| x == l);
        let meta = &al.story.meta;
        let mut order: Vec<usize> = meta.chain.iter().filter_map(|&l| index(l)).collect();
        if order.len() >= 2 {
            // Versions the chain does not name come from the original.
            let mut steps: Vec<(usize, usize)> = order.windows(2).map(|w| (w[0], w[1])).collect();
            for v in 0..langs.len() {
                if !order.contains(&v) {
                    steps.push((order[0], v));
                    order.push(v);
                }
            }
            let check = (order.len() == 3 && steps.len() == 2 && steps[1].0 == steps[0].1)
                .then(|| (order[0], order[2]));
            return Plan {
                steps,
                check,
                directed: true,
            };
        }
        if let Some(o) = meta
            .original
            .and_then(index)
            .or_else(|| order.first().copied())
        {
            return Plan {
                steps: (0..langs.len())
                    .filter(|&v| v != o)
                    .map(|v| (o, v))
                    .collect(),
                check: None,
                directed: true,
            };
        }
        let mut steps = Vec::new();
        for i in 0..langs.len() {
            for j in i + 1..langs.len() {
                steps.push((i, j));
            }
        }
        Plan {
            steps,
            check: None,
            directed: false,
        }
    }

    /// The third version of a three-version story, for the pair (s, t).
    pub fn witness(&self, versions: usize, s: usize, t: usize) -> Option<usize> {
        (versions == 3)
            .then(|| (0..3).find(|&v| v != s && v != t))
            .flatten()
    }
}

/// The flags of one oriented pair of versions, before attribution.
pub struct PairFlags {
    pub s: usize,
    pub t: usize,
    pub flags: Vec<Flag>,
}

/// Which step each change entered at, and whether the third version
/// witnesses it. With a directed plan: the steps' flags stand; a
/// first-step change that the check pair (original → last) shows too was
/// inherited by the last version, which keeps its words as evidence (or,
/// where it has none of its own, the words that correspond to the
/// target's); a change of either step that the check pair does not show is
/// one level milder (severity step 5: a lexicon gap of one pair looks like
/// a change of that pair alone). Without a direction, a finding that one
/// version lacks something is the other version adding it, and with three
/// versions a change shows against both others or is one level milder.
pub fn attribute(al: &AlignedStory, plan: &Plan, mut by_pair: Vec<PairFlags>, out: &mut Vec<Flag>) {
    let lang = |v: usize| al.story.versions[v].lang;
    let mut take = |s: usize, t: usize| -> Vec<Flag> {
        by_pair
            .iter_mut()
            .find(|p| (p.s, p.t) == (s, t))
            .map(|p| std::mem::take(&mut p.flags))
            .unwrap_or_default()
    };
    if plan.directed {
        let check = plan.check.map(|(a, c)| take(a, c)).unwrap_or_default();
        for (k, &(s, t)) in plan.steps.iter().enumerate() {
            for mut f in take(s, t) {
                if let Some((_, last)) = plan.check {
                    let same = check.iter().find(|c| c.row == f.row && c.kind == f.kind);
                    if let (0, Some(c)) = (k, same) {
                        f.inherited_by.push(lang(last));
                        let kept: Vec<Evidence> = c
                            .evidence
                            .iter()
                            .filter(|e| e.lang == lang(last))
                            .cloned()
                            .collect();
                        if kept.is_empty() {
                            f.evidence.extend(corresponding(al, &f, last));
                        } else {
                            f.evidence.extend(kept);
                        }
                    } else if same.is_none() {
                        // Not seen between the original and the last
                        // version: either step's finding stands alone.
                        f.severity = severity::unconfirmed(f.severity);
                    }
                }
                out.push(f);
            }
        }
        return;
    }
    let mut found: Vec<Flag> = Vec::new();
    for p in &mut by_pair {
        for f in std::mem::take(&mut p.flags) {
            let f = toward_the_adder(f);
            let dup = found.iter().any(|g: &Flag| {
                g.row == f.row
                    && g.kind == f.kind
                    && g.target == f.target
                    && g.evidence == f.evidence
            });
            if !dup {
                found.push(f);
            }
        }
    }
    // With three versions and no order, the version that changed shows the
    // change against both others; a finding against one only is milder.
    if al.story.versions.len() == 3 {
        let corroborated: Vec<bool> = found
            .iter()
            .map(|f| {
                found.iter().any(|g| {
                    g.row == f.row
                        && g.kind == f.kind
                        && g.target == f.target
                        && g.source != f.source
                })
            })
            .collect();
        for (f, c) in found.iter_mut().zip(corroborated) {
            if !c {
                f.severity = severity::unconfirmed(f.severity);
            }
        }
    }
    out.extend(found);
}

/// The words of version `v` in the flag's row that correspond to the
/// target's evidence words: what a later version kept of the change.
fn corresponding(al: &AlignedStory, f: &Flag, v: usize) -> Vec<Evidence> {
    let lang = al.story.versions[v].lang;
    let (Some(vt), Some(row)) = (al.version_of(f.target), al.rows.get(f.row)) else {
        return Vec::new();
    };
    let version = &al.story.versions[v];
    let mut out: Vec<Evidence> = Vec::new();
    for &j in row.ids(f.target) {
        let (ts, ta) = (&al.sentences[vt][j], &al.analysed[vt][j]);
        let in_evidence = |t: u32| {
            ta.tokens.get(t as usize).is_some_and(|tok| {
                let span = al.story.versions[vt].text.file_span(
                    ts.span.start + tok.span.start as usize..ts.span.start + tok.span.end as usize,
                );
                tok.is_content()
                    && f.evidence.iter().any(|e| {
                        e.lang == f.target && span.start < e.span.end && e.span.start < span.end
                    })
            })
        };
        for &i in row.ids(lang) {
            let (ks, kept) = (&al.sentences[v][i], &al.analysed[v][i]);
            for link in correspond(ta, kept).links {
                if !in_evidence(link.a) {
                    continue;
                }
                let Some(tok) = kept.tokens.get(link.b as usize) else {
                    continue;
                };
                let r =
                    ks.span.start + tok.span.start as usize..ks.span.start + tok.span.end as usize;
                let e = Evidence {
                    lang,
                    text: version.text.text[r.clone()].to_string(),
                    span: version.text.file_span(r),
                };
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
    out.sort_by_key(|e| e.span.start);
    out
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
    let Some(kind) = swap else {
        return f;
    };
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
    let words = super::evidence::clip(&words, 80);
    f.message = if kind == Kind::AddedSentence {
        format!("{} adds a sentence: \"{words}\"", f.target)
    } else {
        format!(
            "{} has {what}\"{words}\" ({} has no counterpart)",
            f.target, f.source
        )
    };
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_story;
    use crate::lexicon::Lexicon;
    use crate::pipeline::{self, Options};
    use crate::score::Severity;
    use crate::text::ReadOptions;

    #[test]
    fn a_later_version_without_evidence_of_its_own_keeps_the_corresponding_words() {
        let story = load_story(
            std::path::Path::new("corpora/china-foreign-policy-relay"),
            &ReadOptions::default(),
        )
        .unwrap();
        let al =
            pipeline::run(vec![story], &Lexicon::embedded(), None, &Options::default()).remove(0);
        let (vb, ve) = (
            al.version_of(Lang::Bg).unwrap(),
            al.version_of(Lang::En).unwrap(),
        );
        let s = &al.sentences[vb][al.rows[0].ids(Lang::Bg)[0]];
        let text = &al.story.versions[vb].text;
        let at = s.span.start + text.text[s.span.clone()].find("катастрофа").unwrap();
        let f = Flag {
            kind: Kind::Intensified,
            rule: "SC2",
            severity: Severity::Critical,
            source: Lang::De,
            target: Lang::Bg,
            row: 0,
            entered_at: (Lang::De, Lang::Bg),
            inherited_by: vec![Lang::En],
            evidence: vec![Evidence {
                lang: Lang::Bg,
                text: "катастрофа".into(),
                span: text.file_span(at..at + "катастрофа".len()),
            }],
            message: String::new(),
        };
        let kept: Vec<String> = corresponding(&al, &f, ve)
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(kept, ["catastrophe"]);
    }
}
