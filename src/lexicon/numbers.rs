//! Numbers and dates as values, so "3,5 млрд." (bg), "3,5 Mrd." (de) and
//! "3.5 billion" (en) meet, and "3,5" never meets "4,5".
//!
//! Digit strings are read locale-aware: German and Bulgarian write `1.000,5`
//! or `1 000,5`, English `1,000.5`. A lone separator followed by exactly three
//! digits is a thousands separator in the language's convention; any other
//! lone separator is a decimal mark. This module only knows words and digit
//! strings; [`crate::analyse`] groups tokens into numbers and dates.

use crate::lang::Lang;
pub use crate::locale::{month, number_word};

/// Parses a digit string with separators (`1.000,5`, `1,000.5`, `25`, `3,5`).
/// Spaces between groups must already be removed.
pub fn parse_digits(s: &str, lang: Lang) -> Option<f64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (thousands, decimal) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) if dots > 1 => (Some('.'), None),
        (0, _) if commas > 1 => (Some(','), None),
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let after = s.len() - s.find(sep)? - 1;
            let grouping = if lang == Lang::En { ',' } else { '.' };
            if after == 3 && sep == grouping {
                (Some(sep), None)
            } else {
                (None, Some(sep))
            }
        }
        _ => {
            // Both: the last one is the decimal mark.
            let last = s.rfind(['.', ','])?;
            let dec = s[last..].chars().next()?;
            let th = if dec == '.' { ',' } else { '.' };
            if s[..last].contains(dec) {
                return None;
            }
            (Some(th), Some(dec))
        }
    };
    let mut plain = String::with_capacity(s.len());
    for c in s.chars() {
        if Some(c) == thousands {
            continue;
        }
        plain.push(if Some(c) == decimal { '.' } else { c });
    }
    plain.parse().ok()
}

/// The multiplier of a scale word or abbreviation, folded. German
/// "Billion" is 10^12, English "billion" 10^9.
pub fn scale(word: &str, lang: Lang) -> Option<f64> {
    let w = word.trim_end_matches('.');
    if lang == Lang::De && matches!(w, "billion" | "billionen") {
        return Some(1e12);
    }
    Some(match w {
        "хил" | "хиляда" | "хиляди" | "tsd" | "tausend" | "thousand" | "thousands" | "k" => {
            1e3
        }
        "млн" | "милион" | "милиона" | "милиони" | "mio" | "million" | "millionen" | "millions"
        | "m" | "mn" => 1e6,
        "млрд" | "милиард" | "милиарда" | "милиарди" | "mrd" | "milliarde" | "milliarden"
        | "billion" | "billions" | "bn" => 1e9,
        "трлн" | "трилион" | "трилиона" | "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

/// True for a percent sign or word: `%`, "Prozent", "процента", "percent".
pub fn is_percent(word: &str) -> bool {
    matches!(
        word,
        "%" | "prozent" | "процент" | "процента" | "percent" | "pct" | "v.h"
    )
}

/// A numeric date `22.02.2025`, `22/02/2025` or ISO `2025-02-22` as
/// (year, month, day).
pub fn numeric_date(s: &str) -> Option<(u16, u8, u8)> {
    let parts: Vec<&str> = s.split(['.', '/', '-']).collect();
    let [a, b, c] = parts[..] else { return None };
    let n = |x: &str| x.parse::<u32>().ok();
    let (y, m, d) = if a.len() == 4 && s.contains('-') {
        (n(a)?, n(b)?, n(c)?)
    } else if c.len() == 4 && !s.contains('-') {
        (n(c)?, n(b)?, n(a)?)
    } else {
        return None;
    };
    let valid = (1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=2999).contains(&y);
    valid.then_some((y as u16, m as u8, d as u8))
}

/// A canonical text for a value, so equal values give equal keys.
pub fn value_key(v: f64, percent: bool) -> String {
    let mut s = format!("{v:.6}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if percent { format!("{s}%") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_strings_table() {
        let cases = [
            ("1.000,5", Lang::De, Some(1000.5)),
            ("1,000.5", Lang::En, Some(1000.5)),
            ("1000,5", Lang::Bg, Some(1000.5)),
            ("3,5", Lang::De, Some(3.5)),
            ("3,5", Lang::Bg, Some(3.5)),
            ("3.5", Lang::En, Some(3.5)),
            ("3.5", Lang::De, Some(3.5)),
            ("1.000", Lang::De, Some(1000.0)),
            ("1,000", Lang::En, Some(1000.0)),
            ("1.250.000", Lang::De, Some(1_250_000.0)),
            ("1,250,000", Lang::En, Some(1_250_000.0)),
            ("25", Lang::Bg, Some(25.0)),
            ("1.2.3,4,5", Lang::De, None),
            ("abc", Lang::En, None),
        ];
        for (s, lang, want) in cases {
            assert_eq!(parse_digits(s, lang), want, "{s} {lang}");
        }
    }

    #[test]
    fn words_and_dates_table() {
        assert_eq!(scale("млрд.", Lang::Bg), Some(1e9));
        assert_eq!(scale("mrd", Lang::De), Some(1e9));
        assert_eq!(scale("billion", Lang::En), Some(1e9));
        assert_eq!(scale("billion", Lang::De), Some(1e12));
        assert_eq!(scale("млн", Lang::Bg), Some(1e6));
        assert!(is_percent("процента") && is_percent("%") && is_percent("prozent"));
        assert_eq!(number_word("drei"), Some(3.0));
        assert_eq!(number_word("дванадесет"), Some(12.0));
        assert_eq!(number_word("seven"), Some(7.0));
        // Ordinals, with German endings and the Bulgarian article.
        assert_eq!(number_word("seventh"), Some(7.0));
        assert_eq!(number_word("siebten"), Some(7.0));
        assert_eq!(number_word("седмият"), Some(7.0));
        assert_eq!(number_word("втората"), Some(2.0));
        // Not the verb "achten", not "erst" (only), not "седмица" (week).
        assert_eq!(number_word("achten"), None);
        assert_eq!(number_word("erst"), None);
        assert_eq!(number_word("седмица"), None);
        assert_eq!(month("февруари"), Some(2));
        assert_eq!(month("okt."), Some(10));
        assert_eq!(month("feb"), Some(2));
        assert_eq!(numeric_date("22.02.2025"), Some((2025, 2, 22)));
        assert_eq!(numeric_date("2025-02-22"), Some((2025, 2, 22)));
        assert_eq!(numeric_date("1.000.000"), None);
        assert_eq!(value_key(3.5e9, false), "3500000000");
        assert_eq!(value_key(25.0, true), "25%");
        assert_eq!(value_key(0.25, false), "0.25");
    }
}
