//! Dates in the short numeric forms of other locales, which `quantities`
//! keys beside its own: German and Bulgarian day-first dots ("26.12.",
//! "12.1.21") and slashes in either order ("12/12/19", "3/16", "18/01").
//! A slash date is read both ways where both are valid (English writes the
//! month first, most of Europe the day), so "16.3." meets "3/16" and
//! "03.01.21" meets "01/03/21"; a reading that is not a valid day and month
//! is dropped, so "50/50" is no date.

use super::tokenize::{RawToken, Shape};

/// One reading of a date: year (when written), month, day.
pub type Reading = (Option<u16>, u8, u8);

/// The readings of a short date starting at token `i`, and how many tokens
/// it spans; `None` when there is none. A dotted date is one token and must
/// end in a dot ("26.12." — "15.5" is a number); a slash date is two or
/// three tokens joined by single slashes.
pub fn short_date(
    text: &str,
    raw: &[RawToken],
    folded: &[&str],
    i: usize,
) -> Option<(Vec<Reading>, usize)> {
    if raw.get(i)?.shape != Shape::Digits {
        return None;
    }
    if let Some(r) = dotted(text, raw, folded, i) {
        return Some((vec![r], 1));
    }
    // Tokens joined to the previous one by exactly "/".
    let mut parts = vec![folded[i]];
    let mut k = i;
    while parts.len() < 3
        && raw.get(k + 1).is_some_and(|n| {
            n.shape == Shape::Digits && text.get(raw[k].span.end..n.span.start) == Some("/")
        })
    {
        k += 1;
        parts.push(folded[k]);
    }
    // Not part of a longer run ("1/2/3/4") and not after a slash itself.
    let after = raw
        .get(k + 1)
        .and_then(|n| text.get(raw[k].span.end..n.span.start));
    let before = i
        .checked_sub(1)
        .and_then(|p| text.get(raw[p].span.end..raw[i].span.start));
    if parts.len() < 2 || after == Some("/") || before == Some("/") {
        return None;
    }
    let n = |x: &str| -> Option<u32> {
        (x.len() <= 4 && x.chars().all(|c| c.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    let (a, b) = (n(parts[0])?, n(parts[1])?);
    let year = match parts.get(2) {
        Some(y) => Some(year(y)?),
        None => None,
    };
    let mut readings: Vec<Reading> = [(a, b), (b, a)]
        .into_iter()
        .filter_map(|(m, d)| valid(year, m, d))
        .collect();
    readings.dedup();
    (!readings.is_empty()).then_some((readings, k + 1 - i))
}

/// "26.12.", "12.1.21.", "03.01.21": day first, a two-digit year or none
/// (four-digit years are `numeric_date`'s).
fn dotted(text: &str, raw: &[RawToken], folded: &[&str], i: usize) -> Option<Reading> {
    let word = folded[i];
    let parts: Vec<&str> = word.split('.').collect();
    let ends_in_dot = text[raw[i].span.end..].starts_with('.');
    let n = |x: &str| -> Option<u32> {
        (!x.is_empty() && x.len() <= 2 && x.chars().all(|c| c.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    match parts[..] {
        [d, m] if ends_in_dot => valid(None, n(m)?, n(d)?),
        [d, m, y] if y.len() == 2 => valid(Some(year(y)?), n(m)?, n(d)?),
        _ => None,
    }
}

/// A written year: four digits, or two (20xx up to 50, 19xx after).
fn year(y: &str) -> Option<u16> {
    let v: u16 = y.parse().ok()?;
    match y.len() {
        4 => Some(v),
        2 if v <= 50 => Some(2000 + v),
        2 => Some(1900 + v),
        _ => None,
    }
}

fn valid(year: Option<u16>, m: u32, d: u32) -> Option<Reading> {
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((year, m as u8, d as u8))
}

#[cfg(test)]
mod tests {
    use crate::analyse::tests::{LinkCase, links_as_wanted};
    use crate::lang::Lang::*;

    #[test]
    fn short_dates_meet_across_locales() {
        let cases: &[LinkCase] = &[
            (
                De,
                "Er kam am 16.3. an.",
                En,
                "He arrived on 3/16.",
                "16.3",
                "3",
                true,
            ),
            (
                De,
                "Er kam am 16.3. an.",
                En,
                "He arrived on 3/17.",
                "16.3",
                "3",
                false,
            ),
            (
                De,
                "Bestellt am 12.1.21.",
                En,
                "Ordered on 01/12/21.",
                "12.1.21",
                "01",
                true,
            ),
            (
                De,
                "Bestellt am 03.01.21.",
                En,
                "Ordered on 01/03/21.",
                "03.01.21",
                "01",
                true,
            ),
            (
                De,
                "Informiert am 18.01. per Mail.",
                En,
                "Told on the 18/01 by mail.",
                "18.01",
                "18",
                true,
            ),
            (
                De,
                "Versendet am 26.12. abends.",
                En,
                "Sent on December 26th.",
                "26.12",
                "26th",
                true,
            ),
            (
                De,
                "Bestellt am 12.12.19 online.",
                En,
                "Ordered on 12/12/19 online.",
                "12.12.19",
                "12",
                true,
            ),
            // A decimal without the closing dot stays a number.
            (
                De,
                "Es misst 15.5 mm.",
                En,
                "It measures 15.5 mm.",
                "15.5",
                "15.5",
                true,
            ),
            // Scores that look like times, and the German hour "15h".
            (
                De,
                "Es stand 16:32.",
                En,
                "It ended 16-32.",
                "16:32",
                "16",
                true,
            ),
            (
                De,
                "Morgen um 15h habe ich einen Test.",
                En,
                "Tomorrow at 3 PM I have a test.",
                "15",
                "3",
                true,
            ),
            // A number scaled inside a compound.
            (
                De,
                "Die 44-Millionen-Pfund-Verpflichtung enttäuscht.",
                En,
                "The £44m signing disappoints.",
                "44",
                "44",
                true,
            ),
        ];
        let failed = links_as_wanted(cases);
        assert!(failed.is_empty(), "\n{}", failed.join("\n"));
    }
}
