//! Links outbid by a lone sentence: after the monotone pass, a sentence
//! linked to a partner that explains it poorly, while a sentence the
//! programme left alone on the other side explains it far better, is most
//! likely a passage the relay moved. The monotone programme cannot link
//! out of order, so it gives the moved sentence the best partner it can
//! reach in order, often a sentence the relay dropped (a quote moved to the
//! lead linked to a sentence of the original's lead), or merges it with a
//! neighbour.
//!
//! Such a link is released: its sentences stand alone again, so that
//! [`super::moved`] pairs the moved sentence with its rival (under that
//! pass's own test) and [`super::gaps`] may link the partner left behind.
//! The rival must be evidence on its own ([`super::moved::MIN_Z`], what a
//! moved pair alone needs) and beat the link's evidence against the null
//! level by [`MARGIN`] (see [`super::confidence::evidence`]; where the
//! lexicon says little about the language pair, evidence says little and
//! nothing is released). A sentence translated twice, or a close paraphrase
//! nearby, does not outbid its own translation by that much.
//!
//! A merged bead is released only when every sentence of its merged side
//! is outbid: one sentence of a true merge explains only part of its
//! partner, so a lone copy elsewhere (a relay that repeats a line) would
//! outbid it. Measured on a generated 10,000-sentence pair with repeated
//! lines, releasing single sentences of merges lowered strict F1 from 0.995
//! to 0.989, and on the condensed relays of `parallax-eval alignment` it
//! changed nothing.
//!
//! Example: a relay opens with the quote "We are not paying," Thielmann
//! said, which the original has in its ninth line; the programme linked it
//! to the original's second line, which the relay left out. Released, the
//! quote is linked to the ninth line as a moved passage.

use super::Bead;
use super::confidence::evidence;
use super::cost::Scorer;
use super::moved::{MIN_Z, candidate_pairs};

/// How far a lone rival's evidence must beat a link's (both 0..=1).
const MARGIN: f32 = 0.4;

