//! Input options shared by the commands that read texts, and resolving a
//! command's path arguments into files and stories.

use std::path::{Path, PathBuf};

use parallax::lang::Lang;
use parallax::text::{DEFAULT_MAX_BYTES, ReadOptions};
use parallax::{Sentence, Text};

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// The input is already segmented: one sentence per non-empty line.
    #[arg(long)]
    pub segmented: bool,
    /// Refuse input files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

impl InputArgs {
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            max_bytes: self.max_bytes,
            ..ReadOptions::default()
        }
    }

    /// Sentences of a text: segmented, or one per line with `--segmented`.
    pub fn sentences(&self, text: &Text, lang: Lang) -> Vec<Sentence> {
        parallax::segment::sentences(text, lang, self.segmented)
    }
}

/// The language of a single file: as given, else from its name, else detected.
pub fn file_lang(
    path: &Path,
    text: &Text,
    given: Option<Lang>,
    warnings: &mut Vec<parallax::Warning>,
) -> parallax::Result<Lang> {
    let rule = parallax::corpus::LangRule {
        given,
        trust_names: false,
        hint: "give --lang LANG",
    };
    parallax::corpus::decide_lang(path, text, rule, warnings)
}

/// Splits path arguments into plain files and folders (stories or corpora).
pub fn split_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    paths.iter().cloned().partition(|p| p.is_file())
}
