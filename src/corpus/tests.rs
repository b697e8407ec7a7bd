use super::*;
use std::fs;

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

const DE: &str = "Die Regierung kündigte am Montag neue Maßnahmen gegen die steigenden Preise an.";
const EN: &str = "The government announced new measures against rising prices on Monday.";
const BG: &str = "Правителството обяви в понеделник нови мерки срещу растящите цени.";

#[test]
fn loads_versions_in_language_order() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "en.txt", EN);
    write(tmp.path(), "bg.txt", BG);
    write(tmp.path(), "notes.md", "not a version");
    let story = load_story(tmp.path(), &ReadOptions::default()).unwrap();
    assert_eq!(story.langs(), [Lang::Bg, Lang::En]);
    assert!(story.warnings.is_empty(), "{:?}", story.warnings);
}

#[test]
fn other_file_names_are_detected() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "article.txt", DE);
    write(tmp.path(), "en.txt", EN);
    let story = load_story(tmp.path(), &ReadOptions::default()).unwrap();
    assert_eq!(story.langs(), [Lang::De, Lang::En]);
}

#[test]
fn story_errors() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("de.txt", DE)], "at least two versions"),
        (
            &[("de.txt", DE), ("artikel.txt", DE)],
            "two files claim language de",
        ),
        (&[("de.txt", DE), ("en.txt", "  \n")], "empty"),
        (
            &[("de.txt", DE), ("en.txt", EN), ("story.toml", "chain = 3")],
            "story.toml",
        ),
    ];
    for (files, want) in cases {
        let tmp = tempfile::tempdir().unwrap();
        for (name, text) in *files {
            write(tmp.path(), name, text);
        }
        let err = load_story(tmp.path(), &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains(want), "{files:?}: {err}");
    }
}

#[test]
fn misnamed_version_is_an_error_unless_the_name_is_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "de.txt", EN);
    write(tmp.path(), "bg.txt", BG);
    let err = load_story(tmp.path(), &ReadOptions::default()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("de.txt") && msg.contains("named de but the text is en"),
        "{msg}"
    );
    let trusted = ReadOptions {
        trust_names: true,
        ..ReadOptions::default()
    };
    let story = load_story(tmp.path(), &trusted).unwrap();
    assert_eq!(story.langs(), [Lang::Bg, Lang::De]);
    // With a third, good version the story goes on without the bad one.
    write(tmp.path(), "en.txt", EN);
    let story = load_story(tmp.path(), &ReadOptions::default()).unwrap();
    assert_eq!(story.langs(), [Lang::Bg, Lang::En]);
    assert_eq!(story.failed.len(), 1);
    assert!(story.failed[0].path.ends_with("de.txt"));
    // story.toml's lang table decides too.
    write(tmp.path(), "story.toml", "lang = { \"de.txt\" = \"de\" }");
    let story = load_story(tmp.path(), &ReadOptions::default()).unwrap();
    assert_eq!(story.langs(), [Lang::Bg, Lang::De, Lang::En]);
}

#[test]
fn finds_stories_recursively_and_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["b/story2", "a/story1", "a/story1/gold"] {
        fs::create_dir_all(tmp.path().join(name)).unwrap();
    }
    write(&tmp.path().join("a/story1"), "de.txt", DE);
    write(&tmp.path().join("b/story2"), "en.txt", EN);
    let found: Vec<PathBuf> = find_stories(&[tmp.path().to_path_buf()])
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        found,
        [tmp.path().join("a/story1"), tmp.path().join("b/story2")]
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("c/x")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("c"), tmp.path().join("c/x/back")).unwrap();
    let found = find_stories(&[tmp.path().join("c")]);
    let errors: Vec<String> = found
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert!(
        errors.iter().any(|e| e.contains("symbolic link loop")),
        "{errors:?}"
    );
}

#[test]
fn story_keys_are_paths_below_the_corpus() {
    use std::path::Path;
    let cases = [
        ("corpora", "corpora/a/x", "a/x"),
        ("corpora", "corpora/b/x", "b/x"),
        ("corpora/a/x", "corpora/a/x", "x"),
        ("./c", "./c/s", "s"),
    ];
    for (root, dir, want) in cases {
        assert_eq!(story_key(Path::new(root), Path::new(dir)), want);
    }
}
