//! `report.xlsx`: the report as a workbook for editors, who open files in
//! Excel or LibreOffice (which garbles the CSVs' Cyrillic unless told the
//! encoding). Sheets: `flags` (worst first within a story, as `flags.csv`),
//! `rows`, `summary` (stories worst first, as the HTML index) and `errors`.
//! Each has a frozen header with filters and fixed column widths; severity
//! cells are coloured, and in `flags` the evidence words stand in bold in
//! the row's text.
//!
//! The workbook is built from the finished CSV records (the same cells,
//! defused), so a run and a merge of shards build the same workbook, byte
//! for byte: rust_xlsxwriter writes fixed zip timestamps, and the document's
//! creation date is pinned. Rows go through the library's constant-memory
//! mode, so a large corpus does not need the whole sheet in memory.

use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use super::csv::{FLAGS_HEADER, ROWS_HEADER};
use super::summary::ERRORS_HEADER;
use crate::error::{Error, Result};

/// Excel's row limit, header included.
const MAX_ROWS: u32 = 1_048_576;
/// Excel's limit on a cell's text, in UTF-16 units; cells are cut below it.
const MAX_CELL_CHARS: usize = 32_000;

fn xerr(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::invalid(format!("report.xlsx: {e}"))
}

/// Fill colour of a severity's cells.
fn severity_format(severity: &str) -> Option<Format> {
    let (bg, fg) = match severity {
        "critical" => (0xC62828, 0xFFFFFF),
        "major" => (0xE65100, 0xFFFFFF),
        "minor" => (0xFFF59D, 0x4A3B00),
        "info" => (0xE3F2FD, 0x1565C0),
        _ => return None,
    };
    Some(
        Format::new()
            .set_background_color(Color::RGB(bg))
            .set_font_color(Color::RGB(fg))
            .set_bold(),
    )
}

/// A column's width in characters, by its name.
fn width(column: &str) -> f64 {
    match column {
        "story" | "title" => 30.0,
        "message" => 50.0,
        "evidence" | "reason" | "path" => 40.0,
        c if c.ends_with("_text") => 60.0,
        "flag_id" => 18.0,
        "kind" | "severity" | "max_severity" | "relay" | "versions" => 14.0,
        _ => 11.0,
    }
}

fn cut(cell: &str) -> String {
    if cell.encode_utf16().count() <= MAX_CELL_CHARS {
        return cell.to_string();
    }
    let mut out: String = cell.chars().take(MAX_CELL_CHARS / 2).collect();
    out.push('…');
    out
}

/// One sheet being filled row by row.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    header: Vec<String>,
    next: u32,
    dropped: usize,
}

impl Sheet<'_> {
    fn add(&mut self, cells: &[String], bold_words: &[String]) -> Result<()> {
        if self.next >= MAX_ROWS - 1 {
            self.dropped += 1;
            return Ok(());
        }
        let wrap = Format::new().set_text_wrap();
        let bold = Format::new().set_bold();
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let name = self.header.get(c).map_or("", String::as_str);
            let cell = cut(cell);
            if cell.is_empty() {
                continue;
            }
            if let (true, Some(f)) = (name.contains("severity"), severity_format(&cell)) {
                self.ws
                    .write_string_with_format(self.next, col, &cell, &f)
                    .map_err(xerr)?;
                continue;
            }
            if let Ok(n) = cell.parse::<f64>()
                && !name.ends_with("_ids")
                && name != "flag_id"
            {
                self.ws.write_number(self.next, col, n).map_err(xerr)?;
                continue;
            }
            let pieces = name
                .ends_with("_text")
                .then(|| rich(&cell, bold_words, &bold, &wrap))
                .flatten();
            match pieces {
                Some(p) => {
                    let p: Vec<(&Format, &str)> = p.iter().map(|(f, s)| (*f, s.as_str())).collect();
                    self.ws
                        .write_rich_string_with_format(self.next, col, &p, &wrap)
                        .map_err(xerr)?;
                }
                None => {
                    self.ws
                        .write_string_with_format(self.next, col, &cell, &wrap)
                        .map_err(xerr)?;
                }
            }
        }
        self.next += 1;
        Ok(())
    }

    fn close(self) -> Result<()> {
        let last = self.next.saturating_sub(1).max(1);
        let cols = self.header.len().max(1) as u16 - 1;
        if self.dropped > 0 {
            let note = format!(
                "… {} more lines than a sheet holds: see the CSV file",
                self.dropped
            );
            self.ws.write_string(self.next, 0, &note).map_err(xerr)?;
        }
        self.ws.autofilter(0, 0, last, cols).map_err(xerr)?;
        Ok(())
    }
}

