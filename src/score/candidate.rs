//! What a detector finds in one row of one pair, before the relay step is
//! worked out and before severity: a kind, the tokens it concerns on each
//! side, whether it carries a claim, and the facts severity depends on.

use super::flag::Kind;
use super::view::{Side, Tok};

/// A run of tokens of one sentence of a side, first and last inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub from: Tok,
    pub to: Tok,
}

impl Words {
    pub fn one(t: Tok) -> Words {
        Words { from: t, to: t }
    }
}

/// How strongly a detector holds its finding, which severity turns into a
/// level (see `super::severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// A change of fact: a number's value, polarity, a replaced name, a
    /// dropped hedge, a loaded term or intensification.
    Strong,
    /// Something added or dropped that may matter: an added hedge, a
    /// softened word, a quote turned into paraphrase, a dropped number.
    Moderate,
    /// Wording added or dropped with no claim in it.
    Light,
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub kind: Kind,
    pub weight: Weight,
    /// Words in the target (what it adds or changed to).
    pub target: Vec<Words>,
    /// Words in the source (what was dropped or changed from).
    pub source: Vec<Words>,
    /// What the message says happened, e.g. "adds", "drops the hedge".
    pub verb: &'static str,
}

impl Candidate {
    pub fn new(kind: Kind, weight: Weight, verb: &'static str) -> Candidate {
        Candidate {
            kind,
            weight,
            target: Vec::new(),
            source: Vec::new(),
            verb,
        }
    }

    pub fn with_target(mut self, w: Vec<Words>) -> Candidate {
        self.target = w;
        self
    }

    pub fn with_source(mut self, w: Vec<Words>) -> Candidate {
        self.source = w;
        self
    }
}

/// Groups tokens into runs of consecutive tokens within one sentence.
pub fn runs(mut toks: Vec<Tok>) -> Vec<Words> {
    toks.sort();
    let mut out: Vec<Words> = Vec::new();
    for t in toks {
        match out.last_mut() {
            Some(w) if w.to.s == t.s && w.to.t + 1 >= t.t => w.to = t,
            _ => out.push(Words::one(t)),
        }
    }
    out
}

/// The text of some runs, joined with " … ".
pub fn words_text(side: &Side, words: &[Words]) -> String {
    words
        .iter()
        .map(|w| side.words(w.from, w.to))
        .collect::<Vec<_>>()
        .join(" … ")
}
