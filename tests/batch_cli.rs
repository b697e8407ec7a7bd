//! Batch runs through the binary: the report folder's files against golden
//! copies, the same bytes at any thread count, shards merged equal to one
//! run, learning in map-reduce form equal to one pass, every bundled story
//! the same alone, in its corpus and in any shard, `merge` refusing shards
//! made with different learned tables, ignore lists, the output-folder
//! rules, and exit codes.
//!
//! Golden files live in tests/golden/batch/; after a deliberate change of
//! the reports, regenerate them with `PARALLAX_UPDATE_GOLDEN=1 cargo test
//! --test all batch_cli::` and review the diff.

use std::collections::BTreeMap;
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

/// The fixture corpus copied into `dir`, one story under a name with a
/// comma and quotes (made here, since not every file system allows it).
fn corpus(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/batch");
    let dst = dir.join("corpus");
    for story in std::fs::read_dir(&src).unwrap() {
        let story = story.unwrap().path();
        let name = story.file_name().unwrap().to_string_lossy().into_owned();
        let name = if name == "library-opening" {
            "quote, comma \"story\"".to_string()
        } else {
            name
        };
        std::fs::create_dir_all(dst.join(&name)).unwrap();
        for f in std::fs::read_dir(&story).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dst.join(&name).join(f.file_name().unwrap())).unwrap();
        }
    }
    dst
}

/// Every file of a folder, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn assert_same_folders(a: &Path, b: &Path) {
    let (fa, fb) = (files(a), files(b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(
            bytes == &fb[name],
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// The golden files are of the default build; without the GPL data the
/// lexicon differs and so do the scores.
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "golden files are of the default build (with the GPL data)"
)]
fn report_files_match_the_golden_copies() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    assert!(corpus.ends_with("corpus"));
    let out = tmp.path().join("reports");
    // Relative paths, as a user types them: errors.csv names the path given.
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["compare", "corpus", "--out", "reports", "--jobs", "2"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(1),
        "the single-version story fails: {run:?}"
    );
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/batch");
    let names = [
        "rows.csv",
        "flags.csv",
        "summary.csv",
        "errors.csv",
        "flags.jsonl",
        "summary.jsonl",
    ];
    if std::env::var_os("PARALLAX_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&golden).unwrap();
        for name in names {
            std::fs::copy(out.join(name), golden.join(name)).unwrap();
        }
    }
    for name in names {
        let got = std::fs::read(out.join(name)).unwrap();
        let want = std::fs::read(golden.join(name)).unwrap_or_default();
        assert!(
            got == want,
            "{name} differs from tests/golden/batch/{name}:\n{}",
            String::from_utf8_lossy(&got)
        );
    }
}

#[test]
fn reports_are_the_same_bytes_at_one_and_two_threads_and_in_any_path_order() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    parallax(&["compare", s(&corpus), "--out", s(&one), "--jobs", "1"]);
    // The stories given one by one, in reverse order.
    let mut stories: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    stories.sort();
    stories.reverse();
    let mut args: Vec<&str> = vec!["compare"];
    args.extend(stories.iter().map(|p| s(p)));
    args.extend(["--out", s(&two), "--jobs", "2"]);
    parallax(&args);
    assert_same_folders(&one, &two);
}

#[test]
fn shards_merged_equal_one_run_with_the_same_table() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let table = tmp.path().join("table.tsv");
    assert!(
        parallax(&["learn", s(&corpus), "--out", s(&table)])
            .status
            .success()
    );
    let single = tmp.path().join("single");
    parallax(&[
        "compare",
        s(&corpus),
        "--learned",
        s(&table),
        "--out",
        s(&single),
    ]);
    for n in [2, 3] {
        let mut dirs = Vec::new();
        for k in 1..=n {
            let dir = tmp.path().join(format!("shard-{k}-of-{n}"));
            let shard = format!("{k}/{n}");
            parallax(&[
                "compare",
                s(&corpus),
                "--learned",
                s(&table),
                "--shard",
                &shard,
                "--out",
                s(&dir),
            ]);
            dirs.push(dir);
        }
        let merged = tmp.path().join(format!("merged-{n}"));
        let mut args = vec!["merge"];
        args.extend(dirs.iter().map(|d| s(d)));
        args.extend(["--out", s(&merged)]);
        let run = parallax(&args);
        assert_eq!(
            run.status.code(),
            Some(1),
            "the failed story is merged too: {run:?}"
        );
        assert_same_folders(&single, &merged);
    }
}

