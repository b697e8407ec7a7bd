//! Divergence scoring of an arbitrary story: the selector byte says two or
//! three versions, which languages and which relay chain; the rest is the
//! versions' texts separated by NUL (each cut to 40 sentences). The story
//! goes through every phase (`pipeline::run`: segment, align, rows,
//! analyse, learn within the story) and `score::score_story`. Every sentence lands
//! in exactly one row, a score per row, flags point at rows that exist and
//! at bytes inside their version's file, divergences stay in 0..=1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::lexicon::Lexicon;
use parallax::pipeline::{Options, run};
use parallax::score::score_story;

fuzz_target!(|data: &[u8]| {
    let Some(story) = parallax_fuzz::story(data) else {
        return;
    };
    let file_len: Vec<(parallax::Lang, usize)> = story
        .versions
        .iter()
        .map(|v| (v.lang, v.text.file_offset(v.text.text.len())))
        .collect();
    let lexicon = Lexicon::embedded();
    let aligned = run(vec![story], &lexicon, None, &Options::default());
    let [al] = &aligned[..] else {
        panic!("one story in, {} out", aligned.len());
    };
    for (v, version) in al.story.versions.iter().enumerate() {
        let mut seen = vec![0u32; al.sentences[v].len()];
        for row in &al.rows {
            row.ids(version.lang).iter().for_each(|&i| seen[i] += 1);
        }
        assert!(
            seen.iter().all(|&n| n == 1),
            "{}: rows cover {seen:?}",
            version.lang
        );
    }
    let scored = score_story(al);
    assert_eq!(scored.rows.len(), al.rows.len());
    for row in &scored.rows {
        for (pair, d) in &row.divergence {
            if let Some(d) = d {
                assert!((0.0..=1.0).contains(d), "{pair:?}: divergence {d}");
            }
        }
    }
    for f in &scored.flags {
        assert!(
            f.row < al.rows.len(),
            "flag row {} of {}",
            f.row,
            al.rows.len()
        );
        for e in &f.evidence {
            let len = file_len.iter().find(|(l, _)| *l == e.lang).map(|x| x.1);
            let len = len.unwrap_or_else(|| panic!("evidence in {}, no such version", e.lang));
            assert!(
                e.span.start <= e.span.end && e.span.end <= len,
                "evidence {e:?} outside {len} bytes"
            );
        }
    }
});
