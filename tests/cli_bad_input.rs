//! The binary on every kind of bad input: a non-zero exit, a one-line message
//! naming the file, no panic, and the input left untouched.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DE: &str = "Die Regierung kündigte am Montag neue Maßnahmen gegen die Preise an.";
const EN: &str = "The government announced new measures against prices on Monday.";

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("run parallax")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn story(dir: &Path, files: &[(&str, &[u8])]) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes).unwrap();
    }
    dir.to_path_buf()
}

/// Runs `segment` on `path` and checks the failure is reported well.
fn assert_fails_naming(path: &Path, extra: &[&str], names: &str, says: &str) {
    let before = snapshot(path);
    let mut args = vec!["segment", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = parallax(&args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{path:?}: {err}");
    assert!(
        err.contains(names),
        "{path:?}: message should name {names}: {err}"
    );
    assert!(
        err.contains(says),
        "{path:?}: message should say {says:?}: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(snapshot(path), before, "input was modified");
}

/// The bytes of every file under `path` (files only), to prove nothing changed.
fn snapshot(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if path.is_file() {
        out.push((path.to_path_buf(), fs::read(path).unwrap()));
    } else if let Ok(entries) = fs::read_dir(path) {
        for e in entries.flatten() {
            if e.path().is_file() {
                out.push((e.path(), fs::read(e.path()).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn bad_files_are_reported_with_their_name() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &[&str], &str)] = &[
        (
            "invalid_utf8",
            b"Gut.\nSchlecht \xff\xfe hier.",
            &[],
            "byte 14",
        ),
        ("empty", b"", &[], "empty"),
        ("whitespace_only", b"  \n\t \r\n", &[], "empty"),
        ("binary", b"PK\x03\x04\0\0binary", &[], "binary content"),
        (
            "too_large",
            b"Dieser Satz ist zu lang.",
            &["--max-bytes", "10"],
            "over the limit",
        ),
    ];
    for (name, bytes, extra, says) in cases {
        let dir = story(
            &tmp.path().join(name),
            &[("de.txt", bytes), ("en.txt", EN.as_bytes())],
        );
        // As a single file and as part of a story folder.
        assert_fails_naming(&dir.join("de.txt"), extra, "de.txt", says);
        assert_fails_naming(&dir, extra, "de.txt", says);
    }
}

#[test]
fn bad_stories_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let one = story(&tmp.path().join("one"), &[("de.txt", DE.as_bytes())]);
    assert_fails_naming(&one, &[], "one", "at least two versions");
    let twice = story(
        &tmp.path().join("twice"),
        &[("de.txt", DE.as_bytes()), ("artikel.txt", DE.as_bytes())],
    );
    assert_fails_naming(&twice, &[], "artikel.txt", "two files claim language de");
    let meta = story(
        &tmp.path().join("meta"),
        &[
            ("de.txt", DE.as_bytes()),
            ("en.txt", EN.as_bytes()),
            ("story.toml", b"chain = [\"de\", \"xx1\"]"),
        ],
    );
    assert_fails_naming(&meta, &[], "story.toml", "unknown language code");
}

#[test]
fn missing_and_unreadable_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-story");
    assert_fails_naming(&missing, &[], "no-such-story", "no such file");
    #[cfg(unix)]
    {
        let dir = story(&tmp.path().join("dangling"), &[("de.txt", DE.as_bytes())]);
        std::os::unix::fs::symlink(tmp.path().join("gone.txt"), dir.join("en.txt")).unwrap();
        assert_fails_naming(&dir, &[], "en.txt", "no such file");
    }
}

#[cfg(unix)]
#[test]
fn permission_denied_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = story(
        &tmp.path().join("locked"),
        &[("de.txt", DE.as_bytes()), ("en.txt", EN.as_bytes())],
    );
    let file = dir.join("de.txt");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&file).is_ok() {
        // Running as root: permissions do not bind, so there is nothing to test here.
        eprintln!("skipping permission test: running with privileges that ignore file modes");
        return;
    }
    let out = parallax(&["segment", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("de.txt") && stderr(&out).contains("ermission denied"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir_all(corpus.join("inner")).unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("inner/back")).unwrap();
    let out = parallax(&["segment", corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("symbolic link loop"),
        "{}",
        stderr(&out)
    );
    let file_loop = tmp.path().join("self.txt");
    std::os::unix::fs::symlink(&file_loop, &file_loop).unwrap();
    let out = parallax(&["segment", file_loop.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("self.txt"), "{}", stderr(&out));
}

#[test]
fn one_broken_story_does_not_stop_the_batch() {
    let tmp = tempfile::tempdir().unwrap();
    story(
        &tmp.path().join("a-broken"),
        &[("de.txt", b"\xff"), ("en.txt", EN.as_bytes())],
    );
    story(
        &tmp.path().join("b-good"),
        &[("de.txt", DE.as_bytes()), ("en.txt", EN.as_bytes())],
    );
    let out = parallax(&["segment", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(DE) && stdout.contains(EN), "{stdout}");
    assert!(stderr(&out).contains("a-broken"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["segment"][..],
        &["segment", "x.txt", "--lang", "klingon"],
        &["frobnicate"],
    ] {
        let out = parallax(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn closed_pipe_is_not_an_error() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("en.txt");
    fs::write(
        &big,
        "This is one more sentence of a long text. ".repeat(50_000),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["segment", big.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// Regression: a story with a fourth version (`fr.txt`) printed "0 rows" and
/// exited 0. Now the three versions bg/de/en are compared and the fourth is
/// named in a warning.
#[test]
fn story_with_a_fourth_version_printed_zero_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = story(
        &tmp.path().join("four"),
        &[
            (
                "bg.txt",
                "Правителството обяви в понеделник нови мерки срещу цените.".as_bytes(),
            ),
            ("de.txt", DE.as_bytes()),
            ("en.txt", EN.as_bytes()),
            (
                "fr.txt",
                "Le gouvernement a annoncé lundi de nouvelles mesures contre les prix.".as_bytes(),
            ),
        ],
    );
    let out = parallax(&["compare", dir.to_str().unwrap()]);
    let err = stderr(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("fr.txt") && err.contains("up to three"),
        "{err}"
    );
    assert!(
        stdout.contains("1 rows") || stdout.contains("1 row"),
        "{stdout}"
    );
}

/// A version that is a copy of another under a second language's name is
/// reported, not compared as a translation in silence: as a mislabelled
/// file, and, with --trust-names, as a copy.
#[test]
fn a_version_copied_under_another_language_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = story(
        &tmp.path().join("copy"),
        &[
            ("de.txt", DE.as_bytes()),
            ("en.txt", EN.as_bytes()),
            ("bg.txt", EN.as_bytes()),
        ],
    );
    let out = parallax(&["compare", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("named bg but the text is en"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
    let out = parallax(&["compare", dir.to_str().unwrap(), "--trust-names"]);
    let err = stderr(&out);
    assert!(err.contains("hold the same text"), "{err}");
}
