use super::*;
use crate::correspond::correspond;

fn lex() -> Lexicon {
    Lexicon::embedded()
}

fn tokens<'a>(s: &'a str, a: &Analysed) -> Vec<(&'a str, TokenKind)> {
    a.tokens
        .iter()
        .map(|t| (&s[t.span.start as usize..t.span.end as usize], t.kind))
        .collect()
}

#[test]
fn kinds_table() {
    let lex = lex();
    let s = "Die Regierung von Selenskyj zahlt 3,5 Mrd. Euro.";
    let a = analyse(s, Lang::De, &lex);
    let got = tokens(s, &a);
    assert_eq!(got[0], ("Die", TokenKind::Stop));
    assert_eq!(got[1], ("Regierung", TokenKind::Word));
    assert_eq!(got[3], ("Selenskyj", TokenKind::Name));
    assert_eq!(got[5], ("3,5", TokenKind::Number));
    assert_eq!(got[6], ("Mrd", TokenKind::Number));
}

/// (lang a, sentence a, lang b, sentence b, word of a, word of b, how)
#[test]
fn explained_pairs_table() {
    let lex = lex();
    let cases: &[(Lang, &str, Lang, &str, &str, &str, How)] = &[
        (
            Lang::De,
            "Das ist ein außenpolitisches Desaster.",
            Lang::En,
            "This is a foreign policy disaster.",
            "Desaster",
            "disaster",
            How::Dictionary,
        ),
        (
            Lang::Bg,
            "Правителството обяви мерки.",
            Lang::En,
            "The government announced measures.",
            "Правителството",
            "government",
            How::Dictionary,
        ),
        (
            Lang::Bg,
            "Стоянов пристигна.",
            Lang::En,
            "Stoyanov arrived.",
            "Стоянов",
            "Stoyanov",
            How::Name,
        ),
        (
            Lang::Bg,
            "Зеленски говори.",
            Lang::De,
            "Selenskyj sprach.",
            "Зеленски",
            "Selenskyj",
            How::Name,
        ),
        (
            Lang::Bg,
            "Бюджетът е 3,5 млрд. лв.",
            Lang::En,
            "The budget is 3.5 billion leva.",
            "млрд",
            "billion",
            How::Number,
        ),
        (
            Lang::De,
            "Die Inflation lag bei 25 %.",
            Lang::En,
            "Inflation was 25 per cent.",
            "25",
            "25",
            How::Number,
        ),
        (
            Lang::Bg,
            "Срещата е на 22 февруари 2025 г.",
            Lang::En,
            "The meeting is on Feb. 22, 2025.",
            "февруари",
            "Feb",
            How::Number,
        ),
        (
            Lang::De,
            "Am 3. Oktober 2025 kam er.",
            Lang::Bg,
            "Той дойде на 3 октомври 2025 г.",
            "Oktober",
            "октомври",
            How::Number,
        ),
        (
            Lang::De,
            "Der Technologietransfer stockt.",
            Lang::En,
            "The technology transfer stalls.",
            "Technologietransfer",
            "technology",
            How::Compound,
        ),
        (
            Lang::De,
            "Laut Wikinews stimmt das.",
            Lang::En,
            "According to Wikinews, it is true.",
            "Wikinews",
            "Wikinews",
            How::Identical,
        ),
    ];
    for (la, sa, lb, sb, wa, wb, how) in cases {
        let a = analyse(sa, *la, &lex);
        let b = analyse(sb, *lb, &lex);
        let c = correspond(&a, &b);
        let find = |s: &str, x: &Analysed, w: &str| {
            x.tokens
                .iter()
                .position(|t| &s[t.span.start as usize..t.span.end as usize] == w)
        };
        let (ia, ib) = (
            find(sa, &a, wa).unwrap() as u32,
            find(sb, &b, wb).unwrap() as u32,
        );
        let link = c.links.iter().find(|l| l.a == ia && l.b == ib);
        assert!(
            link.is_some_and(|l| l.how == *how),
            "{wa} ↔ {wb}: {link:?} in {:?}",
            c.links
        );
    }
}

#[test]
fn different_values_do_not_match() {
    let lex = lex();
    let cases = [
        (
            "Der Preis stieg um 3,5 Prozent.",
            "The price rose 4.5 per cent.",
        ),
        ("Es kostet 3,5 Mrd. Euro.", "It costs 3.5 million euros."),
        ("Am 3. Oktober 2025.", "On October 4, 2025."),
    ];
    for (de, en) in cases {
        let a = analyse(de, Lang::De, &lex);
        let b = analyse(en, Lang::En, &lex);
        let c = correspond(&a, &b);
        let numbers: Vec<_> = c
            .links
            .iter()
            .filter(|l| {
                l.how == How::Number
                    && a.tokens[l.a as usize].kind == TokenKind::Number
                    && de[a.tokens[l.a as usize].span.start as usize..]
                        .starts_with(|ch: char| ch.is_ascii_digit())
                    && !de[a.tokens[l.a as usize].span.start as usize..].starts_with("2025")
            })
            .collect();
        assert!(numbers.is_empty(), "{de} / {en}: {numbers:?}");
    }
}

