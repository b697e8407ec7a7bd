//! User lexicon TSV (`--lexicon FILE`): the input is written to a file and
//! added with `Lexicon::add_user_file`, which only takes a path. A bad row
//! is an error, never a panic; after a file is accepted, every pair in it
//! can be looked up in both directions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Lang;
use parallax::lexicon::Lexicon;

fuzz_target!(|data: &[u8]| {
    let path = parallax_fuzz::scratch().join("lexicon.tsv");
    std::fs::write(&path, data).expect("lexicon.tsv");
    let mut lexicon = Lexicon::embedded();
    let Ok(added) = lexicon.add_user_file(&path) else {
        return;
    };
    if added > 0 {
        assert!(lexicon.added_pairs() > 0, "{added} rows added, no pairs");
    }
    let text = String::from_utf8_lossy(data);
    for line in text.lines() {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [la, wa, lb, wb] = cells[..] else {
            continue;
        };
        let (Some(la), Some(lb)) = (Lang::from_code(la), Lang::from_code(lb)) else {
            continue;
        };
        let _ = lexicon.translate(la, wa, lb);
        let _ = lexicon.translate(lb, wb, la);
        let _ = lexicon.stems(la, wa);
    }
});