#[test]
fn partial_learning_merged_equals_one_learning_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let whole = tmp.path().join("whole.tsv");
    parallax(&["learn", s(&corpus), "--out", s(&whole)]);
    let mut parts = Vec::new();
    for k in 1..=3 {
        let part = tmp.path().join(format!("part-{k}.tsv"));
        let shard = format!("{k}/3");
        assert!(
            parallax(&[
                "learn",
                s(&corpus),
                "--shard",
                &shard,
                "--partial",
                "--out",
                s(&part)
            ])
            .status
            .success()
        );
        parts.push(part);
    }
    let pooled = tmp.path().join("pooled.tsv");
    let mut args = vec!["learn", "--merge"];
    args.extend(parts.iter().map(|p| s(p)));
    args.extend(["--out", s(&pooled)]);
    assert!(parallax(&args).status.success());
    assert_eq!(
        std::fs::read(&whole).unwrap(),
        std::fs::read(&pooled).unwrap()
    );
    // A run without --learned learns nothing from its corpus, and its
    // manifest says so; given the table, it names the table.
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    parallax(&["compare", s(&corpus), "--out", s(&a)]);
    parallax(&[
        "compare",
        s(&corpus),
        "--learned",
        s(&whole),
        "--out",
        s(&b),
    ]);
    let run_line = |dir: &Path| {
        let text = std::fs::read_to_string(dir.join("summary.jsonl")).unwrap();
        text.lines().next().unwrap().to_string()
    };
    assert_eq!(
        run_line(&a),
        r#"{"manifest":"parallax report v1","learned":"none"}"#
    );
    let id = run_line(&b);
    assert!(id.contains(r#""learned":"fnv1a-"#), "{id}");
}

/// The flags.csv lines of each story, by story key.
fn flags_by_story(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(dir.join("flags.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let severity = headers.iter().position(|h| h == "severity").unwrap();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in reader.records() {
        let r = r.unwrap();
        // Minor and above: what an editor is shown (info notes are context).
        if &r[severity] == "info" {
            continue;
        }
        let line: Vec<&str> = r.iter().collect();
        out.entry(r[0].to_string())
            .or_default()
            .push(line.join("\t"));
    }
    out
}

/// Issue 15, "the same answer however it is run": each of the bundled
/// stories gets the same flags (minor and above, every column) run alone,
/// inside the whole corpus, and in whatever shard of 2, 3 or 5 it falls in;
/// nothing learned from the other stories reaches it.
#[test]
fn bundled_stories_get_the_same_flags_alone_in_the_corpus_and_in_any_shard() {
    let tmp = tempfile::tempdir().unwrap();
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let full = tmp.path().join("full");
    let run = parallax(&["compare", s(&corpora), "--out", s(&full), "--format", "csv"]);
    assert!(run.status.success(), "{run:?}");
    let whole = flags_by_story(&full);
    let mut stories: Vec<PathBuf> = std::fs::read_dir(&corpora)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    assert_eq!(stories.len(), 23, "the bundled corpora");
    assert!(
        whole.len() >= 20,
        "most stories have flags: {}",
        whole.len()
    );
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    // Alone: one run of every story folder on its own.
    for story in &stories {
        let out = tmp.path().join(format!("alone-{}", name(story)));
        let run = parallax(&["compare", s(story), "--out", s(&out), "--format", "csv"]);
        assert!(run.status.success(), "{run:?}");
        let alone = flags_by_story(&out);
        assert_eq!(
            alone.get(&name(story)),
            whole.get(&name(story)),
            "{}: alone vs in the corpus",
            name(story)
        );
    }
    // In shards: every story lands in exactly one shard of each split.
    for n in [2, 3, 5] {
        let mut seen = BTreeMap::new();
        for k in 1..=n {
            let out = tmp.path().join(format!("shard-{k}-of-{n}"));
            let shard = format!("{k}/{n}");
            let run = parallax(&[
                "compare",
                s(&corpora),
                "--shard",
                &shard,
                "--out",
                s(&out),
                "--format",
                "csv",
            ]);
            assert!(run.status.success(), "{run:?}");
            seen.extend(flags_by_story(&out));
        }
        assert_eq!(seen, whole, "shards of {n} vs the whole corpus");
    }
}

/// `merge` refuses shard folders compared with different learned tables
/// (or one with a table and one without), naming the folders, and writes
/// nothing.
#[test]
fn merge_refuses_shards_with_different_learned_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let table = tmp.path().join("table.tsv");
    assert!(
        parallax(&["learn", s(&corpus), "--out", s(&table)])
            .status
            .success()
    );
    let one = tmp.path().join("shard-one");
    let two = tmp.path().join("shard-two");
    parallax(&[
        "compare",
        s(&corpus),
        "--learned",
        s(&table),
        "--shard",
        "1/2",
        "--out",
        s(&one),
    ]);
    parallax(&["compare", s(&corpus), "--shard", "2/2", "--out", s(&two)]);
    let merged = tmp.path().join("merged");
    let run = parallax(&["merge", s(&one), s(&two), "--out", s(&merged)]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("different learned tables")
            && err.contains("shard-one")
            && err.contains("shard-two")
            && err.contains("none"),
        "{err}"
    );
    assert!(!merged.join("summary.jsonl").exists());
    // The same table on both sides merges.
    parallax(&[
        "compare",
        s(&corpus),
        "--learned",
        s(&table),
        "--shard",
        "2/2",
        "--out",
        s(&two),
        "--force",
    ]);
    let run = parallax(&["merge", s(&one), s(&two), "--out", s(&merged)]);
    assert_ne!(run.status.code(), Some(2), "{run:?}");
    assert!(merged.join("summary.jsonl").is_file());
}

#[test]
fn ignored_flags_are_left_out_and_counted_and_stale_ids_noted_once() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let first = tmp.path().join("first");
    parallax(&["compare", s(&corpus), "--out", s(&first)]);
    let flags = std::fs::read_to_string(first.join("flags.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(flags.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(records.len() >= 2, "{flags}");
    let checked = tmp.path().join("checked.csv");
    let mut w = csv::Writer::from_path(&checked).unwrap();
    w.write_record(["flag_id", "note"]).unwrap();
    w.write_record([&records[0][1], "checked"]).unwrap();
    w.write_record(["0000000000000000", "gone"]).unwrap();
    w.flush().unwrap();
    let second = tmp.path().join("second");
    let run = parallax(&[
        "compare",
        s(&corpus),
        "--out",
        s(&second),
        "--ignore",
        s(&checked),
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.matches("0000000000000000").count(), 1, "{err}");
    let after = std::fs::read_to_string(second.join("flags.csv")).unwrap();
    assert!(!after.contains(&records[0][1]), "ignored flag still there");
    assert_eq!(after.lines().count(), flags.lines().count() - 1);
    let summary = std::fs::read_to_string(second.join("summary.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(summary.trim_start_matches('\u{feff}').as_bytes());
    let col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "ignored")
        .unwrap();
    let ignored: usize = reader
        .records()
        .map(|r| r.unwrap()[col].parse::<usize>().unwrap())
        .sum();
    assert_eq!(ignored, 1);
    for page in std::fs::read_dir(second.join("html")).unwrap() {
        let html = std::fs::read_to_string(page.unwrap().path()).unwrap();
        assert!(!html.contains(&records[0][1]), "ignored flag in the HTML");
    }
}

#[test]
fn output_inside_the_corpus_or_non_empty_without_force_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let inside = corpus.join("reports");
    let run = parallax(&["compare", s(&corpus), "--out", s(&inside)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("inside the input"));
    assert!(!inside.exists(), "nothing written into the corpus");
    let out = tmp.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let run = parallax(&["compare", s(&corpus), "--out", s(&out)]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--force"));
    let run = parallax(&["compare", s(&corpus), "--out", s(&out), "--force"]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert_eq!(
        std::fs::read(out.join("notes.txt")).unwrap(),
        b"mine",
        "other files are kept"
    );
    assert!(out.join("rows.csv").is_file());
}

#[test]
fn a_broken_story_gets_its_line_in_errors_csv_and_the_rest_are_done() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    std::fs::create_dir(corpus.join("bad-utf8")).unwrap();
    std::fs::write(
        corpus.join("bad-utf8/de.txt"),
        b"Guten Tag.\n\xff\xfe kaputt.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("bad-utf8/en.txt"), b"Good day.\nBroken.\n").unwrap();
    let out = tmp.path().join("reports");
    let run = parallax(&["compare", s(&corpus), "--out", s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let errors = std::fs::read_to_string(out.join("errors.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(errors.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2, "{errors}");
    assert_eq!(&rows[0][0], "bad-utf8");
    assert!(
        rows[0][1].ends_with("de.txt") && rows[0][2].contains("UTF-8"),
        "{errors}"
    );
    assert!(
        !rows[0][3].is_empty() || !rows[0][4].is_empty(),
        "line or byte given: {errors}"
    );
    assert_eq!(&rows[1][0], "single-version");
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert_eq!(summary.lines().count(), 4, "three stories done: {summary}");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("3 stories") && stdout.contains("2 could not be read"),
        "{stdout}"
    );
}

#[test]
fn format_chooses_the_files_and_a_rerun_removes_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let out = tmp.path().join("reports");
    parallax(&["compare", s(&corpus), "--out", s(&out)]);
    assert!(out.join("flags.jsonl").is_file() && out.join("html/index.html").is_file());
    parallax(&[
        "compare",
        s(&corpus),
        "--out",
        s(&out),
        "--force",
        "--format",
        "csv",
    ]);
    assert!(out.join("rows.csv").is_file() && out.join("summary.jsonl").is_file());
    assert!(!out.join("flags.jsonl").exists() && !out.join("html").exists());
    let run = parallax(&[
        "compare",
        s(&corpus),
        "--out",
        s(&out),
        "--force",
        "--format",
        "pdf",
    ]);
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn csv_cells_are_defused_and_a_bom_leads_unless_turned_off() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = corpus(tmp.path());
    let (with, without) = (tmp.path().join("with"), tmp.path().join("without"));
    parallax(&["compare", s(&corpus), "--out", s(&with)]);
    parallax(&["compare", s(&corpus), "--out", s(&without), "--no-bom"]);
    for name in ["rows.csv", "flags.csv", "summary.csv", "errors.csv"] {
        let a = std::fs::read(with.join(name)).unwrap();
        let b = std::fs::read(without.join(name)).unwrap();
        assert!(
            a.starts_with("\u{feff}".as_bytes()) && !b.starts_with("\u{feff}".as_bytes()),
            "{name}"
        );
        assert_eq!(&a[3..], &b[..], "{name}: only the BOM differs");
    }
    // The title "=Record crowd, …" would be a formula.
    let summary = std::fs::read_to_string(without.join("summary.csv")).unwrap();
    assert!(
        summary.contains("\"'=Record crowd, \"\"Museum Night\"\"\""),
        "{summary}"
    );
}

/// A run killed while it writes leaves the earlier report whole (or, had it
/// finished renaming, the new one whole), never a mix or a half file; the
/// next run clears the staging folder the killed one left.
#[test]
fn a_run_killed_while_writing_leaves_the_old_report_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let small = corpus(tmp.path());
    let out = tmp.path().join("reports");
    parallax(&["compare", s(&small), "--out", s(&out)]);
    let old = files(&out);
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let full = tmp.path().join("full");
    parallax(&["compare", s(&bundled), "--out", s(&full)]);
    let new = files(&full);
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "compare",
            s(&bundled),
            "--out",
            s(&out),
            "--force",
            "--jobs",
            "1",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once its staging folder exists (or when it is done anyway).
    let started = std::time::Instant::now();
    loop {
        let staging = std::fs::read_dir(&out).unwrap().flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".parallax-tmp-")
        });
        if staging || child.try_wait().unwrap().is_some() || started.elapsed().as_secs() > 60 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    let _ = child.kill();
    let _ = child.wait();
    let now: BTreeMap<String, Vec<u8>> = files(&out)
        .into_iter()
        .filter(|(k, _)| !k.starts_with(".parallax-tmp-"))
        .collect();
    assert!(
        now == old || now == new,
        "a mix of old and new report files: {:?}",
        now.keys()
    );
    // The next run clears the leftover staging folder.
    parallax(&["compare", s(&small), "--out", s(&out), "--force"]);
    assert_same_folders(&out, &{
        let again = tmp.path().join("again");
        parallax(&["compare", s(&small), "--out", s(&again)]);
        again
    });
}
