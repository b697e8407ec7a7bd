//! Modality (MOD1, MOD2): a possibility stated as what will be, and the
//! reverse; a modal rendered by a modal or a hedge is kept.

use super::check;
use crate::Lang::*;

const MODALITY: &[&str] = &["MOD1", "MOD2"];

#[test]
fn modality_hardened_or_softened_is_found() {
    check(&[
        (
            (De, "Die Preise könnten im nächsten Jahr stark steigen."),
            (En, "Prices will rise sharply next year."),
            &["MOD1"],
            &[],
        ),
        (
            (Bg, "Цените ще се повишат през следващата година."),
            (En, "Prices could rise next year."),
            &["MOD2"],
            &[],
        ),
    ]);
}

#[test]
fn modality_kept_is_not_flagged() {
    check(&[
        (
            (De, "Die Preise könnten im nächsten Jahr steigen."),
            (En, "Prices may rise next year."),
            &[],
            MODALITY,
        ),
        (
            (
                De,
                "Die Preise werden im nächsten Jahr wahrscheinlich steigen.",
            ),
            (En, "Prices will probably rise next year."),
            &[],
            MODALITY,
        ),
        (
            (Bg, "Цените вероятно ще се повишат."),
            (En, "Prices might rise."),
            &[],
            &["MOD1"],
        ),
    ]);
}
