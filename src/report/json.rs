//! `flags.jsonl`: the content of `flags.csv` for machines, one JSON object
//! per line in the same order, with the sentence ids as numbers and each
//! piece of evidence as its own object with its byte span in the version's
//! file. Text is not defused here: JSON readers do not run formulas.

use serde::Serialize;

use super::csv::{row_text, story_flags};
use super::review::Review;
use super::suggest::lexicon_lines;
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
    /// How sure the alignment of the flag's two versions is of the row's
    /// links, 0..=1 (the lowest bead confidence; absent without a link).
    #[serde(skip_serializing_if = "Option::is_none")]
    row_confidence: Option<f32>,
    source_ids: &'a [usize],
    target_ids: &'a [usize],
    source_text: String,
    target_text: String,
    evidence: Vec<EvidenceLine<'a>>,
    message: &'a str,
    /// "real" for a flag an editor confirmed in an earlier review.
    #[serde(skip_serializing_if = "str::is_empty")]
    review: &'static str,
    /// Lines for a user lexicon (`--lexicon`) that would make the two
    /// versions' words equivalents (names and loaded terms).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lexicon_lines: Vec<String>,
}

#[derive(Serialize)]
struct EvidenceLine<'a> {
    lang: &'a str,
    text: &'a str,
    /// Byte offsets into the version's file as read.
    start: usize,
    end: usize,
}

fn line<'a>(
    al: &'a AlignedStory,
    scored: &ScoredStory,
    f: &'a Flag,
    review: &Review,
) -> FlagLine<'a> {
    let row = &al.rows[f.row];
    let flag_id = f.id(&al.story.key);
    FlagLine {
        review: review.mark(&flag_id),
        lexicon_lines: lexicon_lines(f),
        story: &al.story.key,
        flag_id,
        row: f.row + 1,
        kind: f.kind.name(),
        rule: f.rule,
        severity: f.severity.name(),
        source_lang: f.source.code(),
        target_lang: f.target.code(),
        entered_at: f.step_label(),
        inherited_by: f.inherited_by.iter().map(|l| l.code()).collect(),
        row_confidence: scored.rows[f.row]
            .confidence_of(f.source, f.target)
            .map(|c| (c * 100.0).round() / 100.0),
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
pub fn flag_lines(al: &AlignedStory, scored: &ScoredStory, review: &Review) -> Vec<u8> {
    flag_lines_of(al, scored, &story_flags(scored), review)
}

/// The lines of the given flags of a story.
pub fn flag_lines_of(
    al: &AlignedStory,
    scored: &ScoredStory,
    flags: &[&Flag],
    review: &Review,
) -> Vec<u8> {
    let mut out = Vec::new();
    for f in flags {
        // Serialising plain data into a Vec cannot fail.
        serde_json::to_writer(&mut out, &line(al, scored, f, review)).expect("in-memory JSON");
        out.push(b'\n');
    }
    out
}

#[derive(Serialize)]
struct RowLine<'a> {
    /// Always "row": tells a row from a flag in a mixed stream.
    record: &'static str,
    story: &'a str,
    row: usize,
    zone: &'static str,
    max_severity: Option<&'static str>,
    /// Per version, in the story's relay order.
    versions: Vec<RowVersion<'a>>,
    /// Per pair of versions with a link in the row: how sure the alignment
    /// is of it, 0..=1.
    confidence: Vec<PairConfidence>,
}

#[derive(Serialize)]
struct PairConfidence {
    pair: String,
    confidence: f32,
}

#[derive(Serialize)]
struct RowVersion<'a> {
    lang: &'a str,
    ids: &'a [usize],
    text: String,
}

/// A story's rows as JSON lines (`"record": "row"`), versions in relay
/// order, for `compare --format json --rows` on standard output.
pub fn row_lines(al: &AlignedStory, scored: &ScoredStory) -> Vec<u8> {
    let order = al.relay_order();
    let mut out = Vec::new();
    for (r, row) in al.rows.iter().enumerate() {
        let score = scored.rows.get(r);
        let line = RowLine {
            record: "row",
            story: &al.story.key,
            row: r + 1,
            zone: score.map_or("", |s| s.place.name()),
            max_severity: score.and_then(|s| s.max_severity).map(|s| s.name()),
            versions: order
                .iter()
                .map(|&v| {
                    let lang = al.story.versions[v].lang;
                    RowVersion {
                        lang: al.story.versions[v].lang.code(),
                        ids: row.ids(lang),
                        text: row_text(al, lang, row.ids(lang)),
                    }
                })
                .collect(),
            confidence: score
                .map(|s| {
                    s.confidence
                        .iter()
                        .filter_map(|((a, b), c)| {
                            c.map(|c| PairConfidence {
                                pair: format!("{a}-{b}"),
                                confidence: (c * 100.0).round() / 100.0,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        serde_json::to_writer(&mut out, &line).expect("in-memory JSON");
        out.push(b'\n');
    }
    out
}
