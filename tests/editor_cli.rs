//! The editor's workflow through the binary (issue 18): files compared
//! directly (and from standard input), a mislabelled file caught, a story
//! that keeps its good versions when one is bad, usage errors, and the
//! terminal view: worst first, colour only when asked or on a terminal,
//! lines that fit the width, filters, JSON Lines on standard output,
//! counts in plain words, lexicon suggestions.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.args(args).env_remove("NO_COLOR").env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run parallax");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn parallax(args: &[&str]) -> Output {
    run(args, &[], None)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A bundled story's files copied into `dir/name`.
fn bundled(dir: &Path, name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join(name);
    let dst = dir.join(name);
    std::fs::create_dir_all(&dst).unwrap();
    for f in std::fs::read_dir(&src).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "txt" || e == "toml") {
            std::fs::copy(&f, dst.join(f.file_name().unwrap())).unwrap();
        }
    }
    dst
}

const CHINA: &str = "china-foreign-policy-relay";

#[test]
fn files_compared_directly_with_chain_title_and_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let story = bundled(tmp.path(), CHINA);
    let (de, bg, en) = (
        story.join("de.txt"),
        story.join("bg.txt"),
        story.join("en.txt"),
    );
    let out = parallax(&[
        "compare",
        s(&de),
        s(&bg),
        s(&en),
        "--chain",
        "de,bg,en",
        "--title",
        "China",
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.starts_with("════ de.txt+bg.txt+en.txt — China"),
        "{stdout}"
    );
    assert!(stdout.contains("relay de → bg → en"), "{stdout}");
    assert!(stdout.contains("entered de→bg"), "{stdout}");
    // A name that is no language code: the language comes from the text.
    let article = tmp.path().join("artikel.txt");
    std::fs::copy(&de, &article).unwrap();
    let en_text = std::fs::read(&en).unwrap();
    let out = run(&["compare", s(&article), "-"], &[], Some(&en_text));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains("artikel.txt+<stdin>") && stdout.contains("versions de en"),
        "{stdout}"
    );
    // Usage: one file, a folder among files, a chain naming a missing version.
    for args in [
        vec!["compare", s(&de), "-", "-"],
        vec!["compare", s(&de), s(&story)],
        vec!["compare", s(&de), s(&en), "--chain", "de,bg,en"],
        vec!["compare", s(&story), "--chain", "de,bg"],
    ] {
        let out = parallax(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn a_mislabelled_file_is_an_error_naming_both_languages_and_the_way_out() {
    let tmp = tempfile::tempdir().unwrap();
    let story = bundled(tmp.path(), CHINA);
    std::fs::copy(story.join("en.txt"), story.join("de.txt")).unwrap();
    std::fs::remove_file(story.join("story.toml")).unwrap();
    let out = parallax(&["compare", s(&story)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("de.txt") && err.contains("named de but the text is en"),
        "{err}"
    );
    assert!(
        err.contains("--trust-names") && err.contains("story.toml"),
        "{err}"
    );
    // The two good versions are still compared.
    assert!(
        text(&out.stdout).contains("versions bg en"),
        "{}",
        text(&out.stdout)
    );
    // Overridden: by the option, or by story.toml.
    let out = parallax(&["compare", s(&story), "--trust-names"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("versions bg de en"));
    std::fs::write(story.join("story.toml"), "lang = { \"de.txt\" = \"de\" }\n").unwrap();
    let out = parallax(&["compare", s(&story)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::write(story.join("story.toml"), "lang = { \"de.txt\" = \"fr\" }\n").unwrap();
    let out = parallax(&["compare", s(&story)]);
    assert!(
        text(&out.stderr).contains("story.toml"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_bad_third_version_does_not_lose_the_story() {
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty", b"   \n", "empty"),
        ("binary", b"PK\x03\x04\0\0", "binary"),
        // "Правителството обяви" in Windows-1251.
        (
            "cp1251",
            b"\xcf\xf0\xe0\xe2\xe8\xf2\xe5\xeb\xf1\xf2\xe2\xee\xf2\xee \xee\xe1\xff\xe2\xe8.",
            "1251",
        ),
    ];
    for (name, bytes, says) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        let story = bundled(&corpus, CHINA);
        std::fs::write(story.join("bg.txt"), bytes).unwrap();
        let report = tmp.path().join("report");
        let out = parallax(&["compare", s(&corpus), "--out", s(&report)]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains("bg.txt") && err.contains(says),
            "{name}: {err}"
        );
        let errors = std::fs::read_to_string(report.join("errors.csv")).unwrap();
        assert!(
            errors.contains("bg.txt") && errors.contains(says),
            "{name}: {errors}"
        );
        let summary = std::fs::read_to_string(report.join("summary.csv")).unwrap();
        assert!(
            summary.contains(&format!("{CHINA},")) && summary.contains("de en"),
            "{summary}"
        );
        let flags = std::fs::read_to_string(report.join("flags.csv")).unwrap();
        assert!(
            flags.lines().count() > 1,
            "{name}: no flags for the two good versions"
        );
        // Without --out too, and in segment.
        let out = parallax(&["compare", s(&corpus)]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(text(&out.stdout).contains("left out:"), "{name}");
        let out = parallax(&["segment", s(&corpus)]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(text(&out.stderr).contains("bg.txt"), "{name}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let story = bundled(tmp.path(), CHINA);
    for args in [
        vec!["compare", s(&story), "--jobs", "0"],
        vec!["compare", s(&story), "--format", "pdf"],
        vec!["compare", s(&story), "--format", "csv"],
        vec!["compare", s(&story), "--min-severity", "huge"],
        vec!["compare", s(&story), "--kind", "spelling"],
        vec!["lookup", "--lang", "fr", "maison"],
        vec!["learn", s(&story), "--out", "t.tsv", "--jobs", "0"],
    ] {
        let out = parallax(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!text(&out.stderr).contains("panicked"));
    }
}

/// The bundled corpus, three stories.
fn three(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    for name in [
        CHINA,
        "aberdeen-film-festival-interview",
        "sofia-heating-prices",
    ] {
        bundled(&corpus, name);
    }
    corpus
}

#[test]
fn the_terminal_view_is_worst_first_plain_on_a_pipe_and_fits_the_width() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = three(tmp.path());
    let out = parallax(&["compare", s(&corpus)]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!stdout.contains('\x1b'), "colour on a pipe");
    // Stories in the order of their worst stories list, which is the
    // index's order; the list is there without --out.
    let headers: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("════ "))
        .map(|l| l.split(" — ").next().unwrap())
        .collect();
    let worst: Vec<&str> = stdout
        .split("worst stories:\n")
        .nth(1)
        .expect("a worst stories list")
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(|l| {
            l.split("minor  ")
                .nth(1)
                .unwrap()
                .split(" — ")
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(headers.len(), 3, "{stdout}");
    assert_eq!(headers[..worst.len()], worst[..], "{stdout}");
    assert!(stdout.contains("3 stories · "), "{stdout}");
    // 100 columns on a pipe; the terminal's (COLUMNS) otherwise.
    let widest = |t: &str| t.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(
        widest(&stdout) <= 100,
        "a line is wider than 100:\n{stdout}"
    );
    let out = run(&["compare", s(&corpus)], &[("COLUMNS", "64")], None);
    assert!(widest(&text(&out.stdout)) <= 64, "{}", text(&out.stdout));
    // Colour when asked, not with NO_COLOR on auto.
    let out = parallax(&["compare", s(&corpus), "--color", "always"]);
    assert!(
        text(&out.stdout).contains("\x1b[1;4;31m"),
        "critical marks in red"
    );
    let out = run(&["compare", s(&corpus)], &[("NO_COLOR", "1")], None);
    assert!(!text(&out.stdout).contains('\x1b'));
    // One story: "1 story", not "1 stories".
    let out = parallax(&["compare", s(&corpus.join(CHINA))]);
    assert!(
        text(&out.stdout).contains("\n1 story · "),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn filters_say_what_they_hide_and_json_goes_to_standard_output() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = three(tmp.path());
    let all = text(&parallax(&["compare", s(&corpus)]).stdout);
    assert!(all.contains("(info hidden: -v shows them)"), "{all}");
    assert!(all.contains("-v shows them)"), "{all}");
    let major = text(&parallax(&["compare", s(&corpus), "--min-severity", "major"]).stdout);
    assert!(!major.contains(" minor    "), "{major}");
    assert!(major.contains("--min-severity minor shows them"), "{major}");
    let numbers = text(
        &parallax(&[
            "compare",
            s(&corpus),
            "--kind",
            "number",
            "--story",
            "china",
        ])
        .stdout,
    );
    assert!(
        numbers.contains("════ china") && !numbers.contains("════ sofia"),
        "{numbers}"
    );
    let kinds: Vec<&str> = numbers
        .lines()
        .filter(|l| l.starts_with("  row "))
        .map(|l| l.split_whitespace().nth(3).unwrap())
        .collect();
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| *k == "number"),
        "{numbers}"
    );
    // The closing line may wrap: compare the words.
    let words = numbers.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("of other kinds (leave out --kind"),
        "{numbers}"
    );
    let verbose = text(&parallax(&["compare", s(&corpus), "-v"]).stdout);
    assert!(verbose.contains(" info     "), "{verbose}");
    // JSON Lines: flags, then rows with --rows.
    let out = parallax(&[
        "compare",
        s(&corpus.join(CHINA)),
        "--format",
        "json",
        "--rows",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(lines.iter().any(|v| v["flag_id"].is_string()));
    let rows: Vec<&serde_json::Value> = lines.iter().filter(|v| v["record"] == "row").collect();
    assert!(!rows.is_empty());
    // Versions in relay order (de → bg → en).
    let langs: Vec<&str> = rows[0]["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["de", "bg", "en"]);
    // --rows on the terminal: relay order too.
    let rows = text(&parallax(&["compare", s(&corpus.join(CHINA)), "--rows"]).stdout);
    assert!(rows.contains("  row   de       bg       en"), "{rows}");
}

#[test]
fn name_flags_offer_a_lexicon_line() {
    let tmp = tempfile::tempdir().unwrap();
    // A name the relay replaced (or spells so that nothing links them).
    let (de, bg) = (tmp.path().join("de.txt"), tmp.path().join("bg.txt"));
    std::fs::write(
        &de,
        "Bürgermeister Kowalczyk eröffnete die Markthalle am Samstag.\n",
    )
    .unwrap();
    std::fs::write(&bg, "Кметът Стойчев откри пазарната зала в събота.\n").unwrap();
    let out = parallax(&["compare", s(&de), s(&bg), "-v", "--kind", "name"]);
    let stdout = text(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("lexicon line"))
        .unwrap_or_else(|| panic!("no lexicon line: {stdout}"));
    // The suggested line works as a --lexicon file.
    let tsv = line.rsplit(": ").next().unwrap().replace(" ⇥ ", "\t");
    let lex = tmp.path().join("lexicon.tsv");
    std::fs::write(&lex, format!("{tsv}\n")).unwrap();
    let out = parallax(&["compare", s(&de), s(&bg), "--lexicon", s(&lex)]);
    assert_eq!(out.status.code(), Some(0), "{tsv:?}: {}", text(&out.stderr));
}

#[test]
fn align_prints_the_sentences_beside_their_numbers() {
    let story = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join(CHINA);
    let out = parallax(&[
        "align",
        s(&story.join("de.txt")),
        s(&story.join("en.txt")),
        "--format",
        "text",
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<&str> = stdout.lines().take(3).collect();
    assert_eq!(
        lines[0].split("  score").next(),
        Some("de 0 ↔ en 0"),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        "  de │ China droht eine außenpolitische Niederlage"
    );
    assert_eq!(lines[2], "  en │ China faces catastrophe");
}

#[test]
fn lookup_shows_words_and_sets_pivot_entries_apart() {
    let out = parallax(&["lookup", "--lang", "de", "Niederlage", "--to", "bg"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let direct = stdout
        .lines()
        .find(|l| l.starts_with("  → bg: "))
        .unwrap_or_else(|| panic!("{stdout}"));
    // Words, not stems: "поражение", not "поражени".
    assert!(direct.contains("поражение (dictionary)"), "{direct}");
    // Pivot entries (through the German–English dictionary, which the
    // build without GPL data lacks) stand on a line of their own.
    if let Some(pivot) = stdout
        .lines()
        .find(|l| l.contains("through English (pivot, less sure)"))
    {
        assert!(
            pivot.contains("поразен") && !direct.contains("поразен"),
            "{stdout}"
        );
    }
}
