//! Rule 2 of the name rules (NM1–NM4, [`super::names`]): when two names,
//! or a name and a word of the other side, are one name rendered twice —
//! by sound or spelling across scripts, a name inside a compound or a
//! hyphenated word, a compound written as two words, or a name spelling
//! out the other side's acronym.

use super::finding::Words;
use super::view::{Side, Tok};
use crate::lang::Lang;
use crate::lexicon::names::{name_keys, same_name, to_latin};

/// The words of a run, as written.
pub(super) fn run_words<'s>(side: &'s Side, w: &Words) -> impl Iterator<Item = &'s str> {
    let s = w.from.s;
    (w.from.t..=w.to.t).map(move |t| side.surface(Tok { s, t }))
}

/// A name of a people or a dynasty without its plural ending ("Merenids",
/// "Meriniden", "Мериниди"), so that the stems compare.
pub(super) fn singular(word: &str, lang: Lang) -> &str {
    let long = |rest: &str| rest.chars().count() >= 4;
    let endings: &[&str] = match lang {
        Lang::En => &["s"],
        Lang::De => &["en", "n"],
        Lang::Bg => &["ите", "и"],
        Lang::Other(_) => &[],
    };
    endings
        .iter()
        .find_map(|e| {
            word.strip_suffix(e)
                .filter(|r| long(r) && !r.ends_with('s'))
        })
        .unwrap_or(word)
}

/// Do two names link by sound, spelling or containment (rule 2)?
pub(super) fn linked(a: &Side, wa: &Words, b: &Side, wb: &Words) -> bool {
    run_words(a, wa).any(|x| {
        run_words(b, wb).any(|y| {
            same_name(x, a.lang, y, b.lang)
                || same_name(singular(x, a.lang), a.lang, singular(y, b.lang), b.lang)
                || {
                    let (kx, ky) = (name_keys(x, a.lang), name_keys(y, b.lang));
                    let inside = |short: &[String], long: &[String]| {
                        short.iter().any(|s| {
                            s.len() >= 3
                                && long
                                    .iter()
                                    .any(|l| l.len() > s.len() && l.contains(s.as_str()))
                        })
                    };
                    inside(&kx, &ky) || inside(&ky, &kx)
                }
        })
    })
}

/// Does a word of name `w` stand inside a longer word of `other`, or is it
/// a compound of two adjacent words there? A part of a hyphenated word; the
/// start of a compound or of a hyphen's part ("Olympia" /
/// "Dressur-Olympiasiegerin"); the end of one, for names of five letters or
/// more ("Allgäu" / "Unterallgäu"); the start by consonant key; or two
/// adjacent words written as one ("Beachvolleyball" / "Beach volleyball").
pub(super) fn inside_a_word(side: &Side, w: &Words, other: &Side) -> bool {
    run_words(side, w).any(|x| {
        let lx = x.to_lowercase();
        let lx = lx.trim_end_matches("'s").trim_end_matches("’s");
        let n = lx.chars().count();
        if n < 2 {
            return false;
        }
        let kx = name_keys(x, side.lang);
        let mut prev: Option<(usize, String)> = None;
        other.tokens().any(|k| {
            let y = other.surface(k).to_lowercase();
            // Written the same way, even where the other language takes
            // the word for a function word ("The" of „"The Gift"“).
            let part = y == lx || (y.split('-').any(|p| p == lx) && y.contains('-'));
            let within = std::iter::once(y.as_str()).chain(y.split('-')).any(|p| {
                let m = p.chars().count();
                m > n + 2 && (p.starts_with(lx) || (n >= 5 && p.ends_with(lx)))
            });
            let keyed = y.chars().count() > n + 2
                && name_keys(other.surface(k), other.lang).iter().any(|ky| {
                    kx.iter()
                        .any(|k| k.len() >= 3 && ky.len() > k.len() && ky.starts_with(k.as_str()))
                });
            let joined = prev.as_ref().is_some_and(|(s, p)| {
                *s == k.s && p.chars().count() >= 3 && y.chars().count() >= 3 && {
                    let j = format!("{p}{y}");
                    j == lx
                }
            });
            prev = Some((k.s, y));
            part || within || keyed || joined
        })
    })
}

/// Does name `w` spell out an acronym the other side writes, alone or as
/// part of a hyphenated word ("United States" / "US-Dollar", "European
/// Union" / "EU-Gericht")? The initials of its words, in Latin letters,
/// are the acronym's letters.
pub(super) fn spells_out_acronym(side: &Side, w: &Words, other: &Side) -> bool {
    let initials: String = run_words(side, w)
        .filter_map(|x| x.chars().next())
        .flat_map(|c| {
            to_latin(&c.to_string())
                .to_uppercase()
                .chars()
                .collect::<Vec<_>>()
        })
        .collect();
    initials.chars().count() >= 2
        && other.tokens().any(|k| {
            other.surface(k).split('-').any(|part| {
                let n = part.chars().count();
                (2..=6).contains(&n)
                    && part.chars().all(char::is_uppercase)
                    && to_latin(part).to_uppercase() == initials
            })
        })
}
