//! Modality (MOD1–MOD3): a possibility stated as what will be, and the
//! reverse; a modal rendered by a modal or a hedge is kept.

use super::check;
use crate::Lang::*;

const MODALITY: &[&str] = &["MOD1", "MOD2", "MOD3"];

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

/// A modal of ability or possibility hardened into a future is MOD3
/// (weaker evidence than MOD1); its future ("will be able to") and its
/// infinitive („zu können“) are no hardening.
#[test]
fn can_hardened_into_will_is_its_own_rule() {
    check(&[
        (
            (De, "Die Preise können im nächsten Jahr stark steigen."),
            (En, "Prices will rise sharply next year."),
            &["MOD3"],
            &["MOD1"],
        ),
        (
            (En, "The new bridge can carry twice as many cars."),
            (Bg, "Новият мост ще носи два пъти повече коли."),
            &["MOD3"],
            &[],
        ),
        (
            (De, "Die Fähre kann im Winter nicht fahren."),
            (En, "The ferry will not be able to sail in winter."),
            &[],
            MODALITY,
        ),
        (
            (
                De,
                "Sie hofft, ihrem Hobby bald auch hier nachgehen zu können.",
            ),
            (En, "She hopes she will soon pursue her hobby here as well."),
            &[],
            MODALITY,
        ),
    ]);
}

/// Regression: a German future was missed when its infinitive ends in -n
/// but not -en („wird … kühl sein“), or when the future ends a subordinate
/// clause („…, weil sie fliegen werden“).
#[test]
fn german_futures_of_every_shape_are_futures() {
    check(&[
        (
            (En, "The winter could be deceptively cold."),
            (De, "Der Winter wird trügerisch kalt sein."),
            &["MOD1"],
            &[],
        ),
        (
            (En, "Many doubt it, because they might fly."),
            (De, "Viele bezweifeln es, weil sie fliegen werden."),
            &["MOD1"],
            &[],
        ),
    ]);
}
