//! Severity, in one place. Editors sort by it, so `major` and `critical`
//! must stay rare on faithful translation. The rules:
//!
//! 1. A detector's finding is **strong** (a changed fact: a number's value,
//!    polarity, a replaced or added name, a dropped hedge or attribution, a
//!    loaded term, an intensification, changed words inside a quote),
//!    **moderate** (an added hedge, softened wording, a dropped number or
//!    name, a quote turned into paraphrase, an added clause) or **light**
//!    (a word or two added or dropped). Strong is `major`, moderate and
//!    light are `minor`.
//! 2. The **headline and lead** (the first two sentences after the
//!    headline) outrank the body: strong and moderate findings there are
//!    one level worse (`major` → `critical`).
//! 3. An added or omitted **sentence** is `major` when it carries a claim (a
//!    number, a name or a loaded word), `minor` otherwise.
//! 4. A change seen in the second step of a relay but not between the
//!    original and the last version is one level milder: the original does
//!    not confirm it.
//! 5. A **condensed** relay's left-out sentences are one `info` note, and a
//!    moved passage is `info`.
//! 6. A `meaning` flag (low correspondence that nothing else explains) is
//!    `major`.

use super::candidate::Weight;
use super::flag::{Kind, Severity};

/// Where in the story a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Headline,
    Lead,
    Body,
}

impl Place {
    pub fn name(&self) -> &'static str {
        match self {
            Place::Headline => "headline",
            Place::Lead => "lead",
            Place::Body => "body",
        }
    }
}

/// Rules 1, 2 and 6.
pub fn of_finding(kind: Kind, weight: Weight, place: Place) -> Severity {
    if kind == Kind::Meaning {
        return Severity::Major;
    }
    let base = match weight {
        Weight::Strong => Severity::Major,
        Weight::Moderate | Weight::Light => Severity::Minor,
    };
    if place != Place::Body && weight != Weight::Light {
        base.raised()
    } else {
        base
    }
}

/// Rule 3.
pub fn of_sentence(carries_claim: bool) -> Severity {
    if carries_claim {
        Severity::Major
    } else {
        Severity::Minor
    }
}
