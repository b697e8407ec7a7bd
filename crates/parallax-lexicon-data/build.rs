//! Compiles the lexicon files of the project's `data/lexicon/` into one
//! binary table in `OUT_DIR`, embedded by this crate's `BLOB` and read by
//! the library's `src/lexicon/blob.rs`. Stemming, pivoting and sorting a
//! million dictionary entries happen here, once per build of this crate
//! (which changes only with the data or the compiler's code), instead of at
//! every start of `parallax`. The code is the library's own
//! (`src/lexicon/compile.rs` and the modules it needs).

#![allow(dead_code)]

#[path = "../../src/lexicon/compile.rs"]
mod compile;
#[path = "../../src/lexicon/fold.rs"]
mod fold;
#[path = "../../src/hash.rs"]
mod hash;
#[path = "../../src/lexicon/index.rs"]
mod index;
#[path = "../../src/lexicon/stem.rs"]
mod stem;

use std::path::Path;

fn read(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let project = Path::new(&root).join("../..");
    let dir = project.join("data/lexicon");
    for src in ["compile.rs", "fold.rs", "index.rs", "stem.rs"] {
        println!(
            "cargo:rerun-if-changed={}",
            project.join("src/lexicon").join(src).display()
        );
    }
    println!(
        "cargo:rerun-if-changed={}",
        project.join("src/hash.rs").display()
    );
    let gpl = std::env::var_os("CARGO_FEATURE_GPL_DATA").is_some();
    let gpl_only = |name: &str| if gpl { read(&dir, name) } else { String::new() };
    let texts = (
        read(&dir, "en-bg.tsv"),
        read(&dir, "de-bg.tsv"),
        gpl_only("de-en.tsv"),
        read(&dir, "core.tsv"),
        read(&dir, "bulstem-rules.tsv"),
        ["bg", "de", "en"].map(|l| read(&dir, &format!("freq-{l}.tsv"))),
        ["bg", "de", "en"].map(|l| read(&dir, &format!("stop-{l}.txt"))),
        ["bg", "de", "en"].map(|l| read(&dir, &format!("lemma-{l}.tsv"))),
        gpl_only("lemma-bg-hunspell.tsv"),
    );
    let sources = compile::Sources {
        en_bg: &texts.0,
        de_bg: &texts.1,
        de_en: &texts.2,
        core: &texts.3,
        bulstem_rules: &texts.4,
        freq: [&texts.5[0], &texts.5[1], &texts.5[2]],
        stop: [&texts.6[0], &texts.6[1], &texts.6[2]],
        lemmas: [&texts.7[0], &texts.7[1], &texts.7[2]],
        lemmas_bg_extra: &texts.8,
    };
    let blob = compile::compile(&sources);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.bin");
    std::fs::write(&out, blob).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
