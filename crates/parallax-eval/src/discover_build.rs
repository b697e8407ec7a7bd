//! Discovery archives with gold, built from stories as parallel units
//! ([`super::discover_data`]). Each story is published in one of these
//! shapes, its original in a language drawn at random:
//!
//! - alone (15 %): a single, with no counterpart;
//! - original and one relay (20 %), the relay whole or condensed;
//! - a chain (40 %): original, relay, and a relay of the relay (whole, or
//!   condensed again);
//! - a double relay (25 %): an original relayed by two outlets of one
//!   language, each condensing differently, and a page in the third
//!   language made from the first of them.
//!
//! A condensed relay keeps 40–80 % of its source's units (the headline
//! always), and half of them move a passage of one or two units to the top.
//! Half of the stories carry a date line in every version, each relay
//! dated after its source; the others have no dates. Patchworks are the
//! distractors: a third of one story and a third of another in one
//! language, which share sentences with both but are versions of neither.
//!
//! A relay's direction counts as judgeable when both versions are dated,
//! or, undated, when the relay condenses its source (keeps at most 85 %)
//! and no other version holds all of the relay's units in fewer: a whole
//! translation of a relay is the relay's twin, and which of the two came
//! first no text can tell.

use super::discover_data::{LANGS, Source};
use super::perturb::Rng;

/// One article of a built archive, with its gold.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub path: String,
    pub text: String,
    /// Its story (gold group); singles and patchworks have their own.
    pub story: usize,
    /// The article it was relayed from (an index into the archive).
    pub source: Option<usize>,
    /// Whether its direction can be judged (see the module documentation).
    pub judgeable: bool,
}

/// A version of a story as built: language, units in order, source.
struct Version {
    lang: usize,
    units: Vec<usize>,
    parent: Option<usize>,
}

const OUTLETS: [[&str; 4]; 3] = [
    ["trud", "dnevnik", "bnr", "mediapool"],
    ["faz", "sz", "taz", "zeit"],
    ["bbc", "guardian", "reuters", "apnews"],
];

/// Builds an archive from `sources`, and `patchworks` distractors per
/// story (a share).
pub fn build(sources: &[Source], patchworks: f64, seed: u64) -> Vec<GoldArticle> {
    let mut rng = Rng::new(seed);
    let mut out: Vec<GoldArticle> = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    let mut path = |rng: &mut Rng, lang: usize| loop {
        let outlet = OUTLETS[lang][rng.below(4)];
        let p = format!("{outlet}/{:07}.txt", rng.below(10_000_000));
        if used.insert(p.clone()) {
            return p;
        }
    };
    let mut multi: Vec<usize> = Vec::new();
    for (story, src) in sources.iter().enumerate() {
        let versions = shape(src, &mut rng);
        if versions.len() > 1 {
            multi.push(story);
        }
        let dated = rng.unit() < 0.5;
        let times = dated.then(|| times(&versions, &mut rng));
        let day = (1 + rng.below(26), 1 + rng.below(12));
        let first = out.len();
        for (k, v) in versions.iter().enumerate() {
            let date = times.as_ref().map(|t| date_line(v.lang, day, t[k]));
            let text = text(src, v, date.as_deref(), rng.unit() < 0.5);
            out.push(GoldArticle {
                path: path(&mut rng, v.lang),
                text,
                story,
                source: v.parent.map(|p| first + p),
                judgeable: v.parent.is_some() && (dated || judgeable(&versions, k)),
            });
        }
    }
    let count = (patchworks * sources.len() as f64).round() as usize;
    for k in 0..count.min(multi.len() / 2) {
        let x = multi[rng.below(multi.len())];
        let mut y = multi[rng.below(multi.len())];
        while y == x {
            y = multi[rng.below(multi.len())];
        }
        let lang = rng.below(3);
        let mut units: Vec<String> = Vec::new();
        for s in [x, y] {
            let n = sources[s].units.len();
            let take = (n / 3).max(2);
            let start = rng.below(n - take + 1);
            units.extend(
                sources[s].units[start..start + take]
                    .iter()
                    .map(|u| u[lang].clone()),
            );
        }
        out.push(GoldArticle {
            path: path(&mut rng, lang),
            text: paragraphs(&units),
            story: sources.len() + k,
            source: None,
            judgeable: false,
        });
    }
    out
}

