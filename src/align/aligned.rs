//! A story after alignment: its versions' sentences, each sentence's
//! analysis, the alignment of every pair of versions and the three-way rows.
//! This is what scoring and the reports read; [`crate::pipeline`] builds it.

use std::sync::Arc;

use super::{Alignment, LearnedTables, Row};
use crate::analyse::Analysed;
use crate::corpus::Story;
use crate::lang::Lang;
use crate::segment::Sentence;
use crate::warning::Warning;

/// The alignment of two versions of a story.
#[derive(Debug, Clone)]
pub struct PairAlignment {
    /// Version indices `(i, j)`, `i < j`, in the story's version order.
    pub versions: (usize, usize),
    pub langs: (Lang, Lang),
    pub alignment: Alignment,
}

/// One story, aligned, with everything scoring needs.
#[derive(Debug, Clone)]
pub struct AlignedStory {
    pub story: Story,
    /// Each version's sentences, in the story's version order.
    pub sentences: Vec<Vec<Sentence>>,
    /// Each sentence analysed once (toward the other languages, with the
    /// learned translations).
    pub analysed: Vec<Vec<Analysed>>,
    /// Every pair of versions.
    pub pairs: Vec<PairAlignment>,
    /// Three-way (or two-way) rows, keyed by language.
    pub rows: Vec<Row>,
    /// The learned translations the alignment used.
    pub learned: Arc<LearnedTables>,
    /// Warnings of the pairwise alignments.
    pub warnings: Vec<Warning>,
}

impl AlignedStory {
    pub fn langs(&self) -> Vec<Lang> {
        self.story.langs()
    }

    /// The version index of a language.
    pub fn version_of(&self, lang: Lang) -> Option<usize> {
        self.story.versions.iter().position(|v| v.lang == lang)
    }

    /// Version indices in relay order (the chain first), then the others.
    pub fn relay_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = self
            .story
            .meta
            .chain
            .iter()
            .filter_map(|&l| self.version_of(l))
            .collect();
        for v in 0..self.story.versions.len() {
            if !order.contains(&v) {
                order.push(v);
            }
        }
        order
    }

    /// The text of sentence `i` of version `v`.
    pub fn sentence_text(&self, v: usize, i: usize) -> &str {
        &self.story.versions[v].text.text[self.sentences[v][i].span.clone()]
    }
}
