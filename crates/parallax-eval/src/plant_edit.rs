//! The word-level edits of the planted-change generator: each takes line k
//! of the three versions of an article and the versions to change (the one
//! the change enters and, at step 1, the one that inherits it), and returns
//! the changed lines, or `None` when the line does not allow the change
//! unambiguously. Numbers and names here; negation in
//! [`super::plant_negation`]; wording (loaded terms, intensification,
//! hedges, additions) in [`super::plant_wording`]; omissions in
//! [`super::plant_omission`].

use std::ops::Range;

use super::perturb::Rng;
use super::plant_text::{find_form, replace, words};
use super::plant_words::{PEOPLE, PLACES};
use parallax::Lang;
use parallax::lexicon::{Lexicon, names};

/// Line k of an article, seen from one relay.
pub struct Ctx<'a> {
    pub chain: [Lang; 3],
    /// 1: the change enters chain[1] and chain[2] inherits it; 2: it enters chain[2].
    pub step: usize,
    /// Line k of each version, in chain order.
    pub lines: [&'a str; 3],
    /// Every line of the article in every language.
    pub article: &'a [&'a str],
    pub lexicon: &'a Lexicon,
}

impl Ctx<'_> {
    pub fn targets(&self) -> &[Lang] {
        &self.chain[self.step..]
    }

    pub fn line(&self, lang: Lang) -> &str {
        let i = self.chain.iter().position(|&l| l == lang).unwrap_or(0);
        self.lines[i]
    }

    /// Is a word (any case) anywhere in the article?
    pub fn in_article(&self, word: &str) -> bool {
        self.article.iter().any(|l| !find_form(l, word).is_empty())
    }
}

/// The changed lines and what was done.
#[derive(Debug, Clone)]
pub struct Edit {
    pub lines: Vec<(Lang, String)>,
    pub what: String,
}

/// Numbers of a line: spans and their digits ("1,250", "1.250" and "1 250"
/// are all "1250"); numbers glued to letters ("F1", "COVID-19") left out.
pub fn numbers(s: &str) -> Vec<(Range<usize>, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
            // "1,250", "1.250", and "1 250" (a space before three digits).
            let decimal = matches!(b.get(j), Some(b'.' | b',')) && digit_at(j + 1);
            let thousands = b.get(j) == Some(&b' ')
                && (1..=3).all(|d| digit_at(j + d))
                && !digit_at(j + 4)
                && j - start <= 3;
            if !(decimal || thousands) {
                break;
            }
            j += 1;
        }
        let before: Vec<char> = s[..start].chars().rev().take(2).collect();
        let glued = before.first().is_some_and(|c| c.is_alphabetic())
            || (before.first() == Some(&'-') && before.get(1).is_some_and(|c| c.is_alphabetic()))
            || s[j..].chars().next().is_some_and(|c| c.is_alphabetic());
        if !glued {
            let digits = s[start..j].chars().filter(char::is_ascii_digit).collect();
            out.push((start..j, digits));
        }
        i = j;
    }
    out
}

/// A number all three lines have once changes its value in the target
/// versions, in each one's own format: a day or small count gets another
/// value from 1 to 28, a longer number another last digit.
pub fn number(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let per: Vec<Vec<(Range<usize>, String)>> = cx.lines.iter().map(|l| numbers(l)).collect();
    let once = |d: &String| {
        per.iter()
            .all(|p| p.iter().filter(|(_, e)| e == d).count() == 1)
    };
    let cands: Vec<&String> = per[0].iter().map(|(_, d)| d).filter(|d| once(d)).collect();
    let old = cands.get(rng.below(cands.len().max(1)))?.to_string();
    let separated = cx.lines.iter().zip(&per).any(|(l, p)| {
        p.iter()
            .any(|(r, d)| *d == old && l[r.clone()].contains(|c: char| !c.is_ascii_digit()))
    });
    let small = !separated && old.len() <= 2 && old.parse::<u32>().is_ok_and(|v| v <= 31);
    let taken: Vec<String> = cx
        .article
        .iter()
        .flat_map(|l| numbers(l))
        .map(|(_, d)| d)
        .collect();
    let new = (0..20)
        .map(|_| {
            if small {
                (1 + rng.below(28)).to_string()
            } else {
                let last = (old.as_bytes()[old.len() - 1] - b'0') as usize;
                let d = (last + 1 + rng.below(9)) % 10;
                format!("{}{d}", &old[..old.len() - 1])
            }
        })
        .find(|n| *n != old && !taken.contains(n))?;
    let mut lines = Vec::new();
    for &t in cx.targets() {
        let s = cx.line(t);
        let i = cx.chain.iter().position(|&l| l == t)?;
        let (r, _) = per[i].iter().find(|(_, d)| *d == old)?;
        let changed = if small {
            replace(s, r.clone(), &new)
        } else {
            let at = r.start + s[r.clone()].rfind(|c: char| c.is_ascii_digit())?;
            replace(s, at..at + 1, &new[new.len() - 1..])
        };
        lines.push((t, changed));
    }
    Some(Edit {
        lines,
        what: format!("number {old} → {new}"),
    })
}

