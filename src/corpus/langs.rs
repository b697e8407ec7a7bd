//! Which language a version file holds. A language given by the user
//! (`story.toml`'s `lang` table, `--lang`) is taken as it is. Otherwise a
//! file named by a language code (`de.txt`) is that language, unless its
//! text is clearly another of bg/de/en: then the version is an error, not a
//! warning, because comparing English labelled as German gives a screen of
//! false flags. A weaker disagreement is a warning. Any other name
//! (`article.txt`) gets its language from the text.

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::lang::{self, Lang};
use crate::text::Text;
use crate::warning::Warning;

/// Detection at least this confident (and reliable) overrules a file name.
pub const MISLABEL_CONFIDENCE: f64 = 0.9;

/// Detection at least this confident against a file name is a warning.
const WARN_CONFIDENCE: f64 = 0.5;

/// How to decide a version's language.
#[derive(Debug, Clone, Copy, Default)]
pub struct LangRule<'a> {
    /// The language the user gave for this file.
    pub given: Option<Lang>,
    /// Take a language-code file name as it is, whatever the text says.
    pub trust_names: bool,
    /// How a user keeps a name the text contradicts, for the error message
    /// (e.g. "pass --trust-names"); a default one when empty.
    pub hint: &'a str,
}

/// The hint for versions in a story folder.
pub const FOLDER_HINT: &str = "run with --trust-names, or add lang = { \"FILE\" = \"LANG\" } \
     to the story's story.toml";

/// The language of the version in `path` (see the module documentation).
pub fn decide(
    path: &Path,
    text: &Text,
    rule: LangRule,
    warnings: &mut Vec<Warning>,
) -> Result<Lang> {
    if let Some(l) = rule.given {
        return Ok(l);
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let named = Lang::from_code(&stem);
    if rule.trust_names
        && let Some(l) = named
    {
        return Ok(l);
    }
    let detected = lang::detect(&text.text);
    let Some(named) = named else {
        return match detected {
            Some(d) => Ok(d.lang),
            None => Err(Error::at(
                path,
                ErrorKind::UnknownLanguage(
                    "cannot tell the language; name the file bg.txt, de.txt or en.txt".into(),
                ),
            )),
        };
    };
    let Some(d) = detected.filter(|d| named.is_known() && d.lang != named && d.reliable) else {
        return Ok(named);
    };
    if d.confidence >= MISLABEL_CONFIDENCE {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let hint = if rule.hint.is_empty() {
            FOLDER_HINT
        } else {
            rule.hint
        };
        let hint = hint.replace("FILE", &file).replace("LANG", named.code());
        let (n, l, c) = (named, d.lang, d.confidence);
        return Err(Error::at(
            path,
            ErrorKind::Mislabelled(format!(
                "named {n} but the text is {l} (detected with confidence {c:.2}); the version \
                 is left out. Rename the file if it is {l}; if it really is {n}, {hint}"
            )),
        ));
    }
    if d.confidence >= WARN_CONFIDENCE {
        warnings.push(Warning::NamedAsOtherLanguage {
            path: path.to_path_buf(),
            named,
            detected: d.lang,
            confidence: d.confidence,
        });
    }
    Ok(named)
}

/// The language of a version: from its file name when that is a language
/// code (unless the text is clearly another language: an error), else
/// detected.
pub fn version_lang(path: &Path, text: &Text, warnings: &mut Vec<Warning>) -> Result<Lang> {
    decide(path, text, LangRule::default(), warnings)
}
