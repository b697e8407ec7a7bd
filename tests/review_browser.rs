//! The review loop of the HTML report, in a real browser: `compare --out`
//! writes the report of a bundled story; headless chromium, driven by
//! Playwright's core library (tests/browser/review.mjs), opens the story's
//! page, marks one flag "checked: not a change" and another "checked: real"
//! with a note, reloads (the decisions stay, in localStorage) and exports
//! ignore.csv, review.csv and lexicon.tsv; `compare --ignore` on the
//! exported file then leaves the dismissed flag out and counts it as
//! ignored, and with review.csv marks the confirmed one.
//!
//! Needs chromium (scripts/install-chromium.sh), node, and
//! `npm ci --prefix tests/browser` (.ci/run does both). Without them the
//! test says SKIPPED on stderr and passes, unless PARALLAX_REQUIRE_BROWSER=1
//! (set by .ci/run once it has installed them), when it fails instead.
//! `PARALLAX_CHROMIUM` names another browser binary.

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

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .map(PathBuf::from)
        .into_iter()
        .find(|p| p.is_file())
}

/// Why the browser part cannot run here, if it cannot.
fn missing(browser_dir: &Path) -> Option<String> {
    if chromium().is_none() {
        return Some("chromium is not installed (scripts/install-chromium.sh)".into());
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".into());
    }
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        return Some("playwright-core is not installed (npm ci --prefix tests/browser)".into());
    }
    None
}

/// The flag ids and severities of a flags.csv, in its order.
fn flags(csv_path: &Path) -> Vec<(String, String, String)> {
    let bytes = std::fs::read(csv_path).unwrap();
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let h = r.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id, kind, review) = (col("flag_id"), col("kind"), col("review"));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                rec[id].to_string(),
                rec[kind].to_string(),
                rec[review].to_string(),
            )
        })
        .collect()
}

#[test]
fn a_flag_dismissed_in_the_browser_is_ignored_by_the_next_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    if let Some(why) = missing(&browser_dir) {
        let msg = format!("review_browser: SKIPPED: {why}");
        assert!(
            std::env::var_os("PARALLAX_REQUIRE_BROWSER").is_none(),
            "{msg}, but PARALLAX_REQUIRE_BROWSER is set"
        );
        eprintln!("{msg}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let story = tmp.path().join("corpus/china-foreign-policy-relay");
    std::fs::create_dir_all(&story).unwrap();
    for f in std::fs::read_dir(root.join("corpora/china-foreign-policy-relay")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "txt" || e == "toml") {
            std::fs::copy(&f, story.join(f.file_name().unwrap())).unwrap();
        }
    }
    let corpus = tmp.path().join("corpus");
    let first = tmp.path().join("first");
    let out = parallax(&["compare", s(&corpus), "--out", s(&first)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = flags(&first.join("flags.csv"));
    assert!(before.len() >= 2, "{before:?}");
    let (dismiss, confirm) = (&before[0].0, &before[1].0);

    let downloads = tmp.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let page = first.join("html/china-foreign-policy-relay.html");
    let run = Command::new("node")
        .current_dir(&browser_dir)
        .arg("review.mjs")
        .args([
            s(&chromium().unwrap()),
            s(&page),
            dismiss,
            confirm,
            s(&downloads),
        ])
        .output()
        .expect("run node");
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "the browser script failed: {said}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let seen: serde_json::Value = serde_json::from_str(said.trim()).unwrap();
    assert_eq!(seen["barShown"], true, "{seen}");
    assert_eq!(seen["keptAfterReload"], "true", "decision not kept: {seen}");
    assert_eq!(seen["dismissedClass"], true, "{seen}");
    assert_eq!(seen["count"], "2 flags reviewed", "{seen}");
    assert_eq!(seen["ignore.csv"], "ignore.csv", "{seen}");
    let ignore_csv = std::fs::read_to_string(downloads.join("ignore.csv")).unwrap();
    assert!(ignore_csv.contains(dismiss.as_str()) && !ignore_csv.contains(confirm.as_str()));
    let review_csv = std::fs::read_to_string(downloads.join("review.csv")).unwrap();
    assert!(review_csv.contains("checked with the desk"), "{review_csv}");

    // The next run with the exported ignore list: the flag is gone, and
    // counted as ignored.
    let second = tmp.path().join("second");
    let ignore = downloads.join("ignore.csv");
    let out = parallax(&[
        "compare",
        s(&corpus),
        "--out",
        s(&second),
        "--ignore",
        s(&ignore),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = flags(&second.join("flags.csv"));
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|(id, _, _)| id != dismiss), "{after:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("· 1 ignored"), "{stdout}");
    let summary = std::fs::read_to_string(second.join("summary.csv")).unwrap();
    let mut r = csv::Reader::from_reader(summary.trim_start_matches('\u{feff}').as_bytes());
    let col = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "ignored")
        .unwrap();
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!(&rec[col], "1");

    // With review.csv: the dismissed flag is gone, the confirmed one marked.
    let third = tmp.path().join("third");
    let review = downloads.join("review.csv");
    let out = parallax(&[
        "compare",
        s(&corpus),
        "--out",
        s(&third),
        "--ignore",
        s(&review),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let marked = flags(&third.join("flags.csv"));
    assert!(marked.iter().all(|(id, _, _)| id != dismiss));
    assert!(
        marked.iter().any(|(id, _, r)| id == confirm && r == "real"),
        "{marked:?}"
    );
    let html = std::fs::read_to_string(third.join("html/china-foreign-policy-relay.html")).unwrap();
    assert!(html.contains("✓ checked: real"));
    eprintln!("review_browser: chromium reviewed the page: {seen}");
}
