//! The harness as a command: it refuses to overwrite a committed table when
//! a data set the table needs is missing, measures what is there when
//! `--out` sends the tables elsewhere, and scores bead files.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn eval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax-eval"))
        .args(args)
        .env_remove("PARALLAX_DATA")
        .output()
        .expect("run parallax-eval")
}

fn committed(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../benches/results")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn missing_data_is_refused_and_the_committed_tables_stay() {
    let empty = tempfile::tempdir().unwrap();
    let data = empty.path().to_str().unwrap();
    for (what, table, set) in [
        ("divergence", "divergence-corpora.csv", "demetr"),
        ("alignment", "alignment.csv", "vecalign-bleualign"),
        ("segmentation", "segmentation.csv", "flores200-devtest"),
        ("lexicon", "lexicon-coverage.csv", "tatoeba-test"),
    ] {
        let before = committed(table);
        let out = eval(&[what, "--data", data]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{what}: {stderr}");
        assert!(
            stderr.contains(&empty.path().join(set).display().to_string()),
            "{what} does not name {set}: {stderr}"
        );
        assert!(stderr.contains("--out"), "{what}: {stderr}");
        assert_eq!(committed(table), before, "{what} changed {table}");
    }
}

#[test]
fn with_out_what_is_there_is_measured_and_written_there() {
    let empty = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("segmentation.csv");
    let out = eval(&[
        "segmentation",
        "--data",
        empty.path().to_str().unwrap(),
        "--out",
        table.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("skipping FLORES"), "{stderr}");
    let written = fs::read_to_string(&table).unwrap();
    let datasets: Vec<&str> = written
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(datasets, ["corpora", "corpora", "corpora"], "{written}");
}

#[test]
fn bench_data_without_flores_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = eval(&[
        "bench-data",
        "--data",
        empty.path().to_str().unwrap(),
        "--out",
        tmp.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("flores200-devtest"));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn score_pools_strict_and_lax_over_file_pairs() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = tmp.path().join(name);
        fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let gold = write("a.gold", "[0]:[0]\n[1]:[1]\n[2, 3]:[2]\n");
    let same = write("a.test", "[0]:[0]\n[1]:[1]\n[2, 3]:[2]\n");
    let out = eval(&["score", &same, &gold]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("F1          1.000    1.000"), "{stdout}");

    // A 2-1 bead split in two: strict misses it, lax counts both halves.
    let split = write("b.test", "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[2]\n");
    let out = eval(&["score", "--test", &split, "--gold", &gold]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let f1 = stdout.lines().find(|l| l.starts_with("F1")).unwrap();
    let values: Vec<f64> = f1
        .split_whitespace()
        .skip(1)
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(values[0] < 1.0 && values[1] == 1.0, "{stdout}");

    let out = eval(&["score", "--test", &same]);
    assert_eq!(out.status.code(), Some(1), "unequal file lists");
}
