//! Corpora an editor did not make: each case is a story among good ones, and
//! each must give a clear error naming the file (in stderr and errors.csv),
//! no panic, the good stories done, and exit code 1.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("run parallax")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const DE: &str =
    "Der Stadtrat hat am Montag den neuen Haushalt beschlossen.\nDie Opposition stimmte dagegen.\n";
const EN: &str =
    "The city council passed the new budget on Monday.\nThe opposition voted against it.\n";

/// A corpus with one good story, plus `bad` (story name, files).
fn corpus(root: &Path, bad: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let corpus = root.join("corpus");
    let good = corpus.join("good-story");
    std::fs::create_dir_all(&good).unwrap();
    std::fs::write(good.join("de.txt"), DE).unwrap();
    std::fs::write(good.join("en.txt"), EN).unwrap();
    let dir = corpus.join(bad);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    corpus
}

/// Runs compare into `root/reports`; checks exit 1, the good story done, the
/// bad one's line in errors.csv naming `file` and containing `reason`.
fn assert_reported(root: &Path, corpus: &Path, file: &str, reason: &str) -> String {
    let out = root.join("reports");
    let run = parallax(&["compare", s(corpus), "--out", s(&out)]);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains(file) && stderr.contains(reason), "{stderr}");
    let errors = std::fs::read_to_string(out.join("errors.csv")).unwrap();
    assert!(errors.contains(file) && errors.contains(reason), "{errors}");
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(
        summary.contains("good-story"),
        "the good story is done: {summary}"
    );
    stderr
}

#[test]
fn windows_1251_is_named_not_guessed() {
    let tmp = tempfile::tempdir().unwrap();
    // "Общинският съвет прие бюджета." in Windows-1251.
    let cp1251 = b"\xce\xe1\xf9\xe8\xed\xf1\xea\xe8\xff\xf2 \xf1\xfa\xe2\xe5\xf2 \xef\xf0\xe8\xe5 \xe1\xfe\xe4\xe6\xe5\xf2\xe0.\n";
    let c = corpus(
        tmp.path(),
        "cp1251",
        &[("bg.txt", cp1251), ("en.txt", EN.as_bytes())],
    );
    assert_reported(tmp.path(), &c, "bg.txt", "Windows-1251");
}

#[test]
fn latin_1_is_named_not_guessed() {
    let tmp = tempfile::tempdir().unwrap();
    let latin1 = b"Der Stadtrat hat f\xfcr gr\xf6\xdfere Stra\xdfen gestimmt.\nDie Gem\xfcter sind erhitzt.\n";
    let c = corpus(
        tmp.path(),
        "latin1",
        &[("de.txt", latin1), ("en.txt", EN.as_bytes())],
    );
    assert_reported(tmp.path(), &c, "de.txt", "Latin-1");
}

#[test]
fn html_saved_as_text_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let html = b"<!DOCTYPE html>\n<html><head><title>Budget</title></head><body><p>Der Stadtrat hat den Haushalt beschlossen.</p></body></html>\n";
    let c = corpus(
        tmp.path(),
        "html",
        &[("de.txt", html), ("en.txt", EN.as_bytes())],
    );
    assert_reported(tmp.path(), &c, "de.txt", "HTML");
}

#[test]
fn a_300_mb_file_is_refused_without_reading_it() {
    let tmp = tempfile::tempdir().unwrap();
    let c = corpus(tmp.path(), "huge", &[("en.txt", EN.as_bytes())]);
    // Sparse: 300 MB on paper, no disk used.
    let f = std::fs::File::create(c.join("huge/de.txt")).unwrap();
    f.set_len(300 * 1024 * 1024).unwrap();
    assert_reported(tmp.path(), &c, "de.txt", "over the limit");
}

#[cfg(unix)]
#[test]
fn an_endless_or_blocking_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let c = corpus(tmp.path(), "endless", &[("en.txt", EN.as_bytes())]);
    // A link to /dev/zero grows for ever as it is read; a FIFO with no
    // writer would block the batch.
    std::os::unix::fs::symlink("/dev/zero", c.join("endless/de.txt")).unwrap();
    assert_reported(tmp.path(), &c, "de.txt", "not a regular file");
    let tmp = tempfile::tempdir().unwrap();
    let c = corpus(tmp.path(), "fifo", &[("en.txt", EN.as_bytes())]);
    let fifo = c.join("fifo/de.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        assert_reported(tmp.path(), &c, "de.txt", "not a regular file");
    } else {
        eprintln!("hostile_corpora: SKIPPED the FIFO case: mkfifo is not available");
    }
}

#[test]
fn a_file_cut_off_mid_character_says_it_is_truncated() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cut = "Общинският съвет прие бюджета.\nОпозицията гласува против"
        .as_bytes()
        .to_vec();
    cut.pop(); // half of the last Cyrillic letter
    let c = corpus(
        tmp.path(),
        "cut",
        &[("bg.txt", &cut), ("en.txt", EN.as_bytes())],
    );
    assert_reported(tmp.path(), &c, "bg.txt", "truncated");
}

