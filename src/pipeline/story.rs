//! Phases 4–6 for one story: the second alignment pass of every pair of
//! versions, the three-way rows, and the analysis of every sentence that
//! scoring reads.

use std::sync::Arc;

use crate::align::{AlignOptions, Alignment, Doc, LearnedTables, Row, align, three_way, two_way};
use crate::analyse::{Analysed, analyse};
use crate::corpus::Story;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
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

/// Phases 4–6: aligns every pair of versions of `story` with `lexicon`
/// (which holds the learned translations), builds the rows and analyses
/// every sentence.
pub fn align_story(
    story: Story,
    sentences: Vec<Vec<Sentence>>,
    lexicon: &Lexicon,
    learned: &Arc<LearnedTables>,
    options: &AlignOptions,
) -> AlignedStory {
    let n = story.versions.len();
    let mut pairs = Vec::new();
    let mut warnings = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (vi, vj) = (&story.versions[i], &story.versions[j]);
            let a = Doc::from_segmented(vi.lang, &vi.text.text, &sentences[i]);
            let b = Doc::from_segmented(vj.lang, &vj.text.text, &sentences[j]);
            let alignment = align(&a, &b, lexicon, options);
            warnings.extend(alignment.warnings.iter().cloned());
            pairs.push(PairAlignment {
                versions: (i, j),
                langs: (vi.lang, vj.lang),
                alignment,
            });
        }
    }
    let langs = story.langs();
    let beads = |i: usize, j: usize| {
        pairs
            .iter()
            .find(|p| p.versions == (i, j))
            .map_or(&[][..], |p| p.alignment.beads.as_slice())
    };
    let rows = match n {
        0 | 1 => Vec::new(),
        2 => two_way([langs[0], langs[1]], beads(0, 1)),
        // Stories from `corpus::load_story` have at most three versions;
        // rows cover the first three.
        _ => three_way(
            [langs[0], langs[1], langs[2]],
            [sentences[0].len(), sentences[1].len(), sentences[2].len()],
            beads(0, 1),
            beads(0, 2),
            beads(1, 2),
        ),
    };
    let analysed = story
        .versions
        .iter()
        .zip(&sentences)
        .map(|(v, sents)| {
            sents
                .iter()
                .map(|s| analyse(&v.text.text[s.span.clone()], v.lang, lexicon))
                .collect()
        })
        .collect();
    AlignedStory {
        story,
        sentences,
        analysed,
        pairs,
        rows,
        learned: Arc::clone(learned),
        warnings,
    }
}
