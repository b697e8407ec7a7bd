//! Stories to build discovery archives from, as parallel units (a unit is a
//! sentence, or a gold row of sentences, in bg, de and en at once):
//!
//! - FLORES-200 devtest articles (3–5 sentences each), consecutive articles
//!   joined into documents of at least [`FLORES_MIN_UNITS`] sentences;
//! - the bundled corpora's stories, by the rows of their gold alignment
//!   that all three versions have (the headline is the first);
//! - for the scale runs, as many generated stories as asked: FLORES
//!   sentences drawn at random, and two sentences naming invented people,
//!   organisations and places with a number, so each story has the rare
//!   names real stories have (a drawn sentence recurs in other stories, as
//!   wire copy does).

use std::path::Path;

use super::flores::Flores;
use super::gold;
use super::perturb::Rng;
use parallax::error::Result;
use parallax::lang::Lang;

/// The languages of a unit's texts, in order.
pub const LANGS: [Lang; 3] = [Lang::Bg, Lang::De, Lang::En];

/// A story as parallel units.
#[derive(Debug, Clone)]
pub struct Source {
    /// Each unit's text in bg, de and en.
    pub units: Vec<[String; 3]>,
    /// The first unit is a headline (kept first by every relay).
    pub headline: bool,
}

/// FLORES documents are joined articles of at least this many sentences.
pub const FLORES_MIN_UNITS: usize = 8;

/// FLORES articles joined into documents.
pub fn flores(f: &Flores) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut units: Vec<[String; 3]> = Vec::new();
    for article in &f.articles {
        for i in article.clone() {
            units.push([f.bg[i].clone(), f.de[i].clone(), f.en[i].clone()]);
        }
        if units.len() >= FLORES_MIN_UNITS {
            out.push(Source {
                units: std::mem::take(&mut units),
                headline: false,
            });
        }
    }
    out
}

/// The bundled corpora's stories (those with gold rows and segments).
pub fn corpora(dir: &Path) -> Result<Vec<Source>> {
    let mut dirs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| parallax::Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold/rows.tsv").is_file())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for d in dirs {
        let Some((langs, rows)) = gold::rows(&d)? else {
            continue;
        };
        let mut seg: Vec<Vec<String>> = Vec::new();
        for lang in LANGS {
            seg.push(gold::segments(&d, lang)?.unwrap_or_default());
        }
        let mut units = Vec::new();
        for row in rows {
            let mut unit: [String; 3] = Default::default();
            let mut whole = true;
            for (k, lang) in LANGS.iter().enumerate() {
                let col = langs.iter().position(|l| l == lang);
                let ids = col.map(|c| row.ids[c].as_slice()).unwrap_or(&[]);
                let texts: Vec<&str> = ids
                    .iter()
                    .filter_map(|&i| seg[k].get(i).map(String::as_str))
                    .collect();
                whole &= !texts.is_empty() && texts.len() == ids.len();
                unit[k] = texts.join(" ");
            }
            if whole {
                units.push(unit);
            }
        }
        if units.len() >= 4 {
            out.push(Source {
                units,
                headline: true,
            });
        }
    }
    Ok(out)
}

const CONSONANTS: [(&str, &str); 14] = [
    ("b", "б"),
    ("d", "д"),
    ("f", "ф"),
    ("g", "г"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("v", "в"),
    ("z", "з"),
];
const VOWELS: [(&str, &str); 5] = [("a", "а"), ("e", "е"), ("i", "и"), ("o", "о"), ("u", "у")];

/// An invented name of 3–4 syllables, in Latin and Cyrillic letters.
fn name(rng: &mut Rng) -> (String, String) {
    let (mut latin, mut cyrillic) = (String::new(), String::new());
    for k in 0..3 + rng.below(2) {
        let (cl, cc) = CONSONANTS[rng.below(CONSONANTS.len())];
        let (vl, vc) = VOWELS[rng.below(VOWELS.len())];
        if k == 0 {
            latin.push_str(&cl.to_uppercase());
            cyrillic.push_str(&cc.to_uppercase());
        } else {
            latin.push_str(cl);
            cyrillic.push_str(cc);
        }
        latin.push_str(vl);
        cyrillic.push_str(vc);
    }
    (latin, cyrillic)
}

/// The two sentences with invented names that make a generated story its
/// own.
fn named_units(rng: &mut Rng) -> [[String; 3]; 2] {
    let (first, last, org, city) = (name(rng), name(rng), name(rng), name(rng));
    let n = 100 + rng.below(900);
    [
        [
            format!(
                "{} {}, говорител на {}, заяви във вторник, че {n} души са засегнати.",
                first.1, last.1, org.1
            ),
            format!(
                "{} {}, Sprecher von {}, sagte am Dienstag, {n} Menschen seien betroffen.",
                first.0, last.0, org.0
            ),
            format!(
                "{} {}, a spokesperson for {}, said on Tuesday that {n} people had been affected.",
                first.0, last.0, org.0
            ),
        ],
        [
            format!(
                "Агенцията {} в {} все още не е коментирала доклада на {}.",
                org.1, city.1, last.1
            ),
            format!(
                "Die Behörde {} in {} hat sich zum Bericht von {} noch nicht geäußert.",
                org.0, city.0, last.0
            ),
            format!(
                "The agency {} in {} has not yet commented on the report by {}.",
                org.0, city.0, last.0
            ),
        ],
    ]
}

/// `count` generated stories of 8–12 drawn FLORES sentences and the two
/// named ones (the first as the lead, the second further down).
pub fn generated(f: &Flores, count: usize, seed: u64) -> Vec<Source> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            let [lead, later] = named_units(&mut rng);
            let mut units = vec![lead];
            for _ in 0..8 + rng.below(5) {
                let i = rng.below(f.en.len());
                units.push([f.bg[i].clone(), f.de[i].clone(), f.en[i].clone()]);
            }
            let at = 2 + rng.below(units.len() - 2);
            units.insert(at, later);
            Source {
                units,
                headline: false,
            }
        })
        .collect()
}
