//! Names replaced where the learning within a story could hide them, and
//! capitalised words that are no names.

use super::*;

const NAME: &[&str] = &["NM1", "NM2", "NM3", "NM4"];

/// Learning within a short story paired "Тръмп" with "President" (both in
/// its two sentences), which hid the name replaced in the first one: only
/// what the lexicon leaves open in a bead is learned.
#[test]
fn a_name_replaced_where_the_story_names_the_original_again_is_found() {
    use Lang::*;
    check(&[(
        (
            Bg,
            "Министърът на финансите Иван Маринов обяви новия бюджет в понеделник. \
                 Според министъра Маринов бюджетът ще бъде приет до края на месеца.",
        ),
        (
            En,
            "Finance minister Ivan Kessler announced the new budget on Monday. \
                 According to minister Marinov, the budget will be passed by the end of the month.",
        ),
        &["NM1"],
        &[],
    )]);
}

/// "said to the dpa: “Take your finger away …”" was flagged as the name
/// "Take" added: a word opening a quotation is capitalised for its place.
#[test]
fn a_word_opening_a_quotation_is_no_name_added() {
    use Lang::*;
    check(&[
        (
            (
                De,
                "Der Verbandschef sagte der Zeitung: \"Finger weg von neuen Steuern auf Brot.\"",
            ),
            (
                En,
                "The head of the association told the newspaper: \"Keep your hands off new taxes on bread.\"",
            ),
            &[],
            NAME,
        ),
        // A quoted name alone stays a name (a boulevard renamed).
        (
            (
                Bg,
                "Движението по бул. „България“ ще бъде спряно от понеделник.",
            ),
            (
                En,
                "Traffic on Nikola Gabrovski Boulevard will be stopped from Monday.",
            ),
            &["NM1"],
            &[],
        ),
    ]);
}
