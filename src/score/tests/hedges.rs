//! Hedges and attributions (H4–H7): added or dropped where the other side
//! has nothing of the kind, and kept where it hedges by another means (a
//! modal, a subjunctive, a belief verb in the clause before).

use super::check;
use crate::Lang::*;

const HEDGE: &[&str] = &["H4", "H5", "H6", "H7"];

#[test]
fn added_and_dropped_hedges_are_found() {
    check(&[
        (
            (
                De,
                "Geld kann in der einzigen Bank auf der Insel umgetauscht werden.",
            ),
            (
                En,
                "Money can probably be exchanged at the only bank on the island.",
            ),
            &["H6"],
            &[],
        ),
        (
            (En, "The minister allegedly accepted the payment."),
            (De, "Der Minister nahm die Zahlung an."),
            &["H4"],
            &[],
        ),
    ]);
}

#[test]
fn hedges_rendered_by_other_means_are_not_flagged() {
    check(&[
        // Before a norm, "laut" names no source.
        (
            (
                De,
                "Was laut Regeln möglich ist, bleibt für beide Teams unklar.",
            ),
            (
                En,
                "What is possible under the rules remains unclear for both teams.",
            ),
            &[],
            HEDGE,
        ),
        // "it read in the letter" renders „hieß es in dem Schreiben“.
        (
            (
                De,
                "\"Wir haben viel erreicht\", hieß es in dem Schreiben des Verbands.",
            ),
            (
                En,
                "\"We have achieved a lot,\" it read in the letter of the association.",
            ),
            &[],
            HEDGE,
        ),
        // "научи изданието" (the paper learned) renders "nach
        // Informationen dieser Zeitung".
        (
            (
                De,
                "Die Gruppe fordert nach Informationen dieser Zeitung eine Million Euro.",
            ),
            (Bg, "Групата иска един милион евро, научи изданието."),
            &[],
            HEDGE,
        ),
        // An epistemic modal renders an adverb of doubt.
        (
            (
                En,
                "People may not anticipate that patience is also necessary.",
            ),
            (
                De,
                "Man erwartet vielleicht nicht, dass auch Geduld nötig ist.",
            ),
            &[],
            HEDGE,
        ),
        // A belief verb in the clause before governs the clause after it.
        (
            (
                De,
                "Der Absturz ereignete sich im Gebirge, und es wird vermutet, dass er das Ergebnis von Beschuss war.",
            ),
            (
                En,
                "The crash occurred in the mountains, and is believed to have been the result of hostile fire.",
            ),
            &[],
            HEDGE,
        ),
        // A clause of attribution opened by "so" or by "wie" with a
        // reporting verb.
        (
            (
                En,
                "Over 62,985 of them live in the city, according to figures from the national data agency.",
            ),
            (
                De,
                "Über 62.985 von ihnen leben in der Stadt, so Zahlen der nationalen Datenagentur.",
            ),
            &[],
            HEDGE,
        ),
        (
            (
                En,
                "The bear had hunkered down in a culvert, according to a post from the department.",
            ),
            (
                De,
                "Der Bär hatte sich in einem Durchlass verschanzt, wie die Behörde auf Facebook mitteilte.",
            ),
            &[],
            HEDGE,
        ),
        // A speaker before a colon opening a quote attributes the quote.
        (
            (
                De,
                "Die Polizei: \"Vermutlich hatte sie plötzlich gebremst, weil sie abbiegen wollte\".",
            ),
            (
                En,
                "According to police, \"She probably braked suddenly because she wanted to turn off\".",
            ),
            &[],
            HEDGE,
        ),
        // An adverb that only stresses a modal of possibility, kept by
        // the modal (MQM en→de); "appear" as showing up in court; „den
        // Anschein“ and „wie aus … hervorgeht“ hedge and attribute.
        (
            (
                En,
                "Without her, the hole is bigger than you can possibly imagine, he told 5 News.",
            ),
            (
                De,
                "Ohne sie ist das Loch größer, als man sich vorstellen kann, sagte er gegenüber 5 News.",
            ),
            &[],
            HEDGE,
        ),
        (
            (
                En,
                "The suspect is expected to appear in Bond Court on Saturday, Brown said.",
            ),
            (
                De,
                "Der Tatverdächtige wird am Samstag im Bond Court erwartet, sagte Brown.",
            ),
            &[],
            HEDGE,
        ),
        (
            (
                En,
                "Yet again, it appears that the party is seeking to promote the views of a clique.",
            ),
            (
                De,
                "Wieder einmal hat es den Anschein, dass die Partei die Ansichten einer Clique fördern will.",
            ),
            &[],
            HEDGE,
        ),
        (
            (
                En,
                "Over 62,985 of them live in the city, according to figures from the national agency.",
            ),
            (
                De,
                "Über 62.985 von ihnen leben in der Stadt, wie aus Zahlen der nationalen Agentur hervorgeht.",
            ),
            &[],
            HEDGE,
        ),
    ]);
}

/// An evidential after a modal adds a claim of its own ("can apparently"):
/// only adverbs of possibility are kept by the modal alone.
#[test]
fn evidentials_after_a_modal_are_still_added() {
    check(&[(
        (
            De,
            "Ein Curry kann je nach Flüssigkeit entweder trocken oder nass sein.",
        ),
        (
            En,
            "A curry can reportedly be either dry or wet, depending on the liquid.",
        ),
        &["H6"],
        &[],
    )]);
}
