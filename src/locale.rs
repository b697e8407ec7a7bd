//! Locale facts that more than one stage needs: month names and spelled-out
//! numbers in Bulgarian, German and English. Segmentation reads them (a day
//! before a month is not a sentence end) and the number and date parser
//! reads them (`lexicon::numbers`); this module sits below both, so no
//! stage borrows from a later one.

/// Number words from one to twelve, and a few round ones, folded.
pub fn number_word(word: &str) -> Option<f64> {
    const WORDS: &[(&[&str], f64)] = &[
        (&["one", "eins", "един", "една", "едно"], 1.0),
        (&["two", "zwei", "два", "две", "двама"], 2.0),
        (&["three", "drei", "три", "трима"], 3.0),
        (&["four", "vier", "четири", "четирима"], 4.0),
        (&["five", "fünf", "пет", "петима"], 5.0),
        (&["six", "sechs", "шест", "шестима"], 6.0),
        (&["seven", "sieben", "седем", "седмина"], 7.0),
        (&["eight", "acht", "осем", "осмина"], 8.0),
        (&["nine", "neun", "девет", "деветима"], 9.0),
        (&["ten", "zehn", "десет", "десетима"], 10.0),
        (&["eleven", "elf", "единадесет", "единайсет"], 11.0),
        (&["twelve", "zwölf", "дванадесет", "дванайсет"], 12.0),
        (&["thirteen", "dreizehn", "тринадесет", "тринайсет"], 13.0),
        (
            &["fourteen", "vierzehn", "четиринадесет", "четиринайсет"],
            14.0,
        ),
        (&["fifteen", "fünfzehn", "петнадесет", "петнайсет"], 15.0),
        (&["sixteen", "sechzehn", "шестнадесет", "шестнайсет"], 16.0),
        (
            &["seventeen", "siebzehn", "седемнадесет", "седемнайсет"],
            17.0,
        ),
        (&["eighteen", "achtzehn", "осемнадесет", "осемнайсет"], 18.0),
        (
            &["nineteen", "neunzehn", "деветнадесет", "деветнайсет"],
            19.0,
        ),
        (&["twenty", "zwanzig", "двадесет", "двайсет"], 20.0),
        (
            &["thirty", "dreißig", "dreissig", "тридесет", "трийсет"],
            30.0,
        ),
        (&["forty", "vierzig", "четиридесет", "четирийсет"], 40.0),
        (&["fifty", "fünfzig", "петдесет"], 50.0),
        (&["sixty", "sechzig", "шестдесет"], 60.0),
        (&["seventy", "siebzig", "седемдесет"], 70.0),
        (&["eighty", "achtzig", "осемдесет"], 80.0),
        (&["ninety", "neunzig", "деветдесет"], 90.0),
        (&["hundred", "hundert", "сто"], 100.0),
        (&["thousand", "tausend", "хиляда"], 1000.0),
        (&["dozen", "dutzend", "дузина"], 12.0),
    ];
    // Looked up for every word of every sentence: a map, built once.
    static MAP: std::sync::LazyLock<crate::hash::FastMap<&'static str, f64>> =
        std::sync::LazyLock::new(|| {
            WORDS
                .iter()
                .flat_map(|(forms, v)| forms.iter().map(move |f| (*f, *v)))
                .collect()
        });
    let find = |w: &str| MAP.get(w).copied();
    // Bulgarian counts take the definite article: "трите", "единадесетте".
    find(word)
        .or_else(|| {
            ["те", "та", "то"]
                .iter()
                .find_map(|a| word.strip_suffix(a))
                .filter(|w| w.chars().all(|c| ('а'..='я').contains(&c)))
                .and_then(find)
        })
        .or_else(|| ordinal_word(word))
}

/// The value of an ordinal word up to the tenth, folded: "seventh",
/// "siebten", "седмият" are 7, as "7th", "7." and "7-ми" are. German
/// "achten" is left out (mostly the verb "to heed").
pub fn ordinal_word(word: &str) -> Option<f64> {
    const EN: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    const DE: [&[&str]; 10] = [
        &["erst"],
        &["zweit"],
        &["dritt"],
        &["viert"],
        &["fünft"],
        &["sechst"],
        &["siebt", "siebent"],
        &["acht"],
        &["neunt"],
        &["zehnt"],
    ];
    const BG: [&str; 10] = [
        "първ",
        "втор",
        "трет",
        "четвърт",
        "пет",
        "шест",
        "седм",
        "осм",
        "девет",
        "десет",
    ];
    const DE_END: [&str; 5] = ["e", "en", "er", "es", "em"];
    const BG_END: [&str; 8] = ["и", "ия", "ият", "а", "ата", "о", "ото", "ите"];
    if let Some(i) = EN.iter().position(|w| *w == word) {
        return Some(i as f64 + 1.0);
    }
    if word != "achten"
        && let Some(i) = DE.iter().position(|stems| {
            stems.iter().any(|st| {
                word.strip_prefix(st)
                    .is_some_and(|end| DE_END.contains(&end))
            })
        })
    {
        return Some(i as f64 + 1.0);
    }
    BG.iter()
        .position(|st| {
            word.strip_prefix(st)
                .is_some_and(|end| BG_END.contains(&end))
        })
        .map(|i| i as f64 + 1.0)
}

/// The month number of a month name or abbreviation, folded.
pub fn month(word: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan", "januar", "jänner", "януари", "ян"],
        &["february", "feb", "februar", "февруари", "фев"],
        &["march", "mar", "märz", "mär", "март"],
        &["april", "apr", "април", "апр"],
        &["may", "mai", "май"],
        &["june", "jun", "juni", "юни"],
        &["july", "jul", "juli", "юли"],
        &["august", "aug", "август", "авг"],
        &["september", "sep", "sept", "септември", "сеп", "септ"],
        &["october", "oct", "oktober", "okt", "октомври", "окт"],
        &["november", "nov", "ноември", "ное"],
        &["december", "dec", "dezember", "dez", "декември", "дек"],
    ];
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|forms| forms.contains(&w))
        .map(|i| i as u8 + 1)
}
