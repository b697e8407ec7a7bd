//! `rows.csv` and `flags.csv`: one line per row of every story, and one per
//! flag, for spreadsheets and other tools.
//!
//! Conventions: RFC 4180 quoting and CRLF line ends; UTF-8 with a byte-order mark unless
//! `bom` is off, so that Excel and LibreOffice show Cyrillic when the file
//! is opened; a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return is prefixed with `'` so a spreadsheet does not run it as a formula
//! (OWASP's advice), except a plain negative number such as `-3`; one value
//! per cell, except the comma-separated sentence id lists.

use super::summary::PAIRS;
use crate::align::AlignedStory;
use crate::lang::{KNOWN, Lang};
use crate::score::{Flag, ScoredStory, Severity};

/// How CSV files are written.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions { bom: true }
    }
}

/// A story with its scores, as reports read them.
pub type Scored<'a> = (&'a AlignedStory, &'a ScoredStory);

pub const ROWS_HEADER: [&str; 16] = [
    "story",
    "row",
    "zone",
    "bg_ids",
    "de_ids",
    "en_ids",
    "bg_text",
    "de_text",
    "en_text",
    "div_bg_de",
    "div_bg_en",
    "div_de_en",
    "max_severity",
    "conf_bg_de",
    "conf_bg_en",
    "conf_de_en",
];

pub const FLAGS_HEADER: [&str; 15] = [
    "story",
    "flag_id",
    "row",
    "kind",
    "rule",
    "severity",
    "source_lang",
    "target_lang",
    "entered_at",
    "inherited_by",
    "source_text",
    "target_text",
    "evidence",
    "message",
    "review",
];

