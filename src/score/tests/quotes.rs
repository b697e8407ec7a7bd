//! Quotes (Q1–Q3): a title or a name in quotation marks is not quoted
//! speech, so its other name in the other language changes no quote.

use super::check;
use crate::Lang::*;

const QUOTE: &[&str] = &["Q1", "Q2", "Q3"];

#[test]
fn titles_in_quotation_marks_are_not_quotes() {
    check(&[(
        (
            Bg,
            "Може да си помислите, че картата е на гърба на декларацията, ако сте гледали филма „Национално съкровище“.",
        ),
        (
            De,
            "Wenn Sie den Film „Das Vermächtnis der Tempelritter“ gesehen haben, denken Sie vielleicht, die Karte sei auf der Rückseite.",
        ),
        &[],
        QUOTE,
    )]);
}
