//! Words on a scale (SC2, SC6): a wide move is an intensification, a move
//! of one level into loaded wording a milder one, and a scale word under
//! a negator (litotes) or before a comparative (a degree adverb) is not at
//! its level.

use super::check;
use crate::Lang::*;

const INTENSIFIED: &[&str] = &["SC2", "SC6"];

#[test]
fn intensifications_are_found_by_width() {
    check(&[
        (
            (De, "Die Mannschaft erlitt am Samstag eine Niederlage."),
            (En, "The team suffered a catastrophe on Saturday."),
            &["SC2"],
            &["SC6"],
        ),
        (
            (De, "Zahlreiche Minister wussten davon."),
            (En, "Countless ministers knew about it."),
            &["SC6"],
            &["SC2"],
        ),
        // Up from the size scale's first level (the default word): minor.
        (
            (De, "Der Sturm richtete an der Küste große Schäden an."),
            (En, "The storm caused massive damage on the coast."),
            &["SC6"],
            &["SC2"],
        ),
        // Not from the first level of a scale that counts or names.
        (
            (De, "Die Fähre verspätet sich selten."),
            (En, "The ferry is often late."),
            &["SC2"],
            &[],
        ),
        (
            (De, "Einige Abgeordnete kritisierten den Plan."),
            (En, "Most deputies criticised the plan."),
            &["SC2"],
            &[],
        ),
    ]);
}

#[test]
fn litotes_and_degree_adverbs_are_not_moves() {
    check(&[
        (
            (
                De,
                "Nicht selten möchte eine Lehrerin ihre Klasse mitnehmen.",
            ),
            (
                En,
                "Quite often a teacher would like to take her class along.",
            ),
            &[],
            INTENSIFIED,
        ),
        // A scale word under a negator earlier in its clause.
        (
            (De, "Ich musste mich nur wenig an die Strecke gewöhnen."),
            (En, "I didn't have to get used to the track very much."),
            &[],
            INTENSIFIED,
        ),
        (
            (De, "Die Spiegelungen sind weniger wahrnehmbar."),
            (En, "The reflections are much less noticeable."),
            &[],
            INTENSIFIED,
        ),
    ]);
}

#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data) to explain the other clause"
)]
fn a_loaded_word_added_is_found_beside_open_words_elsewhere() {
    check(&[(
        (
            En,
            "The minister met the president in the capital, the spokeswoman of the ministry explained later.",
        ),
        (
            De,
            "Der Minister traf den skandalösen Präsidenten in der Hauptstadt, erläuterte später die Sprecherin des Ministeriums.",
        ),
        &["SC4"],
        &[],
    )]);
}

#[test]
fn a_word_added_beside_the_sources_is_no_move() {
    // "admitted" renders „zugegeben“; "said" is the added hearsay of
    // „soll“, not a report moved down the scale.
    check(&[(
        (De, "Williams soll den Besuch zugegeben haben."),
        (En, "Williams is said to have admitted the visit."),
        &[],
        &["H1", "H2", "H3"],
    )]);
}

/// Regression: a loaded adjective added before a linked noun went
/// unflagged whenever another word of its clause was left unexplained
/// (generator recall for loaded terms was 0.26). The slot test asks only
/// whether the source has a counterpart where the adjective would stand.
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn a_loaded_adjective_added_in_its_own_slot_is_found() {
    check(&[
        (
            (
                De,
                "Nach Angaben der Polizei lag der Mann vermutlich seit zwei Tagen in der Wohnung, bevor ihn ein Nachbar fand.",
            ),
            (
                En,
                "According to the police, the man had probably been lying in the flat for two tragic days before a neighbour stumbled upon him.",
            ),
            &["SC4"],
            &[],
        ),
        (
            (
                En,
                "The council approved the budget for the new school after a long and heated debate on Tuesday evening.",
            ),
            (
                De,
                "Der Stadtrat billigte am Dienstagabend nach einer langen und hitzigen Debatte den Haushalt für die korrupte neue Schule.",
            ),
            &["SC4"],
            &[],
        ),
        // A verb the compound splitter cuts („verglichen“) still borders
        // the slot.
        (
            (
                De,
                "Die Forscher verglichen die drei anderen Verfahren nachträglich mit dem neuen Test.",
            ),
            (
                En,
                "The researchers compared the chaotic three other methods with the new test.",
            ),
            &["SC4"],
            &[],
        ),
    ]);
}

#[test]
fn a_loaded_adjective_added_to_a_bulgarian_relay_is_found() {
    check(&[
        // Its neighbour before it is a light word of its own ("преди").
        (
            (
                En,
                "The minister solemnly promised to resign before the end of the year.",
            ),
            (
                Bg,
                "Министърът обеща да подаде оставка преди скандалния край на годината.",
            ),
            &["SC4"],
            &[],
        ),
        (
            (
                En,
                "The council approved the budget for the new school after a long debate on Tuesday evening.",
            ),
            (
                Bg,
                "Общинският съвет одобри бюджета за скандалното ново училище след дълъг и разгорещен спор във вторник вечерта.",
            ),
            &["SC4"],
            &[],
        ),
        (
            (
                Bg,
                "Общинският съвет одобри бюджета за новото училище след дълъг и разгорещен спор във вторник вечерта.",
            ),
            (
                En,
                "After a long and heated row on Tuesday evening, the council approved the budget for the chaotic new school.",
            ),
            &["SC4"],
            &[],
        ),
    ]);
}

/// What the slot test must not take for an addition: a predicate (no head
/// right after it), a word that a split compound renders together with its
/// neighbour, and a degree word that renders the source's own.
#[test]
#[cfg_attr(
    not(feature = "gpl-data"),
    ignore = "needs the German-English dictionary (GPL data)"
)]
fn translations_in_other_words_are_not_added_loaded_terms() {
    check(&[
        (
            (
                De,
                "Die Ermittler vermuten, dass die Leitung geplatzt ist und Gas austritt.",
            ),
            (
                En,
                "Investigators suspect that the pipe has ruptured and gas is leaking.",
            ),
            &[],
            &["SC4"],
        ),
        (
            (
                De,
                "Die Proteste gegen Polizeigewalt haben in mehreren Städten wieder zugenommen.",
            ),
            (
                En,
                "Protests against police brutality have grown again in several cities.",
            ),
            &[],
            &["SC4"],
        ),
    ]);
}

#[test]
fn a_degree_word_rendering_the_sources_own_is_not_added() {
    check(&[(
        (Bg, "Той каза, че новината е много тревожна за целия град."),
        (
            En,
            "He said the news was extremely worrying for the whole town.",
        ),
        &[],
        &["SC4"],
    )]);
}

/// "most likely" read as the quantity "most" made „mehrere“ (several) /
/// "Many tornadoes … most likely caused" an intensification (WMT 2022):
/// the longest listed form wins, and "most likely" is a degree of
/// certainty.
#[test]
fn most_of_most_likely_is_no_quantity() {
    check(&[(
        (
            De,
            "Mehrere Stürme haben in der Nacht wahrscheinlich zehn Häuser zerstört.",
        ),
        (
            En,
            "Several storms most likely destroyed ten houses during the night.",
        ),
        &[],
        &["SC2", "SC6"],
    )]);
}
