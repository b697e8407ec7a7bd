//! `parallax discover` through the binary, on the shuffled-corpora trial:
//! every version of every bundled story (corpora/) is put into an outlet
//! folder under a meaningless file name, so nothing but the texts says
//! which belong together. Discovery must rebuild the 23 stories, and where
//! each version carries a date line, the relay chain of `story.toml`;
//! without dates it must not claim a chain it cannot know.

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

/// A bundled story: its folder name, the chain, the date and the texts.
struct Story {
    name: String,
    chain: Vec<String>,
    date: String,
    texts: BTreeMap<String, String>,
}

fn bundled() -> Vec<Story> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("story.toml").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let meta: toml::Table =
            toml::from_str(&std::fs::read_to_string(dir.join("story.toml")).unwrap()).unwrap();
        let chain: Vec<String> = meta["chain"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let date = match &meta["date"] {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let texts = chain
            .iter()
            .map(|l| {
                let text = std::fs::read_to_string(dir.join(format!("{l}.txt"))).unwrap();
                (l.clone(), text)
            })
            .collect();
        out.push(Story {
            name: dir.file_name().unwrap().to_string_lossy().into_owned(),
            chain,
            date,
            texts,
        });
    }
    out
}

/// A small deterministic generator (the test must not depend on a seed
/// that changes between runs).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A date line as an outlet in that language would print it.
fn date_line(lang: &str, date: &str, hour: usize) -> String {
    let (y, rest) = date.split_at(4);
    let (m, d) = (&rest[1..3], &rest[4..6]);
    match lang {
        "de" => format!("Veröffentlicht: {d}.{m}.{y}, {hour:02}:15 Uhr"),
        "bg" => format!("Публикувано на {d}.{m}.{y} в {hour:02}:15 ч."),
        _ => format!("{date} {hour:02}:15"),
    }
}

/// Writes every version into an outlet folder under `dir`; returns the
/// path each (story, language) got, relative to `dir`.
fn shuffle(stories: &[Story], dir: &Path, dated: bool) -> BTreeMap<String, (usize, String)> {
    let outlets = [
        ("bg", ["trud", "dnevnik", "bnr"]),
        ("de", ["faz", "taz", "sz"]),
        ("en", ["bbc", "guardian", "reuters"]),
    ];
    let mut rng = Lcg(19);
    let mut placed = BTreeMap::new();
    for (k, story) in stories.iter().enumerate() {
        for (step, lang) in story.chain.iter().enumerate() {
            let names = outlets.iter().find(|o| o.0 == lang).unwrap().1;
            let outlet = names[rng.below(names.len())];
            let file = format!("{outlet}/{:06}.txt", rng.below(1_000_000));
            let text = story.texts[lang].trim_end().to_string();
            let text = if !dated {
                text
            } else if (k + step) % 2 == 0 {
                format!("{}\n\n{text}\n", date_line(lang, &story.date, 8 + 3 * step))
            } else {
                format!("{text}\n\n{}\n", date_line(lang, &story.date, 8 + 3 * step))
            };
            std::fs::create_dir_all(dir.join(outlet)).unwrap();
            std::fs::write(dir.join(&file), text).unwrap();
            placed.insert(file, (k, lang.clone()));
        }
    }
    placed
}

/// A story folder found: its versions (language → text) and its chain.
type Found = (BTreeMap<String, String>, Option<Vec<String>>);

/// The records of a CSV file written with --no-bom, header left out.
fn records(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The story folders written: each one's versions (language → text) and
/// its chain, if any.
fn story_folders(out: &Path) -> Vec<Found> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(out.join("stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| {
            let texts = ["bg", "de", "en"]
                .iter()
                .filter_map(|l| {
                    let t = std::fs::read_to_string(d.join(format!("{l}.txt"))).ok()?;
                    Some((l.to_string(), t))
                })
                .collect();
            let meta: toml::Table =
                toml::from_str(&std::fs::read_to_string(d.join("story.toml")).unwrap()).unwrap();
            let chain = meta.get("chain").map(|c| {
                c.as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            });
            (texts, chain)
        })
        .collect()
}

