//! Planted changes in FLORES-200: every devtest article becomes a relay
//! story (bg/de/en, line k = line k, one sentence per line), its chain
//! rotating through the six orders of the three languages, and one change of
//! one kind is planted into one sentence, either at step 1 (into chain[1],
//! and the same change into chain[2], which inherits it) or at step 2 (into
//! chain[2] only). Each planted story has a twin without the plant, to tell
//! what the plant caused from what the translation already had.
//! Deterministic: the same seed plants the same changes.
//!
//! Found means: a flag (minor or worse) of the planted kind in a row that
//! holds the planted sentence, whose target is the version the change
//! entered. The twins give the false-alarm share (a major or critical flag
//! anywhere in the story) and how often the twin already has the flag that
//! would count as found.
//!
//! The edits are in [`super::plant_edit`] and the modules it names, the
//! word lists in [`super::plant_words`], the measuring in
//! [`super::plant_eval`]. These are the generator's figures: the changes
//! are clean, one per story, where the line allows them unambiguously, so
//! they flatter; the corpora, DEMETR and MQM figures printed before them
//! measure real translation.

use super::flores::Flores;
use super::perturb::Rng;
use super::plant_edit::{self, Ctx, Edit};
use super::plant_wording as wording;
use super::{plant_modality, plant_negation, plant_omission};
use parallax::Lang;
use parallax::lexicon::Lexicon;
use parallax::score::Kind;

/// What a plant changes: what a flag of one kind reports, or a modal
/// hardened or softened ("could" → "will"), which Parallax reports as a
/// `hedge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Planted {
    Flag(Kind),
    Modality,
}

impl Planted {
    /// The kind of flag that finds it.
    pub fn flag(self) -> Kind {
        match self {
            Planted::Flag(k) => k,
            Planted::Modality => Kind::Hedge,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Planted::Flag(k) => k.name(),
            Planted::Modality => "modality",
        }
    }
}

