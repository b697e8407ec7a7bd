//! The loaded-language lexicon (`data/loaded/`, the project's own data; its
//! README says how entries were chosen): concept **families** in bg, de and
//! en at an intensity level on shared **scales**, plus hedges and
//! attribution markers, negators, and antonym pairs. It is embedded in the
//! binary and indexed on first use.
//!
//! A word of a text matches a listed form by the form's stem (the stemmer
//! the rest of the lexicon uses, so "катастрофата", "Katastrophen" and
//! "catastrophes" reach "катастрофа", "Katastrophe", "catastrophe"), or by a
//! lemma term (irregular forms the lemma tables know). Multi-word forms
//! ("according to", "твърди се") match consecutive words.

use crate::hash::FastMap as HashMap;
use std::sync::LazyLock;

use crate::analyse::Analysed;
use crate::analyse::tokenize::{Shape, tokenize};
use crate::hash::fnv1a;
use crate::lang::Lang;
use crate::lexicon::{Lexicon, TermId, fold, lang_index};

/// What a scale measures, which decides the flag a move on it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleKind {
    /// Up is `intensified`, down `softened`.
    Intensity,
    /// Framing labels (government → regime): a move up is loaded.
    Stance,
    /// Evaluative words without a neutral partner (historic, brutal).
    Evaluation,
    /// may < likely < will: a change is a `hedge`.
    Certainty,
    /// some < many < all.
    Quantity,
    /// said < claimed / admitted: a change is a `hedge`.
    Reporting,
}

/// One scale.
#[derive(Debug, Clone)]
pub struct Scale {
    pub id: Box<str>,
    pub kind: ScaleKind,
}

/// One concept family: a concept at one level of one scale.
#[derive(Debug, Clone)]
pub struct Family {
    pub id: Box<str>,
    pub scale: u16,
    /// 1 (neutral, mildest) to 5 (most extreme).
    pub level: u8,
    /// Loaded on its own: worth a flag when added without a counterpart.
    pub loaded: bool,
}

/// Hedge and attribution classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HedgeType {
    Hedge,
    Attribution,
    Appearance,
    Modal,
}

/// What a matched form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Family(u32),
    Hedge(HedgeType),
    Negator,
    /// "without", "ohne", "без": a negation in some uses, a plain
    /// preposition ("без понеделник", except Monday) in others.
    Without,
    /// Side 0 or 1 of antonym pair `pair`.
    Antonym {
        pair: u32,
        side: u8,
    },
}

/// A form found in a sentence: its first token and how many tokens it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub token: u32,
    pub len: u32,
    pub marker: Marker,
    /// The listed form that matched (see [`Loaded::form`]).
    pub form: u32,
}

/// One word of a form: its stem's hash and, when the base lexicon knows
/// that stem, its term.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FormWord {
    stem: u64,
    term: Option<TermId>,
    /// The folded word as listed (family forms only), for the prefix check.
    folded: Box<str>,
}

/// A listed form: its words, what it marks, and its index in the form list.
type Listed = (Vec<FormWord>, Marker, u32);

/// The indexed lexicon.
pub struct Loaded {
    pub scales: Vec<Scale>,
    pub families: Vec<Family>,
    pub antonym_pairs: usize,
    /// Per language (bg, de, en): first word's key → (form words, marker,
    /// form). The key is the stem's hash, or for hedges, negators and
    /// antonyms (listed with their inflections) the folded word's.
    by_stem: [HashMap<u64, Vec<Listed>>; 3],
    /// Per language: a single-word family form's term → (marker, form).
    by_term: [HashMap<TermId, Vec<(Marker, u32)>>; 3],
    /// Every listed form, as written.
    forms: Vec<Box<str>>,
    /// The word of each single-word family form, by form id.
    form_words: Vec<Option<FormWord>>,
}

const SCALES: &str = include_str!("../../data/loaded/scales.tsv");
const FAMILIES: &str = include_str!("../../data/loaded/families.tsv");
const HEDGES: &str = include_str!("../../data/loaded/hedges.tsv");
const NEGATORS: &str = include_str!("../../data/loaded/negators.tsv");
const ANTONYMS: &str = include_str!("../../data/loaded/antonyms.tsv");

static EMBEDDED: LazyLock<Loaded> = LazyLock::new(|| {
    Loaded::parse(&Lexicon::embedded()).unwrap_or_else(|e| panic!("data/loaded: {e}"))
});

/// Data lines of a TSV file: no comments, no blank lines, no header.
fn rows<'a>(text: &'a str, header: &str) -> impl Iterator<Item = (usize, Vec<&'a str>)> {
    let header = header.to_string();
    text.lines()
        .enumerate()
        .filter(move |(_, l)| {
            let l = l.trim_end();
            !l.is_empty() && !l.starts_with('#') && !l.starts_with(header.as_str())
        })
        .map(|(k, l)| (k + 1, l.trim_end().split('\t').collect()))
}

