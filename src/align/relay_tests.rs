//! Condensed relays, the null level, one-by-one gaps and confidence, on a
//! small German story and an English relay of it.

use super::*;
use crate::align::Doc;
use crate::lang::Lang;
use crate::lexicon::Lexicon;

pub(super) const DE: [&str; 12] = [
    "Der Bürgermeister von Leipzig hat am Montag einen neuen Haushalt vorgestellt.",
    "Die Stadt will im nächsten Jahr 40 Millionen Euro für Schulen ausgeben.",
    "Die Opposition kritisierte den Plan als zu teuer.",
    "Viele Eltern warten seit Jahren auf neue Klassenzimmer.",
    "Der Stadtrat wird im Dezember über den Haushalt abstimmen.",
    "Auch die Straßenbahn soll neue Wagen bekommen.",
    "Die Kosten dafür liegen bei zwölf Millionen Euro.",
    "Der Verkehrsverband begrüßte die Entscheidung.",
    "Im Sommer war die Straßenbahn wegen Bauarbeiten oft verspätet.",
    "Die Polizei meldete im Oktober weniger Unfälle als im Vorjahr.",
    "Der Bürgermeister sagte, die Stadt habe keine neuen Schulden gemacht.",
    "Die Steuern sollen im nächsten Jahr nicht steigen.",
];

pub(super) const EN: [&str; 12] = [
    "The mayor of Leipzig presented a new budget on Monday.",
    "The city wants to spend 40 million euros on schools next year.",
    "The opposition criticised the plan as too expensive.",
    "Many parents have been waiting for new classrooms for years.",
    "The city council will vote on the budget in December.",
    "The tram is also to get new carriages.",
    "The costs for this are twelve million euros.",
    "The transport association welcomed the decision.",
    "In summer the tram was often late because of construction work.",
    "Police reported fewer accidents in October than in the previous year.",
    "The mayor said the city had not taken on any new debt.",
    "Taxes are not to rise next year.",
];

fn links(al: &Alignment) -> Vec<(usize, usize)> {
    links_of(&al.beads)
}

/// Every sentence pair `beads` join, sorted (the tests of the passes after
/// the programme share it).
pub(super) fn links_of(beads: &[Bead]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = beads
        .iter()
        .flat_map(|b| {
            b.a.clone()
                .flat_map(move |i| b.b.clone().map(move |j| (i, j)))
        })
        .collect();
    out.sort_unstable();
    out
}

/// A scorer for `a` and `b` calibrated along the diagonal, as the passes
/// after the programme see it (for their tests).
pub(super) fn calibrated_scorer<'a>(
    a: &'a Doc<'a>,
    b: &'a Doc<'a>,
    lexicon: &'a Lexicon,
) -> super::cost::Scorer<'a> {
    let mut scorer = super::cost::Scorer::new(a, b, lexicon, super::Params::default());
    let guide: Vec<usize> = (0..=a.len()).map(|i| i * b.len() / a.len()).collect();
    scorer.calibration = super::calibrate::calibrate(&scorer, &guide).0;
    scorer
}

/// A relay that keeps a third of its source, in passages, links exactly
/// the sentences it kept: the long unmatched rest pulls no sentence into a
/// link or a merge. (Without the German-English dictionary, GPL data, the
/// tram sentence has too little evidence and stays unlinked.)
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn condensed_relay_links_only_what_it_kept() {
    let lexicon = Lexicon::embedded();
    let kept = [0, 1, 5, 6, 10];
    let en: Vec<&str> = kept.iter().map(|&k| EN[k]).collect();
    let a = Doc::from_sentences(Lang::De, DE.to_vec());
    let b = Doc::from_sentences(Lang::En, en);
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let want: Vec<(usize, usize)> = kept.iter().enumerate().map(|(j, &i)| (i, j)).collect();
    assert_eq!(links(&al), want);
    assert_eq!(
        al.condensed().map(|(b_condensed, _)| b_condensed),
        Some(true)
    );
    assert!(!al.not_translations());
    for bead in al.beads.iter().filter(|b| !b.is_skip()) {
        assert!(bead.confidence > 0.5, "{bead:?}");
    }
}

