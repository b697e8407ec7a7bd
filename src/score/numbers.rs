//! Rules N1–N4: numbers whose value the other side does not have. The
//! analysis reads every notation into values (decimal marks, scales such as
//! „Mrd.“, words such as "three", percentages, scores "1-1" / "1:1", clock
//! times "8 p.m." / "20 Uhr", decades "60-те" / "1960s", centuries, numbers
//! inside codes "U23"), and the correspondence links equal values, so what
//! is left open here is a value one side lacks. A number converted to
//! another unit within rounding (94 mph ≈ 151 km/h, "20 feet" /
//! "6-метровото") is a note (N4), and a conversion one side adds beside a
//! number both have ("50 kilometres (31 miles)") is nothing. Ordinal
//! words link to the numbers they spell ("седмият" / "7th") but are never
//! claimed themselves: floors and ranks are counted differently ("im
//! ersten Stock" / "on the second floor").

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::rules;
use super::view::{Side, Tok};
use crate::analyse::TokenKind;
use crate::lexicon::numbers::parse_digits;
use crate::locale::ordinal_word;

/// Consecutive tokens of one kind, covered if any token of the group is.
pub fn groups(side: &Side, kind: TokenKind) -> Vec<(Words, bool)> {
    let toks: Vec<Tok> = side.tokens().filter(|&k| side.kind(k) == kind).collect();
    runs(toks)
        .into_iter()
        .map(|w| {
            let covered = (w.from.t..=w.to.t).any(|t| side.is_covered(Tok { s: w.from.s, t }));
            (w, covered)
        })
        .collect()
}

/// Is a number group only words ("three"), not digits?
fn spelled(side: &Side, w: &Words) -> bool {
    (w.from.t..=w.to.t).all(|t| {
        !side
            .surface(Tok { s: w.from.s, t })
            .chars()
            .any(|c| c.is_ascii_digit())
    })
}

/// Units a number may be converted between, folded, with their factor to
/// the base unit of their dimension (metre, kilogram, km/h, hectare).
const UNITS: &[(&str, char, f64)] = &[
    ("m", 'l', 1.0),
    ("meter", 'l', 1.0),
    ("meters", 'l', 1.0),
    ("metre", 'l', 1.0),
    ("metres", 'l', 1.0),
    ("метра", 'l', 1.0),
    ("метър", 'l', 1.0),
    ("м", 'l', 1.0),
    ("km", 'l', 1000.0),
    ("kilometres", 'l', 1000.0),
    ("kilometers", 'l', 1000.0),
    ("kilometer", 'l', 1000.0),
    ("километра", 'l', 1000.0),
    ("км", 'l', 1000.0),
    ("ft", 'l', 0.3048),
    ("feet", 'l', 0.3048),
    ("foot", 'l', 0.3048),
    ("fuß", 'l', 0.3048),
    ("фута", 'l', 0.3048),
    ("in", 'l', 0.0254),
    ("inches", 'l', 0.0254),
    ("zoll", 'l', 0.0254),
    ("инча", 'l', 0.0254),
    ("cm", 'l', 0.01),
    ("см", 'l', 0.01),
    ("mi", 'l', 1609.34),
    ("miles", 'l', 1609.34),
    ("mile", 'l', 1609.34),
    ("meilen", 'l', 1609.34),
    ("мили", 'l', 1609.34),
    ("mph", 'v', 1.60934),
    ("km/h", 'v', 1.0),
    ("kg", 'w', 1.0),
    ("kilogramm", 'w', 1.0),
    ("kilograms", 'w', 1.0),
    ("килограма", 'w', 1.0),
    ("кг", 'w', 1.0),
    ("lb", 'w', 0.453592),
    ("lbs", 'w', 0.453592),
    ("acres", 'a', 0.404686),
    ("hectares", 'a', 1.0),
    ("hektar", 'a', 1.0),
    ("хектара", 'a', 1.0),
];

/// Adjectives made from a unit, which a number opens with a hyphen
/// ("6-метровото наводнение", "20-Meter-Turm", "a 20-foot wall"): their
/// stems, with the unit's dimension and factor.
const UNIT_STEMS: &[(&str, char, f64)] = &[
    ("километров", 'l', 1000.0),
    ("сантиметров", 'l', 0.01),
    ("метров", 'l', 1.0),
    ("футов", 'l', 0.3048),
    ("kilometer", 'l', 1000.0),
    ("meter", 'l', 1.0),
    ("metre", 'l', 1.0),
    ("foot", 'l', 0.3048),
    ("fuß", 'l', 0.3048),
    ("mile", 'l', 1609.34),
    ("meilen", 'l', 1609.34),
    ("tonnen", 'w', 1000.0),
    ("ton", 'w', 1000.0),
];

