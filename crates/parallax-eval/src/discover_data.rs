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

/// Sentences naming a person `{P}`, an organisation `{O}`, a place `{C}`
/// and a number `{N}`, in bg, de and en: a story's lead is one of the
/// first six, a later sentence one of the second six, so that two stories
/// rarely share a formula as well as their drawn sentences.
const NAMED: [[&str; 3]; 12] = [
    [
        "{P}, говорител на {O}, заяви във вторник, че {N} души са засегнати.",
        "{P}, Sprecher von {O}, sagte am Dienstag, {N} Menschen seien betroffen.",
        "{P}, a spokesperson for {O}, said on Tuesday that {N} people had been affected.",
    ],
    [
        "Според {O} {N} домакинства в {C} са без ток.",
        "Nach Angaben von {O} sind in {C} {N} Haushalte ohne Strom.",
        "According to {O}, {N} households in {C} are without power.",
    ],
    [
        "{P} подаде оставка като ръководител на {O} след {N} дни на поста.",
        "{P} ist nach {N} Tagen im Amt als Chef von {O} zurückgetreten.",
        "{P} resigned as head of {O} after {N} days in office.",
    ],
    [
        "Съдът в {C} осъди {P} на {N} часа общественополезен труд.",
        "Das Gericht in {C} verurteilte {P} zu {N} Stunden gemeinnütziger Arbeit.",
        "The court in {C} sentenced {P} to {N} hours of community service.",
    ],
    [
        "{O} планира да открие {N} нови клона в {C} догодина.",
        "{O} will im nächsten Jahr {N} neue Filialen in {C} eröffnen.",
        "{O} plans to open {N} new branches in {C} next year.",
    ],
    [
        "Полицията в {C} съобщи, че {P} е бил разпитван {N} минути.",
        "Die Polizei in {C} teilte mit, {P} sei {N} Minuten lang befragt worden.",
        "Police in {C} said {P} had been questioned for {N} minutes.",
    ],
    [
        "Агенцията {O} в {C} все още не е коментирала доклада на {P}.",
        "Die Behörde {O} in {C} hat sich zum Bericht von {P} noch nicht geäußert.",
        "The agency {O} in {C} has not yet commented on the report by {P}.",
    ],
    [
        "{P} каза пред журналисти в {C}, че разговорите ще продължат.",
        "{P} sagte Reportern in {C}, die Gespräche würden fortgesetzt.",
        "{P} told reporters in {C} that the talks would continue.",
    ],
    [
        "Втора среща с {O} е планирана след {N} дни.",
        "Ein zweites Treffen mit {O} ist in {N} Tagen geplant.",
        "A second meeting with {O} is planned in {N} days.",
    ],
    [
        "Жители на {C} години наред са предупреждавали {O} за проблема.",
        "Einwohner von {C} hatten {O} jahrelang vor dem Problem gewarnt.",
        "Residents of {C} had warned {O} about the problem for years.",
    ],
    [
        "{P} отхвърли критиката на {O} като неоснователна.",
        "{P} wies die Kritik von {O} als unbegründet zurück.",
        "{P} rejected the criticism from {O} as unfounded.",
    ],
    [
        "Кметът на {C}, {P}, призова за независимо разследване.",
        "Der Bürgermeister von {C}, {P}, forderte eine unabhängige Untersuchung.",
        "The mayor of {C}, {P}, called for an independent inquiry.",
    ],
];

/// The two sentences with invented names that make a generated story its
/// own: a lead and a later one (see [`NAMED`]).
fn named_units(rng: &mut Rng) -> [[String; 3]; 2] {
    let (first, last, org, city) = (name(rng), name(rng), name(rng), name(rng));
    let n = (100 + rng.below(900)).to_string();
    let mut fill = |templates: &[[&str; 3]]| -> [String; 3] {
        let t = templates[rng.below(templates.len())];
        let mut out: [String; 3] = Default::default();
        for (k, slot) in out.iter_mut().enumerate() {
            // Bulgarian (k = 0) in Cyrillic, German and English in Latin.
            let pick = |x: &(String, String)| if k == 0 { x.1.clone() } else { x.0.clone() };
            let person = format!("{} {}", pick(&first), pick(&last));
            *slot = t[k]
                .replace("{P}", &person)
                .replace("{O}", &pick(&org))
                .replace("{C}", &pick(&city))
                .replace("{N}", &n);
        }
        out
    };
    [fill(&NAMED[..6]), fill(&NAMED[6..])]
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
