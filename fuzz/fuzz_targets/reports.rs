//! The CSV and HTML writers on an arbitrary story (built as in the `score`
//! target). CSV: `rows.csv` and `flags.csv` parse back with a CSV reader,
//! row for row, and every sentence's text comes back intact, as the writer
//! promises it (line ends become spaces, formula-like cells get a leading
//! `'`). HTML: `escape` leaves no markup character, and in a story page no
//! `<` from the story's text stands unescaped. For that last check every
//! `<` in the texts is followed by U+2603 (which the page's own markup never
//! has after a `<`) before the story is built.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Lang;
use parallax::lexicon::Lexicon;
use parallax::pipeline::{Options, run};
use parallax::report::csv::{CsvOptions, FLAGS_HEADER, ROWS_HEADER, defuse, flags_csv, rows_csv};
use parallax::report::html::{escape, story_page};
use parallax::score::score_story;

const SENTINEL: &str = "<\u{2603}";

fuzz_target!(|data: &[u8]| {
    // `escape` on its own, on any text.
    let raw = String::from_utf8_lossy(data);
    let escaped = escape(&raw);
    assert!(
        !escaped.contains(['<', '>', '"', '\'']),
        "escape left markup in {escaped:?}"
    );
    // The story, with every `<` marked.
    let marked: Vec<u8> = {
        let mut out = Vec::with_capacity(data.len());
        for &b in data {
            if b == b'<' {
                out.extend_from_slice(SENTINEL.as_bytes());
            } else {
                out.push(b);
            }
        }
        out
    };
    let Some(story) = parallax_fuzz::story(&marked) else {
        return;
    };
    let lexicon = Lexicon::embedded();
    let aligned = run(vec![story], &lexicon, None, &Options::default());
    let al = &aligned[0];
    let scored = score_story(al);
    let stories = [(al, &scored)];

    // rows.csv: one record per row, the texts as the rows hold them.
    let bytes = rows_csv(&stories, CsvOptions { bom: false });
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[..]);
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("rows.csv parses");
    assert_eq!(records.len(), al.rows.len(), "rows.csv records");
    let column = |lang: Lang| match lang {
        Lang::Bg => 6,
        Lang::De => 7,
        _ => 8,
    };
    for (row, record) in al.rows.iter().zip(&records) {
        assert_eq!(record.len(), ROWS_HEADER.len(), "rows.csv record {record:?}");
        for (v, version) in al.story.versions.iter().enumerate() {
            let text = row
                .ids(version.lang)
                .iter()
                .map(|&i| al.sentence_text(v, i).replace(['\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(
                &record[column(version.lang)],
                defuse(&text),
                "{} text of a row",
                version.lang
            );
        }
    }

    // flags.csv: one record per flag, with the BOM a spreadsheet needs.
    let bytes = flags_csv(&stories, CsvOptions::default());
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("flags.csv starts with a BOM");
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("flags.csv parses");
    assert_eq!(records.len(), scored.flags.len(), "flags.csv records");
    for r in &records {
        assert_eq!(r.len(), FLAGS_HEADER.len(), "flags.csv record {r:?}");
        assert_eq!(&r[0], "fuzz");
    }

    // The story page: no story `<` unescaped.
    let page = story_page(al, &scored);
    assert!(
        !page.contains(SENTINEL),
        "a `<` from the story stands unescaped in the page"
    );
    assert!(page.ends_with("</html>\n"), "page not closed");
});
