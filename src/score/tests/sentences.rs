//! Whole sentences left out: one missing sentence that carries a claim is
//! `major`; a relay step that leaves out two or more (an abridged relay,
//! not yet condensed) has each at most `minor`, since its cuts are an
//! editor's choice.

use super::score_pair;
use crate::Lang::*;
use crate::score::flag::Severity;

const DE: &str = "Der Hafen von Varna meldete am Montag 120 neue Schiffe. \
Bürgermeister Kotsev eröffnete das neue Terminal. \
Die Stadt investierte 40 Millionen Euro in den Ausbau. \
Die Gewerkschaft kritisierte die langen Schichten der Arbeiter. \
Im Jahr 2024 kamen 300 Kreuzfahrtschiffe nach Varna. \
Der Minister Petrov besuchte das Terminal am Dienstag. \
Die Arbeiten sollen im Mai 2027 enden. \
Die Polizei sperrte die Straße zum Hafen für 3 Stunden.";

const EN: [&str; 8] = [
    "The port of Varna reported 120 new ships on Monday.",
    "Mayor Kotsev opened the new terminal.",
    "The city invested 40 million euros in the expansion.",
    "The union criticised the long shifts of the workers.",
    "In 2024, 300 cruise ships came to Varna.",
    "The minister Petrov visited the terminal on Tuesday.",
    "The works are to end in May 2027.",
    "The police closed the road to the port for 3 hours.",
];

/// The severities of the omitted-sentence flags when English leaves out
/// the sentences `cut`.
fn omitted(cut: &[usize]) -> Vec<Severity> {
    let en: Vec<&str> = (0..EN.len())
        .filter(|i| !cut.contains(i))
        .map(|i| EN[i])
        .collect();
    score_pair((De, DE), (En, &en.join(" ")))
        .flags
        .iter()
        .filter(|f| f.rule == "S2")
        .map(|f| f.severity)
        .collect()
}

#[test]
fn one_sentence_cut_with_a_claim_is_major() {
    assert_eq!(omitted(&[5]), [Severity::Major]);
}

#[test]
fn an_abridged_relay_cuts_are_minor() {
    assert_eq!(omitted(&[4, 5]), [Severity::Minor, Severity::Minor]);
}
