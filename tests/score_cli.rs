//! Divergence scoring end to end through `parallax compare`: the mission's
//! own case, the report files, and the bad inputs of the divergence issue
//! (an empty side, a 1 MB sentence, unrelated versions, two stories of one
//! name, thread counts).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("run parallax")
}

fn story(dir: &Path, files: &[(&str, &str)]) {
    fs::create_dir_all(dir).unwrap();
    for (name, body) in files {
        fs::write(dir.join(name), body).unwrap();
    }
}

const CHAIN: &str = "chain = [\"de\", \"bg\", \"en\"]\n";

/// The relayed China story: the "catastrophe" headline is intensified at
/// the German→Bulgarian step and kept by the English.
#[test]
fn catastrophe_row_is_flagged_with_the_step_it_entered() {
    let out = parallax(&["compare", "corpora/china-foreign-policy-relay"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    // A flag's line may wrap: its first two lines, joined.
    let lines: Vec<&str> = stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("row 1 ") && l.contains("катастрофа"))
        .unwrap_or_else(|| panic!("no flag on the headline row:\n{stdout}"));
    let line = format!("{} {}", lines[at], lines[at + 1].trim());
    assert!(
        line.contains("intensified") || line.contains("loaded_term"),
        "{line}"
    );
    assert!(
        line.contains("de→bg") && line.contains("kept by en"),
        "{line}"
    );
}

#[test]
fn reports_are_written_with_bom_sorted_and_identical_at_any_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |threads: &str| {
        let dir = tmp.path().join(format!("out-{threads}"));
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["compare", "corpora", "--out", dir.to_str().unwrap()])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            fs::read(dir.join("rows.csv")).unwrap(),
            fs::read(dir.join("flags.csv")).unwrap(),
        )
    };
    let (rows, flags) = run("1");
    assert_eq!((rows.clone(), flags.clone()), run("3"));
    assert!(flags.starts_with("\u{feff}story,flag_id,row,kind,rule,severity".as_bytes()));
    let text = String::from_utf8(flags).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(records.iter().any(|r| &r[0] == "china-foreign-policy-relay"
        && &r[3] == "intensified"
        && &r[4] == "SC2"
        && &r[8] == "de→bg"));
    // Sorted by story, then severity (worst first), then row.
    let rank = |s: &str| {
        ["critical", "major", "minor", "info"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let keys: Vec<(String, usize, usize)> = records
        .iter()
        .map(|r| (r[0].to_string(), rank(&r[5]), r[2].parse().unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let rows = String::from_utf8(rows).unwrap();
    assert!(
        rows.contains(
            "china-foreign-policy-relay,1,headline,0,0,0,Китай е изправен пред катастрофа"
        )
    );
}

#[test]
fn a_version_without_the_sentence_is_an_added_sentence_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    story(
        &dir,
        &[
            ("story.toml", "chain = [\"de\", \"en\"]\n"),
            (
                "de.txt",
                "Die Regierung kündigte am Montag neue Maßnahmen gegen die Preise an.\n\nDer Strompreis stieg im Januar um 25 Prozent.\n",
            ),
            (
                "en.txt",
                "The government announced new measures against prices on Monday.\n\nThe opposition in Sofia called the plan a disaster for 40,000 families.\n\nThe price of electricity rose by 25 per cent in January.\n",
            ),
        ],
    );
    let out = parallax(&["compare", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("added sentence"), "{stdout}");
}

#[test]
fn a_one_megabyte_sentence_is_scored() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("big");
    let de: String = (0..100_000)
        .map(|i| format!("Haus {i} "))
        .collect::<String>()
        + ".\n";
    let en: String = (0..100_000)
        .map(|i| format!("house {i} "))
        .collect::<String>()
        + ".\n";
    assert!(de.len() > 1_000_000);
    story(&dir, &[("de.txt", &de), ("en.txt", &en)]);
    let out = parallax(&["compare", dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unrelated_versions_get_one_warning_not_hundreds_of_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("unrelated");
    let de = fs::read_to_string("corpora/hamburg-port-strike/de.txt").unwrap();
    let en = fs::read_to_string("corpora/reykjavik-rate-rise/en.txt").unwrap();
    story(
        &dir,
        &[
            ("de.txt", &de),
            ("en.txt", &en),
            ("story.toml", "chain = [\"de\", \"en\"]\n"),
        ],
    );
    let out = parallax(&["compare", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let flags = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("row "))
        .count();
    assert!(flags <= 1, "{flags} flags:\n{stdout}");
    assert!(stdout.contains("may not be translations"), "{stdout}");
}

#[test]
fn stories_of_one_name_under_different_parents_stay_apart() {
    let tmp = tempfile::tempdir().unwrap();
    for parent in ["a", "b"] {
        story(
            &tmp.path().join(parent).join("same"),
            &[
                ("story.toml", CHAIN),
                ("de.txt", "Die Preise stiegen um 12 Prozent.\n"),
                ("bg.txt", "Цените се повишиха с 21 %.\n"),
                ("en.txt", "Prices rose by 21 per cent.\n"),
            ],
        );
    }
    let reports = tempfile::tempdir().unwrap();
    let out_dir = reports.path().join("out");
    let out = parallax(&[
        "compare",
        tmp.path().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let flags = fs::read_to_string(out_dir.join("flags.csv")).unwrap();
    assert!(
        flags.contains("a/same,") && flags.contains("b/same,"),
        "{flags}"
    );
}
