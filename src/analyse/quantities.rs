//! Numbers, amounts, percentages and dates found in a token sequence. Every
//! token of a quantity gets the quantity's canonical keys, so "3,5 млрд." and
//! "3.5 billion" explain each other token for token, and "25 %" meets
//! "25 per cent". Dates: "22.02.2025", "3. Oktober 2025",
//! "22 февруари 2025 г.", "Feb. 22, 2025", "October 2025".

use crate::hash::FastMap as HashMap;

use super::dates;
use super::keys::Key;
use super::tokenize::{RawToken, Shape};
use crate::lang::Lang;
use crate::lexicon::numbers::{
    is_percent, month, number_word, numeric_date, parse_digits, scale, value_key,
};

/// Token index → keys of the quantity it belongs to.
pub fn find(text: &str, raw: &[RawToken], folded: &[&str], lang: Lang) -> HashMap<usize, Vec<Key>> {
    let mut out: HashMap<usize, Vec<Key>> = HashMap::default();
    let digits = |k: usize| -> Option<f64> {
        let t = raw.get(k)?;
        if folded[k].contains(':') {
            return None;
        }
        let bare: String = folded[k]
            .chars()
            .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            .collect();
        let bare = bare.trim_end_matches(['.', ',']);
        (t.shape == Shape::Digits).then(|| parse_digits(bare, lang))?
    };
    let year = |k: usize| {
        digits(k)
            .filter(|v| v.fract() == 0.0 && (1000.0..3000.0).contains(v) && folded[k].len() == 4)
    };
    let month_at = |k: usize| -> Option<u8> {
        let t = raw.get(k)?;
        let surface = &text[t.span.clone()];
        let cased = lang == Lang::Bg || surface.starts_with(char::is_uppercase);
        (t.shape == Shape::Word && cased).then(|| month(folded[k]))?
    };
    let day = |v: f64| (v.fract() == 0.0 && (1.0..=31.0).contains(&v)).then_some(v as u8);
    let mut i = 0;
    while i < raw.len() {
        // A numeric date: 22.02.2025.
        if raw[i].shape == Shape::Digits
            && let Some((y, m, d)) = numeric_date(folded[i])
        {
            let (whole, parts) = date_keys(Some(y), m, Some(d));
            add(&mut out, i..i + 1, &[whole, parts].concat());
            i += 1;
            continue;
        }
        // A short date of another locale: "26.12.", "12/12/19", "3/16".
        // A dotted one is also a number (below); a slash date is only a
        // date.
        if let Some((readings, used)) = dates::short_date(text, raw, folded, i) {
            for (y, m, d) in readings {
                let (whole, parts) = date_keys(y, m, Some(d));
                add(&mut out, i..i + used, &[whole, parts].concat());
            }
            if used > 1 {
                i += used;
                continue;
            }
        }
        // Day, month name, optional year (and Bulgarian "г."): 3. Oktober 2025.
        if let (Some(d), Some(m)) = (digits(i).and_then(day), month_at(i + 1)) {
            let y = year(i + 2);
            let mut end = i + 2 + usize::from(y.is_some());
            if y.is_some() && folded.get(end).is_some_and(|w| *w == "г" || *w == "година") {
                end += 1;
            }
            let year_at = y.map(|_| i + 2);
            add_date(
                &mut out,
                Date {
                    day_at: Some(i),
                    month_at: i + 1,
                    year_at,
                    end,
                },
                y.map(|v| v as u16),
                m,
                Some(d),
            );
            i = end;
            continue;
        }
        // Month name, optional day, optional year: Feb. 22, 2025 · October 2025.
        if let Some(m) = month_at(i) {
            let d = digits(i + 1)
                .and_then(day)
                .filter(|_| year(i + 1).is_none());
            let y_at = i + 1 + usize::from(d.is_some());
            let y = year(y_at);
            if d.is_some() || y.is_some() {
                let end = y_at + usize::from(y.is_some());
                let day_at = d.map(|_| i + 1);
                add_date(
                    &mut out,
                    Date {
                        day_at,
                        month_at: i,
                        year_at: y.map(|_| y_at),
                        end,
                    },
                    y.map(|v| v as u16),
                    m,
                    d,
                );
                i = end;
                continue;
            }
        }
        // A score or a ratio, "1:1": the pair, so that it meets "1-1". A
        // pair that could be a time ("3:10", "16:32") is both, and goes on
        // to be keyed as a time below.
        if raw[i].shape == Shape::Digits
            && let Some((a, b)) = pair_of(folded[i], ':')
        {
            add(&mut out, i..i + 1, &pair_keys(a, b));
            if clock_time(folded[i]).is_none() {
                i += 1;
                continue;
            }
        }
        // "1-1", "6–6": two numbers joined by a dash, a score or a range.
        if let Some(b) = dash_pair(text, raw, i) {
            let a = digits(i).unwrap_or(0.0);
            add(&mut out, i..i + 2, &pair_keys(a, b));
        }
        // "10: 00": a clock time cut by a tokenised source.
        if raw[i].shape == Shape::Digits
            && let Some(next) = raw.get(i + 1)
            && text.get(raw[i].span.end..next.span.start) == Some(": ")
            && folded[i + 1].len() == 2
            && let Some(times) = clock_time(&format!("{}:{}", folded[i], folded[i + 1]))
        {
            for t in times {
                add(&mut out, i..i + 2, &[Key::quantity(&t)]);
            }
        }
        // "20 Uhr", "8 p.m.", "20 ч.": an hour on the clock.
        if let Some(v) = digits(i).filter(|v| v.fract() == 0.0 && *v <= 24.0)
            && let Some((hour, used)) = hour_word(folded, i + 1, v as u8)
        {
            add(
                &mut out,
                i..i + 1 + used,
                &[
                    Key::quantity(&format!("time {hour:02}:00")),
                    Key::quantity(&format!("dial {:02}:00", hour % 12)),
                ],
            );
        }
        // "1200 GMT", "0930 hours": a clock time in military notation.
        if raw[i].shape == Shape::Digits
            && folded[i].len() == 4
            && folded[i].chars().all(|c| c.is_ascii_digit())
            && folded.get(i + 1).is_some_and(|w| {
                matches!(
                    w.trim_end_matches('.'),
                    "gmt" | "utc" | "hours" | "hrs" | "mez" | "cet" | "est" | "bst"
                )
            })
            && let Some(times) = clock_time(&format!("{}:{}", &folded[i][..2], &folded[i][2..]))
        {
            for t in times {
                add(&mut out, i..i + 1, &[Key::quantity(&t)]);
            }
        }
        // Decades and centuries: "60-те", "1960s", "1960er"; "19-ти век",
        // "19. Jahrhundert", "the 1800s".
        if raw[i].shape == Shape::Digits
            && let Some(v) = digits(i)
        {
            let keys = period_keys(text, raw, folded, i, v);
            if !keys.is_empty() {
                add(&mut out, i..i + 1, &keys);
            }
        }
        // A clock time, "12:00" or "12.00": also keyed as a time, so that
        // the formats of different locales meet.
        if raw[i].shape == Shape::Digits
            && let Some(times) = clock_time(folded[i])
        {
            for t in times {
                out.entry(i).or_default().push(Key::quantity(&t));
            }
        }
        // A number, maybe scaled and maybe a percentage.
        let value = digits(i).or_else(|| {
            (raw[i].shape == Shape::Word)
                .then(|| number_word(folded[i]))
                .flatten()
        });
        if let Some(mut v) = value {
            let mut end = i + 1;
            // A year and its Bulgarian abbreviation: "2025 г."
            if year(i).is_some() && folded.get(end).is_some_and(|w| *w == "г" || *w == "година")
            {
                end += 1;
            }
            // "m", "k" and "bn" are scales only after a currency sign in
            // English ("$5m"); elsewhere "100 m" is a hundred metres.
            let currency = i > 0 && raw[i - 1].shape == Shape::Symbol;
            // A scale may open a compound: "44-Millionen-Pfund-Deal".
            let hyphened = raw
                .get(end)
                .is_some_and(|n| text.get(raw[end - 1].span.end..n.span.start) == Some("-"));
            if let Some(s) = folded
                .get(end)
                .map(|w| {
                    if hyphened {
                        w.split('-').next().unwrap_or(w)
                    } else {
                        w
                    }
                })
                .filter(|w| {
                    !matches!(*w, "m" | "k" | "mn" | "bn") || (currency && lang == Lang::En)
                })
                .and_then(|w| scale(w, lang))
            {
                v *= s;
                end += 1;
            }
            let mut percent = false;
            if let Some(w) = folded.get(end) {
                if is_percent(w) {
                    percent = true;
                    end += 1;
                } else if *w == "per" && folded.get(end + 1).is_some_and(|c| *c == "cent") {
                    percent = true;
                    end += 2;
                }
            }
            let mut keys = vec![Key::quantity(&value_key(v, percent))];
            // A percentage is also its plain value: "four percent" meets a
            // "vier" whose sign the translation left out.
            if percent {
                keys.push(Key::quantity(&value_key(v, false)));
            }
            // "52,000" in a German text is usually an English-style 52000
            // (and "52.000" in an English one a German-style one): a single
            // separator before exactly three digits is read both ways.
            if let Some(alt) = other_reading(folded[i], lang) {
                let scaled = alt * v / digits(i).unwrap_or(v).max(f64::MIN_POSITIVE);
                keys.push(Key::quantity(&value_key(scaled, percent)));
            }
            add(&mut out, i..end, &keys);
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The values of the numbers inside a word or a code ("U23",
/// "Phase-3-Studie", "COVID-19"), as keys: the word stays a word, and also
/// meets the plain numbers of another language ("фаза 3", "под 23 г.").
pub fn inner_numbers(word: &str) -> Vec<Key> {
    if !word.chars().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    word.split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty() && d.len() <= 6)
        .filter_map(|d| d.parse::<f64>().ok())
        .map(|v| Key::quantity(&value_key(v, false)))
        .collect()
}

/// The value of a number word that opens a compound, as keys: "achtmal"
/// and "achtfach" (8), "fünftplatzierten" and "zweitlängste" (5th, 2nd),
/// "стократно" (100), "threefold" (3). Only before the parts listed, which
/// make a count or a rank of what follows ("Achtung" and "Dreieck" are
/// words of their own). A knockout round carries the number of teams left:
/// "Achtelfinal-Pflicht" meets "round of 16", „полуфинал“ "last four".
pub fn compound_numbers(word: &str, lang: Lang) -> Vec<Key> {
    const DE: &[&str] = &[
        "mal",
        "fach",
        "jährig",
        "tägig",
        "stündig",
        "köpfig",
        "teilig",
        "stellig",
        "platziert",
        "größt",
        "längst",
        "höchst",
        "best",
        "stärkst",
        "wichtigst",
        "schnellst",
        "ältest",
    ];
    const BG: &[&str] = &["крат", "годиш", "днев", "часов", "член", "етаж"];
    const EN: &[&str] = &["fold"];
    const DE_STEMS: &[(&str, f64)] = &[
        ("zweit", 2.0),
        ("zwei", 2.0),
        ("dritt", 3.0),
        ("drei", 3.0),
        ("viert", 4.0),
        ("vier", 4.0),
        ("fünft", 5.0),
        ("fünf", 5.0),
        ("sechst", 6.0),
        ("sechs", 6.0),
        ("siebt", 7.0),
        ("sieben", 7.0),
        ("acht", 8.0),
        ("neunt", 9.0),
        ("neun", 9.0),
        ("zehnt", 10.0),
        ("zehn", 10.0),
        ("hundert", 100.0),
        ("tausend", 1000.0),
    ];
    const BG_STEMS: &[(&str, f64)] = &[
        ("дву", 2.0),
        ("три", 3.0),
        ("четири", 4.0),
        ("пет", 5.0),
        ("шест", 6.0),
        ("седем", 7.0),
        ("осем", 8.0),
        ("девет", 9.0),
        ("десет", 10.0),
        ("сто", 100.0),
        ("хиляд", 1000.0),
    ];
    const EN_STEMS: &[(&str, f64)] = &[
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("hundred", 100.0),
        ("thousand", 1000.0),
    ];
    // A knockout round is named by the teams left in it: "Achtelfinale"
    // (eighth-final) is the round of 16, „четвъртфинал“ the last eight.
    const ROUNDS: &[(&str, f64)] = &[
        ("sechzehntelfinal", 32.0),
        ("achtelfinal", 16.0),
        ("viertelfinal", 8.0),
        ("halbfinal", 4.0),
        ("осминафинал", 16.0),
        ("четвъртфинал", 8.0),
        ("полуфинал", 4.0),
        ("quarterfinal", 8.0),
        ("quarter-final", 8.0),
        ("semifinal", 4.0),
        ("semi-final", 4.0),
    ];
    if let Some((_, v)) = ROUNDS.iter().find(|(r, _)| word.contains(r)) {
        return vec![Key::quantity(&value_key(*v, false))];
    }
    let (stems, parts) = match lang {
        Lang::De => (DE_STEMS, DE),
        Lang::Bg => (BG_STEMS, BG),
        Lang::En => (EN_STEMS, EN),
        Lang::Other(_) => return Vec::new(),
    };
    stems
        .iter()
        .find_map(|(stem, v)| {
            let rest = word.strip_prefix(stem)?;
            parts
                .iter()
                .any(|p| rest.starts_with(p))
                .then(|| Key::quantity(&value_key(*v, false)))
        })
        .into_iter()
        .collect()
}

/// "1:1" as the pair of its parts.
fn pair_of(word: &str, sep: char) -> Option<(f64, f64)> {
    let (a, b) = word.split_once(sep)?;
    // A race time's fraction takes either decimal mark: "4:41.30" (en),
    // "4:41,30" (de, bg).
    Some((a.parse().ok()?, b.replacen(',', ".", 1).parse().ok()?))
}

/// The key of a score, ratio or range: the pair, whatever joins it ("1:1",
/// "1-1"); its values alone do not make it ("2:1" is not "1-1").
fn pair_keys(a: f64, b: f64) -> Vec<Key> {
    vec![Key::quantity(&format!(
        "pair {}:{}",
        value_key(a, false),
        value_key(b, false)
    ))]
}

/// The second number of "1-1" or "6–6" starting at token `i`.
fn dash_pair(text: &str, raw: &[RawToken], i: usize) -> Option<f64> {
    let (a, b) = (raw.get(i)?, raw.get(i + 1)?);
    let between = text.get(a.span.end..b.span.start)?;
    if a.shape != Shape::Digits || b.shape != Shape::Digits || !matches!(between, "-" | "–" | ":")
    {
        return None;
    }
    text.get(b.span.clone())?.parse().ok()
}

/// An hour word after a number: "Uhr", "ч", "часа", "o'clock", or "a.m." /
/// "p.m." (which turn the hour into the 24-hour dial); the hour and how many
/// tokens the word used.
fn hour_word(folded: &[&str], k: usize, v: u8) -> Option<(u8, usize)> {
    let w = folded.get(k)?.trim_end_matches('.');
    let next = folded.get(k + 1).map(|n| n.trim_end_matches('.'));
    match (w, next) {
        ("uhr" | "h" | "ч" | "часа" | "час", _) => Some((v, 1)),
        ("p.m" | "pm", _) => Some(((v % 12) + 12, 1)),
        ("a.m" | "am", _) => Some((v % 12, 1)),
        ("p", Some("m")) => Some(((v % 12) + 12, 2)),
        ("a", Some("m")) => Some((v % 12, 2)),
        _ => None,
    }
}

/// Keys of a decade or a century: "60-те", "1960s", "1960er" are the
/// decade 60; "19-ти век", "19. Jahrhundert", "19th century" and "the
/// 1800s" are the century 19.
fn period_keys(text: &str, raw: &[RawToken], folded: &[&str], i: usize, v: f64) -> Vec<Key> {
    let mut keys = Vec::new();
    if v.fract() != 0.0 {
        return keys;
    }
    let n = v as u32;
    let word = &folded[i];
    let glued = text.get(raw[i].span.end..).unwrap_or("");
    let plural = glued.starts_with('s')
        || glued.starts_with("'s")
        || glued.starts_with("’s")
        || glued.starts_with("er");
    if (word.ends_with("-те") && n.is_multiple_of(10) && (10..=90).contains(&n))
        || (plural && n.is_multiple_of(10) && (1000..3000).contains(&n))
    {
        keys.push(Key::quantity(&format!("decade {}", n % 100)));
    }
    if plural && n.is_multiple_of(100) && (1000..3000).contains(&n) {
        keys.push(Key::quantity(&format!("century {}", n / 100 + 1)));
    }
    let century_word = folded.get(i + 1).is_some_and(|w| {
        matches!(
            *w,
            "век" | "века" | "jahrhundert" | "jahrhunderts" | "century" | "centuries"
        )
    });
    if century_word && (1..=30).contains(&n) {
        keys.push(Key::quantity(&format!("century {n}")));
    }
    keys
}

/// The other reading of a number with one separator before three digits.
fn other_reading(word: &str, lang: Lang) -> Option<f64> {
    let bare: String = word
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let seps: Vec<usize> = bare.match_indices(['.', ',']).map(|(i, _)| i).collect();
    if seps.len() != 1 || bare.len() - seps[0] - 1 != 3 || seps[0] == 0 {
        return None;
    }
    let other = if lang == Lang::En { Lang::De } else { Lang::En };
    let (a, b) = (parse_digits(&bare, lang)?, parse_digits(&bare, other)?);
    (a != b).then_some(b)
}

/// The keys of a clock time, "12:00" or "12.00" (hours up to 24, two-digit
/// minutes): the time itself and the time on a 12-hour dial, where "23:00"
/// meets "11:00 p.m.".
fn clock_time(word: &str) -> Option<[String; 2]> {
    let (h, m) = word.split_once([':', '.'])?;
    let (hh, mm): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h.len() <= 2 && m.len() == 2 && hh <= 24 && mm <= 59).then(|| {
        [
            format!("time {hh:02}:{mm:02}"),
            format!("dial {:02}:{mm:02}", hh % 12),
        ]
    })
}

fn add(out: &mut HashMap<usize, Vec<Key>>, tokens: std::ops::Range<usize>, keys: &[Key]) {
    for k in tokens {
        out.entry(k).or_default().extend_from_slice(keys);
    }
}

/// Where the parts of a date are: token indices, `end` exclusive.
struct Date {
    day_at: Option<usize>,
    month_at: usize,
    year_at: Option<usize>,
    end: usize,
}

fn add_date(out: &mut HashMap<usize, Vec<Key>>, at: Date, y: Option<u16>, m: u8, d: Option<u8>) {
    let (whole, parts) = date_keys(y, m, d);
    let day_month = [whole.clone(), parts].concat();
    for k in at.day_at.into_iter().chain([at.month_at]) {
        add(out, k..k + 1, &day_month);
    }
    // The day is also a plain number: "the 5th" meets "5. September".
    if let (Some(k), Some(d)) = (at.day_at, d) {
        add(out, k..k + 1, &[Key::quantity(&value_key(d as f64, false))]);
    }
    if let (Some(ya), Some(y)) = (at.year_at, y) {
        let year = Key::quantity(&value_key(y as f64, false));
        add(out, ya..at.end, &[whole, vec![year]].concat());
    }
}

/// The keys of a date: the whole date (when the year is known), and the
/// day-and-month key that day and month tokens also carry, so a changed year
/// leaves day and month matched and a changed day leaves the year matched.
fn date_keys(year: Option<u16>, month: u8, day: Option<u8>) -> (Vec<Key>, Vec<Key>) {
    let whole = match (year, day) {
        (Some(y), Some(d)) => vec![Key::quantity(&format!("{y:04}-{month:02}-{d:02}"))],
        (Some(y), None) => vec![Key::quantity(&format!("{y:04}-{month:02}"))],
        _ => Vec::new(),
    };
    let parts = match day {
        Some(d) => vec![Key::quantity(&format!("--{month:02}-{d:02}"))],
        None => Vec::new(),
    };
    (whole, parts)
}