/// Numbers in another notation meet by value (issue: numbers flagged as
/// changed on faithful translation): (lang a, sentence a, lang b, sentence
/// b, token of a, token of b, whether they link).
#[test]
fn numbers_in_another_notation_meet_and_other_values_do_not() {
    let cases: &[LinkCase] = &[
        // Scores and ranges.
        (
            Lang::Bg,
            "Мачът завърши 1-1.",
            Lang::En,
            "The match ended 1:1.",
            "1",
            "1:1",
            true,
        ),
        (
            Lang::De,
            "Es stand 6:6.",
            Lang::En,
            "It was 6-6.",
            "6:6",
            "6",
            true,
        ),
        (
            Lang::De,
            "Es stand 6:6.",
            Lang::En,
            "It was 6-4.",
            "6:6",
            "4",
            false,
        ),
        // Clock times.
        (
            Lang::En,
            "The vote closes at 8 p.m.",
            Lang::De,
            "Die Wahl endet um 20 Uhr.",
            "8",
            "20",
            true,
        ),
        (
            Lang::En,
            "The vote closes at 8 p.m.",
            Lang::De,
            "Die Wahl endet um 21 Uhr.",
            "8",
            "21",
            false,
        ),
        (
            Lang::Bg,
            "Играта започна в 10: 00 часа.",
            Lang::En,
            "The game began at 10:00.",
            "10",
            "10:00",
            true,
        ),
        // Decades and centuries.
        (
            Lang::Bg,
            "През 60-те години градът растеше.",
            Lang::En,
            "In the 1960s the town grew.",
            "60-те",
            "1960",
            true,
        ),
        (
            Lang::De,
            "In den 1960er Jahren wuchs die Stadt.",
            Lang::En,
            "In the 1960s the town grew.",
            "1960",
            "1960",
            true,
        ),
        (
            Lang::Bg,
            "През 19-ти век мостът е построен.",
            Lang::En,
            "The bridge was built in the 1800s.",
            "19-ти",
            "1800",
            true,
        ),
        // Numbers inside a word or a code.
        (
            Lang::De,
            "Die Phase-3-Studie läuft.",
            Lang::Bg,
            "Изпитването във фаза 3 продължава.",
            "Phase-3-Studie",
            "3",
            true,
        ),
        (
            Lang::En,
            "He plays for the U23 team.",
            Lang::Bg,
            "Той играе за отбора до 23 години.",
            "U23",
            "23",
            true,
        ),
        // Ordinals and dates.
        (
            Lang::En,
            "It opened on the 5th.",
            Lang::De,
            "Es öffnete am 5. September.",
            "5th",
            "5",
            true,
        ),
        // Metres are not millions.
        (
            Lang::De,
            "Die Mauer ist 100 m lang.",
            Lang::Bg,
            "Стената е дълга 100 метра.",
            "100",
            "100",
            true,
        ),
    ];
    let failed = links_as_wanted(cases);
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

/// (language, sentence, language, sentence, word, word, linked?).
pub(super) type LinkCase<'a> = (Lang, &'a str, Lang, &'a str, &'a str, &'a str, bool);

/// The cases whose two words are not linked as wanted, described.
pub(super) fn links_as_wanted(cases: &[LinkCase]) -> Vec<String> {
    let lex = lex();
    let mut failed = Vec::new();
    for (la, sa, lb, sb, wa, wb, want) in cases {
        let a = analyse(sa, *la, &lex);
        let b = analyse(sb, *lb, &lex);
        let c = correspond(&a, &b);
        let find = |s: &str, x: &Analysed, w: &str| {
            x.tokens
                .iter()
                .position(|t| &s[t.span.start as usize..t.span.end as usize] == w)
        };
        let (Some(ia), Some(ib)) = (find(sa, &a, wa), find(sb, &b, wb)) else {
            failed.push(format!("{wa} / {wb}: token not found in {sa:?} / {sb:?}"));
            continue;
        };
        let linked = c.links.iter().any(|l| l.a == ia as u32 && l.b == ib as u32);
        if linked != *want {
            failed.push(format!(
                "{sa:?} {wa} ↔ {sb:?} {wb}: linked {linked}, want {want}"
            ));
        }
    }
    failed
}

#[test]
fn number_words_open_compounds() {
    use super::quantities::compound_numbers;
    let value = |w: &str, l: Lang| compound_numbers(w, l).len();
    for (w, l) in [
        ("achtmal", Lang::De),
        ("fünftplatzierten", Lang::De),
        ("zweitlängste", Lang::De),
        ("стократно", Lang::Bg),
        ("петгодишен", Lang::Bg),
        ("threefold", Lang::En),
        ("achtelfinal-pflicht", Lang::De),
        ("champions-league-achtelfinale", Lang::De),
        ("четвъртфинала", Lang::Bg),
        ("semi-finals", Lang::En),
    ] {
        assert_eq!(value(w, l), 1, "{w}");
    }
    let sixteen = super::keys::Key::quantity(&crate::lexicon::numbers::value_key(16.0, false));
    assert_eq!(compound_numbers("achtelfinale", Lang::De), [sixteen]);
    // Words that only start like a number.
    for (w, l) in [
        ("achtung", Lang::De),
        ("dreieck", Lang::De),
        ("стол", Lang::Bg),
        ("tenfold", Lang::De),
        ("tennis", Lang::En),
    ] {
        assert_eq!(value(w, l), 0, "{w}");
    }
}
