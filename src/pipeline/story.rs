//! Phases 4–6 for one story: the second alignment pass of every pair of
//! versions, the three-way rows, and the analysis of every sentence that
//! scoring reads.

use std::sync::Arc;

use crate::align::{
    AlignOptions, AlignedStory, Doc, LearnedTables, PairAlignment, align, three_way, two_way,
};
use crate::analyse::analyse;
use crate::corpus::Story;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

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
