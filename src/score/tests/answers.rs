//! Short interview answers (NEG4, H8, H9): a yes turned into a no, a
//! "possibly" into a plain answer and back; the same answer, and words that
//! only look like answers, are not flagged.

use super::check;
use crate::Lang::*;

const ANSWERS: &[&str] = &["NEG4", "H8", "H9"];

#[test]
fn changed_answers_are_found() {
    check(&[
        ((En, "Yes."), (De, "Nein."), &["NEG4"], &["H8", "H9"]),
        ((De, "Nein, nie."), (Bg, "Да, разбира се."), &["NEG4"], &[]),
        ((En, "Possibly."), (De, "Ja."), &["H8"], &["NEG4", "H4"]),
        ((Bg, "Не."), (En, "Perhaps."), &["H9"], &[]),
        (
            (De, "Vielleicht, wir werden sehen."),
            (En, "No, we will see."),
            &["H8"],
            &[],
        ),
    ]);
}

#[test]
fn kept_answers_and_look_alikes_are_not_flagged() {
    check(&[
        ((En, "Yes."), (Bg, "Да."), &[], ANSWERS),
        ((De, "Nein."), (En, "No."), &[], ANSWERS),
        ((Bg, "Може би."), (De, "Vielleicht."), &[], ANSWERS),
        // Bulgarian "да" and "не" open many sentences without answering.
        (
            (Bg, "Да се върнем към бюджета на фестивала."),
            (En, "No sponsor has come forward so far."),
            &[],
            ANSWERS,
        ),
        (
            (En, "No sponsor has come forward."),
            (De, "Ja, ein Sponsor hat sich gemeldet."),
            &[],
            ANSWERS,
        ),
    ]);
}