/// Defuses a cell against formula injection.
pub fn defuse(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let negative_number = cell.len() > 1
        && cell.starts_with('-')
        && cell[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && cell[1..].starts_with(|c: char| c.is_ascii_digit());
    if risky && !negative_number {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A CSV writer with RFC 4180's CRLF line ends.
fn writer(out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The BOM (unless turned off) and the header line of a CSV file.
pub fn header_bytes<S: AsRef<str>>(header: &[S], options: CsvOptions) -> Vec<u8> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = writer(out);
    // Writing into a Vec cannot fail.
    w.write_record(header.iter().map(|h| h.as_ref()))
        .expect("in-memory write");
    w.into_inner().expect("in-memory flush")
}

/// Appends records to CSV bytes, each cell defused.
pub fn append_records(out: &mut Vec<u8>, records: impl IntoIterator<Item = Vec<String>>) {
    let mut w = writer(std::mem::take(out));
    for row in records {
        let row: Vec<String> = row.iter().map(|c| defuse(c)).collect();
        w.write_record(&row).expect("in-memory write");
    }
    *out = w.into_inner().expect("in-memory flush");
}

fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>, options: CsvOptions) -> Vec<u8> {
    let mut out = header_bytes(header, options);
    append_records(&mut out, rows);
    out
}

/// The text of a version's sentences in a row, joined by spaces.
pub(super) fn row_text(al: &AlignedStory, lang: Lang, ids: &[usize]) -> String {
    let Some(v) = al.version_of(lang) else {
        return String::new();
    };
    ids.iter()
        .map(|&i| al.sentence_text(v, i).replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ids(ids: &[usize]) -> String {
    ids.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// A story's lines of `rows.csv`, in row order (cells not yet defused).
pub fn row_records(al: &AlignedStory, scored: &ScoredStory) -> Vec<Vec<String>> {
    al.rows
        .iter()
        .zip(&scored.rows)
        .enumerate()
        .map(|(r, (row, score))| {
            let mut line = vec![
                al.story.key.clone(),
                (r + 1).to_string(),
                score.place.name().to_string(),
            ];
            line.extend(KNOWN.iter().map(|&l| ids(row.ids(l))));
            line.extend(KNOWN.iter().map(|&l| row_text(al, l, row.ids(l))));
            for (a, b) in PAIRS {
                let d = score.divergence_of(a, b);
                line.push(d.map(|d| format!("{d:.3}")).unwrap_or_default());
            }
            line.push(
                score
                    .max_severity
                    .map(|s| s.name().to_string())
                    .unwrap_or_default(),
            );
            // How sure each pair's alignment is of the row's links.
            for (a, b) in PAIRS {
                let c = score.confidence_of(a, b);
                line.push(c.map(|c| format!("{c:.2}")).unwrap_or_default());
            }
            line
        })
        .collect()
}

/// `rows.csv`: stories in the order given (callers sort them by key).
pub fn rows_csv(stories: &[Scored], options: CsvOptions) -> Vec<u8> {
    let lines = stories
        .iter()
        .flat_map(|&(al, scored)| row_records(al, scored));
    write(&ROWS_HEADER, lines, options)
}

/// Evidence as one cell: `lang "words" start-end`, joined by "; ".
pub fn evidence_cell(f: &Flag) -> String {
    f.evidence
        .iter()
        .map(|e| {
            format!(
                "{} \"{}\" {}-{}",
                e.lang,
                e.text.replace('"', "'"),
                e.span.start,
                e.span.end
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The flags of all stories, sorted by story, then severity, then row.
pub fn sorted_flags<'a>(stories: &[Scored<'a>]) -> Vec<(&'a AlignedStory, &'a Flag)> {
    let mut out: Vec<(&AlignedStory, &Flag)> = stories
        .iter()
        .flat_map(|&(al, s)| s.flags.iter().map(move |f| (al, f)))
        .collect();
    out.sort_by(|(a, f), (b, g)| {
        (&a.story.key, f.severity, f.row).cmp(&(&b.story.key, g.severity, g.row))
    });
    out
}

/// A story's flags in report order: by severity, then row.
pub fn story_flags(scored: &ScoredStory) -> Vec<&Flag> {
    let mut out: Vec<&Flag> = scored.flags.iter().collect();
    out.sort_by_key(|f| (f.severity, f.row));
    out
}

/// A flag's line of `flags.csv` (cells not yet defused); `review` is the
/// editor's earlier decision ("real"), if any.
pub fn flag_record(al: &AlignedStory, f: &Flag, review: &str) -> Vec<String> {
    let row = &al.rows[f.row];
    vec![
        al.story.key.clone(),
        f.id(&al.story.key),
        (f.row + 1).to_string(),
        f.kind.name().to_string(),
        f.rule.to_string(),
        f.severity.name().to_string(),
        f.source.to_string(),
        f.target.to_string(),
        f.step_label(),
        f.inherited_by
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(","),
        row_text(al, f.source, row.ids(f.source)),
        row_text(al, f.target, row.ids(f.target)),
        evidence_cell(f),
        f.message.clone(),
        review.to_string(),
    ]
}

/// `flags.csv`.
pub fn flags_csv(stories: &[Scored], options: CsvOptions) -> Vec<u8> {
    let lines = sorted_flags(stories)
        .into_iter()
        .map(|(al, f)| flag_record(al, f, ""));
    write(&FLAGS_HEADER, lines, options)
}

/// Counts of flags by severity, worst first.
pub fn severity_counts<'a>(flags: impl Iterator<Item = &'a Flag>) -> [usize; 4] {
    let mut out = [0; 4];
    for f in flags {
        out[match f.severity {
            Severity::Critical => 0,
            Severity::Major => 1,
            Severity::Minor => 2,
            Severity::Info => 3,
        }] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused_but_negative_numbers_stay() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-3", "-3"),
            ("-2,5", "-2,5"),
            ("-x", "'-x"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Катастрофа", "Катастрофа"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(defuse(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn bom_is_written_unless_turned_off() {
        let with = write(
            &["a"],
            std::iter::once(vec!["б".to_string()]),
            CsvOptions { bom: true },
        );
        assert!(with.starts_with("\u{feff}a\r\n".as_bytes()));
        let without = write(
            &["a"],
            std::iter::once(vec!["б".to_string()]),
            CsvOptions { bom: false },
        );
        assert_eq!(without, "a\r\nб\r\n".as_bytes());
    }
}
