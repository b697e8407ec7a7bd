use super::*;
use crate::segment::rules::{RuleId, join_rule, split_rule};

fn sentences(text: &str, lang: Lang) -> Vec<&str> {
    split_str(text, lang)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// Whole-text cases: (language, text, expected sentences).
#[test]
fn segmentation_table() {
    let cases: &[(Lang, &str, &[&str])] = &[
        // Rules of the relay-alignment issue, found on real news.
        (
            Lang::En,
            "'We will not stop our investigation.' A police spokesman said so.",
            &[
                "'We will not stop our investigation.'",
                "A police spokesman said so.",
            ],
        ),
        (
            Lang::De,
            "Er sagte: ‚Das war genug.‘ Danach ging er.",
            &["Er sagte: ‚Das war genug.‘", "Danach ging er."],
        ),
        (
            Lang::En,
            "She told me. Then she left. The answer was no. The board agreed. It was No. 5 on the list.",
            &[
                "She told me.",
                "Then she left.",
                "The answer was no.",
                "The board agreed.",
                "It was No. 5 on the list.",
            ],
        ),
        (
            Lang::En,
            "The vote closes at 7 p.m. ET on Tuesday. Results follow.",
            &[
                "The vote closes at 7 p.m. ET on Tuesday.",
                "Results follow.",
            ],
        ),
        (
            Lang::De,
            "Es war ihr 36. Treffen in diesem Jahr. Danach reisten sie ab.",
            &[
                "Es war ihr 36. Treffen in diesem Jahr.",
                "Danach reisten sie ab.",
            ],
        ),
        (
            Lang::De,
            "„Das ist gut.“, sagte er. Dann ging er.",
            &["„Das ist gut.“, sagte er.", "Dann ging er."],
        ),
        (
            Lang::En,
            "Dr. Smith met Mr. Jones. They talked.",
            &["Dr. Smith met Mr. Jones.", "They talked."],
        ),
        (
            Lang::En,
            "On Feb. 22, 2025, the U.S. President spoke.",
            &["On Feb. 22, 2025, the U.S. President spoke."],
        ),
        (
            Lang::En,
            "Then J. R. Smith left. He was 25.",
            &["Then J. R. Smith left.", "He was 25."],
        ),
        (
            Lang::En,
            "Prices rose 3.5 per cent to 1,000.5 euros. Wages fell.",
            &["Prices rose 3.5 per cent to 1,000.5 euros.", "Wages fell."],
        ),
        (
            Lang::En,
            "He said \"no.\" Then he left.",
            &["He said \"no.\"", "Then he left."],
        ),
        (
            Lang::En,
            "Wait... and see. Done.",
            &["Wait... and see.", "Done."],
        ),
        (
            Lang::De,
            "Am 3. Oktober 2025 kam er. Im 20. Jahrhundert war das anders.",
            &[
                "Am 3. Oktober 2025 kam er.",
                "Im 20. Jahrhundert war das anders.",
            ],
        ),
        (
            Lang::De,
            "Es gibt z. B. Äpfel bzw. Birnen. Prof. Müller lacht.",
            &["Es gibt z. B. Äpfel bzw. Birnen.", "Prof. Müller lacht."],
        ),
        (
            Lang::De,
            "Er sagte: „Wir gehen.“ Danach kam Nr. 5.",
            &["Er sagte: „Wir gehen.“", "Danach kam Nr. 5."],
        ),
        (
            Lang::De,
            "Die Frist endet am 22.02.2025. Der Umsatz stieg um 3,5 Mrd. Euro.",
            &[
                "Die Frist endet am 22.02.2025.",
                "Der Umsatz stieg um 3,5 Mrd. Euro.",
            ],
        ),
        (
            Lang::De,
            "Er wurde in der 78. Minute eingewechselt.",
            &["Er wurde in der 78. Minute eingewechselt."],
        ),
        (
            Lang::Bg,
            "Срещата е на 22 февруари 2025 г. в София. Д-р Иванов дойде.",
            &[
                "Срещата е на 22 февруари 2025 г. в София.",
                "Д-р Иванов дойде.",
            ],
        ),
        (
            Lang::Bg,
            "Бюджетът е 3,5 млрд. лв. През 2025 г. Петров беше избран.",
            &[
                "Бюджетът е 3,5 млрд. лв.",
                "През 2025 г. Петров беше избран.",
            ],
        ),
        (
            Lang::Bg,
            "Това стана през 2024 г. Следващата година ще е различна.",
            &[
                "Това стана през 2024 г.",
                "Следващата година ще е различна.",
            ],
        ),
        (
            Lang::Bg,
            "Проф. Петров живее на ул. Раковска, т.е. в центъра.",
            &["Проф. Петров живее на ул. Раковска, т.е. в центъра."],
        ),
        (
            Lang::Bg,
            "Той каза: „Не знам. Ще видим.“ И си тръгна.",
            &["Той каза: „Не знам.", "Ще видим.“", "И си тръгна."],
        ),
        (
            Lang::En,
            "- first item\n- second item",
            &["- first item", "- second item"],
        ),
        (
            Lang::En,
            "A wrapped\nline ends here. Next.",
            &["A wrapped\nline ends here.", "Next."],
        ),
    ];
    for (lang, text, want) in cases {
        assert_eq!(sentences(text, *lang), *want, "{lang}: {text:?}");
    }
}

/// Join rules: (language, left piece, right piece, rule that joins them).
#[test]
fn join_rules_table() {
    let cases: &[(Lang, &str, &str, Option<&str>)] = &[
        (
            Lang::Bg,
            "Той каза, че т.е.",
            "няма.",
            Some("J1-lowercase-continues"),
        ),
        (
            Lang::De,
            "„Wer zahlt?“",
            "fragte er.",
            Some("J1-lowercase-continues"),
        ),
        (Lang::En, "He said \"no.\"", "\"\"", Some("J0-no-words")),
        (
            Lang::En,
            "They met Dr.",
            "Smith.",
            Some("J2-title-before-name"),
        ),
        (
            Lang::De,
            "Es gibt z. B.",
            "Berlin.",
            Some("J2-title-before-name"),
        ),
        (
            Lang::Bg,
            "Дойде д-р.",
            "Иванов.",
            Some("J2-title-before-name"),
        ),
        (
            Lang::Bg,
            "Дойде д-р",
            "Иванов.",
            Some("J6-no-final-punctuation"),
        ),
        (
            Lang::En,
            "Then John F.",
            "Kennedy spoke.",
            Some("J3-initial"),
        ),
        (
            Lang::Bg,
            "инспектор Д.",
            "К. Ария заяви.",
            Some("J3-initial"),
        ),
        (Lang::En, "Flights from A to B.", "Airlines know.", None),
        (
            Lang::De,
            "Am 3.",
            "Oktober kam er.",
            Some("J4-ordinal-date"),
        ),
        (
            Lang::De,
            "in der 78.",
            "Minute fiel das Tor.",
            Some("J4-ordinal-date"),
        ),
        (Lang::De, "für alle ab 60.", "In Bulgarien nicht.", None),
        (
            Lang::En,
            "On Feb.",
            "22, 2025, it rained.",
            Some("J5-abbreviation-before-number"),
        ),
        (
            Lang::Bg,
            "Според чл.",
            "3 от закона.",
            Some("J2-title-before-name"),
        ),
        (
            Lang::En,
            "See p.",
            "5 for details.",
            Some("J5-abbreviation-before-number"),
        ),
        (Lang::En, "It ended on 10 August.", "25 copies exist.", None),
        (
            Lang::De,
            "definiert:",
            "(1) Fluss.",
            Some("J6-no-final-punctuation"),
        ),
        (Lang::En, "He left.", "She stayed.", None),
        (
            Lang::En,
            "between Devnya St. and Kolev St.",
            "Traffic will stop.",
            None,
        ),
    ];
    for (lang, l, r, want) in cases {
        assert_eq!(
            join_rule(l, r, *lang),
            want.map(RuleId),
            "{lang}: {l:?} + {r:?}"
        );
    }
}

/// Split rules: (language, text before and including the token, token, next, rule).
#[test]
fn split_rules_table() {
    let cases: &[(Lang, &str, &str, &str, Option<&str>)] = &[
        (
            Lang::Bg,
            "Това стана през 2025 г.",
            "г.",
            "Следващото събитие",
            Some("S1-bg-unit-ends-sentence"),
        ),
        (Lang::Bg, "в 12:00 ч.", "ч.", "GMT днес", None),
        (Lang::Bg, "През 1956 г.", "г.", "Слания се премества", None),
        (Lang::Bg, "Бюджетът е 5 млн.", "млн.", "лева", None),
        (
            Lang::De,
            "Der Umsatz stieg um 3 Mrd.",
            "Mrd.",
            "Die Regierung",
            Some("S2-unit-before-opener"),
        ),
        (Lang::De, "Der Umsatz stieg um 3 Mrd.", "Mrd.", "Euro", None),
        (
            Lang::En,
            "pushed, grabbed, etc.",
            "etc.",
            "Be firm",
            Some("S2-unit-before-opener"),
        ),
        (
            Lang::Bg,
            "говори миналия месец.",
            "месец.",
            "\"Той дойде",
            Some("S3-quote-opens-sentence"),
        ),
        (
            Lang::De,
            "unter Konflikten gelitten hat.",
            "hat.",
            "1994 führte",
            Some("S4-number-opens-sentence"),
        ),
        (Lang::De, "Es kam Nr.", "Nr.", "5 dazu", None),
        (
            Lang::En,
            "between Devnya St. and Kolev St.",
            "St.",
            "Traffic will",
            Some("S5-street-ends-sentence"),
        ),
        (Lang::En, "in St.", "St.", "Petersburg", None),
        (
            Lang::De,
            "„Im Moment tun wir nichts.",
            "nichts.",
            "Ich habe",
            Some("S7-word-stop-capital"),
        ),
        (Lang::De, "Das ist z.B.", "z.B.", "Berlin", None),
        (Lang::En, "Then John F.", "F.", "Kennedy", None),
    ];
    for (lang, before, token, next, want) in cases {
        assert_eq!(
            split_rule(before, token, next, *lang),
            want.map(RuleId),
            "{lang}: {before:?} | {next:?}"
        );
    }
}

#[test]
fn headline_and_paragraphs_set_zones() {
    let text = Text::from_str_at(
        "China faces catastrophe\n\nFirst one. Second one.\n\n- item one\n- item two",
        None,
    );
    let got: Vec<(&str, Zone, usize)> = split_text(&text, Lang::En)
        .into_iter()
        .map(|s| (&text.text[s.span], s.zone, s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("China faces catastrophe", Zone::Headline, 0),
            ("First one.", Zone::Body, 1),
            ("Second one.", Zone::Body, 1),
            ("- item one", Zone::ListItem, 2),
            ("- item two", Zone::ListItem, 2),
        ]
    );
}

#[test]
fn file_spans_point_into_the_file() {
    let raw = "\u{FEFF}Titel der Meldung\r\n\r\nErster\u{00A0}Satz. Zwei\u{00AD}ter Satz.";
    let text = Text::from_str_at(raw, None);
    let spans: Vec<&str> = split_text(&text, Lang::De)
        .into_iter()
        .map(|s| &raw[s.file_span])
        .collect();
    assert_eq!(
        spans,
        [
            "Titel der Meldung",
            "Erster\u{00A0}Satz.",
            "Zwei\u{00AD}ter Satz."
        ]
    );
}

#[test]
fn segmented_input_keeps_lines() {
    let text = Text::from_str_at("One. Two.\n\n  Three  \nFour", None);
    let got: Vec<(&str, usize)> = lines_as_sentences(&text)
        .into_iter()
        .map(|s| (&text.text[s.span], s.paragraph))
        .collect();
    assert_eq!(got, [("One. Two.", 0), ("Three", 1), ("Four", 1)]);
}

#[test]
fn list_items_table() {
    let cases = [
        ("- item", true),
        ("• item", true),
        ("1. Punkt", true),
        ("a) option", true),
        ("а) първа мярка", true),
        ("б) втора мярка", true),
        ("Я) не", false),
        ("аб) не", false),
        ("3. Oktober war kalt.", false),
        ("-5 degrees", false),
        ("Normal text", false),
    ];
    for (line, want) in cases {
        assert_eq!(rules::is_list_item(line), want, "{line:?}");
    }
}

/// Regression: Bulgarian lettered lists ("а)", "б)") were not recognised,
/// because the marker check was ASCII-only; each item ran into the previous
/// line as a soft wrap.
#[test]
fn bulgarian_lettered_list_items_were_not_recognised() {
    let text = Text::from_str_at("Мерките са:\nа) по-ниски такси\nб) нови линии", None);
    let got: Vec<&str> = split_text(&text, Lang::Bg)
        .into_iter()
        .map(|s| &text.text[s.span])
        .collect();
    assert_eq!(got, ["Мерките са:", "а) по-ниски такси", "б) нови линии"]);
}
