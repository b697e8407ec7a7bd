//! Learning a table from a corpus, the explicit step of `parallax learn`
//! (never part of `compare` unless its table is given with `--learned`):
//! each story aligned with the run's lexicon and reduced to the stems of its
//! matched beads ([`first_pass`]), then IBM Model 1 over all of them
//! ([`Learning`]). What a story contributes ([`StoryEvidence`]) holds no
//! text, so a batch can stream stories through the first pass and keep only
//! this.

use crate::align::learn::{BeadStems, Corpus, bead_stems};
use crate::align::{AlignOptions, Doc, LearnedTables, align};
use crate::corpus::Story;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::segment::Sentence;

/// The matched beads of one story's pairs of versions, as stems.
#[derive(Debug, Clone, Default)]
pub struct StoryEvidence {
    /// Per language pair (in the story's version order): stems of each bead.
    pub pairs: Vec<((Lang, Lang), Vec<BeadStems>)>,
}

/// Aligns every pair of versions of `story` with `lexicon` and keeps what
/// learning needs.
pub fn first_pass(
    story: &Story,
    sentences: &[Vec<Sentence>],
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> StoryEvidence {
    let mut pairs = Vec::new();
    for i in 0..story.versions.len() {
        for j in i + 1..story.versions.len() {
            let (vi, vj) = (&story.versions[i], &story.versions[j]);
            let a = Doc::from_segmented(vi.lang, &vi.text.text, &sentences[i]);
            let b = Doc::from_segmented(vj.lang, &vj.text.text, &sentences[j]);
            let alignment = align(&a, &b, lexicon, options);
            pairs.push(((vi.lang, vj.lang), bead_stems(&a, &b, &alignment, lexicon)));
        }
    }
    StoryEvidence { pairs }
}

/// The learning corpora of every language pair seen so far.
#[derive(Default)]
pub struct Learning {
    /// One corpus per language pair, in the order the pairs first appeared.
    corpora: Vec<Corpus>,
}

impl Learning {
    /// Adds one story's evidence. The order stories are added in does not
    /// matter: training renumbers the stems and sorts the beads first, so
    /// the table's float sums always run in the same order.
    pub fn add(&mut self, evidence: StoryEvidence) {
        for ((la, lb), beads) in evidence.pairs {
            let k = match self.corpora.iter().position(|c| (c.la, c.lb) == (la, lb)) {
                Some(k) => k,
                None => {
                    self.corpora.push(Corpus::new(la, lb));
                    self.corpora.len() - 1
                }
            };
            self.corpora[k].add_stems(beads);
        }
    }

    /// Trains one table per language pair. The pairs train one after the
    /// other (each runs its EM rounds in parallel itself), so only one
    /// pair's count tables are in memory at a time.
    pub fn train(&self) -> LearnedTables {
        let tables: Vec<_> = self.corpora.iter().map(Corpus::train).collect();
        let mut out = LearnedTables::default();
        for t in tables {
            out.insert(t);
        }
        out
    }
}

/// The table `parallax learn` writes for `stories` in memory: every story's
/// first pass, then learning over all of them.
pub fn learn(stories: &[Story], lexicon: &Lexicon, options: &super::Options) -> LearnedTables {
    use rayon::prelude::*;
    let evidence: Vec<StoryEvidence> = stories
        .par_iter()
        .map(|s| {
            let sentences = super::segment_story(s, options.segmented);
            first_pass(s, &sentences, lexicon, &options.align)
        })
        .collect();
    let mut learning = Learning::default();
    for e in evidence {
        learning.add(e);
    }
    learning.train()
}