/// `cell` cut into plain and bold pieces at the evidence words; `None`
/// when no word is found.
fn rich<'f>(
    cell: &str,
    words: &[String],
    bold: &'f Format,
    plain: &'f Format,
) -> Option<Vec<(&'f Format, String)>> {
    let mut spans: Vec<(usize, usize)> = words
        .iter()
        .filter(|w| !w.is_empty())
        .filter_map(|w| cell.find(w.as_str()).map(|a| (a, a + w.len())))
        .collect();
    spans.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in spans {
        if a < at {
            continue;
        }
        if a > at {
            out.push((plain, cell[at..a].to_string()));
        }
        out.push((bold, cell[a..b].to_string()));
        at = b;
    }
    if out.is_empty() {
        return None;
    }
    if at < cell.len() {
        out.push((plain, cell[at..].to_string()));
    }
    Some(out)
}

/// The words of an evidence cell (`bg "word" 3-7; en "other" 1-6`).
fn evidence_words(cell: &str) -> Vec<String> {
    cell.split("; ")
        .filter_map(|e| {
            let a = e.find('"')?;
            let b = e.rfind('"')?;
            (b > a).then(|| e[a + 1..b].to_string())
        })
        .collect()
}

fn sheet<'a>(wb: &'a mut Workbook, name: &str, header: &[&str]) -> Result<Sheet<'a>> {
    let ws = wb.add_worksheet_with_constant_memory().map_err(xerr)?;
    ws.set_name(name).map_err(xerr)?;
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xEEEEEE));
    for (c, h) in header.iter().enumerate() {
        ws.set_column_width(c as u16, width(h)).map_err(xerr)?;
    }
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)
            .map_err(xerr)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    Ok(Sheet {
        ws,
        header: header.iter().map(|h| h.to_string()).collect(),
        next: 1,
        dropped: 0,
    })
}

/// The records of each sheet, as CSV cells (without headers).
pub struct Sheets<'a> {
    pub flags: &'a mut dyn Iterator<Item = Result<Vec<String>>>,
    pub rows: &'a mut dyn Iterator<Item = Result<Vec<String>>>,
    pub summary_header: &'a [String],
    pub summary: &'a [Vec<String>],
    pub errors: &'a [Vec<String>],
}

/// The workbook's bytes.
pub fn workbook(sheets: Sheets) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let pinned = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xerr)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&pinned)
            .set_title("Parallax report"),
    );
    let evidence_col = FLAGS_HEADER.iter().position(|h| *h == "evidence");
    {
        let mut s = sheet(&mut wb, "flags", &FLAGS_HEADER)?;
        for rec in sheets.flags {
            let rec = rec?;
            let words = evidence_col
                .and_then(|c| rec.get(c))
                .map(|e| evidence_words(e))
                .unwrap_or_default();
            s.add(&rec, &words)?;
        }
        s.close()?;
    }
    {
        let mut s = sheet(&mut wb, "rows", &ROWS_HEADER)?;
        for rec in sheets.rows {
            s.add(&rec?, &[])?;
        }
        s.close()?;
    }
    let head: Vec<&str> = sheets.summary_header.iter().map(String::as_str).collect();
    for (name, header, records) in [
        ("summary", &head[..], sheets.summary),
        ("errors", &ERRORS_HEADER[..], sheets.errors),
    ] {
        let mut s = sheet(&mut wb, name, header)?;
        for rec in records {
            s.add(rec, &[])?;
        }
        s.close()?;
    }
    wb.save_to_buffer().map_err(xerr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_words_and_rich_pieces() {
        let words = evidence_words("bg \"катастрофа\" 3-7; de \"Niederlage\" 10-20");
        assert_eq!(words, ["катастрофа", "Niederlage"]);
        let (b, p) = (Format::new().set_bold(), Format::new());
        let pieces = rich("Китай: катастрофа.", &words, &b, &p).unwrap();
        let texts: Vec<&str> = pieces.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(texts, ["Китай: ", "катастрофа", "."]);
        assert!(rich("nothing here", &words, &b, &p).is_none());
    }
}
