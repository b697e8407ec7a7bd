//! Numbers, amounts, percentages and dates found in a token sequence. Every
//! token of a quantity gets the quantity's canonical keys, so "3,5 млрд." and
//! "3.5 billion" explain each other token for token, and "25 %" meets
//! "25 per cent". Dates: "22.02.2025", "3. Oktober 2025",
//! "22 февруари 2025 г.", "Feb. 22, 2025", "October 2025".

use crate::hash::FastMap as HashMap;

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
            if let Some(s) = folded.get(end).and_then(|w| scale(w, lang)) {
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
