//! Rule T1: a day of the week, a month or a season changed ("im Frühjahr"
//! → "in autumn", "в понеделник" → "on Tuesday"). The words come from
//! `data/score/time-words.tsv`. Months inside a full date are numbers, and
//! the number rules judge them; here only time words standing on their own
//! count. English "fall" is a season only after "in", "this", "last" or
//! "next", and "may" / "май" only next to a number ("May 5", "5 май"): each
//! is also a common word.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words};
use super::rules;
use super::view::{Side, Tok};
use crate::analyse::TokenKind;
use crate::lang::Lang;
use crate::lexicon::lang_index;

const TABLE: &str = include_str!("../../data/score/time-words.tsv");

/// (class, value, language index, form).
type Entry = (String, u8, usize, String);

static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| parse(TABLE));

fn parse(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.starts_with("class\t") || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let (Some(class), Some(Ok(value))) = (c.first(), c.get(1).map(|v| v.parse::<u8>())) else {
            continue;
        };
        for (lang, forms) in [
            (Lang::En, c.get(2)),
            (Lang::De, c.get(3)),
            (Lang::Bg, c.get(4)),
        ] {
            let Some(li) = lang_index(lang) else { continue };
            for form in forms.iter().flat_map(|f| f.split(" | ")) {
                out.push((class.to_string(), value, li, form.trim().to_string()));
            }
        }
    }
    out
}

/// The time words of a side standing on their own: (class, values,
/// token). A weekday after "night" is also the day before: „in der Nacht
/// zum Sonntag“ is "Saturday night", „в нощта срещу неделя“ too.
fn time_words(side: &Side) -> Vec<(&'static str, Vec<u8>, Tok)> {
    let Some(li) = lang_index(side.lang) else {
        return Vec::new();
    };
    let word = |k: Tok| side.surface(k).to_lowercase();
    let near_number = |k: Tok| {
        [k.t.checked_sub(1), Some(k.t + 1)]
            .into_iter()
            .flatten()
            .any(|t| {
                let n = Tok { s: k.s, t };
                side.tokens().any(|x| x == n) && side.kind(n) == TokenKind::Number
            })
    };
    let mut out = Vec::new();
    for k in side.tokens() {
        if side.kind(k) == TokenKind::Number {
            continue;
        }
        let w = word(k);
        let Some((class, value, _, _)) = ENTRIES.iter().find(|e| e.2 == li && e.3 == w) else {
            continue;
        };
        let ambiguous = match w.as_str() {
            "may" | "май" => !near_number(k),
            "fall" => !k.t.checked_sub(1).is_some_and(|t| {
                matches!(
                    word(Tok { s: k.s, t }).as_str(),
                    "in" | "this" | "last" | "next"
                )
            }),
            _ => false,
        };
        if ambiguous {
            continue;
        }
        let mut values = vec![*value];
        let after_night = (1..=2).any(|back| {
            k.t.checked_sub(back).is_some_and(|t| {
                matches!(
                    word(Tok { s: k.s, t }).as_str(),
                    "nacht" | "нощта" | "night"
                )
            })
        });
        if class == "weekday" && after_night {
            values.push(if *value == 1 { 7 } else { value - 1 });
        }
        out.push((class.as_str(), values, k));
    }
    out
}

/// T1.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let (src, tgt) = (time_words(&pr.source), time_words(&pr.target));
    let mut out = Vec::new();
    for class in ["weekday", "month", "season"] {
        let values = |v: &[(&str, Vec<u8>, Tok)]| -> BTreeSet<u8> {
            v.iter()
                .filter(|e| e.0 == class)
                .flat_map(|e| e.1.iter().copied())
                .collect()
        };
        let (sv, tv) = (values(&src), values(&tgt));
        let changed = |v: &[(&str, Vec<u8>, Tok)], other: &BTreeSet<u8>| -> Vec<Words> {
            v.iter()
                .filter(|e| e.0 == class && !e.1.iter().any(|x| other.contains(x)))
                .map(|e| Words::one(e.2))
                .collect()
        };
        let (s, t) = (changed(&src, &tv), changed(&tgt, &sv));
        if s.is_empty() || t.is_empty() || !cx.corresponds() {
            continue;
        }
        claims.target(&t);
        out.push(Finding::new(&rules::T1).with_target(t).with_source(s));
    }
    out
}