impl Loaded {
    /// The embedded lexicon, indexed once per process.
    pub fn embedded() -> &'static Loaded {
        &EMBEDDED
    }

    fn parse(lexicon: &Lexicon) -> Result<Loaded, String> {
        let mut out = Loaded {
            scales: Vec::new(),
            families: Vec::new(),
            antonym_pairs: 0,
            by_stem: Default::default(),
            by_term: Default::default(),
            forms: Vec::new(),
            form_words: Vec::new(),
        };
        for (line, c) in rows(SCALES, "scale\t") {
            let kind = match c.get(1).copied() {
                Some("intensity") => ScaleKind::Intensity,
                Some("stance") => ScaleKind::Stance,
                Some("evaluation") => ScaleKind::Evaluation,
                Some("certainty") => ScaleKind::Certainty,
                Some("quantity") => ScaleKind::Quantity,
                Some("reporting") => ScaleKind::Reporting,
                other => return Err(format!("scales.tsv:{line}: unknown kind {other:?}")),
            };
            out.scales.push(Scale {
                id: c[0].into(),
                kind,
            });
        }
        for (line, c) in rows(FAMILIES, "family\t") {
            if c.len() != 7 {
                return Err(format!("families.tsv:{line}: {} columns, want 7", c.len()));
            }
            let scale = out
                .scales
                .iter()
                .position(|s| &*s.id == c[1])
                .ok_or_else(|| format!("families.tsv:{line}: unknown scale {:?}", c[1]))?;
            let level: u8 = c[2]
                .parse()
                .ok()
                .filter(|l| (1..=5).contains(l))
                .ok_or_else(|| format!("families.tsv:{line}: bad level {:?}", c[2]))?;
            let marker = Marker::Family(out.families.len() as u32);
            out.families.push(Family {
                id: c[0].into(),
                scale: scale as u16,
                level,
                loaded: c[3] == "1",
            });
            for (lang, cell) in [(Lang::En, c[4]), (Lang::De, c[5]), (Lang::Bg, c[6])] {
                out.add_cell(lexicon, lang, cell, marker);
            }
        }
        for (file, text, header) in [
            ("hedges.tsv", HEDGES, "lang\t"),
            ("negators.tsv", NEGATORS, "lang\t"),
        ] {
            for (line, c) in rows(text, header) {
                let lang = c
                    .first()
                    .and_then(|l| Lang::from_code(l))
                    .ok_or_else(|| format!("{file}:{line}: bad language"))?;
                let marker = match (file, c.get(2).copied()) {
                    ("negators.tsv", Some("without")) => Marker::Without,
                    ("negators.tsv", _) => Marker::Negator,
                    (_, Some("hedge")) => Marker::Hedge(HedgeType::Hedge),
                    (_, Some("attribution")) => Marker::Hedge(HedgeType::Attribution),
                    (_, Some("appearance")) => Marker::Hedge(HedgeType::Appearance),
                    (_, Some("modal")) => Marker::Hedge(HedgeType::Modal),
                    (_, other) => return Err(format!("{file}:{line}: unknown type {other:?}")),
                };
                let form = c.get(1).ok_or_else(|| format!("{file}:{line}: no form"))?;
                out.add_cell(lexicon, lang, form, marker);
            }
        }
        for (line, c) in rows(ANTONYMS, "en_a\t") {
            if c.len() != 6 {
                return Err(format!("antonyms.tsv:{line}: {} columns, want 6", c.len()));
            }
            let pair = out.antonym_pairs as u32;
            out.antonym_pairs += 1;
            for (k, lang) in [Lang::En, Lang::De, Lang::Bg].into_iter().enumerate() {
                for side in 0..2u8 {
                    let marker = Marker::Antonym { pair, side };
                    out.add_cell(lexicon, lang, c[2 * k + side as usize], marker);
                }
            }
        }
        Ok(out)
    }

    /// Adds the forms of one cell. Family forms match by stem, so their
    /// inflections are found; hedges, negators and antonyms are matched as
    /// the folded words listed (their lists spell out the inflections), since
    /// stemming merges short function words with unrelated words
    /// ("angeblich" and "Angaben" share the stem "angeb").
    fn add_cell(&mut self, lexicon: &Lexicon, lang: Lang, cell: &str, marker: Marker) {
        let Some(li) = lang_index(lang) else { return };
        let by_stem = matches!(marker, Marker::Family(_));
        for form in cell.split('|').map(str::trim).filter(|f| !f.is_empty()) {
            // Forms are tokenised like text: "т.нар." is the words "т", "нар".
            let words: Vec<FormWord> = tokenize(form)
                .into_iter()
                .filter(|t| t.shape == Shape::Word)
                .map(|t| {
                    let folded = fold(&form[t.span]);
                    if by_stem {
                        let stem = lexicon.stem(lang, &folded);
                        FormWord {
                            stem: fnv1a(&stem),
                            term: lexicon.stem_term(lang, &stem),
                            folded: folded.as_ref().into(),
                        }
                    } else {
                        FormWord {
                            stem: fnv1a(&folded),
                            term: None,
                            folded: "".into(),
                        }
                    }
                })
                .collect();
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let id = self.forms.len() as u32;
            self.forms.push(form.into());
            self.form_words
                .push((by_stem && words.len() == 1).then(|| first.clone()));

            if words.len() == 1
                && let Some(t) = first.term
            {
                let list = self.by_term[li].entry(t).or_default();
                if !list.iter().any(|(m, _)| *m == marker) {
                    list.push((marker, id));
                }
            }
            let list = self.by_stem[li].entry(first.stem).or_default();
            if !list.iter().any(|(w, m, _)| *w == words && *m == marker) {
                list.push((words, marker, id));
            }
        }
    }

    /// Every listed form in an analysed sentence (`text` is its text).
    ///
    /// A family form matches a word with the same stem (or a lemma term of
    /// that stem) whose folded spelling also shares all but the last two
    /// letters of the form: stemmers strip derivational endings too, and
    /// "remarked" must not be "remarkable". A German compound matches by its
    /// head ("Dopingskandal" is a "Skandal"). Function words ("all",
    /// "immer", "всички") have no stem key and match no family: matched by
    /// spelling, the quantity and frequency words among them raised false
    /// alarms on faithful translation (FLORES bg-de rows with a major flag
    /// 0.107 → 0.140), so a translator's choice among them is left alone.
    pub fn find(&self, lang: Lang, a: &Analysed, text: &str) -> Vec<Found> {
        let Some(li) = lang_index(lang) else {
            return Vec::new();
        };
        let (stems, words, terms) = (&a.stems, &a.words, &a.terms);
        let folded = |k: usize| -> String {
            a.tokens
                .get(k)
                .map(|t| fold(&text[t.span.start as usize..t.span.end as usize]).into_owned())
                .unwrap_or_default()
        };
        let spelled_alike = |k: usize, w: &FormWord| -> bool {
            let (token, form) = (folded(k), &*w.folded);
            let shared = token
                .chars()
                .zip(form.chars())
                .take_while(|(x, y)| x == y)
                .count();
            let need = form.chars().count().saturating_sub(2);
            shared >= need || (lang == Lang::De && need >= 4 && compound_head(&token, form, need))
        };
        let mut out: Vec<Found> = Vec::new();
        let mut t0 = 0;
        for i in 0..stems.len() {
            let mut push = |len: usize, marker: Marker, form: u32| {
                if !out
                    .iter()
                    .any(|f| f.token == i as u32 && f.marker == marker)
                {
                    out.push(Found {
                        token: i as u32,
                        len: len as u32,
                        marker,
                        form,
                    });
                }
            };
            for (keys, family_forms) in [(stems, true), (words, false)] {
                let Some(list) = keys
                    .get(i)
                    .filter(|&&k| k != 0)
                    .and_then(|k| self.by_stem[li].get(k))
                else {
                    continue;
                };
                for (form, marker, id) in list {
                    if matches!(marker, Marker::Family(_)) != family_forms {
                        continue;
                    }
                    let fits = form.iter().enumerate().all(|(k, w)| {
                        keys.get(i + k) == Some(&w.stem)
                            && (!family_forms || spelled_alike(i + k, w))
                    });
                    if fits {
                        push(form.len(), *marker, *id);
                    }
                }
            }
            while t0 < terms.len() && terms[t0].0 < i as u32 {
                t0 += 1;
            }
            let mut t = t0;
            while t < terms.len() && terms[t].0 == i as u32 {
                if let Some(markers) = self.by_term[li].get(&terms[t].1) {
                    for &(m, id) in markers {
                        let word = self.form_words.get(id as usize).and_then(Option::as_ref);
                        if word.is_none_or(|w| spelled_alike(i, w)) {
                            push(1, m, id);
                        }
                    }
                }
                t += 1;
            }
        }
        // The longest form wins: a family form inside a longer form of
        // another family is part of that phrase ("most" of "most likely"
        // is no quantity, „mehrere“ / "most likely" no intensification).
        let spans: Vec<(u32, u32)> = out
            .iter()
            .filter(|f| matches!(f.marker, Marker::Family(_)))
            .map(|f| (f.token, f.token + f.len))
            .collect();
        out.retain(|f| {
            !matches!(f.marker, Marker::Family(_))
                || !spans
                    .iter()
                    .any(|&(a, b)| b - a > f.len && a <= f.token && f.token + f.len <= b)
        });
        out
    }

    /// A listed form, as written in the data.
    pub fn form(&self, id: u32) -> &str {
        self.forms.get(id as usize).map_or("", |f| f)
    }

    pub fn family(&self, marker: Marker) -> Option<&Family> {
        match marker {
            Marker::Family(f) => self.families.get(f as usize),
            _ => None,
        }
    }

    pub fn scale(&self, family: &Family) -> &Scale {
        &self.scales[family.scale as usize]
    }
}

#[cfg(test)]
#[path = "loaded_tests.rs"]
mod tests;

/// Does a German compound end in `form` (give or take an inflection)?
fn compound_head(token: &str, form: &str, need: usize) -> bool {
    let stem: String = form.chars().take(need).collect();
    token.char_indices().skip(3).any(|(i, _)| {
        token[i..].starts_with(&stem) && token[i..].chars().count() <= form.chars().count() + 3
    })
}