/// The value of a number group and its unit, if any: (value, dimension,
/// factor to the base unit). The unit is the next word, or the word the
/// number opens with a hyphen ("6-метровото").
fn measure(side: &Side, w: &Words) -> Option<(f64, char, f64)> {
    let text = side.surface(w.from);
    let (number, glued) = match text.split_once('-') {
        Some((n, rest)) if n.chars().any(|c| c.is_ascii_digit()) => (n, Some(rest)),
        _ => (text, None),
    };
    let bare: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let value = parse_digits(bare.trim_end_matches(['.', ',']), side.lang)?;
    if let Some(rest) = glued {
        let unit = rest.split('-').next().unwrap_or(rest).to_lowercase();
        return UNITS
            .iter()
            .find(|(name, _, _)| *name == unit)
            .or_else(|| {
                UNIT_STEMS
                    .iter()
                    .find(|(stem, _, _)| unit.starts_with(stem))
            })
            .map(|&(_, dim, f)| (value, dim, f));
    }
    let unit_at = Tok {
        s: w.to.s,
        t: w.to.t + 1,
    };
    side.analysed[w.to.s].tokens.get(unit_at.t as usize)?;
    let mut unit = side.surface(unit_at).to_lowercase();
    // "km/h" is two tokens.
    if unit == "km" && side.texts[w.to.s][side.span(unit_at).end..].starts_with("/h") {
        unit = "km/h".into();
    }
    let hyphen = side.texts[w.to.s].get(side.span(w.to).end..side.span(unit_at).start) == Some("-");
    UNITS
        .iter()
        .find(|(name, _, _)| *name == unit.trim_end_matches('.'))
        .or_else(|| {
            UNIT_STEMS
                .iter()
                .find(|(stem, _, _)| hyphen && unit.starts_with(stem))
        })
        .map(|&(_, dim, f)| (value, dim, f))
}

/// Is number group `w` a conversion of another number of its own side
/// into another unit ("50 kilometres (31 miles)"): an aid to the reader,
/// not a number of its own?
fn converts_its_neighbour(side: &Side, w: &Words) -> bool {
    let Some((v, dim, f)) = measure(side, w) else {
        return false;
    };
    groups(side, TokenKind::Number).iter().any(|(o, _)| {
        o.from.s == w.from.s
            && o.from != w.from
            && measure(side, o).is_some_and(|(vo, dimo, fo)| {
                let (x, y) = (v * f, vo * fo);
                dimo == dim && fo != f && y != 0.0 && ((x - y) / y).abs() <= 0.03
            })
    })
}

/// Does every open number of `a` match one of `b` converted to another unit
/// of the same dimension, within rounding (3 %)?
fn converted(pa: &Side, a: &[Words], pb: &Side, b: &[Words]) -> bool {
    let mb: Vec<(f64, char, f64)> = b.iter().filter_map(|w| measure(pb, w)).collect();
    !a.is_empty()
        && a.iter().all(|w| {
            measure(pa, w).is_some_and(|(va, da, fa)| {
                mb.iter().any(|&(vb, db, fb)| {
                    let (x, y) = (va * fa, vb * fb);
                    da == db && fa != fb && y != 0.0 && ((x - y) / y).abs() <= 0.03
                })
            })
        })
}

/// N1, N2, N3, N4.
pub fn detect(cx: &RowContext, claims: &mut Claims) -> Vec<Finding> {
    let pr = cx.pr;
    let open = |side: &Side| -> Vec<Words> {
        groups(side, TokenKind::Number)
            .into_iter()
            .filter(|(_, covered)| !covered)
            .map(|(w, _)| w)
            .collect()
    };
    let (mut s, mut t) = (open(&pr.source), open(&pr.target));
    // A conversion one side adds, where the other side has no measure of
    // its own left open (if it has, the two conversions are compared).
    let (s0, t0) = (s.clone(), t.clone());
    let unmeasured = |side: &Side, open: &[Words]| open.iter().all(|o| measure(side, o).is_none());
    if unmeasured(&pr.target, &t0) {
        s.retain(|w| !converts_its_neighbour(&pr.source, w));
    }
    if unmeasured(&pr.source, &s0) {
        t.retain(|w| !converts_its_neighbour(&pr.target, w));
    }
    // Ordinal words left open are not claimed: floors and ranks are
    // counted differently ("im ersten Stock" is "on the second floor").
    // So are ordinals in digits ("4th", "21st"): "the 4th ranked team"
    // for „des Tabellenvierten“, whose ordinal hides in a compound.
    let ordinal = |side: &Side, w: &Words| {
        (w.from.t..=w.to.t).all(|t| {
            let word = side.surface(Tok { s: w.from.s, t }).to_lowercase();
            ordinal_word(&word).is_some() || {
                let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &word[digits.len()..];
                !digits.is_empty()
                    && digits.chars().all(|c| c.is_ascii_digit())
                    && matches!(suffix, "st" | "nd" | "rd" | "th")
            }
        })
    };
    s.retain(|w| !ordinal(&pr.source, w));
    t.retain(|w| !ordinal(&pr.target, w));
    claims.target(&t);
    match (s.is_empty(), t.is_empty()) {
        // A unit converted within rounding: 94 mph ≈ 151 km/h.
        (false, false) if converted(&pr.target, &t, &pr.source, &s) => {
            vec![Finding::new(&rules::N4).with_target(t).with_source(s)]
        }
        (false, false) if cx.corresponds() => {
            vec![Finding::new(&rules::N1).with_target(t).with_source(s)]
        }
        (false, false) => Vec::new(),
        (true, false) => {
            // A spelled-out small number ("one of", "a couple") is often
            // idiom; only digits count as a number that appeared.
            let digits: Vec<Words> = t.into_iter().filter(|w| !spelled(&pr.target, w)).collect();
            if digits.is_empty() {
                Vec::new()
            } else {
                vec![Finding::new(&rules::N2).with_target(digits)]
            }
        }
        (false, true) => {
            let digits: Vec<Words> = s.into_iter().filter(|w| !spelled(&pr.source, w)).collect();
            if digits.is_empty() {
                Vec::new()
            } else {
                vec![Finding::new(&rules::N3).with_source(digits)]
            }
        }
        (true, true) => Vec::new(),
    }
}
