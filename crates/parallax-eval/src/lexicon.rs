//! Lexicon coverage: the share of content words on one side of a sentence
//! pair that find a counterpart on the other, on true translation pairs and,
//! as a contrast, on mismatched pairs (line k against line k+7).

use std::collections::HashMap;

use rayon::prelude::*;

use parallax::analyse::{Analysed, analyse};
use parallax::correspond::Correspondence;
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;

/// Coverage of one direction on one data set.
#[derive(Debug, Clone)]
pub struct CoverageResult {
    pub dataset: String,
    pub from: Lang,
    pub to: Lang,
    /// "true" or "mismatched".
    pub pairing: &'static str,
    pub pairs: usize,
    pub content: usize,
    pub explained: usize,
    /// Content tokens of the `from` side with no dictionary translation into
    /// `to` at all (a lexicon gap, as opposed to a free translation).
    pub untranslatable: usize,
    /// Most frequent unexplained words of the `from` side, for reading.
    pub unexplained: Vec<(String, usize)>,
}

impl CoverageResult {
    pub fn coverage(&self) -> f64 {
        if self.content == 0 {
            0.0
        } else {
            self.explained as f64 / self.content as f64
        }
    }
}

/// Analyses every line once, in parallel (order kept).
pub fn analyse_all(lines: &[String], lang: Lang, lexicon: &Lexicon) -> Vec<Analysed> {
    lines
        .par_iter()
        .map(|l| analyse(l, lang, lexicon))
        .collect()
}

/// Coverage from `a` (language `from`) toward `b`, pairing line k with line
/// k + `offset` (0 for true pairs).
pub fn coverage(
    dataset: &str,
    (from, a_text, a): (Lang, &[String], &[Analysed]),
    (to, b): (Lang, &[Analysed]),
    offset: usize,
) -> CoverageResult {
    let n = a.len().min(b.len());
    let per_line: Vec<(usize, usize, Vec<String>, usize)> = (0..n)
        .into_par_iter()
        .map_init(Correspondence::default, |c, k| {
            let (x, y) = (&a[k], &b[(k + offset) % n]);
            c.compute(x, y);
            let (hit, total) = c.coverage_a(x);
            let missed = x
                .tokens
                .iter()
                .zip(&c.explained_a)
                .filter(|(t, e)| t.is_content() && !**e)
                .map(|(t, _)| a_text[k][t.span.start as usize..t.span.end as usize].to_lowercase())
                .collect();
            let translatable = x.translatable_tokens(to);
            let gaps = x
                .tokens
                .iter()
                .enumerate()
                .filter(|(i, t)| t.is_content() && !translatable.contains(&(*i as u32)))
                .count();
            (hit, total, missed, gaps)
        })
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, _, missed, _) in &per_line {
        for w in missed {
            *counts.entry(w.clone()).or_default() += 1;
        }
    }
    let mut unexplained: Vec<(String, usize)> = counts.into_iter().collect();
    unexplained.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    unexplained.truncate(50);
    CoverageResult {
        dataset: dataset.into(),
        from,
        to,
        pairing: if offset == 0 { "true" } else { "mismatched" },
        pairs: n,
        content: per_line.iter().map(|p| p.1).sum(),
        explained: per_line.iter().map(|p| p.0).sum(),
        untranslatable: per_line.iter().map(|p| p.3).sum(),
        unexplained,
    }
}
