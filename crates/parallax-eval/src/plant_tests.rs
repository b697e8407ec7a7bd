use super::*;
use crate::plant_edit::numbers;
use crate::plant_edit::{self, Ctx};
use crate::plant_modality;
use crate::plant_negation;
use crate::plant_text::verb_slot;
use crate::plant_wording as wording;
use crate::plant_words::{LOADED, PEOPLE, SWAPS, col};
use parallax::Lang;
use parallax::lexicon::Lexicon;
use parallax::lexicon::names;

const FAMILIES: &str = include_str!("../../../data/loaded/families.tsv");

/// families.tsv rows by id: (level, loaded, [en, de, bg] cells).
fn families() -> Vec<(String, u8, bool, [String; 3])> {
    FAMILIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("family\t"))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 7)
        .map(|c| {
            let level = c[2].parse().unwrap_or(0);
            (
                c[0].to_string(),
                level,
                c[3] == "1",
                [c[4].into(), c[5].into(), c[6].into()],
            )
        })
        .collect()
}

fn lists(cell: &str, word: &str) -> bool {
    let w = word.to_lowercase();
    let stem: String = w
        .chars()
        .take(w.chars().count().saturating_sub(3).max(3))
        .collect();
    cell.split('|')
        .any(|f| f.trim().to_lowercase().starts_with(&stem))
}

fn ctx<'a>(chain: [Lang; 3], step: usize, lines: [&'a str; 3], lexicon: &'a Lexicon) -> Ctx<'a> {
    let article: &'static [&'static str] = &[];
    Ctx {
        chain,
        step,
        lines,
        article,
        lexicon,
    }
}

#[test]
fn swaps_move_two_levels_up_or_into_loaded_wording_of_families_tsv() {
    let fams = families();
    for sw in SWAPS {
        let low = fams.iter().find(|f| f.0 == sw.low).expect(sw.low);
        let high = fams.iter().find(|f| f.0 == sw.high).expect(sw.high);
        assert!(
            high.1 >= low.1 + 2 || (high.2 && !low.2),
            "{} → {} is not wide",
            sw.low,
            sw.high
        );
        for lang in [Lang::En, Lang::De, Lang::Bg] {
            for &(from, to) in sw.forms[col(lang)] {
                assert!(
                    lists(&low.3[col(lang)], from),
                    "{lang} {from} in {}",
                    sw.low
                );
                let head = to.split(' ').next_back().unwrap_or(to);
                if !to.is_empty() {
                    assert!(
                        lists(&high.3[col(lang)], head) || lists(&high.3[col(lang)], to),
                        "{lang} {to} in {}",
                        sw.high
                    );
                }
            }
        }
    }
}

#[test]
fn loaded_adjectives_are_loaded_families() {
    let fams = families();
    for a in LOADED {
        let f = fams.iter().find(|f| f.0 == a.family).expect(a.family);
        assert!(f.2, "{} is not loaded", a.family);
        assert!(lists(&f.3[0], a.en) && lists(&f.3[1], a.de), "{}", a.family);
        assert!(a.bg.iter().all(|b| lists(&f.3[2], b)), "{}", a.family);
    }
}

#[test]
fn replacement_surnames_are_no_dictionary_words_and_one_name_in_every_script() {
    let lexicon = Lexicon::embedded();
    for n in PEOPLE {
        for (k, lang) in [Lang::En, Lang::De, Lang::Bg].into_iter().enumerate() {
            for to in [Lang::En, Lang::De, Lang::Bg]
                .into_iter()
                .filter(|&t| t != lang)
            {
                assert!(
                    lexicon.translate(lang, n[k], to).is_empty(),
                    "{} is a {lang} word",
                    n[k]
                );
            }
        }
        assert!(
            names::same_name(n[2], Lang::Bg, n[0], Lang::En)
                || names::same_name(n[2], Lang::Bg, n[1], Lang::De),
            "{n:?}"
        );
        assert!(names::same_name(n[1], Lang::De, n[0], Lang::En), "{n:?}");
    }
}

#[test]
fn numbers_keep_their_locale_format() {
    let digits = |s: &str| numbers(s).into_iter().map(|(_, d)| d).collect::<Vec<_>>();
    assert_eq!(digits("It cost 1,250 dollars in 2016."), ["1250", "2016"]);
    assert_eq!(digits("Es kostete 1.250 Dollar."), ["1250"]);
    assert_eq!(
        digits("Струваше 1 250 долара през 2016 г."),
        ["1250", "2016"]
    );
    assert_eq!(digits("COVID-19 and F1"), Vec::<String>::new());
    let lexicon = Lexicon::embedded();
    let lines = [
        "Es kostete 1.250 Dollar.",
        "Струваше 1 250 долара.",
        "It cost 1,250 dollars.",
    ];
    let cx = ctx([Lang::De, Lang::Bg, Lang::En], 1, lines, &lexicon);
    let e = plant_edit::number(&cx, &mut Rng::new(1)).expect("a number");
    let (bg, en) = (&e.lines[0].1, &e.lines[1].1);
    assert!(bg.starts_with("Струваше 1 25") && bg != lines[1], "{bg}");
    assert!(en.starts_with("It cost 1,25") && en != lines[2], "{en}");
    assert_eq!(bg.chars().nth(13), en.chars().nth(12));
}

