//! Flags: what scoring reports. A flag is a typed change (a fixed
//! vocabulary of kinds), with a severity, the pair of versions it concerns,
//! the relay step it entered at, the exact words in each version as byte
//! spans into the version's file, and a one-line message for an editor.

use std::fmt;
use std::ops::Range;

use crate::hash::fnv1a;
use crate::lang::Lang;

/// The kinds of change. The vocabulary is fixed; `Moved` was added for
/// passages a relay moved (an editor wants to see that a closing line became
/// the lead, though no word changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    LoadedTerm,
    Intensified,
    Softened,
    Addition,
    Omission,
    AddedSentence,
    OmittedSentence,
    Number,
    Name,
    Negation,
    Hedge,
    Quote,
    Meaning,
    Moved,
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::LoadedTerm,
        Kind::Intensified,
        Kind::Softened,
        Kind::Addition,
        Kind::Omission,
        Kind::AddedSentence,
        Kind::OmittedSentence,
        Kind::Number,
        Kind::Name,
        Kind::Negation,
        Kind::Hedge,
        Kind::Quote,
        Kind::Meaning,
        Kind::Moved,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            Kind::LoadedTerm => "loaded_term",
            Kind::Intensified => "intensified",
            Kind::Softened => "softened",
            Kind::Addition => "addition",
            Kind::Omission => "omission",
            Kind::AddedSentence => "added_sentence",
            Kind::OmittedSentence => "omitted_sentence",
            Kind::Number => "number",
            Kind::Name => "name",
            Kind::Negation => "negation",
            Kind::Hedge => "hedge",
            Kind::Quote => "quote",
            Kind::Meaning => "meaning",
            Kind::Moved => "moved",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much an editor should care, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Critical,
    Major,
    Minor,
    Info,
}

impl Severity {
    pub fn name(&self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Major => "major",
            Severity::Minor => "minor",
            Severity::Info => "info",
        }
    }

    /// One step worse (critical stays critical).
    pub fn raised(self) -> Severity {
        match self {
            Severity::Info => Severity::Minor,
            Severity::Minor => Severity::Major,
            _ => Severity::Critical,
        }
    }

    /// One step milder (info stays info).
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Critical => Severity::Major,
            Severity::Major => Severity::Minor,
            _ => Severity::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Words of one version that a flag points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub lang: Lang,
    /// The words as they stand in the (normalised) text.
    pub text: String,
    /// Byte span into the version's file as read.
    pub span: Range<usize>,
}

/// One flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub kind: Kind,
    /// The rule that made it (an ID of [`super::rules`], e.g. "N1").
    pub rule: &'static str,
    pub severity: Severity,
    /// The version the target was translated from (or compared with).
    pub source: Lang,
    /// The version that changed.
    pub target: Lang,
    /// 0-based row of the story.
    pub row: usize,
    /// The relay step the change entered at (`source → target` of that step).
    pub entered_at: (Lang, Lang),
    /// Later versions that kept the change.
    pub inherited_by: Vec<Lang>,
    /// The words in each version: target first, then source.
    pub evidence: Vec<Evidence>,
    pub message: String,
}

impl Flag {
    /// A stable id: a hash of the story, kind, languages and evidence words,
    /// so the same change keeps its id across runs (and across edits of other
    /// rows), for ignore lists.
    pub fn id(&self, story: &str) -> String {
        let mut key = format!(
            "{story}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.kind, self.source, self.target
        );
        for e in &self.evidence {
            key.push('\u{1f}');
            key.push_str(e.lang.code());
            key.push(':');
            key.push_str(&e.text);
        }
        format!("{:016x}", fnv1a(&key))
    }

    /// "de→bg".
    pub fn step_label(&self) -> String {
        format!("{}→{}", self.entered_at.0, self.entered_at.1)
    }

    /// The evidence in one version, joined.
    pub fn evidence_in(&self, lang: Lang) -> Vec<&Evidence> {
        self.evidence.iter().filter(|e| e.lang == lang).collect()
    }
}
