//! How long a translation of a row should be, for rule O3 (part of a row
//! left out). Translations keep their length within a narrow band: on
//! FLORES-200, 99 % of German sentences are at least three quarters of the
//! length their English source predicts. A row whose target runs far
//! shorter, while the source leaves content unexplained, lost a clause or a
//! sentence merged into its neighbour ("… police announced Friday. The
//! suspect is charged with two counts …" → "…, gab die Polizei bekannt.").
//!
//! The expected ratio comes from the story's own one-to-one rows when it
//! has enough of them (its median: a relay's own style), else from each
//! language's characters per English character (`data/score/lengths.tsv`).

use std::sync::LazyLock;

use super::view::{PairRow, Side};
use crate::lang::Lang;
use crate::lexicon::lang_index;

const LENGTHS: &str = include_str!("../../data/score/lengths.tsv");

/// Characters per English character, per language (bg, de, en).
static FACTORS: LazyLock<[f32; 3]> = LazyLock::new(|| {
    let mut out = [1.0; 3];
    for line in LENGTHS.lines() {
        let mut c = line.split('\t');
        let (Some(lang), Some(x)) = (c.next(), c.next()) else {
            continue;
        };
        if let (Some(i), Ok(x)) = (Lang::from_code(lang).and_then(lang_index), x.parse::<f32>()) {
            out[i] = x;
        }
    }
    out
});

/// Characters per English character of `lang` (1 for a language without a
/// measurement).
pub fn factor(lang: Lang) -> f32 {
    lang_index(lang).map_or(1.0, |i| FACTORS[i])
}

/// Characters of a side's sentences.
pub fn chars(side: &Side) -> usize {
    side.texts.iter().map(|t| t.chars().count()).sum()
}

/// Characters of target per character of source a faithful translation of
/// this pair has: the median over the one-to-one rows when there are at
/// least `min_rows` of them, else the languages' prior.
pub fn expected(views: &[PairRow], min_rows: usize) -> f32 {
    let mut ratios: Vec<f32> = views
        .iter()
        .filter(|pr| pr.source.ids.len() == 1 && pr.target.ids.len() == 1)
        .filter_map(|pr| {
            let (s, t) = (chars(&pr.source), chars(&pr.target));
            (s > 0 && t > 0).then(|| t as f32 / s as f32)
        })
        .collect();
    if ratios.len() < min_rows.max(1) {
        let Some(pr) = views.first() else {
            return 1.0;
        };
        return factor(pr.target.lang) / factor(pr.source.lang);
    }
    ratios.sort_by(f32::total_cmp);
    ratios[ratios.len() / 2]
}

/// The row's target length as a share of what a translation of its source
/// would have (1 = as expected), and the characters it lacks of that;
/// `None` when a side is empty.
pub fn kept(pr: &PairRow, expected: f32) -> Option<(f32, f32)> {
    let (s, t) = (chars(&pr.source), chars(&pr.target));
    let want = s as f32 * expected;
    (s > 0 && t > 0).then(|| (t as f32 / want, want - t as f32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_runs_longer_than_english_and_bulgarian_between() {
        let (bg, de, en) = (factor(Lang::Bg), factor(Lang::De), factor(Lang::En));
        assert_eq!(en, 1.0);
        assert!(de > bg && bg > en, "{bg} {de} {en}");
        assert_eq!(factor(Lang::Other(*b"fr")), 1.0);
    }
}
