//! `story.toml`: optional story metadata. Keys: `title`, `url`, `date`,
//! `original` (language of the original), `chain` (relay order, original
//! first, e.g. `["de", "bg", "en"]`) and `lang` (a version file's language
//! when its name or its text would say otherwise, e.g.
//! `lang = { "de.txt" = "de", "article.txt" = "bg" }`). Unknown keys are
//! refused so a typo does not silently lose a relay chain.
//!
//! The file is read in two steps: [`read_raw`] before the versions (their
//! languages may come from `lang`), [`validate`] after (the chain is checked
//! against the versions found).

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::lang::Lang;
use crate::warning::Warning;

/// Story metadata, validated against the versions present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub original: Option<Lang>,
    /// Relay order, original first; empty when unknown.
    pub chain: Vec<Lang>,
}

impl StoryMeta {
    /// The version a given version was translated from, per the chain.
    pub fn source_of(&self, lang: Lang) -> Option<Lang> {
        let i = self.chain.iter().position(|&l| l == lang)?;
        i.checked_sub(1).map(|j| self.chain[j])
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    title: Option<String>,
    url: Option<String>,
    date: Option<toml::Value>,
    original: Option<String>,
    #[serde(default)]
    chain: Vec<String>,
    /// File name → language code.
    #[serde(default)]
    lang: std::collections::BTreeMap<String, String>,
}

/// `story.toml` as read, before the versions are known.
#[derive(Default)]
pub struct MetaFile {
    path: Option<std::path::PathBuf>,
    raw: RawMeta,
    /// The `lang` table, parsed: file name → language.
    pub langs: Vec<(String, Lang)>,
}

/// Reads and parses `dir/story.toml` if present (an empty [`MetaFile`]
/// otherwise); errors name the file and line.
pub fn read_raw(dir: &Path) -> Result<MetaFile> {
    let path = dir.join("story.toml");
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(MetaFile::default()),
        Err(e) => return Err(Error::io(&path, e)),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::new(
            ErrorKind::InvalidUtf8,
            Location::file(&path).at_byte(e.valid_up_to()),
        )
    })?;
    let bad = |(msg, byte): (String, Option<usize>)| {
        let mut loc = Location::file(&path);
        if let Some(b) = byte {
            let line = 1 + text[..b.min(text.len())].matches('\n').count();
            loc = loc.at_line(line);
        }
        Error::new(ErrorKind::BadMetadata(msg), loc)
    };
    let raw = parse_raw(text).map_err(bad)?;
    let langs = raw
        .lang
        .iter()
        .map(|(file, code)| {
            Lang::from_code(code)
                .filter(Lang::is_known)
                .map(|l| (file.clone(), l))
                .ok_or_else(|| {
                    (
                        format!("lang: {file:?} = {code:?}: expected bg, de or en"),
                        None,
                    )
                })
        })
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(bad)?;
    Ok(MetaFile {
        path: Some(path),
        raw,
        langs,
    })
}

impl MetaFile {
    /// The language `story.toml` gives the file named `name`, if any.
    pub fn lang_of(&self, name: &str) -> Option<Lang> {
        self.langs.iter().find(|(f, _)| f == name).map(|&(_, l)| l)
    }

    /// Checks the metadata against the versions found (`langs`) and the
    /// version files' names (`files`): a chain naming a missing version
    /// and a `lang` entry naming no file are warnings.
    pub fn validate(
        self,
        langs: &[Lang],
        files: &[String],
        warnings: &mut Vec<Warning>,
    ) -> Result<StoryMeta> {
        let Some(path) = self.path else {
            return Ok(StoryMeta::default());
        };
        let mut missing = Vec::new();
        let meta = validate(self.raw, langs, &mut missing)
            .map_err(|(msg, _)| Error::at(&path, ErrorKind::BadMetadata(msg)))?;
        warnings.extend(
            missing
                .into_iter()
                .map(|lang| Warning::ChainWithoutVersion {
                    path: path.clone(),
                    lang,
                }),
        );
        for (file, _) in &self.langs {
            if !files.contains(file) {
                warnings.push(Warning::LangForMissingFile {
                    path: path.clone(),
                    file: file.clone(),
                });
            }
        }
        Ok(meta)
    }
}