#[test]
fn negators_go_before_the_verb_and_come_out_cleanly() {
    let lexicon = Lexicon::embedded();
    let lines = [
        "Der Plan wurde gestern genehmigt.",
        "Планът се е провалил вчера.",
        "The plan was approved yesterday.",
    ];
    let cx = ctx([Lang::De, Lang::Bg, Lang::En], 1, lines, &lexicon);
    let e = plant_negation::negation(&cx, &mut Rng::new(1)).expect("inserted");
    assert_eq!(e.lines[0].1, "Планът не се е провалил вчера.");
    assert_eq!(e.lines[1].1, "The plan was not approved yesterday.");
    let cx = ctx(
        [Lang::Bg, Lang::En, Lang::De],
        2,
        [lines[1], lines[2], lines[0]],
        &lexicon,
    );
    let e = plant_negation::negation(&cx, &mut Rng::new(1)).expect("inserted");
    assert_eq!(e.lines[0].1, "Der Plan wurde nicht gestern genehmigt.");
    let negated = [
        "Der Plan wurde nicht genehmigt.",
        "Планът няма да бъде одобрен.",
        "The plan wasn't approved.",
    ];
    let cx = ctx([Lang::De, Lang::Bg, Lang::En], 1, negated, &lexicon);
    let e = plant_negation::negation(&cx, &mut Rng::new(1)).expect("removed");
    assert_eq!(e.lines[0].1, "Планът ще бъде одобрен.");
    assert_eq!(e.lines[1].1, "The plan was approved.");
    assert!(verb_slot("Ein Test.", Lang::De).is_none());
}

#[test]
fn loaded_adjectives_agree_with_their_noun() {
    let lexicon = Lexicon::embedded();
    let lines = [
        "He criticised the plan of the government.",
        "Er kritisierte den Plan der Regierung.",
        "Той разкритикува плана на правителството.",
    ];
    let cx = ctx([Lang::En, Lang::De, Lang::Bg], 1, lines, &lexicon);
    let mut rng = Rng::new(3);
    let e = wording::loaded(&cx, &mut rng).expect("inserted");
    let (de, bg) = (&e.lines[0].1, &e.lines[1].1);
    assert!(de.contains("den ") && de.contains("en Plan"), "{de}");
    assert!(bg.contains("ното правителство."), "{bg}");
}

#[test]
fn hedges_come_out_with_their_commas() {
    let lexicon = Lexicon::embedded();
    let lines = [
        "Der Plan wurde angeblich genehmigt.",
        "Планът вероятно е одобрен.",
        "The plan was, reportedly, approved.",
    ];
    let cx = ctx([Lang::De, Lang::Bg, Lang::En], 1, lines, &lexicon);
    let e = wording::hedge(&cx, &mut Rng::new(1)).expect("removed");
    assert_eq!(e.lines[0].1, "Планът е одобрен.");
    assert_eq!(e.lines[1].1, "The plan was approved.");
}

#[test]
fn the_same_seed_plants_the_same_changes() {
    let lexicon = Lexicon::embedded();
    let flores = Flores {
        bg: vec![
            "Планът е одобрен през 2016 г.".into(),
            "Министърът каза, че 1 250 души са съгласни.".into(),
            "Протестите продължиха.".into(),
        ],
        de: vec![
            "Der Plan wurde 2016 genehmigt.".into(),
            "Der Minister sagte, dass 1.250 Menschen zustimmen.".into(),
            "Die Proteste gingen weiter.".into(),
        ],
        en: vec![
            "The plan was approved in 2016.".into(),
            "The minister said that 1,250 people agree.".into(),
            "The protests continued.".into(),
        ],
        articles: vec![0..3, 0..3],
    };
    for kind in KINDS {
        let a = generate(&flores, &lexicon, kind, 5);
        let b = generate(&flores, &lexicon, kind, 5);
        assert_eq!(a.len(), b.len(), "{kind}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (&x.lines, x.step, &x.anchors),
                (&y.lines, y.step, &y.anchors)
            );
            assert_ne!(x.lines, x.twin, "{kind}: nothing planted");
        }
    }
    assert_eq!(
        generate(&flores, &lexicon, Planted::Flag(Kind::Number), 5).len(),
        2
    );
}

#[test]
fn modals_are_hardened_or_softened_in_the_target_versions_only() {
    let lexicon = Lexicon::embedded();
    let possible = [
        "Die Preise könnten im Herbst steigen.",
        "Цените може да се повишат през есента.",
        "Prices could rise in the autumn.",
    ];
    let cx = ctx([Lang::De, Lang::Bg, Lang::En], 1, possible, &lexicon);
    let e = plant_modality::modality(&cx, &mut Rng::new(1)).expect("hardened");
    assert_eq!(e.lines[0].1, "Цените ще се повишат през есента.");
    assert_eq!(e.lines[1].1, "Prices will rise in the autumn.");
    let future = [
        "Prices will rise in the autumn.",
        "Die Preise werden im Herbst steigen.",
        "Цените ще се повишат през есента.",
    ];
    let cx = ctx([Lang::En, Lang::De, Lang::Bg], 2, future, &lexicon);
    let e = plant_modality::modality(&cx, &mut Rng::new(1)).expect("softened");
    assert_eq!(
        e.lines,
        [(
            Lang::Bg,
            "Цените може да се повишат през есента.".to_string()
        )]
    );
    // A German passive is no future; a line with both is left alone.
    let passive = [
        "The bridge will be built.",
        "Die Brücke wird gebaut.",
        "Мостът ще бъде построен.",
    ];
    let cx = ctx([Lang::En, Lang::De, Lang::Bg], 1, passive, &lexicon);
    assert!(plant_modality::modality(&cx, &mut Rng::new(1)).is_none());
}
