//! The passes that link by position in a faithful translation: uneven gaps
//! (`gaps`) and silent halves of a split sentence (`halves`), on the small
//! German story of `relay_tests` and its English translation.

use super::relay_tests::{DE, EN, links_of};
use super::*;
use crate::align::Doc;
use crate::lang::Lang;
use crate::lexicon::Lexicon;

fn aligned(de: &[&str], en: &[&str]) -> Alignment {
    let a = Doc::from_sentences(Lang::De, de.to_vec());
    let b = Doc::from_sentences(Lang::En, en.to_vec());
    align(&a, &b, &Lexicon::embedded(), &AlignOptions::default())
}

/// One short line on one side, and on the other its translation beside a
/// sentence from elsewhere (WMT generaltest2022 with hard-case edits: "Das
/// darfst du auch." / "You are able to do that." stayed alone beside an
/// inserted line): the pair is linked by its position, the inserted line
/// stays alone, and the link's confidence says it rests on position.
#[test]
fn uneven_gap_links_the_pair_beside_an_inserted_sentence() {
    let inserted = "The museum reopened its east wing after a long renovation of the roof.";
    let de = [DE[0], DE[1], "Das ist sehr schade.", DE[3], DE[4]];
    let en = [EN[0], EN[1], inserted, "That is a shame.", EN[3], EN[4]];
    let al = aligned(&de, &en);
    assert_eq!(
        links_of(&al.beads),
        [(0, 0), (1, 1), (2, 3), (3, 4), (4, 5)]
    );
    let gap = al.beads.iter().find(|b| b.a == (2..3)).unwrap();
    assert!(
        gap.confidence <= confidence::POSITION * confidence::POSITION,
        "{gap:?}"
    );
    assert!(al.beads.iter().any(|b| b.a.is_empty() && b.b == (2..3)));
}

/// Two long sentences that share nothing, in an uneven gap, are a deleted
/// and an inserted one: no pair is made of them.
#[test]
fn uneven_gap_of_unrelated_long_sentences_stays_apart() {
    let de = [DE[0], DE[1], DE[9], DE[3], DE[4]];
    let en = [
        EN[0],
        EN[1],
        "The museum reopened its east wing after a long renovation of the roof.",
        "A new exhibition on medieval painting will open there next spring.",
        EN[3],
        EN[4],
    ];
    let al = aligned(&de, &en);
    assert_eq!(links_of(&al.beads), [(0, 0), (1, 1), (3, 4), (4, 5)]);
}

/// A sentence the translation split in two, one half with nothing the
/// lexicon can show ("In spite of that."), is one bead, by the lengths:
/// regression test for WMT generaltest2022, where such halves stood alone
/// and read as added sentences.
#[test]
fn a_silent_half_of_a_split_sentence_joins_its_link() {
    let de = [
        DE[0],
        DE[1],
        "Trotz alledem und trotz allem ein kleines Lob: der Bürgermeister hat es gut gemacht.",
        DE[3],
        DE[4],
    ];
    let en = [
        EN[0],
        EN[1],
        "In spite of it all, and despite everything.",
        "Some praise: the mayor did well.",
        EN[3],
        EN[4],
    ];
    let al = aligned(&de, &en);
    let split = al.beads.iter().find(|b| b.a == (2..3)).unwrap();
    assert_eq!(split.b, 2..4, "{:?}", al.beads);
    assert_eq!(links_of(&al.beads).len(), 6);
}

/// A short line one version dropped changes its neighbours' length fit
/// little: it stays alone.
#[test]
fn a_dropped_short_line_stays_alone() {
    let de = [DE[0], DE[1], DE[2], "Mehr nicht.", DE[3], DE[4]];
    let en = [EN[0], EN[1], EN[2], EN[3], EN[4]];
    let al = aligned(&de, &en);
    assert_eq!(
        links_of(&al.beads),
        [(0, 0), (1, 1), (2, 2), (4, 3), (5, 4)],
        "{:?}",
        al.beads
    );
}
