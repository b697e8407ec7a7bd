//! Publication dates of articles, for judging which version came first. A
//! date comes from a date line in the file — a short line among the first or
//! last three that holds a date and little else (`2026-03-14 08:30`,
//! `Veröffentlicht: 14.03.2026, 10:15 Uhr`, `14 март 2026 г.`, `Published
//! March 14, 2026`) — or from the `date` of a `story.toml` in the article's
//! folder. The date line is metadata, not part of the story: it is left out
//! of the sentences that are matched.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;

/// A publication date, with the time of day when the line gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Minutes after midnight.
    pub minutes: Option<u16>,
}

impl Date {
    /// Which came first: different days order by day; on the same day, only
    /// two times of day tell (`None` when they cannot).
    pub fn order(&self, other: &Date) -> Option<Ordering> {
        let day = (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day));
        if day != Ordering::Equal {
            return Some(day);
        }
        match (self.minutes, other.minutes) {
            (Some(a), Some(b)) if a != b => Some(a.cmp(&b)),
            _ => None,
        }
    }

    /// A value that sorts dates in time (unknown times first in their day).
    pub fn sort_key(&self) -> u64 {
        let m = self.minutes.map_or(0, |m| m as u64 + 1);
        ((self.year as u64 * 13 + self.month as u64) * 32 + self.day as u64) * 2000 + m
    }

    /// Parses an ISO date (`2026-03-14`, as `story.toml` gives it),
    /// optionally with a time.
    pub fn parse_iso(s: &str) -> Option<Date> {
        parse_line(s.trim())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some(m) = self.minutes {
            write!(f, " {:02}:{:02}", m / 60, m % 60)?;
        }
        Ok(())
    }
}

/// Lines longer than this are sentences, not date lines.
const MAX_LINE_CHARS: usize = 64;

/// How many non-blank lines at each end of a file are looked at.
const EDGE_LINES: usize = 3;

/// Words a date line may hold besides the date itself (folded).
const LABELS: &[&str] = &[
    "published",
    "updated",
    "date",
    "posted",
    "on",
    "at",
    "am",
    "um",
    "uhr",
    "datum",
    "stand",
    "veröffentlicht",
    "aktualisiert",
    "erschienen",
    "дата",
    "публикувано",
    "публикувана",
    "публикуван",
    "обновено",
    "на",
    "в",
    "ч",
    "г",
    "год",
    "година",
    "часа",
    "cet",
    "cest",
    "utc",
    "gmt",
    "eet",
    "eest",
    "bst",
    "am",
    "pm",
];

/// Weekday names (folded), which a date line may start with.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "sonnabend",
    "понеделник",
    "вторник",
    "сряда",
    "четвъртък",
    "петък",
    "събота",
    "неделя",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
];

/// The date line of a text: its byte span in `text` and the date.
pub fn date_line(text: &str) -> Option<(Range<usize>, Date)> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let start = pos + (body.len() - body.trim_start().len());
            lines.push(start..start + trimmed.len());
        }
        pos += line.len();
    }
    let n = lines.len();
    let edges = (0..n.min(EDGE_LINES)).chain(n.saturating_sub(EDGE_LINES).max(EDGE_LINES)..n);
    for i in edges {
        let span = lines[i].clone();
        if let Some(date) = parse_line(&text[span.clone()]) {
            return Some((span, date));
        }
    }
    None
}

