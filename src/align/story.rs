//! Aligning whole stories: every pair of versions of every story, with word
//! translations learned from all stories of a language pair together, and
//! the rows each story's versions share.

use rayon::prelude::*;

use super::learn::align_pooled;
use super::rows::{Row, three_way, two_way};
use super::{AlignOptions, Alignment, Doc};
use crate::corpus::Story;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::segment::{Sentence, sentences};

/// One story, aligned.
#[derive(Debug, Clone)]
pub struct StoryAlignment {
    /// The versions' languages, in the story's order.
    pub langs: Vec<Lang>,
    /// Each version's sentences.
    pub sentences: Vec<Vec<Sentence>>,
    /// Pairwise alignments, keyed by version indices `(i, j)`, `i < j`.
    pub pairs: Vec<((usize, usize), Alignment)>,
    /// Rows: per row, the sentence ids of each version.
    pub rows: Vec<Row>,
    /// Warnings from the pairwise alignments, with the pair named.
    pub warnings: Vec<String>,
}

/// Segments every version of every story (or takes its lines, when
/// `segmented`), aligns each language pair over all stories with pooled
/// learning, and builds the rows. Output order follows `stories`.
pub fn align_stories(
    stories: &[Story],
    lexicon: &Lexicon,
    options: &AlignOptions,
    segmented: bool,
) -> Vec<StoryAlignment> {
    let sentences: Vec<Vec<Vec<Sentence>>> = stories
        .par_iter()
        .map(|s| {
            s.versions
                .iter()
                .map(|v| sentences(&v.text, v.lang, segmented))
                .collect()
        })
        .collect();
    // Every language pair that occurs, in a fixed order.
    let mut lang_pairs: Vec<(Lang, Lang)> = Vec::new();
    for s in stories {
        let langs = s.langs();
        for i in 0..langs.len() {
            for j in i + 1..langs.len() {
                if !lang_pairs.contains(&(langs[i], langs[j])) {
                    lang_pairs.push((langs[i], langs[j]));
                }
            }
        }
    }
    let mut pairs: Vec<Vec<((usize, usize), Alignment)>> = vec![Vec::new(); stories.len()];
    for (la, lb) in lang_pairs {
        let mut members = Vec::new();
        let mut docs = Vec::new();
        for (k, s) in stories.iter().enumerate() {
            let langs = s.langs();
            let (Some(i), Some(j)) = (
                langs.iter().position(|&l| l == la),
                langs.iter().position(|&l| l == lb),
            ) else {
                continue;
            };
            let (vi, vj) = (&s.versions[i], &s.versions[j]);
            docs.push((
                Doc::from_segmented(la, &vi.text.text, &sentences[k][i]),
                Doc::from_segmented(lb, &vj.text.text, &sentences[k][j]),
            ));
            members.push((k, i, j));
        }
        let mut lex = lexicon.clone();
        let (alignments, _) = align_pooled(&docs, &mut lex, options);
        for ((k, i, j), al) in members.into_iter().zip(alignments) {
            pairs[k].push(((i, j), al));
        }
    }
    stories
        .iter()
        .zip(sentences)
        .zip(pairs)
        .map(|((story, sentences), mut pairs)| {
            pairs.sort_by_key(|p| p.0);
            let langs = story.langs();
            let rows = rows_of(&sentences, &pairs);
            let mut warnings = Vec::new();
            for ((i, j), al) in &pairs {
                warnings.extend(
                    al.warnings
                        .iter()
                        .map(|w| format!("{}–{}: {w}", langs[*i], langs[*j])),
                );
            }
            StoryAlignment {
                langs: story.langs(),
                sentences,
                pairs,
                rows,
                warnings,
            }
        })
        .collect()
}

fn rows_of(sentences: &[Vec<Sentence>], pairs: &[((usize, usize), Alignment)]) -> Vec<Row> {
    let find = |i: usize, j: usize| {
        pairs
            .iter()
            .find(|p| p.0 == (i, j))
            .map(|p| p.1.beads.as_slice())
            .unwrap_or(&[])
    };
    match sentences.len() {
        2 => two_way(find(0, 1)),
        3 => three_way(
            [sentences[0].len(), sentences[1].len(), sentences[2].len()],
            find(0, 1),
            find(0, 2),
            find(1, 2),
        ),
        _ => Vec::new(),
    }
}
