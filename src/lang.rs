//! Languages. `Lang` names the three languages Parallax understands and carries
//! any other ISO 639-1 code it meets (e.g. the French of Text+Berg) so those
//! texts can still be segmented and aligned on length and anchors. This is the
//! only module that talks to `whatlang`.

use std::fmt;
use std::str::FromStr;

/// A version's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Bg,
    De,
    En,
    /// Any other two-letter code, lowercase ASCII.
    Other([u8; 2]),
}

/// The languages with a lexicon, in the fixed order reports use.
pub const KNOWN: [Lang; 3] = [Lang::Bg, Lang::De, Lang::En];

impl Lang {
    pub fn code(&self) -> &str {
        match self {
            Lang::Bg => "bg",
            Lang::De => "de",
            Lang::En => "en",
            Lang::Other(c) => std::str::from_utf8(c).unwrap_or("??"),
        }
    }

    /// True for bg, de and en: the languages with a lexicon and own rules.
    pub fn is_known(&self) -> bool {
        !matches!(self, Lang::Other(_))
    }

    /// Parses a two-letter code (case-insensitive), also accepting the
    /// three-letter codes FLORES and Tatoeba use for the known languages.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        match lower.as_str() {
            "bg" | "bul" | "bul_cyrl" => Some(Lang::Bg),
            "de" | "deu" | "ger" | "deu_latn" => Some(Lang::De),
            "en" | "eng" | "eng_latn" => Some(Lang::En),
            s if s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase()) => {
                let b = s.as_bytes();
                Some(Lang::Other([b[0], b[1]]))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::from_code(s).ok_or_else(|| format!("unknown language code {s:?}"))
    }
}

/// Languages are written as their codes ("bg", "fr") in every serialised form.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Lang::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language code {code:?}")))
    }
}

/// The outcome of language detection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    pub lang: Lang,
    /// whatlang's confidence, 0..=1.
    pub confidence: f64,
    pub reliable: bool,
}

/// Detects bg, de or en (nothing else) in `text` with whatlang. Returns
/// `None` when the text has no letters to judge.
pub fn detect(text: &str) -> Option<Detection> {
    use whatlang::{Detector, Lang as W};
    // Judging on the first 4 KiB is plenty and keeps big files cheap.
    let sample = prefix_at_char_boundary(text, 4096);
    let detector = Detector::with_allowlist(vec![W::Bul, W::Deu, W::Eng]);
    let info = detector.detect(sample)?;
    let lang = match info.lang() {
        W::Bul => Lang::Bg,
        W::Deu => Lang::De,
        W::Eng => Lang::En,
        _ => return None,
    };
    Some(Detection {
        lang,
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// Detects any language whatlang knows. bg, de and en come back as such;
/// others as `Lang::Other` with their two-letter code where Parallax knows
/// it, `xx` otherwise. For texts that may be outside bg/de/en (the French of
/// Text+Berg), so they are not mistaken for one of the three.
pub fn detect_any(text: &str) -> Option<Detection> {
    use whatlang::Lang as W;
    let info = whatlang::detect(prefix_at_char_boundary(text, 4096))?;
    let lang = match info.lang() {
        W::Bul => Lang::Bg,
        W::Deu => Lang::De,
        W::Eng => Lang::En,
        other => {
            const TWO: &[(&str, &str)] = &[
                ("fra", "fr"),
                ("ita", "it"),
                ("spa", "es"),
                ("por", "pt"),
                ("nld", "nl"),
                ("rus", "ru"),
                ("ukr", "uk"),
                ("pol", "pl"),
                ("ces", "cs"),
                ("slk", "sk"),
                ("slv", "sl"),
                ("hrv", "hr"),
                ("srp", "sr"),
                ("mkd", "mk"),
                ("ron", "ro"),
                ("ell", "el"),
                ("tur", "tr"),
                ("hun", "hu"),
                ("swe", "sv"),
                ("dan", "da"),
                ("fin", "fi"),
                ("est", "et"),
                ("lav", "lv"),
                ("lit", "lt"),
                ("nob", "nb"),
            ];
            let code = TWO
                .iter()
                .find(|(three, _)| *three == other.code())
                .map_or("xx", |(_, two)| two);
            Lang::from_code(code)?
        }
    };
    Some(Detection {
        lang,
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

fn prefix_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse() {
        let cases = [
            ("bg", Some(Lang::Bg)),
            ("DE", Some(Lang::De)),
            ("eng", Some(Lang::En)),
            ("bul_Cyrl", Some(Lang::Bg)),
            ("fr", Some(Lang::Other(*b"fr"))),
            ("french", None),
            ("", None),
        ];
        for (code, want) in cases {
            assert_eq!(Lang::from_code(code), want, "{code}");
        }
        assert_eq!(Lang::Other(*b"fr").code(), "fr");
    }

    #[test]
    fn detects_the_three_languages() {
        let cases = [
            (
                "Правителството обяви нови мерки срещу инфлацията в страната.",
                Lang::Bg,
            ),
            (
                "Die Regierung kündigte neue Maßnahmen gegen die Inflation an.",
                Lang::De,
            ),
            (
                "The government announced new measures against inflation.",
                Lang::En,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text).map(|d| d.lang), Some(want), "{text}");
        }
        assert_eq!(detect("12345 ... !!!"), None);
        let fr = "Le gouvernement a annoncé de nouvelles mesures contre l'inflation dans le pays.";
        assert_eq!(detect_any(fr).map(|d| d.lang), Some(Lang::Other(*b"fr")));
        assert_eq!(
            detect_any("Die Regierung kündigte neue Maßnahmen an.").map(|d| d.lang),
            Some(Lang::De)
        );
    }
}