/// A sentence the relay wrote itself, standing where the source has one it
/// left out, stays unmatched however well its length fits: its words show
/// it is not that sentence's translation.
#[test]
fn an_added_sentence_is_not_linked_by_its_place() {
    let lexicon = Lexicon::embedded();
    let mut en: Vec<&str> = EN.to_vec();
    en[9] = "The museum reopened its east wing after a long renovation.";
    let a = Doc::from_sentences(Lang::De, DE.to_vec());
    let b = Doc::from_sentences(Lang::En, en);
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let l = links(&al);
    assert!(!l.contains(&(9, 9)), "{l:?}");
    assert_eq!(l.len(), 11, "{l:?}");
}

/// A short line the lexicon cannot match, between two links on both sides,
/// is linked by its position, with a confidence that says so.
#[test]
fn one_by_one_gap_is_linked_by_position() {
    let lexicon = Lexicon::embedded();
    let de = [DE[0], DE[1], "Das ist sehr schade.", DE[3], DE[4]];
    let en = [EN[0], EN[1], "That is a shame.", EN[3], EN[4]];
    let a = Doc::from_sentences(Lang::De, de.to_vec());
    let b = Doc::from_sentences(Lang::En, en.to_vec());
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    assert_eq!(links(&al), (0..5).map(|k| (k, k)).collect::<Vec<_>>());
    let gap = al.beads.iter().find(|b| b.a == (2..3)).unwrap();
    assert!(gap.confidence <= confidence::POSITION, "{gap:?}");
    // Rows are as sure as their weakest bead.
    let rows = two_way([Lang::De, Lang::En], &al.beads);
    assert_eq!(rows[2].confidence, gap.confidence);
    assert!(rows.iter().all(|r| (0.0..=1.0).contains(&r.confidence)));
}

#[test]
fn condensed_has_one_definition() {
    assert!(pair::is_condensed(0.5));
    assert!(!pair::is_condensed(pair::CONDENSED_BELOW));
}

/// A passage the relay moved to the top is found as a whole, each of its
/// sentences marked moved, and every link stays right.
#[test]
fn moved_passage_is_found_as_a_block() {
    let lexicon = Lexicon::embedded();
    let order = [8, 9, 10, 0, 1, 2, 3, 4, 5, 6, 7, 11];
    let en: Vec<&str> = order.iter().map(|&k| EN[k]).collect();
    let a = Doc::from_sentences(Lang::De, DE.to_vec());
    let b = Doc::from_sentences(Lang::En, en);
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let mut want: Vec<(usize, usize)> = order.iter().enumerate().map(|(j, &i)| (i, j)).collect();
    want.sort_unstable();
    assert_eq!(links(&al), want);
    let moved: Vec<usize> = al
        .beads
        .iter()
        .filter(|b| b.moved)
        .flat_map(|b| b.a.clone())
        .collect();
    assert_eq!(moved, [8, 9, 10]);
}

/// Versions that are not translations of each other get the verdict and
/// no links at all.
#[test]
fn unrelated_versions_are_not_aligned() {
    let lexicon = Lexicon::embedded();
    let other = [
        "A storm brought heavy rain to the coast on Friday night.",
        "Several roads were closed after trees fell onto them.",
        "The harbour was shut to all ships until Saturday morning.",
        "Thousands of homes lost power for several hours.",
        "Firefighters pumped water out of flooded cellars.",
        "The weather service had warned of winds up to 120 kilometres an hour.",
        "Schools in the region stayed closed.",
        "A fisherman was rescued from his boat by a helicopter.",
        "Farmers fear damage to the harvest.",
        "The storm is expected to move north on Sunday.",
        "Insurers have not yet estimated the cost.",
        "More rain is forecast for next week.",
    ];
    let a = Doc::from_sentences(Lang::De, DE.to_vec());
    let b = Doc::from_sentences(Lang::En, other.to_vec());
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    assert!(al.not_translations(), "{:?}", al.calibration);
    assert!(links(&al).is_empty());
    assert!(al.beads.iter().all(|b| b.confidence == 0.0));
}

