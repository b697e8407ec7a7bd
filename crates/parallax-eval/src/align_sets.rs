//! The alignment test sets: Text+Berg de-fr (gold beads), FLORES-200 made
//! hard by [`super::perturb`], and the gold rows of the bundled corpora.

use std::path::Path;

use rayon::prelude::*;

use super::alignment::{BeadCounts, IdBead, parse_beads};
use super::flores::Flores;
use super::perturb::{Case, Rates, Rng, perturb};
use super::{gold, read_lines};
use parallax::align::learn::align_pooled;
use parallax::align::{AlignOptions, Alignment, Doc, align};
use parallax::corpus::{find_stories, load_story};
use parallax::error::{Error, ErrorKind, Result};
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;
use parallax::segment::split_text;
use parallax::text::ReadOptions;

/// The result on one document (or one story and pair).
#[derive(Debug, Clone)]
pub struct DocResult {
    pub name: String,
    pub counts: BeadCounts,
    pub sentences: (usize, usize),
    /// The test beads, for writing out and checking with other scorers.
    pub beads: Vec<IdBead>,
    pub gold: Vec<IdBead>,
}

impl DocResult {
    /// Scores an alignment of `docs` against gold beads.
    fn score(
        name: String,
        docs: (&Doc, &Doc),
        alignment: &Alignment,
        gold: Vec<IdBead>,
    ) -> DocResult {
        let beads = beads_of(alignment);
        let mut counts = BeadCounts::default();
        counts.add(&gold, &beads);
        DocResult {
            name,
            counts,
            sentences: (docs.0.len(), docs.1.len()),
            beads,
            gold,
        }
    }
}

pub fn beads_of(alignment: &Alignment) -> Vec<IdBead> {
    alignment
        .beads
        .iter()
        .map(|b| (b.a.clone().collect(), b.b.clone().collect()))
        .collect()
}

/// Text+Berg: `testN.de` / `testN.fr` against `testN.defr`. With `learn`,
/// word translations are learned from all documents together (as a corpus
/// run would) and the documents aligned again.
pub fn text_berg(
    dir: &Path,
    names: &[&str],
    lexicon: &Lexicon,
    options: &AlignOptions,
    learn: bool,
) -> Result<(Vec<DocResult>, usize)> {
    let mut texts = Vec::new();
    for name in names {
        let de = read_lines(&dir.join(format!("{name}.de")))?;
        let fr = read_lines(&dir.join(format!("{name}.fr")))?;
        let gold_path = dir.join(format!("{name}.defr"));
        let gold_text =
            std::fs::read_to_string(&gold_path).map_err(|e| Error::io(&gold_path, e))?;
        let gold =
            parse_beads(&gold_text).map_err(|m| Error::at(&gold_path, ErrorKind::BadRow(m)))?;
        texts.push((name.to_string(), de, fr, gold));
    }
    let docs: Vec<(Doc, Doc)> = texts
        .iter()
        .map(|(_, de, fr, _)| {
            (
                Doc::from_sentences(Lang::De, de.iter().map(String::as_str).collect()),
                Doc::from_sentences(Lang::Other(*b"fr"), fr.iter().map(String::as_str).collect()),
            )
        })
        .collect();
    let (alignments, learned) = run(&docs, lexicon, options, learn);
    let results = texts
        .iter()
        .zip(&docs)
        .zip(&alignments)
        .map(|(((name, _, _, gold), (a, b)), al)| {
            DocResult::score(name.clone(), (a, b), al, gold.clone())
        })
        .collect();
    Ok((results, learned))
}

/// Aligns the documents, with pooled learning or without.
fn run(
    docs: &[(Doc, Doc)],
    lexicon: &Lexicon,
    options: &AlignOptions,
    learn: bool,
) -> (Vec<Alignment>, usize) {
    if learn {
        let mut lex = lexicon.clone();
        let (alignments, table) = align_pooled(docs, &mut lex, options);
        (alignments, table.map_or(0, |t| t.pairs.len()))
    } else {
        (
            docs.par_iter()
                .map(|(a, b)| align(a, b, lexicon, options))
                .collect(),
            0,
        )
    }
}

