//! Rules N1–N4: numbers whose value the other side does not have. The
//! analysis reads every notation into values (decimal marks, scales such as
//! „Mrd.“, words such as "three", percentages, scores "1-1" / "1:1", clock
//! times "8 p.m." / "20 Uhr", decades "60-те" / "1960s", centuries, numbers
//! inside codes "U23"), and the correspondence links equal values, so what
//! is left open here is a value one side lacks. A number converted to
//! another unit within rounding (94 mph ≈ 151 km/h) is a note (N4).

use super::claims::Claims;
use super::detect::RowContext;
use super::finding::{Finding, Words, runs};
use super::rules;
use super::view::{Side, Tok};
use crate::analyse::TokenKind;
use crate::lexicon::numbers::parse_digits;

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

/// The value of a number group and the unit after it, if any: (value,
/// dimension, factor to the base unit).
fn measure(side: &Side, w: &Words) -> Option<(f64, char, f64)> {
    let text = side.surface(w.from);
    let bare: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let value = parse_digits(bare.trim_end_matches(['.', ',']), side.lang)?;
    let unit_at = Tok {
        s: w.to.s,
        t: w.to.t + 1,
    };
    let unit = side.analysed[w.to.s]
        .tokens
        .get(unit_at.t as usize)
        .map(|_| {
            let mut u = side.surface(unit_at).to_lowercase();
            // "km/h" is two tokens.
            if u == "km" && side.texts[w.to.s][side.span(unit_at).end..].starts_with("/h") {
                u = "km/h".into();
            }
            u
        })?;
    UNITS
        .iter()
        .find(|(name, _, _)| *name == unit.trim_end_matches('.'))
        .map(|&(_, dim, f)| (value, dim, f))
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
    let (s, t) = (open(&pr.source), open(&pr.target));
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
