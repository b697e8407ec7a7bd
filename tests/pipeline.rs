//! The pipeline's phases on the bundled corpora, through the library API.

use std::path::PathBuf;

use parallax::corpus::{find_stories, load_story};
use parallax::lexicon::Lexicon;
use parallax::pipeline::{self, Options};
use parallax::{ReadOptions, Story};

fn stories() -> Vec<Story> {
    find_stories(&[PathBuf::from("corpora")])
        .into_iter()
        .map(|d| load_story(&d.unwrap(), &ReadOptions::default()).unwrap())
        .collect()
}

#[test]
fn aligned_stories_keep_analyses_and_the_learned_table() {
    let lexicon = Lexicon::embedded();
    let aligned = pipeline::run(stories(), &lexicon, None, &Options::default());
    assert!(!aligned.is_empty());
    // A run learns nothing from its corpus unless given a table.
    assert!(aligned.iter().all(|al| al.learned.is_empty()));
    let learned = pipeline::learn(&stories(), &lexicon, &Options::default());
    assert!(
        !learned.is_empty(),
        "learning over the corpora (parallax learn) learned nothing"
    );
    for al in &aligned {
        assert_eq!(al.analysed.len(), al.sentences.len());
        for (a, s) in al.analysed.iter().zip(&al.sentences) {
            assert_eq!(a.len(), s.len(), "{}", al.story.name);
        }
        // Every sentence of every version is in exactly one row.
        for (v, lang) in al.langs().into_iter().enumerate() {
            let mut ids: Vec<usize> = al.rows.iter().flat_map(|r| r.ids(lang).to_vec()).collect();
            ids.sort();
            assert_eq!(
                ids,
                (0..al.sentences[v].len()).collect::<Vec<_>>(),
                "{} {lang}",
                al.story.name
            );
        }
    }
    // The table survives its file format: a run given the table and one
    // given the file say the same, and keep the table.
    let text = learned.to_tsv();
    let loaded =
        parallax::align::LearnedTables::from_tsv(&text, std::path::Path::new("t.tsv")).unwrap();
    let with_table = pipeline::run(
        stories(),
        &lexicon,
        Some(learned.clone()),
        &Options::default(),
    );
    let again = pipeline::run(stories(), &lexicon, Some(loaded), &Options::default());
    for (x, y) in with_table.iter().zip(&again) {
        assert_eq!(x.rows, y.rows, "{}", x.story.name);
        assert_eq!(*x.learned, learned);
    }
}