/// FLORES articles grouped into documents of `per_doc` articles, the second
/// language edited by [`perturb`].
pub fn flores_hard(
    flores: &Flores,
    (la, lb): (Lang, Lang),
    per_doc: usize,
    seed: u64,
    lexicon: &Lexicon,
    options: &AlignOptions,
    learn: bool,
) -> (Vec<DocResult>, usize) {
    let (Some(xa), Some(xb)) = (flores.lines(la), flores.lines(lb)) else {
        return (Vec::new(), 0);
    };
    let docs: Vec<(usize, std::ops::Range<usize>)> = flores
        .articles
        .chunks(per_doc)
        .enumerate()
        .map(|(d, arts)| (d, arts[0].start..arts[arts.len() - 1].end))
        .collect();
    let cases: Vec<(usize, Case)> = docs
        .iter()
        .map(|(d, lines)| {
            let mut rng = Rng::new(seed ^ ((*d as u64 + 1) * 0x1000_0001));
            // Inserted sentences come from the other end of the data set.
            let pool: Vec<String> = (0..xb.len())
                .filter(|k| !lines.contains(k))
                .filter(|k| k.abs_diff(lines.start) > 200)
                .map(|k| xb[k].clone())
                .collect();
            (
                *d,
                perturb(
                    &xa[lines.clone()],
                    &xb[lines.clone()],
                    &pool,
                    Rates::default(),
                    &mut rng,
                ),
            )
        })
        .collect();
    let pairs: Vec<(Doc, Doc)> = cases
        .iter()
        .map(|(_, c)| {
            (
                Doc::from_sentences(la, c.a.iter().map(String::as_str).collect()),
                Doc::from_sentences(lb, c.b.iter().map(String::as_str).collect()),
            )
        })
        .collect();
    let (alignments, learned) = run(&pairs, lexicon, options, learn);
    let results = cases
        .iter()
        .zip(&pairs)
        .zip(&alignments)
        .map(|(((d, case), (a, b)), al)| {
            DocResult::score(format!("doc{d}"), (a, b), al, case.gold.clone())
        })
        .collect();
    (results, learned)
}

/// The bundled corpora: each story's versions aligned pairwise against the
/// pairs its gold rows imply.
pub fn corpora(
    dir: &Path,
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Result<Vec<(String, Lang, Lang, DocResult)>> {
    let mut out = Vec::new();
    for story_dir in find_stories(&[dir.to_path_buf()]) {
        let story_dir = story_dir?;
        let story = load_story(&story_dir, &ReadOptions::default())?;
        let Some((langs, rows)) = gold::rows(&story_dir)? else {
            continue;
        };
        for (x, y) in [(0, 1), (0, 2), (1, 2)] {
            let (Some(&lx), Some(&ly)) = (langs.get(x), langs.get(y)) else {
                continue;
            };
            let (Some(vx), Some(vy)) = (story.version(lx), story.version(ly)) else {
                continue;
            };
            let sx = split_text(&vx.text, lx);
            let sy = split_text(&vy.text, ly);
            let a = Doc::from_segmented(lx, &vx.text.text, &sx);
            let b = Doc::from_segmented(ly, &vy.text.text, &sy);
            let gold: Vec<IdBead> = gold::pair_units(&story_dir, &langs, &rows, (x, y))?;
            let alignment = align(&a, &b, lexicon, options);
            let result = DocResult::score(story.name.clone(), (&a, &b), &alignment, gold);
            out.push((story.name.clone(), lx, ly, result));
        }
    }
    Ok(out)
}

/// Three-way rows of the bundled corpora against their gold rows: how many
/// gold rows come out exactly (recall) and how many produced rows are gold
/// rows (precision), per story.
pub fn corpora_rows(
    dir: &Path,
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Result<Vec<(String, usize, usize, usize)>> {
    let mut stories = Vec::new();
    let mut golds = Vec::new();
    for story_dir in find_stories(&[dir.to_path_buf()]) {
        let story_dir = story_dir?;
        if let Some(g) = gold::rows(&story_dir)? {
            stories.push(load_story(&story_dir, &ReadOptions::default())?);
            golds.push(g);
        }
    }
    let run_options = parallax::pipeline::Options {
        align: *options,
        segmented: false,
    };
    let aligned = parallax::pipeline::run(stories, lexicon, None, &run_options);
    let mut out = Vec::new();
    for (al, (langs, gold_rows)) in aligned.iter().zip(&golds) {
        let story = &al.story;
        // Gold columns in the story's version order.
        let order: Vec<usize> = al
            .langs()
            .iter()
            .filter_map(|l| langs.iter().position(|g| g == l))
            .collect();
        let gold: Vec<Vec<Vec<usize>>> = gold_rows
            .iter()
            .map(|r| order.iter().map(|&c| r.ids[c].clone()).collect())
            .collect();
        let found: Vec<Vec<Vec<usize>>> = al
            .rows
            .iter()
            .map(|r| r.id_lists().map(<[usize]>::to_vec).collect())
            .collect();
        let exact = found.iter().filter(|r| gold.contains(r)).count();
        out.push((story.name.clone(), exact, found.len(), gold.len()));
    }
    Ok(out)
}
