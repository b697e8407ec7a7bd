//! Pairwise alignment of two arbitrary documents, with small limits: the
//! selector byte picks the two languages and whether the banded search (with
//! a band of 1 to 8 sentences) or the full matrix is used; the rest is the
//! two documents separated by NUL, each read by intake, segmented and cut to
//! 40 sentences. The beads cover every sentence of each side exactly once
//! (moved beads included), keep the first side in order, and score in 0..=1.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::align::{AlignOptions, Doc, align};
use parallax::lexicon::Lexicon;
use parallax::segment::sentences;
use parallax_fuzz::{lang_of, parts, selector, version_text};

fuzz_target!(|data: &[u8]| {
    let Some((sel, rest)) = selector(data) else {
        return;
    };
    let [a, b] = parts(rest, 2)[..] else {
        return;
    };
    let (la, lb) = (lang_of(sel), lang_of(sel >> 2));
    let (Some(ta), Some(tb)) = (version_text(a, la), version_text(b, lb)) else {
        return;
    };
    let (sa, sb) = (sentences(&ta, la, false), sentences(&tb, lb, false));
    let da = Doc::from_segmented(la, &ta.text, &sa);
    let db = Doc::from_segmented(lb, &tb.text, &sb);
    let mut options = AlignOptions::default();
    if sel & 0x10 != 0 {
        options.full_matrix_cells = 0;
        options.band = 1 + (sel >> 5) as usize;
    }
    let lexicon = Lexicon::embedded();
    let al = align(&da, &db, &lexicon, &options);
    let (mut seen_a, mut seen_b) = (vec![0u32; da.len()], vec![0u32; db.len()]);
    let mut next_a = 0;
    for bead in &al.beads {
        assert!(
            bead.a.end <= da.len() && bead.b.end <= db.len(),
            "bead {bead:?} outside {}x{}",
            da.len(),
            db.len()
        );
        assert!(!(bead.a.is_empty() && bead.b.is_empty()), "empty bead");
        assert!((0.0..=1.0).contains(&bead.score), "bead {bead:?}");
        if !bead.a.is_empty() {
            assert_eq!(
                bead.a.start, next_a,
                "beads out of order on a: {:?}",
                al.beads
            );
            next_a = bead.a.end;
        }
        bead.a.clone().for_each(|i| seen_a[i] += 1);
        bead.b.clone().for_each(|j| seen_b[j] += 1);
    }
    assert!(
        seen_a.iter().all(|&n| n == 1),
        "a covered {seen_a:?}: {:?}",
        al.beads
    );
    assert!(
        seen_b.iter().all(|&n| n == 1),
        "b covered {seen_b:?}: {:?}",
        al.beads
    );
    let (ca, cb) = al.coverage();
    assert!((0.0..=1.0).contains(&ca) && (0.0..=1.0).contains(&cb));
});
