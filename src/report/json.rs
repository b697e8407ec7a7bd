//! `flags.jsonl`: the content of `flags.csv` for machines, one JSON object
//! per line in the same order, with the sentence ids as numbers and each
//! piece of evidence as its own object with its byte span in the version's
//! file. Text is not defused here: JSON readers do not run formulas.

use serde::Serialize;

use super::csv::{row_text, story_flags};
use crate::align::AlignedStory;
use crate::score::{Flag, ScoredStory};

#[derive(Serialize)]
struct FlagLine<'a> {
    story: &'a str,
    flag_id: String,
    row: usize,
    kind: &'static str,
    rule: &'static str,
    severity: &'static str,
    source_lang: &'a str,
    target_lang: &'a str,
    entered_at: String,
    inherited_by: Vec<&'a str>,
    source_ids: &'a [usize],
    target_ids: &'a [usize],
    source_text: String,
    target_text: String,
    evidence: Vec<EvidenceLine<'a>>,
    message: &'a str,
}

#[derive(Serialize)]
struct EvidenceLine<'a> {
    lang: &'a str,
    text: &'a str,
    /// Byte offsets into the version's file as read.
    start: usize,
    end: usize,
}

fn line<'a>(al: &'a AlignedStory, f: &'a Flag) -> FlagLine<'a> {
    let row = &al.rows[f.row];
    FlagLine {
        story: &al.story.key,
        flag_id: f.id(&al.story.key),
        row: f.row + 1,
        kind: f.kind.name(),
        rule: f.rule,
        severity: f.severity.name(),
        source_lang: f.source.code(),
        target_lang: f.target.code(),
        entered_at: f.step_label(),
        inherited_by: f.inherited_by.iter().map(|l| l.code()).collect(),
        source_ids: row.ids(f.source),
        target_ids: row.ids(f.target),
        source_text: row_text(al, f.source, row.ids(f.source)),
        target_text: row_text(al, f.target, row.ids(f.target)),
        evidence: f
            .evidence
            .iter()
            .map(|e| EvidenceLine {
                lang: e.lang.code(),
                text: &e.text,
                start: e.span.start,
                end: e.span.end,
            })
            .collect(),
        message: &f.message,
    }
}

/// A story's lines of `flags.jsonl`, in the order of `flags.csv`.
pub fn flag_lines(al: &AlignedStory, scored: &ScoredStory) -> Vec<u8> {
    let mut out = Vec::new();
    for f in story_flags(scored) {
        // Serialising plain data into a Vec cannot fail.
        serde_json::to_writer(&mut out, &line(al, f)).expect("in-memory JSON");
        out.push(b'\n');
    }
    out
}
