//! Stories and corpora on disk. A story is a folder with one text file per
//! language version (`bg.txt`, `de.txt`, `en.txt`; other names are identified
//! with whatlang) and an optional `story.toml`, or two or three files given
//! one by one ([`load_files`]). A corpus is any folder that holds story
//! folders at any depth. This module finds stories, reads their versions
//! through [`crate::text`], decides their languages ([`decide_lang`]) and reads
//! their metadata, and never writes. A bad version file is left out of its
//! story ([`Story::failed`]) as long as two good ones remain.

mod discover;
mod files;
mod langs;
mod meta;

pub use discover::find_stories;
pub use files::{FileInput, load_files};
pub use langs::{LangRule, MISLABEL_CONFIDENCE, decide as decide_lang, version_lang};
pub use meta::StoryMeta;

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;
use crate::text::{ReadOptions, Text};
use crate::warning::Warning;

/// Parallax compares at most this many versions of a story.
pub const MAX_VERSIONS: usize = 3;

/// One language version of a story.
#[derive(Debug, Clone)]
pub struct Version {
    pub lang: Lang,
    pub path: PathBuf,
    pub text: Text,
}

/// A story: its versions in a fixed language order (bg, de, en, then others).
#[derive(Debug, Clone)]
pub struct Story {
    /// The folder name.
    pub name: String,
    /// How reports name the story: its folder's path relative to the corpus
    /// folder it was found in (see [`story_key`]); the folder name until set.
    pub key: String,
    pub dir: PathBuf,
    pub meta: StoryMeta,
    pub versions: Vec<Version>,
    /// Things a user should know that do not stop the work.
    pub warnings: Vec<Warning>,
    /// Version files that could not be read; the story was compared
    /// without them.
    pub failed: Vec<VersionError>,
}

impl Story {
    pub fn version(&self, lang: Lang) -> Option<&Version> {
        self.versions.iter().find(|v| v.lang == lang)
    }

    pub fn langs(&self) -> Vec<Lang> {
        self.versions.iter().map(|v| v.lang).collect()
    }
}

/// A version file that could not be read, in a story whose other versions
/// were compared: reported beside the story (in `errors.csv` and on
/// stderr), so one bad file does not lose the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionError {
    pub path: PathBuf,
    pub reason: String,
    /// 1-based line, where it applies.
    pub line: Option<usize>,
    /// 0-based byte offset in the file, where it applies.
    pub byte: Option<usize>,
}

impl VersionError {
    pub fn of(e: &Error) -> VersionError {
        VersionError {
            path: e.location.path.clone().unwrap_or_default(),
            reason: e.kind.to_string(),
            line: e.location.line,
            byte: e.location.byte,
        }
    }
}

/// Reads one story folder. A version that cannot be read (empty, binary,
/// another encoding, labelled with the wrong language) is left out and
/// listed in [`Story::failed`] while two good versions remain; with fewer,
/// the story is an error naming the first bad file.
pub fn load_story(dir: &Path, options: &ReadOptions) -> Result<Story> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string());
    let mut warnings = Vec::new();
    let meta_file = meta::read_raw(dir)?;
    let mut inputs = Vec::new();
    let mut files = Vec::new();
    for path in discover::text_files(dir)? {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rule = LangRule {
            given: meta_file.lang_of(&file),
            trust_names: options.trust_names,
            hint: "",
        };
        files.push(file);
        inputs.push(
            Text::read(&path, options)
                .and_then(|text| Ok((langs::decide(&path, &text, rule, &mut warnings)?, text)))
                .map(|(lang, text)| Version { lang, path, text }),
        );
    }
    let (versions, failed) = gather(dir, inputs, &mut warnings)?;
    let langs: Vec<Lang> = versions.iter().map(|v| v.lang).collect();
    let meta = meta_file.validate(&langs, &files, &mut warnings)?;
    Ok(Story {
        key: name.clone(),
        name,
        dir: dir.to_path_buf(),
        meta,
        versions,
        warnings,
        failed,
    })
}

/// The versions of a story from what reading each file gave: the good ones
/// in language order (at most three), the bad ones as [`VersionError`]s.
/// Fewer than two good versions is an error: the first bad file's, or
/// [`ErrorKind::TooFewVersions`] naming `dir`.
pub(crate) fn gather(
    dir: &Path,
    inputs: Vec<Result<Version>>,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<Version>, Vec<VersionError>)> {
    let mut versions: Vec<Version> = Vec::new();
    let mut errors: Vec<Error> = Vec::new();
    for input in inputs {
        match input {
            Ok(v) => match versions.iter().find(|o| o.lang == v.lang) {
                Some(other) => errors.push(Error::at(
                    &v.path,
                    ErrorKind::DuplicateLanguage {
                        lang: v.lang.to_string(),
                        other: other.path.clone(),
                    },
                )),
                None => versions.push(v),
            },
            Err(e) => errors.push(e),
        }
    }
    if versions.len() < 2 {
        return Err(match errors.into_iter().next() {
            Some(e) => e,
            None => Error::at(
                dir,
                ErrorKind::TooFewVersions {
                    found: versions.len(),
                },
            ),
        });
    }
    // bg, de, en first, then other languages by code.
    versions.sort_by_key(|v| v.lang);
    if versions.len() > MAX_VERSIONS {
        let left_out: Vec<PathBuf> = versions.drain(MAX_VERSIONS..).map(|v| v.path).collect();
        warnings.push(Warning::ExtraVersions {
            dir: dir.to_path_buf(),
            kept: versions.iter().map(|v| v.lang).collect(),
            left_out,
        });
    }
    // The same text twice (ignoring spacing) is a copy, not a translation.
    let squeezed: Vec<String> = versions
        .iter()
        .map(|v| v.text.text.split_whitespace().collect::<String>())
        .collect();
    for i in 0..versions.len() {
        for j in i + 1..versions.len() {
            if squeezed[i] == squeezed[j] {
                warnings.push(Warning::DuplicateVersions {
                    first: versions[i].path.clone(),
                    second: versions[j].path.clone(),
                });
            }
        }
    }
    Ok((versions, errors.iter().map(VersionError::of).collect()))
}

/// A story's name in reports: its folder's path relative to the corpus
/// folder `root` it was found under, with `/` between folders, so that two
/// stories of one name under different parents stay apart; the folder's own
/// name when `root` is the story itself.
pub fn story_key(root: &Path, dir: &Path) -> String {
    match dir.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string()),
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
