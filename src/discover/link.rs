//! From prepared articles to verified links. Candidates come from the
//! inverted index ([`super::index`]): each article's best few partners per
//! language. A candidate pair passes a cheap screen on the keys already made
//! ([`super::verify::screen`]) before the aligner runs on it, and becomes a
//! link only when the alignment shows sentence-level correspondence
//! ([`super::verify::Verdict::linked`]); each link gets its direction
//! ([`super::direction`]). Both steps run in parallel, and their results
//! are kept in the order of the candidate pairs, which are sorted, so the
//! links are the same at any thread count.

use rayon::prelude::*;

use super::archive::Entry;
use super::prepare::{Prepared, text_of};
use super::{Article, Options, Stats, direction, groups, index, verify};
use crate::align::Doc;
use crate::lang::Lang;
use crate::lexicon::Lexicon;

/// The verified links between the prepared articles, with each one's
/// candidate score; fills in the counts of `stats`.
pub(super) fn links(
    entries: &[Entry],
    articles: &[Article],
    prepared: &[Option<Prepared>],
    lexicon: &Lexicon,
    options: &Options,
    stats: &mut Stats,
) -> (Vec<groups::Link>, Vec<f32>) {
    let keys_of = |i: usize| prepared[i].as_ref().map(|p| p.keys.all());
    let langs: Vec<Lang> = articles
        .iter()
        .map(|a| a.lang.unwrap_or(Lang::Other(*b"xx")))
        .collect();
    let index = index::Index::build(prepared.len(), &keys_of);
    let candidates = index.candidates(&keys_of, &langs, options.per_lang, options.min_candidate);
    stats.candidates = candidates.len();
    let both = |a: u32, b: u32| {
        prepared[a as usize]
            .as_ref()
            .zip(prepared[b as usize].as_ref())
    };
    let screened: Vec<(u32, u32, f32, verify::Screen)> = candidates
        .into_par_iter()
        .filter_map(|(a, b, score)| {
            let (pa, pb) = both(a, b)?;
            let screen = verify::screen(&pa.keys, &pb.keys, &index);
            screen.passes().then_some((a, b, score, screen))
        })
        .collect();
    stats.screened = screened.len();
    let verified: Vec<(u32, u32, f32, verify::Verdict)> = screened
        .into_par_iter()
        .filter_map(|(a, b, score, screen)| {
            let (pa, pb) = both(a, b)?;
            let (ta, tb) = (text_of(&entries[a as usize]), text_of(&entries[b as usize]));
            let da = Doc::from_segmented(pa.lang, ta, &pa.sentences);
            let db = Doc::from_segmented(pb.lang, tb, &pb.sentences);
            let verdict = verify::verify(&da, &db, lexicon, screen.pairs.as_deref());
            Some((a, b, score, verdict))
        })
        .collect();
    stats.aligned = verified.len();
    let mut links: Vec<groups::Link> = Vec::new();
    let mut scores: Vec<f32> = Vec::new();
    for (a, b, score, verdict) in verified {
        if !verdict.linked() {
            continue;
        }
        let (a, b) = (a as usize, b as usize);
        let (direction, _, _) = direction::judge(&verdict, (articles[a].date, articles[b].date));
        links.push(groups::Link {
            a,
            b,
            verdict,
            direction,
        });
        scores.push(score);
    }
    stats.links = links.len();
    (links, scores)
}