#[test]
fn story_toml_with_bad_keys_types_or_a_cycle_is_an_error_naming_it() {
    for (name, toml, reason) in [
        ("unknown-key", "titel = \"x\"\n", "unknown field"),
        ("wrong-type", "chain = \"de, en\"\n", "invalid type"),
        ("cycle", "chain = [\"de\", \"en\", \"de\"]\n", "twice"),
        (
            "disagree",
            "original = \"en\"\nchain = [\"de\", \"en\"]\n",
            "chain starts with de",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let c = corpus(
            tmp.path(),
            name,
            &[
                ("de.txt", DE.as_bytes()),
                ("en.txt", EN.as_bytes()),
                ("story.toml", toml.as_bytes()),
            ],
        );
        assert_reported(tmp.path(), &c, "story.toml", reason);
    }
}

/// A chain naming a version the story lacks is a warning, not an error: the
/// versions there are still compared (say the English is not yet in), and
/// the chain's steps between them still hold.
#[test]
fn a_chain_naming_a_missing_version_warns_and_compares_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let c = corpus(
        tmp.path(),
        "missing",
        &[
            ("de.txt", DE.as_bytes()),
            ("en.txt", EN.as_bytes()),
            ("story.toml", b"chain = [\"de\", \"bg\", \"en\"]\n"),
        ],
    );
    let run = parallax(&["compare", s(&c), "--out", s(&tmp.path().join("r"))]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("story.toml") && stderr.contains("bg"),
        "{stderr}"
    );
}

#[test]
fn names_with_newlines_quotes_and_commas_survive_every_csv_column() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "line\nbreak, \"quoted\" =1+1";
    let title = "Title with \"quotes\", commas\nand a line break";
    let toml = format!("title = {title:?}\n");
    let c = corpus(
        tmp.path(),
        name,
        &[
            ("de.txt", DE.as_bytes()),
            ("en.txt", EN.as_bytes()),
            ("story.toml", toml.as_bytes()),
        ],
    );
    let out = tmp.path().join("reports");
    let run = parallax(&["compare", s(&c), "--out", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    for file in ["rows.csv", "flags.csv", "summary.csv"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let width = reader.headers().unwrap().len();
        let mut stories = 0;
        for r in reader.records() {
            let r = r.unwrap();
            assert_eq!(r.len(), width, "{file}: a cell broke the record");
            if &r[0] == name {
                stories += 1;
            }
        }
        if file != "flags.csv" {
            assert!(stories > 0, "{file} lost the story's name: {text}");
        }
        if file == "summary.csv" {
            assert!(
                text.contains("\"Title with \"\"quotes\"\", commas\nand a line break\""),
                "{text}"
            );
        }
    }
    let jsonl = std::fs::read_to_string(out.join("summary.jsonl")).unwrap();
    assert!(
        jsonl.contains("line\\nbreak, \\\"quoted\\\" =1+1"),
        "{jsonl}"
    );
}

/// Rule: symlinks are followed, into other trees too (a corpus is often a
/// folder of links to where the stories live); a link back to an ancestor
/// is a loop, reported and skipped. Story keys are the link's path.
#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_corpus_is_followed_under_its_own_name() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("elsewhere/real-story");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("de.txt"), DE).unwrap();
    std::fs::write(elsewhere.join("en.txt"), EN).unwrap();
    let c = corpus(tmp.path(), "empty-dir", &[]);
    std::os::unix::fs::symlink(&elsewhere, c.join("linked-story")).unwrap();
    let out = tmp.path().join("reports");
    let run = parallax(&["compare", s(&c), "--out", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(summary.contains("\nlinked-story,"), "{summary}");
}

#[test]
fn fifty_thousand_empty_story_folders_are_walked_and_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let c = corpus(tmp.path(), "empty-0", &[]);
    for i in 0..50_000 {
        std::fs::create_dir_all(c.join(format!("empty-{}/{i}", i % 100))).unwrap();
    }
    let out = tmp.path().join("reports");
    let run = parallax(&["compare", s(&c), "--out", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert_eq!(summary.lines().count(), 2, "only the good story: {summary}");
}

/// The output folder on a full file system: a clear error naming the file
/// it could not write, exit 1, and no partial report left behind. Needs a
/// small tmpfs (root); skipped with a message otherwise.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_gives_a_clear_error_and_no_partial_report() {
    let tmp = tempfile::tempdir().unwrap();
    let c = corpus(
        tmp.path(),
        "second",
        &[("de.txt", DE.as_bytes()), ("en.txt", EN.as_bytes())],
    );
    let mnt = tmp.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=48k", "tmpfs", s(&mnt)])
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("hostile_corpora: SKIPPED the full-disk case: cannot mount a tmpfs (needs root)");
        return;
    }
    let out = mnt.join("reports");
    let run = parallax(&["compare", s(&c), "--out", s(&out)]);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    let left: Vec<String> = std::fs::read_dir(&out)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let _ = Command::new("umount").arg(&mnt).status();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("No space left") && stderr.contains("reports"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(left.is_empty(), "a partial report was left: {left:?}");
}
