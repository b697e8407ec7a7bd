//! Stories and corpora on disk. A story is a folder with one text file per
//! language version (`bg.txt`, `de.txt`, `en.txt`; other names are identified
//! with whatlang) and an optional `story.toml`. A corpus is any folder that
//! holds story folders at any depth. This module finds stories, reads their
//! versions through [`crate::text`] and their metadata, and never writes.

mod discover;
mod meta;

pub use discover::find_stories;
pub use meta::StoryMeta;

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::lang::{self, Lang};
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
}

impl Story {
    pub fn version(&self, lang: Lang) -> Option<&Version> {
        self.versions.iter().find(|v| v.lang == lang)
    }

    pub fn langs(&self) -> Vec<Lang> {
        self.versions.iter().map(|v| v.lang).collect()
    }
}

/// Reads one story folder.
pub fn load_story(dir: &Path, options: &ReadOptions) -> Result<Story> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string());
    let mut warnings = Vec::new();
    let mut versions: Vec<Version> = Vec::new();
    for path in discover::text_files(dir)? {
        let text = Text::read(&path, options)?;
        let lang = version_lang(&path, &text, &mut warnings)?;
        if let Some(other) = versions.iter().find(|v| v.lang == lang) {
            return Err(Error::at(
                &path,
                ErrorKind::DuplicateLanguage {
                    lang: lang.to_string(),
                    other: other.path.clone(),
                },
            ));
        }
        versions.push(Version { lang, path, text });
    }
    if versions.len() < 2 {
        return Err(Error::at(
            dir,
            ErrorKind::TooFewVersions {
                found: versions.len(),
            },
        ));
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
    let langs: Vec<Lang> = versions.iter().map(|v| v.lang).collect();
    let meta = meta::read(dir, &langs, &mut warnings)?;
    Ok(Story {
        key: name.clone(),
        name,
        dir: dir.to_path_buf(),
        meta,
        versions,
        warnings,
    })
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

/// The language of a version: from its file name when that is a language
/// code, else detected. A name that the text contradicts gets a warning.
pub fn version_lang(path: &Path, text: &Text, warnings: &mut Vec<Warning>) -> Result<Lang> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let detected = lang::detect(&text.text);
    if let Some(named) = Lang::from_code(&stem) {
        if let Some(d) = detected
            && named.is_known()
            && d.lang != named
            && d.reliable
            && d.confidence >= 0.5
        {
            warnings.push(Warning::NamedAsOtherLanguage {
                path: path.to_path_buf(),
                named,
                detected: d.lang,
                confidence: d.confidence,
            });
        }
        return Ok(named);
    }
    match detected {
        Some(d) => Ok(d.lang),
        None => Err(Error::at(
            path,
            ErrorKind::UnknownLanguage(
                "cannot tell the language; name the file bg.txt, de.txt or en.txt".into(),
            ),
        )),
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
