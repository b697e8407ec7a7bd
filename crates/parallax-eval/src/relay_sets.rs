//! Alignment test sets for real relays: FLORES articles condensed (a version
//! keeps 20–60 % of the sentences) and reordered (a block of 2–5 sentences
//! moved ten or more lines), and WMT German–English news and web text,
//! unedited and with the hard-case edits of [`super::perturb`]. Scored by
//! sentence links (every sentence pair a bead joins), the measure that
//! stays meaningful when a relay leaves most sentences out.

use rayon::prelude::*;

use super::alignment::{BeadCounts, IdBead};
use super::flores::Flores;
use super::perturb::{Rates, Rng, perturb};
use super::read_lines;
use parallax::align::{AlignOptions, Alignment, Doc, align};
use parallax::error::Result;
use parallax::lang::Lang;
use parallax::lexicon::Lexicon;

/// Link counts of some documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Links {
    pub predicted: usize,
    pub gold: usize,
    pub correct: usize,
    /// Gold links of moved passages, and those found.
    pub moved_gold: usize,
    pub moved_found: usize,
    /// Bead-level counts (strict and lax), for the sets with gold beads.
    pub beads: BeadCounts,
}

impl Links {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn moved_recall(&self) -> f64 {
        ratio(self.moved_found, self.moved_gold)
    }
    pub fn add(&mut self, o: Links) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.correct += o.correct;
        self.moved_gold += o.moved_gold;
        self.moved_found += o.moved_found;
        for k in 0..4 {
            self.beads.precision[k] += o.beads.precision[k];
            self.beads.recall[k] += o.beads.recall[k];
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

pub fn links_of(beads: &[IdBead]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = beads
        .iter()
        .flat_map(|(a, b)| a.iter().flat_map(move |&i| b.iter().map(move |&j| (i, j))))
        .collect();
    out.sort_unstable();
    out
}

/// Counts the links (and beads) of an alignment against the gold.
fn count(alignment: &Alignment, relay: &Relay) -> Links {
    let (gold, moved) = (&relay.gold, &relay.moved);
    let beads: Vec<IdBead> = alignment
        .beads
        .iter()
        .map(|b| (b.a.clone().collect(), b.b.clone().collect()))
        .collect();
    let predicted = links_of(&beads);
    let hit = |l: &(usize, usize)| predicted.binary_search(l).is_ok();
    let mut counts = BeadCounts::default();
    counts.add(&relay.beads, &beads);
    Links {
        beads: counts,
        predicted: predicted.len(),
        gold: gold.len(),
        correct: gold.iter().filter(|l| hit(l)).count(),
        moved_gold: moved.len(),
        moved_found: moved.iter().filter(|l| hit(l)).count(),
    }
}

/// A generated relay: both documents, gold links, the moved ones.
pub struct Relay {
    pub a: Vec<String>,
    pub b: Vec<String>,
    /// Gold links, sorted.
    pub gold: Vec<(usize, usize)>,
    pub moved: Vec<(usize, usize)>,
    pub beads: Vec<IdBead>,
    /// Lines of `b` cut short on purpose (a relay that shortens a
    /// sentence): a part left out there is real.
    pub cut_b: Vec<usize>,
}

impl Relay {
    /// Gold beads of a relay whose links are all 1-1: the links, and every
    /// sentence without one alone.
    fn with_single_beads(mut self) -> Relay {
        let mut beads: Vec<IdBead> = self.gold.iter().map(|&(i, j)| (vec![i], vec![j])).collect();
        let (la, lb): (Vec<usize>, Vec<usize>) = self.gold.iter().copied().unzip();
        beads.extend(
            (0..self.a.len())
                .filter(|i| !la.contains(i))
                .map(|i| (vec![i], vec![])),
        );
        beads.extend(
            (0..self.b.len())
                .filter(|j| !lb.contains(j))
                .map(|j| (vec![], vec![j])),
        );
        self.beads = beads;
        self
    }
}

/// FLORES lines per generated document.
const DOC_LINES: usize = 60;

pub fn documents(flores: &Flores) -> Vec<std::ops::Range<usize>> {
    let mut docs = Vec::new();
    let mut start = 0;
    for a in &flores.articles {
        if a.end - start >= DOC_LINES {
            docs.push(start..a.end);
            start = a.end;
        }
    }
    docs
}

/// B keeps a share of A's sentences, in order (the share drawn per document
/// from 20–60 %, every sentence equally likely to stay, short or long).
fn condense(xa: &[String], xb: &[String], rng: &mut Rng) -> Relay {
    let keep = 0.2 + 0.4 * rng.unit();
    let mut relay = Relay {
        a: xa.to_vec(),
        b: Vec::new(),
        gold: Vec::new(),
        moved: Vec::new(),
        beads: Vec::new(),
        cut_b: Vec::new(),
    };
    for (i, s) in xb.iter().enumerate() {
        if rng.unit() < keep {
            relay.gold.push((i, relay.b.len()));
            relay.b.push(s.clone());
        }
    }
    relay.with_single_beads()
}

/// B moves a block of 2–5 sentences ten or more lines away.
fn reorder(xa: &[String], xb: &[String], rng: &mut Rng) -> Relay {
    let n = xb.len();
    let len = 2 + rng.below(4);
    let from = rng.below(n - len);
    let rest: Vec<usize> = (0..n).filter(|k| !(from..from + len).contains(k)).collect();
    // Insert the block at a position of `rest` at least ten lines away.
    let spots: Vec<usize> = (0..=rest.len())
        .filter(|&p| (p as isize - from as isize).unsigned_abs() >= 10)
        .collect();
    let at = spots[rng.below(spots.len())];
    let mut order: Vec<usize> = rest[..at].to_vec();
    order.extend(from..from + len);
    order.extend_from_slice(&rest[at..]);
    let mut relay = Relay {
        a: xa.to_vec(),
        b: order.iter().map(|&k| xb[k].clone()).collect(),
        gold: Vec::new(),
        moved: Vec::new(),
        beads: Vec::new(),
        cut_b: Vec::new(),
    };
    for (j, &i) in order.iter().enumerate() {
        relay.gold.push((i, j));
        if (from..from + len).contains(&i) {
            relay.moved.push((i, j));
        }
    }
    relay.gold.sort_unstable();
    relay.with_single_beads()
}

pub fn align_all(
    relays: &[Relay],
    (la, lb): (Lang, Lang),
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Links {
    let per: Vec<Links> = relays
        .par_iter()
        .map(|r| {
            let a = Doc::from_sentences(la, r.a.iter().map(String::as_str).collect());
            let b = Doc::from_sentences(lb, r.b.iter().map(String::as_str).collect());
            count(&align(&a, &b, lexicon, options), r)
        })
        .collect();
    let mut total = Links::default();
    per.into_iter().for_each(|l| total.add(l));
    total
}

/// Which relay shape to make.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Condensed,
    Moved,
}

/// FLORES documents of about 60 lines, the second language condensed or reordered.
pub fn flores_relays(
    flores: &Flores,
    pair: (Lang, Lang),
    shape: Shape,
    seed: u64,
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> (usize, Links) {
    let (Some(xa), Some(xb)) = (flores.lines(pair.0), flores.lines(pair.1)) else {
        return (0, Links::default());
    };
    let relays: Vec<Relay> = documents(flores)
        .into_iter()
        .enumerate()
        .map(|(d, lines)| {
            let mut rng = Rng::new(seed ^ ((d as u64 + 1) * 0x9E37_79B9));
            match shape {
                Shape::Condensed => condense(&xa[lines.clone()], &xb[lines], &mut rng),
                Shape::Moved => reorder(&xa[lines.clone()], &xb[lines], &mut rng),
            }
        })
        .collect();
    (relays.len(), align_all(&relays, pair, lexicon, options))
}

/// WMT German→English (reference A): documents of 50 lines, unedited or
/// with merges, splits, deletions and insertions (inserted sentences come
/// from at least 500 lines away).
pub fn wmt(
    dir: &std::path::Path,
    set: &str,
    edited: bool,
    seed: u64,
    lexicon: &Lexicon,
    options: &AlignOptions,
) -> Result<(usize, Links)> {
    const LINES: usize = 50;
    let de = read_lines(&dir.join(format!("{set}.de-en.src.de")))?;
    let en = read_lines(&dir.join(format!("{set}.de-en.ref.A.en")))?;
    let n = de.len().min(en.len());
    let relays: Vec<Relay> = (0..n)
        .step_by(LINES)
        .enumerate()
        .map(|(d, start)| {
            let lines = start..(start + LINES).min(n);
            if !edited {
                let gold = (0..lines.len()).map(|k| (k, k)).collect();
                return Relay {
                    a: de[lines.clone()].to_vec(),
                    b: en[lines].to_vec(),
                    gold,
                    moved: Vec::new(),
                    beads: Vec::new(),
                    cut_b: Vec::new(),
                }
                .with_single_beads();
            }
            let mut rng = Rng::new(seed ^ ((d as u64 + 1) * 0x1000_0001));
            let pool: Vec<String> = (0..n)
                .filter(|k| k.abs_diff(start) > 500)
                .map(|k| en[k].clone())
                .collect();
            let case = perturb(
                &de[lines.clone()],
                &en[lines],
                &pool,
                Rates::default(),
                &mut rng,
            );
            Relay {
                gold: links_of(&case.gold),
                a: case.a,
                b: case.b,
                moved: Vec::new(),
                beads: case.gold,
                cut_b: Vec::new(),
            }
        })
        .collect();
    Ok((
        relays.len(),
        align_all(&relays, (Lang::De, Lang::En), lexicon, options),
    ))
}