/// The versions of one story (see the module documentation).
fn shape(src: &Source, rng: &mut Rng) -> Vec<Version> {
    let n = src.units.len();
    let l0 = rng.below(3);
    let (mut l1, mut l2) = ((l0 + 1) % 3, (l0 + 2) % 3);
    if rng.below(2) == 1 {
        std::mem::swap(&mut l1, &mut l2);
    }
    let all: Vec<usize> = (0..n).collect();
    let mut v = vec![Version {
        lang: l0,
        units: all.clone(),
        parent: None,
    }];
    let relay = |units: &[usize], rng: &mut Rng, condensed: bool| {
        if condensed {
            condense(units, src.headline, rng)
        } else {
            units.to_vec()
        }
    };
    let p = rng.unit();
    if p < 0.15 {
        return v;
    }
    let c = rng.unit() < 0.5;
    let r1 = relay(&all, rng, c || p >= 0.75);
    v.push(Version {
        lang: l1,
        units: r1.clone(),
        parent: Some(0),
    });
    if p < 0.35 {
        return v;
    }
    if p < 0.75 {
        let c = rng.unit() < 0.3;
        let r2 = relay(&r1, rng, c);
        v.push(Version {
            lang: l2,
            units: r2,
            parent: Some(1),
        });
        return v;
    }
    // A second relay in the same language, condensing differently.
    let mut r2 = condense(&all, src.headline, rng);
    for _ in 0..20 {
        let differs = |a: &[usize], b: &[usize]| a.iter().any(|x| !b.contains(x));
        if differs(&r2, &r1) && differs(&r1, &r2) {
            break;
        }
        r2 = condense(&all, src.headline, rng);
    }
    v.push(Version {
        lang: l1,
        units: r2,
        parent: Some(0),
    });
    v.push(Version {
        lang: l2,
        units: r1,
        parent: Some(1),
    });
    v
}

/// Keeps 40–80 % of `units` (the headline always, at least three), in
/// order; half the time a passage of one or two units moves to the top.
fn condense(units: &[usize], headline: bool, rng: &mut Rng) -> Vec<usize> {
    let n = units.len();
    let keep = ((0.4 + 0.4 * rng.unit()) * n as f64).round() as usize;
    // At least three, and one fewer than all (a relay of three keeps two).
    let keep = keep.max(3).min(n.saturating_sub(1)).max(1);
    let fixed = usize::from(headline);
    let mut rest: Vec<usize> = units[fixed..].to_vec();
    while rest.len() + fixed > keep {
        rest.remove(rng.below(rest.len()));
    }
    if rng.unit() < 0.5 && rest.len() >= 4 {
        let len = 1 + rng.below(2);
        let start = rest.len() / 2 + rng.below(rest.len() - rest.len() / 2 - len + 1);
        let block: Vec<usize> = rest.drain(start..start + len).collect();
        rest.splice(0..0, block);
    }
    units[..fixed].iter().copied().chain(rest).collect()
}

/// Whether an undated relay's direction can be judged (see the module
/// documentation).
fn judgeable(versions: &[Version], k: usize) -> bool {
    let Some(p) = versions[k].parent else {
        return false;
    };
    let r = &versions[k].units;
    let holds = |t: &Version| r.iter().all(|x| t.units.contains(x));
    let smallest = versions
        .iter()
        .enumerate()
        .filter(|&(j, t)| j != k && holds(t))
        .map(|(_, t)| t.units.len())
        .min();
    let parent = versions[p].units.len();
    let unique = versions
        .iter()
        .enumerate()
        .filter(|&(j, t)| j != k && holds(t) && t.units.len() == parent)
        .count()
        == 1;
    smallest == Some(parent) && unique && r.len() as f64 <= 0.85 * parent as f64
}

/// Minutes after the story's first day began, each relay after its source.
fn times(versions: &[Version], rng: &mut Rng) -> Vec<usize> {
    let mut t: Vec<usize> = Vec::with_capacity(versions.len());
    for v in versions {
        let after = v
            .parent
            .map_or(6 * 60 + rng.below(180), |p| t[p] + 30 + rng.below(600));
        t.push(after);
    }
    t
}

/// A date line as an outlet in that language prints it.
fn date_line(lang: usize, (day, month): (usize, usize), minutes: usize) -> String {
    let (day, h, m) = (day + minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    let y = 2025;
    match LANGS[lang].code() {
        "bg" => format!("Публикувано на {day:02}.{month:02}.{y} в {h:02}:{m:02} ч."),
        "de" => format!("Veröffentlicht: {day:02}.{month:02}.{y}, {h:02}:{m:02} Uhr"),
        _ => format!("{y}-{month:02}-{day:02} {h:02}:{m:02}"),
    }
}

/// Units as paragraphs of up to three, separated by empty lines.
fn paragraphs(units: &[String]) -> String {
    units
        .chunks(3)
        .map(|c| c.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A version's text: its headline on a line of its own, paragraphs, and
/// the date line at the top or the bottom.
fn text(src: &Source, v: &Version, date: Option<&str>, date_first: bool) -> String {
    let lines: Vec<String> = v
        .units
        .iter()
        .map(|&u| src.units[u][v.lang].clone())
        .collect();
    let body = if src.headline && !lines.is_empty() {
        format!("{}\n\n{}", lines[0], paragraphs(&lines[1..]))
    } else {
        paragraphs(&lines)
    };
    match date {
        Some(d) if date_first => format!("{d}\n\n{body}\n"),
        Some(d) => format!("{body}\n\n{d}\n"),
        None => format!("{body}\n"),
    }
}
