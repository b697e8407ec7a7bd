//! `story.toml`: the input is the metadata file of a story folder whose
//! versions are two short fixed texts; the folder is read with
//! `load_story` as `compare` reads it (the parser behind it is private to
//! the corpus module). Refusals are fine; a panic is not. Accepted metadata
//! keeps its promises: a chain names no language twice and starts with the
//! original.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::{ReadOptions, load_story};

const BG: &str = "Китай е изправен пред катастрофа.\n";
const DE: &str = "China droht eine Niederlage.\n";

fuzz_target!(|data: &[u8]| {
    let dir = parallax_fuzz::scratch().join("story");
    if !dir.is_dir() {
        std::fs::create_dir_all(&dir).expect("story folder");
        std::fs::write(dir.join("bg.txt"), BG).expect("bg.txt");
        std::fs::write(dir.join("de.txt"), DE).expect("de.txt");
    }
    std::fs::write(dir.join("story.toml"), data).expect("story.toml");
    let Ok(story) = load_story(&dir, &ReadOptions::default()) else {
        return;
    };
    let chain = &story.meta.chain;
    for (i, l) in chain.iter().enumerate() {
        assert!(!chain[..i].contains(l), "chain {chain:?} names {l} twice");
    }
    if let Some(first) = chain.first() {
        assert_eq!(story.meta.original, Some(*first), "chain {chain:?}");
    }
    for v in &story.versions {
        let _ = story.meta.source_of(v.lang);
    }
});