/// A date line's date, when the line is a date (with a label, a weekday and
/// a time of day at most) and nothing more.
fn parse_line(line: &str) -> Option<Date> {
    if line.chars().count() > MAX_LINE_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '|' | '(' | ')' | '·' | '–' | '—')
        })
        .map(|w| w.trim_matches(|c: char| matches!(c, ':' | '"' | '„' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    // "2026-03-14T08:30" splits at the T.
    let mut split = Vec::new();
    for w in words.drain(..) {
        match w.split_once('t') {
            Some((d, t)) if d.len() == 10 && d.contains('-') && t.contains(':') => {
                split.push(d);
                split.push(t);
            }
            _ => split.push(w),
        }
    }
    let words = split;
    let (mut year, mut month, mut day, mut minutes) = (None, None, None, None);
    let mut numbers: Vec<u32> = Vec::new();
    let mut other = 0usize;
    for w in &words {
        let bare = w.trim_end_matches('.');
        if let Some((y, m, d)) = crate::lexicon::numbers::numeric_date(bare) {
            if year.is_some() {
                return None;
            }
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if let Some(t) = time_of_day(bare) {
            minutes = Some(t);
        } else if let Some(m) = crate::locale::month(bare) {
            if month.is_some() {
                return None;
            }
            month = Some(m);
        } else if let Ok(n) = bare.trim_end_matches("г").parse::<u32>() {
            numbers.push(n);
        } else if LABELS.contains(&bare)
            || WEEKDAYS.contains(&bare)
            || !bare.chars().any(char::is_alphanumeric)
        {
        } else {
            other += 1;
        }
    }
    if other > 0 {
        return None;
    }
    if year.is_none() {
        // "14 March 2026", "March 14, 2026", "14. März 2026".
        month?;
        let y = numbers
            .iter()
            .copied()
            .find(|&n| (1900..=2999).contains(&n))?;
        let d = numbers.iter().copied().find(|&n| (1..=31).contains(&n))?;
        if numbers.len() != 2 {
            return None;
        }
        (year, day) = (Some(y as u16), Some(d as u8));
    } else if !numbers.is_empty() {
        return None;
    }
    Some(Date {
        year: year?,
        month: month?,
        day: day?,
        minutes,
    })
}

/// "08:30" as minutes after midnight.
fn time_of_day(w: &str) -> Option<u16> {
    let (h, m) = w.split_once(':')?;
    let m = m.split(':').next()?;
    let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
    (h < 24 && m < 60 && !w.is_empty()).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        parse_line(s).map(|d| d.to_string())
    }

    #[test]
    fn date_lines_in_three_languages() {
        let cases = [
            ("2026-03-14", Some("2026-03-14")),
            ("2026-03-14 08:30", Some("2026-03-14 08:30")),
            ("2026-03-14T08:30:00", Some("2026-03-14 08:30")),
            (
                "Veröffentlicht: 14.03.2026, 10:15 Uhr",
                Some("2026-03-14 10:15"),
            ),
            ("14. März 2026", Some("2026-03-14")),
            ("14 март 2026 г.", Some("2026-03-14")),
            (
                "Публикувано на 14.03.2026 в 09:05 ч.",
                Some("2026-03-14 09:05"),
            ),
            ("Published March 14, 2026", Some("2026-03-14")),
            (
                "Saturday, 14 March 2026, 18:00 CET",
                Some("2026-03-14 18:00"),
            ),
            ("China faces catastrophe", None),
            ("The vote is on 14 March 2026 in Jena", None),
            ("Prices rose 12 % in 2025", None),
            ("2026", None),
        ];
        for (line, want) in cases {
            assert_eq!(date(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn the_line_is_found_at_either_end() {
        let text = "Headline\n\nBody sentence one. Body two.\n\n14.03.2026\n";
        let (span, d) = date_line(text).unwrap();
        assert_eq!(&text[span], "14.03.2026");
        assert_eq!(d.to_string(), "2026-03-14");
        assert!(date_line("Headline\n\nNo date here at all.\n").is_none());
    }

    #[test]
    fn order_needs_a_day_or_two_times() {
        let a = Date::parse_iso("2026-03-14").unwrap();
        let b = Date::parse_iso("2026-03-15").unwrap();
        let c = Date::parse_iso("2026-03-14 10:00").unwrap();
        let d = Date::parse_iso("2026-03-14 12:00").unwrap();
        assert_eq!(a.order(&b), Some(Ordering::Less));
        assert_eq!(a.order(&c), None);
        assert_eq!(d.order(&c), Some(Ordering::Greater));
    }
}
