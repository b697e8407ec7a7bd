//! What a rule finds in one row of one pair, before the relay step is
//! worked out and before severity: the rule, and the words it concerns on
//! each side.

use super::rules::Rule;
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

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// Words in the target (what it adds or changed to).
    pub target: Vec<Words>,
    /// Words in the source (what was dropped or changed from).
    pub source: Vec<Words>,
}

impl Finding {
    pub fn new(rule: &'static Rule) -> Finding {
        Finding {
            rule,
            target: Vec::new(),
            source: Vec::new(),
        }
    }

    pub fn with_target(mut self, w: Vec<Words>) -> Finding {
        self.target = w;
        self
    }

    pub fn with_source(mut self, w: Vec<Words>) -> Finding {
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