impl std::fmt::Display for Planted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds planted, in the order printed (each kind's seed and relay
/// orders follow from its place here, so new kinds go at the end).
pub const KINDS: [Planted; 11] = [
    Planted::Flag(Kind::Number),
    Planted::Flag(Kind::Name),
    Planted::Flag(Kind::Negation),
    Planted::Flag(Kind::LoadedTerm),
    Planted::Flag(Kind::Intensified),
    Planted::Flag(Kind::Hedge),
    Planted::Flag(Kind::Addition),
    Planted::Flag(Kind::Omission),
    Planted::Flag(Kind::AddedSentence),
    Planted::Flag(Kind::OmittedSentence),
    Planted::Modality,
];

/// The six relay orders; article a gets order (a + kind) mod 6.
pub const ORDERS: [[Lang; 3]; 6] = [
    [Lang::De, Lang::Bg, Lang::En],
    [Lang::De, Lang::En, Lang::Bg],
    [Lang::Bg, Lang::De, Lang::En],
    [Lang::Bg, Lang::En, Lang::De],
    [Lang::En, Lang::De, Lang::Bg],
    [Lang::En, Lang::Bg, Lang::De],
];

/// The seed of the figures in `benches/results/divergence-planted.csv`.
pub const SEED: u64 = 2027;

/// One planted story.
#[derive(Debug, Clone)]
pub struct Plant {
    pub kind: Planted,
    pub article: usize,
    pub chain: [Lang; 3],
    pub step: usize,
    /// The lines of each version (chain order), planted and original.
    pub lines: [Vec<String>; 3],
    pub twin: [Vec<String>; 3],
    /// Sentences (version, id) whose row the flag must be in.
    pub anchors: Vec<(Lang, usize)>,
    pub what: String,
}

impl Plant {
    pub fn entered(&self) -> Lang {
        self.chain[self.step]
    }
}

fn shuffle<T>(v: &mut [T], rng: &mut Rng) {
    for i in (1..v.len()).rev() {
        v.swap(i, rng.below(i + 1));
    }
}

fn edit(kind: Planted, cx: &Ctx, rng: &mut Rng) -> Option<Edit> {
    let Planted::Flag(kind) = kind else {
        return plant_modality::modality(cx, rng);
    };
    match kind {
        Kind::Number => plant_edit::number(cx, rng),
        Kind::Name => plant_edit::name(cx, rng),
        Kind::Negation => plant_negation::negation(cx, rng),
        Kind::LoadedTerm => wording::loaded(cx, rng),
        Kind::Intensified => wording::intensified(cx, rng),
        Kind::Hedge => wording::hedge(cx, rng),
        Kind::Addition => wording::addition(cx, rng),
        Kind::Omission => plant_omission::omission(cx, rng),
        _ => None,
    }
}

/// Plants one change of `kind` into article `a` (its chain set by `ki`),
/// at a random step (the other one when that fails), or `None` when no
/// sentence allows it.
fn plant_article(
    flores: &Flores,
    lexicon: &Lexicon,
    kind: Planted,
    ki: usize,
    a: usize,
    seed: u64,
) -> Option<Plant> {
    let range = flores.articles[a].clone();
    let chain = ORDERS[(a + ki) % ORDERS.len()];
    let mut rng = Rng::new(seed ^ ((ki as u64 + 1) << 40) ^ (a as u64 * 0x9E37_79B9));
    let lines_of = |l: Lang| {
        flores
            .lines(l)
            .map(|x| x[range.clone()].to_vec())
            .unwrap_or_default()
    };
    let twin = chain.map(lines_of);
    let n = twin[0].len();
    let first = 1 + rng.below(2);
    for step in [first, 3 - first] {
        let mut lines = twin.clone();
        let plant = |anchors: Vec<(Lang, usize)>, what: String, lines| Plant {
            kind,
            article: a,
            chain,
            step,
            lines,
            twin: twin.clone(),
            anchors,
            what,
        };
        match kind {
            Planted::Flag(Kind::AddedSentence) => {
                let other = (a + 1 + rng.below(flores.articles.len() - 1)) % flores.articles.len();
                let r = flores.articles[other].clone();
                let j = r.start + rng.below(r.len());
                let at = rng.below(n + 1);
                for v in step..3 {
                    lines[v].insert(at, flores.lines(chain[v])?[j].clone());
                }
                let what = format!("adds line {j} of article {other}");
                return Some(plant(vec![(chain[step], at)], what, lines));
            }
            Planted::Flag(Kind::OmittedSentence) => {
                let k = rng.below(n);
                for v in lines.iter_mut().skip(step) {
                    v.remove(k);
                }
                let what = format!("omits sentence {k}");
                return Some(plant(vec![(chain[step - 1], k)], what, lines));
            }
            _ => {}
        }
        let article: Vec<&str> = twin.iter().flatten().map(String::as_str).collect();
        let mut order: Vec<usize> = (0..n).collect();
        shuffle(&mut order, &mut rng);
        for k in order {
            let cx = Ctx {
                chain,
                step,
                lines: [&twin[0][k], &twin[1][k], &twin[2][k]],
                article: &article,
                lexicon,
            };
            if let Some(e) = edit(kind, &cx, &mut rng) {
                for (lang, text) in e.lines {
                    let v = chain.iter().position(|&l| l == lang)?;
                    lines[v][k] = text;
                }
                return Some(plant(vec![(chain[step], k)], e.what, lines));
            }
        }
    }
    None
}

/// Every article's plant of one kind.
pub fn generate(flores: &Flores, lexicon: &Lexicon, kind: Planted, seed: u64) -> Vec<Plant> {
    let ki = KINDS.iter().position(|&k| k == kind).unwrap_or(0);
    (0..flores.articles.len())
        .filter_map(|a| plant_article(flores, lexicon, kind, ki, a, seed))
        .collect()
}

#[cfg(test)]
#[path = "plant_tests.rs"]
mod tests;
