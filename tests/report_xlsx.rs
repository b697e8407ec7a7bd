//! `report.xlsx` through the binary, read back with calamine: its sheets,
//! headers, the Cyrillic intact, one line per flag as in `flags.csv`, the
//! same bytes at any thread count; and the CSVs' CRLF line ends.

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

fn compare(corpus: &Path, out: &Path, extra: &[&str]) {
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("compare")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn cell(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_workbook_holds_every_flag_with_the_cyrillic_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let corpus = tmp.path().join("corpus");
    for name in ["china-foreign-policy-relay", "sofia-heating-prices"] {
        std::fs::create_dir_all(corpus.join(name)).unwrap();
        for f in std::fs::read_dir(src.join(name)).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "txt" || e == "toml") {
                std::fs::copy(&f, corpus.join(name).join(f.file_name().unwrap())).unwrap();
            }
        }
    }
    let one = tmp.path().join("one");
    compare(&corpus, &one, &["--jobs", "1"]);
    let two = tmp.path().join("two");
    compare(&corpus, &two, &["--jobs", "2"]);
    let bytes = std::fs::read(one.join("report.xlsx")).unwrap();
    assert_eq!(bytes, std::fs::read(two.join("report.xlsx")).unwrap());

    let mut wb: Xlsx<_> = open_workbook(one.join("report.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), ["flags", "rows", "summary", "errors"]);
    let flags = wb.worksheet_range("flags").unwrap();
    let header: Vec<String> = flags.rows().next().unwrap().iter().map(cell).collect();
    assert_eq!(&header[..3], ["story", "flag_id", "row"]);
    let csv = std::fs::read_to_string(one.join("flags.csv")).unwrap();
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    let csv_lines = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .count();
    assert_eq!(flags.rows().count() - 1, csv_lines);
    let ids: Vec<String> = flags.rows().skip(1).map(|r| cell(&r[1])).collect();
    assert!(ids.iter().all(|id| id.len() == 16), "{ids:?}");
    let texts: String = flags
        .rows()
        .skip(1)
        .flat_map(|r| r.iter().map(cell).collect::<Vec<_>>())
        .collect();
    assert!(texts.contains("катастрофа"), "Cyrillic lost");
    let summary = wb.worksheet_range("summary").unwrap();
    assert_eq!(summary.rows().count(), 3);
    // The worst stories first, as in the HTML index.
    let head: Vec<String> = summary.rows().next().unwrap().iter().map(cell).collect();
    let critical = head.iter().position(|h| h == "critical").unwrap();
    let counts: Vec<f64> = summary
        .rows()
        .skip(1)
        .map(|r| cell(&r[critical]).parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let rows = wb.worksheet_range("rows").unwrap();
    assert!(rows.rows().count() > 20);

    // Only the workbook: the CSVs are not left behind.
    let only = tmp.path().join("only");
    compare(&corpus, &only, &["--format", "xlsx"]);
    assert!(only.join("report.xlsx").is_file() && !only.join("flags.csv").exists());
}