/// Releases the links of `beads` (in A order) that lone sentences outbid.
pub fn release(beads: Vec<Bead>, scorer: &Scorer) -> Vec<Bead> {
    let cal = scorer.calibration;
    let lone = |on_a: bool| -> Vec<usize> {
        let mut v: Vec<usize> = beads
            .iter()
            .filter(|b| if on_a { b.b.is_empty() } else { b.a.is_empty() })
            .flat_map(|b| if on_a { b.a.clone() } else { b.b.clone() })
            .collect();
        v.sort_unstable();
        v
    };
    let (lone_a, lone_b) = (lone(true), lone(false));
    if lone_a.is_empty() && lone_b.is_empty() {
        return beads;
    }
    // Links weak enough to be outbid (evidence is at most 1), and where
    // each of their sentences is.
    let weak = |b: &Bead| !b.is_skip() && !b.moved && evidence(b.score, &cal) + MARGIN <= 1.0;
    let mut bead_of_a = vec![usize::MAX; scorer.a.len()];
    let mut bead_of_b = vec![usize::MAX; scorer.b.len()];
    for (k, b) in beads.iter().enumerate().filter(|(_, b)| weak(b)) {
        b.a.clone().for_each(|i| bead_of_a[i] = k);
        b.b.clone().for_each(|j| bead_of_b[j] = k);
    }
    let weak_a: Vec<usize> = (0..scorer.a.len())
        .filter(|&i| bead_of_a[i] != usize::MAX)
        .collect();
    let weak_b: Vec<usize> = (0..scorer.b.len())
        .filter(|&j| bead_of_b[j] != usize::MAX)
        .collect();
    let sim =
        |i: usize, j: usize| scorer.pair_similarity(&scorer.analyse_a(i), &scorer.analyse_b(j));
    // Outbid sentences: (gain, bead, on A, sentence, rival).
    let mut outbids: Vec<(f32, usize, bool, usize, usize)> = Vec::new();
    let mut consider = |on_a: bool, s: usize, rival: usize, similarity: f32| {
        let bead = if on_a { bead_of_a[s] } else { bead_of_b[s] };
        let gain = evidence(similarity, &cal) - evidence(beads[bead].score, &cal);
        if cal.rescale(similarity) >= MIN_Z && gain >= MARGIN {
            outbids.push((gain, bead, on_a, s, rival));
        }
    };
    for (i, j) in candidate_pairs(scorer, &weak_a, &lone_b) {
        consider(true, i, j, sim(i, j));
    }
    for (i, j) in candidate_pairs(scorer, &lone_a, &weak_b) {
        consider(false, j, i, sim(i, j));
    }
    if outbids.is_empty() {
        return beads;
    }
    // Best first, each sentence and each rival once.
    outbids.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1, x.2, x.3).cmp(&(y.1, y.2, y.3)))
    });
    let mut outbid: Vec<Vec<(bool, usize)>> = vec![Vec::new(); beads.len()];
    let mut rivals: Vec<(bool, usize)> = Vec::new();
    for (_, bead, on_a, s, rival) in outbids {
        if !outbid[bead].contains(&(on_a, s)) && !rivals.contains(&(on_a, rival)) {
            outbid[bead].push((on_a, s));
            rivals.push((on_a, rival));
        }
    }
    let mut out = Vec::with_capacity(beads.len() + 2);
    for (bead, outbid) in beads.into_iter().zip(outbid) {
        // The merged side (either side of a 1-1 bead): all of it outbid.
        let (on_a, side) = if bead.a.len() >= bead.b.len() {
            (true, bead.a.clone())
        } else {
            (false, bead.b.clone())
        };
        let released = !outbid.is_empty()
            && (bead.a.len() + bead.b.len() == 2
                || side.clone().all(|s| outbid.contains(&(on_a, s))));
        if !released {
            out.push(bead);
            continue;
        }
        let alone = |a: std::ops::Range<usize>, b: std::ops::Range<usize>| Bead {
            a,
            b,
            score: 0.0,
            moved: false,
            confidence: 0.0,
        };
        out.extend(bead.a.clone().map(|i| alone(i..i + 1, 0..0)));
        out.extend(bead.b.clone().map(|j| alone(0..0, j..j + 1)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Doc;
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    const DE: [&str; 6] = [
        "Der Stadtrat von Gabrowo hat am Montag die Sanierung der Markthalle beschlossen.",
        "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.",
        "Die Kosten liegen bei 4,2 Millionen Lewa.",
        "Händler fürchten, dass sie so lange keine Einnahmen haben.",
        "Die Stadt will ihnen Stände auf dem Parkplatz anbieten.",
        "„Jede Bude bekommt Strom und Wasser“, sagte Bürgermeister Tanew.",
    ];
    const EN: [&str; 6] = [
        "The council of Gabrovo decided on Monday to renovate the market hall.",
        "The work is to begin in spring and last two years.",
        "The costs are 4.2 million leva.",
        "Traders fear they will have no income for that long.",
        "The city wants to offer them stalls in the car park.",
        "\"Every stall will get power and water,\" said Mayor Tanev.",
    ];

    fn bead(a: std::ops::Range<usize>, b: std::ops::Range<usize>, score: f32) -> Bead {
        Bead {
            a,
            b,
            score,
            moved: false,
            confidence: 1.0,
        }
    }

    /// The rule's case: the programme linked the relay's lead (a quote from
    /// the source's end) to the source's first line, and left the quote's
    /// own translation alone. The link is released; true links stay.
    #[test]
    fn a_link_outbid_by_a_lone_sentence_is_released() {
        let lexicon = Lexicon::embedded();
        // B: the quote first, then lines 1-3 of the source.
        let en = vec![EN[5], EN[1], EN[2], EN[3]];
        let a = Doc::from_sentences(Lang::De, DE.to_vec());
        let b = Doc::from_sentences(Lang::En, en);
        let mut scorer = Scorer::new(&a, &b, &lexicon, crate::align::Params::default());
        let guide: Vec<usize> = (0..=a.len()).map(|i| i * b.len() / a.len()).collect();
        scorer.calibration = crate::align::calibrate::calibrate(&scorer, &guide).0;
        let sim =
            |i: usize, j: usize| scorer.pair_similarity(&scorer.analyse_a(i), &scorer.analyse_b(j));
        let beads = vec![
            bead(0..1, 0..1, sim(0, 0)),
            bead(1..2, 1..2, sim(1, 1)),
            bead(2..3, 2..3, sim(2, 2)),
            bead(3..4, 3..4, sim(3, 3)),
            bead(4..5, 0..0, 0.0),
            bead(5..6, 0..0, 0.0),
        ];
        let out = release(beads, &scorer);
        let links: Vec<(usize, usize)> = out
            .iter()
            .filter(|b| !b.is_skip())
            .map(|b| (b.a.start, b.b.start))
            .collect();
        assert_eq!(links, [(1, 1), (2, 2), (3, 3)]);
        assert_eq!(out.iter().filter(|b| b.is_skip()).count(), 4);
    }

    /// A faithful pair is never released: its own link is the best there is.
    #[test]
    fn faithful_links_stay() {
        let lexicon = Lexicon::embedded();
        let a = Doc::from_sentences(Lang::De, DE.to_vec());
        let b = Doc::from_sentences(Lang::En, EN[..5].to_vec());
        let mut scorer = Scorer::new(&a, &b, &lexicon, crate::align::Params::default());
        let guide: Vec<usize> = (0..=a.len()).map(|i| i * b.len() / a.len()).collect();
        scorer.calibration = crate::align::calibrate::calibrate(&scorer, &guide).0;
        let sim =
            |i: usize, j: usize| scorer.pair_similarity(&scorer.analyse_a(i), &scorer.analyse_b(j));
        let mut beads: Vec<Bead> = (0..5)
            .map(|k| bead(k..k + 1, k..k + 1, sim(k, k)))
            .collect();
        beads.push(bead(5..6, 0..0, 0.0));
        let out = release(beads.clone(), &scorer);
        assert_eq!(out, beads);
    }
}
