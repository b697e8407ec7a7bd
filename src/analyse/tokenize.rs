//! Tokenising one sentence: words (letters, with inner hyphens and
//! apostrophes: "по-добре", "don't", "Nord-Stream"), numbers (digits with
//! inner separators: "1.000,5", "22.02.2025", "12:00", and "1 000" with a
//! space between groups of three) and currency/percent symbols. Other
//! punctuation produces no token.

use std::ops::Range;

/// What a raw token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Word,
    Digits,
    Symbol,
}

/// A raw token: its byte span in the sentence and its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    pub span: Range<usize>,
    pub shape: Shape,
}

pub fn tokenize(s: &str) -> Vec<RawToken> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(s.len(), |&(i, _)| i);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if c.is_ascii_digit() {
            let start = k;
            let mut group = 0;
            while let Some(c) = at(k) {
                if c.is_ascii_digit() {
                    group += 1;
                    k += 1;
                } else if (matches!(c, '.' | ',' | ':')
                    && at(k + 1).is_some_and(|d| d.is_ascii_digit()))
                    || (c == ' ' && group <= 3 && is_digit_group(&chars, k + 1))
                {
                    // An inner separator, or a space between groups of three.
                    group = 0;
                    k += 1;
                } else {
                    break;
                }
            }
            k += ordinal_suffix(&chars, k);
            out.push(RawToken {
                span: byte(start)..byte(k),
                shape: Shape::Digits,
            });
        } else if c.is_alphabetic() {
            let start = k;
            while let Some(c) = at(k) {
                let joiner =
                    matches!(c, '-' | '\'' | '’') && at(k + 1).is_some_and(char::is_alphanumeric);
                if c.is_alphanumeric() || is_mark(c) || (joiner && k > start) {
                    k += 1;
                } else {
                    break;
                }
            }
            out.push(RawToken {
                span: byte(start)..byte(k),
                shape: Shape::Word,
            });
        } else if matches!(c, '%' | '€' | '$' | '£' | '‰') {
            out.push(RawToken {
                span: byte(k)..byte(k + 1),
                shape: Shape::Symbol,
            });
            k += 1;
        } else {
            k += 1;
        }
    }
    out
}

/// Length in chars of an ordinal suffix glued to a number at `k`: English
/// "20th", "1st", Bulgarian "3-ти", "21-ви", "2-ра", "-те" ("25-те").
fn ordinal_suffix(chars: &[(usize, char)], k: usize) -> usize {
    let word: String = chars[k..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .take(5)
        .collect();
    let bare = word.strip_prefix('-').unwrap_or(&word);
    let is_suffix = matches!(bare, "st" | "nd" | "rd" | "th")
        || (word.starts_with('-')
            && matches!(
                bare,
                "ти" | "ви" | "ри" | "ми" | "та" | "то" | "те" | "ия" | "ият" | "ра" | "ва"
            ));
    let followed = chars
        .get(k + word.chars().count())
        .is_none_or(|&(_, c)| !c.is_alphanumeric());
    if is_suffix && followed {
        word.chars().count()
    } else {
        0
    }
}

/// Exactly three digits start at `k` and no fourth follows: "1 000".
fn is_digit_group(chars: &[(usize, char)], k: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_ascii_digit());
    digit(k) && digit(k + 1) && digit(k + 2) && !digit(k + 3)
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenize_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Der Umsatz: 1.000,5 Mio. €",
                &["Der", "Umsatz", "1.000,5", "Mio", "€"],
            ),
            ("по-добре, не знам", &["по-добре", "не", "знам"]),
            ("It's 25% of 1,000.5", &["It's", "25", "%", "of", "1,000.5"]),
            (
                "1 000 000 лв. и 12 души",
                &["1 000 000", "лв", "и", "12", "души"],
            ),
            (
                "am 22.02.2025 um 12:00",
                &["am", "22.02.2025", "um", "12:00"],
            ),
            ("Nord-Stream-2 - so", &["Nord-Stream-2", "so"]),
            ("„Zitat“ -- (ok)", &["Zitat", "ok"]),
            ("3-ти и 20th", &["3-ти", "и", "20th"]),
            ("5-year", &["5", "year"]),
        ];
        for (s, want) in cases {
            let got: Vec<&str> = tokenize(s).into_iter().map(|t| &s[t.span]).collect();
            assert_eq!(got, *want, "{s:?}");
        }
    }
}