/// Which bundled story a story folder holds, if all its versions are of
/// one story.
fn which(stories: &[Story], texts: &BTreeMap<String, String>) -> Option<usize> {
    let hits: Vec<usize> = (0..stories.len())
        .filter(|&k| {
            texts
                .iter()
                .all(|(l, t)| t.contains(stories[k].texts[l].trim_end().lines().next().unwrap()))
        })
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// Runs discover on the shuffled archive (with `--compare` when dated);
/// checks the groups and returns the story folders.
fn discover_shuffled(dated: bool) -> (Vec<Story>, Vec<Found>) {
    let tmp = tempfile::tempdir().unwrap();
    let (archive, out) = (tmp.path().join("archive"), tmp.path().join("found"));
    let stories = bundled();
    assert!(
        stories.len() >= 20,
        "corpora/ should hold the bundled stories"
    );
    let placed = shuffle(&stories, &archive, dated);
    let mut args = vec!["discover", s(&archive), "--out", s(&out), "--no-bom"];
    if dated {
        args.push("--compare");
    }
    let run = parallax(&args);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    if dated {
        // The stories found, compared as `parallax compare` would.
        let summary = records(&out.join("report/summary.csv"));
        let found: Vec<&str> = summary.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(summary.len(), stories.len(), "stories found: {found:?}");
    }
    // groups.csv: every file once, and the groups are the stories.
    let rows = records(&out.join("groups.csv"));
    assert_eq!(rows.len(), placed.len());
    let mut group_of_story: BTreeMap<usize, String> = BTreeMap::new();
    let mut story_of_group: BTreeMap<String, usize> = BTreeMap::new();
    for row in &rows {
        let (group, path, lang, role) = (&row[0], &row[1], &row[2], &row[3]);
        let (k, want_lang) = &placed[path];
        assert_eq!(lang, want_lang, "{path}");
        assert_ne!(
            role, "single",
            "{path} ({}) found no counterpart",
            stories[*k].name
        );
        let g = group_of_story.entry(*k).or_insert_with(|| group.clone());
        assert_eq!(g, group, "{} is split across groups", stories[*k].name);
        let other = story_of_group.entry(group.clone()).or_insert(*k);
        assert_eq!(*other, *k, "group {group} joins two stories");
        if dated {
            // With dates, roles and sources follow the chain.
            let chain = &stories[*k].chain;
            let step = chain.iter().position(|l| l == lang).unwrap();
            let want_role = if step == 0 { "original" } else { "relay" };
            assert_eq!(role, want_role, "{path} in {}", stories[*k].name);
            if step > 0 {
                let source = placed.get(&row[4]).map(|(_, l)| l.as_str());
                assert_eq!(
                    source,
                    Some(chain[step - 1].as_str()),
                    "{path} in {}",
                    stories[*k].name
                );
            }
        }
    }
    assert_eq!(group_of_story.len(), stories.len());
    let folders = story_folders(&out);
    (stories, folders)
}

#[test]
fn shuffled_dated_corpora_rebuild_the_stories_and_their_chains() {
    let (stories, folders) = discover_shuffled(true);
    assert_eq!(folders.len(), stories.len());
    let mut seen = vec![false; stories.len()];
    for (texts, chain) in &folders {
        let k = which(&stories, texts).expect("a folder holds one story");
        assert!(!seen[k], "{} is in two folders", stories[k].name);
        seen[k] = true;
        assert_eq!(texts.len(), 3, "{}", stories[k].name);
        assert_eq!(
            chain.as_ref(),
            Some(&stories[k].chain),
            "{}",
            stories[k].name
        );
    }
}

#[test]
fn shuffled_undated_corpora_rebuild_the_stories_without_guessing_chains() {
    let (stories, folders) = discover_shuffled(false);
    assert_eq!(folders.len(), stories.len());
    for (texts, chain) in &folders {
        let k = which(&stories, texts).expect("a folder holds one story");
        assert_eq!(texts.len(), 3, "{}", stories[k].name);
        // Full translations cover each other equally: without dates the
        // order cannot be told, and a chain given must be the right one.
        if let Some(chain) = chain {
            assert_eq!(chain, &stories[k].chain, "{}", stories[k].name);
        }
    }
}
