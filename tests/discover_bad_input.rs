//! `parallax discover` on bad input and its determinism: bad files are
//! reported per file (errors.csv, stderr, exit 1 at the end) without
//! stopping the run, files in other languages are singles with a note,
//! copies join their original's group with a note, the input is never
//! modified, and the output is byte-identical at any thread count and in
//! any input order.

use std::collections::BTreeMap;
use std::fs;
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

fn corpus_file(story: &str, lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora")
        .join(story)
        .join(format!("{lang}.txt"));
    fs::read_to_string(path).unwrap()
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// An archive of two outlets: two stories in three languages each, and
/// every kind of bad or odd file.
fn archive(root: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = (root.join("outlet-a"), root.join("outlet-b"));
    fs::create_dir_all(a.join("2026")).unwrap();
    fs::create_dir_all(&b).unwrap();
    let put = |p: PathBuf, text: &[u8]| fs::write(p, text).unwrap();
    for (k, story) in ["hamburg-port-strike", "vidin-danube-flood"]
        .iter()
        .enumerate()
    {
        put(
            a.join(format!("{k}-de.txt")),
            corpus_file(story, "de").as_bytes(),
        );
        put(
            b.join(format!("{k}-bg.txt")),
            corpus_file(story, "bg").as_bytes(),
        );
        put(
            a.join("2026").join(format!("{k}-en.txt")),
            corpus_file(story, "en").as_bytes(),
        );
    }
    // A copy of the first German article, byte for byte.
    put(
        b.join("copy.txt"),
        corpus_file("hamburg-port-strike", "de").as_bytes(),
    );
    put(a.join("empty.txt"), b"");
    put(b.join("binary.txt"), b"PK\x03\x04\0\0binary\0data");
    put(
        b.join("french.txt"),
        "Le conseil municipal a adopté hier soir le budget de la ville pour l'année \
         prochaine. Les dépenses de fonctionnement augmentent de quatre pour cent. \
         L'opposition a critiqué la hausse des impôts locaux et la baisse des \
         investissements dans les écoles."
            .as_bytes(),
    );
    put(a.join("notes.md"), b"not an article");
    (a, b)
}

/// `groups.csv` as records (written with --no-bom), by path.
fn groups(out: &Path) -> BTreeMap<String, Vec<String>> {
    let mut reader = csv::Reader::from_path(out.join("groups.csv")).unwrap();
    reader
        .records()
        .map(|r| {
            let r: Vec<String> = r.unwrap().iter().map(str::to_string).collect();
            (r[1].clone(), r)
        })
        .collect()
}

#[test]
fn bad_files_are_reported_and_the_rest_is_grouped() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = archive(tmp.path());
    let before = files(tmp.path());
    let out = tmp.path().join("found");
    let run = parallax(&["discover", s(&a), s(&b), "--out", s(&out), "--no-bom"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for name in ["empty.txt", "binary.txt"] {
        assert!(stderr.contains(name), "stderr should name {name}: {stderr}");
    }
    assert!(stderr.contains("french.txt"), "{stderr}");
    let errors = fs::read_to_string(out.join("errors.csv")).unwrap();
    assert!(errors.contains("outlet-a/empty.txt"), "{errors}");
    assert!(errors.contains("outlet-b/binary.txt"), "{errors}");
    assert_eq!(errors.lines().count(), 3, "{errors}");
    // Every .txt file once, paths relative to the folder both share.
    let g = groups(&out);
    assert_eq!(g.len(), 10, "{g:?}");
    assert!(!g.contains_key("outlet-a/notes.md"));
    let group = |p: &str| g[p][0].clone();
    assert_eq!(group("outlet-a/0-de.txt"), group("outlet-b/0-bg.txt"));
    assert_eq!(group("outlet-a/0-de.txt"), group("outlet-a/2026/0-en.txt"));
    assert_eq!(group("outlet-a/1-de.txt"), group("outlet-b/1-bg.txt"));
    assert_ne!(group("outlet-a/0-de.txt"), group("outlet-a/1-de.txt"));
    // The copy: in its original's group, relayed from it, with a note.
    let copy = &g["outlet-b/copy.txt"];
    assert_eq!(copy[0], group("outlet-a/0-de.txt"));
    assert_eq!(copy[4], "outlet-a/0-de.txt");
    assert!(copy[7].contains("the same bytes"), "{copy:?}");
    // Another language: a single with a note; bad files: singles too.
    let french = &g["outlet-b/french.txt"];
    assert_eq!(french[3], "single");
    assert!(french[7].contains("another language"), "{french:?}");
    assert_eq!(g["outlet-a/empty.txt"][3], "single");
    // Story folders hold the versions, never the copy.
    let stories = files(&out.join("stories"));
    assert!(stories.keys().all(|k| !k.contains("copy")));
    assert_eq!(files(tmp.path()).len(), before.len() + files(&out).len());
    for (path, bytes) in &before {
        assert_eq!(&files(tmp.path())[path], bytes, "{path} was modified");
    }
}

#[test]
fn output_is_the_same_at_any_thread_count_and_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = archive(tmp.path());
    let mut outputs = Vec::new();
    for (k, (first, second, jobs)) in [(&a, &b, "1"), (&b, &a, "2"), (&a, &b, "3")]
        .into_iter()
        .enumerate()
    {
        let out = tmp.path().join(format!("found-{k}"));
        let run = parallax(&[
            "discover",
            s(first),
            s(second),
            "--out",
            s(&out),
            "-j",
            jobs,
        ]);
        assert_eq!(run.status.code(), Some(1));
        outputs.push((
            files(&out),
            String::from_utf8_lossy(&run.stdout).into_owned(),
        ));
    }
    assert!(outputs[0].0.contains_key("groups.csv"));
    assert!(outputs[0].0.keys().any(|k| k.ends_with("story.toml")));
    for other in &outputs[1..] {
        assert_eq!(other.0, outputs[0].0, "files differ");
    }
}

#[test]
fn usage_errors_and_an_unreadable_path() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, _) = archive(tmp.path());
    // The output folder inside the archive would be read back next time.
    let inside = parallax(&["discover", s(&a), "--out", s(&a.join("found"))]);
    assert_eq!(inside.status.code(), Some(2));
    // A path that does not exist is reported and the rest still runs.
    let out = tmp.path().join("found");
    let missing = tmp.path().join("no-such-folder");
    let run = parallax(&["discover", s(&a), s(&missing), "--out", s(&out)]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    assert!(out.join("groups.csv").is_file());
    // A second run into the same folder needs --force.
    let again = parallax(&["discover", s(&a), "--out", s(&out)]);
    assert_eq!(again.status.code(), Some(2));
    let forced = parallax(&["discover", s(&a), "--out", s(&out), "--force"]);
    assert_eq!(forced.status.code(), Some(1));
}