/// Capitalised English words that are not names.
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
];

/// Verbs after a person's name.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "announced",
    "explained",
    "stated",
];

/// Spans of a word written exactly so (case-sensitive).
fn exact(s: &str, w: &str) -> Vec<Range<usize>> {
    words(s)
        .into_iter()
        .filter(|r| &s[r.clone()] == w)
        .collect()
}

/// Is an English word a name and nothing else: capitalised, and not a word
/// the dictionaries translate ("Power", "Radio")?
fn plain_name(w: &str, lexicon: &Lexicon) -> bool {
    w.starts_with(char::is_uppercase)
        && [Lang::De, Lang::Bg]
            .iter()
            .all(|&to| lexicon.translate(Lang::En, w, to).is_empty())
}

/// A name the English and German lines spell alike and the Bulgarian line
/// transcribes (or keeps in Latin) is replaced in the target versions: a
/// surname (after a first name the dictionaries do not know, or before
/// "said", "told" …) by another person's, a place (after "in", "from",
/// "near", "to", "at") by another place, each in the target's spelling.
pub fn name(cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let (en, de, bg) = (cx.line(Lang::En), cx.line(Lang::De), cx.line(Lang::Bg));
    let ew = words(en);
    let capital = |k: usize| {
        ew.get(k)
            .is_some_and(|r| en[r.clone()].starts_with(char::is_uppercase))
    };
    let mut cands: Vec<(Range<usize>, bool)> = Vec::new();
    for (i, r) in ew.iter().enumerate().skip(1) {
        let w = &en[r.clone()];
        let shaped = w.chars().count() >= 3
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && !NOT_NAMES.contains(&w);
        let after_stop = en[..r.start]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '“']);
        if !shaped || after_stop || capital(i + 1) {
            continue;
        }
        let prev = &en[ew[i - 1].clone()];
        let place = ["in", "from", "near", "to", "at"].contains(&prev.to_lowercase().as_str());
        let next = ew.get(i + 1).map(|n| en[n.clone()].to_lowercase());
        let speaks = next.is_some_and(|n| SPEECH.contains(&n.as_str()));
        let first_name = capital(i - 1) && plain_name(prev, cx.lexicon);
        let person = first_name || (speaks && plain_name(w, cx.lexicon));
        if (place || person) && exact(en, w).len() == 1 && exact(de, w).len() == 1 {
            cands.push((r.clone(), place));
        }
    }
    if cands.is_empty() {
        return None;
    }
    let (r, place) = cands.swap_remove(rng.below(cands.len()));
    let w = &en[r.clone()];
    let latin = exact(bg, w);
    let (bg_span, bg_latin) = if latin.len() == 1 {
        (latin[0].clone(), true)
    } else {
        let cyr: Vec<Range<usize>> = words(bg)
            .into_iter()
            .filter(|b| {
                let x = &bg[b.clone()];
                x.starts_with(|c: char| c.is_uppercase() && !c.is_ascii())
                    && names::same_name(x, Lang::Bg, w, Lang::En)
            })
            .collect();
        if cyr.len() != 1 {
            return None;
        }
        (cyr[0].clone(), false)
    };
    let list = if place { PLACES } else { PEOPLE };
    let first = w.chars().next();
    let fresh: Vec<&[&str; 3]> = list
        .iter()
        .filter(|n| n[0].chars().next() != first && n.iter().all(|x| !cx.in_article(x)))
        .collect();
    let new = fresh.get(rng.below(fresh.len().max(1)))?;
    let mut lines = Vec::new();
    for &t in cx.targets() {
        let changed = match t {
            Lang::En => replace(en, r.clone(), new[0]),
            Lang::De => replace(de, exact(de, w)[0].clone(), new[1]),
            _ => replace(bg, bg_span.clone(), if bg_latin { new[0] } else { new[2] }),
        };
        lines.push((t, changed));
    }
    Some(Edit {
        lines,
        what: format!("name {w} → {}", new[0]),
    })
}
