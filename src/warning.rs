//! Warnings: things a user should know that do not stop the work, as typed
//! values with the place they concern, so that the terminal, the reports and
//! the flags can each show them their own way (a line on stderr, a row in a
//! report, a story-level note) without parsing strings.

use std::fmt;
use std::path::PathBuf;

use crate::lang::Lang;

/// One warning.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A version file named for one language reads as another.
    NamedAsOtherLanguage {
        path: PathBuf,
        named: Lang,
        detected: Lang,
        confidence: f64,
    },
    /// `story.toml`'s chain names a language the story has no version of.
    ChainWithoutVersion { path: PathBuf, lang: Lang },
    /// `story.toml`'s `lang` table names a file the story folder lacks.
    LangForMissingFile { path: PathBuf, file: String },
    /// A story has more versions than Parallax compares (three); the listed
    /// files are left out.
    ExtraVersions {
        dir: PathBuf,
        kept: Vec<Lang>,
        left_out: Vec<PathBuf>,
    },
    /// Two versions hold the same text: one is probably a copy of the other
    /// under another language's name.
    DuplicateVersions { first: PathBuf, second: PathBuf },
    /// One side of a pair has no sentences.
    EmptySide {
        pair: (Lang, Lang),
        sentences: (usize, usize),
    },
    /// The two sides of a pair look unrelated.
    NotTranslations {
        pair: (Lang, Lang),
        true_pair: f32,
        non_pair: f32,
        unaligned: usize,
        beads: usize,
    },
    /// The dynamic programme found no path through part of the band; the
    /// sentences there were left unaligned instead of silently dropped.
    AlignmentGap {
        pair: (Lang, Lang),
        /// Sentences of each side the programme could not reach.
        unreached: (usize, usize),
    },
}

impl Warning {
    /// A stable snake_case name of the kind, for machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::NamedAsOtherLanguage { .. } => "named_as_other_language",
            Warning::ChainWithoutVersion { .. } => "chain_without_version",
            Warning::LangForMissingFile { .. } => "lang_for_missing_file",
            Warning::ExtraVersions { .. } => "extra_versions",
            Warning::DuplicateVersions { .. } => "duplicate_versions",
            Warning::EmptySide { .. } => "empty_side",
            Warning::NotTranslations { .. } => "not_translations",
            Warning::AlignmentGap { .. } => "alignment_gap",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NamedAsOtherLanguage {
                path,
                named,
                detected,
                confidence,
            } => write!(
                f,
                "{}: named {named} but reads as {detected} (confidence {confidence:.2})",
                path.display()
            ),
            Warning::ChainWithoutVersion { path, lang } => write!(
                f,
                "{}: chain names {lang}, but there is no {lang} version",
                path.display()
            ),
            Warning::LangForMissingFile { path, file } => write!(
                f,
                "{}: lang names {file:?}, but the story folder has no such file",
                path.display()
            ),
            Warning::ExtraVersions {
                dir,
                kept,
                left_out,
            } => {
                let kept: Vec<&str> = kept.iter().map(|l| l.code()).collect();
                let files: Vec<String> = left_out.iter().map(|p| p.display().to_string()).collect();
                write!(
                    f,
                    "{}: Parallax compares up to three versions; comparing {} and leaving out {}",
                    dir.display(),
                    kept.join(", "),
                    files.join(", ")
                )
            }
            Warning::DuplicateVersions { first, second } => write!(
                f,
                "{} and {} hold the same text: one is probably a copy of the other, not a translation",
                first.display(),
                second.display()
            ),
            Warning::EmptySide { pair, sentences } => write!(
                f,
                "{}–{}: one side is empty ({} and {} sentences): every sentence is left unaligned",
                pair.0, pair.1, sentences.0, sentences.1
            ),
            Warning::NotTranslations {
                pair,
                true_pair,
                non_pair,
                unaligned,
                beads,
            } => write!(
                f,
                "{}–{}: the versions may not be translations of each other: similarity of \
                 neighbouring sentences {true_pair:.2} vs. {non_pair:.2} for non-pairs, \
                 {unaligned} of {beads} beads unaligned",
                pair.0, pair.1
            ),
            Warning::AlignmentGap { pair, unreached } => write!(
                f,
                "{}–{}: the alignment search found no path through {} and {} sentences; \
                 they are left unaligned (please report this)",
                pair.0, pair.1, unreached.0, unreached.1
            ),
        }
    }
}
