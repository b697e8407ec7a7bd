//! `parallax lookup`: what the lexicon knows about a word, for checking a
//! translation pair or a user lexicon entry: its stems, frequency, place in
//! the loaded-language lexicon, and translations shown as words
//! ([`Forms`]), the direct ones apart from the pivot ones (two dictionary
//! steps through English, less sure).

use std::path::PathBuf;

use parallax::lang::{KNOWN, Lang};
use parallax::lexicon::{Lexicon, Source, fold};

use super::Outcome;
use super::lookup_forms::Forms;
use super::output::Out;

/// Show a word's stem, frequency and translations in the lexicon.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
    parallax lookup --lang de Desaster\n  \
    parallax lookup --lang bg правителството --to en\n  \
    parallax lookup --lang en Gosho --lexicon names.tsv")]
pub struct Args {
    /// Words to look up.
    #[arg(required = true)]
    words: Vec<String>,
    /// The words' language.
    #[arg(long, value_name = "bg|de|en", value_parser = known_lang)]
    lang: Lang,
    /// Only translations into this language [default: the other two].
    #[arg(long, value_name = "bg|de|en", value_parser = known_lang)]
    to: Option<Lang>,
    /// Extra lexicon entries (TSV: lang_a word_a lang_b word_b), repeatable.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
}

fn source_name(s: Source) -> &'static str {
    match s {
        Source::User => "your lexicon",
        Source::Dictionary => "dictionary",
        Source::Pivot => "pivot",
        Source::Learned => "learned",
    }
}

/// bg, de or en: the languages the lexicon has (a usage error otherwise).
fn known_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s)
        .filter(Lang::is_known)
        .ok_or_else(|| format!("{s:?}: the lexicon has bg, de and en"))
}

pub fn run(args: Args) -> parallax::Result<Outcome> {
    let mut lexicon = Lexicon::embedded();
    for path in &args.lexicon {
        lexicon.add_user_file(path)?;
    }
    let mut out = Out::new();
    let mut forms = Forms::default();
    for word in &args.words {
        let folded = fold(word);
        out.line(&format!(
            "{word} ({}): stems {:?} (words are matched by stem; translations show each stem's most frequent word, or the stem with `-`), zipf {:.2}{}",
            args.lang,
            lexicon.stems(args.lang, &folded),
            lexicon.zipf(args.lang, &folded),
            if lexicon.is_stop(args.lang, &folded) {
                ", stop word"
            } else {
                ""
            }
        ))?;
        let analysed = parallax::analyse::analyse(word, args.lang, &lexicon);
        let loaded = parallax::score::loaded::Loaded::embedded();
        for f in loaded.find(args.lang, &analysed, word) {
            let what = match loaded.family(f.marker) {
                Some(fam) => format!(
                    "family {} (scale {}, level {}{})",
                    fam.id,
                    loaded.scale(fam).id,
                    fam.level,
                    if fam.loaded { ", loaded" } else { "" }
                ),
                None => format!("{:?}", f.marker).to_lowercase(),
            };
            out.line(&format!(
                "  loaded-language lexicon: {what}, as the form {:?}",
                loaded.form(f.form)
            ))?;
        }
        for to in KNOWN
            .into_iter()
            .filter(|&l| l != args.lang && args.to.is_none_or(|t| t == l))
        {
            let found: Vec<(String, Source)> = lexicon
                .translate(args.lang, word, to)
                .into_iter()
                .map(|(stem, s)| (forms.show(&lexicon, to, &stem), s))
                .collect();
            // Direct entries first; pivot entries (two dictionary steps
            // through English) apart, as the less sure ones.
            for pivot in [false, true] {
                let list: Vec<String> = found
                    .iter()
                    .filter(|(_, s)| (*s == Source::Pivot) == pivot)
                    .map(|(w, s)| {
                        if pivot {
                            w.clone()
                        } else {
                            format!("{w} ({})", source_name(*s))
                        }
                    })
                    .collect();
                if pivot && list.is_empty() {
                    continue;
                }
                let what = if pivot {
                    format!("  → {to}, through English (pivot, less sure): ")
                } else {
                    format!("  → {to}: ")
                };
                out.line(&format!(
                    "{what}{}",
                    if list.is_empty() {
                        "-".into()
                    } else {
                        list.join(", ")
                    }
                ))?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
