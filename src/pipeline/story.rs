//! The phases for one story: segment, align every pair of versions, the
//! three-way rows, the analysis of every sentence that scoring reads, and
//! scoring.

use std::sync::Arc;

use super::{Context, segment_story};
use crate::align::learn::{MAX_BEAD_TOKENS, StemIds, train_ids};
use crate::align::{AlignOptions, AlignedStory, Doc, PairAlignment, align, three_way, two_way};
use crate::analyse::{Analysed, LearnedLinks, analyse};
use crate::corpus::Story;
use crate::correspond::{TokenSet, explain};
use crate::lexicon::Lexicon;
use crate::score::{ScoredStory, score_story_with};
use crate::segment::Sentence;

/// Every phase for one story: aligned ([`align_story`]) and scored with the
/// context's scoring settings.
pub fn compare_story(story: Story, ctx: &Context) -> (AlignedStory, ScoredStory) {
    let aligned = align_story(story, ctx);
    let scored = score_story_with(&aligned, &ctx.score);
    (aligned, scored)
}

/// Phases 1–4 for one story: segments every version, aligns every pair of
/// versions with the context's lexicon, builds the rows and analyses every
/// sentence. Reads nothing but the story and the context.
pub fn align_story(story: Story, ctx: &Context) -> AlignedStory {
    let sentences = segment_story(&story, ctx.options.segmented);
    let lexicon = ctx.lexicon();
    let pairs = align_pairs(&story, &sentences, lexicon, &ctx.options.align);
    let warnings = pairs
        .iter()
        .flat_map(|p| p.alignment.warnings.iter().cloned())
        .collect();
    let rows = rows(&story, &sentences, &pairs);
    let mut analysed: Vec<Vec<Analysed>> = story
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
    if ctx.learn_within_story {
        let links = learn_within(&pairs, &analysed);
        if !links.is_empty() {
            analysed
                .iter_mut()
                .flatten()
                .for_each(|a| a.add_learned(&links));
        }
    }
    AlignedStory {
        story,
        sentences,
        analysed,
        pairs,
        rows,
        learned: Arc::clone(ctx.learned()),
        warnings,
    }
}

/// Word translations learned from the story's own aligned sentences: for
/// each pair of versions, IBM Model 1 over its matched beads (up to 2-2),
/// each side the stems of its content words.
fn learn_within(pairs: &[PairAlignment], analysed: &[Vec<Analysed>]) -> LearnedLinks {
    let mut links = LearnedLinks::default();
    for p in pairs {
        let (i, j) = p.versions;
        // Only what the lexicon leaves open in a bead is learned: a word
        // the bead already explains has its translation there, and pairing
        // it again with whatever else co-occurs is what a short story
        // teaches wrongly ("Тръмп" learned as "President" from the two
        // sentences where both stand, though "Trump" explains it).
        // Stems renumbered in hash order, so training sums in one order.
        let open_stems = |b: &crate::align::Bead| -> (Vec<u64>, Vec<u64>) {
            let mut ea = vec![TokenSet::new(); b.a.len()];
            let mut eb = vec![TokenSet::new(); b.b.len()];
            for (x, ka) in b.a.clone().enumerate() {
                for (y, kb) in b.b.clone().enumerate() {
                    let e = explain(&analysed[i][ka], &analysed[j][kb], |_| {});
                    e.a.iter().for_each(|t| ea[x].insert(t));
                    e.b.iter().for_each(|t| eb[y].insert(t));
                }
            }
            let open = |v: usize, ids: std::ops::Range<usize>, done: &[TokenSet]| {
                ids.enumerate()
                    .flat_map(|(x, k)| {
                        analysed[v][k]
                            .stems
                            .iter()
                            .enumerate()
                            .filter(move |&(t, _)| !done[x].contains(t as u32))
                            .map(|(_, &h)| h)
                    })
                    .filter(|&h| h != 0)
                    .collect()
            };
            (open(i, b.a.clone(), &ea), open(j, b.b.clone(), &eb))
        };
        let beads: Vec<(Vec<u64>, Vec<u64>)> = p
            .alignment
            .beads
            .iter()
            .filter(|b| !b.is_skip() && b.a.len() <= 2 && b.b.len() <= 2)
            .map(open_stems)
            .filter(|(x, y)| {
                !x.is_empty()
                    && !y.is_empty()
                    && x.len() <= MAX_BEAD_TOKENS
                    && y.len() <= MAX_BEAD_TOKENS
            })
            .collect();
        let vocab = |side: usize| {
            let mut v: Vec<u64> = beads
                .iter()
                .flat_map(|b| if side == 0 { &b.0 } else { &b.1 }.iter().copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let (va, vb) = (vocab(0), vocab(1));
        let id = |v: &[u64], h: u64| v.binary_search(&h).unwrap_or(0) as u32;
        let mut ids: Vec<StemIds> = beads
            .iter()
            .map(|(x, y)| {
                (
                    x.iter().map(|&h| id(&va, h)).collect(),
                    y.iter().map(|&h| id(&vb, h)).collect(),
                )
            })
            .collect();
        ids.sort_unstable();
        let mut learned = train_ids(&ids);
        learned.sort_unstable_by_key(|e| (e.0, e.1));
        for (x, y, ..) in learned {
            links.add(p.langs.0, va[x as usize], p.langs.1, vb[y as usize]);
        }
    }
    links
}

/// Every pair of versions aligned, in version order.
fn align_pairs(
    story: &Story,
    sentences: &[Vec<Sentence>],
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Vec<PairAlignment> {
    let n = story.versions.len();
    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (vi, vj) = (&story.versions[i], &story.versions[j]);
            let a = Doc::from_segmented(vi.lang, &vi.text.text, &sentences[i]);
            let b = Doc::from_segmented(vj.lang, &vj.text.text, &sentences[j]);
            pairs.push(PairAlignment {
                versions: (i, j),
                langs: (vi.lang, vj.lang),
                alignment: align(&a, &b, lexicon, options),
            });
        }
    }
    pairs
}

/// The rows of a story from its pairwise alignments.
fn rows(
    story: &Story,
    sentences: &[Vec<Sentence>],
    pairs: &[PairAlignment],
) -> Vec<crate::align::Row> {
    let langs = story.langs();
    let beads = |i: usize, j: usize| {
        pairs
            .iter()
            .find(|p| p.versions == (i, j))
            .map_or(&[][..], |p| p.alignment.beads.as_slice())
    };
    match story.versions.len() {
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
    }
}
