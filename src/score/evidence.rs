//! From a finding to a flag: the evidence (the exact words, as byte spans
//! into each version's file), the message an editor reads, and the
//! severity ([`super::severity`]). The flag carries every word a report
//! marks, so reports only render.

use super::detect::carries_claim;
use super::finding::{Finding, Words, words_text};
use super::flag::{Evidence, Flag, Kind};
use super::params::Params;
use super::severity::{self, Place};
use super::view::{PairRow, Side};
use crate::align::AlignedStory;
use crate::score::loaded::Loaded;

/// The words of some runs of a side, as evidence.
pub fn words(al: &AlignedStory, side: &Side, words: &[Words]) -> Vec<Evidence> {
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

/// At most `chars` characters of `s`, cut with "…".
pub fn clip(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        s.to_string()
    } else {
        let cut: String = s.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The flag for one finding in a row.
pub fn to_flag(
    al: &AlignedStory,
    pr: &PairRow,
    f: &Finding,
    place: Place,
    loaded: &Loaded,
    params: &Params,
) -> Flag {
    let (ls, lt) = (pr.source.lang, pr.target.lang);
    let rule = f.rule;
    let clip = |s: &str| clip(s, params.message_chars);
    let joined = |ev: &[Evidence]| {
        ev.iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (evidence, severity, message) = match rule.kind {
        Kind::AddedSentence => {
            let ev = sentences(al, &pr.target);
            let sev = severity::of(rule, place, carries_claim(&pr.target, loaded));
            let text = joined(&ev);
            (
                ev,
                sev,
                format!("{lt} adds a sentence: \"{}\"", clip(&text)),
            )
        }
        Kind::OmittedSentence => {
            let ev = sentences(al, &pr.source);
            let sev = severity::of(rule, place, carries_claim(&pr.source, loaded));
            let text = joined(&ev);
            let message = format!("{lt} omits a sentence of {ls}: \"{}\"", clip(&text));
            (ev, sev, message)
        }
        _ => {
            let (tw, sw) = (
                words_text(&pr.target, &f.target),
                words_text(&pr.source, &f.source),
            );
            let mut ev = words(al, &pr.target, &f.target);
            ev.extend(words(al, &pr.source, &f.source));
            let verb = rule.verb;
            let message = match (tw.is_empty(), sw.is_empty()) {
                (false, false) => {
                    format!("{lt} {verb} \"{}\" ({ls}: \"{}\")", clip(&tw), clip(&sw))
                }
                (false, true) => format!("{lt} {verb} \"{}\"", clip(&tw)),
                _ => format!("{lt} {verb} \"{}\" ({ls})", clip(&sw)),
            };
            (ev, severity::of(rule, place, false), message)
        }
    };
    Flag {
        kind: rule.kind,
        rule: rule.id,
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
