//! Part of a row left out (O3) or added (A3): a sentence the aligner
//! merged into its neighbour's row, or a clause, where the target runs far
//! shorter or longer than a translation would; not a faithful translation,
//! and not a headline, which every version writes in its own way.

use super::check;
use crate::Lang::*;

#[test]
fn part_of_a_row_left_out_is_found() {
    check(&[(
        (
            En,
            "A 16-year-old boy has been charged with murder in the fatal shooting of two students at a Chicago high school in December, police announced Friday; \
             the suspect is charged with two counts of felony first-degree murder and two counts of felony attempted murder, Chicago Police superintendent David Brown announced.",
        ),
        (
            De,
            "Der 16-Jährige wurde wegen der tödlichen Schießerei auf zwei Studenten in einer Schule in Chicago im Dezember angeklagt, gab die Polizei bekannt.",
        ),
        &["O3"],
        &[],
    )]);
}

/// (Without the German-English dictionary, GPL data, the aligner cannot
/// see that the second clause is the translation.)
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn part_of_a_row_added_is_found() {
    check(&[(
        (
            En,
            "Near Bodmin, the A30 was closed for several hours after a lorry overturned.",
        ),
        (
            De,
            "Die Inseln sind damit vorerst vom Festland abgeschnitten und die Fähren fahren nicht, \
             bei Bodmin war außerdem die A30 mehrere Stunden lang gesperrt, nachdem ein Lkw umgekippt war.",
        ),
        &["A3"],
        &[],
    )]);
}

/// A whole sentence added beside the translation (or left out beside it)
/// that explains nothing of the other side stands alone: an added (S1) or
/// omitted (S2) sentence, not part of a merged row. Before the aligner
/// asked each merged sentence of a faithful translation for evidence of
/// its own, it joined the two and reported part of a row (A3/O3).
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn a_whole_sentence_added_beside_the_translation_stands_alone() {
    check(&[
        (
            (
                En,
                "Near Bodmin, the A30 was closed for several hours after a lorry overturned.",
            ),
            (
                De,
                "Die Inseln sind damit vorerst vom Festland abgeschnitten, und die Fähren fahren nicht. \
                 Bei Bodmin war die A30 mehrere Stunden lang gesperrt, nachdem ein Lkw umgekippt war.",
            ),
            &["S1"],
            &["A3"],
        ),
        (
            (
                En,
                "A 16-year-old boy has been charged with murder in the fatal shooting of two students at a Chicago high school in December, police announced Friday. \
                 The suspect is charged with two counts of felony first-degree murder and two counts of felony attempted murder, Chicago Police superintendent David Brown announced.",
            ),
            (
                De,
                "Der 16-Jährige wurde wegen der tödlichen Schießerei auf zwei Studenten in einer Schule in Chicago im Dezember angeklagt, gab die Polizei bekannt.",
            ),
            &["S2"],
            &["O3"],
        ),
    ]);
}

#[test]
fn faithful_rows_and_headlines_are_not_cut() {
    check(&[
        (
            (
                En,
                "The city invested 40 million euros in the expansion of the port, the mayor said on Monday.",
            ),
            (
                De,
                "Die Stadt investierte 40 Millionen Euro in den Ausbau des Hafens, sagte der Bürgermeister am Montag.",
            ),
            &[],
            &["O3", "A3"],
        ),
        (
            (
                Bg,
                "Ваксина срещу RSV от Лайпциг показва висока ефективност в клинично изпитване на пациенти\n\nТекст.",
            ),
            (En, "Leipzig RSV vaccine works\n\nText."),
            &[],
            &["O3"],
        ),
    ]);
}