/// The passage as the unit: a moved passage keeps a short line whose words
/// the lexicon cannot tell ("Yes." / „Ja.“) between two lines with
/// evidence; its position inside the passage links it, with a lower
/// confidence than its neighbours.
#[test]
fn short_line_inside_a_moved_passage_follows_it() {
    let lexicon = Lexicon::embedded();
    let mut de = DE.to_vec();
    de.insert(9, "„Ja.“");
    let mut en_all = EN.to_vec();
    en_all.insert(9, "\"Yes.\"");
    // The relay opens with source lines 8-10 (the short answer in the
    // middle), then keeps the start.
    let order = [8, 9, 10, 0, 1, 2, 3, 4];
    let en: Vec<&str> = order.iter().map(|&k| en_all[k]).collect();
    let a = Doc::from_sentences(Lang::De, de);
    let b = Doc::from_sentences(Lang::En, en);
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let mut want: Vec<(usize, usize)> = order.iter().enumerate().map(|(j, &i)| (i, j)).collect();
    want.sort_unstable();
    assert_eq!(links(&al), want);
    let short = al.beads.iter().find(|b| b.a == (9..10)).expect("a bead");
    let strong = al.beads.iter().find(|b| b.a == (8..9)).expect("a bead");
    assert!(short.moved, "{short:?}");
    // Without the German-English dictionary (GPL data) the neighbour has
    // little evidence of its own, and "Yes." = „Ja.“ (in the core
    // dictionary) is the surer link.
    if cfg!(feature = "gpl-data") {
        assert!(short.confidence < strong.confidence, "{short:?} {strong:?}");
    }
}

/// A moved sentence the relay merged from two of the source's is found as
/// one moved bead (2-1), and the links in order stay right. (Without the
/// German-English dictionary, GPL data, the tram sentence has too little
/// evidence of its own for a merge.)
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn moved_sentence_merged_from_two_is_found() {
    let lexicon = Lexicon::embedded();
    // The relay opens with source lines 5 and 6 in one sentence, then
    // keeps lines 0-3.
    let merged = format!("{} {}", EN[5], EN[6]);
    let en: Vec<&str> = [merged.as_str(), EN[0], EN[1], EN[2], EN[3]].to_vec();
    let a = Doc::from_sentences(Lang::De, DE.to_vec());
    let b = Doc::from_sentences(Lang::En, en);
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let bead = al.beads.iter().find(|b| b.b == (0..1)).expect("a bead");
    assert_eq!((bead.a.clone(), bead.moved), (5..7, true), "{:?}", al.beads);
    assert_eq!(links(&al)[..2], [(0, 1), (1, 2)]);
}

/// A relay line cut off mid-sentence, kept right after a link and before a
/// passage the relay left out, is linked to the source sentence it
/// excerpts: its words are that sentence's, though its length is not.
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn an_excerpt_cut_off_before_a_dropped_passage_is_linked() {
    let lexicon = Lexicon::embedded();
    let cut = "The opposition criticised the plan";
    let en = [EN[0], EN[1], cut, EN[8], EN[9]];
    let a = Doc::from_sentences(Lang::De, DE[..].to_vec());
    let b = Doc::from_sentences(Lang::En, en.to_vec());
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let l = links(&al);
    assert!(l.contains(&(2, 2)), "{l:?}");
    assert!((3..8).all(|i| !l.contains(&(i, 2))), "{l:?}");
}

/// A moved line the relay cut off mid-sentence (its words nearly all the
/// source sentence's, which has more of its own) is found as a moved
/// passage of one sentence.
#[test]
fn moved_line_cut_off_mid_sentence_is_found() {
    let lexicon = Lexicon::embedded();
    let cut = "The mayor said the city";
    let en = [cut, EN[0], EN[1], EN[2], EN[3]];
    let a = Doc::from_sentences(Lang::De, DE[..].to_vec());
    let b = Doc::from_sentences(Lang::En, en.to_vec());
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let l = links(&al);
    assert!(l.contains(&(10, 0)), "{l:?}");
    assert_eq!(l.iter().filter(|x| x.1 == 0).count(), 1, "{l:?}");
}

/// A short summary, half of its lines its own: the two it kept are linked,
/// its own stay alone, and the lexicon still counts as informative.
#[test]
fn a_short_summary_of_mostly_its_own_lines_is_still_aligned() {
    let lexicon = Lexicon::embedded();
    let en = [
        "Firefighters pumped water out of flooded cellars.",
        EN[1],
        "A fisherman was rescued from his boat by a helicopter.",
        EN[4],
        "The harbour stayed shut until Saturday.",
    ];
    let a = Doc::from_sentences(Lang::De, DE[..].to_vec());
    let b = Doc::from_sentences(Lang::En, en.to_vec());
    let al = align(&a, &b, &lexicon, &AlignOptions::default());
    let l = links(&al);
    assert_eq!(l, [(1, 1), (4, 3)]);
    assert!(
        al.calibration.informativeness() > 0.5,
        "{:?}",
        al.calibration
    );
}