/// Metadata given on the command line (`--title`, `--chain`) for a story
/// of files; errors are messages for the user.
pub fn from_parts(title: Option<String>, chain: &[Lang]) -> std::result::Result<StoryMeta, String> {
    let raw = RawMeta {
        title,
        chain: chain.iter().map(|l| l.code().to_string()).collect(),
        ..RawMeta::default()
    };
    validate(raw, chain, &mut Vec::new()).map_err(|(msg, _)| format!("--chain: {msg}"))
}

fn parse_raw(text: &str) -> std::result::Result<RawMeta, (String, Option<usize>)> {
    toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().to_string();
        (msg, e.span().map(|s| s.start))
    })
}

/// Parses and validates; errors carry a message and a byte offset if known.
#[cfg(test)]
pub fn parse(
    text: &str,
    langs: &[Lang],
    missing: &mut Vec<Lang>,
) -> std::result::Result<StoryMeta, (String, Option<usize>)> {
    validate(parse_raw(text)?, langs, missing)
}

fn validate(
    raw: RawMeta,
    langs: &[Lang],
    missing: &mut Vec<Lang>,
) -> std::result::Result<StoryMeta, (String, Option<usize>)> {
    let lang = |code: &str| {
        Lang::from_code(code).ok_or_else(|| (format!("unknown language code {code:?}"), None))
    };
    let original = raw.original.as_deref().map(lang).transpose()?;
    let chain = raw
        .chain
        .iter()
        .map(|c| lang(c))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    for (i, l) in chain.iter().enumerate() {
        if chain[..i].contains(l) {
            return Err((format!("chain names {l} twice"), None));
        }
        if !langs.contains(l) {
            missing.push(*l);
        }
    }
    if let (Some(o), Some(first)) = (original, chain.first())
        && o != *first
    {
        return Err((
            format!("original is {o} but the chain starts with {first}"),
            None,
        ));
    }
    let date = raw.date.map(|d| match d {
        toml::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(StoryMeta {
        title: raw.title,
        url: raw.url,
        date,
        original: original.or_else(|| chain.first().copied()),
        chain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Lang; 3] = [Lang::Bg, Lang::De, Lang::En];

    #[test]
    fn valid_metadata() {
        let mut w = Vec::new();
        let m = parse(
            "title = \"T\"\ndate = 2025-02-22\noriginal = \"de\"\nchain = [\"de\", \"bg\", \"en\"]\n",
            &ALL,
            &mut w,
        )
        .unwrap();
        assert_eq!(m.chain, [Lang::De, Lang::Bg, Lang::En]);
        assert_eq!(m.date.as_deref(), Some("2025-02-22"));
        assert_eq!(m.source_of(Lang::En), Some(Lang::Bg));
        assert_eq!(m.source_of(Lang::De), None);
        assert!(w.is_empty());
        let m = parse("chain = [\"en\", \"de\"]", &ALL, &mut w).unwrap();
        assert_eq!(m.original, Some(Lang::En));
    }

    #[test]
    fn invalid_metadata_is_refused() {
        let cases = [
            ("orignal = \"de\"", "unknown field"),
            ("original = \"xx1\"", "unknown language code"),
            ("chain = [\"de\", \"de\"]", "twice"),
            (
                "original = \"bg\"\nchain = [\"de\", \"bg\"]",
                "chain starts with de",
            ),
            ("title = ", "string"),
        ];
        for (text, want) in cases {
            let err = parse(text, &ALL, &mut Vec::new()).unwrap_err();
            assert!(err.0.contains(want), "{text:?}: {}", err.0);
        }
    }

    #[test]
    fn chain_naming_a_missing_version_warns() {
        let mut w = Vec::new();
        parse(
            "chain = [\"de\", \"bg\", \"en\"]",
            &[Lang::De, Lang::En],
            &mut w,
        )
        .unwrap();
        assert_eq!(w.len(), 1, "{w:?}");
    }
}
