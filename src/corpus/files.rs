//! A story from two or three files given one by one (`parallax compare
//! de.txt bg.txt en.txt`), without a story folder. Each file's language
//! comes from its name when that is a language code, otherwise from its
//! text; the relay chain and title come from the caller (`--chain`,
//! `--title`) instead of a `story.toml`. One input may be standard input,
//! read once into memory by the caller.

use std::path::{Path, PathBuf};

use super::langs::{self, LangRule};
use super::meta;
use super::{Story, Version, gather};
use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;
use crate::text::{ReadOptions, Text};

/// The name standard input goes by in messages and reports.
pub const STDIN_NAME: &str = "<stdin>";

/// One version given on the command line.
#[derive(Debug, Clone)]
pub enum FileInput {
    /// A file to read.
    Path(PathBuf),
    /// The bytes of standard input, already read.
    Stdin(Vec<u8>),
}

impl FileInput {
    fn path(&self) -> PathBuf {
        match self {
            FileInput::Path(p) => p.clone(),
            FileInput::Stdin(_) => PathBuf::from(STDIN_NAME),
        }
    }
}

/// The hint a mislabelled file's error gives when files are given directly.
const FILES_HINT: &str = "run with --trust-names";

/// A story of the versions in `inputs` (two or three), with `title` and the
/// relay `chain` (original first; every language in it must be a version).
/// A bad file is left out while two good ones remain, as in a story folder.
pub fn load_files(
    inputs: &[FileInput],
    title: Option<String>,
    chain: &[Lang],
    options: &ReadOptions,
) -> Result<Story> {
    let mut warnings = Vec::new();
    let rule = LangRule {
        given: None,
        trust_names: options.trust_names,
        hint: FILES_HINT,
    };
    let read: Vec<Result<Version>> = inputs
        .iter()
        .map(|input| {
            let path = input.path();
            let text = match input {
                FileInput::Path(p) => Text::read(p, options)?,
                FileInput::Stdin(bytes) => {
                    if bytes.len() as u64 > options.max_bytes {
                        return Err(Error::at(
                            &path,
                            ErrorKind::TooLarge {
                                size: bytes.len() as u64,
                                limit: options.max_bytes,
                            },
                        ));
                    }
                    Text::from_bytes(bytes, Some(&path))?
                }
            };
            let lang = langs::decide(&path, &text, rule, &mut warnings)?;
            Ok(Version { lang, path, text })
        })
        .collect();
    let first = inputs.first().map(FileInput::path).unwrap_or_default();
    let dir = match first.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (versions, failed) = gather(&dir, read, &mut warnings)?;
    let langs: Vec<Lang> = versions.iter().map(|v| v.lang).collect();
    for l in chain {
        if !langs.contains(l) {
            return Err(Error::invalid(format!(
                "--chain names {l}, but no file given is {l} (the files are {})",
                langs.iter().map(Lang::code).collect::<Vec<_>>().join(", ")
            )));
        }
    }
    let meta = meta::from_parts(title, chain).map_err(Error::invalid)?;
    let key = story_key(inputs);
    Ok(Story {
        name: key.clone(),
        key,
        dir,
        meta,
        versions,
        warnings,
        failed,
    })
}

/// The key of a story of files: their names joined by `+`
/// (`de.txt+bg.txt+en.txt`).
fn story_key(inputs: &[FileInput]) -> String {
    inputs
        .iter()
        .map(|i| {
            let p = i.path();
            Path::new(&p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string())
        })
        .collect::<Vec<_>>()
        .join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: &str =
        "Die Regierung kündigte am Montag neue Maßnahmen gegen die steigenden Preise an.";
    const EN: &str = "The government announced new measures against rising prices on Monday.";

    #[test]
    fn files_and_stdin_make_a_story() {
        let tmp = tempfile::tempdir().unwrap();
        let de = tmp.path().join("de.txt");
        std::fs::write(&de, DE).unwrap();
        let inputs = [
            FileInput::Path(de),
            FileInput::Stdin(EN.as_bytes().to_vec()),
        ];
        let story = load_files(
            &inputs,
            Some("T".into()),
            &[Lang::De, Lang::En],
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(story.langs(), [Lang::De, Lang::En]);
        assert_eq!(story.key, "de.txt+<stdin>");
        assert_eq!(story.meta.original, Some(Lang::De));
        assert_eq!(story.meta.title.as_deref(), Some("T"));
        let err = load_files(&inputs, None, &[Lang::Bg], &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("--chain names bg"), "{err}");
    }
}
